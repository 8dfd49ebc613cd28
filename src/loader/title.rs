//! Titles: telling a headline from a first line of prose, and making a title
//! from the first sentence of a body that has none.

/// A first line longer than this is prose, not a headline.
pub(crate) const MAX_HEADLINE_CHARS: usize = 150;
/// A title made from a sentence is cut (at a word) to about this length.
const MAX_MADE_TITLE_CHARS: usize = 100;
/// How much of the body is looked at to find the first sentence.
const SENTENCE_SCAN_BYTES: usize = 2048;

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "rev", "hon", "st", "mt", "ft", "jr", "sr", "inc", "ltd", "co", "corp", "no",
    "nos", "vs", "approx", "est", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "fig", "vol", "pp",
];

/// Characters that may close a quotation or aside right after a full stop.
const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}'];

/// Runs of whitespace (line breaks included) become one space; ends trimmed.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `line`, the first line of a text, is its headline. `next` is the
/// line after it, if any: a headline stands alone (a blank line follows) or
/// is clearly one (title case, capitals, or a short line before a paragraph).
pub(crate) fn is_headline(line: &str, next: Option<&str>) -> bool {
    let t = strip_heading_marks(line.trim());
    let chars = t.chars().count();
    if chars == 0 || chars > MAX_HEADLINE_CHARS || !t.chars().any(char::is_alphanumeric) {
        return false;
    }
    // A line that stops mid-phrase or on a full stop is prose.
    if t.ends_with([',', ';', ':', '-', '\u{2013}', '\u{2014}', '(']) {
        return false;
    }
    if t.ends_with('.') && !ends_with_dotted_abbreviation(t) {
        return false;
    }
    let Some(next) = next.map(str::trim).filter(|n| !n.is_empty()) else {
        return true;
    };
    if is_title_case(t) || is_all_caps(t) {
        return true;
    }
    // Hard-wrapped prose fills its first line as much as the next one; a
    // headline set directly above its first paragraph is clearly shorter.
    let starts_sentence = next.starts_with(|c: char| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'')
    });
    starts_sentence && chars * 4 <= next.chars().count() * 3
}

/// The headline text of a first line: heading marks (`# `) dropped, spaces
/// collapsed.
pub(crate) fn headline_text(line: &str) -> String {
    one_line(strip_heading_marks(line.trim()))
}

fn strip_heading_marks(t: &str) -> &str {
    let stripped = t.trim_start_matches('#');
    if stripped.len() != t.len() && stripped.starts_with(' ') {
        stripped.trim_start()
    } else {
        t
    }
}

/// A title made from the first sentence of `body`, cut at a word boundary
/// with an ellipsis when it is long; `None` if the body has no words.
pub(crate) fn from_body(body: &str) -> Option<String> {
    let paragraph = unlinked(&first_paragraph(body));
    let sentence = first_sentence(&paragraph);
    if !sentence.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(shorten(sentence))
}

/// Links written as text keep only their words: `[The Other One][1]` (as
/// feed HTML is made readable) and `[site](https://…)` (Markdown).
fn unlinked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let (words, tail) = (&after[..close], &after[close + 1..]);
        let reference = tail
            .strip_prefix('[')
            .and_then(|t| t.find(']').map(|e| (&t[..e], &t[e + 1..])))
            .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let inline = tail
            .strip_prefix('(')
            .and_then(|t| t.find(')').map(|e| (&t[..e], &t[e + 1..])))
            .filter(|(url, _)| !url.contains(' '));
        match reference.or(inline) {
            Some((_, next)) if !words.contains('[') => {
                out.push_str(words);
                rest = next;
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first paragraph with words in it, on one line, markup at line starts
/// (headings, quotes, bullets) dropped; at most about [`SENTENCE_SCAN_BYTES`].
fn first_paragraph(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let text = strip_line_markup(line);
        if !text.chars().any(char::is_alphanumeric) {
            if out.is_empty() {
                continue;
            }
            if line.trim().is_empty() {
                break;
            }
        }
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        if out.len() >= SENTENCE_SCAN_BYTES {
            break;
        }
    }
    out
}

fn strip_line_markup(line: &str) -> &str {
    let mut t = line.trim();
    loop {
        let before = t.len();
        t = t.trim_start_matches(['#', '>']).trim_start();
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = t.strip_prefix(bullet) {
                t = rest.trim_start();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// The first sentence of a one-line text (or all of it): ends at `.`, `!`,
/// `?` or `…` followed by a space and a word that does not start lowercase,
/// not after an abbreviation or initial.
fn first_sentence(s: &str) -> &str {
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            continue;
        }
        let after = s.get(i + c.len_utf8()..).unwrap_or("");
        let after_closers = after.trim_start_matches(CLOSERS);
        let end = s.len() - after_closers.len();
        if after_closers.is_empty() {
            return s;
        }
        if !after_closers.starts_with(char::is_whitespace) {
            continue;
        }
        if c == '.' && is_abbreviation(last_word(s.get(..i).unwrap_or(""))) {
            continue;
        }
        if after_closers.trim_start().starts_with(char::is_lowercase) {
            continue;
        }
        return s.get(..end).unwrap_or(s);
    }
    s
}

fn last_word(s: &str) -> &str {
    s.rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['"', '\'', '(', '[', '\u{201c}', '\u{2018}'])
}

/// `J` (an initial), `U.S` (dotted), or a listed abbreviation like `Dr`.
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_alphabetic(),
        _ => word.contains('.') || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a)),
    }
}

fn ends_with_dotted_abbreviation(t: &str) -> bool {
    let word = last_word(t.strip_suffix('.').unwrap_or(t));
    word.contains('.') && !word.ends_with('.')
}

/// Cut a sentence to a title: at most about [`MAX_MADE_TITLE_CHARS`], at a
/// word boundary, with `…` when cut; a final full stop dropped.
fn shorten(sentence: &str) -> String {
    let sentence = sentence.trim();
    if let Some((cut_at, _)) = sentence.char_indices().nth(MAX_MADE_TITLE_CHARS) {
        let head = sentence.get(..cut_at).unwrap_or(sentence);
        let head = match head.rfind(char::is_whitespace) {
            Some(space) if space >= head.len() / 2 => head.get(..space).unwrap_or(head),
            _ => head,
        };
        let head = head.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '.')
        });
        return format!("{head}\u{2026}");
    }
    match sentence.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') && !ends_with_dotted_abbreviation(sentence) => {
            rest.to_owned()
        }
        _ => sentence.to_owned(),
    }
}

fn is_title_case(t: &str) -> bool {
    let significant: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().count() > 3 && w.starts_with(char::is_alphabetic))
        .collect();
    if significant.len() < 2 {
        return false;
    }
    let capitalised = significant
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    capitalised * 4 >= significant.len() * 3
}

fn is_all_caps(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && t.split_whitespace().count() >= 2 && !t.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_from_the_body_keeps_the_words_of_its_links() {
        assert_eq!(
            from_body("[The Other One][1], live instrumental.\n\n[1]: http://x.test/").as_deref(),
            Some("The Other One, live instrumental")
        );
        assert_eq!(
            from_body("See [the port](https://port.test/a) today. More.").as_deref(),
            Some("See the port today")
        );
        assert_eq!(
            from_body("A [bracket] stays.").as_deref(),
            Some("A [bracket] stays")
        );
    }

    use super::*;

    #[test]
    fn one_line_collapses_breaks_and_spaces() {
        assert_eq!(
            one_line("  Floods hit\r\n the   north \t"),
            "Floods hit the north"
        );
        assert_eq!(one_line(" \n "), "");
    }

    #[test]
    fn a_short_line_before_a_blank_line_is_a_headline() {
        assert!(is_headline(
            "Floods close roads across the north of the country",
            Some("")
        ));
        assert!(is_headline("Will the central bank cut rates again?", None));
        assert!(is_headline("Trade talks resume with the U.S.", Some("")));
    }

    #[test]
    fn a_sentence_of_a_paragraph_is_not_a_headline() {
        assert!(!is_headline(
            "The council met on Tuesday to discuss the budget.",
            Some("")
        ));
        assert!(!is_headline(
            "The council met on Tuesday to discuss the budget, and",
            Some("agreed to delay the vote.")
        ));
        let long = "word ".repeat(40);
        assert!(!is_headline(&long, Some("")));
        assert!(!is_headline("   ", None));
        assert!(!is_headline("* * *", Some("")));
    }

    #[test]
    fn hard_wrapped_prose_is_not_a_headline() {
        assert!(!is_headline(
            "Gaza mediators are in talks with both sides over a new ceasefire plan",
            Some("that would see hostages released in stages over six weeks, officials")
        ));
    }

    #[test]
    fn a_headline_directly_above_its_paragraph_is_recognised() {
        assert!(is_headline(
            "Ceasefire talks resume in Cairo",
            Some("Mediators from Egypt and Qatar met both delegations on Sunday, officials said.")
        ));
        assert!(is_headline(
            "Harbour Bridge To Close For Repairs",
            Some("short line")
        ));
        assert!(is_headline("STORM WARNING FOR THE COAST", Some("x")));
    }

    #[test]
    fn headline_text_drops_heading_marks() {
        assert_eq!(
            headline_text("## Floods  hit the north"),
            "Floods hit the north"
        );
        assert_eq!(headline_text("#hashtag news"), "#hashtag news");
    }

    #[test]
    fn title_from_the_first_sentence() {
        assert_eq!(
            from_body("Gaza mediators are in talks. Officials say a deal is near.").as_deref(),
            Some("Gaza mediators are in talks")
        );
        assert_eq!(
            from_body("\n\n  Is the ceasefire holding? Few think so.").as_deref(),
            Some("Is the ceasefire holding?")
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        assert_eq!(
            from_body("Dr. Amal Said met U.S. envoys in St. Louis. Talks went on.").as_deref(),
            Some("Dr. Amal Said met U.S. envoys in St. Louis")
        );
        assert_eq!(
            from_body("Growth was 2.5 per cent, said J. Doe. Markets rose.").as_deref(),
            Some("Growth was 2.5 per cent, said J. Doe")
        );
        assert_eq!(
            from_body("Rates rose approx. two points. Then fell.").as_deref(),
            Some("Rates rose approx. two points")
        );
    }

    #[test]
    fn quotes_close_after_the_full_stop() {
        assert_eq!(
            from_body("\u{201c}We will rebuild.\u{201d} The mayor spoke at noon.").as_deref(),
            Some("\u{201c}We will rebuild.\u{201d}")
        );
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_with_an_ellipsis() {
        let body = "The regional transport authority announced on Thursday that every \
                    commuter rail line in the valley would close for three weeks of \
                    signal upgrades starting next month. More follows.";
        let title = from_body(body).unwrap_or_default();
        assert!(title.ends_with('\u{2026}'), "{title}");
        assert!(title.chars().count() <= MAX_MADE_TITLE_CHARS + 1, "{title}");
        assert!(title.starts_with("The regional transport authority announced"));
        assert!(!title.contains("  "));
        let without = title.trim_end_matches('\u{2026}');
        assert!(body.starts_with(without), "cut mid-word: {title}");
        assert!(
            body[without.len()..].starts_with(' '),
            "cut mid-word: {title}"
        );
    }

    #[test]
    fn a_sentence_spread_over_wrapped_lines_is_joined() {
        assert_eq!(
            from_body("Crews worked through\nthe night to restore power.\nMore later.").as_deref(),
            Some("Crews worked through the night to restore power")
        );
    }

    #[test]
    fn markup_at_line_starts_is_not_part_of_the_title() {
        assert_eq!(
            from_body("> - Rain is expected tonight. Bring a coat.").as_deref(),
            Some("Rain is expected tonight")
        );
    }

    #[test]
    fn a_body_without_words_gives_no_title() {
        assert_eq!(from_body(""), None);
        assert_eq!(from_body("\n --- \n ... \n"), None);
    }

    #[test]
    fn one_long_word_is_cut_within_it() {
        let title = from_body(&"x".repeat(500)).unwrap_or_default();
        assert_eq!(title.chars().count(), MAX_MADE_TITLE_CHARS + 1);
    }
}
