/* binding_crypto_keys.c — internalBinding('crypto_keys'): asymmetric keys
 * (RSA, RSA-PSS, EC, Ed25519/Ed448, X25519/X448) as EVP_PKEY handles, their
 * generation, parsing and export (PEM/DER/JWK), and one-shot signatures.
 *
 * A key handle wraps one EVP_PKEY; the JavaScript KeyObject
 * (runtime/lib/internal/crypto/keys.js) says whether it is used as the
 * public or the private half.  Exports:
 *   generate(type, modulusLength | curve, publicExponent[, cb])   -> handle
 *   parse(data, format, type, passphrase | null, wantPrivate)
 *        -> handle; format "pem" | "der"; type "pkcs1" | "pkcs8" | "sec1" |
 *           "spki" | "" (any); for public keys a private input is accepted
 *   fromRaw(type, curve, bytes, isPrivate)    -> handle (webcrypto raw/JWK)
 *   exportKey(h, isPublic, format, type, cipher | null, passphrase | null)
 *        -> string (pem) | ArrayBuffer (der)
 *   exportJwk(h, isPublic) -> plain object,  exportRaw(h, isPublic) -> ArrayBuffer
 *   info(h) -> {type, modulusLength?, publicExponent?, namedCurve?, hasPrivate}
 *   equals(a, b, isPublic) -> bool
 *   sign(h, digest | null, data, padding, saltLength, dsaEncoding) -> ArrayBuffer
 *   verify(h, digest | null, data, signature, padding, saltLength, dsaEncoding) -> bool
 *        (padding/saltLength: -1 = the key's default; dsaEncoding 1 = IEEE P1363)
 *   rsaCipher(h, op, data, padding, oaepHash, label) -> ArrayBuffer
 *        (op: 0 publicEncrypt, 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt)
 *   derive(privateHandle, publicHandle) -> ArrayBuffer (ECDH, X25519, X448)
 *   ecFromPrivate(curve, scalar) -> handle | null, exportScalar(h) -> ArrayBuffer
 *   rsaFromParts(n, e, d, p, q, dp, dq, qi) -> handle | null (JWK import)
 */
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdlib.h>
#include <string.h>

#include "binding_crypto.h"

typedef struct {
  cr_obj base;
  EVP_PKEY *pkey;
} cr_key;

static void key_destroy(cr_obj *o) {
  cr_key *k = (cr_key *)o;
  EVP_PKEY_free(k->pkey);
  free(k);
}

static rt_val key_wrap(EVP_PKEY *p) {
  cr_key *k = calloc(1, sizeof *k);
  if (!k) abort();
  k->base.destroy = key_destroy;
  k->pkey = p;
  return cr_wrap(&k->base);
}

static EVP_PKEY *key_of(rt_val v) {
  cr_obj *o = cr_unwrap(v);
  return o && o->destroy == key_destroy ? ((cr_key *)o)->pkey : NULL;
}

static const char *key_type_name(EVP_PKEY *p) {
  switch (EVP_PKEY_get_base_id(p)) {
    case EVP_PKEY_RSA:
      return "rsa";
    case EVP_PKEY_RSA_PSS:
      return "rsa-pss";
    case EVP_PKEY_EC:
      return "ec";
    case EVP_PKEY_ED25519:
      return "ed25519";
    case EVP_PKEY_ED448:
      return "ed448";
    case EVP_PKEY_X25519:
      return "x25519";
    case EVP_PKEY_X448:
      return "x448";
    case EVP_PKEY_DSA:
      return "dsa";
    case EVP_PKEY_DH:
      return "dh";
    default:
      return NULL;
  }
}

/* ---- generation --------------------------------------------------------- */

typedef struct {
  cr_job job;
  char type[16], curve[64];
  unsigned bits;
  unsigned long exponent;
  EVP_PKEY *out;
} gen_job;

static int gen_work(cr_job *j) {
  gen_job *g = (gen_job *)j;
  const char *alg = strcmp(g->type, "rsa") == 0       ? "RSA"
                    : strcmp(g->type, "rsa-pss") == 0 ? "RSA-PSS"
                    : strcmp(g->type, "ec") == 0      ? "EC"
                    : strcmp(g->type, "ed25519") == 0 ? "ED25519"
                    : strcmp(g->type, "ed448") == 0   ? "ED448"
                    : strcmp(g->type, "x25519") == 0  ? "X25519"
                    : strcmp(g->type, "x448") == 0    ? "X448"
                                                      : NULL;
  if (!alg) return 1;
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, alg, NULL);
  int ok = ctx && EVP_PKEY_keygen_init(ctx) == 1;
  if (ok && (alg[0] == 'R')) {
    OSSL_PARAM params[3];
    size_t bits = g->bits;
    BIGNUM *e = BN_new();
    BN_set_word(e, g->exponent);
    ok = EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, (int)bits) == 1 &&
         EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) == 1;
    BN_free(e);
    (void)params;
  } else if (ok && alg[0] == 'E' && alg[1] == 'C') {
    int nid = OBJ_txt2nid(g->curve);
    if (nid == NID_undef) nid = EC_curve_nist2nid(g->curve);
    ok = nid != NID_undef && EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, nid) == 1 &&
         EVP_PKEY_CTX_set_ec_param_enc(ctx, OPENSSL_EC_NAMED_CURVE) == 1;
  }
  if (ok) ok = EVP_PKEY_keygen(ctx, &g->out) == 1;
  EVP_PKEY_CTX_free(ctx);
  return !ok;
}

static rt_val gen_done(cr_job *j) {
  gen_job *g = (gen_job *)j;
  EVP_PKEY *p = g->out;
  g->out = NULL;
  return key_wrap(p);
}

static void gen_release(cr_job *j) {
  gen_job *g = (gen_job *)j;
  EVP_PKEY_free(g->out);
  free(g);
}

static void generate(rt_args *a) {
  gen_job *g = calloc(1, sizeof *g);
  if (!g) abort();
  g->job.work = gen_work;
  g->job.done = gen_done;
  g->job.release = gen_release;
  g->job.err_msg = "Key generation failed";
  char *t = RT_ARG_STR(a, 0);
  if (!t) {
    free(g);
    return;
  }
  snprintf(g->type, sizeof g->type, "%s", t);
  free(t);
  rt_val second = rt_arg(a, 1);
  if (rt_is_string(second)) {
    char *c = rt_to_utf8(second, NULL);
    snprintf(g->curve, sizeof g->curve, "%s", c ? c : "");
    free(c);
  } else {
    g->bits = (unsigned)rt_to_int64(second);
  }
  g->exponent = (unsigned long)rt_to_number(rt_arg(a, 2));
  rt_val cb = rt_arg(a, 3);
  if (rt_is_function(cb)) {
    cr_job_start(&g->job, cb);
    return;
  }
  ERR_clear_error();
  if (gen_work(&g->job))
    cr_throw_openssl(g->job.err_msg);
  else
    rt_return(a, gen_done(&g->job));
  gen_release(&g->job);
}

/* ---- parsing ------------------------------------------------------------ */

/* Node's passphrase callback: no passphrase fails the read (OpenSSL then
 * reports "interrupted or cancelled"). */
typedef struct {
  const uint8_t *p;
  size_t len;
} pass_buf;

static int pass_cb(char *buf, int size, int rwflag, void *u) {
  (void)rwflag;
  pass_buf *pb = u;
  if (!pb || !pb->p) return -1;
  size_t n = pb->len < (size_t)size ? pb->len : (size_t)size;
  memcpy(buf, pb->p, n);
  return (int)n;
}

static EVP_PKEY *decode(const uint8_t *data, size_t len, const char *fmt, const char *structure,
                        int selection, const uint8_t *pass, size_t pass_len) {
  EVP_PKEY *pkey = NULL;
  OSSL_DECODER_CTX *dctx =
      OSSL_DECODER_CTX_new_for_pkey(&pkey, fmt, structure, NULL, selection, NULL, NULL);
  if (!dctx) return NULL;
  pass_buf pb = {pass, pass_len};
  OSSL_DECODER_CTX_set_pem_password_cb(dctx, pass_cb, &pb);
  const unsigned char *p = data;
  size_t n = len;
  if (!OSSL_DECODER_from_data(dctx, &p, &n)) {
    EVP_PKEY_free(pkey);
    pkey = NULL;
  }
  OSSL_DECODER_CTX_free(dctx);
  return pkey;
}

static const char *structure_of(const char *type) {
  if (!type || !*type) return NULL;
  if (strcmp(type, "pkcs8") == 0) return NULL; /* PrivateKeyInfo or Encrypted... */
  if (strcmp(type, "spki") == 0) return "SubjectPublicKeyInfo";
  if (strcmp(type, "pkcs1") == 0 || strcmp(type, "sec1") == 0) return "type-specific";
  return NULL;
}

static void parse(rt_args *a) {
  size_t len, pass_len = 0;
  const uint8_t *data = cr_bytes(rt_arg(a, 0), &len);
  char *fmt = RT_ARG_STR(a, 1), *type = RT_ARG_STR(a, 2);
  rt_val pv = rt_arg(a, 3);
  const uint8_t *pass = rt_is_nullish(pv) ? NULL : cr_bytes(pv, &pass_len);
  bool want_private = rt_to_bool(rt_arg(a, 4));
  if (!data || !fmt || !type) goto out;
  const char *f = strcmp(fmt, "pem") == 0 ? "PEM" : "DER";
  const char *st = structure_of(type);
  ERR_clear_error();
  EVP_PKEY *p = NULL;
  if (want_private) {
    p = decode(data, len, f, st, EVP_PKEY_KEYPAIR, pass, pass_len);
  } else {
    p = decode(data, len, f, st, EVP_PKEY_PUBLIC_KEY, NULL, 0);
    if (!p) {
      ERR_clear_error();
      p = decode(data, len, f, st, EVP_PKEY_KEYPAIR, pass, pass_len);
    }
  }
  if (!p && !want_private && f[0] == 'P') {
    /* Node reads a public PEM with PEM_read_bio_PUBKEY first: a damaged
     * "PUBLIC KEY" block reports that parser's error. */
    ERR_clear_error();
    BIO *b = BIO_new_mem_buf(data, (int)len);
    unsigned char *der = NULL;
    long der_len = 0;
    if (b && PEM_bytes_read_bio(&der, &der_len, NULL, "PUBLIC KEY", b, NULL, NULL) == 1) {
      const unsigned char *q = der;
      p = d2i_PUBKEY(NULL, &q, der_len);
    }
    OPENSSL_free(der);
    BIO_free(b);
    unsigned long pe = ERR_peek_last_error();
    if (!p && ERR_GET_LIB(pe) == ERR_LIB_PEM && ERR_GET_REASON(pe) == PEM_R_NO_START_LINE) {
      ERR_clear_error();
      p = decode(data, len, f, st, EVP_PKEY_KEYPAIR, pass, pass_len);
    }
  }
  if (!p) {
    unsigned long e = ERR_peek_error();
    if (!e) {
      rt_throw_error("error:1E08010C:DECODER routines::unsupported");
    } else {
      cr_throw_openssl("Failed to read asymmetric key");
    }
    goto out;
  }
  rt_return(a, key_wrap(p));
out:
  free(fmt);
  free(type);
}

static void from_raw(rt_args *a) {
  char *type = RT_ARG_STR(a, 0), *curve = RT_ARG_STR(a, 1);
  size_t len;
  const uint8_t *bytes = cr_bytes(rt_arg(a, 2), &len);
  bool priv = rt_to_bool(rt_arg(a, 3));
  EVP_PKEY *p = NULL;
  if (!type || !curve || !bytes) goto out;
  if (strcmp(type, "ec") == 0) {
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    OSSL_PARAM params[3];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, curve, 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, (void *)bytes, len);
    params[2] = OSSL_PARAM_construct_end();
    if (ctx && EVP_PKEY_fromdata_init(ctx) == 1)
      EVP_PKEY_fromdata(ctx, &p, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
  } else {
    int id = strcmp(type, "ed25519") == 0  ? EVP_PKEY_ED25519
             : strcmp(type, "ed448") == 0  ? EVP_PKEY_ED448
             : strcmp(type, "x25519") == 0 ? EVP_PKEY_X25519
             : strcmp(type, "x448") == 0   ? EVP_PKEY_X448
                                           : 0;
    if (id)
      p = priv ? EVP_PKEY_new_raw_private_key(id, NULL, bytes, len)
               : EVP_PKEY_new_raw_public_key(id, NULL, bytes, len);
  }
  if (!p)
    cr_throw_openssl("Invalid key data");
  else
    rt_return(a, key_wrap(p));
out:
  free(type);
  free(curve);
}

/* ---- JWK ----------------------------------------------------------------- */

static rt_val b64url(const uint8_t *p, size_t n) {
  static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  char *o = malloc(n / 3 * 4 + 5);
  if (!o) abort();
  size_t k = 0, i = 0;
  for (; i + 2 < n; i += 3) {
    uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
    o[k++] = t[v >> 18];
    o[k++] = t[(v >> 12) & 63];
    o[k++] = t[(v >> 6) & 63];
    o[k++] = t[v & 63];
  }
  if (n - i == 1) {
    o[k++] = t[p[i] >> 2];
    o[k++] = t[(p[i] & 3) << 4];
  } else if (n - i == 2) {
    uint32_t v = (uint32_t)p[i] << 8 | p[i + 1];
    o[k++] = t[v >> 10];
    o[k++] = t[(v >> 4) & 63];
    o[k++] = t[(v & 15) << 2];
  }
  rt_val s = rt_string_n(o, k);
  free(o);
  return s;
}

static bool set_bn(rt_val o, const char *key, EVP_PKEY *p, const char *param, int pad) {
  BIGNUM *bn = NULL;
  if (EVP_PKEY_get_bn_param(p, param, &bn) != 1) return false;
  int n = BN_num_bytes(bn);
  if (pad > n) n = pad;
  uint8_t *buf = malloc((size_t)n + 1);
  if (!buf) abort();
  BN_bn2binpad(bn, buf, n);
  rt_set(o, key, b64url(buf, (size_t)n));
  free(buf);
  BN_free(bn);
  return true;
}

static const char *jwk_crv(const char *group) {
  if (strcmp(group, "prime256v1") == 0 || strcmp(group, "P-256") == 0) return "P-256";
  if (strcmp(group, "secp384r1") == 0 || strcmp(group, "P-384") == 0) return "P-384";
  if (strcmp(group, "secp521r1") == 0 || strcmp(group, "P-521") == 0) return "P-521";
  if (strcmp(group, "secp256k1") == 0) return "secp256k1";
  return NULL;
}

static void export_jwk(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  bool pub = rt_to_bool(rt_arg(a, 1));
  if (!p) return;
  rt_val o = rt_object();
  int id = EVP_PKEY_get_base_id(p);
  if (id == EVP_PKEY_RSA) {
    rt_set(o, "kty", rt_string("RSA"));
    set_bn(o, "n", p, OSSL_PKEY_PARAM_RSA_N, 0);
    set_bn(o, "e", p, OSSL_PKEY_PARAM_RSA_E, 0);
    if (!pub) {
      set_bn(o, "d", p, OSSL_PKEY_PARAM_RSA_D, 0);
      set_bn(o, "p", p, OSSL_PKEY_PARAM_RSA_FACTOR1, 0);
      set_bn(o, "q", p, OSSL_PKEY_PARAM_RSA_FACTOR2, 0);
      set_bn(o, "dp", p, OSSL_PKEY_PARAM_RSA_EXPONENT1, 0);
      set_bn(o, "dq", p, OSSL_PKEY_PARAM_RSA_EXPONENT2, 0);
      set_bn(o, "qi", p, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, 0);
    }
  } else if (id == EVP_PKEY_EC) {
    char group[64];
    size_t gl;
    if (EVP_PKEY_get_utf8_string_param(p, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &gl) !=
            1 ||
        !jwk_crv(group)) {
      rt_throw_code("ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: %s.", group);
      return;
    }
    int bytes = (EVP_PKEY_get_bits(p) + 7) / 8;
    rt_set(o, "kty", rt_string("EC"));
    rt_set(o, "x", rt_undefined());
    rt_set(o, "y", rt_undefined());
    set_bn(o, "x", p, OSSL_PKEY_PARAM_EC_PUB_X, bytes);
    set_bn(o, "y", p, OSSL_PKEY_PARAM_EC_PUB_Y, bytes);
    rt_set(o, "crv", rt_string(jwk_crv(group)));
    if (!pub) set_bn(o, "d", p, OSSL_PKEY_PARAM_PRIV_KEY, bytes);
  } else if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448 || id == EVP_PKEY_X25519 ||
             id == EVP_PKEY_X448) {
    static const char *crv[] = {"Ed25519", "Ed448", "X25519", "X448"};
    int ci = id == EVP_PKEY_ED25519 ? 0 : id == EVP_PKEY_ED448 ? 1 : id == EVP_PKEY_X25519 ? 2 : 3;
    uint8_t buf[64];
    size_t n = sizeof buf;
    rt_set(o, "crv", rt_string(crv[ci]));
    if (!pub && EVP_PKEY_get_raw_private_key(p, buf, &n) == 1) rt_set(o, "d", b64url(buf, n));
    n = sizeof buf;
    if (EVP_PKEY_get_raw_public_key(p, buf, &n) == 1) rt_set(o, "x", b64url(buf, n));
    rt_set(o, "kty", rt_string("OKP"));
  } else {
    rt_throw_code("ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.");
    return;
  }
  rt_return(a, o);
}

static void export_raw(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  bool pub = rt_to_bool(rt_arg(a, 1));
  if (!p) return;
  if (EVP_PKEY_get_base_id(p) == EVP_PKEY_EC) {
    uint8_t buf[256];
    size_t n = 0;
    if (EVP_PKEY_get_octet_string_param(p, OSSL_PKEY_PARAM_PUB_KEY, buf, sizeof buf, &n) != 1) {
      cr_throw_openssl("Failed to export key");
      return;
    }
    rt_return(a, cr_ab(buf, n));
    return;
  }
  uint8_t buf[128];
  size_t n = sizeof buf;
  int ok = pub ? EVP_PKEY_get_raw_public_key(p, buf, &n) : EVP_PKEY_get_raw_private_key(p, buf, &n);
  if (ok != 1) {
    cr_throw_openssl("Failed to export key");
    return;
  }
  rt_return(a, cr_ab(buf, n));
}

/* ---- export ------------------------------------------------------------ */

static void export_key(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  bool pub = rt_to_bool(rt_arg(a, 1));
  char *fmt = RT_ARG_STR(a, 2), *type = RT_ARG_STR(a, 3);
  rt_val cv = rt_arg(a, 4);
  char *cipher = rt_is_nullish(cv) ? NULL : rt_to_utf8(cv, NULL);
  size_t pass_len = 0;
  rt_val pv = rt_arg(a, 5);
  const uint8_t *pass = rt_is_nullish(pv) ? NULL : cr_bytes(pv, &pass_len);
  OSSL_ENCODER_CTX *ectx = NULL;
  uint8_t *out = NULL;
  size_t out_len = 0;
  if (!p || !fmt || !type) goto out;
  const char *st;
  if (strcmp(type, "spki") == 0)
    st = "SubjectPublicKeyInfo";
  else if (strcmp(type, "pkcs8") == 0)
    st = cipher ? "EncryptedPrivateKeyInfo" : "PrivateKeyInfo";
  else
    st = "type-specific";
  int sel = pub ? EVP_PKEY_PUBLIC_KEY : EVP_PKEY_KEYPAIR;
  bool pem = strcmp(fmt, "pem") == 0;
  ectx = OSSL_ENCODER_CTX_new_for_pkey(p, sel, pem ? "PEM" : "DER", st, NULL);
  if (!ectx || OSSL_ENCODER_CTX_get_num_encoders(ectx) == 0) {
    rt_throw_code("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding %s %s.", type,
                  pub ? "can only be used for RSA keys" : "is not supported for this key type");
    goto out;
  }
  if (cipher) {
    if (!OSSL_ENCODER_CTX_set_cipher(ectx, cipher, NULL) ||
        !OSSL_ENCODER_CTX_set_passphrase(ectx, pass_len ? pass : (const uint8_t *)"", pass_len)) {
      cr_throw_openssl("Failed to set the cipher");
      goto out;
    }
  }
  if (!OSSL_ENCODER_to_data(ectx, &out, &out_len)) {
    cr_throw_openssl("Failed to encode the key");
    goto out;
  }
  if (pem)
    rt_return(a, rt_string_n((const char *)out, out_len));
  else
    rt_return(a, cr_ab(out, out_len));
out:
  OPENSSL_free(out);
  OSSL_ENCODER_CTX_free(ectx);
  free(fmt);
  free(type);
  free(cipher);
}

static void info(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  if (!p) return;
  rt_val o = rt_object();
  const char *t = key_type_name(p);
  rt_set(o, "type", t ? rt_string(t) : rt_undefined());
  int id = EVP_PKEY_get_base_id(p);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    rt_set(o, "modulusLength", rt_int(EVP_PKEY_get_bits(p)));
    BIGNUM *e = NULL;
    if (EVP_PKEY_get_bn_param(p, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
      rt_set(o, "publicExponent", rt_biguint(BN_get_word(e)));
      BN_free(e);
    }
  } else if (id == EVP_PKEY_EC) {
    char group[64];
    size_t gl;
    if (EVP_PKEY_get_utf8_string_param(p, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &gl) ==
        1)
      rt_set(o, "namedCurve", rt_string(group));
  }
  BIGNUM *priv = NULL;
  uint8_t raw[128];
  size_t rl = sizeof raw;
  bool has_priv = EVP_PKEY_get_bn_param(p, OSSL_PKEY_PARAM_PRIV_KEY, &priv) == 1 ||
                  EVP_PKEY_get_bn_param(p, OSSL_PKEY_PARAM_RSA_D, &priv) == 1 ||
                  EVP_PKEY_get_raw_private_key(p, raw, &rl) == 1;
  BN_free(priv);
  ERR_clear_error();
  rt_set(o, "hasPrivate", rt_bool(has_priv));
  rt_set(o, "bits", rt_int(EVP_PKEY_get_bits(p)));
  rt_return(a, o);
}

static void equals(rt_args *a) {
  EVP_PKEY *x = key_of(rt_arg(a, 0)), *y = key_of(rt_arg(a, 1));
  if (!x || !y) return;
  rt_return_bool(a, EVP_PKEY_eq(x, y) == 1);
  ERR_clear_error();
}

/* ---- signatures ----------------------------------------------------------- */

/* Sets up ctx for signing or verifying with p. */
static bool sig_init(EVP_MD_CTX *ctx, EVP_PKEY *p, const char *digest, bool verify, int padding,
                     int salt) {
  EVP_PKEY_CTX *pctx = NULL;
  EVP_MD *md = NULL;
  if (digest) {
    md = cr_md_fetch(digest);
    if (!md) return false;
  }
  int ok = verify ? EVP_DigestVerifyInit_ex(ctx, &pctx, md ? EVP_MD_get0_name(md) : NULL, NULL,
                                            NULL, p, NULL)
                  : EVP_DigestSignInit_ex(ctx, &pctx, md ? EVP_MD_get0_name(md) : NULL, NULL, NULL,
                                          p, NULL);
  EVP_MD_free(md);
  if (ok != 1) return false;
  int id = EVP_PKEY_get_base_id(p);
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    if (padding < 0) padding = id == EVP_PKEY_RSA_PSS ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING;
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, padding) != 1) return false;
    if (padding == RSA_PKCS1_PSS_PADDING) {
      if (salt == -100) salt = verify ? RSA_PSS_SALTLEN_AUTO : RSA_PSS_SALTLEN_MAX_SIGN;
      if (EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt) != 1) return false;
    }
  }
  return true;
}

static int ec_field_bytes(EVP_PKEY *p) {
  int bits = EVP_PKEY_get_bits(p);
  return (bits + 7) / 8;
}

static void sign(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  rt_val dv = rt_arg(a, 1);
  char *digest = rt_is_nullish(dv) ? NULL : rt_to_utf8(dv, NULL);
  size_t n;
  const uint8_t *data = cr_bytes(rt_arg(a, 2), &n);
  int padding = rt_to_int32(rt_arg(a, 3)), salt = rt_to_int32(rt_arg(a, 4));
  bool p1363 = rt_to_int32(rt_arg(a, 5)) == 1;
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  uint8_t *sig = NULL;
  size_t sl = 0;
  if (!p || !data) goto out;
  ERR_clear_error();
  if (!sig_init(ctx, p, digest, false, padding, salt) ||
      EVP_DigestSign(ctx, NULL, &sl, data, n) != 1) {
    cr_throw_openssl("Signing failed");
    goto out;
  }
  sig = malloc(sl ? sl : 1);
  if (!sig) abort();
  if (EVP_DigestSign(ctx, sig, &sl, data, n) != 1) {
    cr_throw_openssl("Signing failed");
    goto out;
  }
  if (p1363 && EVP_PKEY_get_base_id(p) == EVP_PKEY_EC) {
    const uint8_t *q = sig;
    ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &q, (long)sl);
    if (!es) {
      cr_throw_openssl("Signing failed");
      goto out;
    }
    int fb = ec_field_bytes(p);
    uint8_t *raw = malloc((size_t)fb * 2);
    if (!raw) abort();
    BN_bn2binpad(ECDSA_SIG_get0_r(es), raw, fb);
    BN_bn2binpad(ECDSA_SIG_get0_s(es), raw + fb, fb);
    ECDSA_SIG_free(es);
    rt_return(a, cr_ab(raw, (size_t)fb * 2));
    free(raw);
    goto out;
  }
  rt_return(a, cr_ab(sig, sl));
out:
  free(sig);
  free(digest);
  EVP_MD_CTX_free(ctx);
}

static void verify(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  rt_val dv = rt_arg(a, 1);
  char *digest = rt_is_nullish(dv) ? NULL : rt_to_utf8(dv, NULL);
  size_t n, sl;
  const uint8_t *data = cr_bytes(rt_arg(a, 2), &n), *sig = cr_bytes(rt_arg(a, 3), &sl);
  int padding = rt_to_int32(rt_arg(a, 4)), salt = rt_to_int32(rt_arg(a, 5));
  bool p1363 = rt_to_int32(rt_arg(a, 6)) == 1;
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  uint8_t *der = NULL;
  if (!p || !data || !sig) goto out;
  ERR_clear_error();
  if (!sig_init(ctx, p, digest, true, padding, salt)) {
    cr_throw_openssl("Verification failed");
    goto out;
  }
  if (p1363 && EVP_PKEY_get_base_id(p) == EVP_PKEY_EC) {
    int fb = ec_field_bytes(p);
    if ((int)sl != fb * 2) {
      rt_return_bool(a, false);
      goto out;
    }
    ECDSA_SIG *es = ECDSA_SIG_new();
    ECDSA_SIG_set0(es, BN_bin2bn(sig, fb, NULL), BN_bin2bn(sig + fb, fb, NULL));
    int dl = i2d_ECDSA_SIG(es, &der);
    ECDSA_SIG_free(es);
    if (dl <= 0) {
      rt_return_bool(a, false);
      goto out;
    }
    sig = der;
    sl = (size_t)dl;
  }
  int r = EVP_DigestVerify(ctx, sig, sl, data, n);
  ERR_clear_error();
  rt_return_bool(a, r == 1);
out:
  OPENSSL_free(der);
  free(digest);
  EVP_MD_CTX_free(ctx);
}

/* ---- RSA encryption and key agreement ----------------------------------- */

/* rsaCipher(h, op, data, padding, oaepHash | null, oaepLabel | null) with op
 * 0 publicEncrypt, 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt. */
static void rsa_cipher(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  int op = rt_to_int32(rt_arg(a, 1));
  size_t n, label_len = 0;
  const uint8_t *data = cr_bytes(rt_arg(a, 2), &n);
  int padding = rt_to_int32(rt_arg(a, 3));
  rt_val hv = rt_arg(a, 4), lv = rt_arg(a, 5);
  char *hash = rt_is_nullish(hv) ? NULL : rt_to_utf8(hv, NULL);
  const uint8_t *label = rt_is_nullish(lv) ? NULL : cr_bytes(lv, &label_len);
  EVP_PKEY_CTX *ctx = p ? EVP_PKEY_CTX_new(p, NULL) : NULL;
  uint8_t *out = NULL;
  size_t out_len = 0;
  if (!ctx || !data) goto out;
  ERR_clear_error();
  int ok = op == 0   ? EVP_PKEY_encrypt_init(ctx)
           : op == 1 ? EVP_PKEY_decrypt_init(ctx)
           : op == 2 ? EVP_PKEY_sign_init(ctx)
                     : EVP_PKEY_verify_recover_init(ctx);
  if (ok == 1) ok = EVP_PKEY_CTX_set_rsa_padding(ctx, padding);
  if (ok == 1 && padding == RSA_PKCS1_OAEP_PADDING) {
    EVP_MD *md = cr_md_fetch(hash ? hash : "sha1");
    ok = md && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) == 1;
    EVP_MD_free(md);
    if (ok && label && label_len) {
      void *copy = OPENSSL_memdup(label, label_len);
      ok = EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, (int)label_len) == 1;
      if (!ok) OPENSSL_free(copy);
    }
  }
  if (ok == 1) {
    ok = op == 0   ? EVP_PKEY_encrypt(ctx, NULL, &out_len, data, n)
         : op == 1 ? EVP_PKEY_decrypt(ctx, NULL, &out_len, data, n)
         : op == 2 ? EVP_PKEY_sign(ctx, NULL, &out_len, data, n)
                   : EVP_PKEY_verify_recover(ctx, NULL, &out_len, data, n);
  }
  if (ok == 1) {
    out = malloc(out_len ? out_len : 1);
    if (!out) abort();
    ok = op == 0   ? EVP_PKEY_encrypt(ctx, out, &out_len, data, n)
         : op == 1 ? EVP_PKEY_decrypt(ctx, out, &out_len, data, n)
         : op == 2 ? EVP_PKEY_sign(ctx, out, &out_len, data, n)
                   : EVP_PKEY_verify_recover(ctx, out, &out_len, data, n);
  }
  if (ok != 1) {
    cr_throw_openssl("RSA operation failed");
    goto out;
  }
  rt_return(a, cr_ab(out, out_len));
out:
  free(out);
  free(hash);
  EVP_PKEY_CTX_free(ctx);
}

/* derive(privateHandle, publicHandle) -> ArrayBuffer (ECDH, X25519, X448). */
static void derive(rt_args *a) {
  EVP_PKEY *priv = key_of(rt_arg(a, 0)), *pub = key_of(rt_arg(a, 1));
  if (!priv || !pub) return;
  EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(priv, NULL);
  uint8_t *out = NULL;
  size_t len = 0;
  ERR_clear_error();
  int ok = ctx && EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, pub) == 1 &&
           EVP_PKEY_derive(ctx, NULL, &len) == 1;
  if (ok) {
    out = malloc(len ? len : 1);
    if (!out) abort();
    ok = EVP_PKEY_derive(ctx, out, &len) == 1;
  }
  if (!ok)
    cr_throw_openssl("Failed to derive a shared secret");
  else
    rt_return(a, cr_ab(out, len));
  free(out);
  EVP_PKEY_CTX_free(ctx);
}

/* ecFromPrivate(curve, scalar) -> handle: an EC key pair from a private
 * scalar (the public point is computed), or null if invalid. */
static void ec_from_private(rt_args *a) {
  char *curve = RT_ARG_STR(a, 0);
  size_t n;
  const uint8_t *d = cr_bytes(rt_arg(a, 1), &n);
  EVP_PKEY *p = NULL;
  EC_GROUP *g = NULL;
  EC_POINT *pt = NULL;
  BIGNUM *bn = NULL;
  OSSL_PARAM_BLD *bld = NULL;
  OSSL_PARAM *params = NULL;
  EVP_PKEY_CTX *ctx = NULL;
  uint8_t pub[256];
  size_t pub_len = 0;
  if (!curve || !d) goto out;
  int nid = OBJ_txt2nid(curve);
  if (nid == NID_undef) nid = EC_curve_nist2nid(curve);
  g = nid == NID_undef ? NULL : EC_GROUP_new_by_curve_name(nid);
  bn = BN_bin2bn(d, (int)n, NULL);
  if (!g || !bn || BN_is_zero(bn) || BN_cmp(bn, EC_GROUP_get0_order(g)) >= 0) goto out;
  pt = EC_POINT_new(g);
  if (!pt || !EC_POINT_mul(g, pt, bn, NULL, NULL, NULL)) goto out;
  pub_len = EC_POINT_point2oct(g, pt, POINT_CONVERSION_UNCOMPRESSED, pub, sizeof pub, NULL);
  bld = OSSL_PARAM_BLD_new();
  if (!bld || !pub_len ||
      !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid), 0) ||
      !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bn) ||
      !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub, pub_len))
    goto out;
  params = OSSL_PARAM_BLD_to_param(bld);
  ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx) != 1 ||
      EVP_PKEY_fromdata(ctx, &p, EVP_PKEY_KEYPAIR, params) != 1)
    p = NULL;
out:
  ERR_clear_error();
  rt_return(a, p ? key_wrap(p) : rt_null());
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  EC_POINT_free(pt);
  BN_clear_free(bn);
  EC_GROUP_free(g);
  free(curve);
}

/* exportScalar(h) -> ArrayBuffer: an EC private key's scalar, padded to the
 * order's size. */
static void export_scalar(rt_args *a) {
  EVP_PKEY *p = key_of(rt_arg(a, 0));
  if (!p) return;
  BIGNUM *bn = NULL;
  if (EVP_PKEY_get_bn_param(p, OSSL_PKEY_PARAM_PRIV_KEY, &bn) != 1) {
    cr_throw_openssl("Failed to get ECDH private key");
    return;
  }
  int len = (EVP_PKEY_get_bits(p) + 7) / 8;
  uint8_t buf[80];
  if (len > (int)sizeof buf) len = (int)sizeof buf;
  BN_bn2binpad(bn, buf, len);
  BN_clear_free(bn);
  rt_return(a, cr_ab(buf, (size_t)len));
}

/* rsaFromParts(n, e, d, p, q, dp, dq, qi) -> handle | null: an RSA key from
 * big-endian integers (JWK import); d..qi are null for a public key. */
static void rsa_from_parts(rt_args *a) {
  static const char *names[] = {OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,
                                OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,
                                OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
                                OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
  BIGNUM *bn[8] = {0};
  OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM *params = NULL;
  EVP_PKEY_CTX *ctx = NULL;
  EVP_PKEY *p = NULL;
  bool priv = !rt_is_nullish(rt_arg(a, 2));
  bool ok = bld != NULL;
  for (int i = 0; ok && i < (priv ? 8 : 2); i++) {
    size_t n;
    const uint8_t *b = cr_bytes(rt_arg(a, i), &n);
    if (!b) {
      if (i >= 3) continue; /* CRT parameters are optional */
      ok = false;
      break;
    }
    bn[i] = BN_bin2bn(b, (int)n, NULL);
    ok = bn[i] && OSSL_PARAM_BLD_push_BN(bld, names[i], bn[i]);
  }
  if (ok) params = OSSL_PARAM_BLD_to_param(bld);
  ctx = ok ? EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL) : NULL;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx) != 1 ||
      EVP_PKEY_fromdata(ctx, &p, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) != 1)
    p = NULL;
  ERR_clear_error();
  rt_return(a, p ? key_wrap(p) : rt_null());
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  for (int i = 0; i < 8; i++) BN_clear_free(bn[i]);
}

void rt_binding_init_crypto_keys(rt_val e) {
  rt_set_method(e, "generate", generate);
  rt_set_method(e, "parse", parse);
  rt_set_method(e, "fromRaw", from_raw);
  rt_set_method(e, "exportKey", export_key);
  rt_set_method(e, "exportJwk", export_jwk);
  rt_set_method(e, "exportRaw", export_raw);
  rt_set_method(e, "info", info);
  rt_set_method(e, "equals", equals);
  rt_set_method(e, "sign", sign);
  rt_set_method(e, "verify", verify);
  rt_set_method(e, "rsaCipher", rsa_cipher);
  rt_set_method(e, "derive", derive);
  rt_set_method(e, "ecFromPrivate", ec_from_private);
  rt_set_method(e, "exportScalar", export_scalar);
  rt_set_method(e, "rsaFromParts", rsa_from_parts);
}
