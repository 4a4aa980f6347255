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

    /// Adds `delta` to the weight of `class` for every feature (a global update over a whole
    /// transition sequence is made of these, one per step).
    pub fn add(&mut self, features: &[u32], class: usize, delta: f32) {
        let time = self.time;
        for &f in features {
            bump(self.rows.entry(f).or_default(), class as u16, delta, time);
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
///
/// A feature with weights for few classes keeps them as a sparse list of (class, weight)
/// pairs; one with weights for many classes (the frequent tag features) keeps a dense row of
/// one weight per class, which the scorer adds with vector instructions.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    scale: f32,
    mask: usize,
    /// The open-addressing table; a slot with key 0 is empty.
    slots: Vec<Slot>,
    /// Feature hash per row, sorted.
    keys: Vec<u32>,
    /// Where each row's entries start; `starts[row + 1]` is where they end.
    starts: Vec<u32>,
    entry_class: Vec<u16>,
    entry_quantised: Vec<i16>,
    /// Class and quantised weight of every entry, side by side for the scorer of sparse rows.
    entries: Vec<(u16, i16)>,
    /// The dense rows, `stride` quantised weights each (the classes, then zeros up to a
    /// whole number of 8-weight lanes).
    dense: Vec<i16>,
    /// The length of a dense row: `classes` rounded up to a multiple of [`LANES`].
    stride: usize,
}

/// How many 32-bit sums one 256-bit vector register holds: dense rows are padded to a
/// multiple of it so that the scorer adds whole registers.
const LANES: usize = 8;

/// The most classes a model may have.
const MAX_CLASSES: usize = 256;

/// Asks the processor to bring the memory at `at` into its caches: the weight tables are far
/// larger than the caches, and asking for every row a call needs before reading the first
/// lets the memory system fetch them all at once.
#[inline(always)]
fn prefetch<T>(at: *const T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch is only a hint; it never faults, whatever the address.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(at.cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// Adds one entry packed by [`pack`] to the sums.
#[inline(always)]
fn add_packed(sums: &mut [i32], entry: u32) {
    if let Some(s) = sums.get_mut(((entry >> 16) & 0xff) as usize) {
        *s += i32::from(entry as u16 as i16);
    }
}

/// Adds the dense rows starting at `offsets` to `sums` (one per class, at most `stride`);
/// the portable version, which the compiler vectorises as it can.
#[inline(always)]
fn add_rows_portable(dense: &[i16], offsets: &[u32], stride: usize, sums: &mut [i32]) {
    for &at in offsets {
        let at = at as usize;
        if let Some(row) = dense.get(at..at + stride) {
            for (s, &w) in sums.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
    }
}

/// Adds the dense rows starting at `offsets` to `sums`, keeping the partial sums in `N`
/// vector registers from the first row to the last, so that `sums` is read and written once.
///
/// # Safety
/// The processor must have AVX2 and every offset plus `8 * N` must be within `dense`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_rows_avx2<const N: usize>(dense: &[i16], offsets: &[u32], sums: &mut [i32]) {
    use std::arch::x86_64::*;
    let mut acc = [_mm256_setzero_si256(); N];
    for &at in offsets {
        // SAFETY: the caller guarantees that the row lies inside `dense`.
        let p = unsafe { dense.as_ptr().add(at as usize) };
        for (k, a) in acc.iter_mut().enumerate() {
            // SAFETY: lane `k` of the row is inside it (see above); the loads are unaligned.
            let w = unsafe { _mm_loadu_si128(p.add(LANES * k).cast::<__m128i>()) };
            *a = _mm256_add_epi32(*a, _mm256_cvtepi16_epi32(w));
        }
    }
    let mut lanes = [0i32; LANES];
    for (chunk, a) in sums.chunks_mut(LANES).zip(&acc) {
        // SAFETY: `lanes` holds exactly one register; the store is unaligned.
        unsafe { _mm256_storeu_si256(lanes.as_mut_ptr().cast::<__m256i>(), *a) };
        for (s, &x) in chunk.iter_mut().zip(&lanes) {
            *s += x;
        }
    }
}

/// How many features the scorer looks up before it adds their rows.
const CHUNK: usize = 96;

/// Renumbers the entries' classes through `map`, and with `sort` sorts each row by its new
/// classes (the scorer does not need it; writing a model does); false (and nothing
/// changed) when `map` is not a permutation of `classes` classes.
fn remap(
    map: &[u16],
    classes: usize,
    starts: &[u32],
    entry_class: &mut [u16],
    entry_quantised: &mut [i16],
    sort: bool,
) -> bool {
    let mut seen = vec![false; classes];
    let is_permutation = map.len() == classes
        && map.iter().all(|&c| {
            let c = usize::from(c);
            c < classes && !std::mem::replace(&mut seen[c], true)
        });
    if !is_permutation || entry_class.iter().any(|&c| usize::from(c) >= classes) {
        return false;
    }
    for c in entry_class.iter_mut() {
        *c = map[usize::from(*c)];
    }
    if !sort {
        return true;
    }
    let mut row: Vec<(u16, i16)> = Vec::new();
    for w in starts.windows(2) {
        let (a, b) = (w[0] as usize, (w[1] as usize).min(entry_class.len()));
        if a >= b {
            continue;
        }
        row.clear();
        row.extend(
            entry_class[a..b]
                .iter()
                .zip(&entry_quantised[a..b])
                .map(|(&c, &q)| (c, q)),
        );
        row.sort_unstable_by_key(|&(c, _)| c);
        for (k, &(c, q)) in row.iter().enumerate() {
            entry_class[a + k] = c;
            entry_quantised[a + k] = q;
        }
    }
    true
}

/// Rows with at least this many entries are stored dense.
const DENSE_MIN: usize = 16;

/// One slot of the table: a feature hash and its weights, or where they are.
///
/// The top byte of `a` says which: [`INLINE`] (the row's one or two entries are `a` and
/// `b` themselves, each a class in bits 16 to 23 and a weight in the low 16 bits; a second
/// entry of [`NO_ENTRY`] is absent), [`RANGE`] (the row has `a & 0xff_ffff` entries from
/// `entries[b]`) or [`DENSE`] (the row is `dense[b..b + stride]`). Most features have one
/// or two weights (a perceptron update moves two classes), so most lookups read nothing
/// but the slot.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Slot {
    key: u32,
    a: u32,
    b: u32,
}

/// Tags of [`Slot::a`].
const INLINE: u32 = 0;
const RANGE: u32 = 1;
const DENSE: u32 = 2;

/// The second entry of an inline row of one entry.
const NO_ENTRY: u32 = u32::MAX;

/// One entry packed into a slot word.
fn pack(class: u16, weight: i16) -> u32 {
    (u32::from(class & 0xff) << 16) | u32::from(weight as u16)
}

/// The home slot of a key: its top bits. Keys are hashes, so the top bits are uniform, and
/// keys in sorted order have their home slots in order, which makes building the table one
/// sequential sweep.
fn slot_of(key: u32, mask: usize) -> usize {
    ((u64::from(key) * (mask as u64 + 1)) >> 32) as usize
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
        let capacity = (keys.len() * 3 / 2).max(16).next_power_of_two();
        let mask = capacity - 1;
        let mut slots = vec![Slot::default(); capacity];
        let entries: Vec<(u16, i16)> = entry_class
            .iter()
            .zip(&entry_quantised)
            .map(|(&c, &w)| (c, w))
            .collect();
        let stride = classes.div_ceil(LANES) * LANES;
        let mut dense: Vec<i16> = Vec::new();
        // Keys come sorted, so their home slots rise: every slot from `next` on is free until
        // a key runs past the end and wraps around to probe from the start.
        let mut next = 0usize;
        for (i, &key) in keys.iter().enumerate() {
            let mut slot = slot_of(key, mask).max(next);
            if slot >= capacity {
                slot = 0;
                while slots[slot].key != 0 {
                    slot = (slot + 1) & mask;
                }
            } else {
                next = slot + 1;
            }
            let (a, b) = (starts[i] as usize, starts[i + 1] as usize);
            let entry = |k: usize| pack(entry_class[k], entry_quantised[k]);
            slots[slot] = if b - a >= DENSE_MIN.min(classes) {
                let at = dense.len();
                dense.resize(at + stride, 0);
                for k in a..b {
                    dense[at + usize::from(entry_class[k])] = entry_quantised[k];
                }
                Slot {
                    key,
                    a: DENSE << 24,
                    b: at as u32,
                }
            } else if b - a <= 2 {
                Slot {
                    key,
                    a: entry(a),
                    b: if b - a == 2 { entry(a + 1) } else { NO_ENTRY },
                }
            } else {
                Slot {
                    key,
                    a: (RANGE << 24) | (b - a) as u32,
                    b: a as u32,
                }
            };
        }
        Weights {
            classes,
            scale,
            mask,
            slots,
            keys,
            starts,
            entry_class,
            entry_quantised,
            entries,
            dense,
            stride,
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// A copy without the weights whose magnitude is below `min_weight` (and without the
    /// features left with none).
    pub fn pruned(&self, min_weight: f32) -> Weights {
        let rows = self
            .keys
            .iter()
            .enumerate()
            .filter_map(|(r, &key)| {
                let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
                let row: Vec<(u16, i16)> = (a..b)
                    .filter(|&i| {
                        (f32::from(self.entry_quantised[i]) * self.scale).abs() >= min_weight
                    })
                    .map(|i| (self.entry_class[i], self.entry_quantised[i]))
                    .collect();
                (!row.is_empty()).then_some((key, row))
            })
            .collect();
        Weights::build(self.classes, self.scale, rows)
    }

    /// A copy whose class `c` is class `map[c]`, each row's entries sorted by their new
    /// class (so that mapping back with the inverse gives the original weights). `map` must
    /// be a permutation of the classes; otherwise the weights are returned unchanged.
    pub fn remapped(&self, map: &[u16]) -> Weights {
        let mut entry_class = self.entry_class.clone();
        let mut entry_quantised = self.entry_quantised.clone();
        if !remap(
            map,
            self.classes,
            &self.starts,
            &mut entry_class,
            &mut entry_quantised,
            true,
        ) {
            return self.clone();
        }
        Weights::from_parts(
            self.classes,
            self.scale,
            self.keys.clone(),
            self.starts.clone(),
            entry_class,
            entry_quantised,
        )
    }

    /// The number of features kept.
    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// Sets `scores` (one slot per class) to the summed weights of the features.
    ///
    /// Sums are exact: the quantised weights are integers, and a sum of at most a few hundred
    /// of them stays far below 2^24, where `f32` stops representing every integer; the sum is
    /// scaled once at the end.
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        let classes = self.classes.min(scores.len()).min(MAX_CLASSES);
        let mut buffer = [0i32; MAX_CLASSES];
        self.accumulate(features, &mut buffer[..classes]);
        self.finish(&buffer[..classes], scores);
    }

    /// Adds the quantised weights of the features to integer sums, one per class. Sums are
    /// exact (a sum of at most a few hundred 16-bit weights cannot overflow), so neither the
    /// order of the additions nor splitting the features into groups ever changes a score.
    ///
    /// The lookups are done in two sweeps, first finding every feature's row and then adding
    /// the rows, so that the processor can fetch many rows from memory at once. The dense
    /// rows are added in vector registers that hold every class's sum from the first row to
    /// the last, so the sums are loaded and stored once per call rather than once per row.
    #[inline]
    pub fn accumulate(&self, features: &[u32], sums: &mut [i32]) {
        let classes = self.classes.min(sums.len());
        let sums = &mut sums[..classes];
        let mut dense = [0u32; CHUNK];
        let mut spans = [(0u32, 0u32); CHUNK];
        for chunk in features.chunks(CHUNK) {
            // The table is far larger than the processor's caches: asking for every home slot
            // before the first is read lets the memory system fetch them all at once.
            for &f in chunk {
                prefetch(self.slots.as_ptr().wrapping_add(slot_of(f, self.mask)));
            }
            let mut found = 0;
            let mut ranges = 0;
            for &f in chunk {
                let mut slot = slot_of(f, self.mask);
                loop {
                    let s = self.slots[slot];
                    if s.key == f {
                        match s.a >> 24 {
                            INLINE => {
                                add_packed(sums, s.a);
                                if s.b != NO_ENTRY {
                                    add_packed(sums, s.b);
                                }
                            }
                            RANGE => {
                                // Added after the sweep, so that its entries can arrive
                                // meanwhile.
                                prefetch(self.entries.as_ptr().wrapping_add(s.b as usize));
                                spans[ranges] = (s.b, s.a & 0xff_ffff);
                                ranges += 1;
                            }
                            _ => {
                                // Always true by construction; checked because the vector
                                // scorer reads the row without bounds checks.
                                if s.b as usize + self.stride <= self.dense.len() {
                                    let row = self.dense.as_ptr().wrapping_add(s.b as usize);
                                    for line in (0..self.stride).step_by(32) {
                                        prefetch(row.wrapping_add(line));
                                    }
                                    dense[found] = s.b;
                                    found += 1;
                                }
                            }
                        }
                        break;
                    }
                    if s.key == 0 {
                        break;
                    }
                    slot = (slot + 1) & self.mask;
                }
            }
            for &(at, len) in &spans[..ranges] {
                let (at, len) = (at as usize, len as usize);
                for &(c, w) in self.entries.get(at..at + len).unwrap_or(&[]) {
                    if let Some(s) = sums.get_mut(usize::from(c)) {
                        *s += i32::from(w);
                    }
                }
            }
            if found > 0 {
                self.add_dense(&dense[..found], sums);
            }
        }
    }

    /// Adds the dense rows at `offsets` (each checked to lie inside `self.dense`) to `sums`.
    #[inline(always)]
    fn add_dense(&self, offsets: &[u32], sums: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                macro_rules! widths {
                    ($($n:literal)*) => {
                        match self.stride / LANES {
                            // SAFETY: the processor has AVX2 (just checked); `8 * N` is the
                            // stride and every offset plus the stride was checked to lie
                            // inside `self.dense`.
                            $($n => unsafe { add_rows_avx2::<$n>(&self.dense, offsets, sums) },)*
                            _ => add_rows_portable(&self.dense, offsets, self.stride, sums),
                        }
                    };
                }
                widths!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32);
                return;
            }
        }
        add_rows_portable(&self.dense, offsets, self.stride, sums);
    }

    /// Turns sums from [`Weights::accumulate`] into scores (zero for classes past the sums).
    #[inline]
    pub fn finish(&self, sums: &[i32], scores: &mut [f32]) {
        for (x, &sum) in scores.iter_mut().zip(sums) {
            *x = sum as f32 * self.scale;
        }
        scores.iter_mut().skip(sums.len()).for_each(|s| *s = 0.0);
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
        Weights::read_mapped(r, None)
    }

    /// Reads weights written by [`Weights::write`], giving class `c` the number `map[c]`
    /// as [`Weights::remapped`] does; a map that is not a permutation of the classes is an
    /// error.
    pub fn read_mapped(r: &mut Reader, map: Option<&[u16]>) -> Result<Weights> {
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
        let mut entry_class = entry_class;
        let mut entry_quantised = entry_quantised;
        if let Some(map) = map
            && !remap(
                map,
                classes,
                &starts,
                &mut entry_class,
                &mut entry_quantised,
                false,
            )
        {
            return Err(r.error("weights do not match the classes"));
        }
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

    #[test]
    fn table_finds_every_key_and_no_other() {
        let mut rng = crate::parse::features::Rng::new(5);
        let mut keys: Vec<u32> = (0..5000)
            .map(|_| (rng.next_u64() >> 32) as u32 | 1)
            .collect();
        // Crowd the end of the table to force wrap-around.
        keys.extend((0..200).map(|i| u32::MAX - i));
        keys.sort_unstable();
        keys.dedup();
        let rows: Vec<(u32, Vec<(u16, i16)>)> = keys
            .iter()
            .map(|&k| (k, vec![((k % 3) as u16, 1)]))
            .collect();
        let w = Weights::build(3, 1.0, rows);
        let mut scores = [0f32; 3];
        for &k in &keys {
            w.score(&[k], &mut scores);
            assert_eq!(scores[(k % 3) as usize], 1.0, "key {k}");
        }
        w.score(&[2, 4, 6], &mut scores);
        assert_eq!(scores, [0.0; 3]);
    }

    #[test]
    fn dense_and_sparse_rows_add_up_exactly() {
        // Rows of every length from 1 to 24 entries over 24 classes, so that some are stored
        // sparse and some dense; any set of features must score their plain sum.
        let classes = 24u16;
        let mut rng = crate::parse::features::Rng::new(9);
        let rows: Vec<(u32, Vec<(u16, i16)>)> = (1..=24u32)
            .map(|len| {
                let row = (0..len as u16)
                    .map(|c| ((c * 7) % classes, (rng.below(2001) as i16) - 1000))
                    .collect::<std::collections::BTreeMap<u16, i16>>()
                    .into_iter()
                    .collect();
                (len * 1000, row)
            })
            .collect();
        let w = Weights::build(usize::from(classes), 0.5, rows.clone());
        for _ in 0..50 {
            let picked: Vec<usize> = (0..7).map(|_| rng.below(rows.len())).collect();
            let features: Vec<u32> = picked.iter().map(|&i| rows[i].0).collect();
            let mut expected = vec![0f32; usize::from(classes)];
            for &i in &picked {
                for &(c, q) in &rows[i].1 {
                    expected[usize::from(c)] += f32::from(q) * 0.5;
                }
            }
            let mut scores = vec![0f32; usize::from(classes)];
            w.score(&features, &mut scores);
            assert_eq!(scores, expected);
        }
    }

    #[test]
    fn remapping_and_split_scoring_keep_the_scores() {
        // Rows long enough to be dense and short enough to be sparse, over 24 classes.
        let classes = 24usize;
        let mut rng = crate::parse::features::Rng::new(11);
        let rows: Vec<(u32, Vec<(u16, i16)>)> = (1..=24u32)
            .map(|len| {
                let row = (0..len as u16)
                    .map(|c| ((c * 5) % 24, (rng.below(2001) as i16) - 1000))
                    .collect::<std::collections::BTreeMap<u16, i16>>()
                    .into_iter()
                    .collect();
                (len * 7919, row)
            })
            .collect();
        let w = Weights::build(classes, 0.25, rows.clone());
        let map: Vec<u16> = (0..classes as u16).map(|c| (c * 7 + 3) % 24).collect();
        let mut inverse = vec![0u16; classes];
        for (c, &m) in map.iter().enumerate() {
            inverse[usize::from(m)] = c as u16;
        }
        let mapped = w.remapped(&map);
        assert_eq!(mapped.remapped(&inverse), w);
        // Not a permutation: unchanged.
        assert_eq!(w.remapped(&[0; 24]), w);
        let features: Vec<u32> = rows.iter().map(|r| r.0).step_by(3).collect();
        let (mut plain, mut moved) = (vec![0f32; classes], vec![0f32; classes]);
        w.score(&features, &mut plain);
        mapped.score(&features, &mut moved);
        for c in 0..classes {
            assert_eq!(plain[c], moved[usize::from(map[c])]);
        }
        // Summing the features in two groups changes no score.
        let mut sums = vec![0i32; classes];
        let (first, second) = features.split_at(features.len() / 2);
        w.accumulate(first, &mut sums);
        w.accumulate(second, &mut sums);
        let mut split = vec![0f32; classes];
        w.finish(&sums, &mut split);
        assert_eq!(split, plain);
    }

    #[test]
    fn vector_and_portable_dense_sums_agree() {
        // 21 classes pad to 24 (three vector registers); 200 features make two chunks.
        for classes in [3usize, 21, 64, 250] {
            let mut rng = crate::parse::features::Rng::new(classes as u64);
            let rows: Vec<(u32, Vec<(u16, i16)>)> = (1..=200u32)
                .map(|k| {
                    let len = 1 + rng.below(classes) as u16;
                    let row = (0..len)
                        .map(|c| (c, (rng.below(65535) as i32 - 32767) as i16))
                        .collect();
                    (k * 21_474_836, row)
                })
                .collect();
            let w = Weights::build(classes, 1.0, rows.clone());
            let features: Vec<u32> = rows.iter().map(|r| r.0).collect();
            let mut sums = vec![0i32; classes];
            w.accumulate(&features, &mut sums);
            let mut expected = vec![0i32; classes];
            for (_, row) in &rows {
                for &(c, q) in row {
                    expected[usize::from(c)] += i32::from(q);
                }
            }
            assert_eq!(sums, expected, "{classes} classes");
            let offsets: Vec<u32> = (0..w.dense.len() / w.stride)
                .map(|r| (r * w.stride) as u32)
                .collect();
            let (mut a, mut b) = (vec![7i32; classes], vec![7i32; classes]);
            w.add_dense(&offsets, &mut a);
            add_rows_portable(&w.dense, &offsets, w.stride, &mut b);
            assert_eq!(a, b, "{classes} classes");
        }
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
