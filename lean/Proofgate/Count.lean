import Proofgate.Model

/-!
# Counting hosts

One generic `count st f`, the number of hosts of `f` in state `st`, with
`readyCount`, `failedCount` and `provCount` as abbreviations. `count` is
structural recursion over a `Nat` bound (`countUpTo`), so every lemma here is a
plain induction closed by `omega` over equations stated as hypotheses.

Headline lemmas: `count_update` (every count change on a host update, in one
equation), `partition` (ready + failed + provisioning = n) and `exists_prov`
(a positive provisioning count yields a provisioning host).
-/

namespace Proofgate

variable {n : Nat}

/-- 1 when a host in state `x` counts towards state `st`, else 0. -/
def HostState.ind : HostState → HostState → Nat
  | .provisioning, .provisioning => 1
  | .ready, .ready => 1
  | .failed, .failed => 1
  | _, _ => 0

theorem ind_self (st : HostState) : HostState.ind st st = 1 := by
  cases st <;> rfl

theorem ind_same {st x : HostState} (h : x = st) : HostState.ind st x = 1 := by
  rw [h]
  exact ind_self st

theorem ind_of_ne {st x : HostState} (h : x ≠ st) : HostState.ind st x = 0 := by
  cases st <;> cases x <;> first | rfl | exact absurd rfl h

/-- A host known to be in state `a` does not count towards a different `st`. -/
theorem ind_other {st x a : HostState} (hx : x = a) (ha : a ≠ st) : HostState.ind st x = 0 :=
  ind_of_ne (fun he => ha (hx.symm.trans he))

theorem ind_le_one (st x : HostState) : HostState.ind st x ≤ 1 := by
  cases st <;> cases x <;> decide

theorem ind_sum (x : HostState) :
    HostState.ind .ready x + HostState.ind .failed x + HostState.ind .provisioning x = 1 := by
  cases x <;> rfl

/-- Host `k`'s contribution to the count of `st`; 0 past the last host. -/
def slot (st : HostState) (f : Evidence n) (k : Nat) : Nat :=
  if h : k < n then HostState.ind st (f ⟨k, h⟩) else 0

/-- How many of the first `k` hosts are in state `st`. -/
def countUpTo (st : HostState) (f : Evidence n) : Nat → Nat
  | 0 => 0
  | k + 1 => countUpTo st f k + slot st f k

/-- How many hosts of `f` are in state `st`. -/
def count (st : HostState) (f : Evidence n) : Nat :=
  countUpTo st f n

/-- Hosts that reported ready. -/
abbrev readyCount (f : Evidence n) : Nat := count .ready f

/-- Hosts that reported failed. -/
abbrev failedCount (f : Evidence n) : Nat := count .failed f

/-- Hosts still provisioning. -/
abbrev provCount (f : Evidence n) : Nat := count .provisioning f

theorem slot_lt (st : HostState) (f : Evidence n) {k : Nat} (h : k < n) :
    slot st f k = HostState.ind st (f ⟨k, h⟩) := by
  unfold slot
  exact dif_pos h

theorem slot_ge (st : HostState) (f : Evidence n) {k : Nat} (h : ¬ k < n) :
    slot st f k = 0 := by
  unfold slot
  exact dif_neg h

theorem slot_fin (st : HostState) (f : Evidence n) (i : Fin n) :
    slot st f i.val = HostState.ind st (f i) := by
  cases i with
  | mk k hk => exact slot_lt st f hk

theorem slot_le_one (st : HostState) (f : Evidence n) (k : Nat) : slot st f k ≤ 1 := by
  by_cases h : k < n
  · have e1 := slot_lt st f h
    have e2 := ind_le_one st (f ⟨k, h⟩)
    omega
  · have e1 := slot_ge st f h
    omega

theorem slot_update_ne (st v : HostState) (f : Evidence n) (i : Fin n) {k : Nat}
    (hk : k ≠ i.val) : slot st (updateHost f i v) k = slot st f k := by
  by_cases h : k < n
  · have hne : (⟨k, h⟩ : Fin n) ≠ i := fun he => hk (congrArg Fin.val he)
    have e1 := slot_lt st (updateHost f i v) h
    have e2 := slot_lt st f h
    have e3 := updateHost_ne f i v hne
    rw [e1, e2, e3]
  · have e1 := slot_ge st (updateHost f i v) h
    have e2 := slot_ge st f h
    omega

theorem countUpTo_zero (st : HostState) (f : Evidence n) : countUpTo st f 0 = 0 := rfl

theorem countUpTo_succ (st : HostState) (f : Evidence n) (k : Nat) :
    countUpTo st f (k + 1) = countUpTo st f k + slot st f k := rfl

theorem countUpTo_le (st : HostState) (f : Evidence n) (k : Nat) : countUpTo st f k ≤ k := by
  induction k with
  | zero =>
    have e := countUpTo_zero st f
    omega
  | succ k ih =>
    have e1 := countUpTo_succ st f k
    have e2 := slot_le_one st f k
    omega

/-- Updating a host at or past the bound leaves the prefix count alone. -/
theorem countUpTo_update_le (st v : HostState) (f : Evidence n) (i : Fin n) (k : Nat) :
    k ≤ i.val → countUpTo st (updateHost f i v) k = countUpTo st f k := by
  induction k with
  | zero =>
    intro _
    have e1 := countUpTo_zero st (updateHost f i v)
    have e2 := countUpTo_zero st f
    omega
  | succ k ih =>
    intro hk
    have e1 := countUpTo_succ st (updateHost f i v) k
    have e2 := countUpTo_succ st f k
    have e3 := ih (by omega)
    have e4 := slot_update_ne st v f i (k := k) (by omega)
    omega

/-- Updating a host inside the bound trades its old contribution for the new one. -/
theorem countUpTo_update_gt (st v : HostState) (f : Evidence n) (i : Fin n) (k : Nat) :
    i.val < k →
      countUpTo st (updateHost f i v) k + HostState.ind st (f i)
        = countUpTo st f k + HostState.ind st v := by
  induction k with
  | zero =>
    intro h
    omega
  | succ k ih =>
    intro hk
    have e1 := countUpTo_succ st (updateHost f i v) k
    have e2 := countUpTo_succ st f k
    by_cases hik : i.val = k
    · subst hik
      have e3 := countUpTo_update_le st v f i i.val (Nat.le_refl _)
      have e4 := slot_fin st (updateHost f i v) i
      have e5 := slot_fin st f i
      have e6 : HostState.ind st (updateHost f i v i) = HostState.ind st v := by
        rw [updateHost_same f i v]
      omega
    · have e3 := ih (by omega)
      have e4 := slot_update_ne st v f i (k := k) (fun h => hik h.symm)
      omega

/-- Every count change on a host update, in one equation: the count of `st`
loses the old value's contribution and gains the new one's. -/
theorem count_update (st : HostState) (f : Evidence n) (i : Fin n) (v : HostState) :
    count st (updateHost f i v) + HostState.ind st (f i) = count st f + HostState.ind st v :=
  countUpTo_update_gt st v f i n i.isLt

theorem partition_upTo (f : Evidence n) (k : Nat) :
    k ≤ n → countUpTo .ready f k + countUpTo .failed f k + countUpTo .provisioning f k = k := by
  induction k with
  | zero =>
    intro _
    have e1 := countUpTo_zero .ready f
    have e2 := countUpTo_zero .failed f
    have e3 := countUpTo_zero .provisioning f
    omega
  | succ k ih =>
    intro hk
    have hlt : k < n := by omega
    have e0 := ih (by omega)
    have e1 := countUpTo_succ .ready f k
    have e2 := countUpTo_succ .failed f k
    have e3 := countUpTo_succ .provisioning f k
    have e4 := slot_lt .ready f hlt
    have e5 := slot_lt .failed f hlt
    have e6 := slot_lt .provisioning f hlt
    have e7 := ind_sum (f ⟨k, hlt⟩)
    omega

/-- Every host is ready, failed or provisioning, and exactly one of them. -/
theorem partition (f : Evidence n) : readyCount f + failedCount f + provCount f = n :=
  partition_upTo f n (Nat.le_refl n)

theorem exists_upTo (st : HostState) (f : Evidence n) (k : Nat) :
    0 < countUpTo st f k → ∃ i : Fin n, f i = st := by
  induction k with
  | zero =>
    intro h
    have e := countUpTo_zero st f
    exfalso
    omega
  | succ k ih =>
    intro h
    have e1 := countUpTo_succ st f k
    by_cases hlt : k < n
    · by_cases hk : f ⟨k, hlt⟩ = st
      · exact ⟨⟨k, hlt⟩, hk⟩
      · have e2 := slot_lt st f hlt
        have e3 := ind_of_ne hk
        exact ih (by omega)
    · have e2 := slot_ge st f hlt
      exact ih (by omega)

/-- A positive provisioning count yields a provisioning host. The witness comes
from a scan of the hosts, not from excluded middle. -/
theorem exists_prov (f : Evidence n) (h : 0 < provCount f) :
    ∃ i : Fin n, f i = .provisioning :=
  exists_upTo .provisioning f n h

theorem countUpTo_all (st : HostState) (f : Evidence n) (hall : ∀ j, f j = st) (k : Nat) :
    k ≤ n → countUpTo st f k = k := by
  induction k with
  | zero =>
    intro _
    exact countUpTo_zero st f
  | succ k ih =>
    intro hk
    have hlt : k < n := by omega
    have e1 := countUpTo_succ st f k
    have e2 := ih (by omega)
    have e3 := slot_lt st f hlt
    have e4 := ind_same (hall ⟨k, hlt⟩)
    omega

theorem countUpTo_lt_of_ne (st : HostState) (f : Evidence n) (j : Fin n) (hj : f j ≠ st)
    (k : Nat) : j.val < k → countUpTo st f k + 1 ≤ k := by
  induction k with
  | zero =>
    intro h
    omega
  | succ k ih =>
    intro hk
    have e1 := countUpTo_succ st f k
    by_cases hjk : j.val = k
    · subst hjk
      have e2 := countUpTo_le st f j.val
      have e3 := slot_fin st f j
      have e4 := ind_of_ne hj
      omega
    · have e2 := ih (by omega)
      have e3 := slot_le_one st f k
      omega

/-- If every host of `f` in state `st` is also in state `st` in `g`, `g` counts
at least as many. -/
theorem countUpTo_mono (st : HostState) (f g : Evidence n) (hfg : ∀ i, f i = st → g i = st)
    (k : Nat) : countUpTo st f k ≤ countUpTo st g k := by
  induction k with
  | zero =>
    have e1 := countUpTo_zero st f
    have e2 := countUpTo_zero st g
    omega
  | succ k ih =>
    have e1 := countUpTo_succ st f k
    have e2 := countUpTo_succ st g k
    by_cases hlt : k < n
    · have e3 := slot_lt st f hlt
      have e4 := slot_lt st g hlt
      by_cases hf : f ⟨k, hlt⟩ = st
      · have e5 := ind_same hf
        have e6 := ind_same (hfg ⟨k, hlt⟩ hf)
        omega
      · have e5 := ind_of_ne hf
        omega
    · have e3 := slot_ge st f hlt
      have e4 := slot_ge st g hlt
      omega

theorem count_mono (st : HostState) (f g : Evidence n) (hfg : ∀ i, f i = st → g i = st) :
    count st f ≤ count st g :=
  countUpTo_mono st f g hfg n

/-- A report of a provisioning host with a final outcome removes exactly one
host from the provisioning count. -/
theorem prov_report (f : Evidence n) (i : Fin n) (o : HostState)
    (hp : f i = .provisioning) (ho : o ≠ .provisioning) :
    count .provisioning (updateHost f i o) + 1 = count .provisioning f := by
  have e1 := count_update .provisioning f i o
  have e2 := ind_same hp
  have e3 := ind_of_ne ho
  omega

end Proofgate
