import Proofgate.Step

/-!
# L0: liveness of the barrier

The barrier never deadlocks and never runs forever. `progress`: every imaging or
barrier state has a successor, built from the evidence (a provisioning host to
report, else proceed or fail as the decidable policy says). `terminal_stuck`:
converge and failed have none. `rank` (phase weight plus provisioning hosts)
drops on every step (`step_rank`), so the converse of `Step` is well-founded
(`step_wf`) and every state reaches converge or failed (`resolves`).
-/

namespace Proofgate

variable {n : Nat}

/-- Every live state can move. The successor is constructed, not assumed. -/
theorem progress (P : Evidence n → Prop) [DecidablePred P] (s : State n)
    (h : s.phase = .imaging ∨ s.phase = .barrier) : ∃ t, Step P s t := by
  cases s with
  | mk hosts phase =>
    have hp : phase = .imaging ∨ phase = .barrier := h
    cases phase with
    | imaging => exact ⟨_, Step.fanOut hosts⟩
    | barrier =>
      by_cases hpos : 0 < provCount hosts
      · cases exists_prov hosts hpos with
        | intro i hi => exact ⟨_, Step.report hosts i .ready hi HostState.ready_ne_provisioning⟩
      · by_cases hP : P hosts
        · exact ⟨_, Step.proceed hosts hP⟩
        · exact ⟨_, Step.fail hosts (by omega) hP⟩
    | converge =>
      cases hp with
      | inl e => exact (Phase.converge_ne_imaging e).elim
      | inr e => exact (Phase.converge_ne_barrier e).elim
    | failed =>
      cases hp with
      | inl e => exact (Phase.failed_ne_imaging e).elim
      | inr e => exact (Phase.failed_ne_barrier e).elim

/-- Converge and failed are terminal. -/
theorem terminal_stuck (P : Evidence n → Prop) (s : State n)
    (h : s.phase = .converge ∨ s.phase = .failed) : ¬ ∃ t, Step P s t := by
  intro hex
  cases hex with
  | intro t hst =>
    cases step_source hst with
    | inl hi =>
      cases h with
      | inl hc => exact Phase.imaging_ne_converge (hi.symm.trans hc)
      | inr hf => exact Phase.imaging_ne_failed (hi.symm.trans hf)
    | inr hb =>
      cases h with
      | inl hc => exact Phase.barrier_ne_converge (hb.symm.trans hc)
      | inr hf => exact Phase.barrier_ne_failed (hb.symm.trans hf)

/-- How far a phase is from the end. -/
def Phase.weight : Phase → Nat
  | .imaging => 2
  | .barrier => 1
  | .converge => 0
  | .failed => 0

/-- The termination measure: phase weight plus hosts still provisioning. -/
def rank (s : State n) : Nat := s.phase.weight + provCount s.hosts

/-- Every step strictly lowers the rank. -/
theorem step_rank {P : Evidence n → Prop} {s t : State n} (h : Step P s t) :
    rank t < rank s := by
  cases h with
  | fanOut hosts =>
    show 1 + provCount hosts < 2 + provCount hosts
    omega
  | report hosts i o hp ho =>
    have e := prov_report hosts i o hp ho
    show 1 + count .provisioning (updateHost hosts i o) < 1 + count .provisioning hosts
    omega
  | proceed hosts _ =>
    show 0 + provCount hosts < 1 + provCount hosts
    omega
  | fail hosts _ _ =>
    show 0 + provCount hosts < 1 + provCount hosts
    omega

theorem acc_of_rank (P : Evidence n → Prop) (m : Nat) :
    ∀ s : State n, rank s ≤ m → Acc (fun a b : State n => Step P b a) s := by
  induction m with
  | zero =>
    intro s hs
    apply Acc.intro
    intro t ht
    have e := step_rank ht
    exfalso
    omega
  | succ m ih =>
    intro s hs
    apply Acc.intro
    intro t ht
    have e := step_rank ht
    exact ih t (by omega)

/-- No infinite run: the converse of `Step` is well-founded. -/
theorem step_wf (P : Evidence n → Prop) : WellFounded (fun a b : State n => Step P b a) :=
  WellFounded.intro (fun s => acc_of_rank P (rank s) s (Nat.le_refl _))

/-- Every state is terminal or live. -/
theorem phase_cases (s : State n) :
    (s.phase = .converge ∨ s.phase = .failed) ∨ (s.phase = .imaging ∨ s.phase = .barrier) := by
  cases s with
  | mk hosts phase =>
    cases phase with
    | imaging => exact Or.inr (Or.inl rfl)
    | barrier => exact Or.inr (Or.inr rfl)
    | converge => exact Or.inl (Or.inl rfl)
    | failed => exact Or.inl (Or.inr rfl)

theorem resolves_within (P : Evidence n → Prop) [DecidablePred P] (m : Nat) :
    ∀ s : State n, rank s ≤ m →
      ∃ t, Reach P s t ∧ (t.phase = .converge ∨ t.phase = .failed) := by
  induction m with
  | zero =>
    intro s hs
    cases phase_cases s with
    | inl ht => exact ⟨s, Reach.refl, ht⟩
    | inr hl =>
      cases progress P s hl with
      | intro s' hst =>
        have e := step_rank hst
        exfalso
        omega
  | succ m ih =>
    intro s hs
    cases phase_cases s with
    | inl ht => exact ⟨s, Reach.refl, ht⟩
    | inr hl =>
      cases progress P s hl with
      | intro s' hst =>
        have e := step_rank hst
        cases ih s' (by omega) with
        | intro t ht => exact ⟨t, Reach.head hst ht.1, ht.2⟩

/-- Every state, reachable or not, resolves to converge or failed. -/
theorem resolves (P : Evidence n → Prop) [DecidablePred P] (s : State n) :
    ∃ t, Reach P s t ∧ (t.phase = .converge ∨ t.phase = .failed) :=
  resolves_within P (rank s) s (Nat.le_refl _)

end Proofgate
