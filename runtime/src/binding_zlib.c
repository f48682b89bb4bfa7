/* binding_zlib.c — internalBinding('zlib'): deflate/inflate/gzip/gunzip/raw/
 * unzip on zlib and Brotli on libbrotli, for runtime/lib/zlib.js.
 *
 * A handle wraps one compression or decompression state.  The JavaScript
 * side (zlib.js) validates options and owns the stream logic; this file runs
 * the codec:
 *   init(mode, level, windowBits, memLevel, strategy, dictionary | undefined)
 *        -> handle, or a negative zlib error code
 *   brotliInit(mode, params: Uint32Array of (key, value) pairs) -> handle | null
 *   write(h, view | null, flush)             -> ArrayBuffer (all output the
 *        input and flush produce), or {errno, code, message} on a codec error
 *   writeAsync(h, view | null, flush, cb)    -> the same on the thread pool:
 *        cb(null, ArrayBuffer) or cb({errno, code, message}); in parallel
 *        mode (below) it may return the result instead (cb is not called)
 *   reset(h), params(h, level, strategy) -> zlib code, close(h)
 *   crc32(view, initial) -> unsigned 32-bit
 *   constants -> zlib.constants (from the headers)
 * Modes are Node's numbers (DEFLATE 1 ... BROTLI_ENCODE 9).  Error codes and
 * messages are Node's: Z_DATA_ERROR with zlib's message ("incorrect header
 * check"), "unexpected end of file" (Z_BUF_ERROR) when finishing a truncated
 * stream, "Missing dictionary"/"Bad dictionary" (Z_NEED_DICT), and for
 * Brotli "Decompression failed" with code ERR_<decoder error name>.
 * As Node, gunzip reads concatenated members and stops at trailing zeros.
 *
 * Parallel deflate (pigz's scheme).  A gzip/deflate/raw-deflate stream with
 * no dictionary that has been fed more than PAR_SWITCH bytes through
 * writeAsync with Z_NO_FLUSH only (or gets 2 * PAR_SWITCH bytes in one
 * writeAsync, as zlib.gzip(buffer, cb) does: its first PAR_SWITCH bytes go
 * serially) switches to parallel mode, on any machine and at any load so
 * that the output bytes are always the same (DEVRUN_ZLIB_SERIAL=1 turns it
 * off).  The job that crosses the threshold
 * ends its output with Z_SYNC_FLUSH (byte-aligned) and takes the running
 * check value, total and 32 KiB window from the serial z_stream
 * (deflateGetDictionary).  From then on the input is cut into PAR_BLOCK
 * blocks; each is compressed on the thread pool by its own raw z_stream
 * primed with the 32 KiB before it (deflateSetDictionary) and ended with
 * Z_SYNC_FLUSH (Z_FINISH for the last); the outputs are appended in order,
 * their crc32/adler32 joined with crc32_combine/adler32_combine, and the
 * trailer written here: one valid stream, compressed about as well as
 * serially (a 5-byte sync marker per block).  writeAsync then returns the
 * output that is ready at once (an ArrayBuffer; the callback is not called)
 * unless the thread pool's size less one blocks are running or the write
 * flushes: then the callback gets the output when the blocks up to that
 * point are done.  A flush is honoured at its place: Z_SYNC_FLUSH (and
 * Z_PARTIAL_FLUSH and Z_BLOCK, which it satisfies) ends a block,
 * Z_FULL_FLUSH also drops the next block's dictionary, Z_FINISH ends the
 * stream.  params() applies to the blocks after its sync flush,
 * reset()/close() drop the blocks in flight.  Output bytes differ from a
 * serial run (as they already differ from Node's Chromium zlib); decoders
 * see one ordinary stream.
 */
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "runtime.h"

enum {
  M_NONE,
  M_DEFLATE,
  M_INFLATE,
  M_GZIP,
  M_GUNZIP,
  M_DEFLATERAW,
  M_INFLATERAW,
  M_UNZIP,
  M_BROTLI_DECODE,
  M_BROTLI_ENCODE
};

typedef struct {
  uint8_t *p;
  size_t len, cap;
} zbuf;

typedef struct {
  int err; /* 0 ok, else errno reported to JS */
  const char *code;
  char codebuf[80]; /* code may point here (Brotli's error names) */
  char msg[96];
} zerr;

enum {
  PAR_WINDOW = 32768,      /* dictionary handed to the next block */
  PAR_BLOCK = 256 * 1024,  /* input per parallel block */
  PAR_SWITCH = 1024 * 1024 /* serial input before going parallel */
};

typedef struct pblock pblock;
typedef struct zl_t zl_t;

struct pblock {
  uv_work_t req;
  zl_t *z;
  pblock *next;
  uint8_t *in;
  size_t n;
  uint8_t *dict;
  size_t dict_len;
  int level, strategy, flush;
  unsigned gen;
  uint64_t seq;
  int mode, wbits, memlevel;
  bool done;
  uLong check;
  zbuf out;
  zerr e;
};

struct zl_t {
  int mode;
  bool inited, ended;
  z_stream strm;
  int level, wbits, memlevel, strategy;
  uint8_t *dict;
  size_t dict_len;
  BrotliEncoderState *enc;
  BrotliDecoderState *dec;
  bool busy;
  /* parallel deflate (see the top of the file); loop thread only */
  bool par_ok;     /* may still switch: deflate, no dictionary, no flush yet */
  bool par_switch; /* the running serial job switches when it is done */
  bool par;        /* in parallel mode */
  bool par_finished;
  int par_last_flush; /* the flush of the last write, as deflate's last_flush */
  uint64_t par_total; /* input bytes so far */
  uLong par_check;    /* crc32 (gzip) or adler32 (deflate) of the input so far */
  uint8_t *win;       /* the last PAR_WINDOW bytes of input (or fewer) */
  size_t win_len;
  zbuf pend; /* input not yet in a block */
  pblock *head, *tail;
  int inflight;
  uint64_t seq, popped;
  unsigned gen;
  zbuf ready;      /* output of finished blocks, in order, not yet returned */
  zerr perr;       /* first error of a block */
  rt_ref *wait_cb; /* a writeAsync waiting for block wait_seq */
  uint64_t wait_seq;
  rt_ref *keep; /* the handle wrapper, while blocks or a callback are pending */
  struct zl_t *live_prev, *live_next; /* this thread's handles (see live_free_all) */
};

static void zbuf_reserve(zbuf *b, size_t want) {
  if (b->cap - b->len >= want) return;
  size_t cap = b->cap ? b->cap : 16384;
  while (cap - b->len < want) cap *= 2;
  uint8_t *p = realloc(b->p, cap);
  if (!p) abort();
  b->p = p;
  b->cap = cap;
}

static void set_err(zerr *e, int err, const char *code, const char *msg) {
  e->err = err;
  e->code = code;
  snprintf(e->msg, sizeof e->msg, "%s", msg);
}

static const char *zcode(int r) {
  switch (r) {
    case Z_NEED_DICT:
      return "Z_NEED_DICT";
    case Z_ERRNO:
      return "Z_ERRNO";
    case Z_STREAM_ERROR:
      return "Z_STREAM_ERROR";
    case Z_DATA_ERROR:
      return "Z_DATA_ERROR";
    case Z_MEM_ERROR:
      return "Z_MEM_ERROR";
    case Z_BUF_ERROR:
      return "Z_BUF_ERROR";
    case Z_VERSION_ERROR:
      return "Z_VERSION_ERROR";
    default:
      return "Z_UNKNOWN";
  }
}

static bool is_deflate(int m) {
  return m == M_DEFLATE || m == M_GZIP || m == M_DEFLATERAW;
}

static int zl_init_stream(zl_t *z) {
  memset(&z->strm, 0, sizeof z->strm);
  int r, wb = z->wbits;
  switch (z->mode) {
    case M_GZIP:
    case M_GUNZIP:
      wb += 16;
      break;
    case M_UNZIP:
      wb += 32;
      break;
    case M_DEFLATERAW:
    case M_INFLATERAW:
      wb = -wb;
      break;
    default:
      break;
  }
  if (is_deflate(z->mode))
    r = deflateInit2(&z->strm, z->level, Z_DEFLATED, wb, z->memlevel, z->strategy);
  else
    r = inflateInit2(&z->strm, wb);
  if (r != Z_OK) return r;
  z->inited = true;
  if (z->dict && is_deflate(z->mode))
    r = deflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  else if (z->dict && z->mode == M_INFLATERAW)
    r = inflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  return r;
}

static void zl_end(zl_t *z) {
  if (z->inited) {
    if (is_deflate(z->mode))
      deflateEnd(&z->strm);
    else
      inflateEnd(&z->strm);
    z->inited = false;
  }
  if (z->enc) BrotliEncoderDestroyInstance(z->enc);
  if (z->dec) BrotliDecoderDestroyInstance(z->dec);
  z->enc = NULL;
  z->dec = NULL;
}

/* Runs zlib over in[0..n) with flush; appends to out. */
static void run_zlib(zl_t *z, const uint8_t *in, size_t n, int flush, zbuf *out, zerr *e) {
  z_stream *s = &z->strm;
  s->next_in = (Bytef *)(in ? in : (const uint8_t *)"");
  s->avail_in = (uInt)n;
  bool deflating = is_deflate(z->mode);
  for (;;) {
    zbuf_reserve(out, n / 2 + 16384);
    s->next_out = out->p + out->len;
    s->avail_out = (uInt)(out->cap - out->len);
    uInt before_out = s->avail_out, before_in = s->avail_in;
    int r = deflating ? deflate(s, flush) : inflate(s, flush);
    out->len += before_out - s->avail_out;
    if (deflating) {
      if (r == Z_STREAM_ERROR) return set_err(e, r, zcode(r), "Zlib error");
      if (s->avail_out == 0) continue; /* more output pending */
      return;
    }
    if (r == Z_NEED_DICT) {
      if (!z->dict) return set_err(e, r, "Z_NEED_DICT", "Missing dictionary");
      r = inflateSetDictionary(s, z->dict, (uInt)z->dict_len);
      if (r != Z_OK) return set_err(e, Z_NEED_DICT, "Z_NEED_DICT", "Bad dictionary");
      continue;
    }
    if (r == Z_STREAM_END) {
      z->ended = true;
      /* Concatenated gzip members: another member unless the rest is zeros. */
      if (z->mode == M_GUNZIP && s->avail_in > 0 && s->next_in[0] != 0) {
        inflateReset(s);
        z->ended = false;
        continue;
      }
      return;
    }
    if (r == Z_DATA_ERROR || r == Z_STREAM_ERROR || r == Z_MEM_ERROR) {
      return set_err(e, r, zcode(r), s->msg ? s->msg : "Zlib error");
    }
    if (r == Z_BUF_ERROR) {
      if (s->avail_out == 0) continue;
      if (flush == Z_FINISH && s->avail_in == 0)
        return set_err(e, Z_BUF_ERROR, "Z_BUF_ERROR", "unexpected end of file");
      return;
    }
    /* Z_OK */
    if (s->avail_out == 0) continue;
    if (s->avail_in == 0) {
      if (flush == Z_FINISH && !z->ended && before_in == 0 && before_out == s->avail_out)
        return set_err(e, Z_BUF_ERROR, "Z_BUF_ERROR", "unexpected end of file");
      if (flush != Z_FINISH) return;
    }
  }
}

/* "_ERROR_FORMAT_PADDING_2" for a decoder error code, as Node names them. */
static const char *brotli_error_name(int code) {
  switch (code) {
#define BE(PREFIX, NAME, CODE) \
  case CODE:                   \
    return #PREFIX #NAME;
    BROTLI_DECODER_ERROR_CODES_LIST(BE, )
#undef BE
    default:
      return "_ERROR_UNKNOWN";
  }
}

static void run_brotli(zl_t *z, const uint8_t *in, size_t n, int op, zbuf *out, zerr *e) {
  const uint8_t *next_in = in;
  size_t avail_in = n;
  if (z->enc) {
    for (;;) {
      zbuf_reserve(out, 16384);
      uint8_t *next_out = out->p + out->len;
      size_t avail_out = out->cap - out->len, before = avail_out;
      if (!BrotliEncoderCompressStream(z->enc, (BrotliEncoderOperation)op, &avail_in, &next_in,
                                       &avail_out, &next_out, NULL))
        return set_err(e, -1, "ERR_BROTLI_COMPRESSION_FAILED", "Compression failed");
      out->len += before - avail_out;
      if (avail_out == 0 || BrotliEncoderHasMoreOutput(z->enc)) continue;
      if (avail_in == 0) return;
    }
  }
  for (;;) {
    zbuf_reserve(out, n + 16384);
    uint8_t *next_out = out->p + out->len;
    size_t avail_out = out->cap - out->len, before = avail_out;
    BrotliDecoderResult r =
        BrotliDecoderDecompressStream(z->dec, &avail_in, &next_in, &avail_out, &next_out, NULL);
    out->len += before - avail_out;
    switch (r) {
      case BROTLI_DECODER_RESULT_ERROR: {
        int code = (int)BrotliDecoderGetErrorCode(z->dec);
        e->err = code;
        snprintf(e->codebuf, sizeof e->codebuf, "ERR_%s", brotli_error_name(code));
        e->code = e->codebuf;
        snprintf(e->msg, sizeof e->msg, "Decompression failed");
        return;
      }
      case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
        continue;
      case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
        if (op == BROTLI_OPERATION_FINISH)
          return set_err(e, Z_BUF_ERROR, "Z_BUF_ERROR", "unexpected end of file");
        return;
      case BROTLI_DECODER_RESULT_SUCCESS:
        z->ended = true;
        return;
    }
  }
}

static void zl_run(zl_t *z, const uint8_t *in, size_t n, int flush, zbuf *out, zerr *e) {
  e->err = 0;
  if (z->mode == M_BROTLI_ENCODE || z->mode == M_BROTLI_DECODE)
    run_brotli(z, in, n, flush, out, e);
  else if (z->inited)
    run_zlib(z, in, n, flush, out, e);
  else
    set_err(e, Z_STREAM_ERROR, "Z_STREAM_ERROR", "zlib binding closed");
}

/* ---- handles -------------------------------------------------------------- */

static void par_release(zl_t *z);
static bool par_allowed(const zl_t *z);

/* This thread's handles.  V8 runs no weak callback when a worker's isolate
 * is disposed, so the handles a worker leaves open (a stream not ended when
 * it exits or is terminated: a deflate state is 256 KiB and more) are freed
 * when its thread ends, after the isolate (no rt_ref is touched then). */
static _Thread_local zl_t *live;
static _Thread_local bool live_hooked;

static void live_unlink(zl_t *z) {
  if (z->live_prev)
    z->live_prev->live_next = z->live_next;
  else if (live == z)
    live = z->live_next;
  if (z->live_next) z->live_next->live_prev = z->live_prev;
  z->live_prev = z->live_next = NULL;
}

static void live_free_all(void *arg) {
  (void)arg;
  while (live) {
    zl_t *z = live;
    live = z->live_next;
    zl_end(z);
    free(z->win);
    free(z->pend.p);
    free(z->ready.p);
    free(z->dict);
    free(z);
  }
  live_hooked = false;
}

static void zl_free(void *data) {
  zl_t *z = data;
  if (z->busy) return; /* the job frees it (see after_write) */
  live_unlink(z);
  zl_end(z);
  par_release(z);
  free(z->dict);
  free(z);
}

static rt_val zl_wrap(zl_t *z) {
  if (!live_hooked) {
    rt_thread_at_exit(live_free_all, NULL);
    live_hooked = true;
  }
  z->live_next = live;
  if (live) live->live_prev = z;
  live = z;
  rt_val w = rt_object_with_slots();
  rt_object_set_ptr(w, z);
  rt_ref_set_weak(rt_ref_new(w), zl_free, z);
  return w;
}

static zl_t *zl_of(rt_val v) {
  return rt_is_object(v) ? rt_object_get_ptr(v) : NULL;
}

static void init(rt_args *a) {
  zl_t *z = calloc(1, sizeof *z);
  if (!z) abort();
  z->mode = rt_to_int32(rt_arg(a, 0));
  z->level = rt_to_int32(rt_arg(a, 1));
  z->wbits = rt_to_int32(rt_arg(a, 2));
  z->memlevel = rt_to_int32(rt_arg(a, 3));
  z->strategy = rt_to_int32(rt_arg(a, 4));
  rt_val dv = rt_arg(a, 5);
  if (rt_is_array_buffer_view(dv)) {
    size_t n;
    const void *p = rt_view_data(dv, &n);
    z->dict = malloc(n ? n : 1);
    if (!z->dict) abort();
    if (n) memcpy(z->dict, p, n);
    z->dict_len = n;
  }
  if (z->mode == M_UNZIP && z->wbits == 0) z->wbits = 15;
  if ((z->mode == M_INFLATE || z->mode == M_GUNZIP || z->mode == M_INFLATERAW) && z->wbits == 0)
    z->wbits = 15;
  int r = zl_init_stream(z);
  z->par_ok = par_allowed(z);
  if (r != Z_OK) {
    zl_end(z);
    free(z->dict);
    free(z);
    rt_return_int(a, r);
    return;
  }
  rt_return(a, zl_wrap(z));
}

static void brotli_init(rt_args *a) {
  zl_t *z = calloc(1, sizeof *z);
  if (!z) abort();
  z->mode = rt_to_int32(rt_arg(a, 0));
  size_t n = 0;
  const uint32_t *params =
      rt_is_array_buffer_view(rt_arg(a, 1)) ? rt_view_data(rt_arg(a, 1), &n) : NULL;
  n /= 8;
  bool ok;
  if (z->mode == M_BROTLI_ENCODE) {
    z->enc = BrotliEncoderCreateInstance(NULL, NULL, NULL);
    ok = z->enc != NULL;
    for (size_t i = 0; ok && i < n; i++)
      ok = BrotliEncoderSetParameter(z->enc, (BrotliEncoderParameter)params[2 * i],
                                     params[2 * i + 1]);
  } else {
    z->dec = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    ok = z->dec != NULL;
    for (size_t i = 0; ok && i < n; i++)
      ok = BrotliDecoderSetParameter(z->dec, (BrotliDecoderParameter)params[2 * i],
                                     params[2 * i + 1]);
  }
  if (!ok) {
    zl_end(z);
    free(z);
    rt_return(a, rt_null());
    return;
  }
  rt_return(a, zl_wrap(z));
}

static rt_val err_value(const zerr *e) {
  rt_val o = rt_object();
  rt_set(o, "errno", rt_int(e->err));
  rt_set(o, "code", rt_string(e->code));
  rt_set(o, "message", rt_string(e->msg));
  return o;
}

static rt_val out_value(zbuf *b) {
  uint8_t *p = b->p;
  if (b->len < b->cap) {
    uint8_t *q = realloc(p, b->len ? b->len : 1);
    if (q) p = q;
  }
  if (!p) p = malloc(1);
  b->p = NULL;
  return rt_array_buffer_take(p, b->len);
}

/* ---- parallel deflate (see the top of the file) --------------------------- */

static _Thread_local int par_disabled = -1; /* DEVRUN_ZLIB_SERIAL=1, or one CPU */
/* Blocks in flight before a write waits: the pool's threads less one (left
 * for the file reads that feed the stream); a queue deeper than the CPUs
 * rides out the scheduling delays of a loaded machine. */
static _Thread_local int par_inflight = 1;

static bool par_allowed(const zl_t *z) {
  if (par_disabled < 0) {
    const char *v = getenv("DEVRUN_ZLIB_SERIAL");
    const char *ps = getenv("UV_THREADPOOL_SIZE");
    int pool = ps && atoi(ps) > 0 ? atoi(ps) : 4;
    par_inflight = pool - 1;
    if (par_inflight < 1) par_inflight = 1;
    par_disabled = v && *v && strcmp(v, "0") != 0;
  }
  return !par_disabled && !z->dict &&
         (z->mode == M_GZIP || z->mode == M_DEFLATE || z->mode == M_DEFLATERAW);
}

/* Whether a stream switches to blocks must not depend on the machine's
 * load or CPU count: the compressed bytes differ between the two modes, and
 * compressing the same input twice must give the same bytes (reproducible
 * builds, caches keyed on output).  So the block format is used whenever the
 * input allows it; with one CPU, or on a saturated machine, the blocks are
 * simply compressed one after the other on the pool.  Measured here (2 cores,
 * 102 MB): blocks beat one thread by 15-25 % at a load average of 2.5-3.5,
 * and lose by 10-50 % at 10-14 (every hand-over between threads waits for a
 * time slice); DEVRUN_ZLIB_SERIAL=1 keeps zlib's continuous stream. */
static bool par_cores_free(void) { return true; }

static void zbuf_add(zbuf *b, const void *p, size_t n) {
  if (!n) return;
  zbuf_reserve(b, n);
  memcpy(b->p + b->len, p, n);
  b->len += n;
}

/* Hands the buffer over as an ArrayBuffer and leaves b empty. */
static rt_val zbuf_take(zbuf *b) {
  rt_val v = out_value(b);
  b->p = NULL;
  b->len = b->cap = 0;
  return v;
}

/* Thread pool: one block as raw deflate, primed with its dictionary. */
static void par_compress(pblock *b) {
  z_stream s;
  memset(&s, 0, sizeof s);
  b->e.err = 0;
  int r = deflateInit2(&s, b->level, Z_DEFLATED, -b->wbits, b->memlevel, b->strategy);
  if (r != Z_OK) return set_err(&b->e, r, zcode(r), "Zlib error");
  if (b->dict_len) r = deflateSetDictionary(&s, b->dict, (uInt)b->dict_len);
  if (r == Z_OK) {
    zbuf_reserve(&b->out, deflateBound(&s, (uLong)b->n) + 64);
    s.next_in = b->in ? b->in : (Bytef *)"";
    s.avail_in = (uInt)b->n;
    for (;;) {
      zbuf_reserve(&b->out, 16384);
      s.next_out = b->out.p + b->out.len;
      s.avail_out = (uInt)(b->out.cap - b->out.len);
      uInt before = s.avail_out;
      r = deflate(&s, b->flush);
      b->out.len += before - s.avail_out;
      if (r == Z_STREAM_END) break;
      if (r != Z_OK && r != Z_BUF_ERROR) break;
      if (s.avail_out == 0) continue;
      if (b->flush != Z_FINISH) {
        r = Z_OK;
        break;
      }
    }
  }
  if (r != Z_OK && r != Z_STREAM_END) set_err(&b->e, r, zcode(r), s.msg ? s.msg : "Zlib error");
  deflateEnd(&s);
  if (b->mode == M_GZIP)
    b->check = crc32_z(0, b->in, b->n);
  else if (b->mode == M_DEFLATE)
    b->check = adler32_z(1, b->in, b->n);
}

static void par_work(uv_work_t *req) {
  par_compress(req->data);
}

static void par_free_block(pblock *b) {
  free(b->in);
  free(b->dict);
  free(b->out.p);
  free(b);
}

static void put_be32(zbuf *b, uint32_t v) {
  uint8_t t[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
  zbuf_add(b, t, 4);
}

static void put_le32(zbuf *b, uint32_t v) {
  uint8_t t[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
  zbuf_add(b, t, 4);
}

/* Moves the finished blocks at the head of the queue, in order, to ready. */
static void par_pop(zl_t *z) {
  while (z->head && z->head->done) {
    pblock *b = z->head;
    z->head = b->next;
    if (!z->head) z->tail = NULL;
    z->popped = b->seq;
    if (b->gen == z->gen) {
      if (b->e.err) {
        if (!z->perr.err) z->perr = b->e;
      } else {
        zbuf_add(&z->ready, b->out.p, b->out.len);
        if (z->mode == M_GZIP)
          z->par_check = crc32_combine(z->par_check, b->check, (z_off_t)b->n);
        else if (z->mode == M_DEFLATE)
          z->par_check = adler32_combine(z->par_check, b->check, (z_off_t)b->n);
        z->par_total += b->n;
        if (b->flush == Z_FINISH) {
          z->par_finished = true;
          if (z->mode == M_GZIP) {
            put_le32(&z->ready, (uint32_t)z->par_check);
            put_le32(&z->ready, (uint32_t)z->par_total);
          } else if (z->mode == M_DEFLATE) {
            put_be32(&z->ready, (uint32_t)z->par_check);
          }
        }
      }
    }
    par_free_block(b);
  }
}

static void par_after(uv_work_t *req, int status);

/* Cuts the first n pending bytes into a block ending with flush and starts
 * it (or, inline, runs it now).  Returns its sequence number. */
static uint64_t par_take(zl_t *z, size_t n, int flush, bool run_inline) {
  pblock *b = calloc(1, sizeof *b);
  if (!b) abort();
  b->z = z;
  b->n = n;
  b->in = malloc(n ? n : 1);
  if (!b->in) abort();
  memcpy(b->in, z->pend.p ? z->pend.p : (uint8_t *)"", n);
  z->pend.len -= n;
  if (z->pend.len) memmove(z->pend.p, z->pend.p + n, z->pend.len);
  if (z->win_len) {
    b->dict = malloc(z->win_len);
    if (!b->dict) abort();
    memcpy(b->dict, z->win, z->win_len);
    b->dict_len = z->win_len;
  }
  /* the window for the next block: the last PAR_WINDOW bytes so far */
  if (n >= PAR_WINDOW) {
    memcpy(z->win, b->in + n - PAR_WINDOW, PAR_WINDOW);
    z->win_len = PAR_WINDOW;
  } else if (n) {
    size_t keep = z->win_len < PAR_WINDOW - n ? z->win_len : PAR_WINDOW - n;
    memmove(z->win, z->win + z->win_len - keep, keep);
    memcpy(z->win + keep, b->in, n);
    z->win_len = keep + n;
  }
  b->level = z->level;
  b->strategy = z->strategy;
  b->wbits = z->wbits;
  b->memlevel = z->memlevel;
  b->mode = z->mode;
  b->flush = flush;
  b->gen = z->gen;
  b->seq = ++z->seq;
  b->req.data = b;
  if (z->tail)
    z->tail->next = b;
  else
    z->head = b;
  z->tail = b;
  if (!run_inline && uv_queue_work(rt_env_current->loop, &b->req, par_work, par_after) == 0) {
    z->inflight++;
  } else {
    par_compress(b);
    b->done = true;
  }
  return b->seq;
}

/* The result of a write: the error of a block, or the ready output. */
static rt_val par_result(zl_t *z) {
  if (z->perr.err) return err_value(&z->perr);
  return zbuf_take(&z->ready);
}

static void par_keep(zl_t *z, rt_val wrapper) {
  bool need = z->inflight > 0 || z->wait_cb;
  if (need && !z->keep) z->keep = rt_ref_new(wrapper);
  if (!need && z->keep) {
    rt_ref_free(z->keep);
    z->keep = NULL;
  }
}

static void par_after(uv_work_t *req, int status) {
  (void)status;
  pblock *b = req->data;
  zl_t *z = b->z;
  b->done = true;
  z->inflight--;
  par_pop(z);
  rt_scope *sc = rt_scope_open();
  rt_val wrapper = rt_ref_get(z->keep); /* a local now: z lives until the scope closes */
  rt_val cb = NULL;
  rt_val argv[2] = {rt_null(), rt_undefined()};
  if (z->wait_cb && z->popped >= z->wait_seq) {
    cb = rt_ref_get(z->wait_cb);
    rt_ref_free(z->wait_cb);
    z->wait_cb = NULL;
    rt_val r = par_result(z);
    if (rt_is_array_buffer(r))
      argv[1] = r;
    else
      argv[0] = r;
  }
  par_keep(z, wrapper);
  if (cb) rt_make_callback(cb, rt_undefined(), 2, argv);
  rt_scope_close(sc);
}

/* zlib's ordering of flush values (deflate.c's RANK). */
static int zrank(int f) {
  return f * 2 - (f > 4 ? 9 : 0);
}

/* A write in parallel mode.  Returns the result now, or NULL when cb will get
 * it (run_inline: the synchronous API, which never waits). */
static rt_val par_write(zl_t *z, rt_val wrapper, const uint8_t *in, size_t n, int flush,
                        rt_val cb) {
  bool run_inline = cb == NULL;
  if (z->par_finished) return par_result(z); /* as deflate after Z_FINISH: nothing */
  /* As deflate(): a flush no stronger than the last one, with no input in
   * between, writes nothing (a second sync flush adds no second marker). */
  int old_flush = z->par_last_flush;
  z->par_last_flush = flush;
  bool repeat = n == 0 && z->pend.len == 0 && flush != Z_FINISH && old_flush != Z_NO_FLUSH &&
                zrank(flush) <= zrank(old_flush);
  zbuf_add(&z->pend, in, n);
  while (z->pend.len >= PAR_BLOCK) par_take(z, PAR_BLOCK, Z_SYNC_FLUSH, run_inline);
  uint64_t wait = 0;
  if (repeat) {
    wait = z->tail ? z->tail->seq : 0;
  } else if (flush != Z_NO_FLUSH) {
    wait = par_take(z, z->pend.len, flush == Z_FINISH ? Z_FINISH : Z_SYNC_FLUSH, run_inline);
    if (flush == Z_FULL_FLUSH) z->win_len = 0;
  } else if (z->inflight > par_inflight) {
    wait = z->head->seq;
  }
  par_pop(z);
  if (wait && z->popped < wait && !run_inline) {
    z->wait_cb = rt_ref_new(cb);
    z->wait_seq = wait;
    par_keep(z, wrapper);
    return NULL;
  }
  par_keep(z, wrapper);
  return par_result(z);
}

/* Back to serial: reset() and close() drop the blocks in flight. */
static void par_drop(zl_t *z) {
  z->gen++;
  z->par = z->par_switch = z->par_finished = false;
  z->par_ok = par_allowed(z);
  z->par_total = 0;
  z->win_len = 0;
  z->pend.len = 0;
  z->ready.len = 0;
  z->perr.err = 0;
}

static void par_release(zl_t *z) {
  free(z->win);
  free(z->pend.p);
  free(z->ready.p);
  if (z->wait_cb) rt_ref_free(z->wait_cb);
  if (z->keep) rt_ref_free(z->keep);
}

static void write_sync(rt_args *a) {
  zl_t *z = zl_of(rt_arg(a, 0));
  if (!z || z->busy) {
    rt_throw_error("zlib handle is busy or invalid");
    return;
  }
  size_t n = 0;
  rt_val in = rt_arg(a, 1);
  const uint8_t *p = rt_is_array_buffer_view(in) ? rt_view_data(in, &n) : NULL;
  if (z->par) {
    if (z->inflight) {
      rt_throw_error("zlib handle is busy or invalid");
      return;
    }
    rt_return(a, par_write(z, rt_arg(a, 0), p, n, rt_to_int32(rt_arg(a, 2)), NULL));
    return;
  }
  z->par_ok = false;
  zbuf out = {0};
  zerr e;
  zl_run(z, p, n, rt_to_int32(rt_arg(a, 2)), &out, &e);
  if (e.err) {
    free(out.p);
    rt_return(a, err_value(&e));
    return;
  }
  rt_return(a, out_value(&out));
}

typedef struct {
  uv_work_t req;
  zl_t *z;
  rt_ref *cb, *keep;
  const uint8_t *in;
  size_t n;
  int flush;
  zbuf out;
  zerr e;
  bool orphan; /* handle collected while busy */
  /* a big write that switches to parallel mode: what follows the serial part */
  const uint8_t *rest;
  size_t rest_n;
  int rest_flush;
} zjob;

static void do_write(uv_work_t *req) {
  zjob *j = req->data;
  zl_t *z = j->z;
  zl_run(z, j->in, j->n, j->flush, &j->out, &j->e);
  if (z->par_switch && !j->e.err) {
    /* going parallel: all input is out (Z_SYNC_FLUSH); take the state */
    uInt len = 0;
    if (deflateGetDictionary(&z->strm, z->win, &len) != Z_OK) len = 0;
    z->win_len = len;
    z->par_check = z->strm.adler;
    z->par_total = z->strm.total_in;
  }
}

static void after_write(uv_work_t *req, int status) {
  (void)status;
  zjob *j = req->data;
  j->z->busy = false;
  if (j->z->par_switch) {
    j->z->par_switch = false;
    j->z->par = !j->e.err;
    j->z->par_last_flush = Z_NO_FLUSH; /* the caller's flush (the job's was a sync flush) */
  }
  rt_scope *s = rt_scope_open();
  rt_val argv[2] = {rt_null(), rt_undefined()};
  zl_t *z = j->z;
  if (j->rest && z->par && !j->e.err) {
    /* the rest of a big write goes on in parallel blocks, after this output */
    zbuf_add(&z->ready, j->out.p, j->out.len);
    free(j->out.p);
    rt_val cb = rt_ref_get(j->cb);
    rt_val r =
        par_write(z, rt_get_i(rt_ref_get(j->keep), 0), j->rest, j->rest_n, j->rest_flush, cb);
    rt_ref_free(j->cb);
    rt_ref_free(j->keep);
    free(j);
    if (r) {
      argv[rt_is_array_buffer(r) ? 1 : 0] = r;
      rt_make_callback(cb, rt_undefined(), 2, argv);
    }
    rt_scope_close(s);
    return;
  }
  if (j->e.err) {
    argv[0] = err_value(&j->e);
    free(j->out.p);
  } else {
    argv[1] = out_value(&j->out);
  }
  rt_val cb = rt_ref_get(j->cb);
  rt_ref_free(j->cb);
  rt_ref_free(j->keep); /* keeps the handle wrapper and input alive */
  free(j);
  rt_make_callback(cb, rt_undefined(), 2, argv);
  rt_scope_close(s);
}

static void write_async(rt_args *a) {
  rt_val hv = rt_arg(a, 0);
  zl_t *z = zl_of(hv);
  if (!z || z->busy) {
    rt_throw_error("zlib handle is busy or invalid");
    return;
  }
  rt_val in = rt_arg(a, 1);
  int flush = rt_to_int32(rt_arg(a, 2));
  if (z->par) {
    size_t n = 0;
    const uint8_t *p = rt_is_array_buffer_view(in) ? rt_view_data(in, &n) : NULL;
    rt_val r = par_write(z, hv, p, n, flush, rt_arg(a, 3));
    if (r) rt_return(a, r);
    return;
  }
  zjob *j = calloc(1, sizeof *j);
  if (!j) abort();
  j->in = rt_is_array_buffer_view(in) ? rt_view_data(in, &j->n) : NULL;
  if (z->par_ok && z->inited && j->n >= 2 * PAR_SWITCH && par_cores_free()) {
    /* a big write (zlib.gzip(buffer, cb)): its first PAR_SWITCH bytes
     * serially, the rest in parallel blocks (see after_write) */
    if (!z->win && !(z->win = malloc(PAR_WINDOW))) abort();
    j->rest = j->in + PAR_SWITCH;
    j->rest_n = j->n - PAR_SWITCH;
    j->rest_flush = flush;
    j->n = PAR_SWITCH;
    z->par_ok = false;
    z->par_switch = true;
    flush = Z_SYNC_FLUSH;
  } else if (z->par_ok) {
    z->par_total += j->n;
    if (flush != Z_NO_FLUSH || !z->inited) {
      z->par_ok = false;
    } else if (z->par_total >= PAR_SWITCH && !par_cores_free()) {
      z->par_ok = false; /* a busy machine: this stream stays serial */
    } else if (z->par_total >= PAR_SWITCH) {
      if (!z->win && !(z->win = malloc(PAR_WINDOW))) abort();
      z->par_ok = false;
      z->par_switch = true;
      flush = Z_SYNC_FLUSH;
    }
  }
  rt_val keep = rt_array(2);
  rt_set_i(keep, 0, hv);
  rt_set_i(keep, 1, in);
  j->keep = rt_ref_new(keep);
  j->z = z;
  j->flush = flush;
  j->cb = rt_ref_new(rt_arg(a, 3));
  j->req.data = j;
  z->busy = true;
  if (uv_queue_work(rt_env_current->loop, &j->req, do_write, after_write) != 0) {
    z->busy = false;
    z->par_switch = false;
    rt_ref_free(j->cb);
    rt_ref_free(j->keep);
    free(j);
    rt_throw_error("cannot queue zlib work");
  }
}

static void reset(rt_args *a) {
  zl_t *z = zl_of(rt_arg(a, 0));
  if (!z || z->busy) return;
  par_drop(z);
  z->ended = false;
  int r = Z_OK;
  if (z->inited) r = is_deflate(z->mode) ? deflateReset(&z->strm) : inflateReset(&z->strm);
  if (r == Z_OK && z->dict && z->inited && (is_deflate(z->mode) || z->mode == M_INFLATERAW))
    r = is_deflate(z->mode) ? deflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len)
                            : inflateSetDictionary(&z->strm, z->dict, (uInt)z->dict_len);
  if (z->enc) {
    BrotliEncoderDestroyInstance(z->enc);
    z->enc = BrotliEncoderCreateInstance(NULL, NULL, NULL);
  }
  if (z->dec) {
    BrotliDecoderDestroyInstance(z->dec);
    z->dec = BrotliDecoderCreateInstance(NULL, NULL, NULL);
  }
  rt_return_int(a, r);
}

static void params_(rt_args *a) {
  zl_t *z = zl_of(rt_arg(a, 0));
  if (!z || z->busy || !z->inited || !is_deflate(z->mode)) {
    rt_return_int(a, Z_STREAM_ERROR);
    return;
  }
  z->level = rt_to_int32(rt_arg(a, 1));
  z->strategy = rt_to_int32(rt_arg(a, 2));
  if (z->par) { /* the next blocks use them (JavaScript flushed first) */
    rt_return_int(a, Z_OK);
    return;
  }
  rt_return_int(a, deflateParams(&z->strm, z->level, z->strategy));
}

static void close_(rt_args *a) {
  zl_t *z = zl_of(rt_arg(a, 0));
  if (!z || z->busy) return;
  par_drop(z);
  z->par_ok = false;
  zl_end(z);
}

static void crc32_(rt_args *a) {
  size_t n = 0;
  rt_val v = rt_arg(a, 0);
  const uint8_t *p = rt_is_array_buffer_view(v) ? rt_view_data(v, &n) : NULL;
  uLong c = (uLong)(uint32_t)rt_to_number(rt_arg(a, 1));
  c = crc32_z(c, p, n);
  rt_return_number(a, (double)(uint32_t)c);
}

/* zlib.constants, in Node's order (values from the headers). */
static const struct {
  const char *name;
  double value;
} zconsts[] = {{"Z_NO_FLUSH", Z_NO_FLUSH},
               {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
               {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
               {"Z_FULL_FLUSH", Z_FULL_FLUSH},
               {"Z_FINISH", Z_FINISH},
               {"Z_BLOCK", Z_BLOCK},
               {"Z_OK", Z_OK},
               {"Z_STREAM_END", Z_STREAM_END},
               {"Z_NEED_DICT", Z_NEED_DICT},
               {"Z_ERRNO", Z_ERRNO},
               {"Z_STREAM_ERROR", Z_STREAM_ERROR},
               {"Z_DATA_ERROR", Z_DATA_ERROR},
               {"Z_MEM_ERROR", Z_MEM_ERROR},
               {"Z_BUF_ERROR", Z_BUF_ERROR},
               {"Z_VERSION_ERROR", Z_VERSION_ERROR},
               {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
               {"Z_BEST_SPEED", Z_BEST_SPEED},
               {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
               {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
               {"Z_FILTERED", Z_FILTERED},
               {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
               {"Z_RLE", Z_RLE},
               {"Z_FIXED", Z_FIXED},
               {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
               {"ZLIB_VERNUM", ZLIB_VERNUM},
               {"DEFLATE", M_DEFLATE},
               {"INFLATE", M_INFLATE},
               {"GZIP", M_GZIP},
               {"GUNZIP", M_GUNZIP},
               {"DEFLATERAW", M_DEFLATERAW},
               {"INFLATERAW", M_INFLATERAW},
               {"UNZIP", M_UNZIP},
               {"BROTLI_DECODE", M_BROTLI_DECODE},
               {"BROTLI_ENCODE", M_BROTLI_ENCODE},
               {"Z_MIN_WINDOWBITS", 8},
               {"Z_MAX_WINDOWBITS", 15},
               {"Z_DEFAULT_WINDOWBITS", 15},
               {"Z_MIN_CHUNK", 64},
               {"Z_MAX_CHUNK", 1.0 / 0.0},
               {"Z_DEFAULT_CHUNK", 16384},
               {"Z_MIN_MEMLEVEL", 1},
               {"Z_MAX_MEMLEVEL", 9},
               {"Z_DEFAULT_MEMLEVEL", 8},
               {"Z_MIN_LEVEL", -1},
               {"Z_MAX_LEVEL", 9},
               {"Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION},
               {"BROTLI_OPERATION_PROCESS", BROTLI_OPERATION_PROCESS},
               {"BROTLI_OPERATION_FLUSH", BROTLI_OPERATION_FLUSH},
               {"BROTLI_OPERATION_FINISH", BROTLI_OPERATION_FINISH},
               {"BROTLI_OPERATION_EMIT_METADATA", BROTLI_OPERATION_EMIT_METADATA},
               {"BROTLI_PARAM_MODE", BROTLI_PARAM_MODE},
               {"BROTLI_MODE_GENERIC", BROTLI_MODE_GENERIC},
               {"BROTLI_MODE_TEXT", BROTLI_MODE_TEXT},
               {"BROTLI_MODE_FONT", BROTLI_MODE_FONT},
               {"BROTLI_DEFAULT_MODE", BROTLI_DEFAULT_MODE},
               {"BROTLI_PARAM_QUALITY", BROTLI_PARAM_QUALITY},
               {"BROTLI_MIN_QUALITY", BROTLI_MIN_QUALITY},
               {"BROTLI_MAX_QUALITY", BROTLI_MAX_QUALITY},
               {"BROTLI_DEFAULT_QUALITY", BROTLI_DEFAULT_QUALITY},
               {"BROTLI_PARAM_LGWIN", BROTLI_PARAM_LGWIN},
               {"BROTLI_MIN_WINDOW_BITS", BROTLI_MIN_WINDOW_BITS},
               {"BROTLI_MAX_WINDOW_BITS", BROTLI_MAX_WINDOW_BITS},
               {"BROTLI_LARGE_MAX_WINDOW_BITS", BROTLI_LARGE_MAX_WINDOW_BITS},
               {"BROTLI_DEFAULT_WINDOW", BROTLI_DEFAULT_WINDOW},
               {"BROTLI_PARAM_LGBLOCK", BROTLI_PARAM_LGBLOCK},
               {"BROTLI_MIN_INPUT_BLOCK_BITS", BROTLI_MIN_INPUT_BLOCK_BITS},
               {"BROTLI_MAX_INPUT_BLOCK_BITS", BROTLI_MAX_INPUT_BLOCK_BITS},
               {"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING",
                BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING},
               {"BROTLI_PARAM_SIZE_HINT", BROTLI_PARAM_SIZE_HINT},
               {"BROTLI_PARAM_LARGE_WINDOW", BROTLI_PARAM_LARGE_WINDOW},
               {"BROTLI_PARAM_NPOSTFIX", BROTLI_PARAM_NPOSTFIX},
               {"BROTLI_PARAM_NDIRECT", BROTLI_PARAM_NDIRECT},
               {"BROTLI_DECODER_RESULT_ERROR", BROTLI_DECODER_RESULT_ERROR},
               {"BROTLI_DECODER_RESULT_SUCCESS", BROTLI_DECODER_RESULT_SUCCESS},
               {"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT},
               {"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT", BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT},
               {"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION",
                BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION},
               {"BROTLI_DECODER_PARAM_LARGE_WINDOW", BROTLI_DECODER_PARAM_LARGE_WINDOW},
               {"BROTLI_DECODER_NO_ERROR", BROTLI_DECODER_NO_ERROR},
               {"BROTLI_DECODER_SUCCESS", BROTLI_DECODER_SUCCESS},
               {"BROTLI_DECODER_NEEDS_MORE_INPUT", BROTLI_DECODER_NEEDS_MORE_INPUT},
               {"BROTLI_DECODER_NEEDS_MORE_OUTPUT", BROTLI_DECODER_NEEDS_MORE_OUTPUT},
#define BE(PREFIX, NAME, CODE) {"BROTLI_DECODER" #PREFIX #NAME, CODE},
               BROTLI_DECODER_ERROR_CODES_LIST(BE, )
#undef BE
};

void rt_binding_init_zlib(rt_val e) {
  rt_set_method(e, "init", init);
  rt_set_method(e, "brotliInit", brotli_init);
  rt_set_method(e, "write", write_sync);
  rt_set_method(e, "writeAsync", write_async);
  rt_set_method(e, "reset", reset);
  rt_set_method(e, "params", params_);
  rt_set_method(e, "close", close_);
  rt_set_method(e, "crc32", crc32_);
  rt_val c = rt_object();
  for (size_t i = 0; i < sizeof zconsts / sizeof zconsts[0]; i++)
    rt_set(c, zconsts[i].name, rt_number(zconsts[i].value));
  rt_set(e, "constants", c);
}
