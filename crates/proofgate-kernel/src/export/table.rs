//! Export index → interned id. Indices are usually dense and increasing, so
//! a vector holds them; sparse or huge indices go to a map instead, so a
//! file claiming index 10^12 costs one map entry, not a terabyte. The
//! vector holds raw 4-byte ids with `u32::MAX` for "undefined" (an
//! `Option` of a 4-byte id takes 8): at library scale (4·10^6 terms) the
//! expression table is most of what reading keeps beside the terms.

use super::Kind;
use crate::expr::ExprId;
use crate::level::LevelId;
use crate::name::NameId;
use rustc_hash::FxHashMap;

/// An interned id as the table stores it.
pub(crate) trait RawId: Copy {
    fn raw(self) -> u32;
    fn from_raw(raw: u32) -> Self;
}

macro_rules! raw_id {
    ($($t:ty),*) => {$(
        impl RawId for $t {
            fn raw(self) -> u32 {
                self.0
            }
            fn from_raw(raw: u32) -> Self {
                Self(raw)
            }
        }
    )*};
}
raw_id!(ExprId, LevelId, NameId);

/// The dense vector's "not defined" (an id equal to it goes to the map).
const UNDEFINED: u32 = u32::MAX;

pub(crate) struct IndexTable<T: RawId> {
    dense: Vec<u32>,
    sparse: FxHashMap<u64, T>,
    count: usize,
}

impl<T: RawId> Default for IndexTable<T> {
    fn default() -> Self {
        IndexTable {
            dense: Vec::new(),
            sparse: FxHashMap::default(),
            count: 0,
        }
    }
}

impl<T: RawId> IndexTable<T> {
    pub fn get(&self, i: u64) -> Option<T> {
        match self.dense.get(i as usize) {
            Some(&v) if v != UNDEFINED => Some(T::from_raw(v)),
            _ => self.sparse.get(&i).copied(),
        }
    }

    /// Defines index `i` of the export's table `table` (`in`, `il`, `ie`);
    /// an index defined twice is an error (name 0 and level 0 are defined
    /// from the start).
    pub fn define(&mut self, table: &'static str, i: u64, v: T) -> Result<(), Kind> {
        if !self.insert(i, v) {
            return Err(Kind::Duplicate { table, index: i });
        }
        Ok(())
    }

    /// Inserts; returns `false` if the index was already defined.
    pub fn insert(&mut self, i: u64, v: T) -> bool {
        if self.get(i).is_some() {
            return false;
        }
        self.count += 1;
        // Grow the vector only while it stays proportionate to the entries.
        let fits = i < (2 * self.count as u64 + 4096);
        if v.raw() != UNDEFINED && ((i as usize) < self.dense.len() || fits) {
            if (i as usize) >= self.dense.len() {
                self.dense.resize(i as usize + 1, UNDEFINED);
            }
            self.dense[i as usize] = v.raw();
        } else {
            self.sparse.insert(i, v);
        }
        true
    }
}

/// The three index tables of one export.
pub(crate) struct Indices {
    pub names: IndexTable<NameId>,
    pub levels: IndexTable<LevelId>,
    pub exprs: IndexTable<ExprId>,
}

impl Indices {
    /// Tables holding the two indices every export starts with.
    pub fn new() -> Indices {
        let mut names = IndexTable::default();
        names.insert(0, NameId::ANONYMOUS);
        let mut levels = IndexTable::default();
        levels.insert(0, LevelId::ZERO);
        Indices {
            names,
            levels,
            exprs: IndexTable::default(),
        }
    }

    /// Name `i`, which an earlier line must have defined.
    pub fn name_at(&self, i: u64) -> Result<NameId, Kind> {
        self.names.get(i).ok_or(Kind::Dangling {
            table: "in",
            index: i,
        })
    }

    /// Level `i`, which an earlier line must have defined.
    pub fn level_at(&self, i: u64) -> Result<LevelId, Kind> {
        self.levels.get(i).ok_or(Kind::Dangling {
            table: "il",
            index: i,
        })
    }

    /// Expression `i`, which an earlier line must have defined.
    pub fn expr_at(&self, i: u64) -> Result<ExprId, Kind> {
        self.exprs.get(i).ok_or(Kind::Dangling {
            table: "ie",
            index: i,
        })
    }
}
