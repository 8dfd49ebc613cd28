//! Eight ASCII bytes at a time: which are letters, digits, small letters
//! and capitals, worked out with a few word-wide additions instead of a
//! test per byte. The highlighter's tokenizer and the filter's body-word
//! cutter both read runs of letters and digits this way.

/// The high bit of each of eight bytes.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

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
pub(crate) fn classes(v: u64) -> (u64, u64, u64) {
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
pub(crate) fn before_first(stop: u64) -> u64 {
    stop.checked_sub(1).map_or(u64::MAX, |below| !stop & below)
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
    fn the_bytes_before_the_first_marked_one() {
        assert_eq!(before_first(0), u64::MAX);
        assert_eq!(before_first(0x80), 0x7f);
        assert_eq!(before_first(0x8000_0080_0000), 0x7f_ffff);
        assert_eq!(load(b"abcdefg", 0), None);
        assert_eq!(load(b"abcdefgh", 0), Some(u64::from_le_bytes(*b"abcdefgh")));
        assert_eq!(load(b"abcdefgh", usize::MAX), None);
    }
}
