//! Every style dateline draws with, in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::config::theme::{Element, Palette};
use crate::highlight::EntityKind;

/// Whether dateline draws in colour. Without colour every style keeps only
/// its modifiers, and each highlight kind has a combination of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorMode {
    #[default]
    Color,
    Mono,
}

impl ColorMode {
    /// `Mono` when the `NO_COLOR` environment variable is set and not empty
    /// (<https://no-color.org>).
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => ColorMode::Mono,
            _ => ColorMode::Color,
        }
    }

    /// The next mode, for the key that cycles them.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            ColorMode::Color => ColorMode::Mono,
            ColorMode::Mono => ColorMode::Color,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ColorMode::Color => "colour",
            ColorMode::Mono => "no colour",
        }
    }
}

/// Which highlight kinds the reader draws; the others read as plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownKinds([bool; EntityKind::ALL.len()]);

impl Default for ShownKinds {
    fn default() -> Self {
        Self([true; EntityKind::ALL.len()])
    }
}

impl ShownKinds {
    fn slot(kind: EntityKind) -> usize {
        EntityKind::ALL
            .iter()
            .position(|&k| k == kind)
            .unwrap_or_default()
    }

    pub fn contains(self, kind: EntityKind) -> bool {
        self.0[Self::slot(kind)]
    }

    pub fn toggle(&mut self, kind: EntityKind) {
        let slot = &mut self.0[Self::slot(kind)];
        *slot = !*slot;
    }

    /// The kinds switched off, in legend order.
    pub fn hidden(self) -> impl Iterator<Item = EntityKind> {
        EntityKind::ALL
            .into_iter()
            .filter(move |&k| !self.contains(k))
    }
}

/// The styles of every pane, for one colour mode and set of shown kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub mode: ColorMode,
    pub shown: ShownKinds,
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub list_title: Style,
    pub list_meta: Style,
    pub list_selected: Style,
    pub list_match: Style,
    /// An unread article's title (bold, so it stands out without colour).
    pub list_unread: Style,
    /// The star after a starred article's title.
    pub list_star: Style,
    pub reader_title: Style,
    pub reader_meta: Style,
    pub reader_body: Style,
    /// A word the filter query matched.
    pub filter_match: Style,
    /// A match of the find-in-article search.
    pub find_match: Style,
    /// The find match the view is on.
    pub find_current: Style,
    /// The name or number under the reader's cursor, and the mark in the
    /// margin of its line (so it is found without colour too).
    pub cursor: Style,
    pub cursor_mark: Style,
    pub bar_label: Style,
    pub bar_text: Style,
    pub bar_hint: Style,
    pub status: Style,
    pub status_warning: Style,
    pub status_error: Style,
    pub key: Style,
    /// A source's header row in the grouped list, and the rest of it.
    pub group_header: Style,
    pub group_meta: Style,
    /// The `≈` before a near-duplicate in the list of stories.
    pub copy_mark: Style,
    /// The `≠` of a figure that disagrees with another source's, and what
    /// the others give.
    pub disagree: Style,
    /// In a story: a sentence that only one source has, and the names and
    /// figures in it no other source gives.
    pub addition: Style,
    pub only_here: Style,
    /// The bars of a sparkline.
    pub sparkline: Style,
    /// A switched-off kind in the legend.
    pub legend_off: Style,
    pub person: Style,
    pub organization: Style,
    pub place: Style,
    pub name: Style,
    pub number: Style,
    pub date: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(ColorMode::Color, ShownKinds::default())
    }
}

impl Theme {
    pub fn new(mode: ColorMode, shown: ShownKinds) -> Self {
        let theme = Self::colored(shown);
        match mode {
            ColorMode::Color => theme,
            ColorMode::Mono => theme.without_color(),
        }
    }

    /// The theme with the config's styles (see [`Palette`]); the same as
    /// [`new`](Self::new) for the default (`dark`) palette. Without colour
    /// its colours are dropped, as [`new`](Self::new) drops the default's.
    pub fn from_palette(mode: ColorMode, shown: ShownKinds, palette: &Palette) -> Self {
        use Element as E;
        let p = |e: E| palette.get(e);
        let theme = Self {
            person: p(E::Person),
            organization: p(E::Organization),
            place: p(E::Place),
            name: p(E::Name),
            number: p(E::Number),
            date: p(E::Date),
            list_title: p(E::ListTitle),
            list_meta: p(E::ListMeta),
            list_selected: p(E::ListSelected),
            list_match: p(E::ListMatch),
            group_header: p(E::GroupHeader),
            group_meta: p(E::GroupMeta),
            reader_title: p(E::ReaderTitle),
            reader_meta: p(E::ReaderMeta),
            reader_body: p(E::ReaderBody),
            filter_match: p(E::FilterMatch),
            find_match: p(E::FindMatch),
            find_current: p(E::FindCurrent),
            cursor: p(E::Cursor),
            cursor_mark: p(E::CursorMark),
            border: p(E::Border),
            border_focused: p(E::BorderFocused),
            pane_title: p(E::PaneTitle),
            bar_label: p(E::BarLabel),
            bar_text: p(E::BarText),
            bar_hint: p(E::BarHint),
            status: p(E::Status),
            status_warning: p(E::StatusWarning),
            status_error: p(E::StatusError),
            key: p(E::Key),
            legend_off: p(E::LegendOff),
            ..Self::colored(shown)
        };
        match mode {
            ColorMode::Color => theme,
            ColorMode::Mono => theme.without_color(),
        }
    }

    fn colored(shown: ShownKinds) -> Self {
        Self {
            mode: ColorMode::Color,
            shown,
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
            list_unread: Style::new().add_modifier(Modifier::BOLD),
            list_star: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            reader_title: Style::new().add_modifier(Modifier::BOLD),
            reader_meta: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            reader_body: Style::new(),
            filter_match: Style::new().add_modifier(Modifier::REVERSED),
            find_match: Style::new().bg(Color::Yellow).fg(Color::Black),
            find_current: Style::new()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            cursor: Style::new()
                .bg(Color::White)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cursor_mark: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            bar_label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            bar_text: Style::new(),
            bar_hint: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::Black).fg(Color::Gray),
            status_warning: Style::new().bg(Color::Black).fg(Color::Yellow),
            status_error: Style::new().bg(Color::Black).fg(Color::LightRed),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            group_header: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            group_meta: Style::new().fg(Color::DarkGray),
            copy_mark: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            disagree: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            addition: Style::new().fg(Color::Green),
            only_here: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            sparkline: Style::new().fg(Color::Cyan),
            legend_off: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT),
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

    /// The same theme with every colour taken out: what was told apart by
    /// colour is told apart by modifiers (reversed for the selection and
    /// matches, and a combination of bold, italic and underline per kind).
    fn without_color(self) -> Self {
        let plain = |style: Style| Style {
            fg: None,
            bg: None,
            ..style
        };
        let with = |m: Modifier| Style::new().add_modifier(m);
        Self {
            mode: ColorMode::Mono,
            shown: self.shown,
            border: plain(self.border),
            border_focused: with(Modifier::BOLD),
            pane_title: plain(self.pane_title),
            list_title: plain(self.list_title),
            list_meta: plain(self.list_meta),
            list_selected: with(Modifier::REVERSED | Modifier::BOLD),
            list_match: with(Modifier::UNDERLINED),
            list_unread: plain(self.list_unread),
            list_star: plain(self.list_star),
            reader_title: plain(self.reader_title),
            reader_meta: plain(self.reader_meta),
            reader_body: plain(self.reader_body),
            filter_match: with(Modifier::REVERSED),
            find_match: with(Modifier::REVERSED | Modifier::BOLD),
            find_current: with(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            cursor: with(Modifier::REVERSED | Modifier::UNDERLINED),
            cursor_mark: with(Modifier::BOLD),
            bar_label: plain(self.bar_label),
            bar_text: plain(self.bar_text),
            bar_hint: plain(self.bar_hint),
            status: plain(self.status),
            status_warning: plain(self.status_warning),
            status_error: with(Modifier::BOLD),
            key: plain(self.key),
            group_header: with(Modifier::BOLD | Modifier::UNDERLINED),
            group_meta: plain(self.group_meta),
            copy_mark: with(Modifier::BOLD),
            disagree: with(Modifier::BOLD),
            addition: with(Modifier::ITALIC),
            only_here: with(Modifier::ITALIC | Modifier::BOLD | Modifier::UNDERLINED),
            sparkline: plain(self.sparkline),
            legend_off: plain(self.legend_off),
            person: with(Modifier::BOLD),
            organization: with(Modifier::BOLD | Modifier::ITALIC),
            place: with(Modifier::UNDERLINED),
            name: with(Modifier::ITALIC),
            number: with(Modifier::BOLD | Modifier::UNDERLINED),
            date: with(Modifier::ITALIC | Modifier::UNDERLINED),
        }
    }

    /// How the reader draws a name or number of `kind`: in its kind's style,
    /// or plain when the kind is switched off.
    pub fn highlight(&self, kind: EntityKind) -> Style {
        if self.shown.contains(kind) {
            self.entity(kind)
        } else {
            Style::new()
        }
    }

    /// The label of a kind in the legend, as displaCy labels an entity: the
    /// kind's colour as background (reversed without colour).
    pub fn tag(&self, kind: EntityKind) -> Style {
        match (self.mode, self.entity(kind).fg) {
            (ColorMode::Color, Some(color)) => Style::new()
                .bg(color)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            _ => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// The style of a name or number of `kind`, shown or not.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_palette_gives_the_default_theme_in_both_modes() {
        let shown = ShownKinds::default();
        for mode in [ColorMode::Color, ColorMode::Mono] {
            assert_eq!(
                Theme::from_palette(mode, shown, &Palette::default()),
                Theme::new(mode, shown)
            );
        }
        let light = Theme::from_palette(ColorMode::Color, shown, &Palette::light());
        assert_ne!(light, Theme::default());
        assert_eq!(light.person, Palette::light().get(Element::Person));
        // Without colour a light theme is the same as a dark one.
        assert_eq!(
            Theme::from_palette(ColorMode::Mono, shown, &Palette::light()),
            Theme::new(ColorMode::Mono, shown)
        );
    }
}
