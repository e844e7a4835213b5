import Proofgate.Step

/-!
# An executable step function, sound for `Step`

The oracle replays event traces through `applyEvent`, which returns the next
state only together with a proof that it is a `Step` of the model
(`applyEventCert`), so `applyEvent_sound` holds by construction. Policies read
from a trace are a small syntax (`PolicySpec`) whose meaning is the policies of
`Policy`, with a decision procedure built from their instances.
-/

namespace Proofgate

variable {n : Nat}

/-- One event of a trace. `report` names a host by its 0-based index. -/
inductive Event where
  | fanOut
  | report (host : Nat) (outcome : HostState)
  | proceed
  | fail
  deriving Repr

/-- A report is a step only for an in-range, provisioning host and a final outcome. -/
def stepReport (P : Evidence n → Prop) (hosts : Evidence n) (i : Nat) (o : HostState) :
    Option {t : State n // Step P ⟨hosts, .barrier⟩ t} :=
  if hi : i < n then
    if hp : hosts ⟨i, hi⟩ = .provisioning then
      if ho : o = .provisioning then none
      else some ⟨⟨updateHost hosts ⟨i, hi⟩ o, .barrier⟩, Step.report hosts ⟨i, hi⟩ o hp ho⟩
    else none
  else none

/-- Proceed is a step only when the policy holds. -/
def stepProceed (P : Evidence n → Prop) [DecidablePred P] (hosts : Evidence n) :
    Option {t : State n // Step P ⟨hosts, .barrier⟩ t} :=
  if hP : P hosts then some ⟨⟨hosts, .converge⟩, Step.proceed hosts hP⟩ else none

/-- Fail is a step only when nobody is provisioning and the policy does not hold. -/
def stepFail (P : Evidence n → Prop) [DecidablePred P] (hosts : Evidence n) :
    Option {t : State n // Step P ⟨hosts, .barrier⟩ t} :=
  if h0 : provCount hosts = 0 then
    if hP : P hosts then none else some ⟨⟨hosts, .failed⟩, Step.fail hosts h0 hP⟩
  else none

/-- The next state after an event, with its proof of being a step; `none` when
the model does not allow the event. -/
def applyEventCert (P : Evidence n → Prop) [DecidablePred P] :
    (s : State n) → Event → Option {t : State n // Step P s t}
  | ⟨hosts, .imaging⟩, .fanOut => some ⟨⟨hosts, .barrier⟩, Step.fanOut hosts⟩
  | ⟨hosts, .barrier⟩, .report i o => stepReport P hosts i o
  | ⟨hosts, .barrier⟩, .proceed => stepProceed P hosts
  | ⟨hosts, .barrier⟩, .fail => stepFail P hosts
  | _, _ => none

/-- The next state after an event, or `none` when the event is illegal. -/
def applyEvent (P : Evidence n → Prop) [DecidablePred P] (s : State n) (e : Event) :
    Option (State n) :=
  (applyEventCert P s e).map Subtype.val

theorem val_of_map_some {α : Type} {p : α → Prop} (o : Option {a : α // p a}) (a : α)
    (h : o.map Subtype.val = some a) : p a := by
  cases o with
  | none =>
    have h' : (none : Option α) = some a := h
    cases h'
  | some x =>
    have h' : some x.val = some a := h
    cases h'
    exact x.property

/-- Whatever the executable step function returns is a step of the model. -/
theorem applyEvent_sound (P : Evidence n → Prop) [DecidablePred P] (s t : State n)
    (e : Event) (h : applyEvent P s e = some t) : Step P s t :=
  val_of_map_some (p := fun t => Step P s t) (applyEventCert P s e) t h

/-- The policies a trace can declare. -/
inductive PolicySpec where
  | strictAll
  | atLeast (t : Nat)
  | pct (p : Nat)
  | maxFailures (k : Nat)
  | both (a b : PolicySpec)
  deriving Repr

/-- The meaning of a declared policy. -/
def PolicySpec.holds : PolicySpec → Evidence n → Prop
  | .strictAll => Proofgate.strictAll
  | .atLeast t => Proofgate.atLeast t
  | .pct p => Proofgate.pct p
  | .maxFailures k => Proofgate.maxFailures k
  | .both a b => Proofgate.both (PolicySpec.holds a) (PolicySpec.holds b)

/-- Deciding a declared policy with the instances of `Policy`. -/
def PolicySpec.decHolds : (q : PolicySpec) → (f : Evidence n) → Decidable (q.holds f)
  | .strictAll, f => instDecidableStrictAll f
  | .atLeast t, f => instDecidableAtLeast t f
  | .pct p, f => instDecidablePct p f
  | .maxFailures k, f => instDecidableMaxFailures k f
  | .both a b, f =>
    match PolicySpec.decHolds a f, PolicySpec.decHolds b f with
    | isTrue ha, isTrue hb => isTrue (And.intro ha hb)
    | isFalse ha, _ => isFalse (fun h => ha (And.left h))
    | isTrue _, isFalse hb => isFalse (fun h => hb (And.right h))

instance PolicySpec.instDecidableHolds (q : PolicySpec) (f : Evidence n) :
    Decidable (q.holds f) :=
  q.decHolds f

end Proofgate
