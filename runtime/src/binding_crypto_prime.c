/* binding_crypto_prime.c — internalBinding('crypto_prime'): prime
 * generation and primality tests on OpenSSL's BIGNUM, for
 * crypto.generatePrime(Sync) and crypto.checkPrime(Sync)
 * (runtime/lib/internal/crypto/prime.js validates the arguments).
 *
 *   generate(bits, safe, add | null, rem | null[, cb]) -> ArrayBuffer
 *        (big-endian), or on the thread pool cb(err, ArrayBuffer)
 *   check(candidate, checks[, cb])                   -> bool / cb(err, bool)
 *        (candidate big-endian; `checks` is accepted but OpenSSL 3's
 *        BN_check_prime always uses its own number of Miller-Rabin rounds,
 *        at least as many as Node's default)
 */
#include <openssl/bn.h>
#include <openssl/err.h>
#include <stdlib.h>
#include <string.h>

#include "binding_crypto.h"

typedef struct {
  cr_job job;
  bool check, safe, result;
  int bits, checks; /* checks: see check() */
  BIGNUM *n, *add, *rem;
} prime_job;

static BIGNUM *bn_arg(rt_val v) {
  size_t len;
  const uint8_t *p = cr_bytes(v, &len);
  return p ? BN_bin2bn(p, (int)len, NULL) : NULL;
}

static int prime_work(cr_job *j) {
  prime_job *p = (prime_job *)j;
  if (p->check) {
    BN_CTX *ctx = BN_CTX_new();
    int r = ctx ? BN_check_prime(p->n, ctx, NULL) : -1;
    BN_CTX_free(ctx);
    if (r < 0) return 1;
    p->result = r == 1;
    return 0;
  }
  p->n = BN_new();
  BN_CTX *ctx = BN_CTX_new(); /* BN_generate_prime_ex2 needs one */
  int ok =
      p->n && ctx && BN_generate_prime_ex2(p->n, p->bits, p->safe, p->add, p->rem, NULL, ctx) == 1;
  BN_CTX_free(ctx);
  return !ok;
}

static rt_val prime_done(cr_job *j) {
  prime_job *p = (prime_job *)j;
  if (p->check) return rt_bool(p->result);
  int len = BN_num_bytes(p->n);
  rt_val ab = rt_array_buffer((size_t)len, false);
  if (len) BN_bn2bin(p->n, rt_array_buffer_data(ab, NULL));
  return ab;
}

static void prime_release(cr_job *j) {
  prime_job *p = (prime_job *)j;
  BN_free(p->n);
  BN_free(p->add);
  BN_free(p->rem);
  free(p);
}

static prime_job *prime_new(void) {
  prime_job *p = calloc(1, sizeof *p);
  if (!p) abort();
  p->job.work = prime_work;
  p->job.done = prime_done;
  p->job.release = prime_release;
  p->job.err_msg = "Prime operation failed";
  return p;
}

static void run(rt_args *a, prime_job *p, rt_val cb) {
  if (rt_is_function(cb)) {
    cr_job_start(&p->job, cb);
    return;
  }
  ERR_clear_error();
  if (prime_work(&p->job))
    cr_throw_openssl(p->job.err_msg);
  else
    rt_return(a, prime_done(&p->job));
  prime_release(&p->job);
}

static void generate(rt_args *a) {
  prime_job *p = prime_new();
  p->bits = rt_to_int32(rt_arg(a, 0));
  p->safe = rt_to_bool(rt_arg(a, 1));
  if (!rt_is_nullish(rt_arg(a, 2))) p->add = bn_arg(rt_arg(a, 2));
  if (!rt_is_nullish(rt_arg(a, 3))) p->rem = bn_arg(rt_arg(a, 3));
  run(a, p, rt_arg(a, 4));
}

static void check(rt_args *a) {
  prime_job *p = prime_new();
  p->check = true;
  p->n = bn_arg(rt_arg(a, 0));
  p->checks = rt_to_int32(rt_arg(a, 1));
  if (!p->n) p->n = BN_new();
  run(a, p, rt_arg(a, 2));
}

void rt_binding_init_crypto_prime(rt_val e) {
  rt_set_method(e, "generate", generate);
  rt_set_method(e, "check", check);
}
