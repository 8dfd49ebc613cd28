//! A log written to a file when asked for (`--log FILE` or `DATELINE_LOG`),
//! never to the screen, which belongs to the reader. One line per event:
//! `TIME LEVEL message`, terminal-safe. Without a file, logging does
//! nothing.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

static LOG: OnceLock<Mutex<File>> = OnceLock::new();

/// The environment variable naming a log file when `--log` is not given.
pub const ENV: &str = "DATELINE_LOG";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Level::Info => "INFO",
            Level::Warn => "WARN",
            Level::Error => "ERROR",
        }
    }
}

/// Append the log to `path` from now on (the first call wins).
pub fn init(path: &Path) -> io::Result<()> {
    let file = OpenOptions::new().create(true).append(true).open(path)?;
    let _ = LOG.set(Mutex::new(file));
    Ok(())
}

/// Whether a log file is open.
pub fn enabled() -> bool {
    LOG.get().is_some()
}

/// Write one line, when logging.
pub fn write(level: Level, message: &str) {
    let Some(log) = LOG.get() else {
        return;
    };
    let line = format_line(level, message, chrono::Utc::now());
    if let Ok(mut file) = log.lock() {
        let _ = file.write_all(line.as_bytes());
    }
}

pub fn info(message: &str) {
    write(Level::Info, message);
}

pub fn warn(message: &str) {
    write(Level::Warn, message);
}

pub fn error(message: &str) {
    write(Level::Error, message);
}

fn format_line(level: Level, message: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "{} {:5} {}\n",
        at.format("%Y-%m-%dT%H:%M:%S%.3fZ"),
        level.label(),
        crate::sanitize::line(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_time_level_and_a_safe_message() {
        let at = chrono::DateTime::from_timestamp(1_796_000_000, 0).unwrap();
        let line = format_line(Level::Warn, "bad\nfile \u{1b}[2J", at);
        assert_eq!(line, "2026-11-30T00:53:20.000Z WARN  bad file ␛[2J\n");
    }
}
