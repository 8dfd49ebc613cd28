//! End to end: the real binary in a pseudo-terminal, keys typed, the screen
//! read back through a terminal emulator.

#[path = "support/hostile.rs"]
mod hostile;
#[path = "support/http.rs"]
mod http;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: a loaded machine is slow, and waiting for text does not flake.
const DEADLINE: Duration = Duration::from_secs(20);

/// What the terminal was asked to do besides drawing: nothing of this should
/// ever come from an article.
#[derive(Debug, Default, PartialEq, Eq)]
struct Effects {
    bells: usize,
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
    other_osc: usize,
}

impl vt100::Callbacks for Effects {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, _params: &[&[u8]]) {
        self.other_osc += 1;
    }
}

struct Session {
    screen: Arc<Mutex<vt100::Parser<Effects>>>,
    /// Set when the terminal's output has been read to its end.
    drained: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// The read state's folder unless a test names its own: tests never
    /// touch the state of whoever runs them.
    _state: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Self {
        Self::start_with_env(args, &[], cwd, cols, rows)
    }

    fn start_with_env(
        args: &[&str],
        env: &[(&str, &str)],
        cwd: &Path,
        cols: u16,
        rows: u16,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let state = tempfile::tempdir().unwrap();
        cmd.env("XDG_STATE_HOME", state.path());
        cmd.env("XDG_CACHE_HOME", state.path().join("cache"));
        // no urls file of whoever runs the tests
        cmd.env("XDG_CONFIG_HOME", state.path().join("config"));
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("dateline starts");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Effects::default(),
        )));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let feed = Arc::clone(&screen);
        let drained = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&drained);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
            done.store(true, Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().expect("writer");
        Self {
            screen,
            drained,
            writer,
            child,
            _master: pair.master,
            _state: state,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait until the screen satisfies `check`, or fail showing the screen.
    fn wait_until(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if check(self.screen.lock().unwrap().screen()) {
                return;
            }
            thread::sleep(Duration::from_millis(25));
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.contents()
        );
    }

    fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contents().contains(text));
    }

    fn wait_gone(&self, text: &str) {
        self.wait_until(&format!("{text} to go"), |s| !s.contents().contains(text));
    }

    /// Esc alone, with a pause so that it is not read as the start of a
    /// key sequence.
    fn escape(&mut self) {
        thread::sleep(Duration::from_millis(150));
        self.keys("\x1b");
        thread::sleep(Duration::from_millis(150));
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the process to end and its last output to be read; its
    /// exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().unwrap() {
                while !self.drained.load(Ordering::SeqCst) && start.elapsed() < DEADLINE {
                    thread::sleep(Duration::from_millis(10));
                }
                return status.exit_code();
            }
            thread::sleep(Duration::from_millis(25));
        }
        let _ = self.child.kill();
        panic!(
            "dateline did not exit; the screen shows:\n{}",
            self.contents()
        );
    }

    /// The terminal is as dateline found it: main screen, cursor shown, no
    /// mouse reporting.
    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// A folder of articles from two publishers, one folder each.
fn news_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("northline");
    let ledger = dir.path().join("ledger");
    std::fs::create_dir_all(&wire).unwrap();
    std::fs::create_dir_all(&ledger).unwrap();
    std::fs::write(
        wire.join("strike.txt"),
        "Dock workers strike in Rotterdam\n\nDock workers walked out on Monday, union leader Anneke Verhoeven said, and 40 ships waited at anchor.\n",
    )
    .unwrap();
    std::fs::write(
        ledger.join("reservoirs.md"),
        "---\ntitle: Reservoirs fall to a third\ndate: 2026-11-10\n---\n\nReservoirs in Andalusia held 33 per cent of their capacity on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(
        ledger.join("rates.json"),
        r#"{"title": "Central bank holds rates", "source": "Meridian Post", "publishedAt": "2026-11-12T09:00:00Z", "content": "The bank kept its main rate at 3.5% for a third meeting."}"#,
    )
    .unwrap();
    dir
}

#[test]
fn the_samples_show_without_arguments_and_q_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], dir.path(), 120, 40);
    s.wait_for("Articles");
    s.wait_until("the samples loaded", |screen| {
        screen.contents().contains("Port") || screen.contents().contains("port")
    });
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_folder_lists_filters_and_reads() {
    let dir = news_folder();
    let mut s = Session::start(&["."], dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("Dock workers strike in Rotterdam");
    s.wait_for("Reservoirs fall to a third");
    s.wait_for("northline");
    // Filter: the list narrows live.
    s.keys("/reservoirs");
    s.wait_for("Articles 1/3");
    s.wait_gone("Dock workers strike in Rotterdam");
    // Enter reads the match; its body is in the reader.
    s.keys("\r");
    s.wait_for("33 per cent");
    // Esc back to the list, Esc again clears the filter.
    s.keys("\x1b");
    thread::sleep(Duration::from_millis(100));
    s.keys("\x1b");
    s.wait_for("Articles 3");
    s.wait_for("Central bank holds rates");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn typed_filter_terms_find_names_and_figures_indexed_in_the_background() {
    let dir = news_folder();
    let mut s = Session::start(&["."], dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.keys("/person:verhoeven");
    s.wait_for("Articles 1/3");
    s.wait_for("Dock workers strike in Rotterdam");
    s.wait_gone("Reservoirs fall to a third");
    // Clear (Ctrl-u), then a figure by value and a source.
    s.keys("\x15num:>30 !source:northline");
    s.wait_for("Articles 1/3");
    s.wait_for("Reservoirs fall to a third");
    s.wait_gone("Dock workers strike in Rotterdam");
    s.keys("\x15date:2026-11-10..2026-11-12");
    s.wait_for("Articles 2/3");
    s.wait_for("Central bank holds rates");
    // Esc leaves the filter bar (apart from the q, or it reads as Alt-q).
    s.keys("\x1b");
    thread::sleep(Duration::from_millis(100));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn help_lists_the_keys_and_the_legend() {
    let dir = news_folder();
    let mut s = Session::start(&["."], dir.path(), 100, 50);
    s.wait_for("Articles 3");
    s.keys("?");
    s.wait_for("Help");
    s.wait_for("next, previous article");
    // The legend is at the end.
    s.keys("G");
    s.wait_for("person");
    s.escape();
    s.wait_gone("next, previous article");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_bad_file_is_reported_and_the_rest_reads() {
    let dir = news_folder();
    std::fs::write(dir.path().join("broken.json"), "{\"title\": \"cut off").unwrap();
    let mut s = Session::start(&["."], dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("1 file skipped");
    s.keys("m");
    s.wait_for("broken.json");
    s.keys("\x1b");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    let dir = news_folder();
    for signal in ["-TERM", "-HUP", "-INT"] {
        let mut s = Session::start(&["."], dir.path(), 100, 30);
        s.wait_for("Articles 3");
        let pid = s.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        s.wait_exit();
        s.assert_restored();
    }
}

#[test]
fn narrow_terminal_shows_list_then_reader() {
    let dir = news_folder();
    let mut s = Session::start(&["."], dir.path(), 60, 20);
    s.wait_for("Articles 3");
    s.keys("\r");
    s.wait_for("Reader");
    s.wait_gone("Articles 3");
    s.keys("\t");
    s.wait_for("Articles 3");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn grouping_by_source_and_hopping_to_the_next_source() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"title": "Harbour strike begins", "source": "Alpha Wire", "date": "2026-11-02", "body": "Cranes stood still at dawn."}"#,
        r#"{"title": "Reservoirs run low", "source": "Beta Post", "date": "2026-11-03", "body": "Andalusia counts every drop."}"#,
        r#"{"title": "Harbour strike ends", "source": "Alpha Wire", "date": "2026-11-06", "body": "The cranes moved again by noon."}"#,
    ];
    std::fs::write(dir.path().join("feed.jsonl"), lines.join("\n")).unwrap();
    let mut s = Session::start(&["feed.jsonl"], dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("Cranes stood still at dawn");
    s.keys("s");
    s.wait_for("3 articles in 2 sources");
    s.wait_for("Alpha Wire ──");
    s.wait_for("2 articles · 2026-11-02 – 2026-11-06");
    // Grouped, the second Alpha Wire story sits above Beta Post's.
    s.wait_until("the strike's end above the reservoirs", |screen| {
        let text = screen.contents();
        let ends = text.find("Harbour strike ends");
        let beta = text.find("Beta Post ──");
        matches!((ends, beta), (Some(a), Some(b)) if a < b)
    });
    s.keys("}");
    s.wait_for("Andalusia counts every drop.");
    s.keys("{");
    s.wait_for("Cranes stood still at dawn.");
    // The source picker: type to narrow, Enter to go there.
    s.keys("S");
    s.wait_for("Sources 2");
    s.keys("beta");
    s.wait_for("Sources 1/2");
    s.keys("\r");
    s.wait_gone("Sources 1/2");
    s.wait_for("Andalusia counts every drop.");
    // Ctrl-f puts the source in the filter bar.
    s.keys("S");
    s.wait_for("Sources 2");
    s.keys("alpha\x06");
    s.wait_for("Filter: source:\"Alpha Wire\"");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// Whether any cell on screen has a colour of its own.
fn coloured(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        (0..cols).any(|col| {
            screen.cell(row, col).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_draws_without_colour_and_c_brings_it_back() {
    let dir = news_folder();
    let mut s = Session::start_with_env(&["."], &[("NO_COLOR", "1")], dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("kept its main rate at 3.5%");
    assert!(
        !coloured(s.screen.lock().unwrap().screen()),
        "{}",
        s.contents()
    );
    s.keys("C");
    s.wait_until("colours after C", coloured);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn color_flag_overrides_no_color_either_way() {
    let dir = news_folder();
    let xdg = tempfile::tempdir().unwrap();
    let config = xdg.path().display().to_string();
    let env = [("NO_COLOR", "1"), ("XDG_CONFIG_HOME", config.as_str())];
    let mut s = Session::start_with_env(&["--color", "always", "."], &env, dir.path(), 120, 30);
    s.wait_for("kept its main rate at 3.5%");
    s.wait_until("colours despite NO_COLOR", coloured);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let env = [("XDG_CONFIG_HOME", config.as_str())];
    let mut s = Session::start_with_env(&["--color", "never", "."], &env, dir.path(), 120, 30);
    s.wait_for("kept its main rate at 3.5%");
    assert!(
        !coloured(s.screen.lock().unwrap().screen()),
        "{}",
        s.contents()
    );
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_config_names_what_to_read_and_its_mistakes_show_after_quitting() {
    let dir = news_folder();
    let xdg = tempfile::tempdir().unwrap();
    let folder = xdg.path().join("dateline");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.toml"),
        format!(
            "[paths]\ndefault = [{:?}]\n[layout]\nwrap_width = 3\n",
            dir.path().display().to_string()
        ),
    )
    .unwrap();
    let config = xdg.path().display().to_string();
    let env = [("XDG_CONFIG_HOME", config.as_str())];
    // No path given: the config's, not the samples.
    let mut s = Session::start_with_env(&[], &env, xdg.path(), 160, 30);
    s.wait_for("Articles 3");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    s.wait_for("config.toml:4: layout.wrap_width: 3 is not a width");
}

#[test]
fn a_hostile_folder_shows_placeholders_reports_every_bad_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write_good(dir.path());
    hostile::write_hostile_articles(dir.path());
    let bad = hostile::write_bad(dir.path());
    let before = hostile::snapshot(dir.path());
    let mut s = Session::start(&["."], dir.path(), 160, 50);
    s.wait_for("Dock workers strike in Rotterdam");
    s.wait_until("loading done", |screen| {
        !screen.contents().contains("loading")
    });
    // The list shows the escape-sequence titles as placeholders.
    for shown in hostile::HOSTILE_SHOWN {
        s.wait_for(shown);
    }
    // Open each hostile article: the reader shows the pictures and the
    // screen is still dateline's (nothing cleared, moved or retitled).
    s.keys("/Clear\r");
    s.wait_for("moves the cursor ␛[10;10H and erases ␛[J then rings ␇ the bell.");
    s.wait_for("Articles 1/");
    // Esc back to the list, Esc to clear the filter, then the next.
    s.escape();
    s.escape();
    s.keys("/Title\r");
    s.wait_for("link ␛]8;;https://evil.example/␛\\click␛]8;;␛\\ planted");
    s.wait_for("a DCS ␛Pq#0␛\\");
    s.wait_for("APC ␛_hidden␛\\ here.");
    s.escape();
    s.escape();
    s.keys("/Clip\r");
    s.wait_for("C1 CSI \u{2426}2J here");
    s.wait_for("bidi \u{2426}override\u{2426} there");
    s.wait_for("Evil\u{2426}Wire");
    // Every bad file is in the messages, by name.
    s.escape();
    s.escape();
    s.keys("m");
    s.wait_for("Messages");
    for file in &bad {
        let name = file.path.rsplit('/').next().unwrap();
        s.wait_for(name);
    }
    s.keys("m");
    s.wait_gone("Messages");
    // The good articles read as usual.
    s.keys("/reservoirs\r");
    s.wait_for("33 per cent of their capacity");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    let parser = s.screen.lock().unwrap();
    assert_eq!(
        parser.callbacks(),
        &Effects::default(),
        "the terminal was made to act"
    );
    drop(parser);
    assert_eq!(
        hostile::snapshot(dir.path()),
        before,
        "an input file changed"
    );
}

#[test]
fn a_50_mb_line_opens_at_once_and_keys_work_while_it_is_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Dock workers in Rotterdam said on Monday that 3,800 of them would strike. ";
    let text = format!(
        "One long line\n\n{}\n",
        sentence.repeat(50 * 1024 * 1024 / sentence.len())
    );
    std::fs::create_dir_all(dir.path().join("wire")).unwrap();
    std::fs::write(dir.path().join("wire/long.txt"), text).unwrap();
    let mut s = Session::start(&["."], dir.path(), 120, 40);
    s.wait_for("One long line");
    s.keys("\r");
    s.wait_for("said on Monday that 3,800");
    s.wait_for("laying out");
    // Paging and the end while the rest is laid out in idle time.
    s.wait_for("││ One long line");
    s.keys(" ");
    s.wait_gone("││ One long line");
    s.keys("G");
    let asked = Instant::now();
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "quitting took {:?}",
        asked.elapsed()
    );
    s.assert_restored();
}

#[test]
fn feeds_and_pages_read_as_articles_and_their_escapes_do_not_act() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("harbour.rss"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Ferry fares rise in May</title><link>https://wire.example/fares</link>
<pubDate>Tue, 03 Mar 2026 08:15:00 GMT</pubDate>
<description><![CDATA[<p>Fares on the <a href="https://ferries.example/">island ferry</a> rise by 4% on 1 May.</p><ul><li>Adults: 12 euro</li></ul>]]></description></item>
</channel></rss>"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notes.json"),
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Metro\u001b]0;owned\u0007 Notes",
"items": [{"id": "1", "title": "Night buses return", "content_html": "<p>Buses \u001b[2J run \u001b]52;c;aGk=\u0007 again.</p>"}]}"#,
    )
    .unwrap();
    let para = "<p>The harbour board voted on Tuesday to close the old ferry terminal by the end of March, ending ninety years of sailings.</p>";
    std::fs::write(
        dir.path().join("terminal.html"),
        format!(
            "<!DOCTYPE html><html><head><title>Ferry terminal to close</title><meta property=\"og:site_name\" content=\"Southeast Ledger\"></head>\
<body><nav>Home Sport Weather</nav><article>{}<p>Sailings end \u{1b}[31mred\u{1b}[0m on 31 March.</p></article></body></html>",
            para.repeat(4)
        ),
    )
    .unwrap();
    let before = hostile::snapshot(dir.path());
    let mut s = Session::start(&["."], dir.path(), 140, 40);
    s.wait_for("Articles 3");
    s.wait_for("Ferry fares rise in May");
    s.wait_for("Harbour Wire");
    s.wait_for("Southeast Led");
    s.wait_for("2026-03-03");
    s.keys("/fares\r");
    s.wait_for("Fares on the [island ferry][1] rise by 4% on 1 May.");
    s.wait_for("* Adults: 12 euro");
    s.wait_for("[1]: https://ferries.example/");
    s.escape();
    s.escape();
    s.keys("/buses\r");
    // HTML drops control characters; plain text shows them as pictures
    s.wait_for("Buses [2J run ]52;c;aGk= again.");
    s.wait_for("Metro␛]0;owned␇ Notes");
    s.escape();
    s.escape();
    s.keys("/terminal\r");
    s.wait_for("Southeast Ledger");
    s.keys("G");
    s.wait_for("Sailings end [31mred[0m on 31 March.");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    let parser = s.screen.lock().unwrap();
    assert_eq!(
        parser.callbacks(),
        &Effects::default(),
        "the terminal was made to act"
    );
    drop(parser);
    assert_eq!(
        hostile::snapshot(dir.path()),
        before,
        "an input file changed"
    );
}

/// Whether the reader's cursor is on `word`: its line is marked in the
/// margin and the word is drawn on a background of its own.
fn cursor_on(screen: &vt100::Screen, word: &str) -> bool {
    let (rows, cols) = screen.size();
    (0..rows).any(|row| {
        let cells: Vec<String> = (0..cols)
            .map(|col| {
                screen
                    .cell(row, col)
                    .map_or_else(String::new, |c| c.contents().to_string())
            })
            .collect();
        let line: String = cells
            .iter()
            .map(|c| if c.is_empty() { " " } else { c })
            .collect();
        if !line.contains('▸') {
            return false;
        }
        let Some(byte) = line.find(word) else {
            return false;
        };
        let col = line[..byte].chars().count();
        screen
            .cell(row, u16::try_from(col).unwrap())
            .is_some_and(|c| c.bgcolor() != vt100::Color::Default)
    })
}

/// The list's selected row while each article is read.
const NORTHLINE: &str = "▌Rotterdam dockworkers strike";
const MERIDIAN: &str = "▌Ships pile up off Rotterdam";

#[test]
fn following_a_name_to_another_sources_article_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], dir.path(), 120, 40);
    s.wait_for("Articles 12");
    s.wait_until("names indexed", |screen| {
        !screen.contents().contains("indexing") && !screen.contents().contains("loading")
    });
    s.keys("/person:verhoeven\r");
    s.wait_for("Articles 4/12");
    s.wait_for("Northline Wire · 2026-11-16");
    // The cursor, name by name, to Verhoeven.
    let mut steps = 0;
    while !cursor_on(s.screen.lock().unwrap().screen(), "Verhoeven") {
        assert!(
            steps < 40,
            "the cursor never reached Verhoeven:\n{}",
            s.contents()
        );
        s.keys("]");
        steps += 1;
        thread::sleep(Duration::from_millis(60));
    }
    // Enter: every mention, by source; narrow to the Meridian Post's.
    s.keys("\r");
    s.wait_for("Anneke Verhoeven · person ·");
    s.wait_for("The Harbor Ledger");
    s.keys("meridian");
    s.wait_for("2 shown");
    s.keys("\r");
    s.wait_for(MERIDIAN);
    s.wait_until("the cursor on the mention", |screen| {
        cursor_on(screen, "Verhoeven")
    });
    // Back with Ctrl-o: the first article, the cursor where it was.
    s.keys("\x0f");
    s.wait_for(NORTHLINE);
    s.wait_until("the cursor back on Verhoeven", |screen| {
        cursor_on(screen, "Verhoeven")
    });
    // Forward with Ctrl-i as a terminal that tells it from Tab sends it.
    s.keys("\x1b[105;5u");
    s.wait_for(MERIDIAN);
    // Backspace goes back too, and > forward.
    s.keys("\x7f");
    s.wait_for(NORTHLINE);
    s.keys(">");
    s.wait_for(MERIDIAN);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_outline_and_the_entity_index_in_the_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], dir.path(), 120, 40);
    s.wait_for("Articles 12");
    s.wait_until("names indexed", |screen| {
        !screen.contents().contains("indexing") && !screen.contents().contains("loading")
    });
    // The entity index, narrowed to an organization, filters the list.
    s.keys("e");
    s.wait_for("Mentions ▼");
    s.keys("havenbond");
    s.wait_for("organization");
    s.keys("\r");
    s.wait_for("Filter: org:\"Havenbond\"");
    s.wait_for("Articles 4/12");
    // The outline of the article read.
    s.keys("o");
    s.wait_for("Outline");
    s.wait_for("People");
    s.keys("\r");
    s.wait_until("the cursor on a name", |screen| {
        screen.contents().contains('▸')
    });
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// Whether the first cell of `text` on screen is bold.
fn bold_at(screen: &vt100::Screen, text: &str) -> Option<bool> {
    let (rows, cols) = screen.size();
    for row in 0..rows {
        let line: String = (0..cols)
            .map(|col| {
                screen
                    .cell(row, col)
                    .map_or(String::new(), |c| c.contents().to_owned())
            })
            .map(|c| if c.is_empty() { " ".to_owned() } else { c })
            .collect();
        if let Some(byte) = line.find(text) {
            let col = u16::try_from(line[..byte].chars().count()).unwrap();
            return screen.cell(row, col).map(vt100::Cell::bold);
        }
    }
    None
}

#[test]
fn read_and_starred_articles_and_the_last_article_are_remembered_after_quitting() {
    let dir = news_folder();
    let state = tempfile::tempdir().unwrap();
    let home = state.path().to_str().unwrap().to_owned();
    let env = [("XDG_STATE_HOME", home.as_str())];
    let mut s = Session::start_with_env(&["."], &env, dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("Reservoirs fall to a third");
    // Everything is unread: every title bold.
    for title in [
        "Dock workers strike",
        "Reservoirs fall",
        "Central bank holds",
    ] {
        s.wait_until(&format!("{title} in bold"), |screen| {
            bold_at(screen, title) == Some(true)
        });
    }
    // Opening "Central bank" reads it; "Reservoirs" is opened, marked
    // unread again with u and starred.
    s.keys("/central\r");
    s.wait_for("Articles 1/3");
    s.keys("h");
    s.escape();
    s.wait_for("Articles 3");
    s.keys("/reservoirs\r");
    s.wait_for("Articles 1/3");
    s.keys("hu*");
    s.wait_for("★");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let saved = std::fs::read_to_string(state.path().join("dateline/state.json")).unwrap();
    assert!(saved.contains("Central bank holds rates"), "{saved}");

    let mut s = Session::start_with_env(&["."], &env, dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("Central bank holds rates");
    s.wait_for("Reservoirs fall to a third ★");
    // The article open on quitting is open again.
    s.wait_for("33 per cent");
    // Away from the first row, which is selected (and so bold) at start.
    s.keys("G");
    s.wait_until("the read article plain, the unread ones bold", |screen| {
        bold_at(screen, "Central bank holds") == Some(false)
            && bold_at(screen, "Reservoirs fall") == Some(true)
    });
    assert_eq!(s.contents().matches('★').count(), 1);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);

    // --no-state reads nothing: no star, every title unread.
    let mut s = Session::start_with_env(&["--no-state", "."], &env, dir.path(), 120, 30);
    s.wait_for("Central bank holds rates");
    s.keys("G");
    s.wait_until("the read article bold again", |screen| {
        bold_at(screen, "Central bank holds") == Some(true)
    });
    assert!(!s.contents().contains('★'));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_configs_theme_colours_the_screen() {
    let dir = news_folder();
    let xdg = tempfile::tempdir().unwrap();
    let folder = xdg.path().join("dateline");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.toml"),
        "[theme]\nlist_selected = { fg = \"black\", bg = \"green\" }\n\
         [keys]\nquit = \"x\"\ndown = [\"Ctrl-n\"]\n",
    )
    .unwrap();
    let config = xdg.path().display().to_string();
    let env = [("XDG_CONFIG_HOME", config.as_str())];
    let mut s = Session::start_with_env(&["."], &env, dir.path(), 120, 30);
    s.wait_for("Articles 3");
    // The selected row (the first, under the border) has the config's green.
    s.wait_until("the selection in green", |screen| {
        screen
            .cell(1, 3)
            .is_some_and(|c| c.bgcolor() == vt100::Color::Idx(2))
    });
    // The config's keys: Ctrl-n moves down, j no longer does, x quits and
    // q no longer does.
    let selected = |s: &Session, row| {
        s.screen
            .lock()
            .unwrap()
            .screen()
            .cell(row, 3)
            .is_some_and(|c| c.bgcolor() == vt100::Color::Idx(2))
    };
    s.keys("j");
    thread::sleep(Duration::from_millis(300));
    assert!(selected(&s, 1), "j still moves");
    s.keys("\x0e");
    s.wait_until("the second row selected", |screen| {
        screen
            .cell(2, 3)
            .is_some_and(|c| c.bgcolor() == vt100::Color::Idx(2))
    });
    s.keys("q");
    thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "q still quits");
    s.keys("x");
    assert_eq!(s.wait_exit(), 0);
}

/// A feed of four articles: a port strike reported by three sources (the
/// last a copy of the first) and one unrelated article.
fn write_strike_feed(dir: &std::path::Path) {
    let strike = "Dockworkers led by Anneke Verhoeven of the Havenbond union walked out in \
        Rotterdam on Monday, and the Maas Harbour Board said 27 ships were waiting at anchor. \
        Rotterdam Terminal Operators offered 3.5% and a one-off payment of 1,250 euros, which \
        Verhoeven called an insult to every crane driver on the quays.";
    let follow = "A day into the walkout called by Anneke Verhoeven, the Maas Harbour Board \
        counted 41 ships at anchor. The Havenbond union turned down the 3.5% offered by \
        Rotterdam Terminal Operators and the payment of 1,250 euros.";
    let other = "Astronomers at the Kepler Ridge observatory found water vapour around a \
        rocky planet 41 light-years away.";
    let line = |title: &str, source: &str, date: &str, body: &str| {
        serde_json::json!({"title": title, "source": source, "date": date, "body": body})
            .to_string()
    };
    let lines = [
        line("Dockworkers walk out", "Alpha Wire", "2026-11-16", strike),
        line(
            "Water found on a far planet",
            "Gamma Times",
            "2026-11-16",
            other,
        ),
        line(
            "Ships wait as strike goes on",
            "Beta Post",
            "2026-11-17",
            follow,
        ),
        line(
            "Port strike halts Rotterdam",
            "Delta Daily",
            "2026-11-18",
            strike,
        ),
    ];
    std::fs::write(dir.join("feed.jsonl"), lines.join("\n")).unwrap();
}

#[test]
fn t_shows_the_list_as_stories_with_copies_marked() {
    let dir = tempfile::tempdir().unwrap();
    write_strike_feed(dir.path());
    let mut s = Session::start(&["feed.jsonl"], dir.path(), 120, 30);
    s.wait_for("Articles 4");
    s.keys("t");
    s.wait_for("4 articles in 2 stories");
    s.wait_for("3 sources · 2026-11-16 – 2026-11-18");
    s.wait_for("≈ Port strike halts Rotterdam");
    // Enter reads the selected article; t again is the flat list.
    s.keys("j\r");
    s.wait_for("A day into the walkout");
    s.keys("t");
    s.wait_gone("in 2 stories");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn urls_load_with_progress_r_reloads_and_f_reads_the_full_article() {
    use std::sync::atomic::AtomicBool;
    let grown = Arc::new(AtomicBool::new(false));
    let more = Arc::clone(&grown);
    let server = http::Server::start(move |request| match request.path.as_str() {
        "/feed.xml" => {
            let mut items = vec![(
                "Ferry service resumes after storm",
                "/ferry",
                "Sailings restart on Monday.",
            )];
            if more.load(Ordering::SeqCst) {
                items.push(("Harbour reopens to cargo", "/harbour", "Ships move again."));
            }
            http::Response::ok("application/rss+xml", http::rss("Coast Desk", &items))
        }
        "/ferry" => http::Response::ok(
            "text/html",
            "<!DOCTYPE html><html><head><title>Ferry service resumes after storm</title></head>\
             <body><article><h1>Ferry service resumes after storm</h1>\
             <p>The first ferry left the harbour at nine on Monday with 120 passengers aboard, \
             after crews had worked through the night to clear the slipway of storm debris.</p>\
             <p>Timetables return to normal on Wednesday, the operator said, once a second \
             vessel has been inspected by the harbour master and declared fit to sail.</p>\
             </article></body></html>",
        ),
        _ => http::Response::status(404),
    });
    // the feed's links are relative to the server
    let feed = server.url("/feed.xml");
    let dir = tempfile::tempdir().unwrap();
    let base = server.base.clone();
    let urls = dir.path().join("urls");
    std::fs::write(&urls, format!("{feed} \"coast\"\n{base}/gone.xml\n")).unwrap();
    let mut s = Session::start(&["--urls", "urls"], dir.path(), 120, 30);
    s.wait_for("Ferry service resumes after storm");
    s.wait_for("Coast Desk");
    s.wait_for("1 file skipped (m)");
    grown.store(true, Ordering::SeqCst);
    s.keys("r");
    s.wait_for("Harbour reopens to cargo");
    s.wait_for("Articles 2");
    s.wait_for("1 file skipped (m)");
    s.wait_for("Reloaded: 1 new article.");
    // the feed unchanged, a reload says there is nothing new
    s.keys("r");
    s.wait_for("Reloaded: no new articles.");
    // the links in the feed are relative: the full article of the first
    // entry is at /ferry on this server
    s.keys("g");
    s.keys("f");
    s.wait_for("120 passengers aboard");
    s.wait_for("full article (f: summary)");
    s.keys("f");
    s.wait_for("Sailings restart on Monday.");
    s.wait_gone("120 passengers aboard");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

/// A folder with one article that has a link and one that has none.
fn linked_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wire.jsonl"),
        concat!(
            r#"{"title": "Ferry service resumes", "source": "Northline Wire", "date": "2026-11-20", "url": "https://wire.test/ferry?day=1&x=2", "body": "The ferry to Texel ran again on Friday after a week of storms."}"#,
            "\n",
            r#"{"title": "Harbour fees rise", "source": "Northline Wire", "date": "2026-11-19", "body": "Fees at the harbour rise by 4 per cent in January."}"#,
            "\n"
        ),
    )
    .unwrap();
    dir
}

/// An executable script in `dir` that runs `body` with `sh`.
fn script(dir: &Path, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

/// Wait until `path` holds text that `check` accepts; its text.
fn wait_for_file(path: &Path, check: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        if let Ok(text) = std::fs::read_to_string(path)
            && check(&text)
        {
            return text;
        }
        thread::sleep(Duration::from_millis(25));
    }
    panic!("{} never came", path.display());
}

#[test]
fn shift_o_opens_the_link_with_browser_and_y_copies_it_through_the_terminal() {
    let dir = linked_folder();
    let tools = tempfile::tempdir().unwrap();
    let opened = tools.path().join("opened.txt");
    let browser = script(
        tools.path(),
        "browser",
        &format!("printf '%s' \"$1\" > '{}'", opened.display()),
    );
    let env = [("BROWSER", browser.as_str())];
    let mut s = Session::start_with_env(&["."], &env, dir.path(), 120, 30);
    s.wait_for("Ferry service resumes");
    s.keys("O");
    let url = wait_for_file(&opened, |t| !t.is_empty());
    assert_eq!(url, "https://wire.test/ferry?day=1&x=2");
    s.wait_for("Opening https://wire.test/ferry");
    // Copy: the terminal is asked to set its clipboard to the link.
    s.keys("y");
    s.wait_for("Copied the link");
    let start = Instant::now();
    let clip = loop {
        let got = s.screen.lock().unwrap().callbacks().clipboard.clone();
        if let Some(data) = got.first() {
            break data.clone();
        }
        assert!(start.elapsed() < DEADLINE, "no OSC 52 came");
        thread::sleep(Duration::from_millis(25));
    };
    let clip = String::from_utf8(clip).unwrap();
    // The emulator hands over the base64 payload or the text it stands for.
    assert!(
        clip == "aHR0cHM6Ly93aXJlLnRlc3QvZmVycnk/ZGF5PTEmeD0y"
            || clip == "https://wire.test/ferry?day=1&x=2",
        "{clip}"
    );
    // No link: said so, nothing started.
    s.keys("j");
    s.wait_until("the second article selected", |screen| {
        screen.contents().contains("Fees at the harbour")
    });
    std::fs::remove_file(&opened).unwrap();
    s.keys("O");
    s.wait_for("This article has no link to open.");
    thread::sleep(Duration::from_millis(200));
    assert!(!opened.exists());
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_pipe_key_hands_the_article_to_the_pager_or_a_command_and_the_screen_comes_back() {
    let dir = linked_folder();
    let tools = tempfile::tempdir().unwrap();
    let pager_out = tools.path().join("pager_out.txt");
    let pager = script(
        tools.path(),
        "pager",
        &format!("cat > '{}'", pager_out.display()),
    );
    let env = [("PAGER", pager.as_str())];
    let mut s = Session::start_with_env(&["."], &env, dir.path(), 100, 24);
    s.wait_for("Ferry service resumes");
    s.keys("|");
    s.wait_for("Pipe to:");
    s.keys("\r");
    let text = wait_for_file(&pager_out, |t| t.ends_with("storms.\n"));
    assert!(
        text.starts_with("Ferry service resumes\nSource: Northline Wire\nDate: 2026-11-20\n"),
        "{text}"
    );
    assert!(
        text.contains("URL: https://wire.test/ferry?day=1&x=2\n"),
        "{text}"
    );
    // The app has the screen and the keys again.
    s.wait_until("the alternate screen again", |screen| {
        screen.alternate_screen()
    });
    s.wait_for("Ferry service resumes");
    s.keys("j");
    s.wait_for("Fees at the harbour");
    // A typed command runs with the shell; its output stays until Enter.
    let counted = tools.path().join("counted.txt");
    s.keys("|");
    s.wait_for("Pipe to:");
    s.keys(&format!("wc -l > '{}'; echo piped-ok\r", counted.display()));
    s.wait_for("press Enter to go back");
    assert!(s.contents().contains("piped-ok"));
    assert!(!s.screen.lock().unwrap().screen().alternate_screen());
    let lines = wait_for_file(&counted, |t| !t.is_empty());
    assert_eq!(lines.trim(), "6", "title, source, date, from, blank, body");
    s.keys("\r");
    s.wait_until("the alternate screen again", |screen| {
        screen.alternate_screen()
    });
    s.wait_for("Harbour fees rise");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_key_conflict_in_the_config_is_in_the_messages_and_a_failing_browser_is_reported() {
    let dir = linked_folder();
    let xdg = tempfile::tempdir().unwrap();
    let folder = xdg.path().join("dateline");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), "[keys]\nquit = \"s\"\n").unwrap();
    let tools = tempfile::tempdir().unwrap();
    let browser = script(tools.path(), "browser", "exit 3");
    let config = xdg.path().display().to_string();
    let env = [
        ("XDG_CONFIG_HOME", config.as_str()),
        ("BROWSER", browser.as_str()),
    ];
    let mut s = Session::start_with_env(&["."], &env, dir.path(), 140, 30);
    s.wait_for("1 other problem (m)");
    s.keys("m");
    s.wait_for("s is bound to both quit and group_by_source; it does quit");
    s.escape();
    s.wait_gone("it does quit");
    s.keys("O");
    s.wait_for("the browser failed (exit status: 3)");
    s.wait_for("2 other problems (m)");
    s.keys("s");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn f_lists_figures_flags_disagreements_and_shift_t_compares_the_story() {
    let dir = tempfile::tempdir().unwrap();
    write_strike_feed(dir.path());
    let mut s = Session::start(&["feed.jsonl"], dir.path(), 120, 30);
    s.wait_for("Articles 4");
    // The stories come from the entity worker: wait until the list knows them.
    s.keys("t");
    s.wait_for("4 articles in 2 stories");
    s.keys("t");
    s.wait_gone("in 2 stories");
    s.keys("F");
    s.wait_for(" Figures · ");
    s.keys("41 ships");
    s.wait_for("41 ships ≠ 27 ships (Alpha Wire, 2026-11-16)");
    s.wait_for("by article date · 1 shown");
    // Tab sorts by value, Enter reads the article at the figure.
    s.keys("\t");
    s.wait_for("by value · 1 shown");
    s.keys("\r");
    s.wait_gone(" Figures · ");
    s.wait_for("A day into the walkout");
    // T: the story, article by article, the copy named, not repeated.
    s.keys("T");
    s.wait_for(" Story · 3 sources · 2026-11-16 – 2026-11-18");
    s.wait_for("━━ Alpha Wire · 2026-11-16");
    s.wait_for("≈ a near-copy of Alpha Wire, 2026-11-16");
    s.wait_for("≠ 27 ships, elsewhere: 41 ships (Beta Post, 2026-11-17)");
    s.keys("\x1b");
    s.wait_gone(" Story · ");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_status_bar_counts_urls_while_a_slow_one_is_fetched() {
    let server = http::Server::start(|request| {
        let feed = http::rss(
            "Coast Desk",
            &[(
                "Tide tables printed",
                "https://news.example/tide",
                "Twice a day.",
            )],
        );
        let response = http::Response::ok("application/rss+xml", feed);
        if request.path == "/slow.xml" {
            response.delayed(Duration::from_secs(3))
        } else {
            response
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let (fast, slow) = (server.url("/fast.xml"), server.url("/slow.xml"));
    let mut s = Session::start(&[&fast, &slow], dir.path(), 120, 30);
    // the fast feed's article is listed while the slow one is fetched
    s.wait_until("the first feed's article while fetching", |screen| {
        let text = screen.contents();
        text.contains("fetching: 1 of 2 URLs done…") && text.contains("Tide tables printed")
    });
    s.wait_gone("fetching:");
    s.wait_for("1 article");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn dot_jumps_to_the_next_unread_and_source_headers_count_the_unread() {
    let dir = news_folder();
    let mut s = Session::start(&["."], dir.path(), 160, 30);
    s.wait_for("Articles 3");
    s.keys("s");
    s.wait_for("1 unread");
    let selected = |screen: &vt100::Screen, title: &str| {
        screen
            .contents()
            .lines()
            .any(|l| l.contains(&format!("▌{title}")))
    };
    s.wait_until("the first article selected", |screen| {
        selected(screen, "Central bank")
    });
    // Read the first two, from the list, then go round to the unread one.
    s.keys("uju");
    s.keys("g.");
    // Grouped, the sources are Meridian Post, ledger, northline: the third
    // article is Dock workers.
    s.wait_until("the third, unread, article selected", |screen| {
        selected(screen, "Dock workers")
    });
    s.wait_for("1 article · 1 unread");
    // Every article read: said so.
    s.keys("u.");
    s.wait_for("No unread articles.");
    assert!(!s.contents().contains(" unread ·"), "{}", s.contents());
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn r_reads_the_folder_again_and_adds_new_files_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(
        news.join("ferry.txt"),
        "Ferry fares rise in May\n\nFares on the island ferry rise by 4% on 1 May.\n",
    )
    .unwrap();
    let archive = news.join("archive.jsonl");
    let first = r#"{"title": "Night buses return", "source": "Metro Notes", "body": "From Friday the night buses run every 20 minutes."}"#;
    std::fs::write(&archive, format!("{first}\n")).unwrap();
    let mut s = Session::start(&["news"], dir.path(), 120, 30);
    s.wait_for("Articles 2");
    s.wait_until("loaded", |screen| !screen.contents().contains("loading"));
    s.keys("r");
    s.wait_for("Reloaded: no new articles.");
    std::fs::write(
        news.join("tram.txt"),
        "Tram line opens\n\nThe first tram ran at six, carrying 300 people.\n",
    )
    .unwrap();
    let second = r#"{"title": "Harbour reopens to cargo", "source": "Coast Desk", "body": "Ships move again."}"#;
    std::fs::write(&archive, format!("{first}\n{second}\n")).unwrap();
    s.keys("r");
    s.wait_for("Reloaded: 2 new articles.");
    s.wait_for("Articles 4");
    s.wait_for("Tram line opens");
    s.wait_for("Harbour reopens to cargo");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn an_article_whose_file_changed_after_indexing_opens_with_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.jsonl");
    let lines = [
        r#"{"title": "Ferry fares rise in May", "source": "Harbour Wire", "body": "Fares on the island ferry rise by 4% on 1 May, Ines Kerr said."}"#,
        r#"{"title": "Night buses return", "source": "Metro Notes", "body": "From Friday the night buses run every 20 minutes in Leeds."}"#,
        r#"{"title": "Tram line opens", "source": "City Wire", "body": "The first tram ran at six, carrying 300 people to Salford."}"#,
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let mut s = Session::start(&["news.jsonl"], dir.path(), 120, 30);
    s.wait_for("Articles 3");
    s.wait_for("Ferry fares rise in May");
    s.wait_until("names indexed", |screen| {
        !screen.contents().contains("indexing") && !screen.contents().contains("loading")
    });
    // The second article's line rewritten at the same length.
    let changed = lines.join("\n").replace("in Leeds", "in Derby") + "\n";
    std::fs::write(&path, changed).unwrap();
    let why = "news.jsonl:2: changed since it was loaded; start dateline again to read it";
    // Once both indexers are done with it, the text is read back, and
    // found changed.
    let start = Instant::now();
    while !s.contents().contains(why) {
        assert!(
            start.elapsed() < DEADLINE,
            "no error line:\n{}",
            s.contents()
        );
        s.keys("j");
        thread::sleep(Duration::from_millis(150));
        if !s.contents().contains(why) {
            s.keys("k");
            thread::sleep(Duration::from_millis(150));
        }
    }
    assert!(!s.contents().contains("every 20 minutes"));
    // The others still read back from the file.
    s.keys("j");
    s.wait_for("The first tram ran at six, carrying 300");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

/// The names found in a corpus are kept in the cache folder and read from
/// it when the corpus is opened again (finding the same names, the file
/// not growing); `--no-cache` neither reads nor writes it.
#[test]
fn a_corpus_opened_again_reads_its_names_from_the_cache() {
    let dir = news_folder();
    let cache = tempfile::tempdir().unwrap();
    let home = cache.path().to_str().unwrap().to_owned();
    let names = cache.path().join("dateline").join("names");
    let run = |args: &[&str]| {
        let env = [("XDG_CACHE_HOME", home.as_str())];
        let mut s = Session::start_with_env(args, &env, dir.path(), 120, 30);
        s.wait_for("Articles 3");
        s.keys("/person:verhoeven");
        s.wait_for("Articles 1/3");
        s.wait_for("Dock workers strike in Rotterdam");
        s.keys("\x1b");
        thread::sleep(Duration::from_millis(100));
        s.keys("q");
        assert_eq!(s.wait_exit(), 0);
    };
    let files = || -> Vec<(PathBuf, u64)> {
        let Ok(entries) = std::fs::read_dir(&names) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| (e.path(), e.metadata().unwrap().len()))
            .collect()
    };
    run(&["--no-cache", "."]);
    assert_eq!(files(), []);
    run(&["."]);
    let kept = files();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].1 > 100, "{kept:?}");
    run(&["."]);
    assert_eq!(files(), kept);
}
