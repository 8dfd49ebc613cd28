//! The loader: reads files, folders and standard input into articles.
//!
//! Pure of the terminal: it reports what it finds through a callback, in
//! batches, so the TUI can run it on a thread and stream articles into the
//! list while the subcommands simply collect everything.
//!
//! ```text
//! Input ─walk─▶ FileJob ─read─▶ bytes ─decode─▶ text ─Format::parse─▶ Draft ─finish─▶ Article
//! ```
//!
//! Each format is one file below `loader/` with a pure `parse(&str)`; the
//! format is chosen in [`format`](self) by extension or by sniffing.

mod dates;
mod decode;
mod draft;
mod fields;
mod format;
mod json;
mod jsonl;
mod markdown;
mod text;
mod title;
mod walk;

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::article::{Article, Origin};
use crate::samples::SAMPLES;
use draft::{Note, Place};
use format::Format;
use walk::{FileJob, Found};

/// A batch of articles is sent when it holds this many...
const BATCH_ARTICLES: usize = 512;
/// ...or when this long has passed since the last one.
const BATCH_INTERVAL: Duration = Duration::from_millis(30);
/// How often progress is reported at most.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);
/// Files larger than this are not read.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Past this many problems in one file, the rest are counted, not listed.
const MAX_ISSUES_PER_FILE: usize = 20;

/// One thing the user asked to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (read recursively, hidden entries skipped).
    Path(PathBuf),
    /// Standard input, named `-` on the command line.
    Stdin,
    /// The sample articles built into the binary.
    Samples,
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Loaded, but not perfectly (e.g. invalid UTF-8 decoded lossily).
    Warning,
    /// Skipped.
    Error,
}

/// A problem with one file (or one line of it), reported and then passed by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIssue {
    pub origin: Origin,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "skipped",
        };
        write!(f, "{}: {what}: {}", self.origin, self.message)
    }
}

/// What the loader reports as it goes.
#[derive(Debug)]
pub enum LoadEvent {
    Articles(Vec<Article>),
    Issue(LoadIssue),
    /// How many files have been looked at so far.
    Progress {
        files: usize,
    },
}

/// Load every input, reporting articles in batches through `on_event`.
///
/// Order is deterministic: inputs in the order given, files in a folder by
/// name (depth first), articles in a file in file order. Problems are
/// reported as [`LoadEvent::Issue`] as they are found and never stop the
/// load. Never panics on any input.
pub fn load(inputs: &[Input], on_event: &mut dyn FnMut(LoadEvent)) {
    let mut out = Emitter::new(on_event);
    for input in inputs {
        match input {
            Input::Path(path) => walk::walk(path, &mut |found| match found {
                Found::File(job) => out.file(load_file(&job)),
                Found::Issue(issue) => out.issue(issue),
            }),
            Input::Stdin => {
                let path = Path::new("-");
                let mut bytes = Vec::new();
                let loaded = match io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => load_bytes(bytes, path, None, "stdin"),
                    Err(e) => FileLoaded::failed(path, walk::describe_io_error(&e, path)),
                };
                out.file(loaded);
            }
            Input::Samples => {
                for sample in SAMPLES {
                    let path = PathBuf::from(format!("<samples>/{}", sample.name));
                    let format = Format::from_extension(Path::new(sample.name));
                    out.file(load_bytes(sample.bytes.to_vec(), &path, format, "samples"));
                }
            }
        }
    }
    out.finish();
}

/// Everything loaded, for the subcommands.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub issues: Vec<LoadIssue>,
}

pub fn load_all(inputs: &[Input]) -> Loaded {
    let mut loaded = Loaded::default();
    load(inputs, &mut |event| match event {
        LoadEvent::Articles(batch) => loaded.articles.extend(batch),
        LoadEvent::Issue(issue) => loaded.issues.push(issue),
        LoadEvent::Progress { .. } => {}
    });
    loaded
}

/// What one file gave.
#[derive(Debug, Default)]
struct FileLoaded {
    articles: Vec<Article>,
    issues: Vec<LoadIssue>,
}

impl FileLoaded {
    fn failed(path: &Path, message: String) -> Self {
        Self {
            articles: Vec::new(),
            issues: vec![LoadIssue {
                origin: Origin::file(path),
                severity: Severity::Error,
                message,
            }],
        }
    }
}

/// Read one file (type checked before opening, size before reading) and
/// parse it.
fn load_file(job: &FileJob) -> FileLoaded {
    match read_file(&job.path) {
        Ok(bytes) => load_bytes(bytes, &job.path, job.format, &job.source),
        Err(message) => FileLoaded::failed(&job.path, message),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| walk::describe_io_error(&e, path))?;
    let meta = file
        .metadata()
        .map_err(|e| walk::describe_io_error(&e, path))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file too large ({} MiB; the limit is {} MiB)",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| walk::describe_io_error(&e, path))?;
    Ok(bytes)
}

/// Decode and parse a file's bytes; `format` `None` means sniff the text.
fn load_bytes(
    bytes: Vec<u8>,
    path: &Path,
    format: Option<Format>,
    fallback_source: &str,
) -> FileLoaded {
    let decoded = match decode::decode(bytes) {
        Ok(decoded) => decoded,
        Err(note) => return FileLoaded::failed(path, note.message),
    };
    let format = format.unwrap_or_else(|| Format::sniff(&decoded.text));
    let parsed = format.parse(&decoded.text);
    let mut notes: Vec<Note> = decoded.warning.into_iter().collect();
    notes.extend(parsed.notes);
    let place = Place {
        path,
        fallback_source,
    };
    let mut articles = Vec::with_capacity(parsed.drafts.len());
    for draft in parsed.drafts {
        if let Some(article) = draft::finish(draft, place, &mut notes) {
            articles.push(article);
        }
    }
    if articles.is_empty() && !notes.iter().any(|n| n.severity == Severity::Error) {
        notes.push(Note::error(None, "no articles"));
    }
    FileLoaded {
        articles,
        issues: issues_of(notes, path),
    }
}

/// Notes placed in a file, in line order; at most [`MAX_ISSUES_PER_FILE`]
/// listed and the rest counted.
fn issues_of(mut notes: Vec<Note>, path: &Path) -> Vec<LoadIssue> {
    notes.sort_by_key(|n| n.line.unwrap_or(0));
    let hidden = notes.len().saturating_sub(MAX_ISSUES_PER_FILE);
    let mut issues: Vec<LoadIssue> = notes
        .into_iter()
        .take(MAX_ISSUES_PER_FILE)
        .map(|note| LoadIssue {
            origin: Origin {
                path: path.to_path_buf(),
                line: note.line,
            },
            severity: note.severity,
            message: note.message,
        })
        .collect();
    if hidden > 0 {
        issues.push(LoadIssue {
            origin: Origin::file(path),
            severity: Severity::Warning,
            message: format!("{hidden} more problems in this file not listed"),
        });
    }
    issues
}

/// Sends events: articles in batches, issues at once, progress now and then.
struct Emitter<'a> {
    on_event: &'a mut dyn FnMut(LoadEvent),
    batch: Vec<Article>,
    last_batch: Instant,
    files: usize,
    last_progress: Instant,
    reported_files: usize,
}

impl<'a> Emitter<'a> {
    fn new(on_event: &'a mut dyn FnMut(LoadEvent)) -> Self {
        let now = Instant::now();
        Self {
            on_event,
            batch: Vec::new(),
            last_batch: now,
            files: 0,
            last_progress: now,
            reported_files: 0,
        }
    }

    fn file(&mut self, loaded: FileLoaded) {
        self.files += 1;
        for issue in loaded.issues {
            self.issue(issue);
        }
        for article in loaded.articles {
            self.batch.push(article);
            if self.batch.len() >= BATCH_ARTICLES {
                self.flush();
            }
        }
        let now = Instant::now();
        if !self.batch.is_empty() && now.duration_since(self.last_batch) >= BATCH_INTERVAL {
            self.flush();
        }
        if now.duration_since(self.last_progress) >= PROGRESS_INTERVAL {
            self.progress(now);
        }
    }

    fn issue(&mut self, issue: LoadIssue) {
        (self.on_event)(LoadEvent::Issue(issue));
    }

    fn flush(&mut self) {
        if !self.batch.is_empty() {
            let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_ARTICLES));
            (self.on_event)(LoadEvent::Articles(batch));
        }
        self.last_batch = Instant::now();
    }

    fn progress(&mut self, now: Instant) {
        if self.files != self.reported_files {
            (self.on_event)(LoadEvent::Progress { files: self.files });
            self.reported_files = self.files;
        }
        self.last_progress = now;
    }

    fn finish(mut self) {
        self.flush();
        self.progress(Instant::now());
    }
}
