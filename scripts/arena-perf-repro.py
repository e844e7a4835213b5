#!/usr/bin/env python3
"""Writes exports with the exact structure of three Lean Kernel Arena perf
tests (tests/perf/app-lam, beta-ladder, let-ladder in the public Arena
repository), for measuring with `proofgate check FILE --stats`:

    python3 scripts/arena-perf-repro.py app_lam 4000 > app-lam.ndjson
    python3 scripts/arena-perf-repro.py beta 2000    > beta-ladder.ndjson
    python3 scripts/arena-perf-repro.py let 2000     > let-ladder.ndjson

- app_lam n: `wrap2 (fun x1 => wrap2 (fun x2 => ... x1 + ... + xn) ...) ...`,
  each lambda passed twice (one expression index: a DAG), every application
  head a constant, the innermost body summing all n variables.
- beta n: `(fun x1 => (fun x2 => ... x1 + (x2 + (... + 0))) 0) 0 = 0` by `Eq.refl`.
- let n: `let x1 := 0; ...; x1 + (x2 + (... + 0))` as a `Nat` definition.

The benches' generators `app_lam_dag` and `beta_ladder_all`
(`benches/src/traps.rs`) build the first two shapes in Rust for criterion;
this script writes them in the fixture generator's spelling, as files for
the command line. Uses the fixture generator's export writer
(`crates/proofgate-kernel/tests/fixtures/generate.py`), with its terms
memoised so shared subterms are written once.
"""
import os, sys, threading

here = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(here, '../crates/proofgate-kernel/tests/fixtures/generate.py')).read()
src = src[:src.index("A = os.path.join(OUT, 'accept')")]
which, n = sys.argv[1], int(sys.argv[2])
sys.argv = [sys.argv[0], os.devnull]
exec(src)

_expr = W.expr
def _memo_expr(self, e):
    memo = self.__dict__.setdefault('_memo', {})
    if id(e) not in memo:
        memo[id(e)] = (_expr(self, e), e)  # keep e alive so ids stay unique
    return memo[id(e)][0]
W.expr = _memo_expr

def natadd(a, b): return app(c('Nat.add'), a, b)

def base():
    w = W(); prelude(w)
    w.defn('Nat.add', arrow(NatT, arrow(NatT, NatT)), nat_rec_fold(app(c('Nat.succ'), bv(0))))
    return w

def app_lam(n):
    w = base()
    F = arrow(NatT, NatT)
    w.defn('wrap2', arrow(F, arrow(F, NatT)), lam('f', F, lam('g', F, natadd(app(bv(1), nat(0)), app(bv(0), nat(0))))))
    body = bv(n - 1)
    for i in range(1, n):
        body = natadd(body, bv(n - 1 - i))
    for _ in range(n):
        l = lam('x', NatT, body)
        body = app(c('wrap2'), l, l)
    w.defn('dag_app_binder', NatT, body)
    return w

def sum_of_binders(n):
    b = nat(0)
    for i in range(n):
        b = natadd(bv(i), b)
    return b

def beta(n):
    w = base()
    e = sum_of_binders(n)
    for _ in range(n):
        e = app(lam('x', NatT, e), nat(0))
    w.thm('beta_ladder', app(c('Eq', S(0)), NatT, e, nat(0)), app(c('Eq.refl', S(0)), NatT, nat(0)))
    return w

def let_ladder(n):
    w = base()
    e = sum_of_binders(n)
    for _ in range(n):
        e = let('x', NatT, nat(0), e)
    w.defn('let_ladder', NatT, e)
    return w

def main():
    w = {'app_lam': app_lam, 'beta': beta, 'let': let_ladder}[which](n)
    sys.stdout.write('\n'.join(w.lines) + '\n')

# The writer recurses once per term level.
sys.setrecursionlimit(1_000_000)
threading.stack_size(512 << 20)
t = threading.Thread(target=main); t.start(); t.join()
