//! A small map from names to numbers for the parser's symbol tables:
//! open addressing over FNV-1a hashes. Faster to build and much smaller in
//! the wasm bundle than a `BTreeMap`, and lookups stay constant-time on the
//! largest models the limits allow.

use alloc::string::String;
use alloc::vec::Vec;

/// Names with a number each (a slot, a line), keeping the first insert.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    entries: Vec<(String, u32)>,
    /// Entry index + 1 for each bucket; 0 is empty. Length is a power of two.
    buckets: Vec<u32>,
}

fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Names {
    /// The number of `name`.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        if self.buckets.is_empty() {
            return None;
        }
        let mask = self.buckets.len() - 1;
        let mut i = hash(name) as usize & mask;
        loop {
            match self.buckets[i] {
                0 => return None,
                e => {
                    let (k, v) = &self.entries[e as usize - 1];
                    if k == name {
                        return Some(*v);
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// True when `name` is in the map.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Adds `name` unless it is there already (the first number stays).
    pub(crate) fn insert(&mut self, name: &str, value: u32) {
        if self.contains(name) {
            return;
        }
        if (self.entries.len() + 1) * 2 > self.buckets.len() {
            self.grow();
        }
        self.entries.push((String::from(name), value));
        self.place(self.entries.len() - 1);
    }

    /// Every name, in insertion order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    fn place(&mut self, entry: usize) {
        let mask = self.buckets.len() - 1;
        let mut i = hash(&self.entries[entry].0) as usize & mask;
        while self.buckets[i] != 0 {
            i = (i + 1) & mask;
        }
        self.buckets[i] = entry as u32 + 1;
    }

    fn grow(&mut self) {
        let size = (self.buckets.len() * 2).max(16);
        self.buckets = alloc::vec![0; size];
        for e in 0..self.entries.len() {
            self.place(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_value_and_finds_every_name() {
        let mut n = Names::default();
        for i in 0..1000u32 {
            n.insert(&alloc::format!("name_{i}"), i);
        }
        n.insert("name_5", 99);
        assert_eq!(n.get("name_5"), Some(5));
        assert_eq!(n.get("name_999"), Some(999));
        assert_eq!(n.get("missing"), None);
        assert!(n.contains("name_0"));
        assert_eq!(n.keys().count(), 1000);
        assert_eq!(n.keys().next(), Some("name_0"));
    }
}
