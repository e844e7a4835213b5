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
- let n: the Arena's let ladder (tests/perf/let-ladder.lean) as Lean
  elaborates it: one `def kernel_quadratic_let_ladder : Nat` whose value
  is n lets `let x : Nat := 0` (one shared value, `OfNat.ofNat Nat 0
  (instOfNatNat 0)`, not marked non-dependent), each body `Nat.add x
  (next let)`, the innermost `x_n + (... + (x_1 + 0))`, with Init.Prelude's own
  structural `Nat.add` and what it needs carried in the export (read from
  the corpus's `good/init-prelude.ndjson`, found as `scripts/find-corpus.sh`
  finds it). `let_synthetic n` is the older
  reproduction with a `Nat.rec` addition, which missed what makes it hard.

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

import json, subprocess

def prelude_closure(roots):
    """The lines of Init.Prelude that `roots` need: every name and level
    line, the declarations reachable from the roots, and their terms, in
    the file's order. Returns (lines, name ids by text, expression ids by
    their JSON body, next free expression id, next free name id)."""
    try:
        corpus = subprocess.run([os.path.join(here, 'find-corpus.sh')], check=True,
                                capture_output=True, text=True).stdout.strip()
    except subprocess.CalledProcessError:
        sys.exit('arena-perf-repro: the let ladder needs the Lean export corpus '
                 '(where scripts/find-corpus.sh looks for it)')
    rows = [json.loads(l) for l in open(os.path.join(corpus, 'good/init-prelude.ndjson'))]
    names, exprs, decls = {0: ''}, {}, {}
    for o in rows:
        if 'in' in o:
            k = 'str' if 'str' in o else 'num'
            pre = names[o[k]['pre']]
            names[o['in']] = (pre + '.' if pre else '') + str(o[k].get('str', o[k].get('i')))
        elif 'ie' in o:
            exprs[o['ie']] = o
    by_text = {v: k for k, v in names.items()}
    def decl_names(o):
        if 'inductive' in o:
            b = o['inductive']
            return [t['name'] for t in b['types']] + [c['name'] for c in b['ctors']] + [r['name'] for r in b['recs']]
        for v in o.values():
            if isinstance(v, dict) and 'name' in v:
                return [v['name']]
        return []
    owner = {}
    for i, o in enumerate(rows):
        if not ('in' in o or 'il' in o or 'ie' in o or 'meta' in o):
            for n in decl_names(o):
                owner[n] = i
    def expr_ids(o):
        out = []
        def go(v, key=None):
            if isinstance(v, dict):
                for k2, v2 in v.items(): go(v2, k2)
            elif isinstance(v, list):
                for v2 in v: go(v2, key)
            elif isinstance(v, int) and key in ('type', 'value', 'rhs', 'fn', 'arg', 'body', 'struct', 'expr'):
                out.append(v)
        go({k: v for k, v in o.items() if k != 'ie'})
        return out
    need_decl, need_expr = set(), set()
    todo = [owner[by_text[r]] for r in roots]
    while todo:
        d = todo.pop()
        if d in need_decl: continue
        need_decl.add(d)
        stack = expr_ids(rows[d])
        while stack:
            e = stack.pop()
            if e in need_expr: continue
            need_expr.add(e)
            o = exprs[e]
            if 'const' in o and o['const']['name'] in owner:
                todo.append(owner[o['const']['name']])
            if 'proj' in o and o['proj']['typeName'] in owner:
                todo.append(owner[o['proj']['typeName']])
            stack.extend(expr_ids(o))
    lines = []
    for i, o in enumerate(rows):
        if 'meta' in o or 'in' in o or 'il' in o or i in need_decl or ('ie' in o and o['ie'] in need_expr):
            lines.append(json.dumps(o, separators=(',', ':')))
    return lines, by_text, max(exprs) + 1, max(names) + 1

def let_ladder_real(n):
    lines, by_text, next_e, next_n = prelude_closure(['Nat.add', 'OfNat.ofNat', 'instOfNatNat'])
    out = list(lines)
    def name(text):
        nonlocal next_n
        i = next_n; next_n += 1
        out.append(json.dumps({'in': i, 'str': {'pre': 0, 'str': text}}))
        return i
    def expr(body):
        nonlocal next_e
        i = next_e; next_e += 1
        body = dict(body); body['ie'] = i
        out.append(json.dumps(body, separators=(',', ':')))
        return i
    const = lambda t, us=(): expr({'const': {'name': by_text[t], 'us': list(us)}})
    nat = const('Nat')
    zero_lit = expr({'natVal': '0'})
    # Level 0 is the file's level 0; `OfNat.ofNat.{0} Nat 0 (instOfNatNat 0)`.
    inst = expr({'app': {'fn': const('instOfNatNat'), 'arg': zero_lit}})
    of_nat = expr({'app': {'fn': expr({'app': {'fn': expr({'app': {'fn': const('OfNat.ofNat', [0]), 'arg': nat}}), 'arg': zero_lit}}), 'arg': inst}})
    add = const('Nat.add')
    plus = lambda a, b: expr({'app': {'fn': expr({'app': {'fn': add, 'arg': a}}), 'arg': b}})
    # The Arena's source (`mkNatLit 0` is `OfNat.ofNat Nat 0 (instOfNatNat 0)`):
    #   body := 0; for i in [:n]: body := Nat.add #i body
    #   for _ in [:n]: body := let x : Nat := 0; Nat.add #0 body
    # so the innermost sum references every binding and an addition
    # separates consecutive lets (a telescope would be substituted at once).
    body = of_nat
    for i in range(n):
        body = plus(expr({'bvar': i}), body)
    x = name('x')
    for _ in range(n):
        body = expr({'letE': {'name': x, 'type': nat, 'value': of_nat,
                              'body': plus(expr({'bvar': 0}), body), 'nondep': False}})
    d = name('kernel_quadratic_let_ladder')
    out.append(json.dumps({'def': {'name': d, 'levelParams': [], 'type': nat, 'value': body,
                                   'hints': {'regular': 0}, 'safety': 'safe', 'all': [d]}}))
    return out

def main():
    if which == 'let':
        sys.stdout.write('\n'.join(let_ladder_real(n)) + '\n')
        return
    w = {'app_lam': app_lam, 'beta': beta, 'let_synthetic': let_ladder}[which](n)
    sys.stdout.write('\n'.join(w.lines) + '\n')

# The writer recurses once per term level.
sys.setrecursionlimit(1_000_000)
threading.stack_size(512 << 20)
t = threading.Thread(target=main); t.start(); t.join()
