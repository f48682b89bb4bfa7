/* binding_tls_wrap.c — internalBinding('tls_wrap'): TLS on OpenSSL 3 over
 * memory BIOs, for runtime/lib/tls.js and https.
 *
 * The binding never touches a socket.  JavaScript (internal/tls/wrap.js)
 * reads the encrypted bytes from the underlying stream (a net.Socket or any
 * Duplex), feeds them to cycle(), and writes out whatever encrypted bytes
 * come back; cleartext from the application goes through write().  This keeps
 * the libuv side (stream_wrap.c) unchanged and lets a TLSSocket wrap any
 * stream, as Node's does.
 *
 * Secure contexts (SSL_CTX):
 *   ctxNew()                               -> ctx (a server-or-client context)
 *   ctxSetCert(ctx, pem)                   leaf + chain; throws on bad PEM
 *   ctxSetKey(ctx, pem, passphrase|null)   throws on a bad key or a mismatch
 *   ctxAddCA(ctx, pem)                     trusts every certificate in pem
 *   ctxUseSystemCA(ctx, extraPem|null)     OpenSSL's default paths (/etc/ssl/certs)
 *                                          in a store shared by the thread's contexts;
 *                                          extraPem joins it when it is first made
 *   ctxLoadPKCS12(ctx, der, pass|undefined) key, certificate and CAs of a PFX;
 *                                          throws OpenSSL's reason ("mac verify failure")
 *   ctxConfigure(ctx, what, value)         sigalgs, curves, dhparam, options,
 *                                          timeout, ticketKeys (see there)
 *   ctxSetCiphers(ctx, list), ctxSetProtoRange(ctx, min, max) (TLS versions as
 *   0x0301..0x0304, 0 for no bound), ctxSetALPN(ctx, wire) (server's list)
 * Connections (SSL):
 *   tlsNew(ctx, isServer) -> h
 *   tlsSetServername(h, name), tlsSetALPN(h, wire), tlsSetSession(h, der),
 *   tlsRequestCert(h, required)            a server asks for a client certificate
 *   cycle(h, encIn|null, onsni|null) -> { out, clear, secure, eof, err, session }
 *       feeds encrypted input, advances the handshake, decrypts what it can;
 *       out: encrypted bytes to send; clear: decrypted bytes; secure: the
 *       handshake finished during this call; eof: the peer's close_notify;
 *       err: a fatal TLS error (the connection is dead); session: a client
 *       received a resumable session.  onsni(servername) (false: the
 *       answer comes later: cycle() gives sniWait, then sniDone(h, ctx))
 *       is called during a server's handshake and may return a ctx.
 *       Also: hsStarts (handshakes that began: the first and each
 *       renegotiation), renegotiated (renegotiations that finished),
 *       keylog (NSS key log lines, when tlsSetKeylog(h, true)).
 *   renegotiate(h) -> encrypted bytes (TLS 1.2; throws on TLS 1.3);
 *   inInit(h) -> a renegotiation is under way (hold cleartext writes)
 *   finished(h, peer) -> the Finished message sent (peer: received), or null
 *   exportKeyingMaterial(h, len, label, context|null) -> bytes (RFC 5705)
 *   ephemeralKeyInfo(h) -> { type, name, size } | {}; sharedSigalgs(h) -> [..]
 *   setMaxSendFragment(h, n) -> bool; tlsSetKeylog(h, on); ticket(h) -> bytes|null
 *   enableTrace(h) (SSL_trace to stderr); useKeyCert(h, ctx); ciphers() -> names
 *   tlsEnableSessionCallbacks(h): cycle() also gives newSessions ([{ id,
 *       data, late }]) and resume (a session id: call resumeDone(h, der|null)
 *       and cycle() again)
 *   tlsPSK(h, hint|null): pskCallback through cycle()'s 4th argument
 *   tlsOCSP(h), ocspDone(h, der|null): OCSP stapling (see there); cycle()
 *       gives ocspRequest ({ cert, issuer }) and ocspResponse ({ response })
 *   write(h, clear) -> encrypted bytes (only once secure)
 *   shutdown(h) -> encrypted close_notify
 *   info(h) -> { protocol, cipher, standardName, version, alpn, servername,
 *               reused, verifyError: [code, message] | null }
 *   certFromPem(pem) -> the same object for a PEM certificate, or null;
 *   certPublicKey(pem) -> its public key as SPKI PEM, or null
 *   peerCert(h) -> the certificate object Node's getPeerCertificate() gives,
 *               or null; peerChain(h) -> [leaf, issuer, ...] (detailed); getSession(h) -> DER bytes | null; free(h)
 * Contexts and connections are freed when their wrappers are collected.
 */
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/core_names.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

#include "binding_crypto.h"
#include "devrun/util.h"

typedef struct {
  cr_obj base;
  SSL_CTX *ctx;
  unsigned char *alpn; /* server's protocol list, wire format */
  size_t alpn_len;
  bool shared_store; /* the thread's system CA store, not ours to change */
  /* session ticket keys as Node's: name 16, HMAC-SHA256 key 16, AES-128 key 16 */
  unsigned char ticket_keys[48];
} tls_ctx;

typedef struct {
  cr_obj base;
  SSL *ssl;
  BIO *rbio, *wbio; /* owned by ssl */
  bool is_server, secure, eof;
  rt_val onsni;     /* valid only during cycle() */
  rt_val onpsk;     /* valid only during cycle(): PSK callbacks */
  bool sni_failed;
  bool sni_wait;    /* onsni returned false: its answer comes later */
  bool sni_pending; /* paused in cert_cb until sniDone() */
  bool new_session; /* since the last cycle() */
  bool keylog;      /* JavaScript listens to 'keylog' */
  int hs_starts;    /* handshakes started since the last cycle() */
  int renegs_done;  /* renegotiations finished since the last cycle() */
  rt_val keylines;  /* valid only during cycle(): an array or NULL */
  BIO *trace;       /* enableTrace(): SSL_trace's output, stderr */
  /* a server's external session cache ('newSession'/'resumeSession') */
  bool session_cbs;     /* enabled by tlsEnableSessionCallbacks */
  bool hello_asked;     /* 'resumeSession' was asked for this ClientHello */
  bool hello_pending;   /* waiting for JavaScript's answer */
  bool hs_done;         /* the first handshake's HANDSHAKE_DONE was seen */
  unsigned char hello_id[SSL_MAX_SSL_SESSION_ID_LENGTH];
  size_t hello_id_len;
  SSL_SESSION *next_sess; /* what 'resumeSession' answered */
  rt_val new_sessions;    /* valid only during cycle(): an array or NULL */
  /* OCSP stapling: a server asks 'OCSPRequest' (paused in the certificate
   * callback), a client that asked reports what it got */
  bool ocsp_cbs, ocsp_asked, ocsp_pending, ocsp_requested, ocsp_got;
  unsigned char *ocsp_resp; /* the server's answer, to staple */
  size_t ocsp_resp_len;
} tls_conn;

static void ctx_destroy(cr_obj *o) {
  tls_ctx *c = (tls_ctx *)o;
  SSL_CTX_free(c->ctx);
  free(c->alpn);
  free(c);
}

static X509_STORE *own_store(tls_ctx *c);

static void conn_destroy(cr_obj *o) {
  tls_conn *t = (tls_conn *)o;
  if (t->ssl) SSL_free(t->ssl);
  BIO_free(t->trace);
  SSL_SESSION_free(t->next_sess);
  free(t->ocsp_resp);
  free(t);
}

static tls_ctx *get_ctx(rt_val v) {
  cr_obj *o = cr_unwrap(v);
  if (!o || o->destroy != ctx_destroy) {
    rt_throw_type_error("not a secure context");
    return NULL;
  }
  return (tls_ctx *)o;
}

static tls_conn *get_conn(rt_val v) {
  cr_obj *o = cr_unwrap(v);
  if (!o || o->destroy != conn_destroy || !((tls_conn *)o)->ssl) {
    rt_throw_type_error("not an open TLS connection");
    return NULL;
  }
  return (tls_conn *)o;
}

static BIO *pem_bio(rt_val v) {
  size_t len;
  const uint8_t *p = cr_bytes(v, &len);
  if (!p) {
    rt_throw_type_error("PEM data must be bytes");
    return NULL;
  }
  return BIO_new_mem_buf(p, (int)len);
}

/* ---- contexts ------------------------------------------------------------ */

static int alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                       const unsigned char *in, unsigned inlen, void *arg) {
  tls_ctx *c = arg;
  unsigned char *o = NULL;
  if (!c->alpn) return SSL_TLSEXT_ERR_NOACK;
  int r = SSL_select_next_proto(&o, outlen, c->alpn, (unsigned)c->alpn_len, in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL; /* as Node */
  *out = o;
  return SSL_TLSEXT_ERR_OK;
}

static int servername_cb(SSL *ssl, int *al, void *arg) {
  tls_conn *t = SSL_get_app_data(ssl);
  const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (!t || !t->onsni || !name) return SSL_TLSEXT_ERR_OK;
  rt_val arg0 = rt_string(name);
  rt_val r = rt_call(t->onsni, rt_undefined(), 1, &arg0);
  if (!r) { /* the callback threw: fail the handshake, the error stays pending */
    t->sni_failed = true;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (rt_is_bool(r) && !rt_to_bool(r)) { /* asynchronous: cert_cb waits */
    t->sni_wait = true;
    return SSL_TLSEXT_ERR_OK;
  }
  cr_obj *o = cr_unwrap(r);
  if (o && o->destroy == ctx_destroy) {
    tls_ctx *c = (tls_ctx *)o;
    SSL_set_SSL_CTX(ssl, c->ctx);
    /* SSL_set_SSL_CTX does not carry verification settings over */
    SSL_set_verify(ssl, SSL_CTX_get_verify_mode(c->ctx), SSL_CTX_get_verify_callback(c->ctx));
  }
  return SSL_TLSEXT_ERR_OK;
}

/* A client got a session it can resume with (TLS 1.3: a ticket after the
 * handshake): cycle() reports it so JavaScript emits 'session'. */
static int new_session_cb(SSL *ssl, SSL_SESSION *sess) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (t && !t->is_server) t->new_session = true;
  if (t && t->is_server && t->session_cbs && t->new_sessions) {
    /* { id, data, late }: late when the handshake was already done (the
     * tickets of TLS 1.3), so 'newSession' comes after 'secure' as in Node */
    unsigned int idlen = 0;
    const unsigned char *id = SSL_SESSION_get_id(sess, &idlen);
    int n = i2d_SSL_SESSION(sess, NULL);
    if (n > 0) {
      unsigned char *der = dr_malloc((size_t)n), *p = der;
      i2d_SSL_SESSION(sess, &p);
      rt_val o = rt_object();
      rt_set(o, "id", rt_uint8array(cr_ab(id, idlen), 0, idlen));
      rt_set(o, "data", rt_uint8array(rt_array_buffer_take(der, (size_t)n), 0, (size_t)n));
      rt_set(o, "late", rt_bool(t->hs_done));
      rt_set_i(t->new_sessions, rt_array_length(t->new_sessions), o);
    }
  }
  return 0; /* no reference kept */
}

/* A server's ClientHello: with session callbacks on, a session id without a
 * session ticket pauses the handshake (SSL_ERROR_WANT_CLIENT_HELLO_CB) until
 * JavaScript has asked 'resumeSession' and answered with resumeDone(). */
static int client_hello_cb(SSL *ssl, int *al, void *arg) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t || !t->session_cbs || t->hello_asked || t->secure) return SSL_CLIENT_HELLO_SUCCESS;
  const unsigned char *id = NULL, *ext = NULL;
  size_t idlen = SSL_client_hello_get0_session_id(ssl, &id), extlen = 0;
  bool ticket = SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_session_ticket, &ext, &extlen) == 1 && extlen > 0;
  t->hello_asked = true;
  if (idlen == 0 || ticket || idlen > sizeof t->hello_id) return SSL_CLIENT_HELLO_SUCCESS;
  memcpy(t->hello_id, id, idlen);
  t->hello_id_len = idlen;
  t->hello_pending = true;
  return SSL_CLIENT_HELLO_RETRY;
}

/* A server picks its certificate: a client asking for OCSP stapling pauses
 * the handshake (SSL_ERROR_WANT_X509_LOOKUP) until JavaScript has asked
 * 'OCSPRequest' and answered with ocspDone(). */
static int cert_cb(SSL *ssl, void *arg) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (t && t->sni_wait) { /* an asynchronous SNICallback has not answered */
    t->sni_wait = false;
    t->sni_pending = true;
    return -1;
  }
  if (!t || !t->is_server || !t->ocsp_cbs || t->ocsp_asked) return 1;
  if (SSL_get_tlsext_status_type(ssl) != TLSEXT_STATUSTYPE_ocsp) return 1;
  t->ocsp_asked = t->ocsp_pending = true;
  return -1;
}

/* Server: staple the answer; client: note what was stapled. */
static int status_cb(SSL *ssl, void *arg) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t) return SSL_is_server(ssl) ? SSL_TLSEXT_ERR_NOACK : 1;
  if (t->is_server) {
    if (!t->ocsp_resp) return SSL_TLSEXT_ERR_NOACK;
    unsigned char *copy = OPENSSL_malloc(t->ocsp_resp_len);
    if (!copy) return SSL_TLSEXT_ERR_NOACK;
    memcpy(copy, t->ocsp_resp, t->ocsp_resp_len);
    SSL_set_tlsext_status_ocsp_resp(ssl, copy, (long)t->ocsp_resp_len);
    return SSL_TLSEXT_ERR_OK;
  }
  t->ocsp_got = true; /* read back by cycle() */
  return 1;
}

/* The DER of x, as a Uint8Array */
static rt_val der_of(X509 *x) {
  int n = i2d_X509(x, NULL);
  if (n <= 0) return rt_null();
  unsigned char *der = dr_malloc((size_t)n), *p = der;
  i2d_X509(x, &p);
  return rt_uint8array(rt_array_buffer_take(der, (size_t)n), 0, (size_t)n);
}

/* { cert, issuer } of the certificate a server presents, for 'OCSPRequest':
 * the issuer from the chain, else from the trusted store, else null */
static rt_val ocsp_request_info(tls_conn *t) {
  rt_val o = rt_object();
  X509 *x = SSL_get_certificate(t->ssl);
  rt_set(o, "cert", x ? der_of(x) : rt_null());
  X509 *issuer = NULL;
  if (x) {
    SSL_CTX *ctx = SSL_get_SSL_CTX(t->ssl);
    STACK_OF(X509) *chain = NULL;
    SSL_CTX_get0_chain_certs(ctx, &chain);
    for (int i = 0; chain && i < sk_X509_num(chain); i++) {
      if (X509_check_issued(sk_X509_value(chain, i), x) == X509_V_OK) {
        issuer = sk_X509_value(chain, i);
        X509_up_ref(issuer);
        break;
      }
    }
    if (!issuer) {
      X509_STORE_CTX *sc = X509_STORE_CTX_new();
      if (sc && X509_STORE_CTX_init(sc, SSL_CTX_get_cert_store(ctx), NULL, NULL) == 1 &&
          X509_STORE_CTX_get1_issuer(&issuer, sc, x) != 1)
        issuer = NULL;
      X509_STORE_CTX_free(sc);
    }
  }
  rt_set(o, "issuer", issuer ? der_of(issuer) : rt_null());
  X509_free(issuer);
  ERR_clear_error();
  return o;
}

/* The session 'resumeSession' gave, when OpenSSL looks the id up. */
static SSL_SESSION *get_session_cb(SSL *ssl, const unsigned char *id, int len, int *copy) {
  tls_conn *t = SSL_get_app_data(ssl);
  *copy = 0; /* the reference is OpenSSL's now */
  if (!t || !t->next_sess) return NULL;
  SSL_SESSION *s = t->next_sess;
  t->next_sess = NULL;
  return s;
}

/* Handshake starts and finished renegotiations, counted for cycle().  As
 * Node: a HANDSHAKE_DONE while a renegotiation is still pending is the server
 * sending HelloRequest, not a finished handshake; TLS 1.3 has none. */
static void info_cb(const SSL *ssl, int where, int ret) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t) return;
  if (where & SSL_CB_HANDSHAKE_START) t->hs_starts++;
  if (where & SSL_CB_HANDSHAKE_DONE) t->hs_done = true;
  if ((where & SSL_CB_HANDSHAKE_DONE) && t->secure && !SSL_renegotiate_pending((SSL *)ssl) &&
      SSL_version(ssl) != TLS1_3_VERSION)
    t->renegs_done++;
}

static void keylog_cb(const SSL *ssl, const char *line) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t || !t->keylog || !t->keylines) return;
  size_t n = strlen(line);
  uint8_t *p = dr_malloc(n + 1);
  memcpy(p, line, n);
  p[n] = '\n'; /* Node's lines end with a newline */
  rt_set_i(t->keylines, rt_array_length(t->keylines),
           rt_uint8array(rt_array_buffer_take(p, n + 1), 0, n + 1));
}

/* Session tickets sealed with the context's 48-byte keys, the scheme of
 * Node's TicketKeyCallback, so servers sharing keys (setTicketKeys) resume
 * each other's sessions. */
static int ticket_cb(SSL *ssl, unsigned char *name, unsigned char *iv, EVP_CIPHER_CTX *ectx,
                     EVP_MAC_CTX *hctx, int enc) {
  tls_ctx *c = SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl));
  if (!c) return -1;
  OSSL_PARAM params[3] = {
    OSSL_PARAM_construct_octet_string("key", c->ticket_keys + 16, 16),
    OSSL_PARAM_construct_utf8_string("digest", "sha256", 0),
    OSSL_PARAM_construct_end(),
  };
  if (enc) {
    memcpy(name, c->ticket_keys, 16);
    if (RAND_bytes(iv, 16) != 1 ||
        EVP_EncryptInit_ex(ectx, EVP_aes_128_cbc(), NULL, c->ticket_keys + 32, iv) != 1 ||
        EVP_MAC_CTX_set_params(hctx, params) != 1)
      return -1;
    return 1;
  }
  if (memcmp(name, c->ticket_keys, 16) != 0) return 0; /* not ours: full handshake */
  if (EVP_DecryptInit_ex(ectx, EVP_aes_128_cbc(), NULL, c->ticket_keys + 32, iv) != 1 ||
      EVP_MAC_CTX_set_params(hctx, params) != 1)
    return -1;
  return 1;
}

/* PSK (pskCallback): the client's onpsk(hint|null) -> { psk, identity } |
 * null, the server's onpsk(identity) -> psk | null.  A throw fails the
 * handshake with the exception pending, as a throwing SNICallback. */
static unsigned int psk_client_cb(SSL *ssl, const char *hint, char *identity, unsigned int max_identity_len,
                                  unsigned char *psk, unsigned int max_psk_len) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t || !t->onpsk || t->sni_failed) return 0;
  rt_val args[3] = {hint ? rt_string(hint) : rt_null(), rt_int(max_psk_len), rt_int(max_identity_len)};
  rt_val r = rt_call(t->onpsk, rt_undefined(), 3, args);
  if (!r) {
    t->sni_failed = true;
    return 0;
  }
  if (!rt_is_object(r)) return 0;
  size_t klen;
  const uint8_t *k = cr_bytes(rt_get(r, "psk"), &klen);
  rt_val idv = rt_get(r, "identity");
  if (!k || klen > max_psk_len || !idv || !rt_is_string(idv)) return 0;
  size_t idlen = 0;
  char *id = rt_to_utf8(idv, &idlen);
  if (!id) {
    t->sni_failed = true;
    return 0;
  }
  if (idlen + 1 > max_identity_len) {
    free(id);
    return 0;
  }
  memcpy(identity, id, idlen + 1);
  free(id);
  memcpy(psk, k, klen);
  return (unsigned int)klen;
}

static unsigned int psk_server_cb(SSL *ssl, const char *identity, unsigned char *psk, unsigned int max_psk_len) {
  tls_conn *t = SSL_get_app_data(ssl);
  if (!t || !t->onpsk || t->sni_failed) return 0;
  rt_val args[2] = {rt_string(identity ? identity : ""), rt_int(max_psk_len)};
  rt_val r = rt_call(t->onpsk, rt_undefined(), 2, args);
  if (!r) {
    t->sni_failed = true;
    return 0;
  }
  size_t klen;
  const uint8_t *k = cr_bytes(r, &klen);
  if (!k || klen > max_psk_len) return 0;
  memcpy(psk, k, klen);
  return (unsigned int)klen;
}

static void ctx_new(rt_args *a) {
  tls_ctx *c = dr_calloc(1, sizeof *c);
  c->base.destroy = ctx_destroy;
  c->ctx = SSL_CTX_new(TLS_method());
  if (!c->ctx) {
    free(c);
    cr_throw_openssl("SSL_CTX_new failed");
    return;
  }
  SSL_CTX_set_min_proto_version(c->ctx, TLS1_2_VERSION);
  SSL_CTX_set_mode(c->ctx, SSL_MODE_RELEASE_BUFFERS);
  SSL_CTX_set_session_cache_mode(c->ctx, SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_CLIENT);
  SSL_CTX_sess_set_new_cb(c->ctx, new_session_cb);
  SSL_CTX_sess_set_get_cb(c->ctx, get_session_cb);
  SSL_CTX_set_client_hello_cb(c->ctx, client_hello_cb, NULL);
  SSL_CTX_set_cert_cb(c->ctx, cert_cb, NULL);
  SSL_CTX_set_tlsext_status_cb(c->ctx, status_cb);
  static const unsigned char sid[] = "devrun-js";
  SSL_CTX_set_session_id_context(c->ctx, sid, sizeof sid - 1);
  SSL_CTX_set_alpn_select_cb(c->ctx, alpn_select, c);
  SSL_CTX_set_tlsext_servername_callback(c->ctx, servername_cb);
  SSL_CTX_set_info_callback(c->ctx, info_cb);
  SSL_CTX_set_app_data(c->ctx, c);
  RAND_bytes(c->ticket_keys, sizeof c->ticket_keys);
  SSL_CTX_set_tlsext_ticket_key_evp_cb(c->ctx, ticket_cb);
  SSL_CTX_set_keylog_callback(c->ctx, keylog_cb);
  /* as Node: clients may renegotiate (TLS 1.2), JavaScript limits how often */
  SSL_CTX_set_options(c->ctx, SSL_OP_ALLOW_CLIENT_RENEGOTIATION);
  rt_return(a, cr_wrap(&c->base));
}

static int pass_cb(char *buf, int size, int rwflag, void *u) {
  const char *p = u;
  if (!p) return 0;
  size_t n = strlen(p);
  if ((int)n > size) n = (size_t)size;
  memcpy(buf, p, n);
  return (int)n;
}

static void ctx_set_cert(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  BIO *b = pem_bio(rt_arg(a, 1));
  if (!b) return;
  X509 *leaf = PEM_read_bio_X509_AUX(b, NULL, NULL, NULL);
  if (!leaf || SSL_CTX_use_certificate(c->ctx, leaf) != 1) {
    X509_free(leaf);
    BIO_free(b);
    cr_throw_openssl("bad certificate");
    return;
  }
  X509_free(leaf);
  SSL_CTX_clear_chain_certs(c->ctx);
  X509 *x;
  while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL))) {
    if (SSL_CTX_add0_chain_cert(c->ctx, x) != 1) X509_free(x);
  }
  ERR_clear_error(); /* the end of the PEM data */
  BIO_free(b);
}

static void ctx_set_key(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  BIO *b = pem_bio(rt_arg(a, 1));
  if (!b) return;
  char *pass = rt_is_string(rt_arg(a, 2)) ? RT_ARG_STR(a, 2) : NULL;
  EVP_PKEY *k = PEM_read_bio_PrivateKey(b, NULL, pass_cb, pass);
  free(pass);
  BIO_free(b);
  if (!k) {
    cr_throw_openssl("bad private key");
    return;
  }
  int ok = SSL_CTX_use_PrivateKey(c->ctx, k);
  EVP_PKEY_free(k);
  if (ok != 1) cr_throw_openssl("key values mismatch");
}

/* ctxLoadPKCS12(ctx, der, pass|undefined): as Node's LoadPKCS12, the key and
 * certificate become the context's, the other certificates its chain (the
 * ones that issued it) and trusted CAs.  Errors: OpenSSL's earliest reason
 * ("mac verify failure", "not enough data", ...) as a plain Error. */
static void ctx_load_pkcs12(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  ERR_clear_error();
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  char *pass = rt_is_undefined(rt_arg(a, 2)) || rt_is_null(rt_arg(a, 2)) ? NULL : RT_ARG_STR(a, 2);
  PKCS12 *p12 = NULL;
  EVP_PKEY *key = NULL;
  X509 *cert = NULL;
  STACK_OF(X509) *extra = NULL;
  bool ok = false;
  if (p) {
    BIO *b = BIO_new_mem_buf(p, (int)len); /* as Node: errors read as from a BIO */
    p12 = d2i_PKCS12_bio(b, NULL);
    BIO_free(b);
    ok = p12 && PKCS12_parse(p12, pass, &key, &cert, &extra) == 1 && key && cert &&
         SSL_CTX_use_certificate(c->ctx, cert) == 1 && SSL_CTX_use_PrivateKey(c->ctx, key) == 1;
  }
  if (ok) {
    SSL_CTX_clear_chain_certs(c->ctx);
    X509_STORE *st = own_store(c);
    for (int i = 0; extra && i < sk_X509_num(extra); i++) {
      X509 *x = sk_X509_value(extra, i);
      X509_STORE_add_cert(st, x);
      SSL_CTX_add_client_CA(c->ctx, x);
      X509_up_ref(x);
      if (SSL_CTX_add0_chain_cert(c->ctx, x) != 1) X509_free(x);
    }
  }
  free(pass);
  PKCS12_free(p12);
  EVP_PKEY_free(key);
  X509_free(cert);
  sk_X509_pop_free(extra, X509_free);
  if (ok) {
    ERR_clear_error();
    return;
  }
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (!e) {
    rt_val err = rt_error("Unable to load PFX certificate");
    rt_set(err, "code", rt_string("ERR_CRYPTO_OPERATION_FAILED"));
    rt_throw(err);
    return;
  }
  const char *r = ERR_reason_error_string(e);
  rt_throw(rt_error(r ? r : "Unknown error"));
}

/* ctxConfigure(ctx, what, value): the rarer secure context options.
 *   "sigalgs" string, "curves" string ("auto": OpenSSL's default list),
 *   "dhparam" PEM bytes or "auto", "options" (SSL_OP_* bits, added),
 *   "timeout" seconds, "ticketKeys" 48 bytes, "crl" PEM bytes, "sidctx" string
 *   (throws a TypeError over 32 bytes, as Node);
 *   "getTicketKeys" -> 48 bytes.
 * Returns true, or false when OpenSSL refused the value. */
static void ctx_configure(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  char *what = RT_ARG_STR(a, 1);
  rt_val v = rt_arg(a, 2);
  bool ok = true;
  ERR_clear_error();
  if (!strcmp(what, "sigalgs")) {
    char *l = RT_ARG_STR(a, 2);
    ok = SSL_CTX_set1_sigalgs_list(c->ctx, l) == 1;
    free(l);
  } else if (!strcmp(what, "curves")) {
    char *l = RT_ARG_STR(a, 2);
    ok = !strcmp(l, "auto") || SSL_CTX_set1_curves_list(c->ctx, l) == 1;
    free(l);
  } else if (!strcmp(what, "dhparam")) {
    size_t len;
    const uint8_t *p = rt_is_string(v) ? NULL : cr_bytes(v, &len);
    if (!p) {
      ok = SSL_CTX_set_dh_auto(c->ctx, 1) == 1;
    } else {
      BIO *b = BIO_new_mem_buf(p, (int)len);
      EVP_PKEY *dh = PEM_read_bio_Parameters(b, NULL);
      BIO_free(b);
      ok = dh && SSL_CTX_set0_tmp_dh_pkey(c->ctx, dh) == 1;
      if (!ok) EVP_PKEY_free(dh);
    }
  } else if (!strcmp(what, "options")) {
    SSL_CTX_set_options(c->ctx, (uint64_t)rt_to_number(v));
  } else if (!strcmp(what, "timeout")) {
    SSL_CTX_set_timeout(c->ctx, (long)rt_to_number(v));
  } else if (!strcmp(what, "ticketKeys")) {
    size_t len;
    const uint8_t *p = cr_bytes(v, &len);
    ok = p && len == sizeof c->ticket_keys;
    if (ok) memcpy(c->ticket_keys, p, len);
  } else if (!strcmp(what, "sidctx")) {
    /* a server's session id context: sessions resume only where it matches */
    size_t len = 0;
    char *sid = rt_to_utf8(v, &len);
    if (!sid) {
      free(what);
      return;
    }
    ok = SSL_CTX_set_session_id_context(c->ctx, (const unsigned char *)sid, (unsigned)len) == 1;
    free(sid);
    if (!ok) {
      free(what);
      rt_val e = cr_openssl_error("ssl session id context too long");
      rt_val m = rt_is_object(e) ? rt_get(e, "message") : NULL;
      char *msg = m ? rt_to_utf8(m, NULL) : NULL;
      rt_val te = rt_type_error(msg ? msg : "ssl session id context too long");
      free(msg);
      rt_throw(te);
      return;
    }
  } else if (!strcmp(what, "crl")) {
    /* a PEM CRL: certificates it revokes fail verification (CERT_REVOKED) */
    size_t len;
    const uint8_t *p = cr_bytes(v, &len);
    X509_CRL *crl = NULL;
    if (p) {
      BIO *b = BIO_new_mem_buf(p, (int)len);
      crl = PEM_read_bio_X509_CRL(b, NULL, NULL, NULL);
      BIO_free(b);
    }
    ok = crl != NULL;
    if (ok) {
      X509_STORE *st = own_store(c);
      X509_STORE_add_crl(st, crl);
      X509_STORE_set_flags(st, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
      X509_CRL_free(crl);
    }
  } else if (!strcmp(what, "getTicketKeys")) {
    uint8_t *k = dr_malloc(sizeof c->ticket_keys);
    memcpy(k, c->ticket_keys, sizeof c->ticket_keys);
    free(what);
    rt_return(a, rt_uint8array(rt_array_buffer_take(k, sizeof c->ticket_keys), 0, sizeof c->ticket_keys));
    return;
  } else {
    ok = false;
  }
  free(what);
  ERR_clear_error();
  rt_return_bool(a, ok);
}

static void ctx_add_ca(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  BIO *b = pem_bio(rt_arg(a, 1));
  if (!b) return;
  X509_STORE *st = own_store(c);
  X509 *x;
  int n = 0;
  while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL))) {
    X509_STORE_add_cert(st, x);
    X509_free(x);
    n++;
  }
  ERR_clear_error();
  BIO_free(b);
  rt_return_int(a, n);
}

/* The system CA store (/etc/ssl/certs), loaded once per thread and shared
 * by every context that trusts it, as Node shares its root store: parsing
 * the bundle costs tens of milliseconds, too much for each connection. */
static _Thread_local X509_STORE *root_store;

static void root_store_free(void *arg) { /* a worker thread ends */
  X509_STORE_free(root_store); /* contexts still alive hold their own reference */
  root_store = NULL;
}

static void ctx_use_system_ca(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  if (!root_store) {
    root_store = X509_STORE_new();
    if (root_store && X509_STORE_set_default_paths(root_store) != 1) {
      X509_STORE_free(root_store);
      root_store = NULL;
    }
    if (root_store) rt_thread_at_exit(root_store_free, NULL);
    /* extra PEM certificates (NODE_EXTRA_CA_CERTS), given with the first call */
    size_t len;
    const uint8_t *p = root_store ? cr_bytes(rt_arg(a, 1), &len) : NULL;
    if (p) {
      BIO *b = BIO_new_mem_buf(p, (int)len);
      X509 *x;
      while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL))) {
        X509_STORE_add_cert(root_store, x);
        X509_free(x);
      }
      BIO_free(b);
    }
  }
  ERR_clear_error();
  if (!root_store) {
    rt_return_bool(a, false);
    return;
  }
  SSL_CTX_set1_cert_store(c->ctx, root_store);
  c->shared_store = true;
  rt_return_bool(a, true);
}

/* The context's own store, copied from the shared one before a change */
static X509_STORE *own_store(tls_ctx *c) {
  if (!c->shared_store) return SSL_CTX_get_cert_store(c->ctx);
  X509_STORE *st = X509_STORE_new();
  STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(root_store);
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509 *x = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
    if (x) X509_STORE_add_cert(st, x);
  }
  /* and the hashed directory, looked up lazily (the bundle file's
   * certificates were copied above) */
  X509_LOOKUP *l = X509_STORE_add_lookup(st, X509_LOOKUP_hash_dir());
  if (l) X509_LOOKUP_add_dir(l, NULL, X509_FILETYPE_DEFAULT);
  ERR_clear_error();
  SSL_CTX_set_cert_store(c->ctx, st); /* frees the reference to the shared one */
  c->shared_store = false;
  return st;
}

static void ctx_set_ciphers(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  char *list = RT_ARG_STR(a, 1);
  /* Node's list mixes TLS 1.3 suites and older ciphers; OpenSSL splits them */
  int ok12 = SSL_CTX_set_cipher_list(c->ctx, list);
  ERR_clear_error();
  char *s13 = dr_calloc(1, strlen(list) + 1);
  for (char *tok = strtok(list, ":"); tok; tok = strtok(NULL, ":")) {
    if (strncmp(tok, "TLS_", 4) != 0) continue;
    if (*s13) strcat(s13, ":");
    strcat(s13, tok);
  }
  /* as Node: a list without TLS 1.3 suites keeps the default ones */
  int ok13 = 0;
  if (*s13 || !*list) ok13 = SSL_CTX_set_ciphersuites(c->ctx, s13);
  free(s13);
  free(list);
  if (ok12 != 1 && ok13 != 1) cr_throw_openssl("no cipher match");
  ERR_clear_error();
}

static void ctx_set_proto_range(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  SSL_CTX_set_min_proto_version(c->ctx, rt_to_int32(rt_arg(a, 1)));
  SSL_CTX_set_max_proto_version(c->ctx, rt_to_int32(rt_arg(a, 2)));
}

static void ctx_set_alpn(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  free(c->alpn);
  c->alpn = NULL;
  c->alpn_len = 0;
  if (p && len) {
    c->alpn = dr_malloc(len);
    memcpy(c->alpn, p, len);
    c->alpn_len = len;
  }
}

/* ---- connections ----------------------------------------------------------- */

static int accept_any(int ok, X509_STORE_CTX *x) { return 1; } /* checked later, as Node */

static void tls_new(rt_args *a) {
  tls_ctx *c = get_ctx(rt_arg(a, 0));
  if (!c) return;
  tls_conn *t = dr_calloc(1, sizeof *t);
  t->base.destroy = conn_destroy;
  t->is_server = rt_to_bool(rt_arg(a, 1));
  t->ssl = SSL_new(c->ctx);
  if (!t->ssl) {
    free(t);
    cr_throw_openssl("SSL_new failed");
    return;
  }
  t->rbio = BIO_new(BIO_s_mem());
  t->wbio = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(t->rbio, -1);
  SSL_set_bio(t->ssl, t->rbio, t->wbio);
  SSL_set_app_data(t->ssl, t);
  if (t->is_server) SSL_set_accept_state(t->ssl);
  else {
    /* as Node, only servers have a session id context (a client's would not
     * match the sessions TLS 1.3 PSK callbacks make) */
    SSL_set_session_id_context(t->ssl, (const unsigned char *)"", 0);
    SSL_set_connect_state(t->ssl);
    SSL_set_verify(t->ssl, SSL_VERIFY_PEER, accept_any);
  }
  rt_return(a, cr_wrap(&t->base));
}

static void tls_set_servername(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  char *name = RT_ARG_STR(a, 1);
  SSL_set_tlsext_host_name(t->ssl, name);
  free(name);
}

static void tls_set_alpn(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  if (p && len) SSL_set_alpn_protos(t->ssl, p, (unsigned)len);
}

/* tlsRequestCert(h, required): as Node, a server that rejects unauthorized
 * clients makes OpenSSL fail the handshake when none is sent. */
static void tls_request_cert(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  int mode = SSL_VERIFY_PEER;
  if (rt_to_bool(rt_arg(a, 1))) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  SSL_set_verify(t->ssl, mode, accept_any);
}

static void tls_set_session(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  if (!p || !len) return;
  SSL_SESSION *s = d2i_SSL_SESSION(NULL, &p, (long)len);
  if (!s) {
    ERR_clear_error();
    rt_return_bool(a, false);
    return;
  }
  rt_return_bool(a, SSL_set_session(t->ssl, s) == 1);
  SSL_SESSION_free(s);
}

/* Encrypted bytes waiting in the write BIO, as a Uint8Array, or null. */
static rt_val drain_out(tls_conn *t) {
  size_t n = BIO_ctrl_pending(t->wbio);
  if (!n) return rt_null();
  void *p = dr_malloc(n);
  int got = BIO_read(t->wbio, p, (int)n);
  if (got <= 0) {
    free(p);
    return rt_null();
  }
  return rt_uint8array(rt_array_buffer_take(p, (size_t)got), 0, (size_t)got);
}

/* The error for a failed SSL call: OpenSSL's queue as Node words it. */
static rt_val ssl_error(tls_conn *t, int err) {
  if (err == SSL_ERROR_SYSCALL && !ERR_peek_error())
    return rt_error("Client network socket disconnected before secure TLS connection was established");
  return cr_openssl_error("TLS error");
}

static void cycle(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t inlen;
  const uint8_t *in = cr_bytes(rt_arg(a, 1), &inlen);
  if (in && inlen) BIO_write(t->rbio, in, (int)inlen);
  rt_val res = rt_object();
  rt_val err = rt_null();
  bool became_secure = false;
  t->keylines = t->keylog ? rt_array(0) : NULL;
  t->new_sessions = t->session_cbs ? rt_array(0) : NULL;
  rt_val resume = rt_null();
  ERR_clear_error();
  rt_val ocsp = rt_null();
  rt_val sni = rt_null();
  if (!t->secure && (t->hello_pending || t->ocsp_pending || t->sni_pending)) {
    /* still waiting for 'resumeSession': input stays in the read BIO */
  } else if (!t->secure) {
    t->onsni = rt_is_function(rt_arg(a, 2)) ? rt_arg(a, 2) : NULL;
    t->onpsk = rt_is_function(rt_arg(a, 3)) ? rt_arg(a, 3) : NULL;
    int r = SSL_do_handshake(t->ssl);
    t->onsni = t->onpsk = NULL;
    if (t->sni_failed) {
      t->keylines = NULL;
      t->new_sessions = NULL;
      return; /* exception pending */
    }
    if (r == 1) {
      t->secure = became_secure = true;
    } else {
      int e = SSL_get_error(t->ssl, r);
      if (e == SSL_ERROR_WANT_CLIENT_HELLO_CB) {
        resume = rt_uint8array(cr_ab(t->hello_id, t->hello_id_len), 0, t->hello_id_len);
      } else if (e == SSL_ERROR_WANT_X509_LOOKUP && t->sni_pending) {
        sni = rt_bool(true);
      } else if (e == SSL_ERROR_WANT_X509_LOOKUP && t->ocsp_pending) {
        ocsp = ocsp_request_info(t);
      } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
        err = ssl_error(t, e);
      }
    }
  }
  /* Decrypt everything available; application data may follow the handshake
   * in the same flight. */
  uint8_t *buf = NULL;
  size_t len = 0, cap = 0;
  if (t->secure && rt_is_null(err)) {
    for (;;) {
      if (cap - len < 16384) {
        cap = cap ? cap * 2 : 65536;
        buf = dr_realloc(buf, cap);
      }
      int r = SSL_read(t->ssl, buf + len, (int)(cap - len));
      if (r > 0) {
        len += (size_t)r;
        continue;
      }
      int e = SSL_get_error(t->ssl, r);
      if (e == SSL_ERROR_ZERO_RETURN) t->eof = true;
      else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) err = ssl_error(t, e);
      break;
    }
  }
  rt_set(res, "out", drain_out(t));
  if (len) {
    rt_set(res, "clear", rt_uint8array(rt_array_buffer_take(buf, len), 0, len));
  } else {
    free(buf);
    rt_set(res, "clear", rt_null());
  }
  rt_set(res, "secure", rt_bool(became_secure));
  rt_set(res, "eof", rt_bool(t->eof));
  rt_set(res, "err", err);
  rt_set(res, "session", rt_bool(t->new_session));
  t->new_session = false;
  rt_set(res, "hsStarts", rt_int(t->hs_starts));
  rt_set(res, "renegotiated", rt_int(t->renegs_done));
  t->hs_starts = t->renegs_done = 0;
  rt_set(res, "keylog", t->keylines && rt_array_length(t->keylines) ? t->keylines : rt_null());
  t->keylines = NULL;
  rt_set(res, "newSessions", t->new_sessions && rt_array_length(t->new_sessions) ? t->new_sessions : rt_null());
  t->new_sessions = NULL;
  rt_set(res, "resume", resume);
  rt_set(res, "ocspRequest", ocsp);
  rt_set(res, "sniWait", sni);
  if (t->ocsp_got) {
    /* { response: bytes | null }: the client's 'OCSPResponse' */
    const unsigned char *resp = NULL;
    long n = SSL_get_tlsext_status_ocsp_resp(t->ssl, &resp);
    rt_val o = rt_object();
    rt_set(o, "response", resp && n > 0 ? rt_uint8array(cr_ab(resp, (size_t)n), 0, (size_t)n) : rt_null());
    rt_set(res, "ocspResponse", o);
    t->ocsp_got = false;
  } else {
    rt_set(res, "ocspResponse", rt_null());
  }
  rt_return(a, res);
}

static void write_(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  if (!p) {
    rt_throw_type_error("data must be bytes");
    return;
  }
  ERR_clear_error();
  while (len > 0) {
    int r = SSL_write(t->ssl, p, (int)(len > 1 << 30 ? 1 << 30 : len));
    if (r <= 0) {
      rt_throw(ssl_error(t, SSL_get_error(t->ssl, r)));
      return;
    }
    p += r;
    len -= (size_t)r;
  }
  rt_return(a, drain_out(t));
}

/* renegotiate(h) -> the encrypted ClientHello (or HelloRequest) to send;
 * TLS 1.3 has no renegotiation: OpenSSL's "wrong ssl version" is thrown. */
static void renegotiate_(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  ERR_clear_error();
  if (SSL_renegotiate(t->ssl) != 1) {
    cr_throw_openssl("renegotiation failed");
    return;
  }
  t->keylines = t->keylog ? rt_array(0) : NULL;
  int r = SSL_do_handshake(t->ssl);
  t->keylines = NULL;
  if (r != 1) {
    int e = SSL_get_error(t->ssl, r);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
      rt_throw(ssl_error(t, e));
      return;
    }
  }
  ERR_clear_error();
  rt_return(a, drain_out(t));
}

/* tlsEnableSessionCallbacks(h): this server connection reports new sessions
 * (cycle()'s newSessions) and asks for sessions to resume (cycle()'s resume);
 * as Node, the context's own server cache is then not looked in. */
static void enable_session_cbs(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t || !t->is_server) return;
  t->session_cbs = true;
  SSL_CTX *ctx = SSL_get_SSL_CTX(t->ssl);
  SSL_CTX_set_session_cache_mode(ctx, SSL_CTX_get_session_cache_mode(ctx) | SSL_SESS_CACHE_NO_INTERNAL_LOOKUP);
}

/* resumeDone(h, der|null): the answer to 'resumeSession'; the next cycle()
 * continues the handshake (resuming when der is a session of this server) */
static void resume_done(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  SSL_SESSION_free(t->next_sess);
  t->next_sess = p && len ? d2i_SSL_SESSION(NULL, &p, (long)len) : NULL;
  ERR_clear_error();
  t->hello_pending = false;
}

/* tlsOCSP(h): a client asks for a stapled OCSP response (requestOCSP); a
 * server asks 'OCSPRequest' (cycle()'s ocspRequest: { cert, issuer }, then
 * ocspDone(h, response|null) and cycle() again) */
static void tls_ocsp(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  if (t->is_server) t->ocsp_cbs = true;
  else SSL_set_tlsext_status_type(t->ssl, TLSEXT_STATUSTYPE_ocsp);
}

/* sniDone(h, ctx|null): an asynchronous SNICallback's answer; the next
 * cycle() continues the handshake with ctx's key, certificate, chain and
 * verification settings (as Node's UseSNIContext) */
static void sni_done(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  t->sni_pending = false;
  cr_obj *o = cr_unwrap(rt_arg(a, 1));
  if (!o || o->destroy != ctx_destroy) return;
  tls_ctx *c = (tls_ctx *)o;
  X509 *x = SSL_CTX_get0_certificate(c->ctx);
  EVP_PKEY *k = SSL_CTX_get0_privatekey(c->ctx);
  STACK_OF(X509) *chain = NULL;
  int ok = SSL_CTX_get0_chain_certs(c->ctx, &chain);
  if (ok == 1 && x) ok = SSL_use_certificate(t->ssl, x);
  if (ok == 1 && k) ok = SSL_use_PrivateKey(t->ssl, k);
  if (ok == 1 && chain) ok = SSL_set1_chain(t->ssl, chain);
  if (ok != 1) cr_throw_openssl("SNI context failed");
}

static void ocsp_done(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t len;
  const uint8_t *p = cr_bytes(rt_arg(a, 1), &len);
  free(t->ocsp_resp);
  t->ocsp_resp = NULL;
  t->ocsp_resp_len = 0;
  if (p && len) {
    t->ocsp_resp = dr_malloc(len);
    memcpy(t->ocsp_resp, p, len);
    t->ocsp_resp_len = len;
  }
  t->ocsp_pending = false;
}

/* tlsPSK(h, hint|null): PSK callbacks on (cycle()'s 4th argument answers);
 * a server's identity hint.  Returns false when OpenSSL refuses the hint. */
static void tls_psk(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  bool ok = true;
  if (t->is_server) {
    SSL_set_psk_server_callback(t->ssl, psk_server_cb);
    if (rt_is_string(rt_arg(a, 1))) {
      char *hint = RT_ARG_STR(a, 1);
      ok = SSL_use_psk_identity_hint(t->ssl, hint) == 1;
      free(hint);
    }
  } else {
    SSL_set_psk_client_callback(t->ssl, psk_client_cb);
  }
  ERR_clear_error();
  rt_return_bool(a, ok);
}

/* inInit(h): a renegotiation is under way (SSL_write would wait for it) */
static void in_init(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (t) rt_return_bool(a, t->secure && SSL_in_init(t->ssl));
}

/* enableTrace(h): OpenSSL's protocol trace of this connection on stderr */
static void trace_msg(int write_p, int version, int content_type, const void *buf, size_t len,
                      SSL *ssl, void *arg) {
  ERR_set_mark(); /* best effort: a failed write must not fail the connection */
  SSL_trace(write_p, version, content_type, buf, len, ssl, arg);
  ERR_pop_to_mark();
}

static void enable_trace(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t || t->trace) return;
  t->trace = BIO_new_fp(stderr, BIO_NOCLOSE | BIO_FP_TEXT);
  SSL_set_msg_callback(t->ssl, trace_msg);
  SSL_set_msg_callback_arg(t->ssl, t->trace);
}

/* useKeyCert(h, ctx): this connection presents ctx's key, certificate and
 * chain instead of its own context's (setKeyCert, as Node's UseSNIContext) */
static void use_key_cert(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  tls_ctx *c = get_ctx(rt_arg(a, 1));
  if (!c) return;
  X509 *x = SSL_CTX_get0_certificate(c->ctx);
  EVP_PKEY *k = SSL_CTX_get0_privatekey(c->ctx);
  STACK_OF(X509) *chain = NULL;
  int ok = SSL_CTX_get0_chain_certs(c->ctx, &chain);
  if (ok == 1 && x) ok = SSL_use_certificate(t->ssl, x);
  if (ok == 1 && k) ok = SSL_use_PrivateKey(t->ssl, k);
  if (ok == 1 && chain) ok = SSL_set1_chain(t->ssl, chain);
  if (ok != 1) cr_throw_openssl("setKeyCert failed");
}

static void tls_set_keylog(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (t) t->keylog = rt_to_bool(rt_arg(a, 1));
}

/* finished(h, peer): the latest Finished message sent or received */
static void finished_(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  bool peer = rt_to_bool(rt_arg(a, 1));
  char probe[1];
  size_t n = peer ? SSL_get_peer_finished(t->ssl, probe, 0) : SSL_get_finished(t->ssl, probe, 0);
  if (!n) {
    rt_return(a, rt_null());
    return;
  }
  uint8_t *p = dr_malloc(n);
  if (peer) SSL_get_peer_finished(t->ssl, p, n);
  else SSL_get_finished(t->ssl, p, n);
  rt_return(a, rt_uint8array(rt_array_buffer_take(p, n), 0, n));
}

static void export_keying_material(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  size_t len = (size_t)rt_to_int32(rt_arg(a, 1));
  char *label = RT_ARG_STR(a, 2);
  size_t clen = 0;
  const uint8_t *ctx = cr_bytes(rt_arg(a, 3), &clen);
  uint8_t *out = dr_malloc(len ? len : 1);
  ERR_clear_error();
  int ok = SSL_export_keying_material(t->ssl, out, len, label, strlen(label), ctx, clen, ctx != NULL);
  free(label);
  if (ok != 1) {
    free(out);
    rt_throw(rt_error("Key export failed"));
    return;
  }
  rt_return(a, rt_uint8array(rt_array_buffer_take(out, len), 0, len));
}

/* ephemeralKeyInfo(h): the peer's temporary key, as Node describes it */
static void ephemeral_key_info(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  rt_val o = rt_object();
  EVP_PKEY *k = NULL;
  if (SSL_get_peer_tmp_key(t->ssl, &k) && k) {
    int id = EVP_PKEY_get_id(k);
    int bits = EVP_PKEY_get_bits(k);
    if (id == EVP_PKEY_DH) {
      rt_set(o, "type", rt_string("DH"));
      rt_set(o, "size", rt_int(bits));
    } else if (id == EVP_PKEY_EC || id == EVP_PKEY_X25519 || id == EVP_PKEY_X448) {
      const char *name = NULL;
      if (id == EVP_PKEY_EC) {
        char gname[64];
        size_t gl = 0;
        if (EVP_PKEY_get_utf8_string_param(k, "group", gname, sizeof gname, &gl)) {
          int nid = OBJ_txt2nid(gname);
          name = nid != NID_undef ? OBJ_nid2sn(nid) : NULL;
        }
      } else {
        name = OBJ_nid2sn(id);
      }
      rt_set(o, "type", rt_string("ECDH"));
      if (name) rt_set(o, "name", rt_string(name));
      rt_set(o, "size", rt_int(bits));
    }
    EVP_PKEY_free(k);
  }
  ERR_clear_error();
  rt_return(a, o);
}

/* sharedSigalgs(h): as Node's getSharedSigalgs ("RSA-PSS+SHA256", ...) */
static void shared_sigalgs(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  int n = SSL_get_shared_sigalgs(t->ssl, 0, NULL, NULL, NULL, NULL, NULL);
  rt_val arr = rt_array(0);
  for (int i = 0; i < n; i++) {
    int sign = 0, hash = 0;
    SSL_get_shared_sigalgs(t->ssl, i, &sign, &hash, NULL, NULL, NULL);
    char buf[96];
    const char *sn = NULL;
    switch (sign) {
      case EVP_PKEY_RSA: sn = "RSA"; break;
      case EVP_PKEY_RSA_PSS: sn = "RSA-PSS"; break;
      case EVP_PKEY_DSA: sn = "DSA"; break;
      case EVP_PKEY_EC: sn = "ECDSA"; break;
      case NID_ED25519: sn = "Ed25519"; break;
      case NID_ED448: sn = "Ed448"; break;
      case NID_id_GostR3410_2001: sn = "gost2001"; break;
      case NID_id_GostR3410_2012_256: sn = "gost2012_256"; break;
      case NID_id_GostR3410_2012_512: sn = "gost2012_512"; break;
      default: sn = OBJ_nid2sn(sign); break;
    }
    if (hash != NID_undef) snprintf(buf, sizeof buf, "%s+%s", sn, OBJ_nid2sn(hash));
    else snprintf(buf, sizeof buf, "%s", sn);
    rt_set_i(arr, (uint32_t)i, rt_string(buf));
  }
  rt_return(a, arr);
}

static void set_max_send_fragment(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  rt_return_bool(a, SSL_set_max_send_fragment(t->ssl, (long)rt_to_int32(rt_arg(a, 1))) == 1);
  ERR_clear_error();
}

static void shutdown_(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  if (t->secure) SSL_shutdown(t->ssl);
  ERR_clear_error();
  rt_return(a, drain_out(t));
}

static const char *verify_code(long e) {
  switch (e) {
#define C(n) \
  case X509_V_ERR_##n: return #n;
    C(UNABLE_TO_GET_ISSUER_CERT) C(UNABLE_TO_GET_CRL) C(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
    C(UNABLE_TO_DECRYPT_CRL_SIGNATURE) C(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
    C(CERT_SIGNATURE_FAILURE) C(CRL_SIGNATURE_FAILURE) C(CERT_NOT_YET_VALID)
    C(CERT_HAS_EXPIRED) C(CRL_NOT_YET_VALID) C(CRL_HAS_EXPIRED)
    C(ERROR_IN_CERT_NOT_BEFORE_FIELD) C(ERROR_IN_CERT_NOT_AFTER_FIELD)
    C(ERROR_IN_CRL_LAST_UPDATE_FIELD) C(ERROR_IN_CRL_NEXT_UPDATE_FIELD) C(OUT_OF_MEM)
    C(DEPTH_ZERO_SELF_SIGNED_CERT) C(SELF_SIGNED_CERT_IN_CHAIN)
    C(UNABLE_TO_GET_ISSUER_CERT_LOCALLY) C(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
    C(CERT_CHAIN_TOO_LONG) C(CERT_REVOKED) C(INVALID_CA) C(PATH_LENGTH_EXCEEDED)
    C(INVALID_PURPOSE) C(CERT_UNTRUSTED) C(CERT_REJECTED) C(HOSTNAME_MISMATCH)
#undef C
    default: return "UNSPECIFIED";
  }
}

static void info(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  rt_val o = rt_object();
  rt_set(o, "protocol", t->secure ? rt_string(SSL_get_version(t->ssl)) : rt_null());
  const SSL_CIPHER *c = SSL_get_current_cipher(t->ssl);
  if (c) {
    rt_set(o, "cipher", rt_string(SSL_CIPHER_get_name(c)));
    rt_set(o, "standardName", rt_string(SSL_CIPHER_standard_name(c)));
    rt_set(o, "version", rt_string(SSL_CIPHER_get_version(c)));
  }
  const unsigned char *alpn = NULL;
  unsigned alen = 0;
  SSL_get0_alpn_selected(t->ssl, &alpn, &alen);
  rt_set(o, "alpn", alen ? rt_string_n((const char *)alpn, alen) : rt_bool(false));
  const char *sn = SSL_get_servername(t->ssl, TLSEXT_NAMETYPE_host_name);
  rt_set(o, "servername", sn ? rt_string(sn) : rt_bool(false));
  rt_set(o, "reused", rt_bool(SSL_session_reused(t->ssl)));
  X509 *peer = SSL_get1_peer_certificate(t->ssl);
  long v = SSL_get_verify_result(t->ssl);
  if (!peer && (t->is_server ? (SSL_get_verify_mode(t->ssl) & SSL_VERIFY_PEER) : true)) {
    rt_val e = rt_array(2);
    rt_set_i(e, 0, rt_string("UNABLE_TO_GET_ISSUER_CERT"));
    /* as Node: a missing client certificate reads as this code */
    rt_set_i(e, 1, rt_string(X509_verify_cert_error_string(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT)));
    rt_set(o, "verifyError", t->is_server ? e : rt_null());
  } else if (peer && v != X509_V_OK) {
    rt_val e = rt_array(2);
    rt_set_i(e, 0, rt_string(verify_code(v)));
    rt_set_i(e, 1, rt_string(X509_verify_cert_error_string(v)));
    rt_set(o, "verifyError", e);
  } else {
    rt_set(o, "verifyError", rt_null());
  }
  X509_free(peer);
  rt_return(a, o);
}

/* ---- certificates as Node shows them ------------------------------------ */

static rt_val bio_string(BIO *b) {
  char *p;
  long n = BIO_get_mem_data(b, &p);
  rt_val s = rt_string_n(p, (size_t)n);
  BIO_free(b);
  return s;
}

static rt_val name_object(X509_NAME *name) {
  rt_val o = rt_object_null_proto();
  int n = X509_NAME_entry_count(name);
  for (int i = 0; i < n; i++) {
    X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
    int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(e));
    const char *key = nid != NID_undef ? OBJ_nid2sn(nid) : NULL;
    char buf[80];
    if (!key) {
      OBJ_obj2txt(buf, sizeof buf, X509_NAME_ENTRY_get_object(e), 1);
      key = buf;
    }
    unsigned char *utf8 = NULL;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
    if (len < 0) continue;
    rt_val v = rt_string_n((const char *)utf8, (size_t)len);
    OPENSSL_free(utf8);
    rt_val old = rt_get(o, key);
    if (old && rt_is_string(old)) {
      rt_val arr = rt_array(2);
      rt_set_i(arr, 0, old);
      rt_set_i(arr, 1, v);
      rt_set(o, key, arr);
    } else if (old && rt_is_array(old)) {
      rt_set_i(old, rt_array_length(old), v);
    } else {
      rt_set(o, key, v);
    }
  }
  return o;
}

static rt_val fingerprint(X509 *x, const EVP_MD *md) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  X509_digest(x, md, d, &n);
  char out[EVP_MAX_MD_SIZE * 3 + 1];
  static const char hex[] = "0123456789ABCDEF";
  size_t k = 0;
  for (unsigned i = 0; i < n; i++) {
    if (i) out[k++] = ':';
    out[k++] = hex[d[i] >> 4];
    out[k++] = hex[d[i] & 15];
  }
  out[k] = 0;
  return rt_string(out);
}

static rt_val cert_object(X509 *x) {
  rt_val o = rt_object();
  rt_set(o, "subject", name_object(X509_get_subject_name(x)));
  rt_set(o, "issuer", name_object(X509_get_issuer_name(x)));
  GENERAL_NAMES *alt = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
  if (alt) {
    BIO *b = BIO_new(BIO_s_mem());
    int n = sk_GENERAL_NAME_num(alt);
    for (int i = 0; i < n; i++) {
      GENERAL_NAME *g = sk_GENERAL_NAME_value(alt, i);
      if (i) BIO_puts(b, ", ");
      if (g->type == GEN_DNS) {
        BIO_puts(b, "DNS:");
        BIO_write(b, ASN1_STRING_get0_data(g->d.dNSName), ASN1_STRING_length(g->d.dNSName));
      } else if (g->type == GEN_IPADD) {
        const unsigned char *ip = ASN1_STRING_get0_data(g->d.iPAddress);
        int il = ASN1_STRING_length(g->d.iPAddress);
        char s[64] = "";
        if (il == 4) uv_inet_ntop(AF_INET, ip, s, sizeof s);
        else if (il == 16) uv_inet_ntop(AF_INET6, ip, s, sizeof s);
        BIO_printf(b, "IP Address:%s", s);
      } else if (g->type == GEN_EMAIL) {
        BIO_puts(b, "email:");
        BIO_write(b, ASN1_STRING_get0_data(g->d.rfc822Name), ASN1_STRING_length(g->d.rfc822Name));
      } else if (g->type == GEN_URI) {
        BIO_puts(b, "URI:");
        BIO_write(b, ASN1_STRING_get0_data(g->d.uniformResourceIdentifier),
                  ASN1_STRING_length(g->d.uniformResourceIdentifier));
      } else {
        BIO_puts(b, "othername:<unsupported>");
      }
    }
    GENERAL_NAMES_free(alt);
    rt_set(o, "subjectaltname", bio_string(b));
  }
  rt_set(o, "ca", rt_bool(X509_check_ca(x) == 1));
  EVP_PKEY *pk = X509_get0_pubkey(x);
  if (pk) {
    rt_set(o, "bits", rt_int(EVP_PKEY_get_bits(pk)));
    BIGNUM *nbn = NULL, *ebn = NULL;
    if (EVP_PKEY_get_bn_param(pk, "n", &nbn) && EVP_PKEY_get_bn_param(pk, "e", &ebn)) {
      char *mod = BN_bn2hex(nbn);
      rt_set(o, "modulus", rt_string(mod));
      OPENSSL_free(mod);
      char *ex = BN_bn2hex(ebn);
      char e2[80];
      /* Node: 0x10001 (lowercase, no leading zeros) */
      const char *q = ex;
      while (*q == '0' && q[1]) q++;
      snprintf(e2, sizeof e2, "0x%s", q);
      for (char *z = e2; *z; z++)
        if (*z >= 'A' && *z <= 'F') *z = (char)(*z + 32);
      rt_set(o, "exponent", rt_string(e2));
      OPENSSL_free(ex);
    }
    BN_free(nbn);
    BN_free(ebn);
    ERR_clear_error();
  }
  BIO *b = BIO_new(BIO_s_mem());
  ASN1_TIME_print(b, X509_get0_notBefore(x));
  rt_set(o, "valid_from", bio_string(b));
  b = BIO_new(BIO_s_mem());
  ASN1_TIME_print(b, X509_get0_notAfter(x));
  rt_set(o, "valid_to", bio_string(b));
  rt_set(o, "fingerprint", fingerprint(x, EVP_sha1()));
  rt_set(o, "fingerprint256", fingerprint(x, EVP_sha256()));
  rt_set(o, "fingerprint512", fingerprint(x, EVP_sha512()));
  BIGNUM *sn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL);
  if (sn) {
    char *h = BN_bn2hex(sn);
    rt_set(o, "serialNumber", rt_string(h));
    OPENSSL_free(h);
    BN_free(sn);
  }
  int dl = i2d_X509(x, NULL);
  if (dl > 0) {
    unsigned char *der = dr_malloc((size_t)dl), *p = der;
    i2d_X509(x, &p);
    rt_set(o, "raw", rt_uint8array(rt_array_buffer_take(der, (size_t)dl), 0, (size_t)dl));
  }
  return o;
}

static void peer_cert(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  /* As Node: a client reads the peer's chain, which a resumed session does
   * not carry (so getPeerCertificate() is {} then). */
  if (!t->is_server) {
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(t->ssl);
    if (!chain || sk_X509_num(chain) == 0) {
      rt_return(a, rt_null());
      return;
    }
  }
  X509 *x = SSL_get1_peer_certificate(t->ssl);
  if (!x) {
    rt_return(a, rt_null());
    return;
  }
  rt_return(a, cert_object(x));
  X509_free(x);
}

/* peerChain(h) -> [leaf, its issuer, ...] as certificate objects, the way
 * Node's getPeerCertificate(true) walks it: issuers from the chain the peer
 * sent, then from the trusted store; the array's selfSigned property says
 * whether the last one issued itself.  null without a peer certificate. */
static void peer_chain(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  STACK_OF(X509) *sent = SSL_get_peer_cert_chain(t->ssl);
  X509 *cur = SSL_get1_peer_certificate(t->ssl);
  if (!cur || (!t->is_server && (!sent || sk_X509_num(sent) == 0))) {
    X509_free(cur);
    rt_return(a, rt_null());
    return;
  }
  rt_val arr = rt_array(0);
  X509_STORE *store = SSL_CTX_get_cert_store(SSL_get_SSL_CTX(t->ssl));
  bool self = false;
  for (int depth = 0; cur && depth < 16; depth++) {
    rt_set_i(arr, (uint32_t)depth, cert_object(cur));
    if (X509_check_issued(cur, cur) == X509_V_OK) {
      self = true;
      break;
    }
    X509 *next = NULL;
    for (int i = 0; sent && i < sk_X509_num(sent); i++) {
      X509 *c = sk_X509_value(sent, i);
      if (X509_cmp(c, cur) != 0 && X509_check_issued(c, cur) == X509_V_OK) {
        next = c;
        X509_up_ref(next);
        break;
      }
    }
    if (!next && store) {
      X509_STORE_CTX *sc = X509_STORE_CTX_new();
      if (sc && X509_STORE_CTX_init(sc, store, NULL, NULL) == 1) {
        if (X509_STORE_CTX_get1_issuer(&next, sc, cur) != 1) next = NULL;
      }
      X509_STORE_CTX_free(sc);
    }
    X509_free(cur);
    cur = next;
  }
  X509_free(cur);
  ERR_clear_error();
  rt_set(arr, "selfSigned", rt_bool(self));
  rt_return(a, arr);
}

/* certFromPem(pem) -> the same object for a PEM certificate (X509Certificate,
 * getCertificate()), or null. */
static void cert_from_pem(rt_args *a) {
  BIO *b = pem_bio(rt_arg(a, 0));
  if (!b) return;
  X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
  BIO_free(b);
  ERR_clear_error();
  if (!x) {
    rt_return(a, rt_null());
    return;
  }
  rt_return(a, cert_object(x));
  X509_free(x);
}

/* certPublicKey(pem) -> the certificate's public key as SPKI PEM, or null */
static void cert_public_key(rt_args *a) {
  BIO *b = pem_bio(rt_arg(a, 0));
  if (!b) return;
  X509 *x = PEM_read_bio_X509(b, NULL, NULL, NULL);
  BIO_free(b);
  ERR_clear_error();
  EVP_PKEY *k = x ? X509_get0_pubkey(x) : NULL;
  if (!k) {
    X509_free(x);
    rt_return(a, rt_null());
    return;
  }
  BIO *o = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(o, k);
  rt_return(a, bio_string(o));
  X509_free(x);
}

static void get_session(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  SSL_SESSION *s = SSL_get1_session(t->ssl);
  if (!s) {
    rt_return(a, rt_null());
    return;
  }
  int n = i2d_SSL_SESSION(s, NULL);
  if (n > 0) {
    unsigned char *der = dr_malloc((size_t)n), *p = der;
    i2d_SSL_SESSION(s, &p);
    rt_return(a, rt_uint8array(rt_array_buffer_take(der, (size_t)n), 0, (size_t)n));
  }
  SSL_SESSION_free(s);
}

/* ticket(h) -> the session ticket a client received, or null */
static void ticket_(rt_args *a) {
  tls_conn *t = get_conn(rt_arg(a, 0));
  if (!t) return;
  SSL_SESSION *s = SSL_get_session(t->ssl);
  const unsigned char *p = NULL;
  size_t n = 0;
  if (s) SSL_SESSION_get0_ticket(s, &p, &n);
  rt_return(a, p && n ? rt_uint8array(cr_ab(p, n), 0, n) : rt_null());
}

/* ciphers() -> the names of the ciphers OpenSSL enables by default, then
 * the TLS 1.3 suites (as Node's getSSLCiphers) */
static void ciphers_(rt_args *a) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  SSL *ssl = ctx ? SSL_new(ctx) : NULL;
  if (!ssl) {
    SSL_CTX_free(ctx);
    cr_throw_openssl("SSL_new failed");
    return;
  }
  static const char *const tls13[] = {"tls_aes_256_gcm_sha384", "tls_chacha20_poly1305_sha256",
                                      "tls_aes_128_gcm_sha256", "tls_aes_128_ccm_8_sha256",
                                      "tls_aes_128_ccm_sha256"};
  STACK_OF(SSL_CIPHER) *list = SSL_get_ciphers(ssl);
  int n = list ? sk_SSL_CIPHER_num(list) : 0;
  rt_val arr = rt_array(0);
  uint32_t k = 0;
  for (int i = 0; i < n; i++) rt_set_i(arr, k++, rt_string(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(list, i))));
  for (size_t i = 0; i < sizeof tls13 / sizeof *tls13; i++) rt_set_i(arr, k++, rt_string(tls13[i]));
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  rt_return(a, arr);
}

static void free_(rt_args *a) {
  cr_obj *o = cr_unwrap(rt_arg(a, 0));
  if (!o || o->destroy != conn_destroy) return;
  tls_conn *t = (tls_conn *)o;
  if (t->ssl) SSL_free(t->ssl);
  t->ssl = NULL;
}

void rt_binding_init_tls_wrap(rt_val e) {
  rt_set_method(e, "ctxNew", ctx_new);
  rt_set_method(e, "ctxSetCert", ctx_set_cert);
  rt_set_method(e, "ctxSetKey", ctx_set_key);
  rt_set_method(e, "ctxAddCA", ctx_add_ca);
  rt_set_method(e, "ctxLoadPKCS12", ctx_load_pkcs12);
  rt_set_method(e, "ctxConfigure", ctx_configure);
  rt_set_method(e, "ctxUseSystemCA", ctx_use_system_ca);
  rt_set_method(e, "ctxSetCiphers", ctx_set_ciphers);
  rt_set_method(e, "ctxSetProtoRange", ctx_set_proto_range);
  rt_set_method(e, "ctxSetALPN", ctx_set_alpn);
  rt_set_method(e, "tlsNew", tls_new);
  rt_set_method(e, "tlsSetServername", tls_set_servername);
  rt_set_method(e, "tlsSetALPN", tls_set_alpn);
  rt_set_method(e, "tlsRequestCert", tls_request_cert);
  rt_set_method(e, "tlsSetSession", tls_set_session);
  rt_set_method(e, "cycle", cycle);
  rt_set_method(e, "write", write_);
  rt_set_method(e, "shutdown", shutdown_);
  rt_set_method(e, "renegotiate", renegotiate_);
  rt_set_method(e, "tlsSetKeylog", tls_set_keylog);
  rt_set_method(e, "inInit", in_init);
  rt_set_method(e, "tlsEnableSessionCallbacks", enable_session_cbs);
  rt_set_method(e, "resumeDone", resume_done);
  rt_set_method(e, "tlsOCSP", tls_ocsp);
  rt_set_method(e, "ocspDone", ocsp_done);
  rt_set_method(e, "sniDone", sni_done);
  rt_set_method(e, "tlsPSK", tls_psk);
  rt_set_method(e, "enableTrace", enable_trace);
  rt_set_method(e, "useKeyCert", use_key_cert);
  rt_set_method(e, "finished", finished_);
  rt_set_method(e, "exportKeyingMaterial", export_keying_material);
  rt_set_method(e, "ephemeralKeyInfo", ephemeral_key_info);
  rt_set_method(e, "sharedSigalgs", shared_sigalgs);
  rt_set_method(e, "setMaxSendFragment", set_max_send_fragment);
  rt_set_method(e, "info", info);
  rt_set_method(e, "peerCert", peer_cert);
  rt_set_method(e, "peerChain", peer_chain);
  rt_set_method(e, "certFromPem", cert_from_pem);
  rt_set_method(e, "certPublicKey", cert_public_key);
  rt_set_method(e, "getSession", get_session);
  rt_set_method(e, "ticket", ticket_);
  rt_set_method(e, "ciphers", ciphers_);
  rt_set_method(e, "free", free_);
}
