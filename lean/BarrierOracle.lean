import Oracle

/-!
# `lake exe barrier-oracle`

Reads `input.jsonl` on stdin, one trace per line, and prints the model's view of
every step on stdout. A line it cannot parse is reported on stderr with its line
number and the exit code is 2; otherwise the exit code is 0.
-/

open Oracle in
def main : IO UInt32 := do
  let stdin ← IO.getStdin
  let stdout ← IO.getStdout
  let stderr ← IO.getStderr
  let mut lineNo : Nat := 0
  repeat
    let line ← stdin.getLine
    if line.isEmpty then break
    lineNo := lineNo + 1
    if line.toList.all Char.isWhitespace then continue
    match parseInput line with
    | Except.error msg =>
      stderr.putStrLn s!"barrier-oracle: input line {lineNo}: {msg}"
      return 2
    | Except.ok t =>
      for out in runTrace t do
        stdout.putStrLn out
  stdout.flush
  return 0
