//! FNV-1a hashing for the pipeline's own tables and caches: word lists we ship, spans and
//! addresses. Their keys are short and not chosen by an attacker, so SipHash's protection buys
//! nothing, while its cost showed up as a tenth of title finding and of wikitext rendering.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
#[derive(Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    #[inline]
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        // One multiply per integer key (addresses, indexes), not one per byte.
        self.0 = (self.0 ^ value as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Builds [`FnvHasher`]s.
pub type BuildFnv = BuildHasherDefault<FnvHasher>;

/// A set of words from a shipped list.
pub type WordSet = HashSet<&'static str, BuildFnv>;

/// A map from words of a shipped list.
pub type WordMap<V> = HashMap<&'static str, V, BuildFnv>;

/// The set of `words`.
pub fn word_set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_find_their_words_only() {
        let set = word_set(&["Embassy", "Ministry"]);
        assert!(set.contains("Embassy"));
        assert!(!set.contains("embassy"));
        assert!(!set.contains("Ministr"));
    }

    #[test]
    fn integer_keys_spread() {
        let hash = |value: usize| {
            let mut hasher = FnvHasher::default();
            hasher.write_usize(value);
            hasher.finish()
        };
        assert_ne!(
            hash(8) >> 57,
            hash(16) >> 57,
            "high bits differ for nearby keys"
        );
    }
}
