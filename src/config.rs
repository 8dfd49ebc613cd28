//! The config file: `$XDG_CONFIG_HOME/dateline/config.toml` (by default
//! `~/.config/dateline/config.toml`), TOML with five tables:
//!
//! - `[theme]`: a built-in `base` (`dark` or `light`) and a style per
//!   element ([`theme`]);
//! - `[keys]`: the keys of every action by name ([`keys`]);
//! - `[layout]`: list width, widest reader line, date format;
//! - `[paths]`: what to read when no path is given;
//! - `[feeds]`: the sources whose articles open in full.
//!
//! A mistake never stops dateline: each gives one line naming the key and
//! its line in the file, and that key keeps its default while the rest of
//! the file applies. Unknown keys are warned about and ignored.
//! [`default_toml`] writes the documented defaults, which parse back to
//! [`Config::default`].

pub mod keys;
pub mod theme;

use std::fmt::{self, Write as _};
use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui::style::{Modifier, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use keys::{ACTIONS, KeyBindings, KeySpec};
use theme::{BaseTheme, Element, Palette};

/// The file's name inside the config folder.
pub const FILE_NAME: &str = "config.toml";

/// `dateline/config.toml` in the XDG config folder: `$XDG_CONFIG_HOME` when
/// set, else `~/.config`. `None` when no home folder is known.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy as _;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("dateline").join(FILE_NAME))
}

/// How wide the document list is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListWidth {
    /// Half the screen, 32 to 72 columns.
    #[default]
    Auto,
    Columns(u16),
    /// A share of the screen, 1 to 90 per cent.
    Percent(u8),
}

impl ListWidth {
    /// The list's width on a screen `width` columns wide.
    pub fn columns(self, width: u16) -> u16 {
        match self {
            ListWidth::Auto => (width / 2).clamp(32, 72),
            ListWidth::Columns(c) => c,
            ListWidth::Percent(p) => {
                u16::try_from(u32::from(width) * u32::from(p) / 100).unwrap_or(width)
            }
        }
    }

    fn toml(self) -> String {
        match self {
            ListWidth::Auto => "\"auto\"".to_owned(),
            ListWidth::Columns(c) => c.to_string(),
            ListWidth::Percent(p) => format!("\"{p}%\""),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub list_width: ListWidth,
    /// The widest the reader's lines get, in columns; `None` for the pane's
    /// width.
    pub wrap_width: Option<u16>,
    /// How the list shows dates, in strftime's terms.
    pub date_format: String,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            list_width: ListWidth::Auto,
            wrap_width: Some(100),
            date_format: "%Y-%m-%d".to_owned(),
        }
    }
}

/// Everything the config file sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub base: BaseTheme,
    /// The base theme's styles with the config's changes.
    pub palette: Palette,
    pub keys: KeyBindings,
    pub layout: Layout,
    /// What to read when no path is given (the samples when empty); `~/` is
    /// the home folder.
    pub paths: Vec<PathBuf>,
    /// Sources whose articles open as the full page they link to (as `f`
    /// shows it); `*` for every source.
    pub full_article: Vec<String>,
}

/// One mistake in the config file, or a warning about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line in the file.
    pub line: usize,
    /// The dotted key, e.g. `theme.person.fg`; empty for the whole file.
    pub key: String,
    pub message: String,
}

impl Problem {
    /// The one line shown for it: `FILE:LINE: KEY: MESSAGE`.
    pub fn in_file(&self, file: &Path) -> String {
        format!("{}:{self}", file.display())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.line, self.message)
        } else {
            write!(f, "{}: {}: {}", self.line, self.key, self.message)
        }
    }
}

/// What loading the config found: the config, and its problems.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// One line each, naming the file, line and key.
    pub problems: Vec<String>,
}

/// Why the config file could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct ReadError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl Config {
    /// Read the config at `path`. A missing file is the defaults when
    /// `required` is false (the usual place), an error when true (a file
    /// named with `--config`).
    pub fn load(path: &Path, required: bool) -> Result<Loaded, ReadError> {
        let text = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Loaded::default());
            }
            Err(source) => {
                return Err(ReadError {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        // TOML is UTF-8: other bytes are reported, and read as U+FFFD.
        let not_utf8 = std::str::from_utf8(&text).err().map(|e| Problem {
            line: memchr::memchr_iter(b'\n', &text[..e.valid_up_to()]).count() + 1,
            key: String::new(),
            message: "not UTF-8; the bytes that are not are read as \u{fffd}".to_owned(),
        });
        let text = String::from_utf8_lossy(&text);
        let (config, mut problems) = Self::parse(&text);
        if let Some(problem) = not_utf8 {
            problems.insert(0, problem);
        }
        Ok(Loaded {
            config,
            problems: problems.iter().map(|p| p.in_file(path)).collect(),
        })
    }

    /// Read config text: what is right applies, each mistake is a problem
    /// and leaves its key at the default.
    pub fn parse(text: &str) -> (Self, Vec<Problem>) {
        let mut reader = Reader {
            text,
            problems: Vec::new(),
        };
        let (document, errors) = DeTable::parse_recoverable(text);
        for error in errors {
            let line = error.span().map_or(1, |s| reader.line(s.start));
            reader.problems.push(Problem {
                line,
                key: String::new(),
                message: format!(
                    "not valid TOML: {}; what could be read applies",
                    error.message().trim()
                ),
            });
        }
        let mut config = Config::default();
        for (key, value) in document.get_ref() {
            let name: &str = key.get_ref();
            match name {
                "theme" => reader.theme(value, &mut config),
                "keys" => reader.keys(value, &mut config),
                "layout" => reader.layout(value, &mut config.layout),
                "paths" => reader.paths(value, &mut config.paths),
                "feeds" => reader.feeds(value, &mut config.full_article),
                _ => reader.unknown(name, key.span()),
            }
        }
        let mut problems = reader.problems;
        problems.sort_by_key(|p| p.line);
        (config, problems)
    }
}

struct Reader<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

type Table<'i> = DeTable<'i>;

impl Reader<'_> {
    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        memchr::memchr_iter(b'\n', &self.text.as_bytes()[..end]).count() + 1
    }

    fn problem(&mut self, span: Range<usize>, key: &str, message: impl Into<String>) {
        let line = self.line(span.start);
        self.problems.push(Problem {
            line,
            key: key.to_owned(),
            message: message.into(),
        });
    }

    fn unknown(&mut self, key: &str, span: Range<usize>) {
        self.problem(span, key, "unknown key; ignored");
    }

    fn table<'a, 'i>(
        &mut self,
        value: &'a Spanned<DeValue<'i>>,
        key: &str,
    ) -> Option<&'a Table<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.problem(
                value.span(),
                key,
                format!(
                    "expected a table, found {}; using the defaults",
                    value.get_ref().type_str()
                ),
            );
        }
        table
    }

    fn theme(&mut self, value: &Spanned<DeValue<'_>>, config: &mut Config) {
        let Some(table) = self.table(value, "theme") else {
            return;
        };
        if let Some((_, base)) = table.iter().find(|(k, _)| k.get_ref() == "base") {
            match base.get_ref().as_str().and_then(BaseTheme::from_name) {
                Some(b) => config.base = b,
                None => self.problem(
                    base.span(),
                    "theme.base",
                    format!(
                        "{} is not a built-in theme (dark or light); using dark",
                        shown(base.get_ref())
                    ),
                ),
            }
        }
        config.palette = Palette::builtin(config.base);
        for (key, value) in table {
            let name: &str = key.get_ref();
            if name == "base" {
                continue;
            }
            let dotted = format!("theme.{name}");
            match Element::from_name(name) {
                Some(element) => {
                    let style = self.style(value, &dotted, config.palette.get(element));
                    config.palette.set(element, style);
                }
                None => self.unknown(&dotted, key.span()),
            }
        }
    }

    /// A style table over `base`: only the fields given change.
    fn style(&mut self, value: &Spanned<DeValue<'_>>, key: &str, base: Style) -> Style {
        let Some(table) = self.table(value, key) else {
            return base;
        };
        let mut style = base;
        for (field, value) in table {
            let name: &str = field.get_ref();
            let dotted = format!("{key}.{name}");
            match name {
                "fg" | "bg" => {
                    let color = match value.get_ref() {
                        DeValue::String(s) => theme::parse_color(s),
                        DeValue::Integer(i) => u8::from_str_radix(i.as_str(), i.radix())
                            .ok()
                            .map(ratatui::style::Color::Indexed),
                        _ => None,
                    };
                    match color {
                        Some(c) if name == "fg" => style.fg = Some(c),
                        Some(c) => style.bg = Some(c),
                        None => self.problem(
                            value.span(),
                            &dotted,
                            format!(
                                "{} is not a colour (a name such as yellow or lightcyan, \
                                 an index 0-255, or #rrggbb); using the default",
                                shown(value.get_ref())
                            ),
                        ),
                    }
                }
                "modifiers" => {
                    if let Some(m) = self.modifiers(value, &dotted) {
                        style.add_modifier = m;
                        style.sub_modifier = Modifier::empty();
                    }
                }
                _ => self.unknown(&dotted, field.span()),
            }
        }
        style
    }

    fn modifiers(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<Modifier> {
        let mut modifiers = Modifier::empty();
        let bad = |this: &mut Self, span, what: String| {
            this.problem(
                span,
                key,
                format!(
                    "{what} (expected a list of bold, italic, underline, reversed, dim, \
                     crossed_out); using the default"
                ),
            );
        };
        let Some(items) = value.get_ref().as_array() else {
            bad(
                self,
                value.span(),
                format!("{} is not a list", shown(value.get_ref())),
            );
            return None;
        };
        for item in items {
            let Some(m) = item.get_ref().as_str().and_then(theme::parse_modifier) else {
                bad(
                    self,
                    item.span(),
                    format!("{} is not a modifier", shown(item.get_ref())),
                );
                return None;
            };
            modifiers |= m;
        }
        Some(modifiers)
    }

    fn keys(&mut self, value: &Spanned<DeValue<'_>>, config: &mut Config) {
        let Some(table) = self.table(value, "keys") else {
            return;
        };
        let mut overrides: Vec<(&'static str, Vec<KeySpec>)> = Vec::new();
        let mut lines: Vec<(&'static str, Range<usize>)> = Vec::new();
        for (key, value) in table {
            let name: &str = key.get_ref();
            let dotted = format!("keys.{name}");
            let Some(info) = keys::action_info(name) else {
                self.problem(
                    key.span(),
                    &dotted,
                    "no such action; ignored (dateline config --default lists them)",
                );
                continue;
            };
            let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
                DeValue::String(_) => vec![value],
                DeValue::Array(a) => a.iter().collect(),
                other => {
                    self.problem(
                        value.span(),
                        &dotted,
                        format!(
                            "expected a key or a list of keys, found {}; using the default",
                            other.type_str()
                        ),
                    );
                    continue;
                }
            };
            let mut specs = Vec::new();
            let mut ok = true;
            for item in items {
                let Some(spec) = item.get_ref().as_str().and_then(KeySpec::parse) else {
                    self.problem(
                        item.span(),
                        &dotted,
                        format!(
                            "{} is not a key (such as j, G, Ctrl-d, Alt-x, Space, PgDn, F5); \
                             using the default",
                            shown(item.get_ref())
                        ),
                    );
                    ok = false;
                    break;
                };
                specs.push(spec);
            }
            if ok {
                overrides.push((info.name, specs));
                lines.push((info.name, value.span()));
            }
        }
        let (bindings, conflicts) = KeyBindings::with_overrides(&overrides);
        config.keys = bindings;
        for conflict in conflicts {
            let (name, span) = lines
                .iter()
                .find(|(n, _)| *n == conflict.kept || *n == conflict.lost)
                .cloned()
                .unwrap_or((conflict.kept, 0..0));
            self.problem(span, &format!("keys.{name}"), conflict.to_string());
        }
    }

    fn layout(&mut self, value: &Spanned<DeValue<'_>>, layout: &mut Layout) {
        let Some(table) = self.table(value, "layout") else {
            return;
        };
        for (key, value) in table {
            let name: &str = key.get_ref();
            let dotted = format!("layout.{name}");
            match name {
                "list_width" => match list_width(value.get_ref()) {
                    Some(w) => layout.list_width = w,
                    None => self.problem(
                        value.span(),
                        &dotted,
                        format!(
                            "{} is not a width (\"auto\", 10 to 500 columns, or \"1%\" to \
                             \"90%\"); using \"auto\"",
                            shown(value.get_ref())
                        ),
                    ),
                },
                "wrap_width" => match integer(value.get_ref()) {
                    Some(0) => layout.wrap_width = None,
                    Some(w @ 20..=1000) => layout.wrap_width = u16::try_from(w).ok(),
                    _ => self.problem(
                        value.span(),
                        &dotted,
                        format!(
                            "{} is not a width (20 to 1000 columns, or 0 for the pane's); \
                             using 100",
                            shown(value.get_ref())
                        ),
                    ),
                },
                "date_format" => match value.get_ref().as_str() {
                    Some(f) if valid_date_format(f) => f.clone_into(&mut layout.date_format),
                    _ => self.problem(
                        value.span(),
                        &dotted,
                        format!(
                            "{} is not a strftime date format (such as \"%d %b %Y\"); \
                             using \"%Y-%m-%d\"",
                            shown(value.get_ref())
                        ),
                    ),
                },
                _ => self.unknown(&dotted, key.span()),
            }
        }
    }

    fn paths(&mut self, value: &Spanned<DeValue<'_>>, paths: &mut Vec<PathBuf>) {
        let Some(table) = self.table(value, "paths") else {
            return;
        };
        for (key, value) in table {
            let name: &str = key.get_ref();
            let dotted = format!("paths.{name}");
            if name != "default" {
                self.unknown(&dotted, key.span());
                continue;
            }
            let list: Option<Vec<PathBuf>> = match value.get_ref() {
                DeValue::String(s) => Some(vec![expand_home(s)]),
                DeValue::Array(a) => a
                    .iter()
                    .map(|v| v.get_ref().as_str().map(expand_home))
                    .collect(),
                _ => None,
            };
            match list {
                Some(list) => *paths = list,
                None => self.problem(
                    value.span(),
                    &dotted,
                    "expected a path or a list of paths; reading the samples",
                ),
            }
        }
    }
}

impl Reader<'_> {
    fn feeds(&mut self, value: &Spanned<DeValue<'_>>, full_article: &mut Vec<String>) {
        let Some(table) = self.table(value, "feeds") else {
            return;
        };
        for (key, value) in table {
            let name: &str = key.get_ref();
            let dotted = format!("feeds.{name}");
            if name != "full_article" {
                self.unknown(&dotted, key.span());
                continue;
            }
            let list: Option<Vec<String>> = match value.get_ref() {
                DeValue::String(s) => Some(vec![s.to_string()]),
                DeValue::Array(a) => a
                    .iter()
                    .map(|v| v.get_ref().as_str().map(str::to_owned))
                    .collect(),
                _ => None,
            };
            match list {
                Some(list) => *full_article = list,
                None => self.problem(
                    value.span(),
                    &dotted,
                    "expected a source's name or a list of them; no source opens in full",
                ),
            }
        }
    }
}

/// A value as the messages quote it.
fn shown(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("{:?}", crate::sanitize::line(s)),
        DeValue::Integer(i) => i.as_str().to_owned(),
        DeValue::Float(f) => f.as_str().to_owned(),
        DeValue::Boolean(b) => b.to_string(),
        other => format!("a {}", other.type_str()),
    }
}

fn integer(value: &DeValue<'_>) -> Option<i64> {
    let i = value.as_integer()?;
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

fn list_width(value: &DeValue<'_>) -> Option<ListWidth> {
    if let Some(c) = integer(value) {
        return (10..=500)
            .contains(&c)
            .then(|| ListWidth::Columns(u16::try_from(c).unwrap_or(72)));
    }
    let text = value.as_str()?.trim();
    if text == "auto" {
        return Some(ListWidth::Auto);
    }
    let p: u8 = text.strip_suffix('%')?.trim().parse().ok()?;
    (1..=90).contains(&p).then_some(ListWidth::Percent(p))
}

fn valid_date_format(format: &str) -> bool {
    use chrono::format::{Item, StrftimeItems};
    !format.is_empty() && StrftimeItems::new(format).all(|item| !matches!(item, Item::Error))
}

/// `~/news` → the home folder's `news`.
fn expand_home(path: &str) -> PathBuf {
    match path.strip_prefix("~/") {
        Some(rest) => etcetera::home_dir().map_or_else(|_| PathBuf::from(path), |h| h.join(rest)),
        None => PathBuf::from(path),
    }
}

/// The default config, every key documented: it parses back to
/// [`Config::default`]. The dark theme's styles are written commented out
/// (they are the built-in theme's; uncommented they give the same).
pub fn default_toml() -> String {
    let d = Config::default();
    let mut out = String::new();
    let _ = write!(
        out,
        r##"# dateline's configuration.
#
# dateline reads $XDG_CONFIG_HOME/dateline/config.toml (by default
# ~/.config/dateline/config.toml), or the file given with --config FILE.
# Every key is optional: what is left out keeps the default written here.
# A mistake is reported with its line, and only that key keeps its default.

[layout]
# Width of the document list: "auto" (half the screen, 32 to 72 columns),
# a number of columns, or a share of the screen such as "40%".
list_width = {list_width}
# The widest the reader's lines get, in columns; 0 for the pane's width.
wrap_width = {wrap_width}
# How dates are shown in the list (strftime, such as "%d %b %Y").
date_format = "{date_format}"

[paths]
# What to read when dateline is started without paths, such as
# ["~/news", "~/feeds/today.jsonl"]; the urls file in this folder is read
# too; the built-in samples when neither gives anything.
default = []

[feeds]
# Sources whose articles open as the whole page they link to, fetched (as
# the f key shows it), such as ["Hill Desk"]; "*" for every source.
full_article = []

[theme]
# The built-in theme: "dark" or "light" (for light backgrounds).
base = "{base}"
# A style per element changes the theme: fg and bg are colours (a name such
# as "yellow", "lightcyan" or "darkgray", an index 0-255 of the 256 colours,
# or "#rrggbb" for true-colour terminals; "default" for the terminal's own),
# modifiers a list of "bold", "italic", "underline", "reversed", "dim",
# "crossed_out". Only what is given changes. Without colour (NO_COLOR,
# --color never) the kinds are told apart by their modifiers.
# The dark theme's styles:
"##,
        list_width = d.layout.list_width.toml(),
        wrap_width = d.layout.wrap_width.unwrap_or(0),
        date_format = d.layout.date_format,
        base = d.base.name(),
    );
    for element in Element::ALL {
        let _ = writeln!(out, "# {}", element.about());
        let _ = writeln!(
            out,
            "# {} = {}",
            element.name(),
            theme::style_toml(d.palette.get(element))
        );
    }
    out.push_str(
        "
[keys]
# The keys of each action in the list and the reader: one key or a list.
# Keys are written as j, G (Shift is the capital), Ctrl-d, Alt-x, Space,
# Enter, Esc, Tab, BackTab, Backspace, Up, Down, Left, Right, Home, End,
# PgUp, PgDn, F1 to F24. [] leaves an action without keys. A key given to
# one action here is taken from any other that had it (that is reported).
# Typing in the filter bar and pickers is not remapped; Ctrl-c always quits.
",
    );
    for action in ACTIONS {
        let keys: Vec<String> = d
            .keys
            .keys(action.name)
            .iter()
            .map(|k| format!("{:?}", k.to_string()))
            .collect();
        let _ = writeln!(out, "# {} ({})", action.about, action.scope.label());
        let _ = writeln!(out, "{} = [{}]", action.name, keys.join(", "));
    }
    out
}

#[cfg(test)]
mod tests;
