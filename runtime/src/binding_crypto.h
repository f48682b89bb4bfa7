/* binding_crypto.h — helpers shared by the crypto bindings
 * (binding_crypto.c: hashes, HMAC, random, ciphers; binding_crypto_kdf.c:
 * PBKDF2/scrypt/HKDF; binding_crypto_keys.c: key objects, sign/verify).
 *
 * Conventions of these bindings:
 *   - the JavaScript layer (runtime/lib/crypto.js, runtime/lib/internal/crypto/)
 *     validates arguments and raises Node's coded errors; C receives views and
 *     numbers it can trust and returns ArrayBuffers that JS wraps in Buffers;
 *   - native state lives in a cr_obj (a destructor first) behind an object with
 *     one internal slot; the object's weak reference frees it;
 *   - an OpenSSL failure becomes an Error shaped as Node's: message
 *     "error:1C800064:Provider routines::bad decrypt", with .library, .reason
 *     and .code (ERR_OSSL_[LIB_]REASON);
 *   - work that Node runs on the thread pool (KDFs, key generation) goes
 *     through cr_job: work() on a libuv worker thread without V8, then done()
 *     on the loop thread producing callback(err, result).
 */
#ifndef DEVRUN_RT_BINDING_CRYPTO_H
#define DEVRUN_RT_BINDING_CRYPTO_H

#include <openssl/evp.h>

#include "runtime.h"

typedef struct cr_obj cr_obj;
struct cr_obj {
  void (*destroy)(cr_obj *o);
};

/* Wraps o in a new JS object (one slot); o is destroyed when it is collected. */
rt_val cr_wrap(cr_obj *o);
/* The cr_obj behind a wrapper made by cr_wrap (NULL if v is not one). */
cr_obj *cr_unwrap(rt_val v);

/* Bytes of an ArrayBufferView or ArrayBuffer (NULL, 0 for anything else). */
const uint8_t *cr_bytes(rt_val v, size_t *len);
/* A new ArrayBuffer holding a copy of len bytes of p. */
rt_val cr_ab(const void *p, size_t len);

/* Throws the newest OpenSSL error (or `fallback` if the queue is empty) as
 * Node does, and clears the queue; returns NULL. */
rt_val cr_throw_openssl(const char *fallback);
/* The same error as a value (not thrown). */
rt_val cr_openssl_error(const char *fallback);
/* The error for a given OpenSSL error code (0: plain Error(fallback)). */
rt_val cr_error_from_code(unsigned long e, const char *fallback);

/* Message digest by Node's name rules (any case, OpenSSL aliases like
 * RSA-SHA256); caller frees with EVP_MD_free.  NULL if unknown. */
EVP_MD *cr_md_fetch(const char *name);

/* ---- jobs on the thread pool ----------------------------------------- */
typedef struct cr_job cr_job;
struct cr_job {
  uv_work_t req;
  rt_ref *cb;
  int (*work)(cr_job *j);     /* worker thread: 0 ok, else failure */
  rt_val (*done)(cr_job *j);  /* loop thread: result value (NULL: error pending in err) */
  void (*release)(cr_job *j); /* frees the job */
  int status;                 /* work()'s result */
  unsigned long ossl_err;     /* OpenSSL error code seen by the worker thread */
  const char *err_msg;        /* fallback message on failure */
};
/* Queues j (cb is the JS callback); returns false if it cannot. */
bool cr_job_start(cr_job *j, rt_val cb);

#endif
