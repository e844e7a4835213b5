import Proofgate

/-!
# Axiom report

`lake env lean Proofgate/Axioms.lean` prints what each headline theorem rests
on. Beside each line is the answer we expect. These expectations were written
without a Lean toolchain at hand and have not been checked by a compiler:

* `none`: the proof uses only `cases`, `induction`, `rfl`, `nomatch`, `decide` on closed
  goals, `rw` and term-mode reasoning, none of which adds anything.
* `omega`: the proof uses `omega`, whose certificates rest on library lemmas
  proved with `simp`; expect a subset of `[propext, Classical.choice, Quot.sound]`.

`scripts/check-lean.sh` fails if any line mentions `sorryAx` or if `safety`
is not free of all of them, and warns on any other line that differs from the
expectation written beside it.
-/

-- L3, for every policy
#print axioms Proofgate.safety -- expected: none
#print axioms Proofgate.fail_sound -- expected: none
#print axioms Proofgate.gate_converge -- expected: none
#print axioms Proofgate.gate_fail -- expected: none
#print axioms Proofgate.gate_wait -- expected: none

-- counting
#print axioms Proofgate.count_update -- expected: omega
#print axioms Proofgate.partition -- expected: omega
#print axioms Proofgate.exists_prov -- expected: omega

-- L0 liveness
#print axioms Proofgate.progress -- expected: omega
#print axioms Proofgate.terminal_stuck -- expected: none
#print axioms Proofgate.step_rank -- expected: omega
#print axioms Proofgate.step_wf -- expected: omega
#print axioms Proofgate.resolves -- expected: omega

-- L1 and L2 ratchets
#print axioms Proofgate.ready_mono -- expected: omega
#print axioms Proofgate.failed_mono -- expected: omega
#print axioms Proofgate.atLeast_step -- expected: omega
#print axioms Proofgate.strictAll_iff -- expected: omega
#print axioms Proofgate.atLeast_caps -- expected: omega

-- stability
#print axioms Proofgate.strictAll_stable -- expected: none
#print axioms Proofgate.atLeast_stable -- expected: omega
#print axioms Proofgate.pct_stable -- expected: omega
#print axioms Proofgate.maxFailures_unstable -- expected: none
#print axioms Proofgate.converge_final -- expected: none

-- the oracle's step function
#print axioms Proofgate.applyEvent_sound -- expected: none
