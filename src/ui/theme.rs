//! Every style dateline draws with, in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::highlight::EntityKind;

/// The styles of every pane. Each entity kind also carries a modifier, so the
/// kinds stay apart on terminals without colour.
#[derive(Debug, Clone)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub list_title: Style,
    pub list_meta: Style,
    pub list_selected: Style,
    pub list_match: Style,
    pub reader_title: Style,
    pub reader_meta: Style,
    pub reader_body: Style,
    /// A word the filter query matched.
    pub filter_match: Style,
    /// A match of the find-in-article search.
    pub find_match: Style,
    /// The find match the view is on.
    pub find_current: Style,
    pub bar_label: Style,
    pub bar_text: Style,
    pub bar_hint: Style,
    pub status: Style,
    pub status_warning: Style,
    pub status_error: Style,
    pub key: Style,
    pub person: Style,
    pub organization: Style,
    pub place: Style,
    pub name: Style,
    pub number: Style,
    pub date: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            pane_title: Style::new().add_modifier(Modifier::BOLD),
            list_title: Style::new(),
            list_meta: Style::new().fg(Color::DarkGray),
            list_selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            list_match: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::UNDERLINED),
            reader_title: Style::new().add_modifier(Modifier::BOLD),
            reader_meta: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            reader_body: Style::new(),
            filter_match: Style::new().add_modifier(Modifier::REVERSED),
            find_match: Style::new().bg(Color::Yellow).fg(Color::Black),
            find_current: Style::new()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            bar_label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            bar_text: Style::new(),
            bar_hint: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::Black).fg(Color::Gray),
            status_warning: Style::new().bg(Color::Black).fg(Color::Yellow),
            status_error: Style::new().bg(Color::Black).fg(Color::LightRed),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            person: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            organization: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::BOLD | Modifier::ITALIC),
            place: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::UNDERLINED),
            name: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::ITALIC),
            number: Style::new().fg(Color::LightBlue),
            date: Style::new().fg(Color::LightRed),
        }
    }
}

impl Theme {
    /// The style of a highlighted name or number.
    pub fn entity(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organization => self.organization,
            EntityKind::Place => self.place,
            EntityKind::Name => self.name,
            EntityKind::Number => self.number,
            EntityKind::Date => self.date,
        }
    }
}
