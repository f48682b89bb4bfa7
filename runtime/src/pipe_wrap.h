/* pipe_wrap.h — the C side of internalBinding('pipe_wrap') handles, shared
 * with binding_process_wrap.c (a spawned child's stdio pipes). */
#ifndef DEVRUN_RT_PIPE_WRAP_H
#define DEVRUN_RT_PIPE_WRAP_H

#include <stdbool.h>
#include <uv.h>

#include "engine.h"

typedef struct rt_pipe {
  uv_pipe_t pipe;  /* first: a uv_stream_t* is an rt_pipe* */
  rt_ref *obj;     /* the JavaScript handle, kept while open */
  rt_ref *on_read;
  rt_ref *on_close;
  bool closing;
} rt_pipe;

/* The rt_pipe behind a Pipe object, or NULL. */
rt_pipe *rt_pipe_from(rt_val obj);
void rt_pipe_close(rt_pipe *p);

#endif
