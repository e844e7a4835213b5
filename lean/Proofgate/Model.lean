/-!
# Model

The state space of the provisioning barrier: what each host has reported, the
phase of the barrier, a state over `n` hosts, the initial state, and the update
of one host. Hosts are a function `Fin n → HostState`, so a state never holds a
host index out of range.
-/

namespace Proofgate

/-- What one host has reported so far. `ready` and `failed` are final. -/
inductive HostState where
  | provisioning
  | ready
  | failed
  deriving DecidableEq, Repr

/-- The phase of the barrier. `converge` and `failed` are terminal. -/
inductive Phase where
  | imaging
  | barrier
  | converge
  | failed
  deriving DecidableEq, Repr

/-- The evidence a policy judges: the current outcome of every host. -/
abbrev Evidence (n : Nat) := Fin n → HostState

/-- A barrier over `n` hosts. -/
structure State (n : Nat) where
  hosts : Evidence n
  phase : Phase

/-- Before fan-out: every host provisioning, the barrier imaging. -/
def init (n : Nat) : State n :=
  { hosts := fun _ => HostState.provisioning, phase := Phase.imaging }

/-- `f` with host `i` set to `v`. -/
def updateHost {n : Nat} (f : Evidence n) (i : Fin n) (v : HostState) (j : Fin n) :
    HostState :=
  if j = i then v else f j

theorem updateHost_same {n : Nat} (f : Evidence n) (i : Fin n) (v : HostState) :
    updateHost f i v i = v := by
  unfold updateHost
  exact if_pos rfl

theorem updateHost_ne {n : Nat} (f : Evidence n) (i : Fin n) (v : HostState) {j : Fin n}
    (h : j ≠ i) : updateHost f i v j = f j := by
  unfold updateHost
  exact if_neg h

/-! Constructor disequalities by `nomatch` (no `decide`, no derived
`DecidableEq`, no axioms): an equation between distinct constructors has no
case. -/

namespace HostState

theorem ready_ne_provisioning : HostState.ready ≠ HostState.provisioning :=
  fun h => nomatch h
theorem failed_ne_provisioning : HostState.failed ≠ HostState.provisioning :=
  fun h => nomatch h
theorem provisioning_ne_ready : HostState.provisioning ≠ HostState.ready :=
  fun h => nomatch h
theorem provisioning_ne_failed : HostState.provisioning ≠ HostState.failed :=
  fun h => nomatch h

end HostState

namespace Phase

theorem imaging_ne_converge : Phase.imaging ≠ Phase.converge :=
  fun h => nomatch h
theorem imaging_ne_failed : Phase.imaging ≠ Phase.failed :=
  fun h => nomatch h
theorem barrier_ne_converge : Phase.barrier ≠ Phase.converge :=
  fun h => nomatch h
theorem barrier_ne_failed : Phase.barrier ≠ Phase.failed :=
  fun h => nomatch h
theorem converge_ne_failed : Phase.converge ≠ Phase.failed :=
  fun h => nomatch h
theorem failed_ne_converge : Phase.failed ≠ Phase.converge :=
  fun h => nomatch h
theorem converge_ne_imaging : Phase.converge ≠ Phase.imaging :=
  fun h => nomatch h
theorem converge_ne_barrier : Phase.converge ≠ Phase.barrier :=
  fun h => nomatch h
theorem failed_ne_imaging : Phase.failed ≠ Phase.imaging :=
  fun h => nomatch h
theorem failed_ne_barrier : Phase.failed ≠ Phase.barrier :=
  fun h => nomatch h

end Phase

end Proofgate
