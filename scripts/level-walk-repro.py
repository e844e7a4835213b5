#!/usr/bin/env python3
"""Writes the level-walk trap of issue 19 (finding 4, first shape), for
measuring with `proofgate check FILE --stats`:

    python3 scripts/level-walk-repro.py 20000 > level-walk.ndjson

One declaration `def d.{u} : Sort (succ M1) := Sort M2`, where M1 and M2 are
balanced `max` trees over the leaves `succ^i u`, i = 1..n (one chain of n
`succ` nodes), M2 over the leaves in another order. Both normalise to
`succ^n u`. A kernel that walks a `succ` chain per comparison does about
n^2 log n work here on a few thousand units of fuel. `tests/level_fuel.rs`
builds the same shape through the kernel's `ExportWriter`.
"""
import json
import sys

n = int(sys.argv[1])
out = sys.stdout
w = lambda o: out.write(json.dumps(o, separators=(",", ":")) + "\n")

w({"meta": {"format": {"version": "3.1.0"}}})
w({"in": 1, "str": {"pre": 0, "str": "d"}})
w({"in": 2, "str": {"pre": 0, "str": "u"}})
w({"il": 1, "param": 2})
for i in range(1, n + 1):  # il 1 + i = succ^i u
    w({"il": 1 + i, "succ": i})
next_il = n + 2


def balanced(leaves):
    global next_il
    if len(leaves) == 1:
        return leaves[0]
    mid = len(leaves) // 2
    a, b = balanced(leaves[:mid]), balanced(leaves[mid:])
    w({"il": next_il, "max": [a, b]})
    next_il += 1
    return next_il - 1


sys.setrecursionlimit(10000)
leaves = list(range(2, n + 2))
m1 = balanced(leaves)
other = leaves[1::2] + leaves[0::2]
other.reverse()
m2 = balanced(other)
w({"il": next_il, "succ": m1})
w({"ie": 0, "sort": next_il})
w({"ie": 1, "sort": m2})
w({"def": {"name": 1, "levelParams": [2], "type": 0, "value": 1, "hints": "opaque",
           "safety": "safe", "all": [1]}})
