//! Wrapping text into screen lines that point back into it, so that
//! highlights given as byte ranges of the text can be drawn on each line.
//!
//! Widths are measured the way the screen draws the text: per grapheme
//! (so a family emoji joined by zero-width joiners, or a letter with its
//! combining accents, is one cell or two, never the sum of its parts), with
//! every character [`sanitize`] replaces counted as its one-column stand-in,
//! and tabs reaching the next multiple of [`TAB_STOP`].
//!
//! A [`Wrapper`] can stop after a given number of bytes and go on later, so
//! a long article is laid out a piece at a time without holding up the
//! screen.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::sanitize;

/// Tabs reach the next multiple of this many columns.
pub const TAB_STOP: usize = 8;

/// Byte ranges of `text`, one per screen line when `text` is wrapped to
/// `width` columns. Each `\n` ends a line; an empty range stands for a blank
/// line. Ranges are on char boundaries and in order; whitespace at a wrap
/// point and at the end of a line is left out.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    Wrapper::new(width).run(text, usize::MAX, &mut lines);
    lines
}

/// The columns one grapheme takes on screen, once sanitized. A tab's width
/// depends on where it starts: see [`tab_width`].
pub fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        // ASCII: printable is one column; controls show as one-column
        // pictures.
        return 1;
    }
    if g.chars().any(sanitize::is_unsafe) {
        return sanitize::line(g).graphemes(true).map(grapheme_width).sum();
    }
    // Halfwidth katakana sound marks are counted as zero-width combining
    // marks, but terminals give them a cell each (ratatui counts them so).
    g.width()
        + g.chars()
            .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
            .count()
}

/// The columns of a tab that starts at column `col`.
pub fn tab_width(col: usize) -> usize {
    TAB_STOP - col % TAB_STOP
}

/// The display width of `text` laid out from column 0, tabs included.
pub fn width(text: &str) -> usize {
    let mut col = 0;
    for g in text.graphemes(true) {
        col += if g == "\t" {
            tab_width(col)
        } else {
            grapheme_width(g)
        };
    }
    col
}

/// A piece of a laid-out line as the screen shows it: tabs expanded to
/// spaces from column `col` (which is moved past the piece), every unsafe
/// character replaced by its stand-in.
pub fn screen_text(piece: &str, col: &mut usize) -> String {
    let mut out = String::with_capacity(piece.len());
    for (i, part) in piece.split('\t').enumerate() {
        if i > 0 {
            let tab = tab_width(*col);
            out.extend(std::iter::repeat_n(' ', tab));
            *col += tab;
        }
        let safe = sanitize::line(part);
        *col += safe.graphemes(true).map(grapheme_width).sum::<usize>();
        out.push_str(&safe);
    }
    out
}

/// Whitespace a line may break at (no-break spaces are not).
fn is_break_space(g: &str) -> bool {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(
            c,
            ' ' | '\t' | '\u{2000}'..='\u{200a}' | '\u{205f}' | '\u{3000}'
        ),
        _ => false,
    }
}

/// What the grapheme before the current one was, for break opportunities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Start of a paragraph or whitespace.
    Nothing,
    /// Two columns wide (CJK, emoji): a line may break after it.
    Wide,
    /// A hyphen after a letter: a line may break after it, before a letter.
    Hyphen,
    Letter,
    Other,
}

/// Where the current line could end if the next grapheme does not fit.
#[derive(Debug, Clone, Copy)]
struct Break {
    /// The end of the line's text (before any whitespace).
    end: usize,
    /// Where the next line starts.
    next: usize,
    /// The column `next` was at on the current line.
    col: usize,
}

/// Greedy (first-fit) wrapping that can stop and go on: [`Wrapper::run`]
/// takes a byte budget and continues from where it stopped.
#[derive(Debug, Clone)]
pub struct Wrapper {
    width: usize,
    /// Where the next call starts: a grapheme boundary.
    pos: usize,
    paragraph_start: usize,
    line_start: usize,
    /// The end of the last visible grapheme on the current line, if any.
    content_end: Option<usize>,
    /// Columns used on the current line.
    col: usize,
    /// Where whitespace began since the last visible grapheme.
    space_start: Option<usize>,
    brk: Option<Break>,
    before: Before,
    /// Whether the paragraph had anything but whitespace.
    paragraph_content: bool,
    done: bool,
}

impl Wrapper {
    pub fn new(width: usize) -> Self {
        Self {
            width: width.max(1),
            pos: 0,
            paragraph_start: 0,
            line_start: 0,
            content_end: None,
            col: 0,
            space_start: None,
            brk: None,
            before: Before::Nothing,
            paragraph_content: false,
            done: false,
        }
    }

    /// How far into the text the wrapping has come, in bytes.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Wrap about `budget` more bytes of `text` (always the same text),
    /// pushing finished lines onto `lines`. True when the text is done.
    pub fn run(&mut self, text: &str, budget: usize, lines: &mut Vec<Range<usize>>) -> bool {
        if self.done {
            return true;
        }
        let from = self.pos;
        let stop = from.saturating_add(budget.max(1));
        let Some(rest) = text.get(from..) else {
            self.done = true;
            return true;
        };
        for (rel, g) in rest.grapheme_indices(true) {
            let i = from + rel;
            if i >= stop {
                self.pos = i;
                return false;
            }
            if g == "\n" || g == "\r\n" {
                self.end_paragraph(lines);
                self.start_paragraph(i + g.len());
            } else if is_break_space(g) {
                self.space_start.get_or_insert(i);
                self.col += if g == "\t" {
                    tab_width(self.col)
                } else {
                    grapheme_width(g)
                };
                self.before = Before::Nothing;
            } else {
                self.visible(i, g, lines);
            }
        }
        self.end_paragraph(lines);
        self.pos = text.len();
        self.done = true;
        true
    }

    fn start_paragraph(&mut self, at: usize) {
        self.paragraph_start = at;
        self.line_start = at;
        self.content_end = None;
        self.col = 0;
        self.space_start = None;
        self.brk = None;
        self.before = Before::Nothing;
        self.paragraph_content = false;
    }

    fn end_paragraph(&mut self, lines: &mut Vec<Range<usize>>) {
        match self.content_end {
            Some(end) => lines.push(self.line_start..end),
            None if !self.paragraph_content => {
                lines.push(self.paragraph_start..self.paragraph_start);
            }
            None => {}
        }
    }

    /// A grapheme that is not whitespace, at byte `i`.
    fn visible(&mut self, i: usize, g: &str, lines: &mut Vec<Range<usize>>) {
        let w = grapheme_width(g);
        let letter = g.chars().next().is_some_and(char::is_alphabetic);
        // A break opportunity before this grapheme.
        if self.space_start.take().is_some() {
            if let Some(end) = self.content_end {
                self.brk = Some(Break {
                    end,
                    next: i,
                    col: self.col,
                });
            }
        } else if self.content_end.is_some()
            && (self.before == Before::Wide || w > 1 || (self.before == Before::Hyphen && letter))
        {
            self.brk = Some(Break {
                end: i,
                next: i,
                col: self.col,
            });
        }
        if self.col + w > self.width {
            if let Some(b) = self.brk.take() {
                lines.push(self.line_start..b.end);
                self.line_start = b.next;
                self.col -= b.col;
                self.content_end = (b.next < i).then_some(i);
            } else {
                // Only whitespace so far (an indent wider than the screen)
                // is dropped; a word too long is broken.
                if let Some(end) = self.content_end {
                    lines.push(self.line_start..end);
                }
                self.line_start = i;
                self.col = 0;
                self.content_end = None;
            }
            // What was carried over may still leave no room.
            if self.col + w > self.width && self.content_end.is_some() {
                lines.push(self.line_start..i);
                self.line_start = i;
                self.col = 0;
            }
        }
        self.col += w;
        self.content_end = Some(i + g.len());
        self.paragraph_content = true;
        self.before = if w > 1 {
            Before::Wide
        } else if g == "-" && self.before == Before::Letter {
            Before::Hyphen
        } else if letter {
            Before::Letter
        } else {
            Before::Other
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
        assert_eq!(lines("a\n   \nb", 10), vec!["a", "", "b"]);
    }

    #[test]
    fn hyphens_and_wide_characters_are_break_points() {
        assert_eq!(
            lines("well-known harbour", 8),
            vec!["well-", "known", "harbour"]
        );
        // Each ideograph is two columns; lines break between them.
        assert_eq!(
            lines("東京タワーの展望台", 6),
            vec!["東京タ", "ワーの", "展望台"]
        );
        // A wide character never straddles the edge.
        assert_eq!(lines("ab東京", 3), vec!["ab", "東", "京"]);
    }

    #[test]
    fn graphemes_are_measured_whole() {
        // A family joined by zero-width joiners is one two-column grapheme;
        // a letter with combining accents is one column.
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(grapheme_width(family), 2);
        assert_eq!(width("e\u{301}\u{302}"), 1);
        let text = format!("{family}{family}{family} x");
        assert_eq!(
            lines(&text, 4),
            vec![format!("{family}{family}"), format!("{family} x")]
        );
        // Hebrew and Arabic are laid out in logical order like any text.
        assert_eq!(lines("שלום עולם مرحبا", 10), vec!["שלום עולם", "مرحبا"]);
    }

    #[test]
    fn unsafe_characters_count_as_their_stand_ins() {
        // `ESC [ 2 J` shows as four cells, `␛[2J`, so a line of them wraps.
        assert_eq!(width("\u{1b}[2J"), 4);
        assert_eq!(width("\u{202e}\u{9b}"), 2);
        assert_eq!(
            lines("\u{1b}[2J\u{1b}[2J", 4),
            vec!["\u{1b}[2J", "\u{1b}[2J"]
        );
    }

    #[test]
    fn tabs_reach_the_next_stop() {
        assert_eq!(tab_width(0), 8);
        assert_eq!(tab_width(3), 5);
        assert_eq!(width("ab\tc"), 9);
        assert_eq!(width("\t\t"), 16);
        let mut col = 0;
        assert_eq!(screen_text("ab\tc", &mut col), "ab      c");
        assert_eq!(col, 9);
        // A piece that starts mid-line continues the stops from there.
        let mut col = 5;
        assert_eq!(screen_text("\tx\u{1b}", &mut col), "   x\u{241b}");
        assert_eq!(col, 10);
        // Tabs are break points that take their width.
        assert_eq!(lines("Name\tScore\tRank", 16), vec!["Name\tScore", "Rank"]);
    }

    #[test]
    fn a_run_of_spaces_is_not_a_line_of_its_own() {
        let text = format!("word{}next", " ".repeat(50));
        assert_eq!(lines(&text, 10), vec!["word", "next"]);
        let indented = format!("{}deep", " ".repeat(30));
        assert_eq!(lines(&indented, 10), vec!["deep"]);
        assert_eq!(lines("  indented a bit", 20), vec!["  indented a bit"]);
    }

    #[test]
    fn stopping_and_going_on_gives_the_same_lines() {
        let text = "Dock workers in Rotterdam walked out.\n\n東京タワー\tvisitors rose 12%.\n\u{1b}]0;x\u{7}";
        let whole = wrap_ranges(text, 9);
        for budget in 1..20 {
            let mut w = Wrapper::new(9);
            let mut got = Vec::new();
            let mut calls = 0;
            while !w.run(text, budget, &mut got) {
                calls += 1;
                assert!(calls < 1000);
            }
            assert_eq!(got, whole, "budget {budget}");
        }
    }

    proptest! {
        #[test]
        fn lines_fit_are_ordered_and_cover_the_text(text in "\\PC{0,200}|[ a-z\\t\\n東é\u{301}\u{200d}👩\u{1b}-]{0,200}", width in 1usize..40) {
            let ranges = wrap_ranges(&text, width);
            prop_assert!(!ranges.is_empty());
            let mut last = 0;
            for r in &ranges {
                prop_assert!(r.start >= last && r.start <= r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let line = &text[r.clone()];
                prop_assert!(!line.contains('\n'));
                // Too wide only when a single grapheme is wider than the screen.
                let w = super::width(line);
                prop_assert!(w <= width || line.graphemes(true).count() == 1, "{line:?} is {w} wide");
                last = r.end;
            }
            // Nothing but whitespace is left out.
            let mut covered = vec![false; text.len()];
            for r in &ranges {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
            }
            for (i, c) in text.char_indices() {
                prop_assert!(covered[i] || c.is_whitespace(), "{c:?} at {i} left out");
            }
        }
    }
}
