//! The figures pane: a window over the panes listing every number and date,
//! two lines a figure: the figure as written with what it counts (and, when
//! it disagrees within its story, `≠` and what the other sources give),
//! the article's date, source and title; then the sentence around it, the
//! figure marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::theme::Theme;
use super::{centered, count, hint_line, truncate, width};
use crate::app::App;
use crate::app::figures::FiguresPane;
use crate::highlight::EntityKind;
use crate::sanitize;

/// Lines a figure takes.
const ROW_LINES: u16 = 2;

/// The window for a screen of `size`: nearly all of it.
pub fn area(size: Rect) -> Rect {
    centered(
        size,
        size.width.saturating_sub(4).min(140),
        size.height.saturating_sub(2),
    )
}

/// How many figures the window shows at once.
pub fn rows(size: Rect) -> usize {
    usize::from(area(size).height.saturating_sub(4) / ROW_LINES).max(1)
}

/// Draw the pane; returns where the cursor goes.
pub fn render(app: &App, buf: &mut Buffer, theme: &Theme) -> Option<Position> {
    let pane = app.figures.as_ref()?;
    let popup = area(app.size);
    Clear.render(popup, buf);
    let mut title = format!(
        " Figures · {} in {} {} · by {}",
        count(pane.rows.len()),
        count(pane.articles),
        if pane.articles == 1 {
            "article"
        } else {
            "articles"
        },
        pane.sort.label(),
    );
    if pane.filtered {
        title.push_str(" (filtered list)");
    }
    if !pane.input.trim().is_empty() {
        title = format!("{title} · {} shown", count(pane.matches.len()));
        if pane.searching() {
            title.push_str(", searching…");
        }
    }
    title.push(' ');
    let hints = hint_line(
        &[
            ("Enter", "open"),
            ("Tab", "sort"),
            ("↓ ↑", "move"),
            ("Esc", "close "),
        ],
        theme,
    );
    let (inner, cursor_x) =
        super::input_popup(popup, &title, hints, ("Filter: ", &pane.input), buf, theme)?;
    let list = Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if pane.matches.is_empty() && list.height > 0 {
        let text = if pane.searching() {
            "Searching…"
        } else if pane.rows.is_empty() {
            "No figures yet: the articles are still being read, or give none."
        } else {
            "No figure matches."
        };
        buf.set_line(
            list.x,
            list.y,
            &Line::styled(text, theme.list_meta),
            list.width,
        );
    }
    let shown = usize::from(list.height / ROW_LINES);
    for (i, k) in (pane.offset..pane.matches.len()).take(shown).enumerate() {
        let y = list.y + u16::try_from(i).unwrap_or(u16::MAX) * ROW_LINES;
        if k == pane.selected {
            buf.set_style(
                Rect::new(list.x, y, list.width, ROW_LINES),
                theme.list_selected,
            );
        }
        let [first, second] = row_lines(app, pane, k, usize::from(list.width), theme);
        buf.set_line(list.x, y, &first, list.width);
        buf.set_line(list.x, y + 1, &second, list.width);
    }
    Some(Position::new(
        cursor_x.min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}

/// The two lines of the `k`th figure shown.
pub fn row_lines(
    app: &App,
    pane: &FiguresPane,
    k: usize,
    width_cols: usize,
    theme: &Theme,
) -> [Line<'static>; 2] {
    let Some(row) = pane.shown_row(k) else {
        return [Line::default(), Line::default()];
    };
    let Some(article) = app.articles.get(row.article()) else {
        return [Line::default(), Line::default()];
    };
    let selected = k == pane.selected;
    let (text_style, meta_style) = if selected {
        (theme.list_selected, theme.list_selected)
    } else {
        (theme.list_title, theme.list_meta)
    };
    let figure_style = if selected {
        theme.list_selected
    } else {
        theme.entity(row.kind)
    };
    let read = pane.read_row(row, &app.articles);
    // The figure: as written with what it counts once read, else its value.
    let label = match (&read, row.kind) {
        (Some(r), _) => r.figure.label(&article.body.text()),
        (None, EntityKind::Date) => row
            .day()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        (None, _) => format!("{}", row.value),
    };
    let label = sanitize::line(&label.replace(['\n', '\r', '\t'], " ")).into_owned();
    let mut first = vec![Span::styled(if selected { "▌" } else { " " }, text_style)];
    let label = truncate(&label, (width_cols / 3).max(12));
    let mut used = 1 + width(&label);
    first.push(Span::styled(label, figure_style));
    if let Some(r) = read.as_ref().filter(|r| r.times > 1) {
        let times = format!(" ×{}", r.times);
        used += width(&times);
        first.push(Span::styled(times, meta_style));
    }
    let meta = {
        let date = article.date_label();
        let source = sanitize::line(&article.source).into_owned();
        let title = sanitize::line(&article.title).into_owned();
        [date, source, title]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    if let Some(r) = read.as_ref().filter(|r| !r.elsewhere.is_empty()) {
        let room = width_cols.saturating_sub(used + 2 + width_cols.min(meta.len()) / 2);
        let note = truncate(
            &sanitize::line(&format!(" ≠ {}", r.elsewhere.join(" · "))),
            room.max(12),
        );
        used += width(&note);
        first.push(Span::styled(
            note,
            if selected {
                theme.list_selected
            } else {
                theme.disagree
            },
        ));
    }
    let room = width_cols.saturating_sub(used + 2);
    let meta = truncate(&meta, room);
    let pad = width_cols.saturating_sub(used + width(&meta));
    first.push(Span::styled(" ".repeat(pad), meta_style));
    first.push(Span::styled(meta, meta_style));
    let second = match &read {
        Some(r) => {
            let mut spans = vec![Span::styled("   ", text_style)];
            spans.extend(super::mentions::sentence_spans(
                &article.body.text(),
                r.figure.sentence.clone(),
                r.figure.range.clone(),
                width_cols.saturating_sub(3),
                text_style,
                if selected {
                    theme.cursor
                } else {
                    figure_style.patch(theme.cursor_mark)
                },
            ));
            Line::from(spans)
        }
        None => Line::styled("   …", meta_style),
    };
    [Line::from(first), second]
}
