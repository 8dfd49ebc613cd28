//! The reader's state: the open article laid out into screen lines, with its
//! highlights, scroll position and find-in-article matches.

use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;
use crate::filter::FilterQuery;
use crate::highlight::{self, Span};
use crate::wrap::wrap_ranges;

/// One line of the reader, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// A line of the wrapped title: a byte range of `article.title`.
    Title(Range<usize>),
    /// Source, date and author, already composed.
    Meta(String),
    Blank,
    /// A line of the wrapped body: a byte range of `article.body`.
    Body(Range<usize>),
}

/// Find-in-article: what is searched for and where it was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub needle: String,
    /// Byte ranges of the body, in order.
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the one the view is on.
    pub current: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct ReaderView {
    /// Position of the article in the app's load order.
    pub index: usize,
    pub article: Arc<Article>,
    /// Names and numbers in the body.
    pub spans: Vec<Span>,
    /// Body ranges the filter query matched.
    pub query_matches: Vec<Range<usize>>,
    pub lines: Vec<DocLine>,
    /// The width `lines` were wrapped to.
    pub width: usize,
    /// First line on screen.
    pub scroll: usize,
    pub find: Find,
}

impl ReaderView {
    pub fn new(index: usize, article: Arc<Article>, query: &FilterQuery, width: usize) -> Self {
        let spans = highlight::highlight(&article.body);
        let query_matches = query.body_matches(&article.body);
        let mut view = Self {
            index,
            article,
            spans,
            query_matches,
            lines: Vec::new(),
            width: 0,
            scroll: 0,
            find: Find::default(),
        };
        view.layout(width);
        view
    }

    /// Wrap title and body to `width`, keeping the top line in view.
    pub fn layout(&mut self, width: usize) {
        let width = width.max(1);
        if width == self.width && !self.lines.is_empty() {
            return;
        }
        let anchor = self.body_offset_at(self.scroll);
        let article = &self.article;
        let mut lines: Vec<DocLine> = wrap_ranges(&article.title, width)
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(DocLine::Title)
            .collect();
        let meta = meta_line(article);
        if !meta.is_empty() {
            lines.push(DocLine::Meta(meta));
        }
        lines.push(DocLine::Blank);
        lines.extend(wrap_ranges(&article.body, width).into_iter().map(|r| {
            if r.is_empty() {
                DocLine::Blank
            } else {
                DocLine::Body(r)
            }
        }));
        self.lines = lines;
        self.width = width;
        self.scroll = match anchor {
            Some(offset) => self.line_of(offset),
            None => self.scroll.min(self.lines.len().saturating_sub(1)),
        };
    }

    /// The body offset shown at the start of screen line `line`, if it is a
    /// body line past the top.
    fn body_offset_at(&self, line: usize) -> Option<usize> {
        if line == 0 {
            return None;
        }
        self.lines[line.min(self.lines.len().saturating_sub(1))..]
            .iter()
            .find_map(|l| match l {
                DocLine::Body(r) => Some(r.start),
                _ => None,
            })
    }

    /// The screen line that shows body offset `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let mut found = 0;
        for (i, line) in self.lines.iter().enumerate() {
            if let DocLine::Body(r) = line {
                if r.start > offset {
                    break;
                }
                found = i;
            }
        }
        found
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let max = self.max_scroll(height);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    pub fn scroll_to(&mut self, line: usize, height: usize) {
        self.scroll = line.min(self.max_scroll(height));
    }

    /// Search the body for `needle` (case-insensitive) and go to the first
    /// match at or after the top of the screen.
    pub fn find(&mut self, needle: &str, height: usize) {
        self.find.needle = needle.to_string();
        self.find.matches = find_all(&self.article.body, needle);
        let top = self.body_offset_at(self.scroll).unwrap_or(0);
        self.find.current = if self.find.matches.is_empty() {
            None
        } else {
            Some(
                self.find
                    .matches
                    .iter()
                    .position(|m| m.start >= top)
                    .unwrap_or(0),
            )
        };
        self.reveal_current(height);
    }

    pub fn clear_find(&mut self) {
        self.find = Find::default();
    }

    /// Step to the next (`1`) or previous (`-1`) find match, wrapping around.
    pub fn step_find(&mut self, step: isize, height: usize) {
        let count = self.find.matches.len();
        if count == 0 {
            return;
        }
        let current = self.find.current.unwrap_or(0);
        #[allow(clippy::cast_possible_wrap)]
        let next = (current as isize + step).rem_euclid(count as isize);
        self.find.current = usize::try_from(next).ok();
        self.reveal_current(height);
    }

    /// Scroll so that the current find match is on screen, a few lines down
    /// from the top when it was not.
    fn reveal_current(&mut self, height: usize) {
        let Some(m) = self.find.current.and_then(|i| self.find.matches.get(i)) else {
            return;
        };
        let line = self.line_of(m.start);
        if line < self.scroll || line >= self.scroll + height.max(1) {
            self.scroll_to(line.saturating_sub(height / 3), height);
        }
    }

    /// Replace the filter query's matches (when the query changes).
    pub fn set_query(&mut self, query: &FilterQuery) {
        self.query_matches = query.body_matches(&self.article.body);
    }
}

/// `source · date · by author`, the line under the title.
pub fn meta_line(article: &Article) -> String {
    let mut parts = Vec::new();
    if !article.source.is_empty() {
        parts.push(article.source.clone());
    }
    let date = article.date_label();
    if !date.is_empty() {
        parts.push(date);
    }
    if let Some(author) = article.author.as_deref().filter(|a| !a.is_empty()) {
        parts.push(format!("by {author}"));
    }
    parts.join(" · ")
}

/// Every case-insensitive occurrence of `needle` in `text`, as byte ranges on
/// char boundaries, not overlapping.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    if needle.is_ascii() {
        let (hay, pin) = (text.as_bytes(), needle.as_bytes());
        let mut i = 0;
        while i + pin.len() <= hay.len() {
            if hay[i..i + pin.len()].eq_ignore_ascii_case(pin) {
                out.push(i..i + pin.len());
                i += pin.len();
            } else {
                i += 1;
            }
        }
        return out;
    }
    let pin: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let mut starts = text.char_indices().peekable();
    while let Some((start, _)) = starts.next() {
        let mut want = pin.iter();
        let mut end = start;
        let mut matched = true;
        'chars: for (i, c) in text[start..].char_indices() {
            for lc in c.to_lowercase() {
                match want.next() {
                    Some(&w) if w == lc => {}
                    Some(_) => {
                        matched = false;
                        break 'chars;
                    }
                    None => break 'chars,
                }
            }
            end = start + i + c.len_utf8();
            if want.len() == 0 {
                break;
            }
        }
        if matched && want.next().is_none() && end > start {
            out.push(start..end);
            while starts.peek().is_some_and(|&(s, _)| s < end) {
                starts.next();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};

    fn article(title: &str, body: &str) -> Arc<Article> {
        let origin = Origin::file("t.txt");
        Arc::new(Article {
            id: ArticleId::derive(None, &origin, title),
            title: title.into(),
            source: "Northline Wire".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 16),
            author: Some("Ines Duarte".into()),
            url: None,
            origin,
            body: body.into(),
        })
    }

    #[test]
    fn lays_out_title_meta_and_body() {
        let a = article("Port strike", "Dock workers walked out.\n\nShips waited.");
        let view = ReaderView::new(0, a, &FilterQuery::default(), 40);
        assert_eq!(
            view.lines,
            vec![
                DocLine::Title(0..11),
                DocLine::Meta("Northline Wire · 2026-11-16 · by Ines Duarte".into()),
                DocLine::Blank,
                DocLine::Body(0..24),
                DocLine::Blank,
                DocLine::Body(26..39),
            ]
        );
    }

    #[test]
    fn rewrap_keeps_the_top_line_in_view() {
        let body = (0..200)
            .map(|i| format!("Sentence number {i} about the harbour."))
            .collect::<Vec<_>>()
            .join(" ");
        let mut view = ReaderView::new(0, article("T", &body), &FilterQuery::default(), 30);
        view.scroll_to(100, 10);
        let DocLine::Body(r) = view.lines[100].clone() else {
            panic!("line 100 is body")
        };
        view.layout(60);
        let DocLine::Body(now) = view.lines[view.scroll].clone() else {
            panic!("still on body")
        };
        assert!(now.start <= r.start && r.start < now.end + 1);
    }

    #[test]
    fn find_is_case_insensitive_and_steps_around() {
        let mut view = ReaderView::new(
            0,
            article("T", "The port of Rotterdam. PORT workers. Airport."),
            &FilterQuery::default(),
            80,
        );
        view.find("port", 10);
        assert_eq!(view.find.matches, vec![4..8, 23..27, 40..44]);
        assert_eq!(view.find.current, Some(0));
        view.step_find(-1, 10);
        assert_eq!(view.find.current, Some(2));
        view.step_find(1, 10);
        assert_eq!(view.find.current, Some(0));
    }

    #[test]
    fn find_handles_non_ascii() {
        let text = "Zürich and ZÜRICH, then Zurich.";
        let m = find_all(text, "zürich");
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[1].clone()], "ZÜRICH");
        assert!(find_all("", "x").is_empty());
        assert!(find_all("abc", "").is_empty());
    }

    #[test]
    fn scrolling_is_clamped() {
        let body = "line\n".repeat(50);
        let mut view = ReaderView::new(0, article("T", &body), &FilterQuery::default(), 20);
        view.scroll_by(-5, 10);
        assert_eq!(view.scroll, 0);
        view.scroll_by(1000, 10);
        assert_eq!(view.scroll, view.lines.len() - 10);
    }
}
