/* binding_crypto_kdf.c — internalBinding('crypto_kdf'): key derivation
 * (PBKDF2, scrypt, HKDF) on OpenSSL, synchronously or on the libuv thread
 * pool as Node does.
 *
 * Exports (arguments validated by runtime/lib/internal/crypto/keys_kdf.js):
 *   digestSize(name)                                -> bytes, or -1 if unknown
 *   pbkdf2(pass, salt, iterations, keylen, digest[, cb])
 *   scrypt(pass, salt, keylen, N, r, p, maxmem[, cb])
 *   scryptCheck(N, r, p, maxmem)                    -> "" ok, or OpenSSL's reason
 *                                                      ("-" when it gives none)
 *   hkdf(digest, key, salt, info, keylen[, cb])
 * Without cb each returns an ArrayBuffer (or throws); with cb it returns
 * undefined and later calls cb(err, ArrayBuffer).  Inputs are copied, so the
 * caller may change its buffers while a job runs.
 */
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <stdlib.h>
#include <string.h>

#include "binding_crypto.h"

enum { KDF_PBKDF2, KDF_SCRYPT, KDF_HKDF };

typedef struct {
  cr_job job;
  int kind;
  uint8_t *pass, *salt, *info, *out;
  size_t pass_len, salt_len, info_len, out_len;
  EVP_MD *md;
  uint64_t iter, N, r, p, maxmem;
} kdf_job;

static uint8_t *dup_bytes(rt_val v, size_t *len) {
  const uint8_t *p = cr_bytes(v, len);
  uint8_t *d = malloc(*len ? *len : 1);
  if (!d) abort();
  if (p && *len) memcpy(d, p, *len);
  return d;
}

static int kdf_work(cr_job *j) {
  kdf_job *k = (kdf_job *)j;
  switch (k->kind) {
    case KDF_PBKDF2:
      return PKCS5_PBKDF2_HMAC((const char *)k->pass, (int)k->pass_len, k->salt, (int)k->salt_len,
                               (int)k->iter, k->md, (int)k->out_len, k->out) != 1;
    case KDF_SCRYPT:
      return EVP_PBE_scrypt((const char *)k->pass, k->pass_len, k->salt, k->salt_len, k->N, k->r,
                            k->p, k->maxmem, k->out, k->out_len) != 1;
    case KDF_HKDF: {
      EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
      EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : NULL;
      EVP_KDF_free(kdf);
      if (!ctx) return 1;
      OSSL_PARAM params[5], *q = params;
      *q++ = OSSL_PARAM_construct_utf8_string("digest", (char *)EVP_MD_get0_name(k->md), 0);
      /* OpenSSL refuses an empty key; HKDF with an empty key equals one of
       * HashLen zero bytes only via the salt, so pass a zero-length key
       * through the salt-less form as Node does (it allows empty keys). */
      static uint8_t zero[1];
      *q++ = OSSL_PARAM_construct_octet_string("key", k->pass_len ? k->pass : zero, k->pass_len);
      *q++ = OSSL_PARAM_construct_octet_string("salt", k->salt_len ? k->salt : zero, k->salt_len);
      *q++ = OSSL_PARAM_construct_octet_string("info", k->info_len ? k->info : zero, k->info_len);
      *q = OSSL_PARAM_construct_end();
      int ok = EVP_KDF_derive(ctx, k->out, k->out_len, params);
      EVP_KDF_CTX_free(ctx);
      return ok != 1;
    }
  }
  return 1;
}

static rt_val kdf_done(cr_job *j) {
  kdf_job *k = (kdf_job *)j;
  return cr_ab(k->out, k->out_len);
}

static void kdf_release(cr_job *j) {
  kdf_job *k = (kdf_job *)j;
  free(k->pass);
  free(k->salt);
  free(k->info);
  free(k->out);
  EVP_MD_free(k->md);
  free(k);
}

static kdf_job *kdf_new(int kind) {
  kdf_job *k = calloc(1, sizeof *k);
  if (!k) abort();
  k->kind = kind;
  k->job.work = kdf_work;
  k->job.done = kdf_done;
  k->job.release = kdf_release;
  k->job.err_msg = "Key derivation failed";
  return k;
}

/* Runs k now (no callback) or queues it; consumes k. */
static void kdf_run(rt_args *a, kdf_job *k, rt_val cb) {
  k->out = malloc(k->out_len ? k->out_len : 1);
  if (!k->out) abort();
  if (rt_is_function(cb)) {
    cr_job_start(&k->job, cb);
    return;
  }
  ERR_clear_error();
  if (kdf_work(&k->job)) {
    cr_throw_openssl(k->job.err_msg);
  } else {
    rt_return(a, kdf_done(&k->job));
  }
  kdf_release(&k->job);
}

static void digest_size(rt_args *a) {
  char *name = RT_ARG_STR(a, 0);
  if (!name) return;
  EVP_MD *md = cr_md_fetch(name);
  free(name);
  rt_return_int(a, md ? EVP_MD_get_size(md) : -1);
  EVP_MD_free(md);
}

static void pbkdf2(rt_args *a) {
  char *name = RT_ARG_STR(a, 4);
  if (!name) return;
  EVP_MD *md = cr_md_fetch(name);
  free(name);
  if (!md) {
    rt_throw_type_error("Invalid digest");
    return;
  }
  kdf_job *k = kdf_new(KDF_PBKDF2);
  k->md = md;
  k->pass = dup_bytes(rt_arg(a, 0), &k->pass_len);
  k->salt = dup_bytes(rt_arg(a, 1), &k->salt_len);
  k->iter = (uint64_t)rt_to_int64(rt_arg(a, 2));
  k->out_len = (size_t)rt_to_int64(rt_arg(a, 3));
  kdf_run(a, k, rt_arg(a, 5));
}

static void scrypt(rt_args *a) {
  kdf_job *k = kdf_new(KDF_SCRYPT);
  k->pass = dup_bytes(rt_arg(a, 0), &k->pass_len);
  k->salt = dup_bytes(rt_arg(a, 1), &k->salt_len);
  k->out_len = (size_t)rt_to_int64(rt_arg(a, 2));
  k->N = (uint64_t)rt_to_number(rt_arg(a, 3));
  k->r = (uint64_t)rt_to_number(rt_arg(a, 4));
  k->p = (uint64_t)rt_to_number(rt_arg(a, 5));
  k->maxmem = (uint64_t)rt_to_number(rt_arg(a, 6));
  kdf_run(a, k, rt_arg(a, 7));
}

static void scrypt_check(rt_args *a) {
  uint64_t N = (uint64_t)rt_to_number(rt_arg(a, 0)), r = (uint64_t)rt_to_number(rt_arg(a, 1)),
           p = (uint64_t)rt_to_number(rt_arg(a, 2)), mm = (uint64_t)rt_to_number(rt_arg(a, 3));
  ERR_clear_error();
  if (EVP_PBE_scrypt(NULL, 0, NULL, 0, N, r, p, mm, NULL, 0) == 1) {
    rt_return_string(a, "");
    return;
  }
  unsigned long e = ERR_peek_last_error();
  char msg[256] = "-";
  if (e) ERR_error_string_n(e, msg, sizeof msg);
  ERR_clear_error();
  rt_return_string(a, msg);
}

static void hkdf(rt_args *a) {
  char *name = RT_ARG_STR(a, 0);
  if (!name) return;
  EVP_MD *md = cr_md_fetch(name);
  free(name);
  if (!md) {
    rt_throw_type_error("Invalid digest");
    return;
  }
  kdf_job *k = kdf_new(KDF_HKDF);
  k->md = md;
  k->pass = dup_bytes(rt_arg(a, 1), &k->pass_len);
  k->salt = dup_bytes(rt_arg(a, 2), &k->salt_len);
  k->info = dup_bytes(rt_arg(a, 3), &k->info_len);
  k->out_len = (size_t)rt_to_int64(rt_arg(a, 4));
  kdf_run(a, k, rt_arg(a, 5));
}

void rt_binding_init_crypto_kdf(rt_val e) {
  rt_set_method(e, "digestSize", digest_size);
  rt_set_method(e, "pbkdf2", pbkdf2);
  rt_set_method(e, "scrypt", scrypt);
  rt_set_method(e, "scryptCheck", scrypt_check);
  rt_set_method(e, "hkdf", hkdf);
}
