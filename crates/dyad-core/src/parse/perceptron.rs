//! An averaged multiclass perceptron over hashed sparse features.
//!
//! Features are 32-bit hashes (never zero). While training, each feature holds a short list of
//! per-class weights with the bookkeeping that averaging needs; [`Trainer::freeze`] turns it into
//! compact [`Weights`]: averaged, pruned, quantised to 16 bits and laid out in an
//! open-addressing table so that a lookup is one hash probe. Nothing here iterates a hash map
//! in an order that reaches the output: freezing sorts the features first.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::binary::{Reader, Writer};
use crate::error::Result;

/// A hasher for keys that are already well-mixed hashes: it passes them through.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n);
    }
}

/// The hash map type for feature hashes.
pub type FeatureMap<V> = HashMap<u32, V, BuildHasherDefault<IdentityHasher>>;

/// One class weight of one feature while training.
#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// An averaged perceptron being trained.
pub struct Trainer {
    classes: usize,
    rows: FeatureMap<Vec<Entry>>,
    time: u32,
}

impl Trainer {
    /// A trainer for `classes` classes.
    pub fn new(classes: usize) -> Self {
        Trainer {
            classes,
            rows: FeatureMap::default(),
            time: 0,
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of every feature to `scores` (one slot per class).
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Counts one training instance; call once per instance, whether or not it updates.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Moves the weights towards `truth` and away from `guess`.
    pub fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let time = self.time;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            bump(row, truth as u16, 1.0, time);
            bump(row, guess as u16, -1.0, time);
        }
    }

    /// Averages the weights, drops those whose magnitude is below `min_weight` and quantises
    /// the rest.
    pub fn freeze(&self, min_weight: f32) -> Weights {
        let time = f64::from(self.time.max(1));
        let mut keys: Vec<u32> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(keys.len());
        let mut max = 0f32;
        for key in keys {
            let mut row: Vec<(u16, f32)> = Vec::new();
            for e in &self.rows[&key] {
                let total = e.total + f64::from(self.time - e.stamp) * f64::from(e.weight);
                let avg = (total / time) as f32;
                if avg.abs() >= min_weight && avg != 0.0 {
                    max = max.max(avg.abs());
                    row.push((e.class, avg));
                }
            }
            if !row.is_empty() {
                row.sort_unstable_by_key(|&(c, _)| c);
                rows.push((key, row));
            }
        }
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let rows = rows
            .into_iter()
            .filter_map(|(key, row)| {
                let q: Vec<(u16, i16)> = row
                    .into_iter()
                    .map(|(c, w)| (c, (w / scale).round() as i16))
                    .filter(|&(_, w)| w != 0)
                    .collect();
                (!q.is_empty()).then_some((key, q))
            })
            .collect();
        Weights::build(self.classes, scale, rows)
    }
}

fn bump(row: &mut Vec<Entry>, class: u16, delta: f32, time: u32) {
    let e = match row.iter_mut().position(|e| e.class == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(Entry {
                class,
                weight: 0.0,
                total: 0.0,
                stamp: time,
            });
            row.last_mut().expect("just pushed")
        }
    };
    e.total += f64::from(time - e.stamp) * f64::from(e.weight);
    e.stamp = time;
    e.weight += delta;
}

/// Frozen perceptron weights: a read-only open-addressing table from feature hash to the
/// feature's class weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    scale: f32,
    mask: usize,
    /// Feature hash per slot, 0 for an empty slot.
    slot_key: Vec<u32>,
    /// Row number per slot.
    slot_row: Vec<u32>,
    /// Feature hash per row, sorted.
    keys: Vec<u32>,
    /// Where each row's entries start; `starts[row + 1]` is where they end.
    starts: Vec<u32>,
    entry_class: Vec<u16>,
    entry_quantised: Vec<i16>,
    entry_weight: Vec<f32>,
}

fn slot_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) as usize) & mask
}

impl Weights {
    /// Builds the table from rows sorted by key, with quantised weights.
    fn build(classes: usize, scale: f32, rows: Vec<(u32, Vec<(u16, i16)>)>) -> Weights {
        let mut keys = Vec::with_capacity(rows.len());
        let mut starts = Vec::with_capacity(rows.len() + 1);
        let mut entry_class = Vec::new();
        let mut entry_quantised = Vec::new();
        for (key, row) in rows {
            keys.push(key);
            starts.push(entry_class.len() as u32);
            for (c, w) in row {
                entry_class.push(c);
                entry_quantised.push(w);
            }
        }
        starts.push(entry_class.len() as u32);
        Weights::from_parts(classes, scale, keys, starts, entry_class, entry_quantised)
    }

    fn from_parts(
        classes: usize,
        scale: f32,
        keys: Vec<u32>,
        starts: Vec<u32>,
        entry_class: Vec<u16>,
        entry_quantised: Vec<i16>,
    ) -> Weights {
        let capacity = (keys.len() * 2).max(16).next_power_of_two();
        let mask = capacity - 1;
        let mut slot_key = vec![0u32; capacity];
        let mut slot_row = vec![0u32; capacity];
        for (i, &key) in keys.iter().enumerate() {
            let mut slot = slot_of(key, mask);
            while slot_key[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slot_key[slot] = key;
            slot_row[slot] = i as u32;
        }
        let entry_weight = entry_quantised
            .iter()
            .map(|&w| f32::from(w) * scale)
            .collect();
        Weights {
            classes,
            scale,
            mask,
            slot_key,
            slot_row,
            keys,
            starts,
            entry_class,
            entry_quantised,
            entry_weight,
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The number of features kept.
    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// Sets `scores` (one slot per class) to the summed weights of the features.
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            let mut slot = slot_of(f, self.mask);
            loop {
                let k = self.slot_key[slot];
                if k == f {
                    let r = self.slot_row[slot] as usize;
                    let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
                    for (&c, &w) in self.entry_class[a..b].iter().zip(&self.entry_weight[a..b]) {
                        if let Some(s) = scores.get_mut(c as usize) {
                            *s += w;
                        }
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                slot = (slot + 1) & self.mask;
            }
        }
    }

    /// Writes the weights: class count, scale, row count, the sorted keys, the row lengths,
    /// then every entry's class and quantised weight.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        w.f32(self.scale);
        w.u32(self.keys.len() as u32);
        for &key in &self.keys {
            w.u32(key);
        }
        for r in 0..self.keys.len() {
            w.u16((self.starts[r + 1] - self.starts[r]) as u16);
        }
        for &c in &self.entry_class {
            w.u8(c as u8);
        }
        for &q in &self.entry_quantised {
            w.i16(q);
        }
    }

    /// Reads weights written by [`Weights::write`].
    pub fn read(r: &mut Reader) -> Result<Weights> {
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 256 {
            return Err(r.error("bad class count"));
        }
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(r.error("bad weight scale"));
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 6 {
            return Err(r.error("row count larger than the file"));
        }
        let raw = r.bytes(n * 4)?;
        let keys: Vec<u32> = raw
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        if keys.first() == Some(&0) || keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(r.error("feature keys are not sorted"));
        }
        let raw = r.bytes(n * 2)?;
        let mut starts = Vec::with_capacity(n + 1);
        let mut total = 0u32;
        for b in raw.chunks_exact(2) {
            let len = u16::from_le_bytes([b[0], b[1]]);
            if len == 0 {
                return Err(r.error("empty feature row"));
            }
            starts.push(total);
            total += u32::from(len);
        }
        starts.push(total);
        let total = total as usize;
        if total * 3 > r.remaining() {
            return Err(r.error("entries larger than the file"));
        }
        let raw = r.bytes(total)?;
        if raw.iter().any(|&c| c as usize >= classes) {
            return Err(r.error("class index out of range"));
        }
        let entry_class: Vec<u16> = raw.iter().map(|&c| u16::from(c)).collect();
        let raw = r.bytes(total * 2)?;
        let entry_quantised: Vec<i16> = raw
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Ok(Weights::from_parts(
            classes,
            scale,
            keys,
            starts,
            entry_class,
            entry_quantised,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u32, 10], 0usize), (vec![2, 10], 1), (vec![3, 10], 2)];
        let mut scores = [0f32; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                t.score(f, &mut scores);
                let guess = argmax(&scores);
                t.update(f, *y, guess);
            }
        }
        let w = t.freeze(0.0);
        for (f, y) in &data {
            w.score(f, &mut scores);
            assert_eq!(argmax(&scores), *y);
        }
        let mut out = Writer::new();
        w.write(&mut out);
        let bytes = out.into_bytes();
        let mut r = Reader::new(&bytes, "test");
        let again = Weights::read(&mut r).unwrap();
        assert_eq!(again, w);
    }

    fn argmax(s: &[f32]) -> usize {
        let mut best = 0;
        for i in 1..s.len() {
            if s[i] > s[best] {
                best = i;
            }
        }
        best
    }
}
