/* render.h — the renderer (render.c), the only layer that touches curses. */
#ifndef DEVRUN_REPL_RENDER_H
#define DEVRUN_REPL_RENDER_H

#include "model.h"

int repl_render_init(int color);
void repl_render_end(void);
void repl_render_suspend(void); /* before running $EDITOR */
void repl_render_resume(void);
void repl_render_resize(int rows, int cols);
void repl_render_size(int *rows, int *cols);
void repl_render(const repl_model_t *m);

#endif
