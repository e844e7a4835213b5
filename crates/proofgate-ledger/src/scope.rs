//! Proof scopes: one ledger per graph partition; when the partition changes,
//! the old scope's ledger is sealed by a transition entry and the new
//! scope's ledger continues its chain.

use super::error::LedgerError;
use super::mutation_ledger::{LedgerConfig, MutationLedger};
use crate::record::sealing::ScopeTransition;

/// The proofs of one partition of the graph.
#[derive(Debug)]
pub struct ProofScope {
    partition_id: u32,
    boundary_nodes: Vec<u64>,
    ledger: MutationLedger,
    coherence: Option<f64>,
}

/// A scope after its transition: read-only, its ledger ends with the
/// transition entry.
#[derive(Debug)]
pub struct SealedScope {
    /// Partition of the sealed scope.
    pub partition_id: u32,
    /// Its boundary nodes.
    pub boundary_nodes: Vec<u64>,
    /// Its last coherence measurement.
    pub coherence: Option<f64>,
    /// The transition that sealed it.
    pub transition: ScopeTransition,
    ledger: MutationLedger,
}

impl SealedScope {
    /// The sealed ledger (read-only).
    pub fn ledger(&self) -> &MutationLedger {
        &self.ledger
    }
}

fn check_coherence(coherence: Option<f64>) -> Result<(), LedgerError> {
    match coherence {
        Some(c) if !c.is_finite() => Err(LedgerError::NotFinite { what: "coherence" }),
        _ => Ok(()),
    }
}

impl ProofScope {
    /// A scope with a fresh ledger.
    pub fn new(
        partition_id: u32,
        boundary_nodes: Vec<u64>,
        coherence: Option<f64>,
        config: LedgerConfig,
    ) -> Result<Self, LedgerError> {
        check_coherence(coherence)?;
        Ok(Self {
            partition_id,
            boundary_nodes,
            ledger: MutationLedger::with_config(config),
            coherence,
        })
    }

    /// Partition identifier.
    pub fn partition_id(&self) -> u32 {
        self.partition_id
    }
    /// Nodes shared with adjacent partitions.
    pub fn boundary_nodes(&self) -> &[u64] {
        &self.boundary_nodes
    }
    /// Latest coherence measurement.
    pub fn coherence(&self) -> Option<f64> {
        self.coherence
    }
    /// Records a new coherence measurement (must be finite).
    pub fn set_coherence(&mut self, coherence: Option<f64>) -> Result<(), LedgerError> {
        check_coherence(coherence)?;
        self.coherence = coherence;
        Ok(())
    }
    /// The scope's ledger.
    pub fn ledger(&self) -> &MutationLedger {
        &self.ledger
    }
    /// The scope's ledger, to append to.
    pub fn ledger_mut(&mut self) -> &mut MutationLedger {
        &mut self.ledger
    }

    /// Seals this scope's ledger with a [`ScopeTransition`] and opens the
    /// scope of `to_partition`, whose ledger continues the chain from the
    /// sealed ledger's final head (epoch and configuration carry over).
    pub fn transition(
        mut self,
        to_partition: u32,
        boundary_nodes: Vec<u64>,
        min_cut_value: f64,
        coherence: Option<f64>,
    ) -> Result<(SealedScope, ProofScope), LedgerError> {
        if !min_cut_value.is_finite() {
            return Err(LedgerError::NotFinite {
                what: "min-cut value",
            });
        }
        check_coherence(coherence)?;
        let transition =
            self.ledger
                .append_transition(self.partition_id, to_partition, min_cut_value)?;
        let next = ProofScope {
            partition_id: to_partition,
            boundary_nodes,
            ledger: self.ledger.successor(),
            coherence,
        };
        let sealed = SealedScope {
            partition_id: self.partition_id,
            boundary_nodes: self.boundary_nodes,
            coherence: self.coherence,
            transition,
            ledger: self.ledger,
        };
        Ok((sealed, next))
    }
}
