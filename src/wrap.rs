//! Wrapping text into screen lines that point back into it, so that
//! highlights given as byte ranges of the text can be drawn on each line.
//!
//! Where a line may break is textwrap's answer: the Unicode line-breaking
//! rules (after a space or a dash, between ideographs, never before a
//! closing bracket, a question mark or a Japanese full stop) and its hyphen
//! rule. The greedy fitting is done here, on those break points, because
//! the columns must be counted as this screen draws them.
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

use textwrap::{WordSeparator, WordSplitter};
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

/// Whitespace a line may break at and leave out at its ends (no-break
/// spaces are not).
fn is_break_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{2000}'..='\u{200a}' | '\u{205f}' | '\u{3000}'
    )
}

/// How far past the budget a window may grow to reach a second break
/// opportunity; a word longer than this is broken where the window ends.
const MAX_WINDOW: usize = 1 << 20;

/// Where a line may break in `piece` (a stretch of one paragraph that starts
/// at a break opportunity): offsets after the first, in order, ending with
/// `piece.len()`. The Unicode line-breaking rules (UAX #14, through
/// textwrap) decide, plus textwrap's hyphen rule (after a hyphen between
/// letters or digits).
fn break_points(piece: &str) -> Vec<usize> {
    let mut points = Vec::new();
    for word in WordSeparator::UnicodeBreakProperties.find_words(piece) {
        let start = offset_in(piece, word.word);
        for split in WordSplitter::HyphenSplitter.split_points(word.word) {
            points.push(start + split);
        }
        points.push(start + word.word.len() + word.whitespace.len());
    }
    points.dedup();
    points.retain(|&p| p > 0);
    if points.last() != Some(&piece.len()) {
        points.push(piece.len());
    }
    points
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Greedy (first-fit) wrapping that can stop and go on: [`Wrapper::run`]
/// takes a byte budget and continues from where it stopped. Lines break
/// where textwrap finds a break opportunity; a word wider than the screen
/// is broken between graphemes.
#[derive(Debug, Clone)]
pub struct Wrapper {
    width: usize,
    /// Where the next call starts: a paragraph's start, a break
    /// opportunity, or (inside a word too long for any window) a char
    /// boundary, see `in_word`.
    pos: usize,
    paragraph_start: usize,
    /// Where the paragraph ends (its `\n`, or the end of the text), once
    /// looked for.
    paragraph_end: Option<usize>,
    line_start: usize,
    /// The end of the last visible grapheme on the current line, if any.
    content_end: Option<usize>,
    /// Columns used on the current line, whitespace after the content
    /// included.
    col: usize,
    /// Whether `pos` is inside a word that was cut where a window ended.
    in_word: bool,
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
            paragraph_end: None,
            line_start: 0,
            content_end: None,
            col: 0,
            in_word: false,
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
        let stop = self.pos.saturating_add(budget.max(1));
        while self.pos < stop {
            if self.pos >= text.len() || !text.is_char_boundary(self.pos) {
                self.end_paragraph(lines);
                self.pos = text.len();
                self.done = true;
                return true;
            }
            let from = self.pos;
            let end = *self.paragraph_end.get_or_insert_with(|| {
                memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i)
            });
            self.paragraph(text, end, stop - self.pos, lines);
            if self.pos == end && end < text.len() {
                // `\n` (or `\r\n`) ends the paragraph.
                self.end_paragraph(lines);
                self.start_paragraph(end + 1);
            }
        }
        false
    }

    /// Lay out from `pos` towards `end`, the end of its paragraph, about
    /// `budget` bytes; `pos` is left at the first break point not laid out.
    fn paragraph(&mut self, text: &str, end: usize, budget: usize, lines: &mut Vec<Range<usize>>) {
        let mut window = budget.max(64);
        loop {
            let mut cut = self.pos.saturating_add(window).min(end);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let piece = text[self.pos..cut].trim_end_matches('\r');
            let whole = cut == end;
            let mut points = break_points(piece);
            if !whole {
                // The last word may go on past the window.
                points.pop();
                if points.is_empty() {
                    if window < MAX_WINDOW {
                        window = (window * 2).min(MAX_WINDOW);
                        continue;
                    }
                    // A word longer than any window: lay out what there is
                    // and go on inside it.
                    self.segment(text, self.pos, self.pos + piece.len(), lines);
                    self.in_word = true;
                    self.pos += piece.len();
                    return;
                }
            }
            let base = self.pos;
            let mut from = base;
            for point in points {
                self.segment(text, from, base + point, lines);
                self.in_word = false;
                from = base + point;
            }
            self.pos = if whole { end } else { from };
            return;
        }
    }

    fn start_paragraph(&mut self, at: usize) {
        self.pos = at;
        self.paragraph_start = at;
        self.paragraph_end = None;
        self.line_start = at;
        self.content_end = None;
        self.col = 0;
        self.in_word = false;
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

    /// Lay out `text[from..to]`: a word and the whitespace after it, with a
    /// break opportunity before it (unless `in_word`) and at its end.
    fn segment(&mut self, text: &str, from: usize, to: usize, lines: &mut Vec<Range<usize>>) {
        let seg = &text[from..to];
        let word_len = seg.trim_end_matches(is_break_space).len();
        let word = &seg[..word_len];
        if !word.is_empty() {
            let printable_ascii = word.bytes().all(|b| (0x20..0x7f).contains(&b));
            let w = if printable_ascii {
                word.len()
            } else {
                self.width_from(word, self.col)
            };
            if self.col + w <= self.width {
                // It fits: nothing inside it can reach the edge.
                self.col += w;
                self.content_end = Some(from + word_len);
                self.paragraph_content = true;
                self.space_after(&seg[word_len..]);
                return;
            }
            if !self.in_word {
                // Move to a new line: after the last line's content, or past
                // an indent wider than the screen.
                if let Some(end) = self.content_end.take() {
                    lines.push(self.line_start..end);
                }
                self.line_start = from;
                self.col = 0;
            }
            for (i, g) in word.grapheme_indices(true) {
                let w = if g == "\t" {
                    tab_width(self.col)
                } else {
                    grapheme_width(g)
                };
                let space = g.chars().all(is_break_space);
                if self.col + w > self.width {
                    if space {
                        // Whitespace at the edge: the line ends before it.
                        if let Some(end) = self.content_end.take() {
                            lines.push(self.line_start..end);
                        }
                        self.line_start = from + i + g.len();
                        self.col = 0;
                        continue;
                    }
                    // Wider than the screen: break between graphemes (or
                    // drop an indent wider than the screen).
                    if let Some(end) = self.content_end.take() {
                        lines.push(self.line_start..end);
                    }
                    self.line_start = from + i;
                    self.col = 0;
                }
                self.col += w;
                if !space {
                    self.content_end = Some(from + i + g.len());
                }
            }
            self.paragraph_content = true;
        }
        self.space_after(&seg[word_len..]);
    }

    /// Columns for the whitespace after a word.
    fn space_after(&mut self, space: &str) {
        if space.bytes().all(|b| b == b' ') {
            self.col += space.len();
            return;
        }
        for g in space.graphemes(true) {
            self.col += if g == "\t" {
                tab_width(self.col)
            } else {
                grapheme_width(g)
            };
        }
    }

    /// The columns `word` takes when it starts at column `col`.
    fn width_from(&self, word: &str, col: usize) -> usize {
        let mut at = col;
        for g in word.graphemes(true) {
            at += if g == "\t" {
                tab_width(at)
            } else {
                grapheme_width(g)
            };
            if at > self.width {
                break;
            }
        }
        at - col
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
    fn lines_break_where_the_unicode_rules_allow() {
        // After a dash between words.
        assert_eq!(
            lines("the strike—and the lockout", 12),
            vec!["the strike—", "and the", "lockout"]
        );
        // Never before a question mark or a closing quote, spaces or not.
        assert_eq!(
            lines("Il a dit : « Vraiment ? » puis", 17),
            vec!["Il a dit :", "« Vraiment ? »", "puis"]
        );
        // Japanese commas and full stops never start a line.
        assert_eq!(
            lines("港の労働者が、ストライキを始めた。今日", 10),
            vec!["港の労働者", "が、ストラ", "イキを始め", "た。今日"]
        );
    }

    #[test]
    fn whitespace_glued_to_a_mark_is_still_whitespace() {
        // A tab followed by a zero-width joiner: the tab does not fit after
        // the ideograph, so the line ends before it and it is left out.
        assert_eq!(lines("東\t\u{200d}", 6), vec!["東", "\u{200d}"]);
    }

    #[test]
    fn a_word_longer_than_any_window_is_laid_out_in_pieces() {
        let word = "x".repeat(3 * MAX_WINDOW + 5);
        let text = format!("start {word} end");
        let whole = wrap_ranges(&text, 100);
        // "start", then the word in pieces of 100, " end" after the last.
        assert_eq!(whole.len(), 1 + word.len().div_ceil(100));
        assert!(text[whole[whole.len() - 1].clone()].ends_with("x end"));
        let mut w = Wrapper::new(100);
        let mut got = Vec::new();
        let mut calls = 0;
        while !w.run(&text, 4096, &mut got) {
            calls += 1;
        }
        assert!(calls >= 3, "{calls} calls");
        assert_eq!(got, whole);
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
