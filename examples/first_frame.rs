//! The terminal app as a user sees it: starts the release binary in a
//! pseudo-terminal on the paths given, reads the screen back through a
//! terminal emulator, and prints how long after the start the first frame
//! was on screen, all articles were listed (the status bar no longer says
//! `loading`) and the names were indexed (nor `indexing names`), as
//! `name=value` pairs.
//!
//! ```sh
//! cargo build --release && cargo run --release --example first_frame -- [--cache DIR] PATH...
//! ```
//!
//! The read state goes to a temporary folder (`--no-state`), and so does the
//! names cache unless `--cache DIR` names the cache folder (a second run
//! with the same DIR reads the names the first kept); nothing is typed but
//! `q` at the end.

#![allow(clippy::cast_precision_loss)]

#[path = "common/binary.rs"]
mod binary;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Far beyond any target: a run that takes this long has failed.
const GIVE_UP: Duration = Duration::from_secs(600);

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    // `--cache DIR`: the cache folder (the names cache), else a new one.
    let cache_dir = paths.iter().position(|a| a == "--cache").map(|at| {
        let dir = paths.get(at + 1).cloned().unwrap_or_default();
        paths.drain(at..(at + 2).min(paths.len()));
        dir
    });
    if paths.is_empty() {
        eprintln!("usage: first_frame PATH...");
        std::process::exit(2);
    }
    let (rows, cols) = (40, 160);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let state = tempfile::tempdir().expect("a temporary folder");
    let mut cmd = CommandBuilder::new(binary::dateline_binary());
    cmd.arg("--no-state");
    cmd.args(&paths);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", state.path());
    let cache = cache_dir.unwrap_or_else(|| state.path().join("cache").display().to_string());
    cmd.env("XDG_CACHE_HOME", cache);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("dateline starts");
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let feed = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().expect("the screen").process(&buf[..n]);
        }
    });
    let status = || {
        let parser = screen.lock().expect("the screen");
        let contents = parser.screen().contents();
        contents.lines().last().unwrap_or("").to_string()
    };
    let wait = |done: &dyn Fn(&str) -> bool| -> Option<Duration> {
        while start.elapsed() < GIVE_UP {
            if done(&status()) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        None
    };
    let first = wait(&|s: &str| s.contains("article"));
    let listed = wait(&|s: &str| s.contains("article") && !s.contains("loading"));
    let indexed =
        wait(&|s: &str| s.contains("article") && !s.contains("loading") && !s.contains("indexing"));
    let last = status();
    let mut writer = pair.master.take_writer().expect("a writer");
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let _ = child.wait();
    let ms = |d: Option<Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0);
    println!(
        "first_frame_ms={:.1} listed_s={:.3} indexed_s={:.3}",
        ms(first),
        ms(listed) / 1000.0,
        ms(indexed) / 1000.0
    );
    println!("status: {}", last.trim());
}
