//! The outline: a side list at the reader's right of the open article's
//! names, figures and dates under a heading per kind, each with its count,
//! drawn in its kind's style.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Theme;
use super::{count, truncate, width};
use crate::app::outline::{OutlineRow, heading};
use crate::app::{App, Focus};
use crate::sanitize;

/// The list's area inside the border.
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(outline) = &app.outline else { return };
    Clear.render(area, buf);
    let border = if app.focus == Focus::Outline {
        theme.border_focused
    } else {
        theme.border
    };
    let title = if outline.partial {
        format!(" Outline {} (start) ", count(outline.entries.len()))
    } else {
        format!(" Outline {} ", count(outline.entries.len()))
    };
    let block = Block::bordered()
        .border_style(border)
        .title(Line::styled(title, theme.pane_title));
    let inner = inner(area);
    block.render(area, buf);
    if outline.entries.is_empty() && inner.height > 0 {
        buf.set_line(
            inner.x,
            inner.y,
            &Line::styled(" Nothing highlighted.", theme.list_meta),
            inner.width,
        );
    }
    let cols = usize::from(inner.width);
    for (i, row) in outline
        .rows
        .iter()
        .skip(outline.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
        let line = match *row {
            OutlineRow::Kind(kind) => Line::styled(heading(kind), theme.group_header),
            OutlineRow::Entry(k) => {
                let Some(entry) = outline.entries.get(k) else {
                    continue;
                };
                let selected = k == outline.selected;
                if selected {
                    buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.list_selected);
                }
                let n = count(entry.count());
                let label = sanitize::line(&entry.label.replace(['\n', '\r'], " ")).into_owned();
                let label = truncate(&label, cols.saturating_sub(width(&n) + 3));
                let pad = cols.saturating_sub(1 + width(&label) + width(&n));
                let (mark, label_style, count_style) = if selected {
                    ("▌", theme.list_selected, theme.list_selected)
                } else {
                    (" ", theme.entity(entry.kind), theme.list_meta)
                };
                Line::from(vec![
                    Span::styled(mark, label_style),
                    Span::styled(label, label_style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(n, count_style),
                ])
            }
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
