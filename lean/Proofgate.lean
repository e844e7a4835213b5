import Proofgate.Model
import Proofgate.Count
import Proofgate.Policy
import Proofgate.Step
import Proofgate.Safety
import Proofgate.Liveness
import Proofgate.Ratchet
import Proofgate.Stability
import Proofgate.Exec

/-!
# proofgate

Root of the Lean development: the provisioning barrier's model and theorems
(layers L0 to L3). Each module imported here holds one part of the theory:

* `Model`: hosts, phases, states, `init`, `updateHost`.
* `Count`: `count` and its abbreviations; `count_update`, `partition`, `exists_prov`.
* `Policy`: the policies, their decision procedures, `strictAll_iff`, the gate function.
* `Step`: the gated relation `Step` and its closure `Reach`.
* `Safety` (L3): `safety`, `fail_sound`, `gate_converge`, `gate_fail`, `gate_wait`.
* `Liveness` (L0): `progress`, `terminal_stuck`, `step_rank`, `step_wf`, `resolves`.
* `Ratchet` (L1, L2): `ready_mono`, `failed_mono`, `atLeast_step`, `atLeast_caps`.
* `Stability`: `Extends`, `Stable`, the stability of each policy, `converge_final`.
* `Exec`: the executable step function the oracle runs, `applyEvent_sound`.

`Proofgate/Axioms.lean` (not imported here) prints the axioms of each headline
theorem: `lake env lean Proofgate/Axioms.lean`.
-/
