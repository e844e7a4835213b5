import Oracle.Parse

/-!
# Oracle output

Replays a trace through the model's executable step function and renders one
line per state, keys in the order of the trace contract, by plain string
formatting (a JSON renderer would reorder the keys).
-/

namespace Oracle

open Proofgate

/-- The contract's name for a phase. -/
def phaseLabel : Phase → String
  | .imaging => "imaging"
  | .barrier => "barrier"
  | .converge => "converge"
  | .failed => "failed"

/-- The contract's name for a decision. -/
def decisionLabel : Decision → String
  | .converge => "converge"
  | .fail => "fail"
  | .wait => "wait"

/-- The line for state `s` at step `k`: counts and the gate's decision. -/
def stateLine (label : String) (k : Nat) (q : PolicySpec) {n : Nat} (s : State n) : String :=
  "{\"trace\":" ++ label ++ ",\"step\":" ++ toString k ++ ",\"phase\":\"" ++
    phaseLabel s.phase ++ "\",\"ready\":" ++ toString (readyCount s.hosts) ++
    ",\"failed\":" ++ toString (failedCount s.hosts) ++ ",\"provisioning\":" ++
    toString (provCount s.hosts) ++ ",\"decision\":\"" ++
    decisionLabel (gate q.holds s.hosts) ++ "\"}"

/-- The line for an event the model does not allow; it ends the trace. -/
def illegalLine (label : String) (k : Nat) : String :=
  "{\"trace\":" ++ label ++ ",\"step\":" ++ toString k ++ ",\"error\":\"illegal\"}"

/-- Lines after each remaining event, starting from state `s` at step `k`. -/
def replay (label : String) (q : PolicySpec) {n : Nat} :
    State n → Nat → List Event → List String
  | _, _, [] => []
  | s, k, e :: es =>
    match applyEvent q.holds s e with
    | some t => stateLine label (k + 1) q t :: replay label q t (k + 1) es
    | none => [illegalLine label (k + 1)]

/-- Every output line of one trace: step 0, then one line per event. -/
def runTrace (t : TraceInput) : List String :=
  stateLine t.label 0 t.policy (init t.hosts) ::
    replay t.label t.policy (init t.hosts) 0 t.events

end Oracle
