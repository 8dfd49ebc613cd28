//! Wrapping text into lines that point back into it, so that highlights
//! given as byte ranges of the text can be drawn on each line.

use std::ops::Range;

use textwrap::Options;

/// Byte ranges of `text`, one per screen line when `text` is wrapped to
/// `width` columns. Each `\n` ends a line; an empty range stands for a blank
/// line. Ranges are on char boundaries and in order; trailing spaces at a
/// wrap point are left out.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let options = Options::new(width).break_words(true);
    let mut lines = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let start = offset;
        offset += paragraph.len() + 1;
        let paragraph = paragraph.strip_suffix('\r').unwrap_or(paragraph);
        if paragraph.trim().is_empty() {
            lines.push(start..start);
            continue;
        }
        let mut searched = 0;
        for line in textwrap::wrap(paragraph, &options) {
            let at = locate(paragraph, &line, searched);
            let end = at + line.len();
            searched = end;
            lines.push(start + at..start + end);
        }
    }
    lines
}

/// Where `line` sits in `paragraph`: textwrap hands back slices of its input,
/// so the pointer tells; should it ever hand back an owned copy, the text is
/// searched for from where the previous line ended.
fn locate(paragraph: &str, line: &str, from: usize) -> usize {
    let base = paragraph.as_ptr() as usize;
    let ptr = line.as_ptr() as usize;
    if ptr >= base && ptr + line.len() <= base + paragraph.len() {
        return ptr - base;
    }
    paragraph
        .get(from..)
        .and_then(|rest| rest.find(line.trim_start()))
        .map_or(from, |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_at_words_and_keeps_paragraphs() {
        let text =
            "Dock workers in Rotterdam walked out on Monday.\n\nThe port said 40 ships waited.";
        assert_eq!(
            lines(text, 20),
            vec![
                "Dock workers in",
                "Rotterdam walked out",
                "on Monday.",
                "",
                "The port said 40",
                "ships waited.",
            ]
        );
    }

    #[test]
    fn ranges_point_into_the_text_on_char_boundaries() {
        let text = "Zürich café — 東京タワー visitors rose 12% in Ōsaka.\nNext line";
        for width in 1..30 {
            let ranges = wrap_ranges(text, width);
            let mut last = 0;
            for r in ranges {
                assert!(r.start >= last && r.end <= text.len());
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                last = r.end;
            }
        }
    }

    #[test]
    fn long_words_are_broken() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(lines(text, 10), vec!["abcdefghij", "klmnopqrst", "uvwxyz"]);
    }

    #[test]
    fn crlf_and_blank_text() {
        assert_eq!(lines("a b\r\nc", 10), vec!["a b", "c"]);
        assert_eq!(wrap_ranges("", 10), vec![0..0]);
    }
}
