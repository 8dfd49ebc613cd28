//! Text normalisation shared by the index, the query and body highlighting:
//! lowercasing, splitting text into words and numbers, and the keys under
//! which words and numbers are indexed.
//!
//! Everything that decides whether a body word matches goes through this
//! module, so the index (which sees bodies once, when they are added) and
//! [`super::FilterQuery::body_matches`] (which scans the open article) always
//! agree.

use std::ops::Range;

use crate::ascii8;

/// Longest key kept for a body word, in bytes. Longer words (URLs, hashes,
/// run-together junk) are indexed and compared by their first bytes only,
/// which keeps one pathological body from bloating the vocabulary.
pub(crate) const MAX_KEY_BYTES: usize = 48;

/// Lowercase one char to one char. `char::to_lowercase` maps a handful of
/// chars to two (`İ` to `i̇`); keeping only the first keeps char indices of a
/// lowercased field equal to those of the original, which is what the list
/// needs to highlight matched chars.
#[inline]
pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Lowercase char by char (see [`lower_char`]); ASCII fast path.
pub(crate) fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().map(lower_char).collect()
    }
}

/// Whether a body token is a word or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
}

/// One word or number of a text: its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

/// `.` or `,` between two ASCII digits joins them into one token
/// (`40,005`, `3.5`, `v2.0`).
#[inline]
fn is_joiner(c: char) -> bool {
    c == '.' || c == ','
}

/// The words and numbers of `text`, in order. A token is a maximal run of
/// alphanumeric chars, where a `.` or `,` between two ASCII digits belongs to
/// the run. Apostrophes, hyphens and other punctuation separate tokens
/// (`Japan's` gives `Japan` and `s`). A token is a number when it starts
/// with an ASCII digit and holds only ASCII digits and joiners.
pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

#[derive(Clone)]
pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Tokens<'_> {
    /// The char starting at byte `i` (a char boundary), if any.
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        // Bytes below 0x80 are whole ASCII chars; others are decoded.
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let start = loop {
            let b = *bytes.get(i)?;
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let c = self.char_at(i)?;
                if c.is_alphanumeric() {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        let mut numeric = bytes.get(start).is_some_and(u8::is_ascii_digit);
        let mut prev_digit = false;
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    prev_digit = b.is_ascii_digit();
                    numeric &= prev_digit;
                    end += 1;
                } else if (b == b'.' || b == b',')
                    && prev_digit
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    prev_digit = false;
                    end += 1;
                } else {
                    break;
                }
            } else {
                match self.char_at(end) {
                    Some(c) if c.is_alphanumeric() => {
                        numeric = false;
                        prev_digit = false;
                        end += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        self.pos = end.max(start + 1);
        Some(Token {
            range: start..end,
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        })
    }
}

/// Call `f` with the key of every word and number of `text`, in order:
/// what [`tokens`] and [`token_key`] give, in one pass over the bytes. A
/// token of ASCII chars only (nearly all of them in English news) is cut
/// here directly, and handed over as it is in the text when it has no
/// capital (most words) or lowercased into `key`; one holding any other
/// char goes the general way, its key written to `key`.
pub(crate) fn for_each_key(text: &str, key: &mut String, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        // Whether the token holds a letter, and a capital.
        let (mut letter, mut capital) = (false, false);
        let mut joined = false;
        let mut end = start;
        let mut ascii = true;
        loop {
            let run = ascii8::alnum_run(bytes, end);
            end = run.end;
            letter |= run.small || run.capital;
            capital |= run.capital;
            let Some(&c) = bytes.get(end) else { break };
            if (c == b'.' || c == b',')
                && end > start
                && bytes.get(end - 1).is_some_and(u8::is_ascii_digit)
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
                joined = true;
                end += 1;
            } else {
                ascii = c < 0x80;
                break;
            }
        }
        if !ascii {
            // A char past ASCII inside or before the token: the general
            // tokenizer from here, for one token.
            let mut rest = Tokens { text, pos: start };
            let Some(Token { range, kind }) = rest.next() else {
                break;
            };
            token_key(text.get(range).unwrap_or(""), kind, key);
            f(key);
            i = rest.pos;
            continue;
        }
        let token = text.get(start..end).unwrap_or("");
        let numeric = !letter;
        if numeric && joined {
            key.clear();
            number_key(token, key);
            truncate_key(key);
            f(key);
        } else if !capital && token.len() <= MAX_KEY_BYTES {
            f(token);
        } else {
            // ASCII: every byte is a char boundary.
            key.clear();
            key.push_str(token.get(..MAX_KEY_BYTES.min(token.len())).unwrap_or(""));
            key.make_ascii_lowercase();
            f(key);
        }
        i = end;
    }
}

/// Byte ranges of `text` where the words of `keys` (in order, each a
/// whole word or its start as its mode says) follow one another, punctuation between them aside: each range
/// runs from the first word's start to the last word's end. Linear in the
/// text's length for short phrases.
pub(crate) fn phrase_ranges(
    text: &str,
    keys: &[(String, super::query::Mode)],
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if keys.is_empty() {
        return out;
    }
    let toks: Vec<Token> = tokens(text).collect();
    let mut key = String::new();
    let mut matches_at = |k: usize, want: &str, mode: super::query::Mode| -> bool {
        let Some(t) = toks.get(k) else { return false };
        let Some(word) = text.get(t.range.clone()) else {
            return false;
        };
        token_key(word, t.kind, &mut key);
        mode.accepts(&key, want)
    };
    let mut i = 0;
    while i + keys.len() <= toks.len() {
        if keys
            .iter()
            .enumerate()
            .all(|(j, (want, mode))| matches_at(i + j, want, *mode))
        {
            let (first, last) = (&toks[i], &toks[i + keys.len() - 1]);
            out.push(first.range.start..last.range.end);
            i += keys.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Whether [`phrase_ranges`] would find anything: the words of `keys` one
/// after another somewhere in `text`. Stops at the first; a word that
/// cannot start the phrase (its first byte, lowercased, is ASCII and not
/// the first key's) is passed over without computing its key.
pub(crate) fn has_phrase(text: &str, keys: &[(String, super::query::Mode)]) -> bool {
    let Some(((first, first_mode), rest)) = keys.split_first() else {
        return false;
    };
    let first_mode = *first_mode;
    let initial = first.as_bytes().first().copied();
    let bytes = text.as_bytes();
    let mut key = String::new();
    let is = |t: &Token, want: &str, mode: super::query::Mode, key: &mut String| {
        let Some(word) = text.get(t.range.clone()) else {
            return false;
        };
        token_key(word, t.kind, key);
        mode.accepts(key, want)
    };
    let at = |pos: usize, key: &mut String| {
        let mut toks = Tokens { text, pos };
        keys.iter()
            .all(|(want, mode)| toks.next().is_some_and(|t| is(&t, want, *mode, key)))
    };
    // A phrase starting with an ASCII letter starts at that letter, in
    // either case, after a char that is not alphanumeric: find those
    // quickly rather than read every word. Only `İ` and the Kelvin sign
    // lowercase to ASCII (`i`, `k`); phrases starting with those take the
    // word-by-word way.
    if let Some(b) = initial
        && first_mode != super::query::Mode::Suffix
        && b.is_ascii_lowercase()
        && b != b'i'
        && b != b'k'
    {
        return memchr::memchr2_iter(b, b.to_ascii_uppercase(), bytes).any(|pos| {
            let before = text.get(..pos).and_then(|s| s.chars().next_back());
            !before.is_some_and(char::is_alphanumeric) && at(pos, &mut key)
        });
    }
    let mut toks = tokens(text);
    while let Some(t) = toks.next() {
        if let (Some(want), Some(&b)) = (initial, bytes.get(t.range.start))
            && b < 0x80
            && b.to_ascii_lowercase() != want
        {
            continue;
        }
        if !is(&t, first, first_mode, &mut key) {
            continue;
        }
        let mut after = toks.clone();
        if rest
            .iter()
            .all(|(want, mode)| after.next().is_some_and(|t| is(&t, want, *mode, &mut key)))
        {
            return true;
        }
    }
    false
}

/// Truncate `s` to at most [`MAX_KEY_BYTES`], on a char boundary.
pub(crate) fn truncate_key(s: &mut String) {
    if s.len() > MAX_KEY_BYTES {
        let mut cut = MAX_KEY_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
}

/// The key of one token of `text` into `out` (cleared first): a word
/// lowercased, a number normalised by [`number_key`]; both truncated to
/// [`MAX_KEY_BYTES`].
pub(crate) fn token_key(token_text: &str, kind: TokenKind, out: &mut String) {
    out.clear();
    match kind {
        TokenKind::Word => {
            if token_text.is_ascii() {
                out.push_str(token_text);
                out.make_ascii_lowercase();
            } else {
                out.extend(token_text.chars().map(lower_char));
            }
        }
        TokenKind::Number => number_key(token_text, out),
    }
    truncate_key(out);
}

/// The key of a number, so that the ways of writing one number agree:
///
/// - thousands separators are dropped: `40,005`, `40.005` and `40005` all
///   give `40005` (a first group of 1 to 3 digits, then groups of exactly
///   three, all after the same separator);
/// - a decimal separator becomes `.`: `4,5` and `4.5` give `4.5`. The last
///   separator is decimal when it differs from the earlier ones
///   (`1,234.56`, `1.234,56` give `1234.56`), or when it is the only one and
///   the digits after it are not exactly three, or the number starts with `0`
///   (`0,125`);
/// - anything else keeps its groups, joined by `.` (`12.05.2024`, `1.2.3`).
///
/// A lone separator with exactly three digits after it is read as a
/// thousands separator (`3.141` gives `3141`): news writes large counts far
/// more often than three-decimal fractions.
///
/// `run` holds ASCII digits and `.`/`,` only; a trailing separator is
/// ignored (`40,` is `40`).
pub(crate) fn number_key(run: &str, out: &mut String) {
    let run = run.trim_end_matches(is_joiner);
    let (Some(first_at), Some(last_at)) = (run.find(is_joiner), run.rfind(is_joiner)) else {
        out.push_str(run);
        return;
    };
    // Joiners are ASCII: one byte each.
    let sep_at = |i: usize| char::from(run.as_bytes().get(i).copied().unwrap_or(b'.'));
    let (first_sep, last_sep) = (sep_at(first_at), sep_at(last_at));
    let first_group = run.get(..first_at).unwrap_or("");
    let last_group = run.get(last_at + 1..).unwrap_or("");
    let decimal = if first_at == last_at {
        last_group.len() != 3 || first_group.starts_with('0')
    } else {
        last_sep != first_sep
    };
    let int = if decimal {
        run.get(..last_at).unwrap_or("")
    } else {
        run
    };
    let mut groups = int.split(is_joiner);
    let grouped = groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.all(|g| g.len() == 3)
        && int
            .chars()
            .filter(|&c| is_joiner(c))
            .all(|c| c == first_sep);
    for (i, g) in int.split(is_joiner).enumerate() {
        if i > 0 && !grouped {
            out.push('.');
        }
        out.push_str(g);
    }
    if decimal {
        out.push('.');
        out.push_str(last_group);
    }
}

/// Whether `text` is a number term: ASCII digits, optionally with single
/// `.` or `,` between them (a trailing one is allowed while typing).
pub(crate) fn is_number_text(text: &str) -> bool {
    let body = text.strip_suffix(is_joiner).unwrap_or(text);
    !body.is_empty()
        && body
            .split(is_joiner)
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Maximal runs of ASCII digits (with joiners between digits) in `chars`,
/// as char-index ranges. Letters around a run do not matter: `G40` holds
/// the run `40`.
pub(crate) fn digit_runs(chars: &[char]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            i += 1;
            while i < chars.len() {
                let c = chars[i];
                if c.is_ascii_digit() {
                    i += 1;
                } else if is_joiner(c) && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                    i += 2;
                } else {
                    break;
                }
            }
            runs.push(start..i);
        } else {
            i += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The token rule spelled out char by char, to check the byte-level
    /// tokenizer against.
    fn reference(text: &str) -> Vec<(Range<usize>, TokenKind)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].1.is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            let mut numeric = chars[i].1.is_ascii_digit();
            i += 1;
            while i < chars.len() {
                let c = chars[i].1;
                let joins = is_joiner(c)
                    && chars[i - 1].1.is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit());
                if c.is_alphanumeric() {
                    numeric &= c.is_ascii_digit();
                } else if !joins {
                    break;
                }
                i += 1;
            }
            let end = chars.get(i).map_or(text.len(), |c| c.0);
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push((chars[start].0..end, kind));
        }
        out
    }

    /// [`number_key`] as first written, with lists of groups and
    /// separators: the reference the allocation-free one is checked against.
    fn number_key_by_lists(run: &str, out: &mut String) {
        let run = run.trim_end_matches(is_joiner);
        let groups: Vec<&str> = run.split(is_joiner).collect();
        let seps: Vec<char> = run.chars().filter(|&c| is_joiner(c)).collect();
        let (Some(&first_sep), Some(&last_sep)) = (seps.first(), seps.last()) else {
            out.push_str(run);
            return;
        };
        let first_group = groups.first().copied().unwrap_or("");
        let last_group = groups.last().copied().unwrap_or("");
        let decimal = if seps.len() >= 2 {
            last_sep != first_sep
        } else {
            last_group.len() != 3 || first_group.starts_with('0')
        };
        let int_groups = if decimal {
            &groups[..groups.len() - 1]
        } else {
            &groups[..]
        };
        let int_seps = if decimal {
            &seps[..seps.len() - 1]
        } else {
            &seps[..]
        };
        let grouped = int_groups
            .first()
            .is_some_and(|g| (1..=3).contains(&g.len()))
            && int_groups.iter().skip(1).all(|g| g.len() == 3)
            && int_seps.iter().all(|&s| s == first_sep);
        for (i, g) in int_groups.iter().enumerate() {
            if i > 0 && !grouped {
                out.push('.');
            }
            out.push_str(g);
        }
        if decimal {
            out.push('.');
            out.push_str(last_group);
        }
    }

    /// Every key of `text` the slow way: tokens, then their keys.
    fn keys_by_token(text: &str) -> Vec<String> {
        let mut key = String::new();
        tokens(text)
            .map(|t| {
                token_key(&text[t.range], t.kind, &mut key);
                key.clone()
            })
            .collect()
    }

    fn keys_in_one_pass(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_key(text, &mut String::new(), |k| out.push(k.to_string()));
        out
    }

    #[test]
    fn one_pass_keys_agree_with_the_tokens() {
        let long = "x".repeat(60);
        let long_capitals = format!("{} {}", "Xy".repeat(30), "9".repeat(30));
        for text in [
            "",
            "The Ceasefire held; 40,005 people (3.5%) in v2.0 at 12.05.2024.",
            "Zürich’s café—naïve “quotes” and İstanbul KELVIN \u{212a}",
            "ends with a joiner 40, and 7. and .5 and 1,2,3,4",
            "東京 2024年 abc東def 5é 12.3é",
            long.as_str(),
            long_capitals.as_str(),
            "Mixed CASE words, CIA and U.S. 7B 3b",
            "123456789012345678901234567890123456789012345678901234567890",
            "1,234,567,890,123,456,789,012,345,678,901,234,567,890,123",
        ] {
            assert_eq!(keys_in_one_pass(text), keys_by_token(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn tokenizer_follows_the_rule(text in "[a-z0-9 ,.'é東İ\\-]{0,40}|\\PC{0,40}") {
            let got: Vec<_> = tokens(&text).map(|t| (t.range, t.kind)).collect();
            prop_assert_eq!(got, reference(&text));
        }

        #[test]
        fn number_keys_follow_the_reference(run in "[0-9.,]{0,16}") {
            let (mut fast, mut slow) = (String::new(), String::new());
            number_key(&run, &mut fast);
            number_key_by_lists(&run, &mut slow);
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn one_pass_keys_follow_the_tokens(
            text in "[a-zA-Z0-9 ,.'é東İ\\-]{0,60}|[a-zA-Z0-9]{6,30}[ ,.]?[A-Z0-9.,]{0,20}|\\PC{0,60}"
        ) {
            prop_assert_eq!(keys_in_one_pass(&text), keys_by_token(&text));
        }

        #[test]
        fn has_phrase_agrees_with_phrase_ranges(
            text in "[abAB0-9 ,.'İé\\-]{0,40}",
            phrase in "[abİ0-9 ]{1,8}",
            open in proptest::bool::ANY,
        ) {
            use super::super::query::Mode;
            let mut keys: Vec<(String, Mode)> = tokens(&phrase)
                .map(|t| {
                    let mut k = String::new();
                    token_key(&phrase[t.range], t.kind, &mut k);
                    (k, Mode::Whole)
                })
                .collect();
            if open && let Some(last) = keys.last_mut() {
                last.1 = Mode::Prefix;
            }
            prop_assert_eq!(has_phrase(&text, &keys), !phrase_ranges(&text, &keys).is_empty());
        }
    }

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text).map(|t| (&text[t.range], t.kind)).collect()
    }

    fn key(run: &str) -> String {
        let mut out = String::new();
        number_key(run, &mut out);
        out
    }

    #[test]
    fn tokens_split_words_and_keep_numbers_whole() {
        use TokenKind::{Number, Word};
        assert_eq!(
            words("Japan's 40,005 troops; v2.0 (3.5%) ended."),
            vec![
                ("Japan", Word),
                ("s", Word),
                ("40,005", Number),
                ("troops", Word),
                ("v2.0", Word),
                ("3.5", Number),
                ("ended", Word),
            ]
        );
        assert_eq!(
            words("COVID-19 in 1990s, 12.05.2024."),
            vec![
                ("COVID", Word),
                ("19", Number),
                ("in", Word),
                ("1990s", Word),
                ("12.05.2024", Number),
            ]
        );
    }

    #[test]
    fn tokens_handle_multibyte_text_and_edges() {
        use TokenKind::Word;
        assert_eq!(
            words("«Zürich»—São Paulo, 東京!"),
            vec![
                ("Zürich", Word),
                ("São", Word),
                ("Paulo", Word),
                ("東京", Word)
            ]
        );
        assert!(words("").is_empty());
        assert!(words(" ,.;—").is_empty());
        assert_eq!(words("5,"), vec![("5", TokenKind::Number)]);
        assert_eq!(words(",5"), vec![("5", TokenKind::Number)]);
    }

    #[test]
    fn number_keys_agree_across_notations() {
        assert_eq!(key("40,005"), "40005");
        assert_eq!(key("40.005"), "40005");
        assert_eq!(key("40005"), "40005");
        assert_eq!(key("1,234,567"), "1234567");
        assert_eq!(key("4.5"), "4.5");
        assert_eq!(key("4,5"), "4.5");
        assert_eq!(key("1,234.56"), "1234.56");
        assert_eq!(key("1.234,56"), "1234.56");
        assert_eq!(key("0,125"), "0.125");
        assert_eq!(key("12.05.2024"), "12.05.2024");
        assert_eq!(key("1.2.3"), "1.2.3");
        assert_eq!(key("40,"), "40");
        assert_ne!(key("400"), key("40"));
    }

    #[test]
    fn number_text_detection() {
        assert!(is_number_text("40005"));
        assert!(is_number_text("40,005"));
        assert!(is_number_text("40,"));
        assert!(!is_number_text("40,,5"));
        assert!(!is_number_text(",40"));
        assert!(!is_number_text("40k"));
        assert!(!is_number_text(""));
    }

    #[test]
    fn digit_runs_ignore_letters_around() {
        let chars: Vec<char> = "g40 took 40,005, not 4.".chars().collect();
        let runs: Vec<String> = digit_runs(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect();
        assert_eq!(runs, vec!["40", "40,005", "4"]);
    }

    #[test]
    fn phrases_are_found_word_after_word() {
        use super::super::query::Mode;
        let keys = |s: &str| -> Vec<(String, Mode)> {
            s.split(' ').map(|w| (w.to_string(), Mode::Whole)).collect()
        };
        let text = "Ceasefire talks resumed; the ceasefire, talks said. Ceasefire-talks! talk";
        let found: Vec<&str> = phrase_ranges(text, &keys("ceasefire talks"))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            ["Ceasefire talks", "ceasefire, talks", "Ceasefire-talks"]
        );
        assert!(phrase_ranges(text, &keys("talks ceasefire")).is_empty());
        assert!(phrase_ranges(text, &keys("talk ceasefire")).is_empty());
        // The last word of a phrase still being typed is a word's start.
        let typing = vec![
            ("ceasefire".to_string(), Mode::Whole),
            ("tal".to_string(), Mode::Prefix),
        ];
        assert_eq!(phrase_ranges(text, &typing).len(), 3);
        assert!(has_phrase("Ceasefire talks", &typing));
        assert!(!has_phrase("Ceasefire at talks", &typing));
        assert!(phrase_ranges(text, &keys("ceasefire tal")).is_empty());
        assert!(phrase_ranges("", &keys("a b")).is_empty());
        assert!(phrase_ranges(text, &[]).is_empty());
        for (t, k) in [
            (text, "ceasefire talks"),
            (text, "talk"),
            (text, "said ceasefire talks"),
            ("Zürich İstanbul 40,005 ships", "zürich istanbul 40005"),
            ("a a a b", "a a b"),
            ("İstanbul talks", "istanbul talks"),
            ("\u{212a}iev talks", "kiev talks"),
            ("CEASEFIRE Talks", "ceasefire talks"),
            ("x,ab c", "ab c"),
            ("éa b; ab c", "ab c"),
        ] {
            assert!(has_phrase(t, &keys(k)), "{k} in {t}");
        }
        for (t, k) in [
            (text, "talks ceasefire"),
            (text, "talk ceasefire"),
            ("a b", "b a"),
            ("éa b", "a b"),
            ("ceasefires talks", "ceasefire talks"),
            ("", "a b"),
        ] {
            assert!(!has_phrase(t, &keys(k)), "{k} in {t}");
        }
        assert!(!has_phrase(text, &[]));
    }

    #[test]
    fn lowercasing_keeps_char_counts() {
        let s = "İstanbul ÉTÉ Σ";
        let lower = lowercase(s);
        assert_eq!(lower.chars().count(), s.chars().count());
        assert_eq!(lower, "istanbul été σ");
        let mut long = "x".repeat(60);
        long.push('é');
        let mut k = String::new();
        token_key(&long, TokenKind::Word, &mut k);
        assert_eq!(k.len(), MAX_KEY_BYTES);
        let mut wide = "é".repeat(30);
        truncate_key(&mut wide);
        assert!(wide.len() <= MAX_KEY_BYTES && wide.chars().all(|c| c == 'é'));
    }
}
