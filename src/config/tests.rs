use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use super::*;

fn parse(text: &str) -> (Config, Vec<String>) {
    let (config, problems) = Config::parse(text);
    (config, problems.iter().map(ToString::to_string).collect())
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn an_empty_file_is_the_defaults() {
    let (config, problems) = parse("");
    assert_eq!(config, Config::default());
    assert!(problems.is_empty());
}

#[test]
fn the_default_config_parses_back_to_the_defaults() {
    let text = default_toml();
    let (config, problems) = parse(&text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config, Config::default());
    // Every action and every element is documented in it.
    for action in keys::ACTIONS {
        assert!(
            text.contains(&format!("\n{} = [", action.name)),
            "{}",
            action.name
        );
    }
    for element in Element::ALL {
        assert!(text.contains(&format!("\n# {} = {{", element.name())));
    }
}

#[test]
fn the_commented_styles_of_the_default_config_are_the_dark_theme() {
    let uncommented: String = default_toml()
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if rest.contains(" = { ") => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (config, problems) = parse(&uncommented);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.palette, Palette::dark());
}

#[test]
fn a_colour_changed_and_the_light_theme_chosen() {
    let (config, problems) = parse(
        r##"
[theme]
person = { fg = "#ff8700" }
base = "light"
date = { fg = 208, bg = "black", modifiers = ["underline", "italic"] }
"##,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.base, BaseTheme::Light);
    let person = config.palette.get(Element::Person);
    assert_eq!(person.fg, Some(Color::Rgb(255, 135, 0)));
    // Only the colour changed: the light theme's bold stays.
    assert_eq!(
        person.add_modifier,
        Palette::light().get(Element::Person).add_modifier
    );
    let date = config.palette.get(Element::Date);
    assert_eq!(date.fg, Some(Color::Indexed(208)));
    assert_eq!(date.bg, Some(Color::Black));
    assert_eq!(date.add_modifier, Modifier::UNDERLINED | Modifier::ITALIC);
    assert_eq!(
        config.palette.get(Element::Place),
        Palette::light().get(Element::Place)
    );
}

#[test]
fn each_mistake_names_its_line_and_key_and_keeps_that_default_only() {
    let text = r#"[theme]
person = { fg = "yelow", modifiers = ["bold"] }
place = { fg = "green", modifiers = ["blink"] }
name = "red"
base = "solarized"

[layout]
list_width = "140%"
wrap_width = 80
date_format = "%Q"

[keys]
quit = "Ctrl-"
down = ["x"]
jump = ["z"]

[paths]
default = 3
"#;
    let (config, problems) = parse(text);
    let expected = [
        "2: theme.person.fg: \"yelow\" is not a colour",
        "3: theme.place.modifiers: \"blink\" is not a modifier",
        "4: theme.name: expected a table, found string",
        "5: theme.base: \"solarized\" is not a built-in theme",
        "8: layout.list_width: \"140%\" is not a width",
        "10: layout.date_format: \"%Q\" is not a strftime date format",
        "13: keys.quit: \"Ctrl-\" is not a key",
        "15: keys.jump: no such action",
        "18: paths.default: expected a path or a list of paths",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, start) in problems.iter().zip(expected) {
        assert!(problem.starts_with(start), "{problem}\n  expected {start}");
        assert!(!problem.contains('\n'));
    }
    let dark = Palette::dark();
    // The bad colour keeps its default, the good modifier applies.
    assert_eq!(
        config.palette.get(Element::Person),
        dark.get(Element::Person)
    );
    let place = config.palette.get(Element::Place);
    assert_eq!(place.fg, Some(Color::Green));
    assert_eq!(place.add_modifier, dark.get(Element::Place).add_modifier);
    assert_eq!(config.base, BaseTheme::Dark);
    assert_eq!(config.layout.list_width, ListWidth::Auto);
    assert_eq!(config.layout.wrap_width, Some(80));
    assert_eq!(config.layout.date_format, "%Y-%m-%d");
    assert_eq!(config.keys.action(&press('q'), false), Some("quit"));
    assert_eq!(config.keys.action(&press('x'), false), Some("down"));
    assert!(config.paths.is_empty());
}

#[test]
fn unknown_keys_are_warned_about_with_their_line() {
    let (config, problems) = parse(
        "colour = true\n[layout]\nlst_width = 40\n\n[theme.person]\nfg = \"red\"\nweight = 3\n",
    );
    assert_eq!(
        problems,
        [
            "1: colour: unknown key; ignored",
            "3: layout.lst_width: unknown key; ignored",
            "7: theme.person.weight: unknown key; ignored",
        ]
    );
    assert_eq!(config.palette.get(Element::Person).fg, Some(Color::Red));
}

#[test]
fn broken_toml_is_reported_and_what_could_be_read_applies() {
    let (config, problems) = parse("[layout]\nwrap_width = 80\ndate_format = \"%d %b\n");
    assert!(!problems.is_empty());
    assert!(
        problems[0].starts_with("3: not valid TOML: "),
        "{problems:?}"
    );
    assert!(problems.iter().all(|p| !p.contains('\n')));
    assert_eq!(config.layout.wrap_width, Some(80));
}

#[test]
fn a_table_where_a_value_is_expected_and_the_reverse() {
    let (config, problems) = parse("layout = 3\nkeys = { quit = 4 }\n");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("1: layout: expected a table, found integer"));
    assert!(problems[1].starts_with("2: keys.quit: expected a key or a list of keys"));
    assert_eq!(config, Config::default());
}

#[test]
fn layout_values() {
    let (config, problems) =
        parse("[layout]\nlist_width = \"40%\"\nwrap_width = 0\ndate_format = \"%d %b %Y\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.layout.list_width, ListWidth::Percent(40));
    assert_eq!(config.layout.list_width.columns(200), 80);
    assert_eq!(config.layout.wrap_width, None);
    assert_eq!(config.layout.date_format, "%d %b %Y");
    let (config, _) = parse("[layout]\nlist_width = 50\n");
    assert_eq!(config.layout.list_width, ListWidth::Columns(50));
    assert_eq!(ListWidth::Auto.columns(100), 50);
    assert_eq!(ListWidth::Auto.columns(40), 32);
    for bad in ["9", "501", "\"0%\"", "\"91%\"", "\"wide\"", "1.5"] {
        let (_, problems) = parse(&format!("[layout]\nlist_width = {bad}\n"));
        assert_eq!(problems.len(), 1, "{bad}");
    }
}

#[test]
fn a_key_taken_from_another_action_is_reported_at_the_line_that_took_it() {
    let (config, problems) = parse("[keys]\n\nquit = [\"s\", \"Q\"]\n");
    assert_eq!(
        problems,
        ["3: keys.quit: s is bound to both quit and group_by_source; it does quit"]
    );
    assert_eq!(config.keys.action(&press('Q'), true), Some("quit"));
    assert_eq!(config.keys.action(&press('q'), true), None);
    assert_eq!(config.keys.action(&press('s'), true), Some("quit"));
}

#[test]
fn default_paths_with_the_home_folder() {
    let (config, problems) = parse("[paths]\ndefault = [\"news\", \"/srv/wire\"]\n");
    assert!(problems.is_empty());
    assert_eq!(
        config.paths,
        [PathBuf::from("news"), PathBuf::from("/srv/wire")]
    );
    let (config, _) = parse("[paths]\ndefault = \"~/news\"\n");
    assert!(config.paths[0].ends_with("news"));
    assert!(!config.paths[0].starts_with("~"));
}

#[test]
fn a_missing_file_is_the_defaults_unless_it_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let loaded = Config::load(&path, false).unwrap();
    assert_eq!(loaded.config, Config::default());
    assert!(Config::load(&path, true).is_err());
    std::fs::write(&path, "[layout]\nwrap_width = 5\n").unwrap();
    let loaded = Config::load(&path, true).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert!(
        loaded.problems[0].starts_with(&format!("{}:2: layout.wrap_width: ", path.display())),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn text_in_messages_is_terminal_safe() {
    let (_, problems) = parse("[theme]\nperson = { fg = \"\\u001b[2J\" }\n");
    assert_eq!(problems.len(), 1);
    assert!(!problems[0].contains('\u{1b}'), "{problems:?}");
}

#[test]
fn a_file_that_is_not_utf8_is_reported_and_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"[layout]\n# caf\xe9\nwrap_width = 80\n").unwrap();
    let loaded = Config::load(&path, true).unwrap();
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].contains(":2: not UTF-8"),
        "{:?}",
        loaded.problems
    );
    assert_eq!(loaded.config.layout.wrap_width, Some(80));
}

#[test]
fn feeds_name_the_sources_that_open_in_full() {
    let (config, problems) = parse("[feeds]\nfull_article = [\"Hill Desk\", \"*\"]\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.full_article, ["Hill Desk", "*"]);
    let (config, _) = parse("[feeds]\nfull_article = \"Hill Desk\"\n");
    assert_eq!(config.full_article, ["Hill Desk"]);
    let (config, problems) = parse("[feeds]\nfull_article = 3\nmore = 1\n");
    assert!(config.full_article.is_empty());
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("2: feeds.full_article: expected a source"),
        "{lines:?}"
    );
    assert!(lines[1].contains("feeds.more"), "{lines:?}");
}
