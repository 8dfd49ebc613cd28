//! Plain-text articles (`.txt`, `.text`): an optional metadata header, then
//! a headline line, or prose whose first sentence makes the title.
//!
//! ```text
//! Title: Floods close roads across the north
//! Source: The Northern Courier
//! Date: June 28, 2025
//!
//! Rivers burst their banks overnight...
//! ```
//!
//! The header may also be the bare form `date 2025-06-28` at the very start,
//! with the body following on the same line.

use super::dates;
use super::draft::{Draft, Note, Parsed};
use super::title;

/// Which article field a header key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Title,
    Source,
    Date,
    Author,
    Url,
}

const KEYS: &[(&str, Key)] = &[
    ("title", Key::Title),
    ("headline", Key::Title),
    ("source", Key::Source),
    ("publisher", Key::Source),
    ("date", Key::Date),
    ("published", Key::Date),
    ("author", Key::Author),
    ("authors", Key::Author),
    ("by", Key::Author),
    ("byline", Key::Author),
    ("url", Key::Url),
    ("link", Key::Url),
];

/// Parse one plain-text article.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut draft = Draft::default();
    let rest = read_header(text, &mut draft);
    let rest = skip_blank_lines(rest);
    let (first, after_first) = split_first_line(rest);
    let body = match &draft.title {
        // A first line that repeats the header's title is not shown twice.
        Some(t) if title::headline_text(first).eq_ignore_ascii_case(&title::one_line(t)) => {
            skip_blank_lines(skip_underline(after_first))
        }
        Some(_) => rest,
        None => {
            // An underlined line stands alone like one before a blank line.
            let next = after_first.lines().next().filter(|n| !is_underline(n));
            if title::is_headline(first, next) {
                draft.title = Some(title::headline_text(first));
                skip_blank_lines(skip_underline(after_first))
            } else {
                rest
            }
        }
    };
    body.clone_into(&mut draft.body);
    Parsed {
        drafts: vec![draft],
        notes: Vec::<Note>::new(),
    }
}

/// Read the metadata header into `draft`; return the text after it.
fn read_header<'t>(text: &'t str, draft: &mut Draft) -> &'t str {
    let mut rest = skip_blank_lines(text);
    let mut in_header = false;
    if let Some((date, after)) = bare_date(rest) {
        draft.date = Some(date);
        let (line_rest, _) = split_first_line(after);
        if !line_rest.trim().is_empty() {
            // The body starts on the date's own line.
            return after.trim_start_matches([' ', '\t']);
        }
        rest = split_first_line(after).1;
        in_header = true;
    }
    loop {
        let (line, after) = split_first_line(rest);
        if line.trim().is_empty() {
            if in_header && !rest.is_empty() {
                rest = after;
            }
            return rest;
        }
        let Some((key, value)) = header_line(line) else {
            return rest;
        };
        in_header = true;
        rest = after;
        let value = Some(value.to_owned()).filter(|v| !v.is_empty());
        let slot = match key {
            Key::Title => &mut draft.title,
            Key::Source => &mut draft.source,
            Key::Date => &mut draft.date_text,
            Key::Author => &mut draft.author,
            Key::Url => &mut draft.url,
        };
        if slot.is_none() {
            *slot = value;
        }
    }
}

/// `Key: value` with a known key (any case); the value trimmed.
fn header_line(line: &str) -> Option<(Key, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    KEYS.iter()
        .find(|(name, _)| key.eq_ignore_ascii_case(name))
        .map(|&(_, k)| (k, value.trim()))
}

/// The bare `date 2025-06-28` form at the start of a text: the date, and
/// the text after it (possibly the rest of the same line).
fn bare_date(text: &str) -> Option<(chrono::NaiveDate, &str)> {
    let (line, _) = split_first_line(text);
    let lead = line.len() - line.trim_start().len();
    let word = line.get(lead..lead + 4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let after_word = text.get(lead + 4..)?;
    if !after_word.starts_with([' ', '\t']) {
        return None;
    }
    // The date is the longest run of up to four words that parses alone:
    // `2025-06-28`, `June 28, 2025`, `Saturday, June 28, 2025`.
    let line_rest = split_first_line(after_word).0;
    let ends = word_ends(line_rest, 4);
    ends.iter().rev().find_map(|&end| {
        let candidate = line_rest.get(..end)?;
        let date = dates::parse_exact(candidate)?;
        Some((date, after_word.get(end..)?))
    })
}

/// Byte offsets where each of the first `max` whitespace-separated words of
/// `s` ends.
fn word_ends(s: &str, max: usize) -> Vec<usize> {
    let mut ends = Vec::with_capacity(max);
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                ends.push(i);
                if ends.len() == max {
                    return ends;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word {
        ends.push(s.len());
    }
    ends
}

/// `(first line, everything after its line break)`.
fn split_first_line(s: &str) -> (&str, &str) {
    match s.split_once('\n') {
        Some((line, rest)) => (line, rest),
        None => (s, ""),
    }
}

fn skip_blank_lines(mut s: &str) -> &str {
    loop {
        let (line, rest) = split_first_line(s);
        if !line.trim().is_empty() || s.is_empty() {
            return s;
        }
        s = rest;
    }
}

/// Drop a `====` or `----` line under a headline.
fn skip_underline(s: &str) -> &str {
    let (line, rest) = split_first_line(s);
    if is_underline(line) { rest } else { s }
}

fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn one(text: &str) -> Draft {
        let parsed = parse(text);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        assert_eq!(parsed.drafts.len(), 1);
        parsed.drafts.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn header_fields_are_read_and_not_shown() {
        let d = one("Title: Floods close roads across the north\n\
                     Source: The Northern Courier\n\
                     Date: June 28, 2025\n\
                     Author: Ada Byrne\n\
                     URL: https://courier.example/floods?id=7\n\
                     \n\
                     Rivers burst their banks overnight.\n\nMore rain is due.\n");
        assert_eq!(
            d.title.as_deref(),
            Some("Floods close roads across the north")
        );
        assert_eq!(d.source.as_deref(), Some("The Northern Courier"));
        assert_eq!(d.date_text.as_deref(), Some("June 28, 2025"));
        assert_eq!(d.author.as_deref(), Some("Ada Byrne"));
        assert_eq!(
            d.url.as_deref(),
            Some("https://courier.example/floods?id=7")
        );
        assert_eq!(
            d.body,
            "Rivers burst their banks overnight.\n\nMore rain is due.\n"
        );
    }

    #[test]
    fn header_keys_are_case_insensitive_with_synonyms() {
        let d = one(
            "TITLE: Port strike ends\nby: Tom Okafor\nlink: https://x.example/p\nPUBLISHER: Harbour Daily\n\nDockers voted to return.",
        );
        assert_eq!(d.title.as_deref(), Some("Port strike ends"));
        assert_eq!(d.author.as_deref(), Some("Tom Okafor"));
        assert_eq!(d.url.as_deref(), Some("https://x.example/p"));
        assert_eq!(d.source.as_deref(), Some("Harbour Daily"));
        assert_eq!(d.body, "Dockers voted to return.");
    }

    #[test]
    fn header_ends_at_the_first_non_metadata_line() {
        let d = one("Source: Valley Post\nNote: this is prose, not metadata.\nMore prose here.");
        assert_eq!(d.source.as_deref(), Some("Valley Post"));
        assert_eq!(d.title, None);
        assert_eq!(
            d.body,
            "Note: this is prose, not metadata.\nMore prose here."
        );
    }

    #[test]
    fn header_title_wins_and_a_repeated_first_line_is_dropped() {
        let d = one("Title: Bridge reopens\n\nBridge reopens\n\nTraffic flowed again on Monday.");
        assert_eq!(d.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(d.body, "Traffic flowed again on Monday.");
        let d = one("Title: Bridge reopens\n\nCity Desk Update\n\nTraffic flowed again.");
        assert_eq!(d.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(d.body, "City Desk Update\n\nTraffic flowed again.");
    }

    #[test]
    fn bare_date_with_the_body_on_the_same_line() {
        let d = one(
            " date 2025-06-28 Gaza mediators are in talks with both sides over a new \
                     ceasefire plan, officials said on Saturday, as aid convoys waited at the \
                     crossing for a second day. Talks continue.\n\nMore follows.",
        );
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 6, 28));
        assert_eq!(d.title, None);
        assert!(
            d.body.starts_with("Gaza mediators are in talks"),
            "{}",
            d.body
        );
        assert!(d.body.ends_with("More follows."));
    }

    #[test]
    fn bare_date_on_its_own_line_then_header_and_headline() {
        let d = one(
            "date June 28, 2025\nSource: Coast Times\n\nStorm warning for the coast\n\nWinds of 90 km/h are expected.",
        );
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 6, 28));
        assert_eq!(d.source.as_deref(), Some("Coast Times"));
        assert_eq!(d.title.as_deref(), Some("Storm warning for the coast"));
        assert_eq!(d.body, "Winds of 90 km/h are expected.");
    }

    #[test]
    fn prose_starting_with_the_word_date_is_not_a_header() {
        let d = one("Date night ideas for the summer\n\nPicnics are back.");
        assert_eq!(d.date, None);
        assert_eq!(d.title.as_deref(), Some("Date night ideas for the summer"));
        let d = one("date   \nnothing");
        assert_eq!(d.date, None);
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        let d = one("\n\nCouncil approves new cycle lanes\n\nThe plan adds 40 km of lanes.\n");
        assert_eq!(d.title.as_deref(), Some("Council approves new cycle lanes"));
        assert_eq!(d.body, "The plan adds 40 km of lanes.\n");
    }

    #[test]
    fn an_underlined_headline_loses_its_underline() {
        let d = one(
            "Council approves cycle lanes\n============================\n\nThe plan adds lanes.",
        );
        assert_eq!(d.title.as_deref(), Some("Council approves cycle lanes"));
        assert_eq!(d.body, "The plan adds lanes.");
    }

    #[test]
    fn prose_keeps_its_first_line_and_gets_no_title_here() {
        let text = "The council met on Tuesday to discuss the budget. It agreed to delay.\nMore.";
        let d = one(text);
        assert_eq!(d.title, None);
        assert_eq!(d.body, text);
    }

    #[test]
    fn title_only_header() {
        let d = one("Title: Markets close higher\n");
        assert_eq!(d.title.as_deref(), Some("Markets close higher"));
        assert_eq!(d.body, "");
    }

    #[test]
    fn empty_values_are_missing_and_first_value_wins() {
        let d = one(
            "Author:\nAuthor: Ada Byrne\nAuthor: Someone Else\nTitle: Rail fares rise\n\nFrom Monday.",
        );
        assert_eq!(d.author.as_deref(), Some("Ada Byrne"));
        assert_eq!(d.title.as_deref(), Some("Rail fares rise"));
    }

    #[test]
    fn word_ends_counts_bytes_of_words() {
        assert_eq!(word_ends("June 28,  2025 Gaza x", 4), vec![4, 8, 14, 19]);
        assert_eq!(word_ends("é b", 4), vec![2, 4]);
        assert!(word_ends("   ", 4).is_empty());
    }
}
