import Proofgate.Policy

/-!
# The gated transition relation

`Step P s t`: one move of the barrier under policy `P`. Fan-out leaves imaging;
a provisioning host reports a final outcome; the barrier proceeds to converge
only when `P` holds of the evidence; it fails only when no host is provisioning
and `P` does not hold. `Reach P s t` is the reflexive-transitive closure, with
the start state as a parameter so inductions over it need no generalising.

The lemmas here read off what a single step can and cannot do; the layers
(`Safety`, `Liveness`, `Ratchet`, `Stability`) are built on them.
-/

namespace Proofgate

variable {n : Nat}

/-- One move of the barrier under policy `P`. -/
inductive Step (P : Evidence n → Prop) : State n → State n → Prop where
  | fanOut (hosts : Evidence n) :
      Step P ⟨hosts, .imaging⟩ ⟨hosts, .barrier⟩
  | report (hosts : Evidence n) (i : Fin n) (o : HostState)
      (hprov : hosts i = .provisioning) (hout : o ≠ .provisioning) :
      Step P ⟨hosts, .barrier⟩ ⟨updateHost hosts i o, .barrier⟩
  | proceed (hosts : Evidence n) (hP : P hosts) :
      Step P ⟨hosts, .barrier⟩ ⟨hosts, .converge⟩
  | fail (hosts : Evidence n) (hnone : provCount hosts = 0) (hP : ¬ P hosts) :
      Step P ⟨hosts, .barrier⟩ ⟨hosts, .failed⟩

/-- Zero or more steps from `s`. -/
inductive Reach (P : Evidence n → Prop) (s : State n) : State n → Prop where
  | refl : Reach P s s
  | tail (t u : State n) (hr : Reach P s t) (hs : Step P t u) : Reach P s u

/-- Prepending a step to a run. -/
theorem Reach.head {P : Evidence n → Prop} {s t u : State n} (h : Step P s t)
    (hr : Reach P t u) : Reach P s u := by
  induction hr with
  | refl => exact Reach.tail s t Reach.refl h
  | tail v w _ hs ih => exact Reach.tail v w ih hs

/-- Only imaging and barrier states move. -/
theorem step_source {P : Evidence n → Prop} {s t : State n} (h : Step P s t) :
    s.phase = .imaging ∨ s.phase = .barrier := by
  cases h with
  | fanOut _ => exact Or.inl rfl
  | report _ _ _ _ _ => exact Or.inr rfl
  | proceed _ _ => exact Or.inr rfl
  | fail _ _ _ => exact Or.inr rfl

/-- No step returns to imaging. -/
theorem step_target {P : Evidence n → Prop} {s t : State n} (h : Step P s t) :
    t.phase = .barrier ∨ t.phase = .converge ∨ t.phase = .failed := by
  cases h with
  | fanOut _ => exact Or.inl rfl
  | report _ _ _ _ _ => exact Or.inl rfl
  | proceed _ _ => exact Or.inr (Or.inl rfl)
  | fail _ _ _ => exact Or.inr (Or.inr rfl)

/-- A step into converge is a `proceed`: from the barrier, hosts unchanged, the
policy true of them. -/
theorem step_converge {P : Evidence n → Prop} {s t : State n} (h : Step P s t)
    (hc : t.phase = .converge) :
    s.phase = .barrier ∧ t.hosts = s.hosts ∧ P s.hosts ∧ P t.hosts := by
  cases h with
  | fanOut _ => exact (Phase.barrier_ne_converge hc).elim
  | report _ _ _ _ _ => exact (Phase.barrier_ne_converge hc).elim
  | proceed _ hP => exact ⟨rfl, rfl, hP, hP⟩
  | fail _ _ _ => exact (Phase.failed_ne_converge hc).elim

/-- A step into failed is a `fail`: from the barrier, hosts unchanged, nobody
provisioning and the policy false. -/
theorem step_failed {P : Evidence n → Prop} {s t : State n} (h : Step P s t)
    (hf : t.phase = .failed) :
    s.phase = .barrier ∧ t.hosts = s.hosts ∧ (provCount s.hosts = 0 ∧ ¬ P s.hosts) ∧
      (provCount t.hosts = 0 ∧ ¬ P t.hosts) := by
  cases h with
  | fanOut _ => exact (Phase.barrier_ne_failed hf).elim
  | report _ _ _ _ _ => exact (Phase.barrier_ne_failed hf).elim
  | proceed _ _ => exact (Phase.converge_ne_failed hf).elim
  | fail _ h0 hP => exact ⟨rfl, rfl, ⟨h0, hP⟩, ⟨h0, hP⟩⟩

end Proofgate
