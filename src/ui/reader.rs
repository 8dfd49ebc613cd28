//! The reader: the open article's title, source, date and author, then its
//! body wrapped to the pane, with names, numbers, filter and find matches
//! highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::theme::Theme;
use crate::app::reader::{DocLine, ReaderView};
use crate::app::{App, Focus};
use crate::sanitize;
use crate::wrap;

/// Drawn in the margin of the line the reader's cursor is on.
pub const CURSOR_MARK: &str = "▸";

/// The text's area inside the pane's border and padding.
pub fn inner(area: Rect) -> Rect {
    let inner = Block::bordered().inner(area);
    Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The width the body is wrapped to in a pane of `area`: at most `cap`
/// columns (the config's `wrap_width`; `None` for the pane's width).
pub fn text_width(area: Rect, cap: Option<u16>) -> usize {
    let cap = cap.map_or(usize::MAX, usize::from);
    usize::from(inner(area).width).min(cap).max(1)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let border = if app.focus == Focus::Reader {
        theme.border_focused
    } else {
        theme.border
    };
    let mut block = Block::bordered()
        .border_style(border)
        .title(Line::styled(" Reader ", theme.pane_title));
    let inner = inner(area);
    let Some(view) = &app.reader else {
        block.render(area, buf);
        let text = if app.loading.done { "" } else { "Loading…" };
        Paragraph::new(Line::styled(text, theme.list_meta)).render(inner, buf);
        return;
    };
    let height = usize::from(inner.height);
    block = block
        .title_bottom(Line::styled(position_label(view, height), theme.list_meta).right_aligned());
    if !view.find.needle.is_empty() {
        block = block.title_bottom(Line::styled(find_label(view), theme.bar_label).left_aligned());
    }
    block.render(area, buf);
    let cursor = view.cursor.as_ref().map(|c| c.start);
    for (i, doc_line) in view.lines.iter().skip(view.scroll).take(height).enumerate() {
        let line = styled_line(view, doc_line, theme);
        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
        buf.set_line(inner.x, y, &line, inner.width);
        // The cursor's line is marked in the margin left of the text.
        if let (Some(at), DocLine::Body(r)) = (cursor, doc_line)
            && (r.contains(&at) || (r.is_empty() && r.start == at))
            && inner.x > area.x + 1
        {
            buf.set_string(inner.x - 1, y, CURSOR_MARK, theme.cursor_mark);
        }
    }
}

/// `Top`, `Bot`, `All` or a percentage, as less and vim show it, with the
/// line count.
pub fn position_label(view: &ReaderView, height: usize) -> String {
    let total = view.lines.len();
    let last_shown = (view.scroll + height).min(total);
    if !view.laid_out() {
        return format!(" {last_shown}/… laying out {}% ", view.laid_out_percent());
    }
    let where_ = if total <= height {
        "All".to_string()
    } else if view.scroll == 0 {
        "Top".to_string()
    } else if last_shown >= total {
        "Bot".to_string()
    } else {
        format!("{}%", last_shown * 100 / total.max(1))
    };
    format!(" {last_shown}/{total} {where_} ")
}

fn find_label(view: &ReaderView) -> String {
    let count = view.find.matches.len();
    let needle = sanitize::line(&view.find.needle);
    if view.find.outline {
        let at = view.find.current.map_or(0, |i| i + 1);
        return format!(" {needle} {at}/{count} (n N) ");
    }
    let more = if view.find.complete(&view.body) {
        ""
    } else {
        "…"
    };
    match view.find.current {
        Some(i) if count > 0 => format!(" /{needle} {}/{count}{more} ", i + 1),
        _ if !more.is_empty() => format!(" /{needle} searching… "),
        _ => format!(" /{needle} no match "),
    }
}

/// One line of the reader, styled.
pub fn styled_line(view: &ReaderView, line: &DocLine, theme: &Theme) -> Line<'static> {
    let article = &view.article;
    match line {
        DocLine::Title(r) => Line::styled(
            sanitize::line(article.title.get(r.clone()).unwrap_or("")).into_owned(),
            theme.reader_title,
        ),
        DocLine::Meta(meta) => Line::styled(sanitize::line(meta).into_owned(), theme.reader_meta),
        DocLine::Blank => Line::default(),
        DocLine::Body(r) => Line::from(body_spans(view, r.clone(), theme)),
    }
}

/// The body text in `range`, cut where a highlight starts or ends, each piece
/// styled: entity, then filter match, then find match on top.
fn body_spans(view: &ReaderView, range: Range<usize>, theme: &Theme) -> Vec<Span<'static>> {
    let body = &view.body;
    let mut cuts = vec![range.start, range.end];
    let entities = overlapping(&view.spans, &range, |s| s.start..s.end);
    let queries = overlapping(&view.query_matches, &range, Clone::clone);
    let finds = overlapping(&view.find.matches, &range, Clone::clone);
    for r in entities
        .iter()
        .map(|s| s.start..s.end)
        .chain(queries.iter().cloned())
        .chain(finds.iter().cloned())
    {
        cuts.push(r.start.clamp(range.start, range.end));
        cuts.push(r.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let cursor = view.cursor.clone();
    if let Some(c) = &cursor {
        cuts.push(c.start.clamp(range.start, range.end));
        cuts.push(c.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let current = view
        .find
        .current
        .and_then(|i| view.find.matches.get(i))
        .cloned();
    let mut spans = Vec::new();
    let mut col = 0;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let Some(text) = body.get(start..end) else {
            continue;
        };
        let inside = |r: &Range<usize>| r.start <= start && end <= r.end;
        let mut style = theme.reader_body;
        if let Some(span) = entities.iter().find(|s| s.start <= start && end <= s.end) {
            style = style.patch(theme.highlight(span.kind));
        }
        if queries.iter().any(inside) {
            style = style.patch(theme.filter_match);
        }
        if finds.iter().any(inside) {
            let current_here = current.as_ref().is_some_and(inside);
            style = style.patch(if current_here {
                theme.find_current
            } else {
                theme.find_match
            });
        }
        if cursor.as_ref().is_some_and(inside) {
            style = style.patch(theme.cursor);
        }
        spans.push(Span::styled(wrap::screen_text(text, &mut col), style));
    }
    spans
}

/// The items of a sorted list of ranges that overlap `range`.
fn overlapping<'a, T>(
    items: &'a [T],
    range: &Range<usize>,
    span: impl Fn(&T) -> Range<usize>,
) -> &'a [T] {
    let first = items.partition_point(|t| span(t).end <= range.start);
    let last = first + items[first..].partition_point(|t| span(t).start < range.end);
    &items[first..last]
}
