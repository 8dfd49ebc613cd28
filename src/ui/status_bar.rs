//! The status line: counts, loading progress, problems, and key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::{count, hint_line, width};
use crate::app::{App, Focus};
use crate::highlight::EntityKind;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area, theme.status);
    let left = Line::from(summary(app, theme)).style(theme.status);
    let hints: &[(&str, &str)] = match (app.editing.is_some(), app.focus) {
        _ if app.picker.is_some() => &[("Enter", "go to"), ("Ctrl-f", "filter"), ("Esc", "close")],
        _ if app.mentions.is_some() => &[("type", "narrow"), ("Enter", "open"), ("Esc", "close")],
        _ if app.figures.is_some() => &[
            ("type", "narrow"),
            ("Tab", "sort"),
            ("Enter", "open"),
            ("Esc", "close"),
        ],
        _ if app.story.is_some() => &[
            ("j/k", "scroll"),
            ("}/{", "article"),
            ("Enter", "read"),
            ("Esc", "back"),
        ],
        _ if app.entity_list.is_some() => &[
            ("type", "narrow"),
            ("Tab", "sort"),
            ("Enter", "filter"),
            ("Esc", "close"),
        ],
        (true, _) => &[("Enter", "done"), ("Esc", "clear")],
        (false, Focus::List) => &[
            ("/", "filter"),
            ("s", "group"),
            ("Enter", "read"),
            ("?", "help"),
            ("q", "quit"),
        ],
        (false, Focus::Outline) => &[
            ("Enter", "go to"),
            ("n/N", "mentions"),
            ("o", "close"),
            ("?", "help"),
        ],
        (false, Focus::Reader) => &[
            ("/", "find"),
            ("] [", "names"),
            ("Enter", "mentions"),
            ("Ctrl-o", "back"),
            ("?", "help"),
            ("q", "quit"),
        ],
    };
    let right = hint_line(hints, theme).style(theme.status);
    let right_width = u16::try_from(right.width()).unwrap_or(u16::MAX);
    left.render(area, buf);
    if usize::from(area.width) > right.width() + width(&line_text(&summary(app, theme))) + 2 {
        let x = area.right() - right_width;
        right.render(Rect::new(x, area.y, right_width, 1), buf);
    }
}

fn line_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.content.as_ref()).collect()
}

/// `3 of 120 articles · loading 240 files… · 2 files skipped (m)`.
pub fn summary<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let total = app.articles.len();
    let mut spans = vec![Span::raw(" ")];
    let noun = if total == 1 { "article" } else { "articles" };
    if app.query.is_empty() {
        spans.push(Span::raw(format!("{} {noun}", count(total))));
    } else {
        spans.push(Span::raw(format!(
            "{} of {} {noun}",
            count(app.visible_len()),
            count(total)
        )));
    }
    if let Some(groups) = &app.groups {
        let n = groups.groups().len();
        let noun = match (app.by_story, n == 1) {
            (false, true) => "source",
            (false, false) => "sources",
            (true, true) => "story",
            (true, false) => "stories",
        };
        spans.push(Span::raw(format!(" in {} {noun}", count(n))));
    }
    let hidden: Vec<&str> = app.shown.hidden().map(EntityKind::label).collect();
    if !hidden.is_empty() {
        spans.push(Span::raw(format!(
            " · not highlighted: {}",
            hidden.join(", ")
        )));
    }
    if let (false, Some((done, total))) = (app.loading.done, app.loading.fetched)
        && done < total
    {
        spans.push(Span::raw(format!(
            " · fetching: {} of {} URLs done…",
            count(done),
            count(total)
        )));
    } else if !app.loading.done {
        spans.push(Span::raw(match app.loading.files {
            0 => " · loading…".to_string(),
            1 => " · loading, 1 file read…".to_string(),
            n => format!(" · loading, {} files read…", count(n)),
        }));
    } else if app.entities_indexed < total {
        // names and figures are indexed behind the loader
        let percent = app.entities_indexed * 100 / total.max(1);
        spans.push(Span::raw(format!(" · indexing names {percent}%")));
    }
    if app.fetching_full_text() {
        spans.push(Span::raw(" · fetching the full article…"));
    } else if app.full_shown.is_some() {
        spans.push(Span::raw(" · full article (f: summary)"));
    }
    let errors = app.errors();
    let warnings = app.issues.len() - errors;
    if errors > 0 {
        let s = if errors == 1 { "" } else { "s" };
        spans.push(Span::styled(
            format!(" · {errors} file{s} skipped (m)"),
            theme.status_error,
        ));
    }
    if warnings > 0 {
        let s = if warnings == 1 { "" } else { "s" };
        spans.push(Span::styled(
            format!(" · {warnings} warning{s} (m)"),
            theme.status_warning,
        ));
    }
    spans
}
