//! `MutationLedger`: the append-only, chained, Merkle-provable record of every
//! attestation, with compaction, epochs, supersession and scope sealing.

use super::compaction::{OrderedSegments, SealAccumulator, SealedSegment, check_interior};
#[cfg(feature = "regions")]
use super::compose::{RegionalAttestation, compose_chain};
use super::error::LedgerError;
use super::hash::{GENESIS_HEAD, Hash, chain_link_attestation, link};
use super::merkle::{MerkleLevels, NodeSource, consistency_path, inclusion_path, root_of};
use super::proof::{ConsistencyProof, InclusionProof};
use crate::record::approval::Approval;
use crate::record::attestation::ProofAttestation;
use crate::record::entry::LedgerEntry;
use crate::record::epoch::{EpochBoundary, EpochConfig};
use crate::record::seal::Seal;
use crate::record::sealing::CompactionSeal;
#[cfg(feature = "regions")]
use crate::record::sealing::ScopeTransition;
use crate::record::supersession::SupersessionProof;
use std::sync::Arc;

/// A regional attestation over ledger positions `first..end`.
#[cfg(feature = "regions")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerRegion {
    /// First position covered.
    pub first: u64,
    /// One past the last position covered.
    pub end: u64,
    /// The composition of the attestations those entries carry (for a
    /// supersession, its replacement; seals, boundaries and transitions
    /// carry none and are skipped).
    pub regional: RegionalAttestation,
}

/// Default number of live entries that triggers an automatic compaction.
///
/// A live entry costs about 224 bytes (160 for the entry, 32 for its leaf,
/// 32 amortised for the interior nodes), so 4,096 of them stay within a
/// core's L2 cache, where the compaction reuses their buffers. At 65,536
/// (about 15 MB) every append waited on memory for the lines it wrote, about
/// 10 ns more, and more still when neighbours used the memory bus.
pub const DEFAULT_COMPACTION_THRESHOLD: usize = 1 << 12;

/// What becomes of a segment once compacted out of the live ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArchivePolicy {
    /// Keep it in memory (shared, immutable), to prove archived entries
    /// without being handed the segment. Memory grows with history.
    #[default]
    Retain,
    /// Let it go: memory stays bounded by the threshold. Whoever persists
    /// the entries (the on-disk ledger does) supplies segments for proofs.
    Discard,
}

/// How a ledger manages its memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerConfig {
    /// Live entries at which `append` compacts first (at least 2); `None`
    /// never compacts automatically.
    pub compaction_threshold: Option<usize>,
    /// What happens to compacted segments.
    pub archive: ArchivePolicy,
}

impl Default for LedgerConfig {
    fn default() -> Self {
        Self {
            compaction_threshold: Some(DEFAULT_COMPACTION_THRESHOLD),
            archive: ArchivePolicy::Retain,
        }
    }
}

/// The append-only ledger of attestations.
///
/// Positions are global and never reused. `h_i = blake3(h_{i-1} || bytes_i)`
/// chains every entry, and `h_i` is also entry `i`'s leaf in an RFC 9162 tree
/// (keyed blake3 interior nodes) that gives inclusion and consistency proofs.
/// The tree's leaf level is the only store of the chain heads.
#[derive(Debug, Clone)]
pub struct MutationLedger {
    config: LedgerConfig,
    genesis: Hash,
    /// Position of the first live entry.
    live_start: u64,
    /// Chain head before the first live entry.
    head_before_live: Hash,
    entries: Vec<LedgerEntry>,
    /// Its leaf level holds the chain head after each live entry (and, after
    /// a compaction at an odd position, the head before the first one).
    tree: MerkleLevels,
    since_seal: SealAccumulator,
    epoch: u64,
    epoch_config: EpochConfig,
    archived: Vec<Arc<SealedSegment>>,
    sealed_at: Option<u64>,
}

impl Default for MutationLedger {
    fn default() -> Self {
        Self::new()
    }
}

impl MutationLedger {
    /// An empty ledger with the default configuration, chained from
    /// [`GENESIS_HEAD`].
    pub fn new() -> Self {
        Self::with_config(LedgerConfig::default())
    }

    /// An empty ledger with `config`.
    pub fn with_config(config: LedgerConfig) -> Self {
        Self::from_genesis(config, GENESIS_HEAD)
    }

    /// An empty ledger whose chain starts at `genesis` (e.g. the final head of
    /// a sealed scope).
    pub fn from_genesis(mut config: LedgerConfig, genesis: Hash) -> Self {
        config.compaction_threshold = config.compaction_threshold.map(|t| t.max(2));
        Self {
            config,
            genesis,
            live_start: 0,
            head_before_live: genesis,
            entries: Vec::new(),
            tree: MerkleLevels::new(),
            since_seal: SealAccumulator::default(),
            epoch: 0,
            epoch_config: EpochConfig::default(),
            archived: Vec::new(),
            sealed_at: None,
        }
    }

    /// The chain head before entry 0.
    pub fn genesis(&self) -> Hash {
        self.genesis
    }
    /// Entries ever appended (the next position).
    pub fn len(&self) -> u64 {
        self.live_start + self.entries.len() as u64
    }
    /// Whether nothing was ever appended.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Position of the first entry still held in memory.
    pub fn live_start(&self) -> u64 {
        self.live_start
    }
    /// Current chain head (`h_{len-1}`, or the genesis when empty).
    #[inline]
    pub fn head(&self) -> Hash {
        match self.tree.last_leaf() {
            Some(head) if !self.entries.is_empty() => *head,
            _ => self.head_before_live,
        }
    }
    /// Current epoch.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    /// Configuration of the current epoch.
    pub fn epoch_config(&self) -> &EpochConfig {
        &self.epoch_config
    }
    /// Memory configuration.
    pub fn config(&self) -> &LedgerConfig {
        &self.config
    }
    /// Changes the memory configuration (the threshold is at least 2).
    pub fn set_config(&mut self, mut config: LedgerConfig) {
        config.compaction_threshold = config.compaction_threshold.map(|t| t.max(2));
        self.config = config;
    }
    /// Segments kept in memory under [`ArchivePolicy::Retain`].
    pub fn archived(&self) -> &[Arc<SealedSegment>] {
        &self.archived
    }
    /// Hands the retained segments over to the caller (e.g. to persist them).
    pub fn take_archived(&mut self) -> Vec<Arc<SealedSegment>> {
        std::mem::take(&mut self.archived)
    }
    /// The scope transition that sealed this ledger, if any.
    pub fn sealed_at(&self) -> Option<u64> {
        self.sealed_at
    }

    /// The live entry at `position`.
    pub fn entry(&self, position: u64) -> Option<&LedgerEntry> {
        let i = position.checked_sub(self.live_start)?;
        self.entries.get(usize::try_from(i).ok()?)
    }
    /// The chain head after the live entry at `position`.
    pub fn head_at(&self, position: u64) -> Option<Hash> {
        if position < self.live_start || position >= self.len() {
            return None;
        }
        self.tree.node(0, position)
    }
    /// The tree, for tests that damage it on purpose.
    #[cfg(test)]
    pub(super) fn tree_mut(&mut self) -> &mut MerkleLevels {
        &mut self.tree
    }
    /// The live entries, from [`Self::live_start`].
    pub fn live_entries(&self) -> &[LedgerEntry] {
        &self.entries
    }

    /// Records one attestation; returns its position. Compacts first when
    /// the live ledger reached the threshold. Fails only on a ledger sealed
    /// by a scope transition.
    ///
    /// This is the gate's hot path: the entry is encoded straight into the
    /// input of its chain hash (two blake3 blocks), which is also its leaf,
    /// plus on average one interior hash.
    #[inline]
    pub fn append(&mut self, att: ProofAttestation) -> Result<u64, LedgerError> {
        self.admit(&att)?;
        self.since_seal.add_attestation(&att);
        let head = chain_link_attestation(&self.head(), &att);
        Ok(self.push(LedgerEntry::Attestation(att), head))
    }

    /// Records one approved mutation: its attestation, the subject it
    /// installed and when (see [`Approval`]); returns its position.
    /// Compacts first at the threshold, as [`Self::append`] does.
    pub fn append_approval(&mut self, approval: Approval) -> Result<u64, LedgerError> {
        self.admit(&approval.attestation)?;
        Ok(self.push_entry(LedgerEntry::Approval(approval)))
    }

    /// What every new attestation-carrying entry goes through: the ledger
    /// is open, the attestation belongs to the epoch, and a full live ledger
    /// is compacted first.
    #[inline]
    fn admit(&mut self, att: &ProofAttestation) -> Result<(), LedgerError> {
        self.check_open()?;
        self.check_epoch(att)?;
        if let Some(threshold) = self.config.compaction_threshold
            && self.entries.len() >= threshold
        {
            self.auto_compact();
        }
        Ok(())
    }

    /// Refuses an attestation issued under another environment or verifier
    /// than the current epoch pins. An epoch pins one when its boundary's
    /// configuration names an environment (a non-zero hash); the first epoch,
    /// and epochs sealed without one, take attestations of any environment.
    #[inline]
    fn check_epoch(&self, att: &ProofAttestation) -> Result<(), LedgerError> {
        let pinned = &self.epoch_config;
        if pinned.environment_hash == [0; 32]
            || (att.environment_hash == pinned.environment_hash
                && att.verifier_version == pinned.verifier_version)
        {
            return Ok(());
        }
        Err(LedgerError::OtherEnvironment {
            position: self.len(),
            epoch: self.epoch,
        })
    }

    /// Refuses changes to a ledger a scope transition sealed.
    #[inline]
    fn check_open(&self) -> Result<(), LedgerError> {
        match self.sealed_at {
            Some(position) => Err(LedgerError::ScopeSealed { position }),
            None => Ok(()),
        }
    }

    /// Records `entry`, whose chain head (and leaf) is `head`.
    #[inline]
    fn push(&mut self, entry: LedgerEntry, head: Hash) -> u64 {
        let position = self.len();
        self.tree.push_leaf(head);
        self.entries.push(entry);
        position
    }

    fn push_entry(&mut self, entry: LedgerEntry) -> u64 {
        self.since_seal.add(&entry);
        let head = link(&self.head(), &entry);
        self.push(entry, head)
    }

    /// Appends a supersession: the entry at `superseded_position` stays, the
    /// replacement is recorded after it. The target must be an earlier
    /// attestation or supersession (checked when it is still live).
    pub fn supersede(&mut self, proof: SupersessionProof) -> Result<u64, LedgerError> {
        self.check_open()?;
        self.check_epoch(&proof.replacement)?;
        self.check_supersession(&proof, self.len())?;
        Ok(self.push_entry(LedgerEntry::Supersession(proof)))
    }

    fn check_supersession(
        &self,
        proof: &SupersessionProof,
        position: u64,
    ) -> Result<(), LedgerError> {
        let target = proof.superseded_position;
        let bad = LedgerError::BadSupersession { position, target };
        if target >= position {
            return Err(bad);
        }
        match self.entry(target) {
            None
            | Some(
                LedgerEntry::Attestation(_)
                | LedgerEntry::Approval(_)
                | LedgerEntry::Supersession(_),
            ) => Ok(()),
            Some(_) => Err(bad),
        }
    }

    /// The seal a compaction, epoch boundary or scope transition would carry
    /// now.
    pub fn current_seal(&self) -> Seal {
        // The live tree always holds the frontier, so the current root is
        // computable without any segment.
        let root = self.tree.root().unwrap_or_else(|_| unreachable_root());
        self.since_seal.seal(root, self.head())
    }

    /// Moves every live entry to a sealed segment and appends the
    /// [`CompactionSeal`]. Returns the segment (also retained under
    /// [`ArchivePolicy::Retain`]); `None` when nothing is live.
    pub fn compact(&mut self) -> Result<Option<Arc<SealedSegment>>, LedgerError> {
        self.check_open()?;
        Ok(self.compact_open())
    }

    fn compact_open(&mut self) -> Option<Arc<SealedSegment>> {
        if self.entries.is_empty() {
            return None;
        }
        let seal = CompactionSeal {
            first: self.live_start,
            end: self.len(),
            seal: self.current_seal(),
        };
        let segment = self.archive(seal);
        self.push_entry(LedgerEntry::CompactionSeal(seal));
        Some(segment)
    }

    /// Compaction triggered by the threshold. When nobody else holds the
    /// segment (nothing retains it), its buffers (entries and tree levels)
    /// are reused for the next live entries, so steady-state appends neither
    /// allocate nor fault in fresh pages.
    #[cold]
    #[inline(never)]
    fn auto_compact(&mut self) {
        if let Some(segment) = self.compact_open()
            && let Ok(segment) = Arc::try_unwrap(segment)
        {
            let SealedSegment {
                mut entries,
                levels,
                ..
            } = segment;
            if entries.capacity() > self.entries.capacity() {
                entries.clear();
                entries.append(&mut self.entries);
                self.entries = entries;
            }
            self.tree.reclaim(levels);
        }
    }

    /// Moves the live entries out, sealed by `seal`.
    fn archive(&mut self, seal: CompactionSeal) -> Arc<SealedSegment> {
        let end = self.len();
        let segment = Arc::new(SealedSegment {
            first: self.live_start,
            head_before: self.head_before_live,
            entries: std::mem::take(&mut self.entries),
            levels: self.tree.split_before(end),
            seal,
        });
        self.head_before_live = seal.seal.head;
        self.live_start = end;
        self.since_seal = SealAccumulator::default();
        if self.config.archive == ArchivePolicy::Retain {
            self.archived.push(Arc::clone(&segment));
        }
        segment
    }

    /// Closes the current epoch: compacts, then appends an
    /// [`EpochBoundary`] whose seal commits to everything before it.
    pub fn seal_epoch(&mut self, new_config: EpochConfig) -> Result<EpochBoundary, LedgerError> {
        self.check_open()?;
        let boundary = EpochBoundary {
            from_epoch: self.epoch,
            to_epoch: self.epoch + 1,
            seal: self.current_seal(),
            new_config,
        };
        self.apply_epoch(boundary);
        Ok(boundary)
    }

    /// Seals the epoch only if `config` differs from the current epoch's:
    /// the call a gate makes before logging, so that each epoch holds the
    /// attestations of one environment. `None` when nothing changed.
    pub fn enter_epoch(
        &mut self,
        config: EpochConfig,
    ) -> Result<Option<EpochBoundary>, LedgerError> {
        if config == self.epoch_config {
            return Ok(None);
        }
        self.seal_epoch(config).map(Some)
    }

    fn apply_epoch(&mut self, boundary: EpochBoundary) {
        if !self.entries.is_empty() {
            let seal = CompactionSeal {
                first: self.live_start,
                end: self.len(),
                seal: boundary.seal,
            };
            self.archive(seal);
        }
        self.since_seal = SealAccumulator::default();
        self.epoch = boundary.to_epoch;
        self.epoch_config = boundary.new_config;
        self.push_entry(LedgerEntry::EpochBoundary(boundary));
    }

    #[cfg(feature = "regions")]
    /// Appends the transition that seals this ledger (see
    /// [`super::ProofScope::transition`]).
    pub(crate) fn append_transition(
        &mut self,
        from_partition: u32,
        to_partition: u32,
        min_cut_value: f64,
    ) -> Result<ScopeTransition, LedgerError> {
        self.check_open()?;
        let transition = ScopeTransition {
            from_partition,
            to_partition,
            min_cut_value,
            seal: self.current_seal(),
        };
        self.sealed_at = Some(self.push_entry(LedgerEntry::ScopeTransition(transition)));
        Ok(transition)
    }

    /// A fresh ledger continuing this one's chain, epoch and configuration.
    #[cfg(feature = "regions")]
    pub fn successor(&self) -> MutationLedger {
        let mut next = Self::from_genesis(self.config, self.head());
        next.epoch = self.epoch;
        next.epoch_config = self.epoch_config;
        next
    }

    /// Replays one entry read back from storage, checking that every derived
    /// entry (seal, boundary, transition) is exactly what this ledger would
    /// have produced. Never compacts on its own: compactions come from the
    /// log. Returns the entry's position.
    pub fn apply(&mut self, entry: LedgerEntry) -> Result<u64, LedgerError> {
        let position = self.len();
        if let Some(sealed) = self.sealed_at {
            return Err(LedgerError::ScopeSealed { position: sealed });
        }
        let mismatch = |reason| LedgerError::SealMismatch { position, reason };
        match entry {
            LedgerEntry::Attestation(att) => {
                self.check_epoch(&att)?;
                Ok(self.push_entry(entry))
            }
            LedgerEntry::Approval(a) => {
                self.check_epoch(&a.attestation)?;
                Ok(self.push_entry(entry))
            }
            LedgerEntry::Supersession(s) => self.supersede(s),
            LedgerEntry::CompactionSeal(s) => {
                if s.first != self.live_start || s.end != position {
                    return Err(mismatch("covered range"));
                }
                if self.entries.is_empty() {
                    return Err(mismatch("nothing to compact"));
                }
                if s.seal != self.current_seal() {
                    return Err(mismatch("seal"));
                }
                self.compact_open();
                Ok(position)
            }
            LedgerEntry::EpochBoundary(b) => {
                if b.from_epoch != self.epoch || b.to_epoch != self.epoch + 1 {
                    return Err(mismatch("epoch numbers"));
                }
                if b.seal != self.current_seal() {
                    return Err(mismatch("seal"));
                }
                self.apply_epoch(b);
                Ok(position)
            }
            LedgerEntry::ScopeTransition(t) => {
                if !t.min_cut_value.is_finite() {
                    return Err(LedgerError::NotFinite {
                        what: "min-cut value",
                    });
                }
                if t.seal != self.current_seal() {
                    return Err(mismatch("seal"));
                }
                self.sealed_at = Some(self.push_entry(LedgerEntry::ScopeTransition(t)));
                Ok(position)
            }
        }
    }

    /// Composes the attestations carried by the live entries `first..end`
    #[cfg(feature = "regions")]
    /// (see [`compose_chain`]): the region states which positions it covers.
    pub fn compose_range(&self, first: u64, end: u64) -> Result<LedgerRegion, LedgerError> {
        if end > self.len() || first > end {
            return Err(self.out_of_range(end.max(first)));
        }
        if first < self.live_start {
            return Err(super::merkle::MissingLeaf { index: first }.into());
        }
        let from = (first - self.live_start) as usize;
        let to = (end - self.live_start) as usize;
        let atts: Vec<ProofAttestation> = self.entries[from..to]
            .iter()
            .filter_map(|e| e.attestation().copied())
            .collect();
        Ok(LedgerRegion {
            first,
            end,
            regional: compose_chain(&atts),
        })
    }

    /// Root of the whole ledger.
    pub fn root(&self) -> Hash {
        self.tree.root().unwrap_or_else(|_| unreachable_root())
    }

    /// Root of the prefix of `size` entries; prefixes ending inside archived
    /// history need the segments that hold them (retained ones are used
    /// automatically).
    pub fn root_at(&self, size: u64, segments: &[&SealedSegment]) -> Result<Hash, LedgerError> {
        self.check_size(size)?;
        self.with_sources(segments, |src| Ok(root_of(src, size)?))
    }

    /// Merkle leaf hash of entry `position`, which is the chain head after
    /// it (live, retained or supplied).
    pub fn leaf(&self, position: u64, segments: &[&SealedSegment]) -> Result<Hash, LedgerError> {
        if position >= self.len() {
            return Err(self.out_of_range(position));
        }
        self.with_sources(segments, |src| {
            Ok(src
                .node(0, position)
                .ok_or(super::merkle::MissingLeaf { index: position })?)
        })
    }

    /// Proof that entry `index` is in the tree of the first `size` entries.
    /// Besides the audit path it carries the chain head before the entry
    /// (see [`Self::head_before`]): with it and the entry's bytes the
    /// verifier rebuilds the leaf.
    ///
    /// For an archived `index`, supply the segments from the one holding it
    /// up to the live ledger (the sibling subtrees of its path may lie in any
    /// of them); retained segments are used without being supplied. On disk,
    /// `disk::read_dir(dir, ArchivePolicy::Retain, ..)` yields a ledger that
    /// retains every segment.
    pub fn prove_inclusion(
        &self,
        index: u64,
        size: u64,
        segments: &[&SealedSegment],
    ) -> Result<InclusionProof, LedgerError> {
        self.check_size(size)?;
        if index >= size {
            return Err(LedgerError::OutOfRange { index, len: size });
        }
        let previous = self.head_before(index, segments)?;
        let path = self.with_sources(segments, |src| Ok(inclusion_path(src, index, size)?))?;
        Ok(InclusionProof {
            index,
            size,
            previous,
            path,
        })
    }

    /// The chain head before entry `position` (`h_{position-1}`, or the
    /// genesis for entry 0): the first half of the entry's leaf input.
    pub fn head_before(
        &self,
        position: u64,
        segments: &[&SealedSegment],
    ) -> Result<Hash, LedgerError> {
        if position >= self.len() {
            return Err(self.out_of_range(position));
        }
        let Some(before) = position.checked_sub(1) else {
            return Ok(self.genesis);
        };
        if position == self.live_start {
            return Ok(self.head_before_live);
        }
        if let Some(head) = self.tree.node(0, before) {
            return Ok(head);
        }
        // A segment's first entry follows the head it records, whether or not
        // the leaf before it is stored anywhere still at hand.
        let opening = segments
            .iter()
            .copied()
            .chain(OrderedSegments(&self.archived).holding(position))
            .find(|s| s.first == position);
        if let Some(segment) = opening {
            return Ok(segment.head_before);
        }
        self.with_sources(segments, |src| {
            Ok(src
                .node(0, before)
                .ok_or(super::merkle::MissingLeaf { index: before })?)
        })
    }

    /// The entry at `position`, live, in a supplied segment or retained.
    pub fn find_entry<'a>(
        &'a self,
        position: u64,
        segments: &[&'a SealedSegment],
    ) -> Option<&'a LedgerEntry> {
        self.entry(position).or_else(|| {
            segments
                .iter()
                .copied()
                .chain(OrderedSegments(&self.archived).holding(position))
                .find_map(|s| s.entry(position))
        })
    }

    /// Proof that the first `old_size` entries are a prefix of the first
    /// `new_size` (`1 <= old_size <= new_size <= len`).
    pub fn prove_consistency(
        &self,
        old_size: u64,
        new_size: u64,
        segments: &[&SealedSegment],
    ) -> Result<ConsistencyProof, LedgerError> {
        self.check_size(new_size)?;
        if old_size == 0 || old_size > new_size {
            return Err(super::proof::ProofError::BadSizes {
                old: old_size,
                new: new_size,
            }
            .into());
        }
        let path = self.with_sources(segments, |src| {
            Ok(consistency_path(src, old_size, new_size)?)
        })?;
        Ok(ConsistencyProof {
            old_size,
            new_size,
            path,
        })
    }

    fn with_sources<R>(
        &self,
        segments: &[&SealedSegment],
        f: impl FnOnce(&dyn NodeSource) -> Result<R, LedgerError>,
    ) -> Result<R, LedgerError> {
        f(&LedgerSources {
            tree: &self.tree,
            supplied: segments,
            retained: OrderedSegments(&self.archived),
        })
    }

    fn check_size(&self, size: u64) -> Result<(), LedgerError> {
        if size > self.len() {
            Err(self.out_of_range(size))
        } else {
            Ok(())
        }
    }

    fn out_of_range(&self, index: u64) -> LedgerError {
        LedgerError::OutOfRange {
            index,
            len: self.len(),
        }
    }

    /// Recomputes the live chain and tree, checks every seal, boundary,
    /// transition and supersession against the ledger before it, and
    /// verifies retained segments and their linkage.
    pub fn verify(&self) -> Result<(), LedgerError> {
        let mut expected_first = 0;
        let mut expected_head = self.genesis;
        for segment in &self.archived {
            if segment.first != expected_first {
                return Err(LedgerError::SegmentGap {
                    first: segment.first,
                    reason: "first position",
                });
            }
            if segment.head_before != expected_head {
                return Err(LedgerError::SegmentGap {
                    first: segment.first,
                    reason: "chain head",
                });
            }
            segment.verify()?;
            expected_first = segment.end();
            expected_head = segment.seal.seal.head;
        }
        if !self.archived.is_empty()
            && (expected_first != self.live_start || expected_head != self.head_before_live)
        {
            return Err(LedgerError::SegmentGap {
                first: self.live_start,
                reason: "live ledger does not follow the last segment",
            });
        }
        if self.live_start == 0 && self.head_before_live != self.genesis {
            return Err(LedgerError::ChainMismatch { position: 0 });
        }
        // The leaf before the live range, kept when it is part of the
        // frontier, is the head the live chain continues from.
        if let Some(before) = self.live_start.checked_sub(1)
            && let Some(leaf) = self.tree.node(0, before)
            && leaf != self.head_before_live
        {
            return Err(LedgerError::ChainMismatch { position: before });
        }
        // Replaying the live entries into a ledger that starts from the same
        // frontier reproduces every seal check `apply` makes.
        let mut replay = self.empty_like_live();
        for (i, entry) in self.entries.iter().enumerate() {
            let position = self.live_start + i as u64;
            if i == 0 && self.live_start > 0 {
                self.check_opening_seal(entry)?;
                if let LedgerEntry::EpochBoundary(b) = entry {
                    if b.from_epoch != replay.epoch {
                        return Err(LedgerError::SealMismatch {
                            position,
                            reason: "epoch numbers",
                        });
                    }
                    replay.epoch = b.to_epoch;
                }
                replay.push_entry(entry.clone());
            } else {
                replay.apply(entry.clone())?;
            }
            if self.tree.node(0, position) != Some(replay.head()) {
                return Err(LedgerError::ChainMismatch { position });
            }
        }
        check_interior(&self.tree)?;
        Ok(())
    }

    /// A ledger holding only the frontier at `live_start`, to replay the
    /// live entries into.
    fn empty_like_live(&self) -> MutationLedger {
        let mut tree = self.tree.clone();
        // Keep only what lies before the live range: the frontier.
        let _ = tree.split_before(self.live_start);
        tree.size = self.live_start;
        for (k, lvl) in tree.levels.iter_mut().enumerate() {
            let end = (self.live_start >> k).saturating_sub(lvl.offset) as usize;
            lvl.nodes.truncate(end);
        }
        let mut replay = Self::from_genesis(
            LedgerConfig {
                compaction_threshold: None,
                archive: ArchivePolicy::Discard,
            },
            self.genesis,
        );
        replay.live_start = self.live_start;
        replay.head_before_live = self.head_before_live;
        replay.tree = tree;
        replay.epoch = self.epoch_before_live();
        replay
    }

    /// Epoch in force before the first live entry.
    fn epoch_before_live(&self) -> u64 {
        let boundaries = self
            .entries
            .iter()
            .filter(|e| matches!(e, LedgerEntry::EpochBoundary(_)))
            .count() as u64;
        self.epoch.saturating_sub(boundaries)
    }

    /// The first live entry after a compaction must seal exactly the
    /// archived prefix.
    fn check_opening_seal(&self, entry: &LedgerEntry) -> Result<(), LedgerError> {
        let position = self.live_start;
        let mismatch = |reason| LedgerError::SealMismatch { position, reason };
        let seal = match entry {
            LedgerEntry::CompactionSeal(s) => {
                if s.end != position || s.first >= position {
                    return Err(mismatch("covered range"));
                }
                &s.seal
            }
            LedgerEntry::EpochBoundary(b) => &b.seal,
            _ => return Err(mismatch("first live entry is not a seal")),
        };
        if seal.head != self.head_before_live {
            return Err(mismatch("chain head"));
        }
        if root_of(&self.tree, position)? != seal.root {
            return Err(mismatch("Merkle root"));
        }
        Ok(())
    }
}

/// Where a ledger finds tree nodes: its live tree, then the segments the
/// caller supplied, then the ones it retains.
struct LedgerSources<'a> {
    tree: &'a MerkleLevels,
    supplied: &'a [&'a SealedSegment],
    retained: OrderedSegments<'a>,
}

impl NodeSource for LedgerSources<'_> {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        self.tree
            .node(level, index)
            .or_else(|| self.supplied.iter().find_map(|s| s.node(level, index)))
            .or_else(|| self.retained.node(level, index))
    }
}

/// The live tree always holds its own frontier; a failure here would be a
/// bug in `split_before`, and an all-zero root makes every check downstream
/// fail loudly rather than panic.
fn unreachable_root() -> Hash {
    debug_assert!(false, "live tree lost its frontier");
    [0u8; 32]
}
