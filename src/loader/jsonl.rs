//! JSON Lines articles (`.jsonl`, `.ndjson`): one article object per line.
//! Blank lines are skipped; a bad line is reported with its number and the
//! other lines still load.

use super::draft::Parsed;
use super::json;

/// Parse a JSON Lines text.
pub(crate) fn parse(text: &str) -> Parsed {
    parse_from(text, 1)
}

/// Parse a JSON Lines text whose first line is line `first_line` of its
/// file (a part of a large file): lines are numbered as in the file.
pub(crate) fn parse_from(text: &str, first_line: usize) -> Parsed {
    let mut parsed = Parsed::default();
    let mut offset = 0;
    for (i, whole) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += whole.len();
        // as `str::lines` cuts them
        let line = whole.strip_suffix('\n').unwrap_or(whole);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let before = parsed.drafts.len();
        json::add_entry(line, Some(first_line + i), &mut parsed);
        if let Some(draft) = parsed.drafts.get_mut(before) {
            draft.span = Some((start, line.len()));
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Severity;

    #[test]
    fn a_part_numbers_its_lines_as_in_the_file() {
        let parsed = parse_from("{\"title\": \"Tram line opens\"}\n\nnot json\n", 41);
        assert_eq!(parsed.drafts[0].line, Some(41));
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].line, Some(43));
    }

    #[test]
    fn one_article_per_line_blank_lines_skipped() {
        let parsed = parse(
            "{\"title\": \"Tram line opens\", \"body\": \"The first tram ran at six.\", \"source\": \"City Wire\"}\n\
             \n\
             {\"headline\": \"Museum reopens\", \"summary\": \"After two years of repairs.\", \"date\": \"2025-04-01\"}\n",
        );
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        assert_eq!(parsed.drafts.len(), 2);
        assert_eq!(parsed.drafts[0].line, Some(1));
        assert_eq!(parsed.drafts[1].line, Some(3));
        assert_eq!(parsed.drafts[0].span, Some((0, 89)));
        assert_eq!(parsed.drafts[1].span, Some((91, 94)));
        assert_eq!(parsed.drafts[1].title.as_deref(), Some("Museum reopens"));
        assert_eq!(parsed.drafts[1].date_text.as_deref(), Some("2025-04-01"));
    }

    #[test]
    fn a_bad_line_is_reported_and_the_rest_load() {
        let parsed = parse(
            "{\"title\": \"Ferry resumes\", \"body\": \"Sailings restart.\"}\n\
             {\"title\": \"Broken, \"body\": \"x\"}\n\
             [1, 2, 3]\n\
             {\"title\": \"Library extends hours\"}\n\
             {\"title\": \"cut off",
        );
        assert_eq!(parsed.drafts.len(), 2);
        assert_eq!(parsed.drafts[1].line, Some(4));
        let notes: Vec<_> = parsed.notes.iter().map(|n| (n.line, n.severity)).collect();
        assert_eq!(
            notes,
            vec![
                (Some(2), Severity::Error),
                (Some(3), Severity::Error),
                (Some(5), Severity::Error)
            ]
        );
        assert_eq!(
            parsed.notes[0].message,
            "not valid JSON: expected `,` or `}` at column 21"
        );
        assert_eq!(
            parsed.notes[1].message,
            "not an article: a list, not an object"
        );
        assert!(
            parsed.notes[2]
                .message
                .starts_with("not valid JSON: EOF while parsing a string")
        );
    }

    #[test]
    fn crlf_lines_are_fine() {
        let parsed = parse("{\"title\": \"A\"}\r\n{\"title\": \"B\"}\r\n");
        assert!(parsed.notes.is_empty());
        assert_eq!(parsed.drafts.len(), 2);
    }
}
