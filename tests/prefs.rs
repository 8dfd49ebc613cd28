//! The config file, the read state and the commands around them, run as a
//! user would, with XDG folders of their own in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        let home = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        let news = home.news();
        std::fs::create_dir_all(news.join("northline")).unwrap();
        std::fs::write(
            news.join("northline/strike.txt"),
            "Title: Dock workers strike in Rotterdam\nDate: 2026-11-16\n\nAbout 3,800 dock workers walked out on Monday, union leader Anneke Verhoeven said in Rotterdam.\n",
        )
        .unwrap();
        std::fs::write(
            news.join("feed.jsonl"),
            concat!(
                r#"{"title": "Central bank holds rates, \"for now\"", "source": "Meridian Post", "date": "2026-11-12", "url": "https://meridian.test/rates", "body": "The bank kept its rate at 3.5%."}"#,
                "\n"
            ),
        )
        .unwrap();
        home
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn news(&self) -> PathBuf {
        self.path().join("news")
    }

    fn config_home(&self) -> PathBuf {
        self.path().join("config")
    }

    fn state_home(&self) -> PathBuf {
        self.path().join("state")
    }

    fn state_folder(&self) -> PathBuf {
        self.state_home().join("dateline")
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("dateline runs")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dateline"));
        command
            .args(args)
            .current_dir(self.path())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.config_home())
            .env("XDG_STATE_HOME", self.state_home())
            .env("XDG_CACHE_HOME", self.path().join("cache"))
            .env_remove("DATELINE_LOG")
            .env_remove("NO_COLOR");
        command
    }

    fn write_config(&self, text: &str) -> PathBuf {
        let folder = self.config_home().join("dateline");
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("config.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn write_state(&self, text: &str) -> PathBuf {
        std::fs::create_dir_all(self.state_folder()).unwrap();
        let path = self.state_folder().join("state.json");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn state_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.state_folder())
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

const STATE: &str = r#"{"version": 1, "read": ["url:https://meridian.test/rates"], "starred": ["url:https://meridian.test/rates"], "places": {}}"#;

#[test]
fn export_writes_each_format_with_the_read_state() {
    let home = Home::new();
    home.write_state(STATE);
    let out = home.run(&["export", "news", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let rates = rows
        .iter()
        .find(|r| r["url"] == "https://meridian.test/rates")
        .unwrap();
    assert_eq!(
        (&rates["read"], &rates["starred"]),
        (&true.into(), &true.into())
    );
    let strike = rows.iter().find(|r| r["source"] == "northline").unwrap();
    assert_eq!(strike["read"], false);
    assert_eq!(
        strike["key"],
        "meta:northline\u{1f}Dock workers strike in Rotterdam\u{1f}2026-11-16"
    );
    let entities = strike["entities"].as_array().unwrap();
    assert!(
        entities
            .iter()
            .any(|e| e["kind"] == "person" && e["text"] == "Anneke Verhoeven")
    );
    assert!(
        entities
            .iter()
            .any(|e| e["kind"] == "number" && e["text"] == "3,800")
    );

    let out = home.run(&["export", "news", "--filter", "rates"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let row: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(row["title"], "Central bank holds rates, \"for now\"");

    let out = home.run(&["export", "news", "--format", "csv"]);
    let text = stdout(&out);
    let records: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(records.len(), 3, "{text}");
    assert!(records[0].starts_with("id,key,source,date,title,"));
    assert!(
        records.iter().any(
            |r| r.contains(",\"Central bank holds rates, \"\"for now\"\"\",")
                && r.contains(",true,true,")
        ),
        "{text}"
    );

    let out = home.run(&["export", "news", "--format", "md"]);
    let text = stdout(&out);
    assert_eq!(text.matches("## ").count(), 2, "{text}");
    assert!(text.contains("- Read: yes · Starred: yes"), "{text}");
    assert!(text.contains("- People: Anneke Verhoeven"), "{text}");
    // Export only reads the state.
    assert_eq!(home.state_files(), ["state.json"]);
    assert_eq!(
        std::fs::read_to_string(home.state_folder().join("state.json")).unwrap(),
        STATE
    );
}

#[test]
fn a_corrupt_state_file_is_set_aside_and_export_goes_on() {
    let home = Home::new();
    home.write_state("{\"version\": 1, \"read\": [\"url:");
    let out = home.run(&["export", "news"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("state.json corrupt") && err.contains("set aside as"),
        "{err}"
    );
    assert_eq!(stdout(&out).lines().count(), 2);
    let files = home.state_files();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("state.json.corrupt-"), "{files:?}");
    // The next run starts afresh, without a warning.
    let out = home.run(&["export", "news"]);
    assert_eq!(stderr(&out), "");
}

#[test]
fn no_state_neither_reads_nor_touches_the_state_file() {
    let home = Home::new();
    home.write_state("not json");
    let out = home.run(&["--no-state", "export", "news"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    let row: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert!(row.get("read").is_none() && row.get("starred").is_none());
    assert_eq!(home.state_files(), ["state.json"]);
}

#[test]
fn a_newer_state_file_is_left_as_it_is() {
    let home = Home::new();
    let newer = r#"{"version": 9, "read": []}"#;
    home.write_state(newer);
    let out = home.run(&["export", "news"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("written by a newer dateline (version 9)"));
    assert_eq!(home.state_files(), ["state.json"]);
    assert_eq!(
        std::fs::read_to_string(home.state_folder().join("state.json")).unwrap(),
        newer
    );
}

#[test]
fn the_default_config_round_trips() {
    let home = Home::new();
    let out = home.run(&["config", "--default"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("[keys]") && text.contains("[theme]") && text.contains("[layout]"));
    let path = home.path().join("mine.toml");
    std::fs::write(&path, &text).unwrap();
    let out = home.run(&["--config", "mine.toml", "config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "mine.toml: no problems\n");
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_broken_config_names_file_line_and_key_and_the_rest_applies() {
    let home = Home::new();
    let path = home.write_config(
        "[theme]\nbase = \"light\"\nperson = { fg = \"yelow\" }\n\n[paths]\ndefault = [\"news\"]\nsource = 1\n",
    );
    let shown = path.display().to_string();
    // Without paths, the config's default paths are read.
    let out = home.run(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "dateline: {shown}:3: theme.person.fg: \"yelow\" is not a colour (a name such as yellow or lightcyan, an index 0-255, or #rrggbb); using the default"
            ),
            format!("dateline: {shown}:7: paths.source: unknown key; ignored"),
        ]
    );
    // `dateline config` checks it: the same lines, and a failing status.
    let out = home.run(&["config"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), err);
    let out = home.run(&["config", "--path"]);
    assert_eq!(stdout(&out).trim_end(), shown);
}

#[test]
fn a_config_file_asked_for_must_exist() {
    let home = Home::new();
    let out = home.run(&["--config", "nowhere.toml", "list", "news"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.starts_with("dateline: config file nowhere.toml: "),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn the_log_goes_to_its_file_and_never_to_the_screen() {
    let home = Home::new();
    home.write_config("[layout]\nwrap_width = 3\n");
    std::fs::write(home.news().join("empty.txt"), "").unwrap();
    let out = home.run(&["--log", "run.log", "list", "news"]);
    assert!(out.status.success());
    let log = std::fs::read_to_string(home.path().join("run.log")).unwrap();
    assert!(log.contains(" INFO  dateline "), "{log}");
    assert!(
        log.contains(" WARN  ") && log.contains("layout.wrap_width"),
        "{log}"
    );
    assert!(log.contains("empty.txt"), "{log}");
    assert!(!stdout(&out).contains("INFO"));
    // The environment variable does the same, appending.
    let out = home
        .command(&["list", "news"])
        .env("DATELINE_LOG", home.path().join("run.log"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let again = std::fs::read_to_string(home.path().join("run.log")).unwrap();
    assert!(again.len() > log.len() && again.starts_with(&log));
}

#[test]
fn completions_and_man_page() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = home.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        assert!(stdout(&out).contains("export"), "{shell}");
    }
    let out = home.run(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.contains(".TH dateline 1"), "{page}");
    assert!(page.contains("export"));
    let out = home.run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_and_export_filter_by_the_read_state_and_sources_count_the_unread() {
    let home = Home::new();
    home.write_state(STATE);
    let titles = |args: &[&str]| {
        let out = home.run(args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| l.rsplit('\t').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles(&["list", "news", "--filter", "is:unread"]),
        ["Dock workers strike in Rotterdam"]
    );
    assert_eq!(
        titles(&["list", "news", "--filter", "is:starred"]),
        ["Central bank holds rates, \"for now\""]
    );
    assert_eq!(
        titles(&["list", "news", "--filter", "is:read dock"]).len(),
        0
    );
    // Without the state nothing is read or starred.
    assert_eq!(
        titles(&["--no-state", "list", "news", "--filter", "is:unread"]).len(),
        2
    );
    let out = home.run(&[
        "export",
        "news",
        "--filter",
        "is:unread",
        "--format",
        "jsonl",
    ]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("Dock workers strike"), "{text}");

    let out = home.run(&["sources", "news", "--unread"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            "Meridian Post\t1\t2026-11-12\t2026-11-12\t0",
            "northline\t1\t2026-11-16\t2026-11-16\t1"
        ]
    );
    let out = home.run(&["sources", "news", "--unread", "--json"]);
    assert!(stdout(&out).contains(r#""source":"Meridian Post","articles":1,"first":"2026-11-12","last":"2026-11-12","unread":0"#), "{}", stdout(&out));
    // Without --unread the columns are as they were.
    let out = home.run(&["sources", "news"]);
    assert!(stdout(&out).lines().all(|l| l.split('\t').count() == 4));
    // Only read: the state file is as it was.
    assert_eq!(
        std::fs::read_to_string(home.state_folder().join("state.json")).unwrap(),
        STATE
    );
}
