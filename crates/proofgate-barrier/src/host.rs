//! Host states and cluster phases (Lean `HostState`, `Phase`).

/// The state of one host. Stored as one byte per host in a [`crate::Cluster`].
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostState {
    /// Still being provisioned; has not reported.
    Provisioning = 0,
    /// Reported ready. Terminal for the host.
    Ready = 1,
    /// Reported failed. Terminal for the host.
    Failed = 2,
}

/// The phase of the whole cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Before fan-out: hosts are being imaged, no report is accepted.
    Imaging,
    /// After fan-out: hosts report, the gate decides.
    Barrier,
    /// The gate allowed convergence. Terminal.
    Converge,
    /// The gate declared failure. Terminal.
    Failed,
}

impl Phase {
    /// True for `Converge` and `Failed`, the phases no event leaves.
    #[must_use]
    pub fn is_terminal(self) -> bool {
        matches!(self, Phase::Converge | Phase::Failed)
    }

    /// The name used in traces (`"imaging"`, `"barrier"`, `"converge"`, `"failed"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Phase::Imaging => "imaging",
            Phase::Barrier => "barrier",
            Phase::Converge => "converge",
            Phase::Failed => "failed",
        }
    }
}
