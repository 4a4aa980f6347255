//! Near-duplicate articles: MinHash signatures of word shingles, and LSH bands to find
//! candidates quickly.
//!
//! The same wire story printed by several outlets, or re-sent with a changed line, has
//! nearly the same text but a different article id. Two articles are near-duplicates when
//! the Jaccard similarity of their sets of five-word shingles (lower-cased letters and
//! digits only) is at least [`THRESHOLD`]; MinHash estimates it from [`HASHES`] minima. The
//! signature is cut into [`BANDS`] bands; articles that share a band are candidates, and
//! the estimate decides.

/// The number of hash functions in a signature.
pub const HASHES: usize = 64;
/// The number of LSH bands (of `HASHES / BANDS` rows each).
pub const BANDS: usize = 16;
/// The estimated Jaccard similarity from which two articles are the same story.
pub const THRESHOLD: f64 = 0.8;
/// Words per shingle.
const SHINGLE: usize = 5;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; HASHES]);

fn mix(mut x: u64) -> u64 {
    // SplitMix64's finaliser: a fast, well-spread 64-bit mix.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn hash_words(words: &[&str]) -> u64 {
    // FNV-1a over the words with a separator, then mixed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    mix(h)
}

impl Signature {
    /// The signature of a text.
    pub fn of(text: &str) -> Signature {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut minima = [u32::MAX; HASHES];
        let mut add = |h: u64| {
            for (i, m) in minima.iter_mut().enumerate() {
                let v = (mix(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        };
        if words.len() < SHINGLE {
            add(hash_words(&words));
        } else {
            for window in words.windows(SHINGLE) {
                add(hash_words(window));
            }
        }
        Signature(minima)
    }

    /// The estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The band keys: one hash per band of rows.
    pub fn bands(&self) -> [i64; BANDS] {
        let rows = HASHES / BANDS;
        let mut out = [0i64; BANDS];
        for (band, key) in out.iter_mut().enumerate() {
            let mut h: u64 = band as u64;
            for v in &self.0[band * rows..(band + 1) * rows] {
                h = mix(h ^ u64::from(*v));
            }
            *key = h as i64;
        }
        out
    }

    /// The signature as bytes, for storing.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature; `None` when the bytes have the wrong length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut out = [0u32; HASHES];
        for (v, chunk) in out.iter_mut().zip(bytes.chunks_exact(4)) {
            *v = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Ministers from both countries met in the capital on Monday to discuss \
        the water agreement, which has been stalled for two years after a dispute over the \
        dams on the upper river. Officials said the talks were constructive and that a \
        second round would follow next month in the other capital, with experts from both \
        sides preparing a joint report on the flow of the river during the dry season.";

    #[test]
    fn a_lightly_edited_copy_is_a_near_duplicate() {
        let copy = format!("{STORY} Reporting by a staff writer.");
        let a = Signature::of(STORY);
        let b = Signature::of(&copy);
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        assert!(a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y));
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
    }

    #[test]
    fn a_different_story_is_not() {
        let other = "The central bank raised its main interest rate by half a point on \
            Thursday, citing inflation that has stayed above its target for a year, and said \
            further rises could follow if prices kept climbing in the coming months.";
        let s = Signature::of(STORY).similarity(&Signature::of(other));
        assert!(s < 0.2, "{s}");
    }
}
