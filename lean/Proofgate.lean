/-!
# proofgate

Root of the Lean development: the provisioning barrier's model and theorems
(layers L0 to L3). Each module imported here holds one part of the theory.
-/
