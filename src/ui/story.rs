//! The story view: a window over the panes with one story's articles one
//! after another, what only one source says and the figures that disagree
//! marked in their own styles.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Theme;
use super::{centered, hint_line, truncate};
use crate::app::App;
use crate::app::story::{Mark, SIDE_BY_SIDE};
use crate::sanitize;

/// The window for a screen of `size`: nearly all of it, but no wider than
/// a column of text reads well, unless there is room for two (see
/// [`SIDE_BY_SIDE`]).
pub fn area(size: Rect) -> Rect {
    let two_columns = u16::try_from(SIDE_BY_SIDE + 4).unwrap_or(u16::MAX);
    let width = if size.width.saturating_sub(4) >= two_columns {
        size.width.saturating_sub(4).min(220)
    } else {
        size.width.saturating_sub(4).min(110)
    };
    centered(size, width, size.height.saturating_sub(2))
}

/// The columns and lines the text has in the window: inside the border,
/// one column of margin either side, less the key line at the top.
pub fn text_size(size: Rect) -> (usize, usize) {
    let area = area(size);
    (
        usize::from(area.width.saturating_sub(4)).max(1),
        usize::from(area.height.saturating_sub(3)).max(1),
    )
}

/// The style of a mark.
pub fn style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Plain => theme.reader_body,
        Mark::Source => theme.group_header,
        Mark::Heading => theme.reader_title,
        Mark::Meta => theme.reader_meta,
        Mark::Addition => theme.addition,
        Mark::OnlyHere => theme.only_here,
        Mark::Disagree => theme.disagree,
        Mark::Copy => theme.copy_mark,
    }
}

pub fn render(app: &App, buf: &mut Buffer, theme: &Theme) {
    let Some(view) = app.story.as_ref() else {
        return;
    };
    let popup = area(app.size);
    Clear.render(popup, buf);
    let title = format!(
        " Story · {} {} · {} · {} ",
        view.sources,
        if view.sources == 1 {
            "source"
        } else {
            "sources"
        },
        view.dates,
        sanitize::line(&view.headline),
    );
    let hints = hint_line(
        &[("} {", "article"), ("Enter", "read"), ("Esc", "back ")],
        theme,
    );
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(
            truncate(&title, usize::from(popup.width.saturating_sub(2))),
            theme.pane_title,
        ))
        .title_bottom(hints.right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height == 0 || inner.width < 3 {
        return;
    }
    let key = Line::from(vec![
        Span::raw(" "),
        Span::styled("only this source", theme.addition),
        Span::raw(" · "),
        Span::styled("its names and figures", theme.only_here),
        Span::raw(" · "),
        Span::styled("≠ disagrees", theme.disagree),
    ]);
    buf.set_line(inner.x, inner.y, &key, inner.width);
    let text = Rect {
        x: inner.x + 1,
        y: inner.y.saturating_add(1),
        width: inner.width.saturating_sub(2),
        height: inner.height.saturating_sub(1),
    };
    for (i, line) in view
        .lines
        .iter()
        .skip(view.scroll)
        .take(usize::from(text.height))
        .enumerate()
    {
        let y = text.y + u16::try_from(i).unwrap_or(u16::MAX);
        let spans: Vec<Span> = line
            .pieces
            .iter()
            .map(|(t, m)| Span::styled(t.as_str(), style(*m, theme)))
            .collect();
        buf.set_line(text.x, y, &Line::from(spans), text.width);
    }
}
