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

pub(crate) mod dates;
mod decode;
mod draft;
mod feed;
mod fields;
mod format;
mod html;
mod json;
mod jsonl;
mod markdown;
mod reread;
mod text;
mod title;
mod walk;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use crate::article::{Article, ArticleId, Origin};
use crate::fetch::{self, Fetcher};
use crate::samples::SAMPLES;
use crate::subscriptions::Subscription;
use draft::{Note, Place, Reread};
use format::Format;
pub use reread::Located;
use walk::{FileJob, Found, SeenFiles};

/// A batch of articles is sent when it holds this many...
const BATCH_ARTICLES: usize = 512;
/// ...or when this long has passed since the last one.
const BATCH_INTERVAL: Duration = Duration::from_millis(30);
/// How often progress is reported at most.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);
/// Files larger than this are not read (JSON Lines files excepted: they are
/// read in parts).
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// A JSON Lines file larger than this is read in parts of about this size,
/// cut at line ends, and the parts are parsed on the reader threads while
/// the next is read: memory stays bounded and articles arrive early.
const PART_BYTES: usize = 4 * 1024 * 1024;
/// Past this many problems in one file, the rest are counted, not listed.
const MAX_ISSUES_PER_FILE: usize = 20;
/// Files are read and parsed by up to this many threads.
const MAX_READERS: usize = 4;
/// URLs are fetched by up to this many threads at once.
const MAX_FETCHES: usize = 6;
/// Files are handed to reader threads this many at a time...
const CHUNK: usize = 64;
/// ...with at most this many chunks waiting to be read or reported.
const QUEUE: usize = 8;

/// One thing the user asked to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (read recursively, hidden entries skipped).
    Path(PathBuf),
    /// Standard input, named `-` on the command line.
    Stdin,
    /// The sample articles built into the binary.
    Samples,
    /// A feed or a page on the web, fetched over HTTP(S).
    Url(Subscription),
    /// A list of URLs to fetch, one a line (see [`crate::subscriptions`]).
    UrlsFile(PathBuf),
}

impl Input {
    /// `-` is standard input, `http://` and `https://` a URL; anything else
    /// a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else if fetch::is_url(arg) {
            Input::Url(Subscription::new(arg))
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
    /// `done` of `total` URLs fetched (or given up on).
    Fetching {
        done: usize,
        total: usize,
    },
}

/// Load every input, reporting articles in batches through `on_event`.
///
/// Order is deterministic: inputs in the order given, files in a folder by
/// name (depth first), articles in a file in file order. Problems are
/// reported as [`LoadEvent::Issue`] as they are found and never stop the
/// load. Never panics on any input.
///
/// URLs are fetched with the default timeout and cache; see
/// [`load_fetching`] to choose them.
pub fn load(inputs: &[Input], on_event: &mut dyn FnMut(LoadEvent)) {
    let fetcher = inputs
        .iter()
        .any(|i| matches!(i, Input::Url(_)))
        .then(|| Fetcher::with_default_cache(fetch::DEFAULT_TIMEOUT));
    load_fetching(inputs, fetcher.as_ref(), on_event);
}

/// [`load`], fetching URLs with `fetcher` (none: every URL is reported
/// as not fetched).
pub fn load_fetching(
    inputs: &[Input],
    fetcher: Option<&Fetcher>,
    on_event: &mut dyn FnMut(LoadEvent),
) {
    load_with(inputs, readers(), fetcher, UrlOrder::AsGiven, on_event);
}

/// [`load_fetching`], reporting what each URL gives as soon as it is in
/// (the reader's way: a slow server holds up nothing else) rather than in
/// the inputs' order.
pub fn load_streaming(
    inputs: &[Input],
    fetcher: Option<&Fetcher>,
    on_event: &mut dyn FnMut(LoadEvent),
) {
    load_with(inputs, readers(), fetcher, UrlOrder::AsFetched, on_event);
}

/// How many threads read files.
fn readers() -> usize {
    thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(MAX_READERS)
}

/// In which order what URLs give is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UrlOrder {
    /// In the inputs' order, as the subcommands print it.
    AsGiven,
    /// As each comes in: a slow server holds up nothing else (the reader).
    AsFetched,
}

/// [`load`] with a given number of reader threads (1: read on this thread).
fn load_with(
    inputs: &[Input],
    readers: usize,
    fetcher: Option<&Fetcher>,
    order: UrlOrder,
    on_event: &mut dyn FnMut(LoadEvent),
) {
    let mut out = Emitter::new(on_event);
    let mut seen = SeenFiles::default();
    // The URLs given and those listed in urls files (whose bad lines are
    // reported now) are fetched in parallel from the start, while the
    // other inputs load.
    let listed: Vec<Vec<Subscription>> = inputs
        .iter()
        .map(|input| match input {
            Input::Url(s) => vec![s.clone()],
            Input::UrlsFile(path) => read_urls_file(path, &mut out),
            _ => Vec::new(),
        })
        .collect();
    let urls: Vec<&Subscription> = listed.iter().flatten().filter(|s| !s.hidden).collect();
    thread::scope(|scope| {
        let mut pool = Fetches::start(scope, &urls, fetcher, &mut out);
        let mut next_url = 0;
        for (input, listed) in inputs.iter().zip(&listed) {
            match order {
                UrlOrder::AsGiven => {
                    for _ in listed.iter().filter(|s| !s.hidden) {
                        if let Some(loaded) = pool.wait_for(next_url, &mut out) {
                            out.file(loaded);
                        }
                        next_url += 1;
                    }
                }
                UrlOrder::AsFetched => pool.pass_on_ready(&mut out),
            }
            match input {
                Input::Url(_) | Input::UrlsFile(_) => {}
                Input::Path(path) => load_path(path, readers, &mut seen, &mut out),
                Input::Stdin => {
                    let path = Path::new("-");
                    out.file(load_stream(
                        io::stdin().lock(),
                        MAX_FILE_BYTES,
                        path,
                        "stdin",
                    ));
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
        pool.pass_on_rest(&mut out);
    });
    out.finish();
}

/// Everything loaded, for the subcommands.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub issues: Vec<LoadIssue>,
}

/// Decode and parse `bytes` as the file at `path` would be: the format by
/// its extension, sniffed without one. Nothing is read from disk; for
/// bytes that come from elsewhere, and for fuzzing.
pub fn from_bytes(bytes: Vec<u8>, path: &Path) -> Loaded {
    let source = walk::source_of_named_file(path);
    let mut loaded = Loaded::default();
    let mut collect = |event| match event {
        LoadEvent::Articles(batch) => loaded.articles.extend(batch),
        LoadEvent::Issue(issue) => loaded.issues.push(issue),
        LoadEvent::Progress { .. } | LoadEvent::Fetching { .. } => {}
    };
    let mut out = Emitter::new(&mut collect);
    out.file(load_bytes(
        bytes,
        path,
        Format::from_extension(path),
        &source,
    ));
    out.finish();
    loaded
}

pub fn load_all(inputs: &[Input]) -> Loaded {
    let fetcher = inputs
        .iter()
        .any(|i| matches!(i, Input::Url(_)))
        .then(|| Fetcher::with_default_cache(fetch::DEFAULT_TIMEOUT));
    load_all_fetching(inputs, fetcher.as_ref())
}

/// [`load_all`], fetching URLs with `fetcher`.
pub fn load_all_fetching(inputs: &[Input], fetcher: Option<&Fetcher>) -> Loaded {
    let mut loaded = Loaded::default();
    load_fetching(inputs, fetcher, &mut |event| match event {
        LoadEvent::Articles(batch) => loaded.articles.extend(batch),
        LoadEvent::Issue(issue) => loaded.issues.push(issue),
        LoadEvent::Progress { .. } | LoadEvent::Fetching { .. } => {}
    });
    loaded
}

/// Load a file or folder. Files are read and parsed on reader threads, in
/// chunks, while the walk goes on; chunks are put back in walk order before
/// they are reported, so the output is the same as reading one file after
/// another.
fn load_path(root: &Path, readers: usize, seen: &mut SeenFiles, out: &mut Emitter<'_>) {
    if readers < 2 {
        walk::walk(root, seen, &mut |found| {
            expand(found, &mut |job| out.found(job.run()));
        });
        return;
    }
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<(usize, Vec<Job>)>(QUEUE);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<Done>)>(QUEUE);
    let chunk_rx = Mutex::new(chunk_rx);
    thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0;
            let mut chunk = Vec::with_capacity(CHUNK);
            // A failed send means nothing is listening any more.
            let mut send = |chunk: Vec<Job>| {
                let _ = chunk_tx.send((seq, chunk));
                seq += 1;
            };
            walk::walk(root, seen, &mut |found| {
                expand(found, &mut |job| {
                    // a part is a chunk of its own: it is big already
                    let alone = matches!(job, Job::Part(_));
                    if alone && !chunk.is_empty() {
                        send(std::mem::take(&mut chunk));
                    }
                    chunk.push(job);
                    if alone || chunk.len() == CHUNK {
                        send(std::mem::take(&mut chunk));
                    }
                });
            });
            if !chunk.is_empty() {
                send(chunk);
            }
        });
        for _ in 0..readers {
            let done_tx = done_tx.clone();
            let chunk_rx = &chunk_rx;
            scope.spawn(move || {
                loop {
                    let next = chunk_rx.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some((seq, chunk)) = next else { break };
                    let done = chunk.into_iter().map(Job::run).collect();
                    if done_tx.send((seq, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, done) in done_rx {
            waiting.insert(seq, done);
            while let Some(chunk) = waiting.remove(&next) {
                for done in chunk {
                    out.found(done);
                }
                next += 1;
            }
        }
    });
}

/// Work for a reader thread: a step of the walk, or a part of a large JSON
/// Lines file.
enum Job {
    Found(Found),
    Part(Part),
}

impl Job {
    fn run(self) -> Done {
        match self {
            Job::Found(Found::File(job)) => Done::File(load_file(&job)),
            Job::Found(Found::Issue(issue)) => Done::Issue(issue),
            Job::Part(part) => load_part(part),
        }
    }
}

/// A step of a walk, done: a file read and parsed, a part of one, or a
/// problem found.
enum Done {
    File(FileLoaded),
    Part {
        loaded: FileLoaded,
        path: PathBuf,
        last: bool,
    },
    Issue(LoadIssue),
}

/// Lines of a large JSON Lines file, cut at a line end.
struct Part {
    path: PathBuf,
    source: String,
    /// The line number in the file of the part's first line.
    first_line: usize,
    /// The byte of the file the part starts at.
    first_byte: u64,
    bytes: Vec<u8>,
    /// The file's last part.
    last: bool,
}

/// Pass on what the walk found; a large JSON Lines file as parts.
fn expand(found: Found, emit: &mut dyn FnMut(Job)) {
    match found {
        Found::File(job) if is_large_jsonl(&job) => split_jsonl(job, PART_BYTES, emit),
        found => emit(Job::Found(found)),
    }
}

fn is_large_jsonl(job: &FileJob) -> bool {
    job.format == Some(Format::JsonLines)
        && std::fs::metadata(&job.path).is_ok_and(|m| m.is_file() && m.len() > PART_BYTES as u64)
}

/// Read a JSON Lines file in parts of about `part_bytes`, each cut after a
/// line end (a longer line makes a longer part). A UTF-16 file is read
/// whole, as any other file.
fn split_jsonl(job: FileJob, part_bytes: usize, emit: &mut dyn FnMut(Job)) {
    let failed = |message: String| Job::Found(Found::Issue(failed_issue(&job.path, message)));
    let mut file = match File::open(&job.path) {
        Ok(file) => file,
        Err(e) => return emit(failed(walk::describe_io_error(&e, &job.path))),
    };
    let mut first_line = 1;
    let mut first_byte = 0;
    let mut carry = Vec::new();
    loop {
        let mut bytes = std::mem::take(&mut carry);
        let start = bytes.len();
        let wanted = u64::try_from(part_bytes).unwrap_or(u64::MAX);
        // room for the whole part at once: grown by doubling, the buffer
        // would be copied and faulted in again at every step
        bytes.reserve(part_bytes);
        let read = (&mut file).take(wanted).read_to_end(&mut bytes);
        let n = match read {
            Ok(n) => n,
            Err(e) => return emit(failed(walk::describe_io_error(&e, &job.path))),
        };
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        if first_line == 1 && start == 0 && utf16 {
            drop(bytes);
            return emit(Job::Found(Found::File(job)));
        }
        let last = n == 0;
        if !last {
            if let Some(end) = memchr::memrchr(b'\n', &bytes) {
                carry = bytes.split_off(end + 1);
            } else {
                // no line end yet: a long line, read on
                carry = bytes;
                if carry.len() as u64 > MAX_FILE_BYTES {
                    return emit(failed(format!(
                        "line {first_line} is longer than {} MiB; the rest of the file is not read",
                        MAX_FILE_BYTES / (1024 * 1024)
                    )));
                }
                continue;
            }
        }
        let lines = memchr::memchr_iter(b'\n', &bytes).count();
        let length = bytes.len() as u64;
        emit(Job::Part(Part {
            path: job.path.clone(),
            source: job.source.clone(),
            first_line,
            first_byte,
            bytes,
            last,
        }));
        if last {
            return;
        }
        first_line += lines;
        first_byte += length;
    }
}

fn load_part(part: Part) -> Done {
    // Lines are read again from the file only where the text is its bytes.
    let as_is = !part.bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && memchr::memchr(b'\r', &part.bytes).is_none();
    let decoded = decode::decode_part(part.bytes);
    let reread = (as_is && decoded.warning.is_none()).then_some(Reread::Lines {
        base: part.first_byte,
    });
    let parsed = jsonl::parse_from(&decoded.text, part.first_line);
    let mut notes: Vec<Note> = decoded
        .warning
        .into_iter()
        .map(|mut note| {
            note.line = note.line.map(|l| l + part.first_line - 1);
            note
        })
        .collect();
    notes.extend(parsed.notes);
    let place = Place {
        path: &part.path,
        fallback_source: &part.source,
        page_url: None,
        subscription: None,
        reread,
    };
    let articles = finish_all(parsed.drafts, place, &mut notes);
    let issues = issues_of(notes, &part.path, usize::MAX);
    Done::Part {
        loaded: FileLoaded { articles, issues },
        path: part.path,
        last: part.last,
    }
}

fn failed_issue(path: &Path, message: String) -> LoadIssue {
    LoadIssue {
        origin: Origin::file(path),
        severity: Severity::Error,
        message,
    }
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
        Ok(bytes) => {
            let place = Place {
                path: &job.path,
                fallback_source: &job.source,
                page_url: None,
                subscription: None,
                // a file: its bodies may be read again, as its format allows
                reread: Some(Reread::Lines { base: 0 }),
            };
            load_bytes_as(bytes, job.format, None, place)
        }
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

/// Read a stream whole (standard input), at most `limit` bytes, and parse
/// it, format sniffed.
fn load_stream(stream: impl Read, limit: u64, path: &Path, source: &str) -> FileLoaded {
    let mut bytes = Vec::new();
    match stream.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > limit => FileLoaded::failed(
            path,
            format!(
                "input too large (the limit is {} MiB)",
                limit / (1024 * 1024)
            ),
        ),
        Ok(_) => load_bytes(bytes, path, None, source),
        Err(e) => FileLoaded::failed(path, walk::describe_io_error(&e, path)),
    }
}

/// The subscriptions a urls file lists; an unreadable file and each bad
/// line are reported.
fn read_urls_file(path: &Path, out: &mut Emitter<'_>) -> Vec<Subscription> {
    match crate::subscriptions::read(path) {
        Ok(file) => {
            for problem in file.problems {
                out.issue(LoadIssue {
                    origin: Origin::at_line(path, problem.line),
                    severity: Severity::Error,
                    message: problem.message,
                });
            }
            file.subscriptions
        }
        Err(e) => {
            out.issue(failed_issue(path, walk::describe_io_error(&e, path)));
            Vec::new()
        }
    }
}

/// URLs fetched on up to [`MAX_FETCHES`] threads, what each gave kept
/// until it is passed on; progress is reported as each one is done.
struct Fetches {
    results: mpsc::Receiver<(usize, FileLoaded)>,
    total: usize,
    done: usize,
    waiting: BTreeMap<usize, FileLoaded>,
}

impl Fetches {
    fn start<'scope>(
        scope: &'scope thread::Scope<'scope, '_>,
        urls: &'scope [&'scope Subscription],
        fetcher: Option<&'scope Fetcher>,
        out: &mut Emitter<'_>,
    ) -> Self {
        let total = urls.len();
        let (tx, results) = mpsc::channel();
        if total > 0 {
            out.fetching(0, total);
            let next = std::sync::Arc::new(AtomicUsize::new(0));
            for _ in 0..total.min(MAX_FETCHES) {
                let tx = tx.clone();
                let next = std::sync::Arc::clone(&next);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(subscription) = urls.get(i) else {
                            break;
                        };
                        if tx.send((i, load_url(subscription, fetcher))).is_err() {
                            break;
                        }
                    }
                });
            }
        }
        Self {
            results,
            total,
            done: 0,
            waiting: BTreeMap::new(),
        }
    }

    fn received(&mut self, i: usize, loaded: FileLoaded, out: &mut Emitter<'_>) {
        self.done += 1;
        out.fetching(self.done, self.total);
        self.waiting.insert(i, loaded);
    }

    /// What the URL at `i` gave, waiting for it if need be.
    fn wait_for(&mut self, i: usize, out: &mut Emitter<'_>) -> Option<FileLoaded> {
        while !self.waiting.contains_key(&i) {
            let (at, loaded) = self.results.recv().ok()?;
            self.received(at, loaded, out);
        }
        self.waiting.remove(&i)
    }

    /// Report what has come in so far.
    fn pass_on_ready(&mut self, out: &mut Emitter<'_>) {
        while let Ok((at, loaded)) = self.results.try_recv() {
            self.received(at, loaded, out);
        }
        for (_, loaded) in std::mem::take(&mut self.waiting) {
            out.file(loaded);
        }
        out.flush();
    }

    /// Report everything left, as it comes in.
    fn pass_on_rest(&mut self, out: &mut Emitter<'_>) {
        for (_, loaded) in std::mem::take(&mut self.waiting) {
            out.file(loaded);
        }
        while self.done < self.total {
            let Ok((at, loaded)) = self.results.recv() else {
                break;
            };
            self.received(at, loaded, out);
            for (_, loaded) in std::mem::take(&mut self.waiting) {
                out.file(loaded);
            }
            // a feed's articles are shown now, not with the next one's
            out.flush();
        }
    }
}

/// Fetch one URL and read what it gives as a file of that media type
/// would be (the content has the last word): a feed's entries, or a page.
/// The URL is the articles' origin; a page without a canonical URL of its
/// own gets the one it was fetched from.
fn load_url(subscription: &Subscription, fetcher: Option<&Fetcher>) -> FileLoaded {
    let path = PathBuf::from(&subscription.url);
    let Some(fetcher) = fetcher else {
        return FileLoaded::failed(&path, "not fetched: no network here".into());
    };
    let body = match fetcher.fetch(&subscription.url) {
        Ok(body) => body,
        Err(e) => return FileLoaded::failed(&path, e.to_string()),
    };
    let source = host_of(&body.final_url).unwrap_or_else(|| subscription.url.clone());
    let place = Place {
        path: &path,
        fallback_source: &source,
        page_url: Some(&body.final_url),
        subscription: Some(subscription),
        reread: None,
    };
    let format = format_of_media_type(body.content_type.as_deref());
    let charset = charset_named(body.charset.as_deref());
    let mut loaded = load_bytes_as(body.body, format, charset, place);
    for issue in &mut loaded.issues {
        issue.message = in_url_terms(&issue.message, body.content_type.as_deref());
    }
    resolve_links(&mut loaded.articles, &body.final_url);
    if let Some(stale) = body.stale {
        loaded.issues.insert(
            0,
            LoadIssue {
                origin: Origin::file(&path),
                severity: Severity::Warning,
                message: stale,
            },
        );
    }
    loaded
}

/// The readable text of the web page at `url` (cached as feeds are), for
/// an article whose feed carries only a summary; or why there is none.
pub fn page_text(fetcher: &Fetcher, url: &str) -> Result<String, String> {
    let page = fetcher.fetch(url).map_err(|e| e.to_string())?;
    let path = PathBuf::from(url);
    let source = host_of(&page.final_url).unwrap_or_default();
    let place = Place {
        path: &path,
        fallback_source: &source,
        page_url: Some(&page.final_url),
        subscription: None,
        reread: None,
    };
    let format = format_of_media_type(page.content_type.as_deref()).or(Some(Format::Html));
    let charset = charset_named(page.charset.as_deref());
    let loaded = load_bytes_as(page.body, format, charset, place);
    match loaded.articles.into_iter().next() {
        Some(article) if !article.body.text().trim().is_empty() => {
            Ok(article.body.text().into_owned())
        }
        _ => Err(loaded
            .issues
            .into_iter()
            .find(|i| i.severity == Severity::Error)
            .map_or_else(
                || "no text found on the page".to_owned(),
                |i| in_url_terms(&i.message, page.content_type.as_deref()),
            )),
    }
}

/// A file's reason put as a response's: `empty response`, `not a feed or
/// page (image/png)`; other reasons as they are.
fn in_url_terms(message: &str, media_type: Option<&str>) -> String {
    match message {
        decode::EMPTY => "empty response".to_owned(),
        decode::BINARY => {
            let what = match media_type.filter(|t| !t.is_empty()) {
                Some(t) if is_text_media_type(t) => {
                    format!("binary data served as {}", clipped(t))
                }
                Some(t) => clipped(t).to_owned(),
                None => "binary data".to_owned(),
            };
            format!("not a feed or page ({what})")
        }
        other => other.to_owned(),
    }
}

/// Whether a media type promises text: `text/*`, XML, JSON.
fn is_text_media_type(t: &str) -> bool {
    t.starts_with("text/") || t.ends_with("xml") || t.ends_with("json")
}

/// A server's media type, no longer than a message has room for.
fn clipped(t: &str) -> &str {
    const MAX: usize = 60;
    match t.char_indices().nth(MAX) {
        Some((at, _)) => t.get(..at).unwrap_or(t),
        None => t,
    }
}

/// Links relative to the feed (`/2026/ferry`) made whole against the URL
/// it came from, so that they can be fetched and tell articles apart.
fn resolve_links(articles: &mut [Article], base: &str) {
    let Ok(base) = url::Url::parse(base) else {
        return;
    };
    for article in articles {
        let Some(link) = article.url.as_deref().filter(|l| !fetch::is_url(l)) else {
            continue;
        };
        if let Ok(whole) = base.join(link)
            && matches!(whole.scheme(), "http" | "https")
        {
            article.url = Some(whole.to_string());
            article.id = ArticleId::derive(article.url.as_deref(), &article.origin, &article.title);
        }
    }
}

/// `https://www.news.example:8080/feed` → `news.example`.
fn host_of(url: &str) -> Option<String> {
    let uri: ureq::http::Uri = url.parse().ok()?;
    let host = uri.host()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_owned())
}

/// The format a media type suggests; the text corrects it where they
/// disagree (a feed served as `text/html` is read as a feed).
fn format_of_media_type(media_type: Option<&str>) -> Option<Format> {
    let t = media_type?;
    if t.contains("html") {
        Some(Format::Html)
    } else if t.contains("rss") || t.contains("atom") || t.contains("rdf") || t.contains("xml") {
        Some(Format::Feed)
    } else if t.contains("json") {
        Some(Format::Json)
    } else {
        None
    }
}

/// Decode and parse a file's bytes; `format` `None` means sniff the text.
fn load_bytes(
    bytes: Vec<u8>,
    path: &Path,
    format: Option<Format>,
    fallback_source: &str,
) -> FileLoaded {
    let place = Place {
        path,
        fallback_source,
        page_url: None,
        subscription: None,
        reread: None,
    };
    load_bytes_at(bytes, format, place)
}

/// The encoding a `charset` names, if the web knows it.
fn charset_named(label: Option<&str>) -> Option<&'static encoding_rs::Encoding> {
    encoding_rs::Encoding::for_label(label?.as_bytes())
}

/// [`load_bytes`] for any place.
fn load_bytes_at(bytes: Vec<u8>, format: Option<Format>, place: Place<'_>) -> FileLoaded {
    load_bytes_as(bytes, format, None, place)
}

/// [`load_bytes_at`], in the encoding the bytes came with (before what
/// they declare themselves).
fn load_bytes_as(
    bytes: Vec<u8>,
    format: Option<Format>,
    charset: Option<&'static encoding_rs::Encoding>,
    mut place: Place<'_>,
) -> FileLoaded {
    let path = place.path;
    let length = bytes.len();
    let as_is = place.reread.is_some()
        && !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && memchr::memchr(b'\r', &bytes).is_none()
        && std::str::from_utf8(&bytes).is_ok();
    let decoded = match decode::decode_as(bytes, charset) {
        Ok(decoded) => decoded,
        Err(note) => return FileLoaded::failed(path, note.message),
    };
    let format = Format::of(format, &decoded.text);
    if format != Format::Html {
        // a feed's entries without links must not share one
        place.page_url = None;
    }
    if place.reread.is_some() {
        place.reread = match format {
            Format::Text | Format::Markdown => Some(Reread::Whole(format)),
            Format::JsonLines
                if as_is && decoded.warning.is_none() && decoded.text.len() == length =>
            {
                Some(Reread::Lines { base: 0 })
            }
            _ => None,
        };
    }
    let parsed = format.parse(&decoded.text);
    let mut notes: Vec<Note> = decoded.warning.into_iter().collect();
    notes.extend(parsed.notes);
    let articles = finish_all(parsed.drafts, place, &mut notes);
    if articles.is_empty() && !notes.iter().any(|n| n.severity == Severity::Error) {
        notes.push(Note::error(None, "no articles"));
    }
    FileLoaded {
        articles,
        issues: issues_of(notes, path, MAX_ISSUES_PER_FILE),
    }
}

fn finish_all(drafts: Vec<draft::Draft>, place: Place<'_>, notes: &mut Vec<Note>) -> Vec<Article> {
    let mut articles = Vec::with_capacity(drafts.len());
    for draft in drafts {
        if let Some(article) = draft::finish(draft, place, notes) {
            articles.push(article);
        }
    }
    articles
}

/// Notes placed in a file, in line order; at most `max` listed and the rest
/// counted.
fn issues_of(mut notes: Vec<Note>, path: &Path, max: usize) -> Vec<LoadIssue> {
    notes.sort_by_key(|n| n.line.unwrap_or(0));
    let hidden = notes.len().saturating_sub(max);
    let mut issues: Vec<LoadIssue> = notes
        .into_iter()
        .take(max)
        .map(|note| LoadIssue {
            origin: Origin {
                path: path.to_path_buf(),
                line: note.line,
            },
            severity: note.severity,
            message: if note.message.contains(['\n', '\r']) {
                title::one_line(&note.message)
            } else {
                note.message
            },
        })
        .collect();
    if hidden > 0 {
        issues.push(not_listed(path, hidden));
    }
    issues
}

fn not_listed(path: &Path, hidden: usize) -> LoadIssue {
    LoadIssue {
        origin: Origin::file(path),
        severity: Severity::Warning,
        message: format!("{hidden} more problems in this file not listed"),
    }
}

/// The articles loaded so far, to tell a duplicate: one with the same id
/// (the same URL, or the same place), or the same source, title and body.
#[derive(Default)]
struct SentSoFar {
    ids: HashMap<ArticleId, Origin>,
    contents: HashMap<u128, Origin>,
}

impl SentSoFar {
    /// Where the article `article` duplicates was loaded from, and why it is
    /// one; otherwise it is noted now.
    fn duplicate_of(&mut self, article: &Article) -> Option<(Origin, &'static str)> {
        if let Some(first) = self.ids.get(&article.id) {
            let why = if article.url.is_some() {
                "the same URL"
            } else {
                "the same place"
            };
            return Some((first.clone(), why));
        }
        let mut key = xxhash_rust::xxh3::Xxh3::new();
        let body = article.body.text();
        for part in [&article.source, &article.title, body.as_str()] {
            key.update(part.as_bytes());
            key.update(&[0x1f]);
        }
        let key = key.digest128();
        if let Some(first) = self.contents.get(&key) {
            return Some((first.clone(), "the same source, title and text"));
        }
        self.ids.insert(article.id, article.origin.clone());
        self.contents.insert(key, article.origin.clone());
        None
    }
}

/// Sends events: articles in batches, issues at once, progress now and then.
/// Duplicates of articles already sent are reported instead.
struct Emitter<'a> {
    on_event: &'a mut dyn FnMut(LoadEvent),
    sent: SentSoFar,
    batch: Vec<Article>,
    last_batch: Instant,
    files: usize,
    last_progress: Instant,
    reported_files: usize,
    /// The file being loaded in parts, so far.
    part: PartsSoFar,
}

/// What the parts of a file loaded in parts have given so far.
#[derive(Default)]
struct PartsSoFar {
    issues: usize,
    articles: usize,
}

impl<'a> Emitter<'a> {
    fn new(on_event: &'a mut dyn FnMut(LoadEvent)) -> Self {
        let now = Instant::now();
        Self {
            on_event,
            sent: SentSoFar::default(),
            batch: Vec::new(),
            last_batch: now,
            files: 0,
            last_progress: now,
            reported_files: 0,
            part: PartsSoFar::default(),
        }
    }

    fn file(&mut self, loaded: FileLoaded) {
        self.files += 1;
        for issue in loaded.issues {
            self.issue(issue);
        }
        self.articles(loaded.articles);
    }

    /// A part of a file loaded in parts: its problems are listed up to
    /// [`MAX_ISSUES_PER_FILE`] for the whole file, and the file counts once
    /// its last part is in.
    fn part(&mut self, loaded: FileLoaded, path: &Path, last: bool) {
        for issue in loaded.issues {
            if self.part.issues < MAX_ISSUES_PER_FILE {
                self.issue(issue);
            }
            self.part.issues += 1;
        }
        self.part.articles += loaded.articles.len();
        self.articles(loaded.articles);
        if last {
            let done = std::mem::take(&mut self.part);
            if done.issues > MAX_ISSUES_PER_FILE {
                self.issue(not_listed(path, done.issues - MAX_ISSUES_PER_FILE));
            }
            if done.articles == 0 && done.issues == 0 {
                self.issue(failed_issue(path, "no articles".into()));
            }
            self.files += 1;
        }
    }

    /// Send articles on in batches; a duplicate of an article already
    /// sent is reported instead.
    fn articles(&mut self, articles: Vec<Article>) {
        let mut unlisted = 0;
        let mut listed = 0;
        let mut last_duplicate = None;
        for article in articles {
            if let Some((first, why)) = self.sent.duplicate_of(&article) {
                if listed < MAX_ISSUES_PER_FILE {
                    listed += 1;
                    self.issue(LoadIssue {
                        origin: article.origin.clone(),
                        severity: Severity::Warning,
                        message: format!("a duplicate of {first} ({why}); skipped"),
                    });
                } else {
                    unlisted += 1;
                }
                last_duplicate = Some(article.origin.path);
                continue;
            }
            self.batch.push(article);
            if self.batch.len() >= BATCH_ARTICLES {
                self.flush();
            }
        }
        if let (Some(path), true) = (last_duplicate, unlisted > 0) {
            self.issue(LoadIssue {
                origin: Origin::file(path),
                severity: Severity::Warning,
                message: format!("{unlisted} more duplicates in this file skipped"),
            });
        }
        let now = Instant::now();
        if !self.batch.is_empty() && now.duration_since(self.last_batch) >= BATCH_INTERVAL {
            self.flush();
        }
        if now.duration_since(self.last_progress) >= PROGRESS_INTERVAL {
            self.progress(now);
        }
    }

    fn found(&mut self, done: Done) {
        match done {
            Done::File(loaded) => self.file(loaded),
            Done::Part { loaded, path, last } => self.part(loaded, &path, last),
            Done::Issue(issue) => self.issue(issue),
        }
    }

    fn fetching(&mut self, done: usize, total: usize) {
        (self.on_event)(LoadEvent::Fetching { done, total });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;
    use std::fmt::Write as _;
    use std::fs;

    fn write(path: &Path, bytes: &[u8]) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, bytes).unwrap();
    }

    fn load_dir(path: &Path) -> Loaded {
        load_all(&[Input::Path(path.to_path_buf())])
    }

    fn issue_lines(loaded: &Loaded, root: &Path) -> Vec<String> {
        loaded
            .issues
            .iter()
            .map(|i| i.to_string().replace(&format!("{}/", root.display()), ""))
            .collect()
    }

    /// A small news folder in every format, with a few broken files.
    fn news_folder(root: &Path) {
        write(
            &root.join("reuters/2025/floods.txt"),
            b"Title: Floods close roads across the north\nDate: June 28, 2025\nAuthor: Ada Byrne\n\nRivers burst their banks overnight.\n",
        );
        write(
            &root.join("reuters/heat.md"),
            b"---\ntitle: Heatwave warning issued\nsource: Met Desk\ndate: 2025-07-14\n---\n\nTemperatures will pass 35 C.\n",
        );
        write(
            &root.join("wire.jsonl"),
            b"{\"title\": \"Ferry resumes\", \"body\": \"Sailings restart.\", \"url\": \"https://wire.example/ferry\"}\n\
              {\"title\": \"Broken, \"body\": \"x\"}\n\
              {\"headline\": \"Museum reopens\", \"summary\": \"After repairs.\", \"date\": \"someday\"}\n",
        );
        write(
            &root.join("api.json"),
            b"{\"articles\": [{\"source\": {\"name\": \"Valley Post\"}, \"title\": \"Reservoirs recover\", \"description\": \"Rain helped.\"}]}",
        );
        write(
            &root.join("cut.json"),
            b"{\n  \"title\": \"Storm\",\n  \"body\": \"Wind",
        );
        write(&root.join("empty.txt"), b"  \n\n");
        write(&root.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        write(
            &root.join("latin1.txt"),
            b"Caf\xe9 reopens on the quay\n\nThe caf\xe9 opened at nine.\n",
        );
        write(&root.join("photo.jpg"), b"\xff\xd8\xff\xe0");
        write(&root.join(".hidden.txt"), b"Secret\n\nNot loaded.");
    }

    /// Load a JSON Lines file in parts of `part_bytes`, as the walk does
    /// for large files.
    fn load_in_parts(path: &Path, part_bytes: usize) -> Loaded {
        let mut job = None;
        walk::walk(path, &mut walk::SeenFiles::default(), &mut |found| {
            if let Found::File(file) = found {
                job = Some(file);
            }
        });
        let job = job.unwrap();
        let mut loaded = Loaded::default();
        let mut on_event = |event| match event {
            LoadEvent::Articles(batch) => loaded.articles.extend(batch),
            LoadEvent::Issue(issue) => loaded.issues.push(issue),
            LoadEvent::Progress { .. } | LoadEvent::Fetching { .. } => {}
        };
        let mut out = Emitter::new(&mut on_event);
        split_jsonl(job, part_bytes, &mut |job| out.found(job.run()));
        out.finish();
        loaded
    }

    /// Let each article's text go, as once indexed, and read it back.
    fn let_go_and_read_back(articles: &[Article]) -> Vec<String> {
        articles
            .iter()
            .map(|a| {
                for _ in 0..crate::article::INDEXERS {
                    a.body.indexed();
                }
                // let go exactly when it can be read again
                assert_ne!(a.body.is_held(), a.body.is_located(), "{}", a.origin);
                a.body.read().unwrap().into_owned()
            })
            .collect()
    }

    #[test]
    fn bodies_of_text_markdown_and_json_lines_files_are_read_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        news_folder(dir.path());
        write(
            &dir.path().join("more.jsonl"),
            "{\"title\": \"Caf\u{e9} \u{3b1}\", \"body\": \"\\n\\n  Line one.\\r\\nLine \u{e9}two.  \"}\n\n{\"title\": \"B\", \"text\": \"Short.\"}"
                .as_bytes(),
        );
        let loaded = load_dir(dir.path());
        let kept: Vec<(String, String)> = loaded
            .articles
            .iter()
            .map(|a| (a.origin.to_string(), a.body.text().into_owned()))
            .collect();
        let located: Vec<bool> = loaded
            .articles
            .iter()
            .map(|a| a.body.is_located())
            .collect();
        let names: Vec<&str> = kept
            .iter()
            .map(|(o, _)| o.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "api.json:1",
                "latin1.txt",
                "more.jsonl:1",
                "more.jsonl:3",
                "floods.txt",
                "heat.md",
                "wire.jsonl:1",
                "wire.jsonl:3"
            ]
        );
        // JSON is kept in memory; the rest can be read again.
        assert_eq!(located, [false, true, true, true, true, true, true, true]);
        let back = let_go_and_read_back(&loaded.articles);
        let texts: Vec<String> = kept.into_iter().map(|(_, t)| t).collect();
        assert_eq!(back, texts);
        assert_eq!(texts[2], "  Line one.\nLine \u{e9}two.");
    }

    #[test]
    fn bodies_of_a_json_lines_file_in_parts_are_read_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let mut text = String::new();
        for i in 0..300 {
            writeln!(
                text,
                "{{\"title\": \"Item {i}\", \"body\": \"Number {i}, \u{e9}t\u{e9} {}.\"}}",
                "x".repeat(i % 17)
            )
            .unwrap();
        }
        write(&path, text.as_bytes());
        let loaded = load_in_parts(&path, 1000);
        assert_eq!(loaded.articles.len(), 300);
        let kept: Vec<String> = loaded
            .articles
            .iter()
            .map(|a| a.body.text().into_owned())
            .collect();
        assert_eq!(let_go_and_read_back(&loaded.articles), kept);
        assert_eq!(
            kept[299],
            format!("Number 299, \u{e9}t\u{e9} {}.", "x".repeat(299 % 17))
        );
    }

    #[test]
    fn a_batch_shares_one_buffer_and_a_changed_text_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        news_folder(dir.path());
        let mut articles = load_dir(dir.path()).articles;
        let before: Vec<String> = articles
            .iter()
            .map(|a| a.body.text().into_owned())
            .collect();
        crate::article::share_bodies(&mut articles);
        let shared: Vec<String> = articles
            .iter()
            .map(|a| a.body.text().into_owned())
            .collect();
        assert_eq!(shared, before);
        assert_eq!(let_go_and_read_back(&articles), before);
        let floods = articles
            .iter()
            .find(|a| a.origin.path.ends_with("floods.txt"))
            .unwrap();
        let path = dir.path().join("reuters/2025/floods.txt");
        write(
            &path,
            b"Title: Floods close roads across the north\n\nRivers burst their banks at dawn.\n",
        );
        let why = floods.body.read().unwrap_err().to_string();
        assert_eq!(
            why,
            format!(
                "{}: changed since it was loaded; start dateline again to read it",
                path.display()
            )
        );
        fs::remove_file(&path).unwrap();
        let why = floods.body.read().unwrap_err().to_string();
        assert!(
            why.starts_with(&format!("{}: cannot read the text again: ", path.display())),
            "{why}"
        );
        assert_eq!(floods.body.text(), "");
    }

    #[test]
    fn lines_added_to_a_json_lines_file_leave_the_loaded_ones_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.jsonl");
        let first = "{\"title\": \"Ferry fares rise\", \"body\": \"Fares rise by 4% in May.\"}\n\
                     {\"title\": \"Tram line opens\", \"body\": \"The first tram ran at six.\"}\n";
        write(&path, first.as_bytes());
        let loaded = load_all(&[Input::Path(path.clone())]);
        let texts = let_go_and_read_back(&loaded.articles);
        let grown = format!(
            "{first}{{\"title\": \"Night buses return\", \"body\": \"Every 20 minutes.\"}}\n"
        );
        write(&path, grown.as_bytes());
        let again: Vec<String> = loaded
            .articles
            .iter()
            .map(|a| a.body.read().unwrap().into_owned())
            .collect();
        assert_eq!(again, texts);
        assert_eq!(texts[1], "The first tram ran at six.");
    }

    #[test]
    fn only_texts_that_are_their_file_bytes_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let crlf = dir.path().join("crlf.jsonl");
        write(&crlf, b"{\"title\": \"A\", \"body\": \"One.\"}\r\n");
        let bom = dir.path().join("bom.jsonl");
        write(
            &bom,
            b"\xEF\xBB\xBF{\"title\": \"A\", \"body\": \"Two.\"}\n",
        );
        let feed = dir.path().join("feed.xml");
        write(
            &feed,
            b"<rss version=\"2.0\"><channel><title>W</title><item><title>T</title><description>Three.</description></item></channel></rss>",
        );
        for path in [&crlf, &bom, &feed] {
            let loaded = load_all(&[Input::Path(path.clone())]);
            let article = &loaded.articles[0];
            assert!(!article.body.is_located(), "{}", path.display());
            article.body.indexed();
            article.body.indexed();
            assert!(article.body.is_held());
        }
        let stdin = load_stream(
            &b"{\"title\": \"A\", \"body\": \"Four.\"}\n"[..],
            1000,
            Path::new("-"),
            "stdin",
        );
        assert!(!stdin.articles[0].body.is_located());
    }

    #[test]
    fn empty_and_binary_responses_are_put_in_url_terms() {
        assert_eq!(
            in_url_terms(decode::EMPTY, Some("text/html")),
            "empty response"
        );
        assert_eq!(
            in_url_terms(decode::BINARY, Some("image/png")),
            "not a feed or page (image/png)"
        );
        assert_eq!(
            in_url_terms(decode::BINARY, Some("application/rss+xml")),
            "not a feed or page (binary data served as application/rss+xml)"
        );
        assert_eq!(
            in_url_terms(decode::BINARY, None),
            "not a feed or page (binary data)"
        );
        let long = format!("application/{}", "x".repeat(200));
        let said = in_url_terms(decode::BINARY, Some(&long));
        assert!(said.len() < 90, "{said}");
        assert_eq!(in_url_terms("no articles", None), "no articles");
    }

    #[test]
    fn a_jsonl_file_in_parts_loads_as_it_does_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wire.jsonl");
        let mut text = String::new();
        for i in 1..=300 {
            match i % 50 {
                7 => text.push_str("{\"title\": \"cut off\n"),
                9 => text.push('\n'),
                _ => {
                    let _ = writeln!(
                        text,
                        "{{\"title\": \"Harbour report {i}\", \"body\": \"Ships {i} and {i}.\", \"date\": \"2025-03-{:02}\"}}",
                        i % 28 + 1
                    );
                }
            }
        }
        write(&path, text.as_bytes());
        let whole = load_all(&[Input::Path(path.clone())]);
        assert_eq!(whole.articles.len(), 288);
        for part_bytes in [1, 100, 1000, 4096, text.len(), text.len() + 1] {
            let parts = load_in_parts(&path, part_bytes);
            assert_eq!(
                parts.articles, whole.articles,
                "parts of {part_bytes} bytes"
            );
            assert_eq!(parts.issues, whole.issues, "parts of {part_bytes} bytes");
        }
    }

    #[test]
    fn a_jsonl_file_in_parts_lists_at_most_the_cap_of_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.jsonl");
        write(&path, "not json\n".repeat(50).as_bytes());
        let parts = load_in_parts(&path, 64);
        assert!(parts.articles.is_empty());
        assert_eq!(parts.issues.len(), MAX_ISSUES_PER_FILE + 1);
        assert_eq!(parts.issues[0].origin.line, Some(1));
        assert_eq!(
            parts.issues.last().unwrap().message,
            "30 more problems in this file not listed"
        );
        let whole = load_all(&[Input::Path(path.clone())]);
        assert_eq!(parts.issues, whole.issues);
    }

    #[test]
    fn a_blank_jsonl_file_in_parts_has_no_articles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blank.jsonl");
        write(&path, "\n".repeat(300).as_bytes());
        let parts = load_in_parts(&path, 64);
        let messages: Vec<String> = parts.issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [format!("{}: skipped: no articles", path.display())]
        );
    }

    #[test]
    fn a_large_jsonl_file_is_loaded_in_parts_past_the_size_limit() {
        // the walk sends parts for a file over PART_BYTES
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let line = |i: usize| {
            format!(
                "{{\"title\": \"Grain prices {i}\", \"body\": \"{}\"}}\n",
                "wheat ".repeat(1000)
            )
        };
        let n = PART_BYTES / line(0).len() * 2 + 3;
        let text: String = (0..n).map(line).collect();
        write(&path, text.as_bytes());
        let mut parts = 0;
        walk::walk(&path, &mut walk::SeenFiles::default(), &mut |found| {
            expand(found, &mut |job| {
                parts += usize::from(matches!(job, Job::Part(_)));
            });
        });
        assert!(parts >= 3, "{parts} parts");
        let loaded = load_all(&[Input::Path(path.clone())]);
        assert_eq!(loaded.articles.len(), n);
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.articles[n - 1].origin.line, Some(n));
    }

    #[test]
    fn a_folder_of_every_format_loads_in_order_with_issues() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        news_folder(&root);
        let loaded = load_dir(&root);
        let got: Vec<_> = loaded
            .articles
            .iter()
            .map(|a| {
                (
                    a.origin
                        .to_string()
                        .replace(&format!("{}/", root.display()), ""),
                    a.title.as_str(),
                    a.source.as_str(),
                    a.date_label(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "api.json:1".to_owned(),
                    "Reservoirs recover",
                    "Valley Post",
                    String::new()
                ),
                (
                    "latin1.txt".to_owned(),
                    "Caf\u{e9} reopens on the quay",
                    "news",
                    String::new()
                ),
                (
                    "reuters/2025/floods.txt".to_owned(),
                    "Floods close roads across the north",
                    "reuters",
                    "2025-06-28".to_owned()
                ),
                (
                    "reuters/heat.md".to_owned(),
                    "Heatwave warning issued",
                    "Met Desk",
                    "2025-07-14".to_owned()
                ),
                (
                    "wire.jsonl:1".to_owned(),
                    "Ferry resumes",
                    "news",
                    String::new()
                ),
                (
                    "wire.jsonl:3".to_owned(),
                    "Museum reopens",
                    "news",
                    String::new()
                ),
            ]
        );
        assert_eq!(
            issue_lines(&loaded, &root),
            [
                "cut.json: skipped: not valid JSON: EOF while parsing a string at line 3 column 15",
                "empty.txt: skipped: empty file",
                "image.txt: skipped: binary file",
                "latin1.txt:1: warning: invalid UTF-8 (first bad byte on this line); read as windows-1252, the likeliest encoding",
                "wire.jsonl:2: skipped: not valid JSON: expected `,` or `}` at column 21",
                "wire.jsonl:3: warning: unrecognised date \"someday\"; loaded without a date",
            ]
        );
        let floods = &loaded.articles[2];
        assert_eq!(floods.author.as_deref(), Some("Ada Byrne"));
        assert_eq!(floods.body, "Rivers burst their banks overnight.");
        assert_eq!(floods.id, ArticleId::derive(None, &floods.origin, ""));
        let ferry = &loaded.articles[4];
        assert_eq!(
            ferry.id,
            ArticleId::derive(
                Some("https://wire.example/ferry"),
                &Origin::file("elsewhere"),
                ""
            )
        );
    }

    #[test]
    fn loading_twice_gives_the_same_articles_and_ids() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        news_folder(&root);
        let first = load_dir(&root);
        let second = load_dir(&root);
        assert_eq!(first.articles, second.articles);
        assert_eq!(first.issues, second.issues);
        let mut ids: Vec<_> = first.articles.iter().map(|a| a.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), first.articles.len());
    }

    #[test]
    fn reader_threads_do_not_change_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        news_folder(&root);
        for i in 0..300 {
            let text = format!("Story number {i}\n\nBody of story {i}.");
            write(
                &root.join(format!("bulk/{}/{i:03}.txt", i % 7)),
                text.as_bytes(),
            );
        }
        // Articles and issues each in order (how batches of articles fall
        // between issues depends on timing).
        let run = |readers| {
            let mut articles = Vec::new();
            let mut issues = Vec::new();
            load_with(
                &[Input::Path(root.clone()), Input::Path(root.join("nope"))],
                readers,
                None,
                UrlOrder::AsGiven,
                &mut |event| match event {
                    LoadEvent::Articles(batch) => articles.extend(
                        batch
                            .into_iter()
                            .map(|a| format!("{} {}", a.origin, a.title)),
                    ),
                    LoadEvent::Issue(issue) => issues.push(issue.to_string()),
                    LoadEvent::Progress { .. } | LoadEvent::Fetching { .. } => {}
                },
            );
            (articles, issues)
        };
        let one = run(1);
        assert_eq!((one.0.len(), one.1.len()), (6 + 300, 7));
        assert_eq!(run(3), one);
    }

    #[test]
    fn a_named_file_without_extension_is_sniffed() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], &str); 4] = [
            ("feed", b"{\"title\": \"A\"}\n{\"title\": \"B\"}\n", "A|B"),
            ("dump", b"[{\"title\": \"C\"}]", "C"),
            ("post", b"---\ntitle: D\n---\nBody.\n", "D"),
            (
                "note",
                b"E is the headline\n\nBody text.",
                "E is the headline",
            ),
        ];
        for (name, bytes, want) in cases {
            let path = dir.path().join("bbc").join(name);
            write(&path, bytes);
            let loaded = load_dir(&path);
            assert!(loaded.issues.is_empty(), "{name}: {:?}", loaded.issues);
            let titles: Vec<_> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
            assert_eq!(titles.join("|"), want, "{name}");
            assert!(loaded.articles.iter().all(|a| a.source == "bbc"));
        }
    }

    #[test]
    fn standard_input_is_sniffed_and_named_dash() {
        let loaded = load_bytes(
            b"Port strike ends\n\nDockers voted to return to work.".to_vec(),
            Path::new("-"),
            None,
            "stdin",
        );
        assert!(loaded.issues.is_empty());
        let a = &loaded.articles[0];
        assert_eq!(
            (a.title.as_str(), a.source.as_str()),
            ("Port strike ends", "stdin")
        );
        assert_eq!(a.origin, Origin::file("-"));
        assert_eq!(a.id, ArticleId::derive(None, &a.origin, "Port strike ends"));
        let loaded = load_bytes(
            b"{\"title\": \"x\"}\n{\"oops\n".to_vec(),
            Path::new("-"),
            None,
            "stdin",
        );
        assert_eq!(loaded.articles.len(), 1);
        assert!(
            loaded.issues[0]
                .to_string()
                .starts_with("-:2: skipped: not valid JSON")
        );
    }

    #[test]
    fn streams_are_read_whole_up_to_the_limit() {
        let text: &[u8] = b"Title: Piped in\n\nFrom a pipe.";
        let loaded = load_stream(text, 1024, Path::new("-"), "stdin");
        assert_eq!(loaded.articles[0].title, "Piped in");
        let endless = io::repeat(b'a');
        let loaded = load_stream(endless, 3 * 1024 * 1024, Path::new("-"), "stdin");
        assert!(loaded.articles.is_empty());
        assert_eq!(
            loaded.issues[0].to_string(),
            "-: skipped: input too large (the limit is 3 MiB)"
        );
    }

    #[test]
    fn utf16_files_load() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = vec![0xFF, 0xFE];
        for unit in
            "Title: Caf\u{e9} culture returns\r\n\r\nTables are back on the square.".encode_utf16()
        {
            bytes.extend(unit.to_le_bytes());
        }
        let path = dir.path().join("paris/cafe.txt");
        write(&path, &bytes);
        let loaded = load_dir(&path);
        assert!(loaded.issues.is_empty());
        assert_eq!(loaded.articles[0].title, "Caf\u{e9} culture returns");
        assert_eq!(loaded.articles[0].body, "Tables are back on the square.");
        assert_eq!(loaded.articles[0].source, "paris");
    }

    #[test]
    fn issue_messages_stay_on_one_line() {
        let loaded = load_bytes(
            br#"[{"title": "Odd date", "date": "next\nweek"}]"#.to_vec(),
            Path::new("odd.json"),
            Some(Format::Json),
            "x",
        );
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(
            loaded.issues[0].to_string(),
            "odd.json:1: warning: unrecognised date \"next week\"; loaded without a date"
        );
    }

    #[test]
    fn a_file_of_no_articles_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.json");
        write(&path, b"[]");
        let loaded = load_dir(&path);
        assert!(loaded.articles.is_empty());
        assert_eq!(loaded.issues.len(), 1);
        assert!(
            loaded.issues[0]
                .to_string()
                .ends_with("none.json: skipped: no articles")
        );
    }

    #[test]
    fn many_problems_in_one_file_are_capped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.jsonl");
        let mut text = String::from("{\"title\": \"Only good line\"}\n");
        text.push_str(&"not json\n".repeat(50));
        write(&path, text.as_bytes());
        let loaded = load_dir(&path);
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.issues.len(), MAX_ISSUES_PER_FILE + 1);
        assert_eq!(loaded.issues[0].origin.line, Some(2));
        let last = loaded.issues.last().unwrap();
        assert_eq!(last.message, "30 more problems in this file not listed");
    }

    #[test]
    fn articles_arrive_in_batches_with_progress() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for i in 0..1300 {
            writeln!(
                text,
                "{{\"title\": \"Item {i}\", \"body\": \"Number {i}.\"}}"
            )
            .unwrap();
        }
        write(&dir.path().join("many.jsonl"), text.as_bytes());
        write(&dir.path().join("one.txt"), b"Last one\n\nBody.");
        let mut batches = Vec::new();
        let mut progress = Vec::new();
        load(
            &[Input::Path(dir.path().to_path_buf())],
            &mut |event| match event {
                LoadEvent::Articles(batch) => batches.push(batch),
                LoadEvent::Progress { files } => progress.push(files),
                LoadEvent::Fetching { .. } => {}
                LoadEvent::Issue(issue) => panic!("unexpected issue {issue}"),
            },
        );
        assert!(
            batches
                .iter()
                .all(|b| !b.is_empty() && b.len() <= BATCH_ARTICLES)
        );
        let all: Vec<_> = batches.into_iter().flatten().collect();
        assert_eq!(all.len(), 1301);
        assert_eq!(all[1299].title, "Item 1299");
        assert_eq!(all[1300].title, "Last one");
        assert_eq!(progress.last(), Some(&2));
    }

    #[test]
    fn too_large_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        let file = File::create(&path).unwrap();
        // Sparse: no disk space is used.
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let loaded = load_dir(&path);
        assert!(loaded.articles.is_empty());
        assert_eq!(
            loaded.issues[0].message,
            "file too large (256 MiB; the limit is 256 MiB)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_are_one_issue_each() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        write(&root.join("a.txt"), b"Readable\n\nYes.");
        let locked = root.join("b.txt");
        write(&locked, b"Locked\n\nNo.");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = File::open(&locked).is_ok();
        let loaded = load_dir(&root);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
        if readable_anyway {
            eprintln!("running with rights that read anything; skipping");
            return;
        }
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(
            issue_lines(&loaded, &root),
            ["b.txt: skipped: permission denied"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_loops_reported() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        write(
            &dir.path().join("elsewhere/b.txt"),
            b"Linked in\n\nFrom another folder.",
        );
        write(&root.join("a.txt"), b"Local\n\nHere.");
        symlink(dir.path().join("elsewhere"), root.join("linked")).unwrap();
        symlink(&root, root.join("loop")).unwrap();
        let loaded = load_dir(&root);
        let titles: Vec<_> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Local", "Linked in"]);
        assert_eq!(loaded.articles[1].source, "linked");
        assert_eq!(issue_lines(&loaded, &root), ["loop: skipped: symlink loop"]);
    }

    #[test]
    fn samples_load_without_failing() {
        let loaded = load_all(&[Input::Samples]);
        // Every sample gives articles or says why not.
        assert!(loaded.articles.len() + loaded.issues.len() >= SAMPLES.len());
        for article in &loaded.articles {
            assert!(article.origin.path.starts_with("<samples>"));
            assert!(!article.title.is_empty());
        }
    }

    #[test]
    fn sample_bytes_are_parsed_as_a_file_of_that_name() {
        let loaded = load_bytes(
            b"---\ntitle: Night trains return\nsource: Rail Review\n---\nSleeper services resume.\n".to_vec(),
            Path::new("<samples>/night-trains.md"),
            Format::from_extension(Path::new("night-trains.md")),
            "samples",
        );
        assert!(loaded.issues.is_empty());
        let a = &loaded.articles[0];
        assert_eq!(a.origin.to_string(), "<samples>/night-trains.md");
        assert_eq!(
            (a.title.as_str(), a.source.as_str()),
            ("Night trains return", "Rail Review")
        );
    }

    #[test]
    fn missing_inputs_do_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("ok.txt");
        write(&good, b"Still here\n\nYes.");
        let loaded = load_all(&[Input::Path(dir.path().join("missing")), Input::Path(good)]);
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.issues.len(), 1);
        assert!(
            loaded.issues[0]
                .to_string()
                .ends_with("missing: skipped: no such file or folder")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_is_read_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        write(
            &root.join("wire/a.txt"),
            b"Quay reopens\n\nFreight moves again.",
        );
        symlink(root.join("wire/a.txt"), root.join("b-link.txt")).unwrap();
        symlink(root.join("wire"), root.join("mirror")).unwrap();
        let loaded = load_all(&[
            Input::Path(root.clone()),
            Input::Path(root.join("wire/a.txt")),
        ]);
        assert_eq!(loaded.articles.len(), 1);
        // Walk order is by name: the link is met first, so it is read.
        assert_eq!(loaded.articles[0].origin.path, root.join("b-link.txt"));
        assert_eq!(
            issue_lines(&loaded, &root),
            [
                "mirror/a.txt: warning: the same file as ROOT/b-link.txt; read once",
                "wire/a.txt: warning: the same file as ROOT/b-link.txt; read once",
                "wire/a.txt: warning: the same file as ROOT/b-link.txt; read once",
            ]
            .map(|l| l
                .replace("ROOT/", &format!("{}/", root.display()))
                .replace(&format!("{}/", root.display()), ""))
        );
    }

    #[test]
    fn duplicate_articles_are_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        write(
            &root.join("feed.jsonl"),
            b"{\"title\": \"Ferry resumes\", \"url\": \"https://wire.example/ferry\"}\n\
              {\"title\": \"Ferry resumes (updated)\", \"url\": \"https://wire.example/ferry\"}\n",
        );
        write(&root.join("a.txt"), b"Quay reopens\n\nFreight moves again.");
        write(
            &root.join("a copy.txt"),
            b"Quay reopens\n\nFreight moves again.",
        );
        // The same text from another publisher is another article.
        write(
            &root.join("other/a.txt"),
            b"Quay reopens\n\nFreight moves again.",
        );
        let loaded = load_dir(&root);
        let got: Vec<_> = loaded
            .articles
            .iter()
            .map(|a| format!("{} {}", a.origin, a.source))
            .map(|l| l.replace(&format!("{}/", root.display()), ""))
            .collect();
        assert_eq!(
            got,
            ["a copy.txt news", "feed.jsonl:1 news", "other/a.txt other"]
        );
        assert_eq!(
            issue_lines(&loaded, &root),
            [
                "a.txt: warning: a duplicate of a copy.txt (the same source, title and text); skipped",
                "feed.jsonl:2: warning: a duplicate of feed.jsonl:1 (the same URL); skipped",
            ]
        );
    }

    #[test]
    fn many_duplicates_in_one_file_are_counted() {
        let line = "{\"title\": \"Same\", \"url\": \"https://x.example/1\"}\n";
        let loaded = from_bytes(line.repeat(100).into_bytes(), Path::new("dup.jsonl"));
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.issues.len(), MAX_ISSUES_PER_FILE + 1);
        assert_eq!(
            loaded.issues.last().unwrap().message,
            format!(
                "{} more duplicates in this file skipped",
                99 - MAX_ISSUES_PER_FILE
            )
        );
    }

    #[test]
    fn json_nested_100000_deep_is_one_clean_error() {
        let deep = 100_000;
        let under_front_matter_limit = 20_000;
        let cases: [(&str, String); 8] = [
            (
                "deep-yaml.md",
                format!(
                    "---\ntitle: {}{}\n---\nBody.\n",
                    "[".repeat(under_front_matter_limit),
                    "]".repeat(under_front_matter_limit)
                ),
            ),
            (
                "deep-toml2.md",
                format!(
                    "+++\ntitle = {}{}\n+++\nBody.\n",
                    "[".repeat(under_front_matter_limit),
                    "]".repeat(under_front_matter_limit)
                ),
            ),
            ("deep.json", "[".repeat(deep) + &"]".repeat(deep)),
            (
                "deep.json",
                "{\"a\":".repeat(deep) + "1" + &"}".repeat(deep),
            ),
            (
                "deep-list.json",
                format!("{{\"articles\": {}{}}}", "[".repeat(deep), "]".repeat(deep)),
            ),
            (
                "deep.jsonl",
                format!(
                    "{{\"title\": \"Fine\"}}\n{{\"title\": {}{}}}\n",
                    "[".repeat(deep),
                    "]".repeat(deep)
                ),
            ),
            (
                "deep.md",
                format!("---\ntitle: {}\n---\nBody.\n", "[".repeat(deep)),
            ),
            (
                "deep-toml.md",
                format!("+++\ntitle = {}\n+++\nBody.\n", "[".repeat(deep)),
            ),
        ];
        for (name, text) in cases {
            let loaded = from_bytes(text.into_bytes(), Path::new(name));
            let errors: Vec<_> = loaded
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Error)
                .map(ToString::to_string)
                .collect();
            assert!(
                !errors.is_empty() || !loaded.articles.is_empty(),
                "{name}: nothing said"
            );
            for line in loaded.issues.iter().map(ToString::to_string) {
                assert!(!line.contains('\n'), "{name}: {line}");
                assert!(line.len() < 200, "{name}: {line}");
                assert!(line.starts_with(name), "{name}: {line}");
            }
            if Format::from_extension(Path::new(name)) != Some(Format::Markdown) {
                assert_eq!(errors.len(), 1, "{name}: {errors:?}");
            }
            eprintln!("{name}: {errors:?}");
        }
    }

    mod never_panics {
        use super::super::*;
        use proptest::prelude::*;

        /// Bytes that look a little like articles as often as like noise.
        fn article_ish() -> impl Strategy<Value = Vec<u8>> {
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 0..600),
                "(---|\\+\\+\\+|date |Title: |# |\\{|\\[)?[ -~\\n\\r\u{e9}\u{2019}\u{fffd}:{}\\[\\]\",#=+-]{0,400}"
                    .prop_map(String::into_bytes),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]

            #[test]
            fn any_bytes_through_decode_sniff_and_every_format(bytes in article_ish()) {
                for format in [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Json), Some(Format::JsonLines), Some(Format::Feed), Some(Format::Html)] {
                    let loaded = load_bytes(bytes.clone(), Path::new("x"), format, "src");
                    for issue in &loaded.issues {
                        prop_assert!(!issue.to_string().contains('\n'));
                    }
                    for article in &loaded.articles {
                        prop_assert!(!article.title.is_empty());
                        prop_assert!(!article.title.contains('\n'));
                    }
                }
            }

            #[test]
            fn any_text_through_each_parser(text in "\\PC{0,300}") {
                for format in [Format::Text, Format::Markdown, Format::Json, Format::JsonLines, Format::Feed, Format::Html] {
                    let parsed = format.parse(&text);
                    prop_assert!(parsed.drafts.len() <= text.len() + 1);
                }
                let _ = Format::sniff(&text);
                let _ = dates::parse(&text);
                let _ = title::from_body(&text);
            }
        }
    }

    #[test]
    fn relative_links_of_a_fetched_feed_are_made_whole() {
        let loaded = from_bytes(
            b"<rss version=\"2.0\"><channel><title>Desk</title>\
              <item><title>One</title><link>/2026/one</link></item>\
              <item><title>Two</title><link>two.html</link></item>\
              <item><title>Three</title><link>https://other.example/3</link></item>\
              </channel></rss>"
                .to_vec(),
            Path::new("feed.xml"),
        );
        let mut articles = loaded.articles;
        let before = articles[0].id;
        resolve_links(&mut articles, "https://news.example/feeds/main.xml");
        let urls: Vec<_> = articles.iter().map(|a| a.url.as_deref().unwrap()).collect();
        assert_eq!(
            urls,
            [
                "https://news.example/2026/one",
                "https://news.example/feeds/two.html",
                "https://other.example/3"
            ]
        );
        assert_ne!(articles[0].id, before);
        assert_eq!(
            host_of("https://www.news.example:8080/x").as_deref(),
            Some("news.example")
        );
        assert_eq!(
            format_of_media_type(Some("application/atom+xml")),
            Some(Format::Feed)
        );
        assert_eq!(format_of_media_type(Some("text/html")), Some(Format::Html));
        assert_eq!(
            format_of_media_type(Some("application/feed+json")),
            Some(Format::Json)
        );
        assert_eq!(format_of_media_type(Some("text/plain")), None);
    }
}
