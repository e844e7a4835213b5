import Oracle.Parse
import Oracle.Replay

/-!
# Oracle

The executable side of the Lean development: parses barrier traces and replays
them through the model (`Proofgate.applyEvent`), for comparison with the Rust
engine by `scripts/diff-lean-oracle.sh`. Kept out of the `Proofgate` library so
the proofs build without the JSON reader.
-/
