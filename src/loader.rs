//! The loader: reads files, folders and standard input into articles.
//!
//! Pure of the terminal: it reports what it finds through a callback, in
//! batches, so the TUI can run it on a thread and stream articles into the
//! list while the subcommands simply collect everything.

use std::fmt;
use std::path::PathBuf;

use crate::article::{Article, Origin};

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
pub fn load(inputs: &[Input], on_event: &mut dyn FnMut(LoadEvent)) {
    let _ = (inputs, on_event);
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
