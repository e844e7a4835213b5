import Proofgate.Step

/-!
# L3: safety of the gate, for every policy

Stated from the initial state `init n`, not from any state that satisfies an
invariant: whatever run of the barrier reaches converge, the policy holds of the
evidence there (`safety`); whatever run reaches failed, no host is provisioning
and the policy does not hold (`fail_sound`). The gate function agrees with the
relation at every barrier state (`gate_converge`, `gate_fail`, `gate_wait`).
The policy `P` is arbitrary, so every concrete policy is an instance.
-/

namespace Proofgate

variable {n : Nat}

/-- Reachable converge implies the policy holds of the evidence. -/
theorem safety (P : Evidence n → Prop) (s : State n) (h : Reach P (init n) s)
    (hc : s.phase = .converge) : P s.hosts := by
  cases h with
  | refl => exact (Phase.imaging_ne_converge hc).elim
  | tail _ _ _ hs => exact (step_converge hs hc).2.2.2

/-- Reachable failed implies no host is provisioning and the policy does not hold. -/
theorem fail_sound (P : Evidence n → Prop) (s : State n) (h : Reach P (init n) s)
    (hf : s.phase = .failed) : provCount s.hosts = 0 ∧ ¬ P s.hosts := by
  cases h with
  | refl => exact (Phase.imaging_ne_failed hf).elim
  | tail _ _ _ hs => exact (step_failed hs hf).2.2.2

/-- At a barrier state the gate says converge exactly when `proceed` is a step. -/
theorem gate_converge (P : Evidence n → Prop) [DecidablePred P] (s : State n)
    (hb : s.phase = .barrier) :
    gate P s.hosts = .converge ↔ Step P s ⟨s.hosts, .converge⟩ := by
  cases s with
  | mk hosts phase =>
    have hb' : phase = .barrier := hb
    subst hb'
    constructor
    · intro h
      exact Step.proceed hosts (holds_of_gate h)
    · intro h
      exact gate_of_holds (step_converge h rfl).2.2.1

/-- At a barrier state the gate says fail exactly when `fail` is a step. -/
theorem gate_fail (P : Evidence n → Prop) [DecidablePred P] (s : State n)
    (hb : s.phase = .barrier) :
    gate P s.hosts = .fail ↔ Step P s ⟨s.hosts, .failed⟩ := by
  cases s with
  | mk hosts phase =>
    have hb' : phase = .barrier := hb
    subst hb'
    constructor
    · intro h
      have e := of_gate_fail h
      exact Step.fail hosts e.2 e.1
    · intro h
      have e := (step_failed h rfl).2.2.1
      exact gate_of_none e.2 e.1

/-- At a barrier state the gate says wait exactly when every step stays in the
barrier, i.e. neither proceed nor fail is allowed. -/
theorem gate_wait (P : Evidence n → Prop) [DecidablePred P] (s : State n)
    (hb : s.phase = .barrier) :
    gate P s.hosts = .wait ↔ ∀ t : State n, Step P s t → t.phase = .barrier := by
  constructor
  · intro h t hst
    have e := of_gate_wait h
    cases step_target hst with
    | inl hb2 => exact hb2
    | inr hrest =>
      cases hrest with
      | inl hc => exact absurd (step_converge hst hc).2.2.1 e.1
      | inr hf => exact absurd (step_failed hst hf).2.2.1.1 e.2
  · intro hall
    by_cases hP : P s.hosts
    · have e := hall _ ((gate_converge P s hb).mp (gate_of_holds hP))
      exact (Phase.converge_ne_barrier e).elim
    · by_cases h0 : provCount s.hosts = 0
      · have e := hall _ ((gate_fail P s hb).mp (gate_of_none hP h0))
        exact (Phase.failed_ne_barrier e).elim
      · exact gate_of_some hP h0

end Proofgate
