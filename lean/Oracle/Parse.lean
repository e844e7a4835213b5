import Lean.Data.Json
import Proofgate.Exec

/-!
# Oracle input

Reads one line of `input.jsonl` (the barrier trace contract):
`{"trace":T,"n":N,"policy":POLICY,"events":[EVENT,...]}`. Only the accessors
of `Lean.Json` are used, so the parser does not depend on how `Json` stores
objects.
-/

namespace Oracle

open Lean (Json)
open Proofgate

/-- One trace to replay through the model. -/
structure TraceInput where
  /-- The trace label, already rendered as it must be printed. -/
  label : String
  /-- Number of hosts. -/
  hosts : Nat
  /-- The declared policy. -/
  policy : PolicySpec
  /-- The events, in order. -/
  events : List Event

/-- The value under key `k`, if `j` is an object that has it. -/
def field? (j : Json) (k : String) : Option Json :=
  match j.getObjVal? k with
  | Except.ok v => some v
  | Except.error _ => none

/-- A two-element JSON array. -/
def parsePair (j : Json) : Except String (Json × Json) := do
  let arr ← j.getArr?
  match arr.toList with
  | [a, b] => pure (a, b)
  | _ => throw s!"expected an array of two elements, got {j.compress}"

/-- A policy; `fuel` bounds the nesting of `both`. -/
def parsePolicy : Nat → Json → Except String PolicySpec
  | 0, _ => throw "policy nested too deeply"
  | fuel + 1, j =>
    if (field? j "strictAll").isSome then pure PolicySpec.strictAll
    else if let some v := field? j "atLeast" then PolicySpec.atLeast <$> v.getNat?
    else if let some v := field? j "pct" then PolicySpec.pct <$> v.getNat?
    else if let some v := field? j "maxFailures" then PolicySpec.maxFailures <$> v.getNat?
    else if let some v := field? j "both" then do
      let pair ← parsePair v
      let a ← parsePolicy fuel pair.1
      let b ← parsePolicy fuel pair.2
      pure (PolicySpec.both a b)
    else throw s!"unknown policy: {j.compress}"

/-- A report outcome: only the final outcomes can be reported. -/
def parseOutcome (j : Json) : Except String HostState := do
  let s ← j.getStr?
  if s == "ready" then pure HostState.ready
  else if s == "failed" then pure HostState.failed
  else throw s!"unknown report outcome: {s}"

/-- One event. -/
def parseEvent (j : Json) : Except String Event :=
  match j.getStr? with
  | Except.ok s =>
    if s == "fan_out" then pure Event.fanOut
    else if s == "proceed" then pure Event.proceed
    else if s == "fail" then pure Event.fail
    else throw s!"unknown event: {s}"
  | Except.error _ => do
    let v ← j.getObjVal? "report"
    let pair ← parsePair v
    let host ← pair.1.getNat?
    let outcome ← parseOutcome pair.2
    pure (Event.report host outcome)

/-- The trace label as printed: a natural number as digits, anything else in
compact JSON. -/
def labelOf (j : Json) : String :=
  match j.getNat? with
  | Except.ok t => toString t
  | Except.error _ => j.compress

/-- One input line. -/
def parseInput (line : String) : Except String TraceInput := do
  let j ← Json.parse line
  let label := labelOf (← j.getObjVal? "trace")
  let hosts ← (← j.getObjVal? "n").getNat?
  let policy ← parsePolicy 64 (← j.getObjVal? "policy")
  let events ← (← j.getObjVal? "events").getArr?
  let evs ← events.toList.mapM parseEvent
  pure ({ label := label, hosts := hosts, policy := policy, events := evs } : TraceInput)

end Oracle
