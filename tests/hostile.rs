//! Hostile and broken input through the real binary: every bad file is
//! named on one line with its reason, the rest loads, the exit status is as
//! documented, nothing panics or hangs, and no input file is written.

#[path = "support/hostile.rs"]
mod hostile;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hostile::{BadFile, GOOD_TITLES, HOSTILE_SHOWN};

/// A generous limit: past it, dateline is taken to hang.
const DEADLINE: Duration = Duration::from_secs(120);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run dateline, killing it if it outlives the deadline.
fn dateline(args: &[&str], cwd: &Path) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dateline starts");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        out.read_to_end(&mut s).unwrap();
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        err.read_to_end(&mut s).unwrap();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("dateline {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8(reader.join().unwrap()).expect("UTF-8 output"),
        stderr: String::from_utf8(err_reader.join().unwrap()).expect("UTF-8 messages"),
    }
}

fn assert_no_control(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || c == '\t' || !(c.is_control() || dateline::sanitize::is_unsafe(c)),
            "{c:?} printed in {text}"
        );
    }
}

/// The one message about `file`, checked.
fn message_for<'a>(stderr: &'a str, root: &Path, file: &BadFile) -> &'a str {
    let start = format!("dateline: {}", hostile::message_start(root, file));
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&start)).collect();
    assert_eq!(lines.len(), 1, "{}: {lines:?}\n{stderr}", file.path);
    assert!(
        lines[0].contains(file.reason),
        "{}: {}",
        file.path,
        lines[0]
    );
    lines[0]
}

#[test]
fn every_bad_file_is_named_once_with_its_reason_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    hostile::write_good(root);
    hostile::write_hostile_articles(root);
    let bad = hostile::write_bad(root);
    let before = hostile::snapshot(root);
    let run = dateline(&["list", "."], root);
    let root = Path::new(".");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_no_control(&run.stdout);
    assert_no_control(&run.stderr);
    for title in GOOD_TITLES.iter().chain(&HOSTILE_SHOWN) {
        assert!(
            run.stdout.contains(title),
            "{title} missing:\n{}",
            run.stdout
        );
    }
    for title in [
        "Ferry resumes",
        "Library extends hours",
        "Harbour news",
        "Quay reopens",
        "Fine",
    ] {
        assert!(
            run.stdout.contains(title),
            "{title} missing:\n{}",
            run.stdout
        );
    }
    assert_eq!(
        run.stdout.lines().count(),
        3 + 3 + 2 + 2 + 1 + 1 + 1,
        "{}",
        run.stdout
    );
    for file in &bad {
        message_for(&run.stderr, root, file);
    }
    // Every message is one line about one file, and names a bad file.
    for line in run.stderr.lines() {
        assert!(line.starts_with("dateline: ./bad/"), "{line}");
    }
    assert_eq!(
        hostile::snapshot(dir.path()),
        before,
        "an input file changed"
    );
}

#[test]
fn each_bad_file_alone_is_one_message_and_exit_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = hostile::write_bad(dir.path());
    // Each file (the folders, `loop` and `special`, aside).
    for file in bad
        .iter()
        .filter(|f| !f.loads && f.what == "skipped" && f.path.contains('.'))
    {
        let path = format!("bad/{}", file.path);
        let run = dateline(&["list", &path], dir.path());
        assert_eq!(run.code, Some(1), "{path}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            lines.last(),
            Some(&"dateline: no articles could be loaded"),
            "{path}"
        );
        let named = lines.iter().filter(|l| l.contains(file.reason)).count();
        assert_eq!(named, 1, "{path}: {lines:?}");
        assert!(!run.stderr.contains("panicked"));
    }
    // Files that still give articles: exit status 0, the warning or the
    // bad line named.
    for file in bad.iter().filter(|f| f.loads) {
        let path = format!("bad/{}", file.path);
        let run = dateline(&["list", &path], dir.path());
        assert_eq!(run.code, Some(0), "{path}: {}", run.stderr);
        let start = match file.line {
            Some(line) => format!("dateline: {path}:{line}: {}: ", file.what),
            None => format!("dateline: {path}: {}: ", file.what),
        };
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with(&start) && l.contains(file.reason)),
            "{path}: {}",
            run.stderr
        );
    }
}

#[test]
fn utf16_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFE, 0xFF];
    for unit in "Title: Caf\u{e9} culture returns\r\n\r\nTables are back.".encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    std::fs::write(dir.path().join("cafe.txt"), bytes).unwrap();
    let run = dateline(&["list", "cafe.txt"], dir.path());
    assert_eq!(run.code, Some(0));
    assert!(
        run.stdout.contains("Caf\u{e9} culture returns"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn a_200_mb_file_and_a_50_mb_line_load() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The harbour authority said on Tuesday that the eastern quay would reopen to freight after three weeks of repairs.\n\n";
    let mut big = String::from("A very long report\n\n");
    while big.len() < 200 * 1024 * 1024 {
        big.push_str(paragraph);
    }
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    drop(big);
    let sentence = "Dock workers in Rotterdam said on Monday that 3,800 of them would strike. ";
    let line = format!(
        "{{\"title\": \"One long line\", \"body\": \"{}\"}}\n{{\"title\": \"After the long line\"}}\n",
        sentence.repeat(50 * 1024 * 1024 / sentence.len())
    );
    std::fs::write(dir.path().join("line.jsonl"), &line).unwrap();
    drop(line);
    let started = Instant::now();
    let run = dateline(&["list", "."], dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let titles: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.split('\t').nth(3))
        .collect();
    assert_eq!(
        titles,
        ["A very long report", "One long line", "After the long line"]
    );
    eprintln!(
        "200 MB file and 50 MB line listed in {:?}",
        started.elapsed()
    );
}

#[test]
fn a_hundred_thousand_tiny_files_load() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100_000usize {
        let folder = dir.path().join(format!("s{}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&folder).unwrap();
        }
        std::fs::write(
            folder.join(format!("{i}.txt")),
            format!("Note {i}\n\nShort."),
        )
        .unwrap();
    }
    let started = Instant::now();
    let run = dateline(&["list", "."], dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 100_000);
    assert!(run.stderr.is_empty());
    eprintln!("100,000 files listed in {:?}", started.elapsed());
}

#[test]
fn json_output_escapes_what_a_terminal_would_act_on() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write_hostile_articles(dir.path());
    for args in [
        &["list", "--json", "."][..],
        &["entities", "--jsonl", "."],
        &["entities", "."],
        &["list", "."],
    ] {
        let run = dateline(args, dir.path());
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert_no_control(&run.stdout);
        if args.contains(&"--json") || args.contains(&"--jsonl") {
            // Still the same JSON: the escapes decode to the text.
            let titles: Vec<String> = run
                .stdout
                .lines()
                .map(|l| {
                    serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                })
                .collect();
            assert!(
                titles.iter().any(|t| t.contains("\u{1b}]52;c;")),
                "{titles:?}"
            );
        }
    }
}

#[test]
fn bad_arguments_are_reported_without_their_escapes() {
    let dir = tempfile::tempdir().unwrap();
    for value in ["\u{1b}]0;pwned\u{7}", "\u{9b}2J\u{202e}x"] {
        let run = dateline(&["list", &format!("--json={value}")], dir.path());
        assert_eq!(run.code, Some(2));
        assert!(run.stderr.contains("unexpected value"), "{}", run.stderr);
        assert_no_control(&run.stderr);
    }
    let run = dateline(&["list", "--json=\u{9b}2J\u{202e}x"], dir.path());
    assert!(run.stderr.contains("\u{2426}2J\u{2426}x"), "{}", run.stderr);
}
