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
    // The list's, reader's and outline's hints name the keys as bound.
    let bound: &[(&[&str], &str)] = match (app.editing.is_some(), app.focus) {
        (false, Focus::List) => &[
            (&["search"], "filter"),
            (&["group_by_source"], "group"),
            (&["open"], "read"),
            (&["help"], "help"),
            (&["quit"], "quit"),
        ],
        (false, Focus::Outline) => &[
            (&["next_match", "prev_match"], "mentions"),
            (&["outline"], "close"),
            (&["help"], "help"),
        ],
        (false, Focus::Reader) => &[
            (&["search"], "find"),
            (&["cursor_next", "cursor_prev"], "names"),
            (&["mentions"], "mentions"),
            (&["history_back"], "back"),
            (&["help"], "help"),
            (&["quit"], "quit"),
        ],
        _ => &[],
    };
    let keys: Vec<(String, &str)> = bound
        .iter()
        .filter_map(|(names, what)| {
            let keys: Vec<String> = names
                .iter()
                .filter_map(|n| app.keys.keys(n).first().map(ToString::to_string))
                .collect();
            (!keys.is_empty()).then(|| (keys.join(" "), *what))
        })
        .collect();
    let mut owned: Vec<(&str, &str)> = keys.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    if app.focus == Focus::Outline && app.editing.is_none() {
        owned.insert(0, ("Enter", "go to"));
    }
    let hints: &[(&str, &str)] = match app.editing.is_some() {
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
        true => &[("Enter", "done"), ("Esc", "clear")],
        false => &owned,
    };
    // What the last key did says so in place of the hints.
    // A long one is cut to the room beside the summary.
    let room = usize::from(area.width)
        .saturating_sub(width(&line_text(&summary(app, theme))) + 4)
        .max(1);
    let right = match &app.notice {
        Some(notice) => Line::from(format!(
            "{} ",
            super::truncate(&crate::sanitize::line(notice), room)
        )),
        None => hint_line(hints, theme),
    }
    .style(theme.status);
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
    let notes = app.notes.len();
    if notes > 0 {
        let s = if notes == 1 { "" } else { "s" };
        spans.push(Span::styled(
            format!(" · {notes} other problem{s} (m)"),
            theme.status_warning,
        ));
    }
    spans
}
