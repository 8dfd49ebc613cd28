//! The loader at scale: writes 100,000 files (about 300 MB, in every format,
//! below 50 source folders) to a temporary folder, loads them, and prints
//! how long that took and when the first batch of articles arrived.
//!
//! ```sh
//! cargo run --release --example scale [-- FILES]
//! ```
//!
//! The files are removed afterwards. Without FILES, 100,000.

use std::fmt::Write as _;
use std::fs;
use std::time::Instant;

use dateline::loader::{self, Input, LoadEvent};

fn main() {
    let files: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let paragraph = "The harbour authority said on Tuesday that the eastern quay would reopen \
                     to freight after three weeks of repairs, easing pressure on the rail yard. \
                     Officials expect 40 ships in the first week, and unions have agreed to \
                     extra shifts through the end of the month while inspections continue.\n\n";
    let body = paragraph.repeat(10);
    let mut bytes = 0usize;
    let mut expected = 0usize;
    let written = Instant::now();
    for i in 0..files {
        let folder = dir
            .path()
            .join(format!("source{}/{}", i % 50, 2000 + i % 20));
        if i < 1000 {
            fs::create_dir_all(&folder).expect("a folder");
        }
        let (name, text, count) = match i % 20 {
            0..=13 => (
                format!("{i}.txt"),
                format!(
                    "Title: Quay reopens {i}\nDate: 2025-06-{:02}\n\n{body}",
                    1 + i % 28
                ),
                1,
            ),
            14..=16 => (
                format!("{i}.md"),
                format!("---\ntitle: Quay {i}\ndate: 2025-06-28\n---\n\n{body}"),
                1,
            ),
            17..=18 => {
                let entry = |n: usize| {
                    format!(
                        "{{\"title\": \"Quay {i} part {n}\", \"publishedAt\": \"2025-06-28T08:00:00Z\", \"content\": {}}}",
                        serde_json::to_string(&body[..1000]).expect("a JSON string")
                    )
                };
                (
                    format!("{i}.json"),
                    format!("[{}, {}, {}]", entry(1), entry(2), entry(3)),
                    3,
                )
            }
            _ => {
                let mut lines = String::new();
                for n in 0..10 {
                    let body = serde_json::to_string(&body[..300]).expect("a JSON string");
                    let _ = writeln!(
                        lines,
                        "{{\"title\": \"Quay {i} line {n}\", \"body\": {body}}}"
                    );
                }
                (format!("{i}.jsonl"), lines, 10)
            }
        };
        bytes += text.len();
        expected += count;
        fs::write(folder.join(name), text).expect("a file written");
    }
    eprintln!(
        "wrote {files} files, {} MB, in {:?}",
        bytes / 1_000_000,
        written.elapsed()
    );
    let start = Instant::now();
    let mut first_batch = None;
    let mut articles = 0;
    let mut issues = 0;
    loader::load(
        &[Input::Path(dir.path().to_path_buf())],
        &mut |event| match event {
            LoadEvent::Articles(batch) => {
                first_batch.get_or_insert_with(|| start.elapsed());
                articles += batch.len();
            }
            LoadEvent::Issue(issue) => {
                if issues < 5 {
                    eprintln!("{issue}");
                }
                issues += 1;
            }
            LoadEvent::Progress { .. } | LoadEvent::Fetching { .. } => {}
        },
    );
    let elapsed = start.elapsed();
    println!(
        "scale: {files} files, {} MB, {articles} articles in {elapsed:?} (first batch after {:?}), {issues} issues",
        bytes / 1_000_000,
        first_batch.unwrap_or_default()
    );
    assert_eq!(articles, expected, "every article loaded");
    assert_eq!(issues, 0, "no problems");
}
