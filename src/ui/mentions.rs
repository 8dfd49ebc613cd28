//! The mentions pane: a window over the panes listing every mention of a
//! name, grouped by source: the date and title of each article and the
//! sentence around the mention, the mention marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;

use super::theme::Theme;
use super::{centered, count, hint_line, truncate, width};
use crate::app::App;
use crate::app::mentions::{MentionRow, MentionsPane};
use crate::sanitize;
use crate::wrap;

/// The window for a screen of `size`: nearly all of it.
pub fn area(size: Rect) -> Rect {
    centered(
        size,
        size.width.saturating_sub(4).min(130),
        size.height.saturating_sub(2),
    )
}

/// How many rows of mentions the window shows at once.
pub fn rows(size: Rect) -> usize {
    usize::from(area(size).height.saturating_sub(4)).max(1)
}

/// How wide the title column is in a row of `width` columns.
fn title_width(width: usize) -> usize {
    (width / 4).clamp(8, 36)
}

/// Draw the pane; returns where the cursor goes.
pub fn render(app: &App, buf: &mut Buffer, theme: &Theme) -> Option<Position> {
    let pane = app.mentions.as_ref()?;
    let popup = area(app.size);
    Clear.render(popup, buf);
    let (mentions, articles, sources) = pane.counts();
    let plural = |n: usize, one: &str, many: &str| {
        format!("{} {}", count(n), if n == 1 { one } else { many })
    };
    let mut title = format!(
        " {} · {} · {} in {}, {}",
        sanitize::line(&pane.name),
        pane.kind.label(),
        plural(mentions, "mention", "mentions"),
        plural(articles, "article", "articles"),
        plural(sources, "source", "sources"),
    );
    if pane.filtered {
        title.push_str(" (filtered list)");
    }
    if pane.partial {
        title.push_str(" (the first articles only)");
    }
    if !pane.input.trim().is_empty() {
        title = format!("{title} · {} shown", count(pane.shown()));
    }
    title.push(' ');
    let hints = hint_line(
        &[("Enter", "open"), ("↓ ↑", "move"), ("Esc", "close ")],
        theme,
    );
    let (inner, cursor_x) =
        super::input_popup(popup, &title, hints, ("Filter: ", &pane.input), buf, theme)?;
    let list = Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if pane.rows.is_empty() && list.height > 0 {
        buf.set_line(
            list.x,
            list.y,
            &Line::styled("No mention matches.", theme.list_meta),
            list.width,
        );
    }
    for (i, k) in (pane.offset..pane.rows.len())
        .take(usize::from(list.height))
        .enumerate()
    {
        let y = list.y + u16::try_from(i).unwrap_or(u16::MAX);
        let selected = k == pane.selected;
        if selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), theme.list_selected);
        }
        let line = row_line(app, pane, k, usize::from(list.width), theme);
        buf.set_line(list.x, y, &line, list.width);
    }
    Some(Position::new(
        cursor_x.min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}

/// A source's header (`Northline Wire ── 2 mentions in 1 article`) or a
/// mention (`▌2026-11-16  Title…  …the sentence, the name marked…`).
pub fn row_line(
    app: &App,
    pane: &MentionsPane,
    k: usize,
    width_cols: usize,
    theme: &Theme,
) -> Line<'static> {
    let selected = k == pane.selected;
    match pane.rows.get(k) {
        Some(&MentionRow::Source { group, shown }) => {
            let Some(g) = pane.groups.get(group) else {
                return Line::default();
            };
            let name = if g.source.is_empty() {
                "(no source)".to_string()
            } else {
                sanitize::line(&g.source).into_owned()
            };
            let noun = |n: usize, one: &str, many: &str| {
                format!("{} {}", count(n), if n == 1 { one } else { many })
            };
            let meta = if shown == g.mentions.len() {
                format!(
                    " {} in {}",
                    noun(shown, "mention", "mentions"),
                    noun(g.articles, "article", "articles")
                )
            } else {
                format!(" {shown} of {} mentions", count(g.mentions.len()))
            };
            let name = truncate(&name, width_cols.saturating_sub(width(&meta) + 4));
            let rule = "─".repeat(
                width_cols
                    .saturating_sub(width(&name) + width(&meta) + 1)
                    .min(3),
            );
            Line::from(vec![
                Span::styled(name, theme.group_header),
                Span::styled(format!(" {rule}"), theme.group_meta),
                Span::styled(meta, theme.group_meta),
            ])
        }
        Some(&MentionRow::Mention { group, index }) => {
            let Some(m) = pane.groups.get(group).and_then(|g| g.mentions.get(index)) else {
                return Line::default();
            };
            let Some(article) = app.articles.get(m.article) else {
                return Line::default();
            };
            let (text_style, meta_style) = if selected {
                (theme.list_selected, theme.list_selected)
            } else {
                (theme.list_title, theme.list_meta)
            };
            let mut spans = vec![Span::styled(if selected { "▌" } else { " " }, text_style)];
            let date = article.date_label();
            let date = if date.is_empty() {
                " ".repeat(10)
            } else {
                date
            };
            spans.push(Span::styled(format!("{date}  "), meta_style));
            let title_cols = title_width(width_cols);
            let title = truncate(&sanitize::line(&article.title), title_cols);
            let pad = title_cols.saturating_sub(width(&title));
            spans.push(Span::styled(
                format!("{title}{}  ", " ".repeat(pad)),
                text_style,
            ));
            let used = 1 + width(&date) + 2 + title_cols + 2;
            let room = width_cols.saturating_sub(used);
            spans.extend(sentence_spans(
                &article.body.text(),
                m.sentence.clone(),
                m.range.clone(),
                room,
                text_style,
                theme.cursor,
            ));
            Line::from(spans)
        }
        None => Line::default(),
    }
}

/// The sentence around a mention (at `range`) cut to `room` columns so
/// that the mention shows: some context before it (cut at the left with
/// `…`), the mention marked, then what follows.
pub(super) fn sentence_spans(
    body: &str,
    sentence: std::ops::Range<usize>,
    range: std::ops::Range<usize>,
    room: usize,
    style: ratatui::style::Style,
    mark: ratatui::style::Style,
) -> Vec<Span<'static>> {
    let flat = |s: &str| sanitize::line(&s.replace(['\n', '\r', '\t'], " ")).into_owned();
    let sentence = sentence.start.min(range.start)..sentence.end.max(range.end);
    let before = flat(body.get(sentence.start..range.start).unwrap_or(""));
    let name = flat(body.get(range.clone()).unwrap_or(""));
    let after = flat(body.get(range.end..sentence.end).unwrap_or(""));
    let name = truncate(&name, room);
    let left_room = (room.saturating_sub(width(&name)) / 3).max(room / 4);
    let before = tail(
        before.trim_start(),
        left_room.min(room.saturating_sub(width(&name))),
    );
    let after = truncate(
        after.trim_end(),
        room.saturating_sub(width(&name) + width(&before)),
    );
    vec![
        Span::styled(before, style),
        Span::styled(name, style.patch(mark)),
        Span::styled(after, style),
    ]
}

/// The end of `text` in at most `room` columns, starting with `…` when cut.
fn tail(text: &str, room: usize) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let mut used = 1;
    let mut start = text.len();
    for (i, g) in text.grapheme_indices(true).rev() {
        let w = wrap::grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        start = i;
    }
    // Start at a word when one begins in what is kept.
    let kept = &text[start..];
    let kept = match kept.find(' ') {
        Some(space) if start > 0 && space + 1 < kept.len() => &kept[space + 1..],
        _ => kept,
    };
    format!("…{kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_end_in_its_columns() {
        assert_eq!(tail("abcdef", 10), "abcdef");
        assert_eq!(tail("abcdef", 4), "…def");
        assert_eq!(tail("on Tuesday, Nov. 24, and", 15), "…Nov. 24, and");
        assert_eq!(tail("abcdef", 0), "");
        assert_eq!(tail("日本語です", 5), "…です");
    }
}
