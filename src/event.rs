//! Where events come from: the terminal, the loader, the filter worker, the
//! entity worker and signals, all sending into one channel that the run
//! loop reads.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self as term, KeyEvent, MouseEvent};

use crate::action::Update;
use crate::article::Article;
use crate::entities::cache::{self, NamesCache, Recorded};
use crate::entities::{self, SharedEntityIndex};
use crate::fetch::Fetcher;
use crate::filter::{FilterQuery, Lookups, Marks, SearchIndex, SearchResults};
use crate::loader::{self, Input, LoadEvent};
use crate::stories::{self, Stories};

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

/// The input thread's switch: paused while another program (a pager) has
/// the terminal, so that no key meant for it is read here.
#[derive(Debug, Clone, Default)]
pub struct InputSwitch {
    paused: Arc<AtomicBool>,
    /// Set by the input thread once it has stopped reading.
    idle: Arc<AtomicBool>,
}

impl InputSwitch {
    /// Stop reading input; returns once the thread has stopped (or after a
    /// second, should it be stuck).
    pub fn pause(&self) {
        self.idle.store(false, Ordering::SeqCst);
        self.paused.store(true, Ordering::SeqCst);
        let start = Instant::now();
        while !self.idle.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(1) {
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }

    /// Whether another program has the terminal.
    pub fn paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }
}

/// How long the input thread waits for a key before looking at its switch.
const INPUT_POLL: Duration = Duration::from_millis(40);

/// Read terminal input on its own thread, but not while `switch` pauses it.
pub fn spawn_input(tx: Sender<Event>, switch: &InputSwitch) {
    let theirs = switch.clone();
    thread::spawn(move || {
        loop {
            if theirs.paused.load(Ordering::SeqCst) {
                theirs.idle.store(true, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(10));
                continue;
            }
            match term::poll(INPUT_POLL) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(_) => {
                    let _ = tx.send(Event::Terminate);
                    break;
                }
            }
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

/// Load the inputs on their own thread, streaming articles as they come;
/// URLs are fetched with `fetcher`.
pub fn spawn_loader(inputs: Vec<Input>, fetcher: Option<Arc<Fetcher>>, tx: Sender<Event>) {
    thread::spawn(move || {
        loader::load_streaming(&inputs, fetcher.as_deref(), &mut |event| {
            let event = match event {
                LoadEvent::Articles(mut batch) => {
                    // The texts that will be let go once indexed go into
                    // one buffer, which goes back to the system whole.
                    crate::article::share_bodies(&mut batch);
                    Update::Loaded(batch.into_iter().map(Arc::new).collect())
                }
                LoadEvent::Issue(issue) => Update::LoadIssue(issue),
                LoadEvent::Progress { files } => Update::LoadProgress(files),
                LoadEvent::Fetching { done, total } => Update::Fetching { done, total },
            };
            let _ = tx.send(Event::Update(event));
        });
        let _ = tx.send(Event::Update(Update::LoadFinished));
    });
}

/// Fetches for the app, each on a thread of its own, reported back as
/// updates: a reload of the URLs read, or an article's linked page.
pub struct Network {
    tx: Sender<Event>,
    fetcher: Arc<Fetcher>,
}

impl Network {
    pub fn new(tx: Sender<Event>, fetcher: Arc<Fetcher>) -> Self {
        Self { tx, fetcher }
    }

    /// Load `inputs` again, as at the start.
    pub fn reload(&self, inputs: Vec<Input>) {
        spawn_loader(inputs, Some(Arc::clone(&self.fetcher)), self.tx.clone());
    }

    /// Fetch the page at `url` and send its text back for the article at
    /// `index`.
    pub fn full_text(&self, index: usize, url: String) {
        let fetcher = Arc::clone(&self.fetcher);
        let tx = self.tx.clone();
        thread::spawn(move || {
            let result = loader::page_text(&fetcher, &url);
            let _ = tx.send(Event::Update(Update::FullText { index, result }));
        });
    }
}

/// Turn SIGTERM, SIGHUP and SIGINT into [`Event::Terminate`], so the terminal
/// is restored before the process ends. A Ctrl-c meant for a pager or
/// command that has the terminal (`input` paused) is left to it.
pub fn spawn_signals(tx: Sender<Event>, input: &InputSwitch) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    let input = input.clone();
    thread::spawn(move || {
        if signals
            .forever()
            .any(|signal| signal != SIGINT || !input.paused())
        {
            let _ = tx.send(Event::Terminate);
        }
    });
}

enum Request {
    Add(Vec<Arc<Article>>),
    Query {
        generation: u64,
        query: FilterQuery,
    },
    /// The entity index covers more articles: a query with entity or
    /// figure terms has more to find.
    EntitiesGrew,
    /// The article at this index was marked read or unread, starred or not
    /// (for the next search: the list shown stays as it is).
    Mark(usize, Marks),
}

/// The filter worker's requests that wait their turn, in the order they
/// came: articles to index, and marks for articles (perhaps among them).
enum Queued {
    Add(Vec<Arc<Article>>),
    Mark(usize, Marks),
}

/// How often results are refreshed while articles keep arriving under a
/// query.
const REFRESH: Duration = Duration::from_millis(150);

/// The filter worker: owns the search index, keeps only the newest query, and
/// abandons a search as soon as a newer query arrives. It reads the shared
/// entity index only to look up a query's entity and figure terms.
pub struct FilterWorker {
    requests: Sender<Request>,
    /// The newest query's generation, and a flag that stops a search.
    latest: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    /// Set while a search runs, so that the entity worker holds back.
    busy: Arc<AtomicBool>,
}

/// Everything the filter worker thread holds.
struct WorkerShared {
    events: Sender<Event>,
    entities: SharedEntityIndex,
    latest: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    busy: Arc<AtomicBool>,
}

impl FilterWorker {
    pub fn spawn(events: Sender<Event>, entities: SharedEntityIndex) -> Self {
        let (requests, rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let busy = Arc::new(AtomicBool::new(false));
        let shared = WorkerShared {
            events,
            entities,
            latest: Arc::clone(&latest),
            cancel: Arc::clone(&cancel),
            busy: Arc::clone(&busy),
        };
        thread::spawn(move || run_worker(&rx, &shared));
        Self {
            requests,
            latest,
            cancel,
            busy,
        }
    }

    /// A flag that is set while a search runs.
    pub fn busy(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.busy)
    }

    /// Tell the worker that the entity index grew.
    pub fn entities_grew(&self) {
        let _ = self.requests.send(Request::EntitiesGrew);
    }

    pub fn add(&self, batch: Vec<Arc<Article>>) {
        let _ = self.requests.send(Request::Add(batch));
    }

    /// What the reader now remembers of the article at `index`.
    pub fn mark(&self, index: usize, marks: Marks) {
        let _ = self.requests.send(Request::Mark(index, marks));
    }

    pub fn query(&self, generation: u64, query: FilterQuery) {
        self.latest.store(generation, Ordering::SeqCst);
        self.cancel.store(true, Ordering::SeqCst);
        let _ = self.requests.send(Request::Query { generation, query });
    }
}

fn run_worker(rx: &Receiver<Request>, shared: &WorkerShared) {
    let WorkerShared {
        events,
        entities,
        latest,
        cancel,
        busy,
    } = shared;
    let mut index = SearchIndex::new();
    let mut current: Option<(u64, FilterQuery)> = None;
    // The last completed search: a query that extends it searches only
    // within its hits (and the articles added since).
    let mut last: Option<SearchResults> = None;
    // Articles arrived since the current query's last results.
    let mut stale = false;
    let mut fresh_query = false;
    let mut last_run = Instant::now();
    // Batches to index and marks to set, in the order they came, one taken
    // at a time: a query typed while they wait is answered between two, from
    // the articles indexed so far, and answered again as the rest are.
    let mut queued: VecDeque<Queued> = VecDeque::new();
    loop {
        // Wait for work, unless some is queued; when results are only stale
        // from new articles, wait no longer than the refresh interval.
        let first = if !queued.is_empty() {
            match rx.try_recv() {
                Ok(r) => Some(r),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            }
        } else if stale && !fresh_query {
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
                Request::Add(batch) => queued.push_back(Queued::Add(batch)),
                Request::Mark(at, marks) => queued.push_back(Queued::Mark(at, marks)),
                Request::Query { generation, query } => {
                    current = Some((generation, query));
                    fresh_query = true;
                }
                Request::EntitiesGrew => {
                    if current.as_ref().is_some_and(|(_, q)| q.needs_entities()) {
                        stale = true;
                    }
                }
            }
        }
        // (with nothing indexed yet, the first batch goes first)
        let due = current.as_ref().is_some_and(|(_, q)| !q.is_empty())
            && (fresh_query || (stale && last_run.elapsed() >= REFRESH))
            && (!index.is_empty() || queued.is_empty());
        if !due && let Some(work) = queued.pop_front() {
            match work {
                Queued::Add(batch) => {
                    index.add(&batch);
                    for article in &batch {
                        article.body.indexed();
                    }
                    stale = true;
                }
                Queued::Mark(at, marks) => index.set_marks(at, marks),
            }
            continue;
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
        busy.store(true, Ordering::SeqCst);
        // The entity index is held only while the terms are looked up.
        let lookups = if query.needs_entities() {
            query.lookup(&entities::read(entities))
        } else {
            Lookups::default()
        };
        let found = index.search_narrowing(query, &lookups, last.as_ref(), cancel);
        busy.store(false, Ordering::SeqCst);
        if let Some(results) = found {
            let _ = events.send(Event::Update(Update::Filtered {
                generation: *generation,
                hits: results.hits.clone(),
                searched: results.searched,
            }));
            last = Some(results);
            stale = false;
            fresh_query = false;
        }
    }
}

/// How many articles the entity worker highlights per core between looks at
/// the filter worker and the queue.
const ENTITY_CHUNK: usize = 64;

/// The most articles per core in a chunk: when the names cache holds them,
/// a chunk of [`ENTITY_CHUNK`] takes well under a millisecond, and the
/// worker's steps from chunk to chunk (threads started, a core waited
/// for) cost more than the work; chunks grow while they take under
/// [`CHUNK_TIME`], up to this, and shrink again above twice that.
const ENTITY_CHUNK_MOST: usize = 1024;

/// What a chunk should take to extract.
const CHUNK_TIME: Duration = Duration::from_millis(8);

/// How often the entity worker reports progress while it is behind.
const ENTITY_REPORT: Duration = Duration::from_millis(200);

/// How often, at most, the entity worker sends the stories grouped so far
/// while many articles wait to be grouped (or ten times as long as the
/// last table took to build); the last is sent as soon as all are.
const STORIES_REPORT: Duration = Duration::from_secs(1);

/// How long the entity worker waits for more articles before it gives the
/// index's spare capacity back (loading has most likely finished).
const ENTITY_IDLE: Duration = Duration::from_secs(2);

/// The entity worker: highlights articles and resolves their names on its
/// own thread and a helper per other core, then adds them to the shared
/// entity index, holding it for writing only for that append. It reports
/// how many articles the index covers as [`Update::EntitiesIndexed`], and,
/// once no article waits for the index, the articles grouped into stories
/// as [`Update::StoriesGrouped`].
/// Between chunks (of [`ENTITY_CHUNK`] articles per core, more while they
/// are quick) it waits while a filter search runs, so that typing in the
/// filter bar keeps a core.
pub struct EntityWorker {
    requests: Sender<Vec<Arc<Article>>>,
}

impl EntityWorker {
    pub fn spawn(
        index: SharedEntityIndex,
        events: Sender<Event>,
        filter_busy: Arc<AtomicBool>,
    ) -> Self {
        Self::with_cache(index, events, filter_busy, None)
    }

    /// A worker that reads and keeps the corpus's names cache, `(folder,
    /// corpus key)` (see [`cache`]).
    pub fn with_cache(
        index: SharedEntityIndex,
        events: Sender<Event>,
        filter_busy: Arc<AtomicBool>,
        cache: Option<(PathBuf, String)>,
    ) -> Self {
        let (requests, rx) = mpsc::channel();
        thread::spawn(move || {
            // Read on this thread: a large corpus's file takes a moment.
            let (cache, recorded) = match cache {
                Some((folder, corpus)) => {
                    let (cache, recorded) = NamesCache::open(&folder, &corpus);
                    (Some(cache), Some(recorded))
                }
                None => (None, None),
            };
            run_entity_worker(&rx, &index, &events, &filter_busy, cache, recorded);
        });
        Self { requests }
    }

    pub fn add(&self, batch: Vec<Arc<Article>>) {
        let _ = self.requests.send(batch);
    }
}

/// A chunk of articles with what the helpers found in them, waiting to be
/// added to the index and the stories.
struct Extraction {
    articles: Vec<Arc<Article>>,
    found: Vec<(entities::Extracted, stories::Prepared)>,
    /// Per article, its key in the names cache and whether it was found
    /// there (none without a cache, or for an article the highlighter
    /// failed on).
    cached: Vec<Option<(u64, bool)>>,
}

impl Extraction {
    /// Highlight, resolve and prepare for grouping, on every core; what
    /// the names cache holds is read from it instead.
    fn of(articles: Vec<Arc<Article>>, cache: Option<&Recorded>) -> Self {
        let both = entities::map_all(&articles, |article| {
            let body = article.body.text();
            let key = cache.map(|_| cache::key(article, &body));
            let hit = key.zip(cache).and_then(|(k, c)| c.get(k, &body));
            let hit_or_not = key.map(|k| (k, hit.is_some()));
            let extracted = hit.unwrap_or_else(|| entities::extract_body(article, &body));
            let prepared = stories::prepare(Some(&extracted));
            ((extracted, prepared), hit_or_not)
        });
        let (found, cached) = both.into_iter().unzip();
        Self {
            articles,
            found,
            cached,
        }
    }
}

/// What the entity worker adds extracted articles to, and when it last
/// told the app.
///
/// Names come first: a chunk goes into the entity index as soon as it is
/// extracted, while grouping it into stories waits in `backlog` until no
/// article is left to index. Grouping is a tenth of the worker's time and
/// runs on its thread alone, so doing it between chunks took processor
/// time from the highlighter on a two-core machine and held back the
/// index, which the reader's names, mentions and figures need; the stories
/// view fills in after.
struct EntitySink<'a> {
    index: &'a SharedEntityIndex,
    events: &'a Sender<Event>,
    stories: Stories,
    /// Chunks indexed but not yet grouped, oldest first.
    backlog: VecDeque<(Vec<Arc<Article>>, Vec<stories::Prepared>)>,
    /// The signatures of the bodies of the backlog's oldest chunk, computed
    /// while the chunk before it was grouped.
    signed: Option<Vec<Option<Box<stories::signature::Signature>>>>,
    last_report: Instant,
    last_stories: Instant,
    /// How long the last stories' table took to build: while the backlog
    /// is long, the next waits at least ten times that, so that tables
    /// cost a tenth of the worker's time however many articles there are.
    table_cost: Duration,
    /// The corpus's names cache, kept up to date.
    cache: Option<NamesCache>,
}

impl EntitySink<'_> {
    /// Add a chunk to the index, keep it for grouping, and report progress
    /// when due (always when `last`, nothing more being queued). False when
    /// the app has gone.
    fn add(&mut self, chunk: Extraction, last: bool) -> bool {
        let (extracted, prepared): (Vec<_>, Vec<_>) = chunk.found.into_iter().unzip();
        if let Some(cache) = &mut self.cache {
            for (&cached, extracted) in chunk.cached.iter().zip(&extracted) {
                let Some((key, hit)) = cached else { continue };
                if hit {
                    cache.hit(key);
                } else {
                    cache.put(key, extracted);
                }
            }
            cache.flush();
        }
        let covered = {
            let mut index = entities::write(self.index);
            index.add_extracted(&chunk.articles, extracted);
            index.len()
        };
        for article in &chunk.articles {
            article.body.indexed();
        }
        self.backlog.push_back((chunk.articles, prepared));
        if last || self.last_report.elapsed() >= ENTITY_REPORT {
            self.last_report = Instant::now();
            let update = Update::EntitiesIndexed(covered);
            if self.events.send(Event::Update(update)).is_err() {
                return false;
            }
        }
        true
    }

    /// Group the oldest chunk waiting; send the stories' table once the
    /// backlog is done, or while it is long, when one is due. False when
    /// the app has gone.
    fn group_next(&mut self) -> bool {
        if let Some((articles, prepared)) = self.backlog.pop_front() {
            let signed = self
                .signed
                .take()
                .unwrap_or_else(|| stories::signatures(&articles));
            // The next chunk's signatures are computed on the other cores
            // while this one is grouped (which takes one core).
            let next = self.backlog.front().map(|(next, _)| next);
            let group = &mut self.stories;
            let ((), next_signed) = rayon::join(
                || group.add_signed(&articles, prepared, signed),
                || next.map(|next| stories::signatures(next)),
            );
            self.signed = next_signed;
        }
        let every = STORIES_REPORT.max(self.table_cost * 10);
        if self.backlog.is_empty() || self.last_stories.elapsed() >= every {
            return self.send_table();
        }
        true
    }

    fn send_table(&mut self) -> bool {
        let started = Instant::now();
        let table = Arc::new(self.stories.table());
        self.table_cost = started.elapsed();
        self.last_stories = Instant::now();
        let update = Update::StoriesGrouped(table);
        self.events.send(Event::Update(update)).is_ok()
    }
}

fn run_entity_worker(
    rx: &Receiver<Vec<Arc<Article>>>,
    index: &SharedEntityIndex,
    events: &Sender<Event>,
    filter_busy: &AtomicBool,
    cache: Option<NamesCache>,
    mut recorded: Option<Recorded>,
) {
    // Articles are highlighted on every core (rayon's pool), a chunk at a
    // time, while the chunk before is added to the index.
    let threads = rayon::current_num_threads();
    let mut queue: VecDeque<Arc<Article>> = VecDeque::new();
    let mut grown = false;
    let mut per_core = ENTITY_CHUNK;
    // Stories are grouped from what the highlighter extracts, once the
    // index has caught up.
    let mut sink = EntitySink {
        index,
        events,
        stories: Stories::new(),
        backlog: VecDeque::new(),
        signed: None,
        last_report: Instant::now(),
        last_stories: Instant::now(),
        table_cost: Duration::ZERO,
        cache,
    };
    loop {
        let batch = if sink.backlog.is_empty() {
            match rx.recv_timeout(ENTITY_IDLE) {
                Ok(batch) => batch,
                Err(RecvTimeoutError::Timeout) => {
                    if std::mem::take(&mut grown) {
                        entities::write(index).shrink_to_fit();
                        sink.stories.shrink_to_fit();
                        // Loading has most likely finished: what the cache
                        // held is in the index now, and the file can lose
                        // the articles gone.
                        recorded = None;
                        if let Some(cache) = &mut sink.cache {
                            cache.tidy();
                        }
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        } else {
            // Grouping gives way to any articles that arrive.
            match rx.try_recv() {
                Ok(batch) => batch,
                Err(mpsc::TryRecvError::Empty) => {
                    if !sink.group_next() {
                        return;
                    }
                    continue;
                }
                Err(mpsc::TryRecvError::Disconnected) => return,
            }
        };
        grown = true;
        queue.extend(batch);
        let mut ready: Option<Extraction> = None;
        while !queue.is_empty() || ready.is_some() {
            // A search runs for milliseconds; wait it out, but never for
            // long in all.
            let waited = Instant::now();
            while filter_busy.load(Ordering::SeqCst) && waited.elapsed() < Duration::from_secs(1) {
                thread::sleep(Duration::from_millis(2));
            }
            let take = queue.len().min(per_core * threads);
            let chunk: Vec<Arc<Article>> = queue.drain(..take).collect();
            let last = chunk.is_empty();
            let recorded = recorded.as_ref();
            // The chunk before goes into the index while this one is
            // extracted; whichever finishes first helps with the other.
            let (alive, next) = rayon::join(
                || match ready.take() {
                    Some(done) => sink.add(done, last),
                    None => true,
                },
                || {
                    (!last).then(|| {
                        let started = Instant::now();
                        let extraction = Extraction::of(chunk, recorded);
                        (extraction, started.elapsed())
                    })
                },
            );
            if !alive {
                return;
            }
            let next = next.map(|(extraction, took)| {
                per_core = chunk_size(per_core, took);
                extraction
            });
            ready = next;
            queue.extend(rx.try_iter().flatten());
        }
    }
}

/// The next chunk's articles per core, after one of `per_core` took
/// `took` to extract: doubled under [`CHUNK_TIME`], halved over twice it.
fn chunk_size(per_core: usize, took: Duration) -> usize {
    if took < CHUNK_TIME {
        (per_core * 2).min(ENTITY_CHUNK_MOST)
    } else if took > CHUNK_TIME * 2 {
        (per_core / 2).max(ENTITY_CHUNK)
    } else {
        per_core
    }
}

/// Saves the read state on its own thread, so that a keystroke never waits
/// for the disk. States sent while a save runs are skipped but the newest;
/// dropping the saver waits for the save in flight.
pub struct StateSaver {
    tx: Option<Sender<crate::state::ReadState>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl StateSaver {
    pub fn spawn(file: crate::state::store::StateFile) -> Self {
        let (tx, rx) = mpsc::channel::<crate::state::ReadState>();
        let thread = thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                let newest = rx.try_iter().last().unwrap_or(first);
                if let Err(e) = file.save(&newest) {
                    crate::logfile::warn(&format!("read state not saved: {e}"));
                }
            }
        });
        Self {
            tx: Some(tx),
            thread: Some(thread),
        }
    }

    /// Save `state` soon.
    pub fn save(&self, state: crate::state::ReadState) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(state);
        }
    }
}

impl Drop for StateSaver {
    fn drop(&mut self) {
        self.tx = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::{self, Input};

    /// Run a worker with the names cache in `folder` over `articles` until
    /// everything is indexed and grouped; gives the index and the table.
    fn index_with_cache(
        articles: &[Arc<Article>],
        folder: &std::path::Path,
    ) -> (SharedEntityIndex, Arc<crate::stories::StoryTable>) {
        let (tx, rx) = mpsc::channel();
        let shared = entities::shared();
        let cache = Some((folder.to_path_buf(), "corpus".to_owned()));
        let worker = EntityWorker::with_cache(
            Arc::clone(&shared),
            tx,
            Arc::new(AtomicBool::new(false)),
            cache,
        );
        worker.add(articles.to_vec());
        loop {
            match rx.recv_timeout(Duration::from_secs(120)) {
                Ok(Event::Update(Update::StoriesGrouped(table)))
                    if table.of_article.len() == articles.len() =>
                {
                    return (shared, table);
                }
                Ok(_) => {}
                Err(e) => panic!("the worker stopped: {e:?}"),
            }
        }
    }

    /// A query typed while batches wait to be indexed is answered once the
    /// first is, from the articles indexed so far, and again until all are:
    /// each answer holds exactly the matching articles among those searched.
    #[test]
    fn the_filter_worker_answers_from_what_it_has_indexed_until_all_is() {
        let (tx, events) = mpsc::channel();
        let (requests, rx) = mpsc::channel();
        let articles: Vec<Arc<Article>> = (0..6000)
            .map(|i| {
                let word = if i % 3 == 0 { "harbour" } else { "station" };
                let body = format!("Crews at the {word} met {i} times.");
                crate::app::tests::article(i, "Notes", "Wire", &body)
            })
            .collect();
        // everything waits in the queue before the worker starts
        for batch in articles.chunks(100) {
            requests.send(Request::Add(batch.to_vec())).expect("queued");
        }
        let query = FilterQuery::parse("harbour");
        requests
            .send(Request::Query {
                generation: 1,
                query,
            })
            .expect("queued");
        let shared = WorkerShared {
            events: tx,
            entities: entities::shared(),
            latest: Arc::new(AtomicU64::new(1)),
            cancel: Arc::new(AtomicBool::new(false)),
            busy: Arc::new(AtomicBool::new(false)),
        };
        let worker = thread::spawn(move || run_worker(&rx, &shared));
        let mut searched_by_answer = Vec::new();
        loop {
            match events.recv_timeout(Duration::from_secs(60)) {
                Ok(Event::Update(Update::Filtered {
                    generation,
                    hits,
                    searched,
                })) => {
                    assert_eq!(generation, 1);
                    let mut found: Vec<usize> = hits.iter().map(|h| h.index).collect();
                    found.sort_unstable();
                    let expected: Vec<usize> = (0..searched).filter(|i| i % 3 == 0).collect();
                    assert_eq!(found, expected, "searched {searched}");
                    searched_by_answer.push(searched);
                    if searched == articles.len() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("no answer from the worker: {e:?}"),
            }
        }
        // the first answer came after one batch of sixty
        assert_eq!(searched_by_answer.first(), Some(&100));
        drop(requests);
        worker.join().expect("the worker stops");
    }

    /// A corpus opened again is indexed from the names cache into the same
    /// index and stories as the first time, and the cache does not grow.
    #[test]
    fn the_entity_worker_reads_what_the_names_cache_kept() {
        let loaded = loader::load_all(&[Input::Samples]);
        let articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
        let dir = tempfile::tempdir().expect("a folder");
        let (first, table) = index_with_cache(&articles, dir.path());
        let file = || {
            let entries = std::fs::read_dir(dir.path()).expect("the cache folder");
            let files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            assert_eq!(files.len(), 1, "{files:?}");
            std::fs::metadata(&files[0]).expect("the file").len()
        };
        let size = file();
        assert!(size > 1000);
        let (again, table_again) = index_with_cache(&articles, dir.path());
        assert_eq!(file(), size);
        assert_eq!(table_again, table);
        let (first, again) = (entities::read(&first), entities::read(&again));
        assert_eq!(again.len(), articles.len());
        assert_eq!(again.entity_count(), first.entity_count());
        assert_eq!(again.mention_count(), first.mention_count());
        for a in 0..articles.len() {
            assert_eq!(again.article_mentions(a), first.article_mentions(a));
        }
    }

    /// Chunks grow while quick (articles the names cache holds) and shrink
    /// back when slow, within their bounds.
    #[test]
    fn chunks_grow_while_quick_and_shrink_when_slow() {
        let quick = Duration::from_millis(1);
        let slow = Duration::from_millis(40);
        let mut n = ENTITY_CHUNK;
        for _ in 0..20 {
            n = chunk_size(n, quick);
        }
        assert_eq!(n, ENTITY_CHUNK_MOST);
        assert_eq!(chunk_size(n, CHUNK_TIME + Duration::from_millis(1)), n);
        for _ in 0..20 {
            n = chunk_size(n, slow);
        }
        assert_eq!(n, ENTITY_CHUNK);
    }

    /// Names come first: every article queued is in the entity index
    /// before any stories' table is sent, and the table that follows
    /// groups them all.
    #[test]
    fn the_entity_worker_indexes_names_before_it_groups_stories() {
        let loaded = loader::load_all(&[Input::Samples]);
        let samples: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
        let articles: Vec<Arc<Article>> = samples.iter().cycle().take(500).cloned().collect();
        let (tx, rx) = mpsc::channel();
        let shared = entities::shared();
        let worker = EntityWorker::spawn(Arc::clone(&shared), tx, Arc::new(AtomicBool::new(false)));
        worker.add(articles.clone());
        let mut indexed = 0;
        loop {
            match rx.recv_timeout(Duration::from_secs(120)) {
                Ok(Event::Update(Update::EntitiesIndexed(n))) => indexed = n,
                Ok(Event::Update(Update::StoriesGrouped(table))) => {
                    assert_eq!(indexed, articles.len(), "a table came before the names");
                    // While the backlog is long, a table may come with part
                    // of it grouped (when grouping is slow, as on a busy
                    // machine); the last covers every article.
                    if table.of_article.len() == articles.len() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("the worker stopped at {indexed} articles: {e:?}"),
            }
        }
    }

    /// The entity worker, fed in batches, ends with the index and stories
    /// that adding everything at once gives, and says so.
    #[test]
    fn the_entity_worker_indexes_and_groups_every_batch() {
        let loaded = loader::load_all(&[Input::Samples]);
        let samples: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
        // Enough articles for several chunks on any number of cores.
        let articles: Vec<Arc<Article>> = samples.iter().cycle().take(700).cloned().collect();
        let (tx, rx) = mpsc::channel();
        let shared = entities::shared();
        let worker = EntityWorker::spawn(Arc::clone(&shared), tx, Arc::new(AtomicBool::new(false)));
        for batch in articles.chunks(97) {
            worker.add(batch.to_vec());
        }
        let deadline = Instant::now() + Duration::from_secs(120);
        let (mut indexed, mut table) = (0, None);
        while indexed < articles.len()
            || table
                .as_ref()
                .is_none_or(|t: &Arc<crate::stories::StoryTable>| {
                    t.of_article.len() < articles.len()
                })
        {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(Event::Update(Update::EntitiesIndexed(n))) => indexed = n,
                Ok(Event::Update(Update::StoriesGrouped(t))) => table = Some(t),
                Ok(_) => {}
                Err(e) => panic!("the worker stopped at {indexed} articles: {e:?}"),
            }
        }
        let extracted = entities::extract_all(&articles);
        let mut expected = Stories::new();
        expected.add(&articles, &extracted);
        assert_eq!(table.as_deref(), Some(&expected.table()));
        let index = entities::read(&shared);
        assert_eq!(index.len(), articles.len());
        let mut alone = entities::EntityIndex::new();
        alone.add_extracted(&articles, extracted);
        assert_eq!(index.entity_count(), alone.entity_count());
        assert_eq!(index.mention_count(), alone.mention_count());
    }
}
