//! Eight ASCII bytes at a time: which are letters, digits, small letters
//! and capitals, worked out with a few word-wide additions instead of a
//! test per byte. The highlighter's tokenizer and the filter's body-word
//! cutter both read runs of letters and digits this way.

/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in each of eight bytes.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The eight bytes of `bytes` from `at`, as a little-endian number (the
/// first byte lowest); `None` where fewer than eight are left.
#[inline]
pub(crate) fn load(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// Of eight bytes (see [`load`]), the high bit of each that is an ASCII
/// letter or digit, of each small ASCII letter, and of each capital.
#[inline]
fn classes(v: u64) -> (u64, u64, u64) {
    let ascii = !v & HIGH_BITS;
    // each byte below 0x80, so that the additions below never carry into
    // the next byte: a byte's high bit tells whether it reached a bound
    let x = v & !HIGH_BITS;
    let folded = x | splat(0x20);
    let letter = (folded + splat(0x80 - b'a')) & !(folded + splat(0x80 - b'z' - 1)) & ascii;
    let digit = (x + splat(0x80 - b'0')) & !(x + splat(0x80 - b'9' - 1)) & ascii;
    // a letter's 0x20 bit, moved to its high bit, says it is small
    let small = letter & (x << 2);
    (letter | digit, small, letter & !small)
}

/// Of a mask of high bits (`stop`), every bit of the bytes before the
/// first byte marked: all of them where none is.
#[inline]
fn before_first(stop: u64) -> u64 {
    stop.checked_sub(1).map_or(u64::MAX, |below| !stop & below)
}

/// A run of ASCII letters and digits: where it ends, and whether it holds
/// a small letter and a capital.
pub(crate) struct AlnumRun {
    pub end: usize,
    pub small: bool,
    pub capital: bool,
}

/// The run of ASCII letters and digits from `from` (empty where none is
/// there), read eight bytes at a time while eight are left.
#[inline]
pub(crate) fn alnum_run(bytes: &[u8], from: usize) -> AlnumRun {
    let (mut end, mut small, mut capital) = (from, false, false);
    while let Some(v) = load(bytes, end) {
        let (alnum, smalls, capitals) = classes(v);
        let stop = !alnum & HIGH_BITS;
        // the bytes before the first that ends the run
        let run = before_first(stop);
        small |= smalls & run != 0;
        capital |= capitals & run != 0;
        if stop != 0 {
            end += (stop.trailing_zeros() / 8) as usize;
            return AlnumRun {
                end,
                small,
                capital,
            };
        }
        end += 8;
    }
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        small |= b.is_ascii_lowercase();
        capital |= b.is_ascii_uppercase();
        end += 1;
    }
    AlnumRun {
        end,
        small,
        capital,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_once_are_classed_as_one_at_a_time() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let v = load(chunk, 0).unwrap_or_default();
            let (alnum, small, capital) = classes(v);
            for (k, &b) in chunk.iter().enumerate() {
                let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(alnum), b.is_ascii_alphanumeric(), "{b}");
                assert_eq!(bit(small), b.is_ascii_lowercase(), "{b}");
                assert_eq!(bit(capital), b.is_ascii_uppercase(), "{b}");
                assert_eq!((alnum | small | capital) & !HIGH_BITS, 0);
            }
        }
    }

    #[test]
    fn a_run_is_read_as_byte_by_byte() {
        let text = b"Hello world, ABCDEFGHIJKLMNOP q1w2e3r4t5y6u7i8 9876543210x. end";
        for from in 0..=text.len() {
            let run = alnum_run(text, from);
            let end = (from..text.len())
                .find(|&k| !text[k].is_ascii_alphanumeric())
                .unwrap_or(text.len());
            let part = &text[from..end];
            assert_eq!(run.end, end, "{from}");
            assert_eq!(run.small, part.iter().any(u8::is_ascii_lowercase), "{from}");
            assert_eq!(
                run.capital,
                part.iter().any(u8::is_ascii_uppercase),
                "{from}"
            );
        }
    }

    #[test]
    fn the_bytes_before_the_first_marked_one() {
        assert_eq!(before_first(0), u64::MAX);
        assert_eq!(before_first(0x80), 0x7f);
        assert_eq!(before_first(0x8000_0080_0000), 0x7f_ffff);
        assert_eq!(load(b"abcdefg", 0), None);
        assert_eq!(load(b"abcdefgh", 0), Some(u64::from_le_bytes(*b"abcdefgh")));
        assert_eq!(load(b"abcdefgh", usize::MAX), None);
    }
}
