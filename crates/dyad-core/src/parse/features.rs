//! Feature hashing shared by the tagger and the parser: stable string hashes, a mixer that
//! combines a template number with attribute values into a 32-bit feature, word shapes, and
//! a small seeded random generator for deterministic shuffles and exploration.

/// A stable 64-bit hash of a string (FNV-1a followed by a finaliser).
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix64(h)
}

/// A fast hasher for the string keys of the lexicons (the FxHash recipe, eight bytes at a
/// time); unlike the standard library's default it is not meant to resist crafted keys,
/// which lexicons built from a treebank do not need.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        mix64(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        let mut last = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            last |= u64::from(b) << (8 * i);
        }
        self.0 = (self.0.rotate_left(5) ^ last ^ ((bytes.len() as u64) << 59))
            .wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_u8(&mut self, n: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A hash map keyed by words, with [`WordHasher`].
pub type WordMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The splitmix64 finaliser.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines a template number and up to three attribute values into a non-zero feature.
pub fn feature(template: u32, a: u64, b: u64, c: u64) -> u32 {
    let mut h = mix64(u64::from(template).wrapping_add(0x9e37_79b9_7f4a_7c15));
    h = mix64(h ^ a);
    h = mix64(h.rotate_left(17) ^ b);
    h = mix64(h.rotate_left(29) ^ c);
    let f = (h >> 32) as u32;
    if f == 0 { 1 } else { f }
}

/// Combines a template number and up to three attribute values into a non-zero feature
/// with one multiplication per value: the parser's features, which it builds about 80 times
/// per transition. (The tagger keeps [`feature`], whose values its model file is made of.)
/// The template's own mix is a constant wherever the template is a literal.
#[inline(always)]
pub fn feature_fast(template: u32, a: u64, b: u64, c: u64) -> u32 {
    let mut h = (mix64(u64::from(template) ^ 0x5851_f42d_4c95_7f2d) ^ a)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h = (h.rotate_left(31) ^ b).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h.rotate_left(31) ^ c).wrapping_mul(0x94d0_49bb_1331_11eb);
    let f = ((h ^ (h >> 31)) >> 32) as u32;
    if f == 0 { 1 } else { f }
}

/// The shape of a word: letters become `X`/`x`, digits `d`, runs longer than two folded.
pub fn shape(word: &str) -> String {
    shape_runs(word, 2)
}

/// The shape of a word: `X` for upper case, `x` for lower case, `d` for digits, other
/// characters as they are; runs longer than `max_run` are cut to `max_run` characters.
pub fn shape_runs(word: &str, max_run: usize) -> String {
    shape_chars(word, max_run).collect()
}

/// The same as `hash_str(&shape_runs(word, max_run))`, without building the string.
pub fn hash_shape(word: &str, max_run: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut utf8 = [0u8; 4];
    for class in shape_chars(word, max_run) {
        for &b in class.encode_utf8(&mut utf8).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    mix64(h)
}

/// The characters of a word's shape (see [`shape_runs`]), one at a time.
fn shape_chars(word: &str, max_run: usize) -> impl Iterator<Item = char> + '_ {
    let mut last = '\0';
    let mut run = 0;
    word.chars().filter_map(move |c| {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if class == last {
            run += 1;
        } else {
            run = 1;
            last = class;
        }
        (run <= max_run).then_some(class)
    })
}

/// The last `n` characters of a string (all of it when shorter).
pub fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let start = s.char_indices().nth(count - n).map_or(0, |(i, _)| i);
    &s[start..]
}

/// The first `n` characters of a string (all of it when shorter).
pub fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A seeded xorshift generator: the same seed gives the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(mix64(seed) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles a slice (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The index of the highest score among the allowed classes (`None` when none is allowed).
pub fn argmax_where(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("McDonald's"), "XxXxx'x");
        assert_eq!(shape("1999"), "dd");
        assert_eq!(suffix("walking", 3), "ing");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("über", 2), "üb");
        assert_ne!(feature(1, 2, 3, 4), feature(2, 2, 3, 4));
        assert_ne!(feature_fast(1, 2, 3, 4), feature_fast(2, 2, 3, 4));
        for w in ["McDonald's", "1999", "über-Größe", "", "AAAbbb", "x²€€€"] {
            assert_eq!(hash_shape(w, 2), hash_str(&shape(w)), "{w}");
            assert_eq!(hash_shape(w, 4), hash_str(&shape_runs(w, 4)), "{w}");
        }
    }

    #[test]
    fn word_maps_find_their_words() {
        let mut m: WordMap<usize> = WordMap::default();
        let words = ["a", "the", "ministers", "ministerial", "über", ""];
        for (i, w) in words.iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(m.get(*w), Some(&i));
        }
        assert_eq!(m.get("minister"), None);
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
    }
}
