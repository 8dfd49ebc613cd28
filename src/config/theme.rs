//! Themes as the config names them: a style for every element dateline
//! draws (each highlight kind, the list, the reader, the bars), built-in
//! `dark` and `light` palettes, and colours by name, 256-colour index or
//! `#rrggbb`, fitted to what the terminal can show.

use std::fmt::Write as _;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// Everything dateline draws with a style of its own, as the config names
/// it (the fields of `ui::theme::Theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    Person,
    Organization,
    Place,
    Name,
    Number,
    Date,
    ListTitle,
    ListMeta,
    ListSelected,
    ListMatch,
    GroupHeader,
    GroupMeta,
    ReaderTitle,
    ReaderMeta,
    ReaderBody,
    FilterMatch,
    FindMatch,
    FindCurrent,
    Cursor,
    CursorMark,
    Border,
    BorderFocused,
    PaneTitle,
    BarLabel,
    BarText,
    BarHint,
    Status,
    StatusWarning,
    StatusError,
    Key,
    LegendOff,
}

impl Element {
    /// Every element, in the order the default config lists them.
    pub const ALL: [Element; 31] = [
        Element::Person,
        Element::Organization,
        Element::Place,
        Element::Name,
        Element::Number,
        Element::Date,
        Element::ListTitle,
        Element::ListMeta,
        Element::ListSelected,
        Element::ListMatch,
        Element::GroupHeader,
        Element::GroupMeta,
        Element::ReaderTitle,
        Element::ReaderMeta,
        Element::ReaderBody,
        Element::FilterMatch,
        Element::FindMatch,
        Element::FindCurrent,
        Element::Cursor,
        Element::CursorMark,
        Element::Border,
        Element::BorderFocused,
        Element::PaneTitle,
        Element::BarLabel,
        Element::BarText,
        Element::BarHint,
        Element::Status,
        Element::StatusWarning,
        Element::StatusError,
        Element::Key,
        Element::LegendOff,
    ];

    /// The key in the config's `[theme]` table.
    pub fn name(self) -> &'static str {
        match self {
            Element::Person => "person",
            Element::Organization => "organization",
            Element::Place => "place",
            Element::Name => "name",
            Element::Number => "number",
            Element::Date => "date",
            Element::ListTitle => "list_title",
            Element::ListMeta => "list_meta",
            Element::ListSelected => "list_selected",
            Element::ListMatch => "list_match",
            Element::GroupHeader => "group_header",
            Element::GroupMeta => "group_meta",
            Element::ReaderTitle => "reader_title",
            Element::ReaderMeta => "reader_meta",
            Element::ReaderBody => "reader_body",
            Element::FilterMatch => "filter_match",
            Element::FindMatch => "find_match",
            Element::FindCurrent => "find_current",
            Element::Cursor => "cursor",
            Element::CursorMark => "cursor_mark",
            Element::Border => "border",
            Element::BorderFocused => "border_focused",
            Element::PaneTitle => "pane_title",
            Element::BarLabel => "bar_label",
            Element::BarText => "bar_text",
            Element::BarHint => "bar_hint",
            Element::Status => "status",
            Element::StatusWarning => "status_warning",
            Element::StatusError => "status_error",
            Element::Key => "key",
            Element::LegendOff => "legend_off",
        }
    }

    /// What the element is, for the default config's comments.
    pub fn about(self) -> &'static str {
        match self {
            Element::Person => "names of people in the reader",
            Element::Organization => "organizations",
            Element::Place => "places",
            Element::Name => "other proper names",
            Element::Number => "figures",
            Element::Date => "dates",
            Element::ListTitle => "a title in the document list",
            Element::ListMeta => "source and date in the list",
            Element::ListSelected => "the selected row",
            Element::ListMatch => "letters the filter matched",
            Element::GroupHeader => "a source's header row when grouped",
            Element::GroupMeta => "the counts and dates on it",
            Element::ReaderTitle => "the article's title",
            Element::ReaderMeta => "its source, date and author line",
            Element::ReaderBody => "its text",
            Element::FilterMatch => "a word the filter matched, in the reader",
            Element::FindMatch => "a match of find in the article",
            Element::FindCurrent => "the match the view is on",
            Element::Cursor => "the name or number under the cursor",
            Element::CursorMark => "the cursor's mark in the margin",
            Element::Border => "pane borders",
            Element::BorderFocused => "the border of the pane with the keyboard",
            Element::PaneTitle => "pane titles",
            Element::BarLabel => "the filter bar's label",
            Element::BarText => "the text typed in it",
            Element::BarHint => "its hint",
            Element::Status => "the status bar",
            Element::StatusWarning => "a warning in it",
            Element::StatusError => "an error in it",
            Element::Key => "key names in hints and help",
            Element::LegendOff => "a kind switched off, in the legend",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.name() == name)
    }

    fn slot(self) -> usize {
        Self::ALL
            .iter()
            .position(|&e| e == self)
            .unwrap_or_default()
    }
}

/// A built-in theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BaseTheme {
    /// For terminals with a dark background (the default).
    #[default]
    Dark,
    /// For terminals with a light background.
    Light,
}

impl BaseTheme {
    pub fn name(self) -> &'static str {
        match self {
            BaseTheme::Dark => "dark",
            BaseTheme::Light => "light",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(BaseTheme::Dark),
            "light" => Some(BaseTheme::Light),
            _ => None,
        }
    }
}

/// A style for every [`Element`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    styles: [Style; Element::ALL.len()],
}

impl Default for Palette {
    fn default() -> Self {
        Self::dark()
    }
}

impl Palette {
    pub fn get(&self, element: Element) -> Style {
        self.styles[element.slot()]
    }

    pub fn set(&mut self, element: Element, style: Style) {
        self.styles[element.slot()] = style;
    }

    pub fn builtin(base: BaseTheme) -> Self {
        match base {
            BaseTheme::Dark => Self::dark(),
            BaseTheme::Light => Self::light(),
        }
    }

    fn from_fn(style: impl Fn(Element) -> Style) -> Self {
        Self {
            styles: Element::ALL.map(style),
        }
    }

    /// The colours dateline has always drawn with, for dark backgrounds.
    pub fn dark() -> Self {
        use Color::{
            Black, Blue, Cyan, DarkGray, Gray, LightBlue, LightCyan, LightGreen, LightMagenta,
            LightRed, LightYellow, White, Yellow,
        };
        let bold = Modifier::BOLD;
        Self::from_fn(|element| match element {
            Element::Person => fg(LightYellow).add_modifier(bold),
            Element::Organization => fg(LightCyan).add_modifier(bold | Modifier::ITALIC),
            Element::Place => fg(LightGreen).add_modifier(Modifier::UNDERLINED),
            Element::Name => fg(LightMagenta).add_modifier(Modifier::ITALIC),
            Element::Number => fg(LightBlue),
            Element::Date => fg(LightRed),
            Element::ListTitle | Element::ReaderBody | Element::BarText => Style::new(),
            Element::ListMeta | Element::GroupMeta | Element::BarHint | Element::Border => {
                fg(DarkGray)
            }
            Element::ListSelected => fg(White).bg(Blue).add_modifier(bold),
            Element::ListMatch => fg(LightYellow).add_modifier(Modifier::UNDERLINED),
            Element::GroupHeader | Element::BarLabel | Element::Key => fg(Cyan).add_modifier(bold),
            Element::ReaderTitle | Element::PaneTitle => Style::new().add_modifier(bold),
            Element::ReaderMeta => fg(Gray).add_modifier(Modifier::ITALIC),
            Element::FilterMatch => Style::new().add_modifier(Modifier::REVERSED),
            Element::FindMatch => fg(Black).bg(Yellow),
            Element::FindCurrent => fg(Black).bg(LightRed).add_modifier(bold),
            Element::Cursor => fg(Black)
                .bg(White)
                .add_modifier(bold | Modifier::UNDERLINED),
            Element::CursorMark => fg(White).add_modifier(bold),
            Element::BorderFocused => fg(Cyan),
            Element::Status => fg(Gray).bg(Black),
            Element::StatusWarning => fg(Yellow).bg(Black),
            Element::StatusError => fg(LightRed).bg(Black),
            Element::LegendOff => fg(DarkGray).add_modifier(Modifier::CROSSED_OUT),
        })
    }

    /// Darker inks for light backgrounds: the same modifiers per kind, so
    /// the kinds are told apart the same way.
    pub fn light() -> Self {
        use Color::{Black, Blue, Gray, Green, Indexed, Magenta, Red, White};
        let bold = Modifier::BOLD;
        let dark = Self::dark();
        Self::from_fn(|element| match element {
            Element::Person => fg(Indexed(130)).add_modifier(bold),
            Element::Organization => fg(Blue).add_modifier(bold | Modifier::ITALIC),
            Element::Place => fg(Green).add_modifier(Modifier::UNDERLINED),
            Element::Name => fg(Magenta).add_modifier(Modifier::ITALIC),
            Element::Number => fg(Indexed(25)),
            Element::Date => fg(Red),
            Element::ListMeta | Element::GroupMeta | Element::BarHint | Element::Border => {
                fg(Indexed(244))
            }
            Element::ListSelected => fg(Black).bg(Indexed(153)).add_modifier(bold),
            Element::ListMatch => fg(Indexed(130)).add_modifier(Modifier::UNDERLINED),
            Element::GroupHeader | Element::BarLabel | Element::Key => {
                fg(Indexed(24)).add_modifier(bold)
            }
            Element::ReaderMeta => fg(Indexed(240)).add_modifier(Modifier::ITALIC),
            Element::FindMatch => fg(Black).bg(Indexed(228)),
            Element::FindCurrent => fg(Black).bg(Indexed(210)).add_modifier(bold),
            Element::Cursor => fg(White)
                .bg(Black)
                .add_modifier(bold | Modifier::UNDERLINED),
            Element::CursorMark => fg(Black).add_modifier(bold),
            Element::BorderFocused => fg(Indexed(24)),
            Element::Status => fg(Black).bg(Indexed(254)),
            Element::StatusWarning => fg(Indexed(130)).bg(Indexed(254)),
            Element::StatusError => fg(Red).bg(Indexed(254)),
            Element::LegendOff => fg(Gray).add_modifier(Modifier::CROSSED_OUT),
            other => dark.get(other),
        })
    }

    /// The palette with every colour made one the terminal can show:
    /// `#rrggbb` becomes the nearest of the 256 indexed colours where true
    /// colour is not known to work.
    #[must_use]
    pub fn fitted(mut self, depth: ColorDepth) -> Self {
        if depth == ColorDepth::TrueColor {
            return self;
        }
        for style in &mut self.styles {
            style.fg = style.fg.map(|c| fit(c, depth));
            style.bg = style.bg.map(|c| fit(c, depth));
        }
        self
    }
}

fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// 256 indexed colours (the 16 named ones among them).
    Indexed,
    /// 24-bit colour.
    TrueColor,
}

impl ColorDepth {
    /// True colour when `COLORTERM` says `truecolor` or `24bit` (the
    /// convention terminals follow), else 256 colours.
    pub fn from_colorterm(colorterm: Option<&str>) -> Self {
        match colorterm.map(str::to_ascii_lowercase).as_deref() {
            Some("truecolor" | "24bit") => ColorDepth::TrueColor,
            _ => ColorDepth::Indexed,
        }
    }
}

fn fit(color: Color, depth: ColorDepth) -> Color {
    match (color, depth) {
        (Color::Rgb(r, g, b), ColorDepth::Indexed) => Color::Indexed(nearest_indexed(r, g, b)),
        _ => color,
    }
}

/// The nearest colour of xterm's 6×6×6 cube (16–231) or grey ramp
/// (232–255).
pub fn nearest_indexed(red: u8, green: u8, blue: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    // The cube's step nearest to a component, and that step's value.
    let step = |value: u8| -> (u8, u8) {
        LEVELS
            .iter()
            .zip(0u8..)
            .min_by_key(|&(&level, _)| level.abs_diff(value))
            .map_or((0, 0), |(&level, index)| (index, level))
    };
    let distance = |(r, g, b): (u8, u8, u8)| -> u32 {
        let squared = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
        squared(r, red) + squared(g, green) + squared(b, blue)
    };
    let (ri, rl) = step(red);
    let (gi, gl) = step(green);
    let (bi, bl) = step(blue);
    let cube = 16 + 36 * ri + 6 * gi + bi;
    let mean = (u16::from(red) + u16::from(green) + u16::from(blue)) / 3;
    let grey_step = u8::try_from((mean.saturating_sub(8) / 10).min(23)).unwrap_or(23);
    let grey = 8 + 10 * grey_step;
    if distance((grey, grey, grey)) < distance((rl, gl, bl)) {
        232 + grey_step
    } else {
        cube
    }
}

/// A colour as the config writes it: a name (`yellow`, `lightcyan`,
/// `darkgray`, `reset`), an index of the 256 colours (`208`) or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<Color> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("default") {
        return Some(Color::Reset);
    }
    if text.starts_with('#') && text.len() != 7 {
        return None;
    }
    Color::from_str(text).ok()
}

/// The config's spelling of a colour, which [`parse_color`] reads back.
pub fn color_name(color: Color) -> String {
    match color {
        Color::Reset => "default".to_owned(),
        Color::Black => "black".to_owned(),
        Color::Red => "red".to_owned(),
        Color::Green => "green".to_owned(),
        Color::Yellow => "yellow".to_owned(),
        Color::Blue => "blue".to_owned(),
        Color::Magenta => "magenta".to_owned(),
        Color::Cyan => "cyan".to_owned(),
        Color::Gray => "gray".to_owned(),
        Color::DarkGray => "darkgray".to_owned(),
        Color::LightRed => "lightred".to_owned(),
        Color::LightGreen => "lightgreen".to_owned(),
        Color::LightYellow => "lightyellow".to_owned(),
        Color::LightBlue => "lightblue".to_owned(),
        Color::LightMagenta => "lightmagenta".to_owned(),
        Color::LightCyan => "lightcyan".to_owned(),
        Color::White => "white".to_owned(),
        Color::Indexed(i) => i.to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
    }
}

/// The modifiers the config can name.
pub const MODIFIERS: [(&str, Modifier); 6] = [
    ("bold", Modifier::BOLD),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("dim", Modifier::DIM),
    ("crossed_out", Modifier::CROSSED_OUT),
];

pub fn parse_modifier(name: &str) -> Option<Modifier> {
    let name = name.trim().to_ascii_lowercase();
    let name = if name == "underlined" {
        "underline"
    } else {
        &name
    };
    MODIFIERS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
}

/// A style as an inline TOML table: `{ fg = "lightyellow", modifiers =
/// ["bold"] }`.
pub fn style_toml(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(c) = style.fg {
        parts.push(format!("fg = {}", color_toml(c)));
    }
    if let Some(c) = style.bg {
        parts.push(format!("bg = {}", color_toml(c)));
    }
    let names: Vec<String> = MODIFIERS
        .iter()
        .filter(|(_, m)| style.add_modifier.contains(*m))
        .map(|(n, _)| format!("\"{n}\""))
        .collect();
    parts.push(format!("modifiers = [{}]", names.join(", ")));
    let mut out = String::from("{ ");
    let _ = write!(out, "{}", parts.join(", "));
    out.push_str(" }");
    out
}

fn color_toml(color: Color) -> String {
    match color {
        Color::Indexed(i) => i.to_string(),
        other => format!("\"{}\"", color_name(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::EntityKind;
    use crate::ui::theme::{ColorMode, ShownKinds, Theme};

    #[test]
    fn colours_by_name_index_and_hex() {
        assert_eq!(parse_color("yellow"), Some(Color::Yellow));
        assert_eq!(parse_color("Light Cyan"), Some(Color::LightCyan));
        assert_eq!(parse_color("dark-grey"), Some(Color::DarkGray));
        assert_eq!(parse_color("208"), Some(Color::Indexed(208)));
        assert_eq!(parse_color("#ffcc00"), Some(Color::Rgb(255, 204, 0)));
        assert_eq!(parse_color("default"), Some(Color::Reset));
        for bad in ["yelow", "256", "#ffcc0", "#ggcc00", "", "#ffcc0012"] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_colour_name_reads_back() {
        let mut colours: Vec<Color> = (0..=255).map(Color::Indexed).collect();
        colours.extend([
            Color::Reset,
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
            Color::Rgb(1, 2, 3),
        ]);
        for c in colours {
            assert_eq!(parse_color(&color_name(c)), Some(c), "{c:?}");
        }
    }

    #[test]
    fn modifiers_by_name() {
        assert_eq!(parse_modifier("bold"), Some(Modifier::BOLD));
        assert_eq!(parse_modifier("Underlined"), Some(Modifier::UNDERLINED));
        assert_eq!(parse_modifier("blink"), None);
    }

    #[test]
    fn the_dark_palette_is_the_theme_dateline_draws_with() {
        let theme = Theme::new(ColorMode::Color, ShownKinds::default());
        let palette = Palette::dark();
        let pairs = [
            (Element::Border, theme.border),
            (Element::BorderFocused, theme.border_focused),
            (Element::PaneTitle, theme.pane_title),
            (Element::ListTitle, theme.list_title),
            (Element::ListMeta, theme.list_meta),
            (Element::ListSelected, theme.list_selected),
            (Element::ListMatch, theme.list_match),
            (Element::ReaderTitle, theme.reader_title),
            (Element::ReaderMeta, theme.reader_meta),
            (Element::ReaderBody, theme.reader_body),
            (Element::FilterMatch, theme.filter_match),
            (Element::FindMatch, theme.find_match),
            (Element::FindCurrent, theme.find_current),
            (Element::Cursor, theme.cursor),
            (Element::CursorMark, theme.cursor_mark),
            (Element::BarLabel, theme.bar_label),
            (Element::BarText, theme.bar_text),
            (Element::BarHint, theme.bar_hint),
            (Element::Status, theme.status),
            (Element::StatusWarning, theme.status_warning),
            (Element::StatusError, theme.status_error),
            (Element::Key, theme.key),
            (Element::GroupHeader, theme.group_header),
            (Element::GroupMeta, theme.group_meta),
            (Element::LegendOff, theme.legend_off),
            (Element::Person, theme.entity(EntityKind::Person)),
            (
                Element::Organization,
                theme.entity(EntityKind::Organization),
            ),
            (Element::Place, theme.entity(EntityKind::Place)),
            (Element::Name, theme.entity(EntityKind::Name)),
            (Element::Number, theme.entity(EntityKind::Number)),
            (Element::Date, theme.entity(EntityKind::Date)),
        ];
        assert_eq!(pairs.len(), Element::ALL.len());
        for (element, style) in pairs {
            assert_eq!(palette.get(element), style, "{}", element.name());
        }
    }

    #[test]
    fn each_kind_keeps_a_distinct_set_of_modifiers_or_colour_in_both_themes() {
        let kinds = [
            Element::Person,
            Element::Organization,
            Element::Place,
            Element::Name,
            Element::Number,
            Element::Date,
        ];
        for palette in [Palette::dark(), Palette::light()] {
            for (i, a) in kinds.iter().enumerate() {
                for b in &kinds[i + 1..] {
                    assert_ne!(palette.get(*a), palette.get(*b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn element_names_are_unique_and_found() {
        for e in Element::ALL {
            assert_eq!(Element::from_name(e.name()), Some(e));
        }
        assert_eq!(Element::from_name("persons"), None);
    }

    #[test]
    fn true_colour_is_fitted_to_256_colours_unless_the_terminal_says_otherwise() {
        assert_eq!(nearest_indexed(0, 0, 0), 16);
        assert_eq!(nearest_indexed(255, 255, 255), 231);
        assert_eq!(nearest_indexed(255, 0, 0), 196);
        assert_eq!(nearest_indexed(128, 128, 128), 244);
        assert_eq!(nearest_indexed(255, 135, 0), 208);
        let mut palette = Palette::dark();
        palette.set(
            Element::Person,
            fg(Color::Rgb(255, 135, 0)).bg(Color::Rgb(0, 0, 0)),
        );
        let fitted = palette.clone().fitted(ColorDepth::Indexed);
        assert_eq!(fitted.get(Element::Person).fg, Some(Color::Indexed(208)));
        assert_eq!(fitted.get(Element::Person).bg, Some(Color::Indexed(16)));
        assert_eq!(fitted.get(Element::Date), palette.get(Element::Date));
        assert_eq!(palette.clone().fitted(ColorDepth::TrueColor), palette);
        assert_eq!(
            ColorDepth::from_colorterm(Some("truecolor")),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::from_colorterm(Some("24bit")),
            ColorDepth::TrueColor
        );
        assert_eq!(ColorDepth::from_colorterm(None), ColorDepth::Indexed);
    }
}
