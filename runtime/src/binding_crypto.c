/* binding_crypto.c — internalBinding('crypto'): hashes, HMAC, random bytes,
 * symmetric ciphers and the lists of algorithms, on OpenSSL 3's EVP API.
 * Shared helpers (wrappers, OpenSSL errors, thread-pool jobs) live here too;
 * see binding_crypto.h for the conventions.  KDFs are in binding_crypto_kdf.c,
 * keys and signatures in binding_crypto_keys.c.
 *
 * Exports:
 *   getHashes(), getCiphers(), getCurves()        -> arrays of names
 *   hashNew(algo, xofLen | -1) / hashCopy(h, xofLen) -> handle | null (unknown);
 *        a length other than the digest's for a non-XOF digest throws
 *   hashUpdate(h, view), hashDigest(h, hex)       -> ArrayBuffer, or a hex string
 *   hmacNew(algo, keyView) -> handle | null, hmacUpdate(h, view), hmacDigest(h)
 *   randomFill(view, offset, size)                -> fills with RAND_bytes
 *   randomFillAsync(view, offset, size, cb)       -> cb(err) on the thread pool
 *   cipherNew(name, key, iv | null, encrypt, authTagLen)
 *        -> handle, or a negative status: -1 unknown cipher, -2 bad key
 *           length, -3 bad IV, -4 bad auth tag length
 *   cipherUpdate(c, view) -> ArrayBuffer, cipherFinal(c) -> ArrayBuffer
 *        (throws; for AEAD decryption the message is Node's "Unsupported
 *        state or unable to authenticate data")
 *   cipherSetAAD(c, view, plaintextLen), cipherGetAuthTag(c) -> ArrayBuffer,
 *   cipherSetAuthTag(c, view) -> bool, cipherSetAutoPadding(c, bool) -> bool
 *   cipherInfo(name | nid) -> {name, nid, blockSize, ivLength, keyLength, mode} | undefined
 *   timingSafeEqual(a, b) -> bool (lengths already checked)
 */
#include <openssl/err.h>
#include <openssl/ec.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/dh.h>
#include <openssl/opensslv.h>
#include <stdlib.h>
#include <string.h>

#include "binding_crypto.h"

/* ---- shared helpers ------------------------------------------------------ */

static void wrap_weak(void *data) {
  cr_obj *o = data;
  o->destroy(o);
}

rt_val cr_wrap(cr_obj *o) {
  rt_val w = rt_object_with_slots();
  rt_object_set_ptr(w, o);
  rt_ref_set_weak(rt_ref_new(w), wrap_weak, o);
  return w;
}

cr_obj *cr_unwrap(rt_val v) {
  if (!v || !rt_is_object(v)) return NULL;
  return rt_object_get_ptr(v);
}

const uint8_t *cr_bytes(rt_val v, size_t *len) {
  *len = 0;
  if (rt_is_array_buffer_view(v) || rt_is_array_buffer(v)) {
    const uint8_t *p = rt_view_data(v, len);
    return p ? p : (const uint8_t *)"";
  }
  return NULL;
}

rt_val cr_ab(const void *p, size_t len) {
  rt_val ab = rt_array_buffer(len, false);
  if (ab && len) memcpy(rt_array_buffer_data(ab, NULL), p, len);
  return ab;
}

/* Node names OpenSSL's libraries in codes: ERR_OSSL_EVP_..., ERR_OSSL_PEM_... */
static const char *lib_code_name(int lib) {
  switch (lib) {
#define L(n)        \
  case ERR_LIB_##n: \
    return #n;
    L(SYS)
    L(BN)
    L(RSA)
    L(DH) L(EVP) L(BUF) L(OBJ) L(PEM) L(DSA) L(X509) L(ASN1) L(CONF) L(CRYPTO) L(EC) L(SSL) L(BIO)
        L(PKCS7) L(X509V3) L(PKCS12) L(RAND) L(DSO) L(ENGINE) L(OCSP) L(UI) L(COMP) L(ECDSA) L(ECDH)
            L(OSSL_STORE) L(FIPS) L(CMS) L(TS) L(HMAC) L(CT) L(ASYNC) L(KDF) L(SM2) L(USER)
#undef L
                default : return NULL;
  }
}

rt_val cr_error_from_code(unsigned long e, const char *fallback) {
  if (!e) return rt_error(fallback ? fallback : "Unknown error");
  char msg[256];
  ERR_error_string_n(e, msg, sizeof msg);
  rt_val err = rt_error(msg);
  const char *lib = ERR_lib_error_string(e);
  const char *reason = ERR_reason_error_string(e);
  if (lib) rt_set(err, "library", rt_string(lib));
  if (reason) {
    rt_set(err, "reason", rt_string(reason));
    char code[160] = "ERR_OSSL_";
    const char *ln = lib_code_name(ERR_GET_LIB(e));
    if (ln) {
      strcat(code, ln);
      strcat(code, "_");
    }
    size_t k = strlen(code);
    for (const char *r = reason; *r && k + 1 < sizeof code; r++)
      code[k++] = (*r == ' ') ? '_' : (char)((*r >= 'a' && *r <= 'z') ? *r - 32 : *r);
    code[k] = 0;
    rt_set(err, "code", rt_string(code));
  }
  return err;
}

rt_val cr_openssl_error(const char *fallback) {
  /* The earliest error in the queue, as Node (ERR_get_error). */
  unsigned long e = ERR_peek_error();
  rt_val err = cr_error_from_code(e, fallback);
  ERR_clear_error();
  return err;
}

rt_val cr_throw_openssl(const char *fallback) {
  return rt_throw(cr_openssl_error(fallback));
}

/* Fetched digests by the name asked for (fetching takes locks; createHash
 * in a loop should not pay for it).  Only the loop thread fills the cache;
 * worker threads call cr_md_fetch only on names already resolved by JS
 * validation, so lookups there are reads of a stable table... to stay
 * simple and safe, the cache is used on the loop thread only. */
static _Thread_local uv_thread_t cache_thread;
static _Thread_local bool cache_thread_set;
static _Thread_local struct {
  char name[48];
  EVP_MD *md; /* NULL: known unknown */
} md_cache[64];
static _Thread_local int md_cache_n;

static EVP_MD *md_fetch_uncached(const char *name) {
  ERR_set_mark();
  EVP_MD *md = EVP_MD_fetch(NULL, name, NULL);
  if (!md) {
    const EVP_MD *legacy = EVP_get_digestbyname(name);
    if (legacy) md = EVP_MD_fetch(NULL, EVP_MD_get0_name(legacy), NULL);
  }
  ERR_pop_to_mark();
  return md;
}

EVP_MD *cr_md_fetch(const char *name) {
  if (!cache_thread_set) {
    cache_thread = uv_thread_self();
    cache_thread_set = true;
  }
  uv_thread_t self = uv_thread_self();
  if (!uv_thread_equal(&self, &cache_thread) || strlen(name) >= sizeof md_cache[0].name)
    return md_fetch_uncached(name);
  for (int i = 0; i < md_cache_n; i++) {
    if (strcmp(md_cache[i].name, name) == 0) {
      if (md_cache[i].md) EVP_MD_up_ref(md_cache[i].md);
      return md_cache[i].md;
    }
  }
  EVP_MD *md = md_fetch_uncached(name);
  if (md_cache_n < (int)(sizeof md_cache / sizeof md_cache[0])) {
    snprintf(md_cache[md_cache_n].name, sizeof md_cache[0].name, "%s", name);
    md_cache[md_cache_n].md = md;
    if (md) EVP_MD_up_ref(md);
    md_cache_n++;
  }
  return md;
}

/* ---- thread-pool jobs ----------------------------------------------------- */

static void job_work(uv_work_t *req) {
  cr_job *j = req->data;
  ERR_clear_error();
  j->status = j->work(j);
  j->ossl_err = j->status ? ERR_peek_error() : 0;
  ERR_clear_error();
}

static void job_after(uv_work_t *req, int status) {
  cr_job *j = req->data;
  rt_scope *s = rt_scope_open();
  rt_val argv[2] = {rt_null(), rt_undefined()};
  int argc = 1;
  if (status < 0 || j->status) {
    argv[0] = cr_error_from_code(j->ossl_err, j->err_msg);
  } else {
    rt_val r = j->done ? j->done(j) : rt_undefined();
    if (!r) {
      argv[0] = cr_openssl_error(j->err_msg);
    } else {
      argv[1] = r;
      argc = 2;
    }
  }
  rt_val cb = rt_ref_get(j->cb);
  rt_ref_free(j->cb);
  j->cb = NULL;
  j->release(j);
  rt_make_callback(cb, rt_undefined(), argc, argv);
  rt_scope_close(s);
}

bool cr_job_start(cr_job *j, rt_val cb) {
  j->req.data = j;
  j->cb = rt_ref_new(cb);
  if (uv_queue_work(rt_env_current->loop, &j->req, job_work, job_after) != 0) {
    rt_ref_free(j->cb);
    j->release(j);
    return false;
  }
  return true;
}

/* ---- algorithm lists ------------------------------------------------------ */

typedef struct {
  rt_val arr;
  uint32_t n;
  int kind; /* 0 digests, 1 ciphers */
} name_list;

static void push_name(name_list *l, const char *from) {
  rt_set_i(l->arr, l->n++, rt_string(from));
}

static void md_names(const EVP_MD *md, const char *from, const char *to, void *arg) {
  (void)md;
  (void)to;
  if (!from) return;
  EVP_MD *f = cr_md_fetch(from);
  if (!f) return;
  EVP_MD_free(f);
  push_name(arg, from);
}

static void cipher_names(const EVP_CIPHER *c, const char *from, const char *to, void *arg) {
  (void)c;
  (void)to;
  if (!from) return;
  ERR_set_mark();
  EVP_CIPHER *f = EVP_CIPHER_fetch(NULL, from, NULL);
  ERR_pop_to_mark();
  if (!f) return;
  EVP_CIPHER_free(f);
  push_name(arg, from);
}

static void get_hashes(rt_args *a) {
  name_list l = {rt_array(0), 0, 0};
  EVP_MD_do_all_sorted(md_names, &l);
  rt_return(a, l.arr);
}

static void get_ciphers(rt_args *a) {
  name_list l = {rt_array(0), 0, 1};
  EVP_CIPHER_do_all_sorted(cipher_names, &l);
  rt_return(a, l.arr);
}

static void get_curves(rt_args *a) {
  size_t n = EC_get_builtin_curves(NULL, 0);
  EC_builtin_curve *cs = calloc(n ? n : 1, sizeof *cs);
  if (!cs) abort();
  EC_get_builtin_curves(cs, n);
  rt_val arr = rt_array(0);
  for (size_t i = 0; i < n; i++) rt_set_i(arr, (uint32_t)i, rt_string(OBJ_nid2sn(cs[i].nid)));
  free(cs);
  rt_return(a, arr);
}

/* ---- hashes ------------------------------------------------------------- */

typedef struct {
  cr_obj base;
  EVP_MD_CTX *ctx;
  long xof_len; /* -1: the digest's own size */
} cr_hash;

static void hash_destroy(cr_obj *o) {
  cr_hash *h = (cr_hash *)o;
  EVP_MD_CTX_free(h->ctx);
  free(h);
}

static cr_hash *hash_of(rt_val v) {
  cr_obj *o = cr_unwrap(v);
  return o && o->destroy == hash_destroy ? (cr_hash *)o : NULL;
}

static bool xof_len_ok(const EVP_MD *md, long xof_len) {
  if (xof_len < 0) return true;
  if (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) return true;
  return xof_len == EVP_MD_get_size(md);
}

static void hash_new(rt_args *a) {
  char *name = RT_ARG_STR(a, 0);
  if (!name) return;
  long xof = (long)rt_to_int64(rt_arg(a, 1));
  EVP_MD *md = cr_md_fetch(name);
  free(name);
  if (!md) {
    rt_return(a, rt_null());
    return;
  }
  if (!xof_len_ok(md, xof)) {
    EVP_MD_free(md);
    ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
    cr_throw_openssl("Invalid XOF digest length");
    return;
  }
  cr_hash *h = calloc(1, sizeof *h);
  if (!h) abort();
  h->base.destroy = hash_destroy;
  h->ctx = EVP_MD_CTX_new();
  h->xof_len = xof;
  int ok = h->ctx && EVP_DigestInit_ex(h->ctx, md, NULL);
  EVP_MD_free(md);
  if (!ok) {
    hash_destroy(&h->base);
    cr_throw_openssl("Digest method not supported");
    return;
  }
  rt_return(a, cr_wrap(&h->base));
}

static void hash_copy(rt_args *a) {
  cr_hash *src = hash_of(rt_arg(a, 0));
  if (!src) return;
  long xof = (long)rt_to_int64(rt_arg(a, 1));
  if (!xof_len_ok(EVP_MD_CTX_get0_md(src->ctx), xof)) {
    ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
    cr_throw_openssl("Invalid XOF digest length");
    return;
  }
  cr_hash *h = calloc(1, sizeof *h);
  if (!h) abort();
  h->base.destroy = hash_destroy;
  h->ctx = EVP_MD_CTX_new();
  h->xof_len = xof;
  if (!h->ctx || !EVP_MD_CTX_copy_ex(h->ctx, src->ctx)) {
    hash_destroy(&h->base);
    cr_throw_openssl("Digest copy failed");
    return;
  }
  rt_return(a, cr_wrap(&h->base));
}

static void hash_update(rt_args *a) {
  cr_hash *h = hash_of(rt_arg(a, 0));
  size_t n;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &n);
  if (!h || !p) return;
  if (!EVP_DigestUpdate(h->ctx, p, n)) cr_throw_openssl("Digest update failed");
}

static void hash_digest(rt_args *a) {
  cr_hash *h = hash_of(rt_arg(a, 0));
  if (!h) return;
  const EVP_MD *md = EVP_MD_CTX_get0_md(h->ctx);
  bool xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  size_t len = h->xof_len >= 0 ? (size_t)h->xof_len : (size_t)EVP_MD_get_size(md);
  /* The digest goes to the stack (or a heap buffer for long XOF output);
   * an ArrayBuffer is made only when bytes are wanted. */
  uint8_t small[EVP_MAX_MD_SIZE], *out = len <= sizeof small ? small : malloc(len);
  if (!out) abort();
  int ok;
  if (len == 0) {
    ok = 1;
  } else if (xof) {
    ok = EVP_DigestFinalXOF(h->ctx, out, len);
  } else {
    unsigned int got = 0;
    ok = EVP_DigestFinal_ex(h->ctx, out, &got);
  }
  if (!ok) {
    cr_throw_openssl("Digest failed");
  } else if (rt_to_bool(rt_arg(a, 1))) { /* hex string wanted */
    static const char hx[] = "0123456789abcdef";
    char hsmall[2 * EVP_MAX_MD_SIZE], *s = len <= EVP_MAX_MD_SIZE ? hsmall : malloc(2 * len + 1);
    if (!s) abort();
    for (size_t i = 0; i < len; i++) {
      s[2 * i] = hx[out[i] >> 4];
      s[2 * i + 1] = hx[out[i] & 15];
    }
    rt_return(a, rt_string_n(s, 2 * len));
    if (s != hsmall) free(s);
  } else {
    rt_return(a, cr_ab(out, len));
  }
  if (out != small) free(out);
}

/* ---- HMAC (EVP_MAC) ----------------------------------------------------- */

typedef struct {
  cr_obj base;
  EVP_MAC_CTX *ctx;
} cr_hmac;

static void hmac_destroy(cr_obj *o) {
  cr_hmac *h = (cr_hmac *)o;
  EVP_MAC_CTX_free(h->ctx);
  free(h);
}

static cr_hmac *hmac_of(rt_val v) {
  cr_obj *o = cr_unwrap(v);
  return o && o->destroy == hmac_destroy ? (cr_hmac *)o : NULL;
}

static void hmac_new(rt_args *a) {
  char *name = RT_ARG_STR(a, 0);
  if (!name) return;
  size_t klen;
  const uint8_t *key = cr_bytes(rt_arg(a, 1), &klen);
  EVP_MD *md = cr_md_fetch(name);
  free(name);
  if (!md || !key) {
    EVP_MD_free(md);
    rt_return(a, rt_null());
    return;
  }
  EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
  cr_hmac *h = calloc(1, sizeof *h);
  if (!h) abort();
  h->base.destroy = hmac_destroy;
  h->ctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
  EVP_MAC_free(mac);
  OSSL_PARAM params[2];
  params[0] = OSSL_PARAM_construct_utf8_string("digest", (char *)EVP_MD_get0_name(md), 0);
  params[1] = OSSL_PARAM_construct_end();
  /* An empty key is valid for HMAC; OpenSSL wants a non-NULL pointer. */
  static const uint8_t empty[1];
  int ok = h->ctx && EVP_MAC_init(h->ctx, klen ? key : empty, klen, params);
  EVP_MD_free(md);
  if (!ok) {
    hmac_destroy(&h->base);
    cr_throw_openssl("HMAC init failed");
    return;
  }
  rt_return(a, cr_wrap(&h->base));
}

static void hmac_update(rt_args *a) {
  cr_hmac *h = hmac_of(rt_arg(a, 0));
  size_t n;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &n);
  if (!h || !p) return;
  if (!EVP_MAC_update(h->ctx, p, n)) cr_throw_openssl("HMAC update failed");
}

static void hmac_digest(rt_args *a) {
  cr_hmac *h = hmac_of(rt_arg(a, 0));
  if (!h) return;
  uint8_t out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  if (!EVP_MAC_final(h->ctx, out, &len, sizeof out)) {
    cr_throw_openssl("HMAC failed");
    return;
  }
  rt_return(a, cr_ab(out, len));
}

/* ---- random --------------------------------------------------------------- */

static void random_fill(rt_args *a) {
  size_t n;
  uint8_t *p = (uint8_t *)cr_bytes(rt_arg(a, 0), &n);
  size_t off = (size_t)rt_to_int64(rt_arg(a, 1)), size = (size_t)rt_to_int64(rt_arg(a, 2));
  if (!p || off > n || size > n - off) return;
  if (size && RAND_bytes(p + off, (int)size) != 1) cr_throw_openssl("Random bytes failed");
}

typedef struct {
  cr_job job;
  rt_ref *keep;
  uint8_t *p;
  size_t size;
} rand_job;

static int rand_work(cr_job *j) {
  rand_job *r = (rand_job *)j;
  return r->size && RAND_bytes(r->p, (int)r->size) != 1;
}
static void rand_release(cr_job *j) {
  rand_job *r = (rand_job *)j;
  rt_ref_free(r->keep);
  free(r);
}

static void random_fill_async(rt_args *a) {
  size_t n;
  rt_val view = rt_arg(a, 0);
  uint8_t *p = (uint8_t *)cr_bytes(view, &n);
  size_t off = (size_t)rt_to_int64(rt_arg(a, 1)), size = (size_t)rt_to_int64(rt_arg(a, 2));
  if (!p || off > n || size > n - off) return;
  rand_job *r = calloc(1, sizeof *r);
  if (!r) abort();
  r->job.work = rand_work;
  r->job.release = rand_release;
  r->job.err_msg = "Random bytes failed";
  r->keep = rt_ref_new(view);
  r->p = p + off;
  r->size = size;
  cr_job_start(&r->job, rt_arg(a, 3));
}

/* ---- ciphers ---------------------------------------------------------- */

typedef struct {
  cr_obj base;
  EVP_CIPHER_CTX *ctx;
  int mode;
  bool encrypt, aead;
  int tag_len; /* expected / produced tag length */
  bool tag_set;
  uint8_t tag[16];
} cr_cipher;

static void cipher_destroy(cr_obj *o) {
  cr_cipher *c = (cr_cipher *)o;
  EVP_CIPHER_CTX_free(c->ctx);
  free(c);
}

static cr_cipher *cipher_of(rt_val v) {
  cr_obj *o = cr_unwrap(v);
  return o && o->destroy == cipher_destroy ? (cr_cipher *)o : NULL;
}

static EVP_CIPHER *cipher_fetch(const char *name) {
  ERR_set_mark();
  EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, name, NULL);
  if (!c) {
    const EVP_CIPHER *legacy = EVP_get_cipherbyname(name);
    if (legacy) c = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(legacy), NULL);
  }
  ERR_pop_to_mark();
  return c;
}

static bool is_aead_mode(const EVP_CIPHER *c) {
  int m = EVP_CIPHER_get_mode(c);
  return m == EVP_CIPH_GCM_MODE || m == EVP_CIPH_CCM_MODE || m == EVP_CIPH_OCB_MODE ||
         EVP_CIPHER_get_nid(c) == NID_chacha20_poly1305;
}

static void cipher_new(rt_args *a) {
  char *name = RT_ARG_STR(a, 0);
  if (!name) return;
  size_t klen, ivlen = 0;
  const uint8_t *key = cr_bytes(rt_arg(a, 1), &klen);
  rt_val ivv = rt_arg(a, 2);
  const uint8_t *iv = rt_is_null(ivv) ? NULL : cr_bytes(ivv, &ivlen);
  bool enc = rt_to_bool(rt_arg(a, 3));
  int tag_len = rt_to_int32(rt_arg(a, 4));
  EVP_CIPHER *ci = cipher_fetch(name);
  free(name);
  if (!ci) {
    rt_return_int(a, -1);
    return;
  }
  bool aead = is_aead_mode(ci);
  int mode = EVP_CIPHER_get_mode(ci);
  int want_iv = EVP_CIPHER_get_iv_length(ci);
  /* IV: exact length, except AEAD modes which take any non-empty IV (GCM/OCB)
   * and ciphers without an IV, which accept none or an empty one. */
  bool iv_ok;
  if (aead)
    iv_ok = iv && ivlen > 0 && (mode != EVP_CIPH_OCB_MODE || ivlen <= 15) &&
            (EVP_CIPHER_get_nid(ci) != NID_chacha20_poly1305 || ivlen <= 12);
  else if (want_iv == 0)
    iv_ok = !iv || ivlen == 0;
  else
    iv_ok = iv && (int)ivlen == want_iv;
  if (!iv_ok) {
    EVP_CIPHER_free(ci);
    rt_return_int(a, -3);
    return;
  }
  if (aead && tag_len >= 0) {
    bool ok = mode == EVP_CIPH_GCM_MODE ? (tag_len >= 4 && tag_len <= 16 &&
                                           (tag_len >= 12 || tag_len == 4 || tag_len == 8))
                                        : (tag_len >= 1 && tag_len <= 16);
    if (!ok) {
      EVP_CIPHER_free(ci);
      rt_return_int(a, -4);
      return;
    }
  }
  cr_cipher *c = calloc(1, sizeof *c);
  if (!c) abort();
  c->base.destroy = cipher_destroy;
  c->ctx = EVP_CIPHER_CTX_new();
  c->mode = mode;
  c->encrypt = enc;
  c->aead = aead;
  c->tag_len = tag_len >= 0 ? tag_len : 16;
  int ok = c->ctx && EVP_CipherInit_ex(c->ctx, ci, NULL, NULL, NULL, enc);
  bool variable_key = (EVP_CIPHER_get_flags(ci) & EVP_CIPH_VARIABLE_LENGTH) != 0;
  if (ok && (int)klen != EVP_CIPHER_get_key_length(ci)) {
    if (!variable_key || !EVP_CIPHER_CTX_set_key_length(c->ctx, (int)klen)) {
      EVP_CIPHER_free(ci);
      cipher_destroy(&c->base);
      ERR_clear_error();
      rt_return_int(a, -2);
      return;
    }
  }
  if (ok && aead && iv && (int)ivlen != want_iv)
    ok = EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_IVLEN, (int)ivlen, NULL);
  if (ok && aead &&
      (mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE ||
       (!enc && EVP_CIPHER_get_nid(ci) == NID_chacha20_poly1305)))
    ok = EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_TAG, c->tag_len, NULL);
  if (ok) ok = EVP_CipherInit_ex(c->ctx, NULL, NULL, key, iv, enc);
  EVP_CIPHER_free(ci);
  if (!ok) {
    cipher_destroy(&c->base);
    cr_throw_openssl("Cipher init failed");
    return;
  }
  rt_return(a, cr_wrap(&c->base));
}

static void cipher_update(rt_args *a) {
  cr_cipher *c = cipher_of(rt_arg(a, 0));
  size_t n;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &n);
  if (!c || !p) return;
  if (n > INT32_MAX - 64) {
    rt_throw_range_error("Input too large");
    return;
  }
  size_t cap = n + (size_t)EVP_CIPHER_CTX_get_block_size(c->ctx);
  uint8_t *out = malloc(cap ? cap : 1);
  if (!out) abort();
  int outl = 0;
  if (!EVP_CipherUpdate(c->ctx, out, &outl, p, (int)n)) {
    free(out);
    if (c->aead && !c->encrypt) {
      ERR_clear_error();
      rt_throw_error("Unsupported state or unable to authenticate data");
    } else {
      cr_throw_openssl("Trying to add data in unsupported state");
    }
    return;
  }
  if ((size_t)outl < cap) {
    uint8_t *shrunk = realloc(out, outl ? (size_t)outl : 1);
    if (shrunk) out = shrunk;
  }
  rt_return(a, rt_array_buffer_take(out, (size_t)outl));
}

static void cipher_final(rt_args *a) {
  cr_cipher *c = cipher_of(rt_arg(a, 0));
  if (!c) return;
  if (c->aead && !c->encrypt) {
    if (c->mode == EVP_CIPH_GCM_MODE || EVP_CIPHER_CTX_get_nid(c->ctx) == NID_chacha20_poly1305) {
      if (!c->tag_set || !EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_TAG, c->tag_len, c->tag)) {
        ERR_clear_error();
        rt_throw_error("Unsupported state or unable to authenticate data");
        return;
      }
    }
  }
  uint8_t out[64];
  int outl = 0;
  if (!EVP_CipherFinal_ex(c->ctx, out, &outl)) {
    if (c->aead && !c->encrypt) {
      ERR_clear_error();
      rt_throw_error("Unsupported state or unable to authenticate data");
    } else {
      cr_throw_openssl("Unsupported state");
    }
    return;
  }
  if (c->aead && c->encrypt) {
    if (!EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_GET_TAG, c->tag_len, c->tag)) {
      cr_throw_openssl("Cannot get the authentication tag");
      return;
    }
    c->tag_set = true;
  }
  rt_return(a, cr_ab(out, (size_t)outl));
}

static void cipher_set_aad(rt_args *a) {
  cr_cipher *c = cipher_of(rt_arg(a, 0));
  size_t n;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &n);
  if (!c || !p) return;
  int outl;
  if (c->mode == EVP_CIPH_CCM_MODE) {
    int plen = rt_to_int32(rt_arg(a, 2));
    if (!c->encrypt && c->tag_set)
      EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_TAG, c->tag_len, c->tag);
    if (!EVP_CipherUpdate(c->ctx, NULL, &outl, NULL, plen)) {
      rt_return_bool(a, false);
      return;
    }
  }
  rt_return_bool(a, EVP_CipherUpdate(c->ctx, NULL, &outl, p, (int)n) == 1);
}

static void cipher_get_auth_tag(rt_args *a) {
  cr_cipher *c = cipher_of(rt_arg(a, 0));
  if (!c || !c->tag_set || !c->encrypt) {
    rt_return(a, rt_undefined());
    return;
  }
  rt_return(a, cr_ab(c->tag, (size_t)c->tag_len));
}

static void cipher_set_auth_tag(rt_args *a) {
  cr_cipher *c = cipher_of(rt_arg(a, 0));
  size_t n;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &n);
  if (!c || !p || n > 16) {
    rt_return_bool(a, false);
    return;
  }
  memcpy(c->tag, p, n);
  c->tag_len = (int)n;
  c->tag_set = true;
  rt_return_bool(a, true);
}

static void cipher_set_auto_padding(rt_args *a) {
  cr_cipher *c = cipher_of(rt_arg(a, 0));
  if (!c) return;
  rt_return_bool(a, EVP_CIPHER_CTX_set_padding(c->ctx, rt_to_bool(rt_arg(a, 1))) == 1);
}

static const char *mode_name(int mode) {
  switch (mode) {
    case EVP_CIPH_CBC_MODE:
      return "cbc";
    case EVP_CIPH_CCM_MODE:
      return "ccm";
    case EVP_CIPH_CFB_MODE:
      return "cfb";
    case EVP_CIPH_CTR_MODE:
      return "ctr";
    case EVP_CIPH_ECB_MODE:
      return "ecb";
    case EVP_CIPH_GCM_MODE:
      return "gcm";
    case EVP_CIPH_OCB_MODE:
      return "ocb";
    case EVP_CIPH_OFB_MODE:
      return "ofb";
    case EVP_CIPH_STREAM_CIPHER:
      return "stream";
    case EVP_CIPH_WRAP_MODE:
      return "wrap";
    case EVP_CIPH_XTS_MODE:
      return "xts";
    default:
      return NULL;
  }
}

static void cipher_info(rt_args *a) {
  rt_val arg = rt_arg(a, 0);
  char *name;
  if (rt_is_number(arg)) {
    const char *sn = OBJ_nid2sn(rt_to_int32(arg));
    if (!sn) return;
    name = strdup(sn);
  } else {
    name = rt_to_utf8(arg, NULL);
  }
  if (!name) return;
  /* As Node, the info of a cipher OpenSSL knows by name but cannot fetch
   * (legacy-provider ciphers such as rc4) is still given. */
  EVP_CIPHER *fetched = cipher_fetch(name);
  const EVP_CIPHER *ci = fetched ? fetched : EVP_get_cipherbyname(name);
  free(name);
  if (!ci) return;
  rt_val o = rt_object();
  char low[128];
  const char *n = OBJ_nid2sn(EVP_CIPHER_get_nid(ci));
  if (!n || EVP_CIPHER_get_nid(ci) == NID_undef) n = EVP_CIPHER_get0_name(ci);
  size_t k = 0;
  for (; n[k] && k + 1 < sizeof low; k++)
    low[k] = (char)((n[k] >= 'A' && n[k] <= 'Z') ? n[k] + 32 : n[k]);
  low[k] = 0;
  rt_set(o, "name", rt_string(low));
  rt_set(o, "nid", rt_int(EVP_CIPHER_get_nid(ci)));
  int mode = EVP_CIPHER_get_mode(ci);
  if (mode != EVP_CIPH_STREAM_CIPHER) rt_set(o, "blockSize", rt_int(EVP_CIPHER_get_block_size(ci)));
  int ivl = EVP_CIPHER_get_iv_length(ci);
  if (ivl) rt_set(o, "ivLength", rt_int(ivl));
  rt_set(o, "keyLength", rt_int(EVP_CIPHER_get_key_length(ci)));
  const char *m = mode_name(mode);
  if (m) rt_set(o, "mode", rt_string(m));
  EVP_CIPHER_free(fetched);
  rt_return(a, o);
}

static void timing_safe_equal(rt_args *a) {
  size_t la, lb;
  const uint8_t *pa = cr_bytes(rt_arg(a, 0), &la), *pb = cr_bytes(rt_arg(a, 1), &lb);
  if (!pa || !pb || la != lb) {
    rt_return_bool(a, false);
    return;
  }
  rt_return_bool(a, CRYPTO_memcmp(pa, pb, la) == 0);
}

/* crypto.constants that come from the OpenSSL this binary is built on
 * (Node takes them from its bundled OpenSSL 3.0 headers the same way). */
static void set_constants(rt_val e) {
  rt_val c = rt_object();
#define K(name) rt_set(c, #name, rt_number((double)(name)))
  K(OPENSSL_VERSION_NUMBER);
  K(SSL_OP_ALL); K(SSL_OP_ALLOW_NO_DHE_KEX); K(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
  K(SSL_OP_CIPHER_SERVER_PREFERENCE); K(SSL_OP_CISCO_ANYCONNECT); K(SSL_OP_COOKIE_EXCHANGE);
  K(SSL_OP_CRYPTOPRO_TLSEXT_BUG); K(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS); K(SSL_OP_LEGACY_SERVER_CONNECT);
  K(SSL_OP_NO_COMPRESSION); K(SSL_OP_NO_ENCRYPT_THEN_MAC); K(SSL_OP_NO_QUERY_MTU);
  K(SSL_OP_NO_RENEGOTIATION); K(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
  rt_set(c, "SSL_OP_NO_SSLv2", rt_number(0)); /* gone from OpenSSL 3; Node keeps it as 0 */
  K(SSL_OP_NO_SSLv3); K(SSL_OP_NO_TICKET); K(SSL_OP_NO_TLSv1); K(SSL_OP_NO_TLSv1_1);
  K(SSL_OP_NO_TLSv1_2); K(SSL_OP_NO_TLSv1_3); K(SSL_OP_PRIORITIZE_CHACHA); K(SSL_OP_TLS_ROLLBACK_BUG);
  /* ENGINE_METHOD_*: the ENGINE API's flag values (engine.h, deprecated in 3.0) */
  rt_set(c, "ENGINE_METHOD_RSA", rt_number(0x0001));
  rt_set(c, "ENGINE_METHOD_DSA", rt_number(0x0002));
  rt_set(c, "ENGINE_METHOD_DH", rt_number(0x0004));
  rt_set(c, "ENGINE_METHOD_RAND", rt_number(0x0008));
  rt_set(c, "ENGINE_METHOD_EC", rt_number(0x0800));
  rt_set(c, "ENGINE_METHOD_CIPHERS", rt_number(0x0040));
  rt_set(c, "ENGINE_METHOD_DIGESTS", rt_number(0x0080));
  rt_set(c, "ENGINE_METHOD_PKEY_METHS", rt_number(0x0200));
  rt_set(c, "ENGINE_METHOD_PKEY_ASN1_METHS", rt_number(0x0400));
  rt_set(c, "ENGINE_METHOD_ALL", rt_number(0xFFFF));
  rt_set(c, "ENGINE_METHOD_NONE", rt_number(0x0000));
  K(DH_CHECK_P_NOT_SAFE_PRIME); K(DH_CHECK_P_NOT_PRIME); K(DH_UNABLE_TO_CHECK_GENERATOR);
  K(DH_NOT_SUITABLE_GENERATOR);
  K(RSA_PKCS1_PADDING); K(RSA_NO_PADDING); K(RSA_PKCS1_OAEP_PADDING); K(RSA_X931_PADDING);
  K(RSA_PKCS1_PSS_PADDING); K(RSA_PSS_SALTLEN_DIGEST); K(RSA_PSS_SALTLEN_MAX_SIGN);
  K(RSA_PSS_SALTLEN_AUTO);
  K(TLS1_VERSION); K(TLS1_1_VERSION); K(TLS1_2_VERSION); K(TLS1_3_VERSION);
  K(POINT_CONVERSION_COMPRESSED); K(POINT_CONVERSION_UNCOMPRESSED); K(POINT_CONVERSION_HYBRID);
#undef K
  rt_set(e, "constants", c);
}

void rt_binding_init_crypto(rt_val e) {
  set_constants(e);
  static const struct {
    const char *name;
    rt_native_fn fn;
  } fns[] = {
      {"getHashes", get_hashes},
      {"getCiphers", get_ciphers},
      {"getCurves", get_curves},
      {"hashNew", hash_new},
      {"hashCopy", hash_copy},
      {"hashUpdate", hash_update},
      {"hashDigest", hash_digest},
      {"hmacNew", hmac_new},
      {"hmacUpdate", hmac_update},
      {"hmacDigest", hmac_digest},
      {"randomFill", random_fill},
      {"randomFillAsync", random_fill_async},
      {"cipherNew", cipher_new},
      {"cipherUpdate", cipher_update},
      {"cipherFinal", cipher_final},
      {"cipherSetAAD", cipher_set_aad},
      {"cipherGetAuthTag", cipher_get_auth_tag},
      {"cipherSetAuthTag", cipher_set_auth_tag},
      {"cipherSetAutoPadding", cipher_set_auto_padding},
      {"cipherInfo", cipher_info},
      {"timingSafeEqual", timing_safe_equal},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) rt_set_method(e, fns[i].name, fns[i].fn);
}
