import Proofgate.Step

/-!
# L1 and L2: the readiness and failure ratchets

Ready and failed are final, so along any run the ready count and the failed
count only grow (`ready_mono`, `failed_mono`); a threshold once met stays met
(`atLeast_step`). Through the partition identity, a ready threshold caps how
many hosts can have failed (`atLeast_caps`). `strictAll_iff` (in `Policy`)
ties the strict-all policy to a full ready count.
-/

namespace Proofgate

variable {n : Nat}

theorem step_ready_mono {P : Evidence n → Prop} {s t : State n} (h : Step P s t) :
    readyCount s.hosts ≤ readyCount t.hosts := by
  cases h with
  | fanOut _ => exact Nat.le_refl _
  | report hosts i o hp _ =>
    have e1 := count_update .ready hosts i o
    have e2 : HostState.ind .ready (hosts i) = 0 :=
      ind_other hp HostState.provisioning_ne_ready
    show count .ready hosts ≤ count .ready (updateHost hosts i o)
    omega
  | proceed _ _ => exact Nat.le_refl _
  | fail _ _ _ => exact Nat.le_refl _

theorem step_failed_mono {P : Evidence n → Prop} {s t : State n} (h : Step P s t) :
    failedCount s.hosts ≤ failedCount t.hosts := by
  cases h with
  | fanOut _ => exact Nat.le_refl _
  | report hosts i o hp _ =>
    have e1 := count_update .failed hosts i o
    have e2 : HostState.ind .failed (hosts i) = 0 :=
      ind_other hp HostState.provisioning_ne_failed
    show count .failed hosts ≤ count .failed (updateHost hosts i o)
    omega
  | proceed _ _ => exact Nat.le_refl _
  | fail _ _ _ => exact Nat.le_refl _

/-- The ready count never drops along a run. -/
theorem ready_mono (P : Evidence n → Prop) (s t : State n) (h : Reach P s t) :
    readyCount s.hosts ≤ readyCount t.hosts := by
  induction h with
  | refl => exact Nat.le_refl _
  | tail _ _ _ hs ih => exact Nat.le_trans ih (step_ready_mono hs)

/-- The failed count never drops along a run. -/
theorem failed_mono (P : Evidence n → Prop) (s t : State n) (h : Reach P s t) :
    failedCount s.hosts ≤ failedCount t.hosts := by
  induction h with
  | refl => exact Nat.le_refl _
  | tail _ _ _ hs ih => exact Nat.le_trans ih (step_failed_mono hs)

/-- A met `atLeast` threshold stays met after any step. -/
theorem atLeast_step (P : Evidence n → Prop) (k : Nat) (s t : State n) (h : Step P s t)
    (ha : atLeast k s.hosts) : atLeast k t.hosts := by
  have e1 : k ≤ readyCount s.hosts := ha
  have e2 := step_ready_mono h
  show k ≤ readyCount t.hosts
  omega

/-- Meeting `atLeast t` leaves room for at most `n - t` failures. -/
theorem atLeast_caps (t : Nat) (f : Evidence n) (h : atLeast t f) : failedCount f + t ≤ n := by
  have e1 := partition f
  have e2 : t ≤ readyCount f := h
  omega

end Proofgate
