import Proofgate.Count

/-!
# Policies and the gate function

The policies a barrier can declare, each a decidable predicate on the evidence:
`strictAll`, `atLeast t`, `pct p` (at least `p` percent ready, stated as
`p * n ≤ 100 * readyCount` so no division or rounding enters), `maxFailures k`
and the conjunction `both P Q`. The gate function `gate P f` turns a policy and
the current evidence into a decision: converge when the policy holds, fail when
it does not and no host is still provisioning, wait otherwise.
-/

namespace Proofgate

variable {n : Nat}

/-- Every host ready. -/
def strictAll (f : Evidence n) : Prop := ∀ i : Fin n, f i = .ready

/-- At least `t` hosts ready. -/
def atLeast (t : Nat) (f : Evidence n) : Prop := t ≤ readyCount f

/-- At least `p` percent of the hosts ready, without division. -/
def pct (p : Nat) (f : Evidence n) : Prop := p * n ≤ 100 * readyCount f

/-- At most `k` hosts failed. -/
def maxFailures (k : Nat) (f : Evidence n) : Prop := failedCount f ≤ k

/-- Both policies hold. -/
def both (P Q : Evidence n → Prop) (f : Evidence n) : Prop := P f ∧ Q f

/-- `strictAll` is exactly a full ready count. -/
theorem strictAll_iff (f : Evidence n) : strictAll f ↔ readyCount f = n := by
  constructor
  · intro h
    exact countUpTo_all .ready f h n (Nat.le_refl n)
  · intro h
    show ∀ i : Fin n, f i = .ready
    intro j
    by_cases hj : f j = .ready
    · exact hj
    · have e1 := countUpTo_lt_of_ne .ready f j hj n j.isLt
      have e2 : countUpTo .ready f n = n := h
      exfalso
      omega

instance instDecidableStrictAll (f : Evidence n) : Decidable (strictAll f) :=
  if h : readyCount f = n then isTrue ((strictAll_iff f).mpr h)
  else isFalse (fun hs => h ((strictAll_iff f).mp hs))

instance instDecidableAtLeast (t : Nat) (f : Evidence n) : Decidable (atLeast t f) :=
  inferInstanceAs (Decidable (t ≤ readyCount f))

instance instDecidablePct (p : Nat) (f : Evidence n) : Decidable (pct p f) :=
  inferInstanceAs (Decidable (p * n ≤ 100 * readyCount f))

instance instDecidableMaxFailures (k : Nat) (f : Evidence n) : Decidable (maxFailures k f) :=
  inferInstanceAs (Decidable (failedCount f ≤ k))

instance instDecidableBoth (P Q : Evidence n → Prop) [DecidablePred P] [DecidablePred Q]
    (f : Evidence n) : Decidable (both P Q f) :=
  inferInstanceAs (Decidable (P f ∧ Q f))

/-- What the gate tells the barrier to do with the evidence it has. -/
inductive Decision where
  | converge
  | fail
  | wait
  deriving DecidableEq, Repr

/-- The gate function: converge if the policy holds, else fail if no host is
still provisioning, else wait. -/
def gate (P : Evidence n → Prop) [DecidablePred P] (f : Evidence n) : Decision :=
  if P f then .converge else if provCount f = 0 then .fail else .wait

theorem gate_of_holds {P : Evidence n → Prop} [DecidablePred P] {f : Evidence n} (h : P f) :
    gate P f = .converge := by
  unfold gate
  rw [if_pos h]

theorem gate_of_none {P : Evidence n → Prop} [DecidablePred P] {f : Evidence n} (h : ¬ P f)
    (h0 : provCount f = 0) : gate P f = .fail := by
  unfold gate
  rw [if_neg h, if_pos h0]

theorem gate_of_some {P : Evidence n → Prop} [DecidablePred P] {f : Evidence n} (h : ¬ P f)
    (h0 : ¬ provCount f = 0) : gate P f = .wait := by
  unfold gate
  rw [if_neg h, if_neg h0]

theorem holds_of_gate {P : Evidence n → Prop} [DecidablePred P] {f : Evidence n}
    (h : gate P f = .converge) : P f := by
  by_cases hP : P f
  · exact hP
  · by_cases h0 : provCount f = 0
    · exact absurd ((gate_of_none hP h0).symm.trans h) (by decide)
    · exact absurd ((gate_of_some hP h0).symm.trans h) (by decide)

theorem of_gate_fail {P : Evidence n → Prop} [DecidablePred P] {f : Evidence n}
    (h : gate P f = .fail) : ¬ P f ∧ provCount f = 0 := by
  by_cases hP : P f
  · exact absurd ((gate_of_holds hP).symm.trans h) (by decide)
  · by_cases h0 : provCount f = 0
    · exact ⟨hP, h0⟩
    · exact absurd ((gate_of_some hP h0).symm.trans h) (by decide)

theorem of_gate_wait {P : Evidence n → Prop} [DecidablePred P] {f : Evidence n}
    (h : gate P f = .wait) : ¬ P f ∧ ¬ provCount f = 0 := by
  by_cases hP : P f
  · exact absurd ((gate_of_holds hP).symm.trans h) (by decide)
  · by_cases h0 : provCount f = 0
    · exact absurd ((gate_of_none hP h0).symm.trans h) (by decide)
    · exact ⟨hP, h0⟩

end Proofgate
