//! Append-only tables in two layers, so that threads checking a batch can
//! read what was read before it while the reading thread adds the next
//! batch (`parallel.rs`).
//!
//! A table is a frozen layer, behind an [`Arc`] and shared with every fork
//! of it ([`Layered::fork`]), and an open layer that only its owner sees and
//! writes. Ids are global: the open layer's entries are numbered after the
//! frozen layer's. [`Layered::freeze`] moves the open layer into the frozen
//! one, which it can do only while no fork holds it (between batches); a
//! table that is never forked keeps everything in its open layer.

use std::sync::Arc;

/// One layer of a table.
pub(crate) trait Layer: Default {
    /// Entries held.
    fn len(&self) -> usize;
    /// Moves every entry of `open` (numbered from `self.len()`) to the end
    /// of `self`, leaving `open` empty.
    fn absorb(&mut self, open: &mut Self);
}

/// A frozen, shared layer and an open, owned one.
#[derive(Default)]
pub(crate) struct Layered<T> {
    frozen: Arc<T>,
    open: T,
    /// `frozen.len()`, kept here: the hottest reads branch on it.
    base: u32,
}

impl<T: Layer> Layered<T> {
    /// The shared layer.
    #[inline]
    pub(crate) fn frozen(&self) -> &T {
        &self.frozen
    }

    /// The owned layer.
    #[inline]
    pub(crate) fn open(&self) -> &T {
        &self.open
    }

    /// The owned layer, to add to.
    #[inline]
    pub(crate) fn open_mut(&mut self) -> &mut T {
        &mut self.open
    }

    /// Entries in the frozen layer: the global number of the open layer's
    /// first entry.
    #[inline]
    pub(crate) fn base(&self) -> u32 {
        self.base
    }

    /// Entries in both layers.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.base as usize + self.open.len()
    }

    /// A table sharing this one's frozen layer, with an empty open layer of
    /// its own: what a thread of a parallel check reads.
    pub(crate) fn fork(&self) -> Self {
        Layered {
            frozen: Arc::clone(&self.frozen),
            open: T::default(),
            base: self.base,
        }
    }

    /// Moves the open layer into the frozen one; `false` (nothing moved)
    /// while a fork still shares the frozen layer.
    pub(crate) fn freeze(&mut self) -> bool {
        if self.open.len() == 0 {
            return true;
        }
        let Some(frozen) = Arc::get_mut(&mut self.frozen) else {
            return false;
        };
        frozen.absorb(&mut self.open);
        self.base = frozen.len() as u32;
        true
    }
}
