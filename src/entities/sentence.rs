//! The sentence around a mention, found by looking a few hundred bytes
//! either side of it: cheap enough to compute for every line of a mentions
//! list when it is shown, so nothing about sentences is stored.

use std::ops::Range;

/// How far either side of a mention a sentence is looked for, in bytes;
/// longer sentences are cut at a space near this distance.
pub const REACH: usize = 280;

/// The byte range of the sentence of `text` that holds `mention`: from just
/// after the previous sentence end (a `.`, `!` or `?`, with any closing
/// quotes, before white space and a word that is not lowercase; or a line
/// break) to the end of this one, trimmed. A period after an initial or a
/// listed abbreviation (`Mr.`, `U.S.`, `Jan.`) does not end a sentence.
/// At most [`REACH`] bytes are looked at either side. Out-of-range or
/// misaligned mentions give an empty range at the nearest valid offset.
pub fn sentence_around(text: &str, mention: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    around(
        text,
        mention,
        |lo, upto| {
            let window = bytes.get(lo..upto).unwrap_or(&[]);
            window
                .iter()
                .enumerate()
                .rev()
                .filter(|&(_, &b)| is_stop(b))
                .map(move |(i, _)| (lo + i, stop_at(text, lo + i)))
        },
        |from, hi| {
            let window = bytes.get(from..hi).unwrap_or(&[]);
            window
                .iter()
                .enumerate()
                .filter(|&(_, &b)| is_stop(b))
                .map(move |(i, _)| (from + i, stop_at(text, from + i)))
        },
    )
}

/// What a byte that [`is_stop`] takes does to a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// A line break: the line ends here.
    Line,
    /// A sentence ends; the next one may start at this offset.
    End(usize),
    /// Not an end (an abbreviation's period, a decimal point).
    Not,
}

/// The [`Stop`] at byte `p`, which [`is_stop`] takes.
fn stop_at(text: &str, p: usize) -> Stop {
    match text.as_bytes().get(p) {
        Some(b'\n' | b'\r') => Stop::Line,
        _ => sentence_end_at(text, p).map_or(Stop::Not, Stop::End),
    }
}

/// [`sentence_around`] for many mentions of one text: the bytes that may
/// end a sentence are found once, and whether each ends one is worked out
/// the first time a mention asks, not again for every mention.
pub struct Sentences<'t> {
    text: &'t str,
    /// Offsets of the bytes [`is_stop`] takes, ascending.
    stops: Vec<usize>,
    /// What each of `stops` does, once asked.
    seen: Vec<std::cell::Cell<Option<Stop>>>,
    /// Where the last mention's search began among `stops`: mentions are
    /// mostly asked about in order, so the next search walks on from here.
    from: std::cell::Cell<usize>,
}

impl<'t> Sentences<'t> {
    pub fn new(text: &'t str) -> Self {
        // The ends of sentences and of lines, each found by memchr, merged
        // in order.
        let bytes = text.as_bytes();
        let mut ends = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
        let mut lines = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
        let mut stops = Vec::new();
        loop {
            let next = match (ends.peek(), lines.peek()) {
                (Some(&e), Some(&l)) if e < l => ends.next(),
                (Some(_) | None, Some(_)) => lines.next(),
                (Some(_), None) => ends.next(),
                (None, None) => break,
            };
            stops.extend(next);
        }
        let seen = vec![std::cell::Cell::new(None); stops.len()];
        Self {
            text,
            stops,
            seen,
            from: std::cell::Cell::new(0),
        }
    }

    /// The number of stops before offset `p`: walked to from `hint` when
    /// that falls at most a few stops short (mentions asked in order),
    /// else searched for.
    fn count_before(&self, p: usize, hint: usize) -> usize {
        let stops = &self.stops;
        let mut k = hint.min(stops.len());
        if k > 0 && stops.get(k - 1).is_some_and(|&s| s >= p) {
            return stops
                .get(..k)
                .map_or(0, |head| head.partition_point(|&s| s < p));
        }
        for _ in 0..8 {
            match stops.get(k) {
                Some(&s) if s < p => k += 1,
                _ => return k,
            }
        }
        k + stops
            .get(k..)
            .map_or(0, |tail| tail.partition_point(|&s| s < p))
    }

    /// The same as [`sentence_around`] of this text.
    pub fn around(&self, mention: Range<usize>) -> Range<usize> {
        let (text, stops, seen) = (self.text, &self.stops, &self.seen);
        let between = |lo: usize, hi: usize| {
            let a = self.count_before(lo, self.from.get());
            let b = self.count_before(hi, a).max(a);
            a..b
        };
        let stop = move |k: usize| {
            let p = stops.get(k).copied().unwrap_or(0);
            let cell = seen.get(k);
            let known = cell.and_then(std::cell::Cell::get);
            let stop = known.unwrap_or_else(|| stop_at(text, p));
            if let Some(cell) = cell {
                cell.set(Some(stop));
            }
            (p, stop)
        };
        around(
            text,
            mention,
            |lo, upto| {
                let stops = between(lo, upto);
                // the next mention's search starts where this one's did
                self.from.set(stops.start);
                stops.rev().map(stop)
            },
            |from, hi| between(from, hi).map(stop),
        )
    }
}

/// The sentence around `mention`, given the stops in a range of offsets:
/// `before(lo, upto)` those in `lo..upto` from the last, `after(from, hi)`
/// those in `from..hi` from the first, each with its [`Stop`].
fn around<B, A>(
    text: &str,
    mention: Range<usize>,
    before: impl Fn(usize, usize) -> B,
    after: impl Fn(usize, usize) -> A,
) -> Range<usize>
where
    B: Iterator<Item = (usize, Stop)>,
    A: Iterator<Item = (usize, Stop)>,
{
    let mut start = mention.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = mention.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let from = back_to_boundary(text, start, before);
    let to = forward_to_boundary(text, end, after);
    let slice = text.get(from..to).unwrap_or("");
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (a, b) = (from + lead, to - trail);
    if a <= b { a..b } else { start..start }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Bytes that may end a sentence or a line. The search looks for these
/// bytes only (UTF-8 continuation bytes never equal them), which keeps it
/// fast enough to run for every mention of a much-mentioned name.
fn is_stop(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r')
}

fn back_to_boundary<I: Iterator<Item = (usize, Stop)>>(
    text: &str,
    start: usize,
    stops: impl Fn(usize, usize) -> I,
) -> usize {
    let lo = floor_boundary(text, start.saturating_sub(REACH));
    for (p, stop) in stops(lo, start) {
        match stop {
            Stop::Line => return p + 1,
            Stop::End(after) if after <= start => return after,
            Stop::End(_) | Stop::Not => {}
        }
    }
    if lo == 0 {
        return 0;
    }
    // Cut inside a long sentence: start at a word.
    let window = text.get(lo..start).unwrap_or("");
    window.find(' ').map_or(lo, |i| lo + i + 1)
}

fn forward_to_boundary<I: Iterator<Item = (usize, Stop)>>(
    text: &str,
    end: usize,
    stops: impl Fn(usize, usize) -> I,
) -> usize {
    let hi = floor_boundary(text, end + REACH);
    for (p, stop) in stops(end, hi) {
        match stop {
            Stop::Line => return p,
            Stop::End(after) => return after,
            Stop::Not => {}
        }
    }
    if hi == text.len() {
        return hi;
    }
    let window = text.get(end..hi).unwrap_or("");
    window.rfind(' ').map_or(hi, |i| end + i)
}

/// When the `.`, `!` or `?` at byte `p` ends a sentence, the offset just
/// past it and any closing quotes or brackets. It does when white space (or
/// the end) follows, the next word is not lowercase, and for a period, the
/// word before it is not an initial or a listed abbreviation.
fn sentence_end_at(text: &str, p: usize) -> Option<usize> {
    let stop = *text.as_bytes().get(p)?;
    let mut after = p + 1;
    while let Some(c) = text.get(after..).and_then(|r| r.chars().next()) {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            after += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = text.get(after..)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) || lower_follows(rest) {
        return None;
    }
    if stop == b'.' && abbreviation_before(text.get(..p)?) {
        return None;
    }
    Some(after)
}

/// Whether the word that ends `before` is an initial (`J`, the `S` of
/// `U.S`) or a listed abbreviation.
fn abbreviation_before(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    is_abbreviation(word)
}

/// Whether `word`, in any case, ends in a period without ending a
/// sentence: `Mr`, `Gen`, `Jan`, `etc`. One comparison by length and bytes
/// rather than one per listed word: a text asks for every period it has.
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 6];
    let Some(slot) = buf.get_mut(..word.len()) else {
        return false;
    };
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    matches!(
        &*slot,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"st"
            | b"jr"
            | b"sr"
            | b"gen"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"lt"
            | b"col"
            | b"sgt"
            | b"capt"
            | b"cmdr"
            | b"adm"
            | b"maj"
            | b"prof"
            | b"rev"
            | b"hon"
            | b"no"
            | b"nos"
            | b"vs"
            | b"v"
            | b"etc"
            | b"inc"
            | b"ltd"
            | b"co"
            | b"corp"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"approx"
            | b"est"
            | b"fig"
            | b"mt"
            | b"ft"
            | b"pp"
    )
}

/// Whether the next word after white space starts with a lowercase letter.
fn lower_follows(after: &str) -> bool {
    after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_of<'a>(text: &'a str, word: &str) -> &'a str {
        let at = text.find(word).unwrap_or(0);
        &text[sentence_around(text, at..at + word.len())]
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_abbreviations() {
        let text = "Talks failed. Mr. Blair met the U.S. envoy on Jan. 3 in London! \
                    \"It went well,\" he said. Then Brown left.";
        assert_eq!(
            sentence_of(text, "Blair"),
            "Mr. Blair met the U.S. envoy on Jan. 3 in London!"
        );
        assert_eq!(sentence_of(text, "Talks"), "Talks failed.");
        assert_eq!(sentence_of(text, "well"), "\"It went well,\" he said.");
        assert_eq!(sentence_of(text, "Brown"), "Then Brown left.");
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence_and_lines_break_sentences() {
        let text = "He said: “We will win.” Smith agreed\nHeadline Smith\n\nBody.";
        assert_eq!(sentence_of(text, "win"), "He said: “We will win.”");
        assert_eq!(sentence_of(text, "agreed"), "Smith agreed");
        assert_eq!(sentence_of(text, "Headline"), "Headline Smith");
        assert_eq!(sentence_of(text, "Body"), "Body.");
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_near_the_reach() {
        let filler = "word ".repeat(200);
        let text = format!("{filler}Blair {filler}");
        let s = sentence_of(&text, "Blair");
        assert!(s.len() <= 2 * REACH + 5, "{}", s.len());
        assert!(s.contains("Blair"));
        assert!(s.starts_with("word") && s.ends_with("word"));
    }

    #[test]
    fn sentences_found_once_give_what_each_search_gives() {
        let long = format!("{} Blair. {}", "word ".repeat(90), "more ".repeat(90));
        let texts = [
            "Talks failed. Mr. Blair met the U.S. envoy on Jan. 3 in London! \
             \"It went well,\" he said. Then Brown left.",
            "He said: “We will win.” Smith agreed\nHeadline Smith\n\nBody.",
            "Zürich é. Ça va? Oui. no.\r\nA.B. c! D",
            long.as_str(),
            "",
        ];
        for text in texts {
            let sentences = Sentences::new(text);
            for a in (0..=text.len() + 2).step_by(3) {
                for b in (a..=text.len() + 3).step_by(5) {
                    assert_eq!(
                        sentences.around(a..b),
                        sentence_around(text, a..b),
                        "{a}..{b} of {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn abbreviations_are_known_in_any_case_and_nothing_longer() {
        for word in ["Mr", "MRS", "gen", "Sept", "approx", "v", "Jan", "etc"] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in ["", "said", "Mrs.", "Ms.", "approxi", "January", "é", "Mé"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn stops_are_every_sentence_and_line_end_in_order() {
        for text in [
            "",
            "a.b!c?d\ne\r\nf",
            "...\n\n!?",
            "no stops",
            "Zürich. é\r",
        ] {
            let expected: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| is_stop(b))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(Sentences::new(text).stops, expected, "{text:?}");
        }
    }

    #[test]
    fn odd_ranges_do_not_panic() {
        let text = "Zürich é. Ça va?";
        for a in 0..=text.len() + 2 {
            for b in a..=text.len() + 3 {
                let r = sentence_around(text, a..b);
                assert!(r.start <= r.end && r.end <= text.len());
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
        assert_eq!(sentence_around("", 0..0), 0..0);
    }
}
