import Proofgate.Safety

/-!
# Stability: which policies stay true as evidence arrives

`Extends f g`: `g` is `f` with some provisioning hosts resolved; hosts already
final in `f` keep their outcome. A policy is `Stable` when it survives every
extension. `strictAll`, `atLeast` and `pct` are stable; `maxFailures` is not
(`maxFailures_unstable` is a one-host counterexample). Every run of the barrier
only extends the evidence (`reach_extends`), and a stable policy that converged
stays true of every later extension (`converge_final`).
-/

namespace Proofgate

variable {n : Nat}

/-- `g` keeps every final outcome of `f`. -/
def Extends (f g : Evidence n) : Prop := ∀ i : Fin n, f i ≠ .provisioning → g i = f i

/-- A policy that survives every extension of the evidence. -/
def Stable (P : Evidence n → Prop) : Prop := ∀ f g : Evidence n, Extends f g → P f → P g

/-- Extension never lowers the count of a final outcome. -/
theorem extends_count (st : HostState) (hst : st ≠ .provisioning) {f g : Evidence n}
    (h : Extends f g) : count st f ≤ count st g :=
  count_mono st f g (fun i hi => (h i (fun hp => hst (hi.symm.trans hp))).trans hi)

theorem step_extends {P : Evidence n → Prop} {s t : State n} (h : Step P s t) :
    Extends s.hosts t.hosts := by
  cases h with
  | fanOut _ =>
    intro _ _
    rfl
  | report hosts i o hp _ =>
    intro j hj
    have hne : j ≠ i := fun he => hj ((congrArg hosts he).trans hp)
    exact updateHost_ne hosts i o hne
  | proceed _ _ =>
    intro _ _
    rfl
  | fail _ _ _ =>
    intro _ _
    rfl

/-- A run only extends the evidence. -/
theorem reach_extends (P : Evidence n → Prop) (s t : State n) (h : Reach P s t) :
    Extends s.hosts t.hosts := by
  induction h with
  | refl =>
    intro _ _
    rfl
  | tail u w _ hs ih =>
    intro i hi
    have e1 : u.hosts i = s.hosts i := ih i hi
    have hi' : u.hosts i ≠ .provisioning := fun hp => hi (e1.symm.trans hp)
    exact (step_extends hs i hi').trans e1

theorem strictAll_stable : Stable (strictAll (n := n)) := by
  intro f g hext hf
  show ∀ i : Fin n, g i = .ready
  intro i
  have hfi : f i = .ready := hf i
  have hne : f i ≠ .provisioning := fun hp => HostState.ready_ne_provisioning (hfi.symm.trans hp)
  exact (hext i hne).trans hfi

theorem atLeast_stable (t : Nat) : Stable (atLeast (n := n) t) := by
  intro f g hext hf
  have e1 := extends_count .ready HostState.ready_ne_provisioning hext
  have e2 : t ≤ count .ready f := hf
  show t ≤ count .ready g
  omega

theorem pct_stable (p : Nat) : Stable (pct (n := n) p) := by
  intro f g hext hf
  have e1 := extends_count .ready HostState.ready_ne_provisioning hext
  have e2 : 100 * count .ready f ≤ 100 * count .ready g := by omega
  have e3 : p * n ≤ 100 * count .ready f := hf
  show p * n ≤ 100 * count .ready g
  exact Nat.le_trans e3 e2

/-- One host, no failures allowed: provisioning satisfies the policy, and the
extension in which that host fails does not. -/
theorem maxFailures_unstable : ¬ Stable (maxFailures (n := 1) 0) := by
  intro hs
  have hext : Extends (fun _ : Fin 1 => HostState.provisioning)
      (fun _ : Fin 1 => HostState.failed) := by
    intro _ hne
    exact (hne rfl).elim
  -- Both counts by definitional unfolding (`count` is structural recursion on
  -- the literal 1), not by `decide`: no evaluation-depth limit, no instance.
  -- No host failed: the count unfolds to 0, and `0 ≤ 0`.
  have h0 : maxFailures 0 (fun _ : Fin 1 => HostState.provisioning) := Nat.le_refl 0
  have h1 := hs _ _ hext h0
  -- The one host failed: the count unfolds to `Nat.succ 0`, which is not `≤ 0`.
  have hnot : ¬ maxFailures 0 (fun _ : Fin 1 => HostState.failed) := by
    intro h
    have h2 : Nat.succ 0 ≤ 0 := h
    exact Nat.not_succ_le_zero 0 h2
  exact hnot h1

/-- A stable policy that a run converged on stays true of every extension of the
evidence it converged with. -/
theorem converge_final (P : Evidence n → Prop) (hst : Stable P) (s : State n)
    (h : Reach P (init n) s) (hc : s.phase = .converge) (g : Evidence n)
    (hext : Extends s.hosts g) : P g :=
  hst s.hosts g hext (safety P s h hc)

end Proofgate
