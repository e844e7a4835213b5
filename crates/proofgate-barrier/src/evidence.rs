//! The evidence the gate decides on: the host counts.

/// Counts of hosts by state. In a reachable state
/// `ready + failed + provisioning == hosts` (the Lean `partition` theorem).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// Number of hosts in the cluster (`n`).
    pub hosts: u64,
    /// Hosts that reported ready.
    pub ready: u64,
    /// Hosts that reported failed.
    pub failed: u64,
    /// Hosts that have not reported.
    pub provisioning: u64,
}

impl Evidence {
    /// The evidence once every host has reported, `failed` of them failed.
    ///
    /// `failed` larger than `hosts` is clamped to `hosts`.
    #[must_use]
    pub fn settled(hosts: u64, failed: u64) -> Self {
        let failed = failed.min(hosts);
        Evidence {
            hosts,
            ready: hosts - failed,
            failed,
            provisioning: 0,
        }
    }
}
