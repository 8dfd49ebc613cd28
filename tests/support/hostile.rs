//! A folder of hostile input, written by the tests that use it (nothing large
//! is kept in the repository): articles that try to act on the terminal, and
//! every kind of bad file, each with the message dateline should give.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A bad file and what dateline should say about it.
pub struct BadFile {
    /// Below the folder.
    pub path: &'static str,
    /// The line named in the message, for files of many articles.
    pub line: Option<usize>,
    /// `skipped` or `warning`.
    pub what: &'static str,
    /// Part of the reason.
    pub reason: &'static str,
    /// Whether articles still load from this file.
    pub loads: bool,
}

/// The titles of the good articles the folder holds.
pub const GOOD_TITLES: [&str; 3] = [
    "Dock workers strike in Rotterdam",
    "Reservoirs fall to a third",
    "Central bank holds rates",
];

/// Titles of the articles that carry escape sequences, as the list shows
/// them (stand-ins instead of the control characters).
pub const HOSTILE_SHOWN: [&str; 3] = [
    "Clear ␛[2J␛[H the screen",
    "Title ␛]0;pwned␇ set",
    "Clip ␛]52;c;",
];

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

/// Deterministic noise: `n` bytes from a xorshift generator.
pub fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed.to_le_bytes()[3]
        })
        .collect()
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

/// Good articles in three formats, one folder per publisher.
pub fn write_good(root: &Path) {
    write(
        &root.join("northline/strike.txt"),
        b"Dock workers strike in Rotterdam\n\nDock workers walked out on Monday, union leader Anneke Verhoeven said, and 40 ships waited at anchor.\n",
    );
    write(
        &root.join("ledger/reservoirs.md"),
        b"---\ntitle: Reservoirs fall to a third\ndate: 2026-11-10\n---\n\nReservoirs in Andalusia held 33 per cent of their capacity on Tuesday.\n",
    );
    write(
        &root.join("ledger/rates.json"),
        br#"{"title": "Central bank holds rates", "source": "Meridian Post", "publishedAt": "2026-11-12T09:00:00Z", "content": "The bank kept its main rate at 3.5% for a third meeting."}"#,
    );
}

/// Articles whose text would clear the screen, set the window title, write
/// the clipboard, plant a link, ring the bell or reorder text.
pub fn write_hostile_articles(root: &Path) {
    write(
        &root.join("evil/clear.txt"),
        b"Clear \x1b[2J\x1b[H the screen\n\nThe body moves the cursor \x1b[10;10H and erases \x1b[J then rings \x07 the bell.\n",
    );
    write(
        &root.join("evil/title.txt"),
        b"Title \x1b]0;pwned\x07 set\n\nAnd a link \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ planted, a DCS \x1bPq#0\x1b\\ and an APC \x1b_hidden\x1b\\ here.\n",
    );
    write(
        &root.join("evil/clipboard.jsonl"),
        "{\"title\": \"Clip \\u001b]52;c;cHduZWQ=\\u0007 board\", \"source\": \"Evil\\u202eWire\", \"body\": \"C1 CSI \\u009b2J here, bidi \\u2067override\\u2069 there, \\u200fmarks\\u200e too.\\tTabbed.\"}\n".as_bytes(),
    );
}

/// Every kind of bad file (the large ones aside), written below `root`,
/// with what dateline should say. Unreadable files are only listed when the
/// tests run without the rights to read anything.
#[allow(clippy::too_many_lines)] // a table: one entry per kind of bad file
pub fn write_bad(root: &Path) -> Vec<BadFile> {
    let bad = root.join("bad");
    let mut files = Vec::new();
    let mut add = |path: &'static str,
                   bytes: &[u8],
                   line: Option<usize>,
                   what: &'static str,
                   reason: &'static str,
                   loads: bool| {
        write(&bad.join(path), bytes);
        files.push(BadFile {
            path,
            line,
            what,
            reason,
            loads,
        });
    };
    add("empty.txt", b"", None, "skipped", "empty file", false);
    add(
        "blank.md",
        b"  \n\t\n   \n",
        None,
        "skipped",
        "empty file",
        false,
    );
    add(
        "latin1.txt",
        b"Caf\xe9 reopens on the quay\n\nThe caf\xe9 opened at nine.\n",
        Some(1),
        "warning",
        "invalid UTF-8",
        true,
    );
    add(
        "utf16-broken.txt",
        &[
            &utf16le("Harbour news\n\nA ", true)[..],
            &[0x00, 0xD8],
            &utf16le(" broken pair.", false),
        ]
        .concat(),
        Some(3),
        "warning",
        "invalid UTF-16",
        true,
    );
    add(
        "image.txt",
        &[&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], &noise(2000, 7)].concat(),
        None,
        "skipped",
        "binary file",
        false,
    );
    add(
        "noise.md",
        &noise(5000, 42),
        None,
        "skipped",
        "binary file",
        false,
    );
    add(
        "truncated.json",
        b"{\n  \"title\": \"Storm\",\n  \"body\": \"Wind",
        None,
        "skipped",
        "not valid JSON: EOF while parsing a string at line 3",
        false,
    );
    add(
        "deep.json",
        format!(
            "{{\"articles\": [{}{}]}}",
            "{\"a\": ".repeat(100_000) + "1",
            "}".repeat(100_000)
        )
        .as_bytes(),
        Some(1),
        "skipped",
        "no title and no text",
        false,
    );
    add(
        "deep.jsonl",
        format!(
            "{{\"title\": \"Fine\"}}\n{{\"title\": {}{}}}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        )
        .as_bytes(),
        Some(2),
        "skipped",
        "JSON nested too deeply",
        true,
    );
    add(
        "wrong-types.json",
        br#"[{"title": ["not", "text"], "body": {"no": 1}, "date": true}]"#,
        Some(1),
        "skipped",
        "no title and no text",
        false,
    );
    add(
        "feed.jsonl",
        b"{\"title\": \"Ferry resumes\", \"body\": \"Sailings restart.\"}\n{\"title\": \"Broken, \"body\": \"x\"}\n{\"title\": \"Library extends hours\"}\n",
        Some(2),
        "skipped",
        "not valid JSON",
        true,
    );
    add(
        "dup/copy.txt",
        b"Quay reopens\n\nFreight moves again.",
        None,
        "warning",
        "a duplicate of",
        false,
    );
    write(
        &bad.join("dup/a.txt"),
        b"Quay reopens\n\nFreight moves again.",
    );
    #[cfg(unix)]
    unix_bad_files(&bad, &mut files);
    files
}

/// A symlink loop, special files and (without the rights to read anything)
/// an unreadable file.
#[cfg(unix)]
fn unix_bad_files(bad: &Path, files: &mut Vec<BadFile>) {
    use std::os::unix::fs::{PermissionsExt, symlink};
    symlink(bad, bad.join("loop")).unwrap();
    files.push(BadFile {
        path: "loop",
        line: None,
        what: "skipped",
        reason: "symlink loop",
        loads: false,
    });
    // A device, reached through a link, and a FIFO: never opened.
    fs::create_dir_all(bad.join("special")).unwrap();
    symlink("/dev/null", bad.join("special/null.txt")).unwrap();
    let fifo = bad.join("special/live.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        files.push(BadFile {
            path: "special/live.txt",
            line: None,
            what: "skipped",
            reason: "not a regular file (a FIFO)",
            loads: false,
        });
    }
    files.push(BadFile {
        path: "special/null.txt",
        line: None,
        what: "skipped",
        reason: "not a regular file (a device)",
        loads: false,
    });
    let locked = bad.join("locked.txt");
    write(&locked, b"Locked\n\nNo.");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&locked).is_err() {
        files.push(BadFile {
            path: "locked.txt",
            line: None,
            what: "skipped",
            reason: "permission denied",
            loads: false,
        });
    }
}

/// What dateline should print for `file` below `root`: `path[:line]: what: `.
pub fn message_start(root: &Path, file: &BadFile) -> String {
    let path = root.join("bad").join(file.path);
    match file.line {
        Some(line) => format!("{}:{line}: {}: ", path.display(), file.what),
        None => format!("{}: {}: ", path.display(), file.what),
    }
}

/// Every regular file below `root`, with its bytes and modification time.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                // Unreadable files keep their mtime; their bytes cannot
                // change without it.
                let bytes = fs::read(&path).unwrap_or_default();
                files.insert(path, (bytes, meta.modified().unwrap()));
            }
        }
    }
    files
}
