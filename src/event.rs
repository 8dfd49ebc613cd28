//! Where events come from: the terminal, the loader, the filter worker and
//! signals, all sending into one channel that the run loop reads.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self as term, KeyEvent, MouseEvent};

use crate::action::Update;
use crate::article::Article;
use crate::filter::{FilterQuery, SearchIndex, SearchResults};
use crate::loader::{self, Input, LoadEvent};

/// Everything the run loop reacts to.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Update(Update),
    /// SIGTERM, SIGHUP or SIGINT: quit cleanly.
    Terminate,
}

/// Read terminal input on its own thread.
pub fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let event = match term::read() {
                Ok(term::Event::Key(key)) => Event::Key(key),
                Ok(term::Event::Mouse(mouse)) => Event::Mouse(mouse),
                Ok(term::Event::Resize(w, h)) => Event::Resize(w, h),
                Ok(_) => continue,
                Err(_) => Event::Terminate,
            };
            if tx.send(event).is_err() {
                break;
            }
        }
    });
}

/// Load the inputs on their own thread, streaming articles as they come.
pub fn spawn_loader(inputs: Vec<Input>, tx: Sender<Event>) {
    thread::spawn(move || {
        loader::load(&inputs, &mut |event| {
            let event = match event {
                LoadEvent::Articles(batch) => {
                    Update::Loaded(batch.into_iter().map(Arc::new).collect())
                }
                LoadEvent::Issue(issue) => Update::LoadIssue(issue),
                LoadEvent::Progress { files } => Update::LoadProgress(files),
            };
            let _ = tx.send(Event::Update(event));
        });
        let _ = tx.send(Event::Update(Update::LoadFinished));
    });
}

/// Turn SIGTERM, SIGHUP and SIGINT into [`Event::Terminate`], so the terminal
/// is restored before the process ends.
pub fn spawn_signals(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Event::Terminate);
        }
    });
}

enum Request {
    Add(Vec<Arc<Article>>),
    Query { generation: u64, query: FilterQuery },
}

/// How often results are refreshed while articles keep arriving under a
/// query.
const REFRESH: Duration = Duration::from_millis(150);

/// The filter worker: owns the search index, keeps only the newest query, and
/// abandons a search as soon as a newer query arrives.
pub struct FilterWorker {
    requests: Sender<Request>,
    /// The newest query's generation, and a flag that stops a search.
    latest: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
}

impl FilterWorker {
    pub fn spawn(events: Sender<Event>) -> Self {
        let (requests, rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (seen, stop) = (Arc::clone(&latest), Arc::clone(&cancel));
        thread::spawn(move || run_worker(&rx, &events, &seen, &stop));
        Self {
            requests,
            latest,
            cancel,
        }
    }

    pub fn add(&self, batch: Vec<Arc<Article>>) {
        let _ = self.requests.send(Request::Add(batch));
    }

    pub fn query(&self, generation: u64, query: FilterQuery) {
        self.latest.store(generation, Ordering::SeqCst);
        self.cancel.store(true, Ordering::SeqCst);
        let _ = self.requests.send(Request::Query { generation, query });
    }
}

fn run_worker(
    rx: &Receiver<Request>,
    events: &Sender<Event>,
    latest: &AtomicU64,
    cancel: &AtomicBool,
) {
    let mut index = SearchIndex::new();
    let mut current: Option<(u64, FilterQuery)> = None;
    // The last completed search: a query that extends it searches only
    // within its hits (and the articles added since).
    let mut last: Option<SearchResults> = None;
    // Articles arrived since the current query's last results.
    let mut stale = false;
    let mut fresh_query = false;
    let mut last_run = Instant::now();
    loop {
        // Wait for work; when results are only stale from new articles, wait
        // no longer than the refresh interval.
        let first = if stale && !fresh_query {
            match rx.recv_timeout(REFRESH.saturating_sub(last_run.elapsed())) {
                Ok(r) => Some(r),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        } else {
            match rx.recv() {
                Ok(r) => Some(r),
                Err(_) => return,
            }
        };
        for request in first.into_iter().chain(rx.try_iter()) {
            match request {
                Request::Add(batch) => {
                    index.add(&batch);
                    stale = true;
                }
                Request::Query { generation, query } => {
                    current = Some((generation, query));
                    fresh_query = true;
                }
            }
        }
        let Some((generation, query)) = &current else {
            stale = false;
            continue;
        };
        if query.is_empty() || !(fresh_query || last_run.elapsed() >= REFRESH) {
            if query.is_empty() {
                stale = false;
                fresh_query = false;
            }
            continue;
        }
        last_run = Instant::now();
        cancel.store(false, Ordering::SeqCst);
        if latest.load(Ordering::SeqCst) != *generation {
            // A newer query is on its way: skip this one.
            continue;
        }
        if let Some(results) = index.search_narrowing(query, last.as_ref(), cancel) {
            let _ = events.send(Event::Update(Update::Filtered {
                generation: *generation,
                hits: results.hits.clone(),
            }));
            last = Some(results);
            stale = false;
            fresh_query = false;
        }
    }
}
