//! Near-duplicate detection: a `MinHash` signature of each body's word
//! shingles, and locality-sensitive hashing of the signatures so that only
//! articles sharing a band are ever compared.
//!
//! The signature is one-permutation `MinHash` (Li, Owen and Zhang, 2012):
//! each shingle is hashed once, the hash's top bits pick one of [`BINS`]
//! bins and the rest is kept if it is the smallest seen in that bin. Two
//! signatures agree in a bin with probability close to the Jaccard
//! similarity of the two shingle sets, so the fraction of equal bins
//! estimates it. Empty bins (short texts) borrow the next filled bin's
//! value, offset by the distance, so that they still agree only when the
//! texts do. Hashing once per shingle instead of once per shingle and
//! permutation makes a 3 KB body cost a few microseconds.

/// Words per shingle: four words are specific enough that unrelated
/// articles share few shingles, short enough that an edited sentence only
/// changes a few.
pub const SHINGLE_WORDS: usize = 4;

/// Bins of a signature.
pub const BINS: usize = 64;

/// Rows per LSH band and bands: 21 bands of 3 bins. Two bodies with
/// Jaccard similarity 0.5 share at least one band with probability
/// `1 - (1 - 0.5³)²¹` ≈ 0.94 (0.99 at 0.6), unrelated ones (0.02) about
/// one time in six thousand.
pub const ROWS: usize = 3;
pub const BANDS: usize = 21;

/// Fewer shingles than this and a body has no signature: a line or two of
/// text is not evidence of copying.
pub const MIN_SHINGLES: usize = 8;

/// A body's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; BINS]);

impl Signature {
    /// The signature of `text`'s word shingles (words are runs of letters
    /// and digits, compared without case), or `None` when the text is too
    /// short to have one.
    pub fn of(text: &str) -> Option<Self> {
        let mut window = [0u64; SHINGLE_WORDS];
        let mut words = 0usize;
        let mut shingles = 0usize;
        let mut bins = [u32::MAX; BINS];
        let mut filled = [false; BINS];
        for_each_word_hash(text, |hash| {
            window[words % SHINGLE_WORDS] = hash;
            words += 1;
            if words < SHINGLE_WORDS {
                return;
            }
            // Order matters in a shingle: combine oldest to newest.
            let mut h = 0u64;
            for k in 0..SHINGLE_WORDS {
                let w = window[(words + k) % SHINGLE_WORDS];
                h = (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            h ^= h >> 29;
            let bin = usize::try_from(h >> 58).unwrap_or(0);
            let value = u32::try_from(h & 0xffff_ffff).unwrap_or(u32::MAX);
            if value <= bins[bin] {
                bins[bin] = value;
            }
            filled[bin] = true;
            shingles += 1;
        });
        if shingles < MIN_SHINGLES {
            return None;
        }
        // Densify: an empty bin takes the next filled bin's value (going
        // round), mixed with how far it had to look.
        let original = bins;
        for i in 0..BINS {
            if filled[i] {
                continue;
            }
            let mut step = 1;
            while !filled[(i + step) % BINS] {
                step += 1;
            }
            let borrowed = original[(i + step) % BINS];
            bins[i] =
                borrowed.wrapping_add(u32::try_from(step).unwrap_or(0).wrapping_mul(0x85eb_ca6b));
        }
        Some(Self(bins))
    }

    /// The estimated Jaccard similarity of the two shingle sets: the
    /// fraction of bins that agree.
    pub fn similarity(&self, other: &Self) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        #[allow(clippy::cast_precision_loss)]
        let ratio = same as f32 / BINS as f32;
        ratio
    }

    /// The LSH keys of the signature, one per band.
    pub fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (0..BANDS).map(move |band| {
            let mut bytes = [0u8; ROWS * 4];
            for (k, v) in self.0[band * ROWS..(band + 1) * ROWS].iter().enumerate() {
                bytes[k * 4..k * 4 + 4].copy_from_slice(&v.to_le_bytes());
            }
            xxhash_rust::xxh3::xxh3_64_with_seed(&bytes, band as u64)
        })
    }
}

/// Calls `each` with the hash of each word of `text` in lower case, in order:
/// words are runs of letters and digits (`char::is_alphanumeric`), hashed
/// as `xxh3_64` of their lower-case text (`char::to_lowercase`). One pass
/// over the bytes, decoding only non-ASCII characters.
fn for_each_word_hash(text: &str, mut each: impl FnMut(u64)) {
    /// ASCII words up to this long are lowered on the stack as they are
    /// read.
    const SHORT: usize = 32;
    let bytes = text.as_bytes();
    let char_at = |at: usize| text.get(at..).and_then(|s| s.chars().next());
    let mut buf = [0u8; SHORT];
    let mut lower = String::new();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        // The word's ASCII start, lowered into `buf` (its first `SHORT`
        // bytes; `len` counts them all).
        let mut len = 0;
        while let Some(&b) = bytes.get(at)
            && b.is_ascii_alphanumeric()
        {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b.to_ascii_lowercase();
            }
            len += 1;
            at += 1;
        }
        // Whatever follows in the same word.
        let mut ascii = true;
        loop {
            match bytes.get(at) {
                Some(b) if b.is_ascii_alphanumeric() => at += 1,
                Some(b) if !b.is_ascii() => {
                    let c = char_at(at);
                    if !c.is_some_and(char::is_alphanumeric) {
                        break;
                    }
                    ascii = false;
                    at += c.map_or(1, char::len_utf8);
                }
                _ => break,
            }
        }
        if at == start {
            // A character that is neither a letter nor a digit.
            at += char_at(at).map_or(1, char::len_utf8);
            continue;
        }
        if ascii && len <= SHORT {
            each(xxhash_rust::xxh3::xxh3_64(&buf[..len]));
        } else {
            let word = text.get(start..at).unwrap_or("");
            lower.clear();
            if ascii {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            each(xxhash_rust::xxh3::xxh3_64(lower.as_bytes()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(seed: u64, words: usize) -> String {
        let mut state = seed;
        (0..words)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                format!("w{}", (state >> 33) % 5000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_same_text_has_the_same_signature_whatever_the_case_and_punctuation() {
        let a = Signature::of("The port strike entered its third day, and ships waited at sea.")
            .unwrap();
        let b = Signature::of("the PORT strike entered its third day and ships -- waited at SEA")
            .unwrap();
        assert_eq!(a, b);
        assert!((a.similarity(&b) - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(Signature::of("").is_none());
        assert!(Signature::of("Three words only").is_none());
        assert!(Signature::of(&text(1, SHINGLE_WORDS + MIN_SHINGLES - 2)).is_none());
        assert!(Signature::of(&text(1, SHINGLE_WORDS + MIN_SHINGLES - 1)).is_some());
    }

    #[test]
    fn similarity_estimates_overlap() {
        let base = text(7, 600);
        // An edited copy: the last fifth replaced.
        let words: Vec<&str> = base.split(' ').collect();
        let edited = format!("{} {}", words[..480].join(" "), text(8, 120));
        let unrelated = text(9, 600);
        let a = Signature::of(&base).unwrap();
        let same = a.similarity(&Signature::of(&edited).unwrap());
        let other = a.similarity(&Signature::of(&unrelated).unwrap());
        // True Jaccard of the edited copy is about 0.66.
        assert!((0.45..0.9).contains(&same), "{same}");
        assert!(other < 0.1, "{other}");
    }

    #[test]
    fn copies_share_a_band_and_unrelated_texts_do_not() {
        let a = Signature::of(&text(3, 400)).unwrap();
        let b = Signature::of(&text(3, 400)).unwrap();
        let c = Signature::of(&text(4, 400)).unwrap();
        let keys = |s: &Signature| s.band_keys().collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
        assert!(keys(&a).iter().zip(keys(&c)).all(|(x, y)| *x != y));
        assert_eq!(keys(&a).len(), BANDS);
    }

    #[test]
    fn words_are_hashed_as_runs_of_letters_and_digits_in_lower_case() {
        let reference = |text: &str| -> Vec<u64> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let low: String = w.chars().flat_map(char::to_lowercase).collect();
                    xxhash_rust::xxh3::xxh3_64(low.as_bytes())
                })
                .collect()
        };
        for text in [
            "",
            "one",
            " The U.S. said: Zürich's ÉCOLE, naïve café-owners—42 İstanbul ΣΟΦΙΑ ß. ",
            "x\u{a0}y\u{2019}z 日本語テキスト 1,234.5 Ⅻ ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ end",
            "ÀB",
            "trailing-ÄÖÜ",
            "abcé123 ÉTÉ x\u{301}y \u{1f600}ok\u{1f600} ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGé",
        ] {
            let mut got = Vec::new();
            for_each_word_hash(text, |h| got.push(h));
            assert_eq!(got, reference(text), "{text}");
        }
    }
}
