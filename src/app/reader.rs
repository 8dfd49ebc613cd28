//! The reader's state: the open article laid out into screen lines, with its
//! highlights, scroll position and find-in-article matches.
//!
//! A long article is prepared a piece at a time, so that even a 50 MB one
//! shows its first screen at once and the keys keep working:
//! - lines are wrapped from the top as far as the screen needs, and further
//!   on idle ticks ([`ReaderView::work`]) until the article is done;
//! - names, numbers and filter matches are found per chunk of the body
//!   ([`CHUNK_BYTES`]), for the chunks on screen only;
//! - find-in-article scans the body on idle ticks, counting as it goes.
//!
//! An article no longer than a chunk is highlighted whole, as
//! `dateline entities` does.

use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;
use crate::filter::FilterQuery;
use crate::highlight::{self, EntityKind, Span};
use crate::wrap::{Wrapper, wrap_ranges};

/// Names, numbers and filter matches are found in pieces of about this many
/// bytes of the body, cut after a line break or a space.
pub const CHUNK_BYTES: usize = 256 * 1024;
/// How much of the body an update may wrap to fill the screen.
const PREPARE_BYTES: usize = 256 * 1024;
/// How much of the body one idle tick wraps, and searches for a find.
const TICK_BYTES: usize = 256 * 1024;
/// How many chunks one cursor step highlights at most while looking for
/// the next name or number (a long stretch without any stops there).
const CURSOR_CHUNKS: usize = 8;

/// One line of the reader, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// A line of the wrapped title: a byte range of `article.title`.
    Title(Range<usize>),
    /// Source, date and author, already composed.
    Meta(String),
    /// The blank line between the heading and the body.
    Blank,
    /// A line of the wrapped body: a byte range of the body, empty for
    /// a blank line.
    Body(Range<usize>),
}

/// Find-in-article: what is searched for and where it was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub needle: String,
    /// Set when the matches are an outline entry's mentions (named by the
    /// needle) rather than a search of the text.
    pub outline: bool,
    /// Byte ranges of the body, in order.
    pub matches: Vec<Range<usize>>,
    /// Index into `matches` of the one the view is on.
    pub current: Option<usize>,
    /// How far into the body the search has come.
    pub scanned: usize,
    /// The body offset at the top of the screen when the find started: the
    /// first match from there is the one to show.
    from: usize,
}

impl Find {
    /// The mentions of an outline entry named `label`, to step through as
    /// find matches (nothing left to search in a body of `body_len`).
    pub fn of_mentions(label: String, matches: Vec<Range<usize>>, body_len: usize) -> Self {
        Self {
            needle: label,
            outline: true,
            current: (!matches.is_empty()).then_some(0),
            matches,
            scanned: body_len,
            from: 0,
        }
    }

    /// Whether the whole body has been searched.
    pub fn complete(&self, body: &str) -> bool {
        self.needle.is_empty() || self.scanned >= body.len()
    }
}

#[derive(Debug, Clone)]
pub struct ReaderView {
    /// Position of the article in the app's load order.
    pub index: usize,
    pub article: Arc<Article>,
    /// The article's text, read once when it is opened (from its file if
    /// it was let go after indexing).
    pub body: String,
    /// Why the text could not be read back (the file is gone or changed):
    /// shown under the heading, with an empty body.
    pub unreadable: Option<String>,
    /// Names and numbers in the body, sorted; for the chunks found so far.
    pub spans: Vec<Span>,
    /// Body ranges the filter query matched, sorted; chunks found so far.
    pub query_matches: Vec<Range<usize>>,
    pub lines: Vec<DocLine>,
    /// The width `lines` were wrapped to.
    pub width: usize,
    /// First line on screen.
    pub scroll: usize,
    pub find: Find,
    /// The name or number the cursor is on: a byte range of the body.
    pub cursor: Option<Range<usize>>,
    query: FilterQuery,
    /// Chunk starts, and the body's end last.
    chunks: Vec<usize>,
    highlighted: Vec<bool>,
    queried: Vec<bool>,
    /// Index of the first body line in `lines`.
    body_first: usize,
    wrapper: Wrapper,
    /// A body offset to bring to the top once it is laid out (after a
    /// rewrap, or a jump to a find match further down).
    anchor: Option<usize>,
    /// Stay at the bottom while the rest is laid out (after `G`).
    follow_end: bool,
}

impl ReaderView {
    pub fn new(index: usize, article: Arc<Article>, query: &FilterQuery, width: usize) -> Self {
        let (body, unreadable) = match article.body.read() {
            Ok(text) => (text.into_owned(), None),
            Err(e) => (String::new(), Some(e.to_string())),
        };
        let chunks = chunk_starts(&body);
        let count = chunks.len() - 1;
        let mut view = Self {
            index,
            article,
            body,
            unreadable,
            spans: Vec::new(),
            query_matches: Vec::new(),
            lines: Vec::new(),
            width: 0,
            scroll: 0,
            find: Find::default(),
            cursor: None,
            query: query.clone(),
            chunks,
            highlighted: vec![false; count],
            queried: vec![false; count],
            body_first: 0,
            wrapper: Wrapper::new(1),
            anchor: None,
            follow_end: false,
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
        if self.anchor.is_none() {
            self.anchor = self.body_offset_at(self.scroll);
        }
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
        if let Some(why) = &self.unreadable {
            lines.push(DocLine::Blank);
            lines.push(DocLine::Meta(why.clone()));
        }
        lines.push(DocLine::Blank);
        self.body_first = lines.len();
        self.lines = lines;
        self.width = width;
        self.wrapper = Wrapper::new(width);
        self.scroll = 0;
        self.wrap_more(PREPARE_BYTES);
        self.settle(1);
    }

    /// Whether work is left for idle ticks: wrapping or a find.
    pub fn busy(&self) -> bool {
        !self.wrapper.is_done() || !self.find.complete(&self.body)
    }

    /// How much of the body is laid out, in per cent.
    pub fn laid_out_percent(&self) -> usize {
        let len = self.body.len().max(1);
        (self.wrapper.position().min(len) * 100 / len).min(99)
    }

    /// Whether every line is laid out, so `lines.len()` is the total.
    pub fn laid_out(&self) -> bool {
        self.wrapper.is_done()
    }

    /// An idle tick: lay out and search a little more.
    pub fn work(&mut self, height: usize) {
        self.wrap_more(TICK_BYTES);
        self.scan_find(TICK_BYTES, height);
        self.settle(height);
    }

    /// After any change: fill the screen, apply a pending anchor, find the
    /// names and numbers of what is on screen.
    pub fn settle(&mut self, height: usize) {
        let height = height.max(1);
        let mut budget = PREPARE_BYTES;
        while !self.wrapper.is_done() && budget > 0 {
            let needed = match self.anchor {
                Some(offset) => self.last_body_start().is_some_and(|s| s > offset),
                None => self.lines.len() > self.scroll + height,
            };
            if needed && !self.follow_end {
                break;
            }
            let before = self.wrapper.position();
            self.wrap_more(budget.min(64 * 1024));
            budget = budget.saturating_sub(self.wrapper.position() - before);
        }
        if let Some(offset) = self.anchor {
            let reached =
                self.wrapper.is_done() || self.last_body_start().is_some_and(|s| s > offset);
            if reached {
                self.anchor = None;
                self.scroll = self.line_of(offset);
            }
        }
        if self.follow_end {
            self.scroll = self.max_scroll(height);
            if self.wrapper.is_done() {
                self.follow_end = false;
            }
        }
        self.scroll = self.scroll.min(self.max_scroll(height));
        self.mark_visible(height);
    }

    fn wrap_more(&mut self, budget: usize) {
        if self.wrapper.is_done() {
            return;
        }
        let mut ranges = Vec::new();
        self.wrapper.run(&self.body, budget, &mut ranges);
        self.lines.extend(ranges.into_iter().map(DocLine::Body));
    }

    /// The start of the last body line laid out.
    fn last_body_start(&self) -> Option<usize> {
        match self.lines.last() {
            Some(DocLine::Body(r)) => Some(r.start),
            _ => None,
        }
    }

    /// The body lines laid out so far.
    fn body_lines(&self) -> &[DocLine] {
        self.lines.get(self.body_first..).unwrap_or_default()
    }

    /// The body offset shown at the start of screen line `line`, if it is a
    /// body line past the top.
    fn body_offset_at(&self, line: usize) -> Option<usize> {
        if line == 0 {
            return None;
        }
        self.lines
            .get(line.max(self.body_first)..)?
            .iter()
            .find_map(|l| match l {
                DocLine::Body(r) => Some(r.start),
                _ => None,
            })
    }

    /// The screen line that shows body offset `offset` (the last laid out
    /// when it is further on).
    pub fn line_of(&self, offset: usize) -> usize {
        let body = self.body_lines();
        let after = body.partition_point(|l| match l {
            DocLine::Body(r) => r.start <= offset,
            _ => true,
        });
        self.body_first + after.saturating_sub(1)
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let target = self.scroll.saturating_add_signed(delta);
        self.scroll_to(target, height);
    }

    /// Scroll so that `line` is at the top, laying out as far as that takes
    /// (within a budget: past it, the bottom follows the layout).
    pub fn scroll_to(&mut self, line: usize, height: usize) {
        self.anchor = None;
        self.follow_end = false;
        let mut budget = PREPARE_BYTES;
        while !self.wrapper.is_done()
            && self.lines.len() < line.saturating_add(height)
            && budget > 0
        {
            let before = self.wrapper.position();
            self.wrap_more(64 * 1024);
            budget = budget.saturating_sub(self.wrapper.position() - before);
        }
        self.scroll = line.min(self.max_scroll(height));
        self.settle(height);
    }

    /// Go to the bottom; while the rest is still being laid out, the view
    /// follows the end until it is done.
    pub fn scroll_to_end(&mut self, height: usize) {
        self.anchor = None;
        self.follow_end = !self.wrapper.is_done();
        self.scroll = self.max_scroll(height);
        self.settle(height);
    }

    /// Search the body for `needle` (case-insensitive) and go to the first
    /// match at or after the top of the screen. The search goes on in idle
    /// ticks for a long article.
    pub fn find(&mut self, needle: &str, height: usize) {
        let from = self.body_offset_at(self.scroll).unwrap_or(0);
        self.find = Find {
            needle: needle.to_string(),
            from,
            ..Find::default()
        };
        self.scan_find(PREPARE_BYTES, height);
    }

    /// Search `budget` more bytes of the body for the find's needle.
    fn scan_find(&mut self, budget: usize, height: usize) {
        let body = &self.body;
        if self.find.complete(body) {
            return;
        }
        let start = self.find.scanned;
        let end = if body.len() - start <= budget {
            body.len()
        } else {
            ceil_char_boundary(body, start + budget)
        };
        // A match may run past `end`: search a little further, keep only
        // matches that start before it.
        let reach = ceil_char_boundary(body, end.saturating_add(self.find.needle.len() * 4 + 16));
        let found = find_all(&body[start..reach], &self.find.needle);
        let mut first_new = None;
        for m in found {
            let m = start + m.start..start + m.end;
            if m.start >= end {
                break;
            }
            if self
                .find
                .matches
                .last()
                .is_some_and(|last| last.end > m.start)
            {
                continue;
            }
            if first_new.is_none() && m.start >= self.find.from {
                first_new = Some(self.find.matches.len());
            }
            self.find.matches.push(m);
        }
        self.find.scanned = end;
        if self.find.current.is_none() {
            if let Some(i) = first_new {
                self.find.current = Some(i);
                self.reveal_current(height);
            } else if self.find.complete(body) && !self.find.matches.is_empty() {
                // Nothing below the top: wrap around to the first.
                self.find.current = Some(0);
                self.reveal_current(height);
            }
        }
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
        let Some(m) = self
            .find
            .current
            .and_then(|i| self.find.matches.get(i))
            .cloned()
        else {
            return;
        };
        let laid_out =
            self.wrapper.is_done() || self.last_body_start().is_some_and(|s| s > m.start);
        if !laid_out {
            // Lay out up to it (in ticks if far), then show it.
            self.follow_end = false;
            self.anchor = Some(m.start);
            self.settle(height);
            if self.anchor.is_none() {
                self.scroll = self.scroll.saturating_sub(height / 3);
                self.settle(height);
            }
            return;
        }
        let line = self.line_of(m.start);
        if line < self.scroll || line >= self.scroll + height.max(1) {
            self.scroll_to(line.saturating_sub(height / 3), height);
        }
    }

    /// The body offset at the top of the screen (`None` on the title).
    pub fn top_offset(&self) -> Option<usize> {
        self.body_offset_at(self.scroll)
    }

    /// Show the body from `top` (the title when `None`), as a history
    /// entry remembers it; laid out in ticks when far down.
    pub fn restore_top(&mut self, top: Option<usize>, height: usize) {
        self.follow_end = false;
        match top {
            None => self.scroll_to(0, height),
            Some(offset) => {
                self.anchor = Some(offset);
                self.settle(height);
            }
        }
    }

    /// Move the cursor to the next (`step` > 0) or previous name or number
    /// of a kind `shown` accepts, and scroll to it. From a cursor off
    /// screen (or none), the first on screen (or the last, going back) is
    /// the one to go to.
    pub fn move_cursor(&mut self, step: isize, height: usize, shown: impl Fn(EntityKind) -> bool) {
        let height = height.max(1);
        let on_screen = self.cursor.as_ref().is_some_and(|c| {
            let line = self.line_of(c.start);
            line >= self.scroll && line < self.scroll + height
        });
        let found = if on_screen {
            let from = self.cursor.as_ref().map_or(0, |c| c.start);
            if step > 0 {
                self.span_after(from + 1, &shown)
            } else {
                self.span_before(from, &shown)
            }
        } else {
            let top = self.body_offset_at(self.scroll).unwrap_or(0);
            if step > 0 {
                self.span_after(top, &shown)
            } else {
                let bottom = self
                    .lines
                    .iter()
                    .skip(self.scroll)
                    .take(height)
                    .filter_map(|l| match l {
                        DocLine::Body(r) => Some(r.end),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(0);
                self.span_before(bottom, &shown)
            }
        };
        if let Some(range) = found {
            self.set_cursor(range, height);
        }
    }

    /// Put the cursor on `range` of the body and scroll so it is on screen.
    pub fn set_cursor(&mut self, range: Range<usize>, height: usize) {
        let start = range.start;
        self.cursor = Some(range);
        self.reveal(start, height);
    }

    /// Put the cursor on `range` and show it a third down the screen (a
    /// jump from elsewhere, where scrolling as little as possible would
    /// leave it on the last line).
    pub fn show_cursor(&mut self, range: Range<usize>, height: usize) {
        let start = range.start;
        self.cursor = Some(range);
        let laid_out = self.wrapper.is_done() || self.last_body_start().is_some_and(|s| s > start);
        if laid_out {
            let line = self.line_of(start);
            self.scroll_to(line.saturating_sub(height / 3), height);
        } else {
            self.reveal(start, height);
        }
    }

    /// The name or number under the cursor, with its kind.
    pub fn cursor_span(&self) -> Option<Span> {
        let c = self.cursor.as_ref()?;
        let i = self.spans.partition_point(|s| s.start < c.start);
        self.spans
            .get(i)
            .filter(|s| s.start == c.start && s.end == c.end)
            .copied()
    }

    /// The first span starting at or after `from`, highlighting chunks as
    /// far as it takes (within [`CURSOR_CHUNKS`]).
    fn span_after(
        &mut self,
        from: usize,
        shown: &impl Fn(EntityKind) -> bool,
    ) -> Option<Range<usize>> {
        let first = self.chunk_of(from);
        for k in first..first + CURSOR_CHUNKS {
            if k >= self.highlighted.len() {
                return None;
            }
            self.mark_chunk(k);
            let end = self.chunks[k + 1];
            let i = self.spans.partition_point(|s| s.start < from);
            if let Some(s) = self.spans[i..]
                .iter()
                .take_while(|s| s.start < end)
                .find(|s| shown(s.kind))
            {
                return Some(s.start..s.end);
            }
        }
        None
    }

    /// The last span starting before `before`, highlighting chunks back
    /// as far as it takes (within [`CURSOR_CHUNKS`]).
    fn span_before(
        &mut self,
        before: usize,
        shown: &impl Fn(EntityKind) -> bool,
    ) -> Option<Range<usize>> {
        let mut k = self.chunk_of(before.saturating_sub(1));
        for _ in 0..CURSOR_CHUNKS {
            if k >= self.highlighted.len() {
                return None;
            }
            self.mark_chunk(k);
            let start = self.chunks[k];
            let i = self.spans.partition_point(|s| s.start < before);
            if let Some(s) = self.spans[..i]
                .iter()
                .rev()
                .take_while(|s| s.start >= start)
                .find(|s| shown(s.kind))
            {
                return Some(s.start..s.end);
            }
            k = k.checked_sub(1)?;
        }
        None
    }

    /// The chunk holding body offset `offset`.
    fn chunk_of(&self, offset: usize) -> usize {
        self.chunks
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
            .min(self.highlighted.len().saturating_sub(1))
    }

    /// Highlight the whole body, or its first `limit` bytes when longer;
    /// whether it was all done.
    pub fn highlight_through(&mut self, limit: usize) -> bool {
        for k in 0..self.highlighted.len() {
            if self.chunks[k] >= limit {
                return false;
            }
            self.mark_chunk(k);
        }
        true
    }

    /// Scroll as little as keeps body offset `offset` on screen, laying
    /// out as far as that takes.
    fn reveal(&mut self, offset: usize, height: usize) {
        let laid_out = self.wrapper.is_done() || self.last_body_start().is_some_and(|s| s > offset);
        if !laid_out {
            self.follow_end = false;
            self.anchor = Some(offset);
            self.settle(height);
            if self.anchor.is_none() {
                self.scroll = self.scroll.saturating_sub(height / 3);
                self.settle(height);
            }
            return;
        }
        let line = self.line_of(offset);
        if line < self.scroll {
            self.scroll_to(line, height);
        } else if line >= self.scroll + height.max(1) {
            self.scroll_to(line + 1 - height.max(1), height);
        } else {
            self.settle(height);
        }
    }

    /// Replace the filter query's matches (when the query changes).
    pub fn set_query(&mut self, query: &FilterQuery) {
        query.clone_into(&mut self.query);
        self.query_matches.clear();
        self.queried.fill(false);
    }

    /// Find names, numbers and filter matches in the chunks on screen.
    fn mark_visible(&mut self, height: usize) {
        let shown = self.lines.iter().skip(self.scroll).take(height.max(1));
        let mut range: Option<Range<usize>> = None;
        for line in shown {
            if let DocLine::Body(r) = line {
                let start = range.as_ref().map_or(r.start, |x| x.start);
                range = Some(start..r.end);
            }
        }
        let Some(range) = range else { return };
        let first = self
            .chunks
            .partition_point(|&s| s <= range.start)
            .saturating_sub(1);
        let last = self
            .chunks
            .partition_point(|&s| s < range.end.max(range.start + 1));
        for k in first..last.min(self.highlighted.len()) {
            self.mark_chunk(k);
        }
    }

    fn mark_chunk(&mut self, k: usize) {
        let (start, end) = (self.chunks[k], self.chunks[k + 1]);
        let text = &self.body[start..end];
        if !self.highlighted[k] {
            self.highlighted[k] = true;
            let found = highlight::highlight(text).into_iter().map(|s| Span {
                start: s.start + start,
                end: s.end + start,
                ..s
            });
            let at = self.spans.partition_point(|s| s.start < start);
            self.spans.splice(at..at, found);
        }
        if !self.queried[k] {
            self.queried[k] = true;
            if !self.query.is_empty() {
                let found = self
                    .query
                    .body_matches(text)
                    .into_iter()
                    .map(|r| r.start + start..r.end + start);
                let at = self.query_matches.partition_point(|r| r.start < start);
                self.query_matches.splice(at..at, found);
            }
        }
    }
}

/// Where the body's chunks start, with its end last. A chunk ends after the
/// first line break, else the first space, within a quarter chunk of its
/// nominal end; else at a char boundary. Each start depends only on the text
/// around it, so any chunk can be highlighted without the ones before.
fn chunk_starts(body: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut nominal = CHUNK_BYTES;
    while nominal < body.len() {
        let window = &body.as_bytes()[nominal..body.len().min(nominal + CHUNK_BYTES / 4)];
        let cut = window
            .iter()
            .position(|&b| b == b'\n')
            .or_else(|| window.iter().position(|&b| b == b' '))
            .map_or_else(|| ceil_char_boundary(body, nominal), |i| nominal + i + 1);
        if cut < body.len() && cut > *starts.last().unwrap_or(&0) {
            starts.push(cut);
        }
        nominal += CHUNK_BYTES;
    }
    starts.push(body.len());
    starts
}

/// The first char boundary of `text` at or after `i` (its length past it).
fn ceil_char_boundary(text: &str, i: usize) -> usize {
    (i..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
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
            tags: Vec::new(),
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
                DocLine::Body(25..25),
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

    /// A body of `bytes` bytes of news-like words on one line.
    fn one_long_line(bytes: usize) -> String {
        let sentence = "Dock workers in Rotterdam said on Monday that 3,800 of them would strike. ";
        let mut body = sentence.repeat(bytes / sentence.len() + 1);
        body.truncate(bytes);
        body
    }

    fn run_to_the_end(view: &mut ReaderView, height: usize) -> usize {
        let mut ticks = 0;
        while view.busy() {
            view.work(height);
            ticks += 1;
            assert!(ticks < 10_000, "idle work never ends");
        }
        ticks
    }

    #[test]
    fn a_long_line_is_laid_out_in_pieces_the_same_as_at_once() {
        let body = one_long_line(3 * 1024 * 1024 + 17);
        let mut view = ReaderView::new(0, article("T", &body), &FilterQuery::default(), 70);
        view.settle(20);
        assert!(!view.laid_out(), "3 MB are not wrapped on opening");
        assert!(view.lines.len() >= 20);
        // Paging stays exact while the rest is laid out.
        for page in 1..=5 {
            view.scroll_by(19, 20);
            assert_eq!(view.scroll, page * 19);
        }
        let ticks = run_to_the_end(&mut view, 20);
        assert!(ticks >= 2, "{ticks} ticks");
        let body_lines: Vec<_> = view.lines[view.body_first..]
            .iter()
            .map(|l| match l {
                DocLine::Body(r) => r.clone(),
                other => panic!("{other:?} in the body"),
            })
            .collect();
        assert_eq!(body_lines, wrap_ranges(&body, 70));
        assert_eq!(view.scroll, 95, "the view stayed where it was");
        view.scroll_to_end(20);
        assert_eq!(view.scroll, view.lines.len() - 20);
        assert_eq!(body_lines.last().unwrap().end, body.trim_end().len());
    }

    #[test]
    fn a_50_mb_line_opens_scrolls_and_jumps_without_waiting() {
        let body = one_long_line(50 * 1024 * 1024);
        let article = article("T", &body);
        let started = std::time::Instant::now();
        let mut view = ReaderView::new(0, article, &FilterQuery::parse("rotterdam"), 100);
        view.settle(50);
        let mut slowest = started.elapsed();
        eprintln!("  opening: {slowest:?}");
        let mut step = |what: &str, f: &mut dyn FnMut(&mut ReaderView)| {
            let t = std::time::Instant::now();
            f(&mut view);
            slowest = slowest.max(t.elapsed());
            eprintln!("  {what}: {:?}", t.elapsed());
            assert!(
                t.elapsed().as_secs_f64() < 3.0,
                "{what} took {:?}",
                t.elapsed()
            );
        };
        step("paging", &mut |v| v.scroll_by(49, 50));
        step("bottom", &mut |v| v.scroll_to_end(50));
        step("a tick", &mut |v| v.work(50));
        step("find", &mut |v| v.find("strike", 50));
        step("next match", &mut |v| v.step_find(1, 50));
        step("a rewrap", &mut |v| v.layout(60));
        // Only what was on screen was highlighted: a few chunks, not 50 MB.
        assert!(
            view.spans.len() < 10 * CHUNK_BYTES / 40,
            "{} spans",
            view.spans.len()
        );
        assert!(!view.query_matches.is_empty());
        assert!(view.busy());
        eprintln!("50 MB line: slowest step {slowest:?}");
    }

    #[test]
    fn highlights_are_found_for_the_chunks_on_screen() {
        let paragraph = "Anneke Verhoeven said 1,250 workers stopped in Rotterdam on Monday.\n\n";
        let body = paragraph.repeat(3 * CHUNK_BYTES / paragraph.len());
        let mut view = ReaderView::new(0, article("T", &body), &FilterQuery::parse("workers"), 80);
        view.settle(10);
        let first_chunk_end = view.chunks[1];
        assert!(view.spans.iter().all(|s| s.end <= first_chunk_end));
        assert!(!view.spans.is_empty());
        // Far down, the chunk there is highlighted when it comes on screen.
        let line = view.lines.len() + 3000;
        run_to_the_end(&mut view, 10);
        view.scroll_to(line, 10);
        let DocLine::Body(shown) = view.lines[view.scroll].clone() else {
            panic!("body line");
        };
        assert!(shown.start > first_chunk_end);
        let here: Vec<_> = view
            .spans
            .iter()
            .filter(|s| s.start >= shown.start && s.end <= shown.end)
            .collect();
        assert!(!here.is_empty(), "no highlight on screen at {shown:?}");
        let mut end = 0;
        for s in &view.spans {
            assert!(s.start >= end && s.end <= body.len());
            end = s.end;
        }
        let matches_on_screen = view
            .query_matches
            .iter()
            .filter(|m| m.start >= shown.start && m.end <= shown.end)
            .count();
        assert_eq!(matches_on_screen, 1);
        // A new query forgets the old matches and finds its own.
        view.set_query(&FilterQuery::parse("monday"));
        view.settle(10);
        assert!(
            view.query_matches
                .iter()
                .all(|m| &body[m.clone()] == "Monday")
        );
        assert!(!view.query_matches.is_empty());
    }

    #[test]
    fn find_in_a_long_article_counts_as_it_goes_and_reaches_the_end() {
        let mut body = one_long_line(4 * 1024 * 1024);
        body.push_str(" The Havenbond union.");
        let mut view = ReaderView::new(0, article("T", &body), &FilterQuery::default(), 80);
        view.settle(20);
        view.find("HAVENBOND", 20);
        assert_eq!(view.find.current, None, "not searched that far yet");
        assert!(!view.find.complete(&body));
        run_to_the_end(&mut view, 20);
        assert_eq!(view.find.matches.len(), 1);
        assert_eq!(view.find.current, Some(0));
        let line = view.line_of(view.find.matches[0].start);
        assert!(
            view.scroll <= line && line < view.scroll + 20,
            "the match is on screen"
        );
        // Every match of a common word is found, none twice, across the
        // pieces searched.
        view.find("rotterdam", 20);
        run_to_the_end(&mut view, 20);
        assert_eq!(view.find.matches, find_all(&body, "rotterdam"));
    }

    #[test]
    fn a_rewrap_far_down_comes_back_to_the_same_text() {
        let body = one_long_line(3 * 1024 * 1024);
        let mut view = ReaderView::new(0, article("T", &body), &FilterQuery::default(), 80);
        run_to_the_end(&mut view, 20);
        view.scroll_to(30_000, 20);
        let DocLine::Body(top) = view.lines[view.scroll].clone() else {
            panic!("body line");
        };
        view.layout(50);
        view.settle(20);
        run_to_the_end(&mut view, 20);
        let DocLine::Body(now) = view.lines[view.scroll].clone() else {
            panic!("body line");
        };
        assert!(
            now.start <= top.start && top.start < now.end + 1,
            "{top:?} vs {now:?}"
        );
    }
}
