//! Print names and numbers as JSON Lines, one line per file given:
//! `{"path","title","body","spans":[{"start","end","kind","text"}]}` with the
//! whole file as body, the first non-empty line as title, and byte offsets.
//!
//! ```sh
//! cargo run --release --example entities -- FILE...
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use dateline::highlight::highlight;
use serde::Serialize;

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    title: &'a str,
    body: &'a str,
    spans: Vec<SpanOut<'a>>,
}

fn main() -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("entities: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let body = String::from_utf8_lossy(&bytes);
        let title = body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let spans = highlight(&body)
            .into_iter()
            .map(|s| SpanOut {
                start: s.start,
                end: s.end,
                kind: s.kind.label(),
                text: body.get(s.start..s.end).unwrap_or(""),
            })
            .collect();
        let line = Line {
            path: &path,
            title,
            body: &body,
            spans,
        };
        if serde_json::to_writer(&mut out, &line).is_err() || out.write_all(b"\n").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() || failed {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
