//! The app: all state, the one `update` that changes it, and the run loop.

pub mod entity_list;
pub mod figures;
pub mod grouping;
pub mod history;
pub mod mentions;
pub mod network;
pub mod outline;
pub mod picker;
pub mod reader;
pub mod story;

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc;

use anyhow::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::action::{Action, KeyContext, Update, keymap};
use crate::article::Article;
use crate::config::Config;
use crate::config::keys::KeyBindings;
use crate::config::theme::Palette;
use crate::entities::{self, ArticleSet, SharedEntityIndex};
use crate::event::{self, EntityWorker, Event, FilterWorker, Network};
use crate::external::{self, Effect};
use crate::fetch::Fetcher;
use crate::filter::{FilterQuery, Hit, Lookups, Marks, SearchIndex};
use crate::loader::{Input, LoadIssue, Severity};
use crate::state::store::StateFile;
use crate::state::{self as remembered, ArticleKey, ReadState};
use crate::stories::StoryTable;
use crate::ui;
use crate::ui::theme::{ColorMode, ShownKinds};
use entity_list::EntityList;
use figures::FiguresPane;
use grouping::{GroupRow, Groups, SourceIndex};
use history::{History, Place};
use mentions::MentionsPane;
use network::{FullText, Reloading};
use outline::OutlineView;
use picker::SourcePicker;
use reader::ReaderView;
use story::StoryView;

/// Enter on a figure reads at most this many articles holding its value
/// again (figures are indexed by value per article, not per mention).
pub const FIGURE_ARTICLES: usize = 300;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    /// The outline beside the reader.
    Outline,
}

/// A text field being typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    Filter,
    Find,
    /// The command to pipe the article to.
    Pipe,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Messages,
    /// The legend of highlight kinds, with a cursor on one kind.
    Legend,
}

/// A row of the document list as shown: a source's header when the list is
/// grouped, or an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// The header of the list's `n`th source group.
    Header(usize),
    /// The article at this position of the flat list (see [`App::visible`]).
    Article(usize),
}

/// How far loading has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub files: usize,
    /// URLs fetched so far, of how many.
    pub fetched: Option<(usize, usize)>,
    pub done: bool,
}

/// Where filter queries are run and entities indexed: on worker threads in
/// the terminal app, or right away (for tests and scripts).
enum Searcher {
    Inline(Box<SearchIndex>),
    Worker {
        filter: FilterWorker,
        entities: EntityWorker,
    },
}

/// What the app keeps between runs: the read state (its file, and what it
/// held at start) and the folder of the names cache.
#[derive(Default)]
pub struct Kept {
    pub state: Option<(StateFile, ReadState)>,
    pub names: Option<std::path::PathBuf>,
}

pub struct App {
    pub articles: Vec<Arc<Article>>,
    pub issues: Vec<LoadIssue>,
    /// Problems that are not a file's: the config's, and programs started
    /// for the user that failed. Shown in the messages after the files'.
    pub notes: Vec<String>,
    pub loading: Loading,
    /// What is typed in the filter bar.
    pub filter_input: String,
    pub query: FilterQuery,
    /// The query's hits; `None` while the query is empty (every article shows).
    pub hits: Option<Vec<Hit>>,
    /// The query `hits` answer, which the list marks in titles and sources:
    /// older than `query` while a newer one is searched for.
    pub hits_query: FilterQuery,
    /// The generation of the newest query, and of the one `hits` answer.
    generation: u64,
    hits_generation: u64,
    /// How many articles, from the first loaded, `hits` were searched in.
    hits_searched: usize,
    /// The selected article, as a position of the flat list (filter rank or
    /// load order), whether or not the list is grouped.
    pub selected: usize,
    /// First row on screen, counted in rows as shown (headers included).
    pub list_offset: usize,
    /// Every source of the loaded articles.
    pub sources: SourceIndex,
    /// The list grouped by source or by story, while it is.
    pub groups: Option<Groups>,
    /// Whether `groups` are stories rather than sources.
    pub by_story: bool,
    /// The articles grouped into stories, as far as the entity worker has
    /// read them.
    pub stories: Option<Arc<StoryTable>>,
    pub picker: Option<SourcePicker>,
    /// Every mention of a name, while that pane is open.
    pub mentions: Option<MentionsPane>,
    /// The places jumped from, to go back (and forward) to.
    pub history: History,
    /// The outline of the open article, while it is shown.
    pub outline: Option<OutlineView>,
    /// The entity index, while it is open.
    pub entity_list: Option<EntityList>,
    /// Every number and date, while that pane is open.
    pub figures: Option<FiguresPane>,
    /// One story's articles compared, while open.
    pub story: Option<StoryView>,
    /// Which highlight kinds the reader shows, and whether in colour.
    pub shown: ShownKinds,
    pub colors: ColorMode,
    /// The kind the legend's cursor is on.
    pub legend_cursor: usize,
    pub focus: Focus,
    pub editing: Option<Editing>,
    pub find_input: String,
    /// The command typed at the pipe prompt.
    pub pipe_input: String,
    /// What the run loop is to do outside the app, in order.
    pub effects: Vec<Effect>,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: usize,
    pub reader: Option<ReaderView>,
    /// The terminal's size.
    pub size: Rect,
    pub quit: bool,
    /// Names and figures across the loaded articles, shared with the
    /// workers: read it with [`entities::read`] (see [`crate::entities`]).
    pub entities: SharedEntityIndex,
    /// How many articles (in load order) the entity index covers so far.
    pub entities_indexed: usize,
    /// Which articles are read and starred (see [`crate::state`]).
    pub read_state: ReadState,
    /// Counts the changes to `read_state`, so the run loop knows when to save.
    pub state_changes: u64,
    /// The unread articles of each source (numbered as in `sources`).
    pub unread: Vec<usize>,
    /// [`ArticleKey::hash_of`] each article, in load order: to find the
    /// others that share an article's key when its state changes.
    key_hashes: Vec<u64>,
    /// A line for the status bar about what the last key did, until the
    /// next key.
    pub notice: Option<String>,
    /// The article last marked read by opening it, so that marking it
    /// unread again while it is open sticks.
    marked_open: Option<usize>,
    /// The styles the config gives (the default `dark` palette without one).
    pub palette: Palette,
    /// The keys of the list and the reader, as the config gives them.
    pub keys: KeyBindings,
    /// The list's width, the reader's widest line, the list's dates.
    pub layout: crate::config::Layout,
    /// The set of inputs read (see [`remembered::corpus_key`]): where the
    /// reader was is remembered per corpus, on quit.
    pub corpus: Option<String>,
    /// Where the reader was last time, until that article arrives or the
    /// user moves first.
    pending_place: Option<remembered::Place>,
    searcher: Searcher,
    /// What `r` fetches again, and what it has added so far.
    pub reloading: Reloading,
    /// Full texts of linked pages, by article (load position).
    pub full_texts: std::collections::HashMap<usize, FullText>,
    /// The article whose full text the reader shows.
    pub full_shown: Option<usize>,
    /// Sources whose articles open in full (lowercased; `*` for all).
    pub full_article_sources: Vec<String>,
    /// The article whose summary was asked for with `f` (or shown for a
    /// jump), which stays so while it is open.
    summary_wanted: Option<usize>,
    /// Where fetches are sent; `None` in tests and scripts.
    network: Option<Network>,
}

impl App {
    /// An app that filters on the calling thread: for tests and scripts.
    pub fn new(size: Rect) -> Self {
        Self::with_searcher(size, Searcher::Inline(Box::default()), entities::shared())
    }

    fn with_searcher(size: Rect, searcher: Searcher, entities: SharedEntityIndex) -> Self {
        Self {
            articles: Vec::new(),
            issues: Vec::new(),
            notes: Vec::new(),
            loading: Loading::default(),
            filter_input: String::new(),
            query: FilterQuery::default(),
            hits: None,
            hits_query: FilterQuery::default(),
            generation: 0,
            hits_generation: 0,
            hits_searched: 0,
            selected: 0,
            list_offset: 0,
            sources: SourceIndex::default(),
            groups: None,
            by_story: false,
            stories: None,
            picker: None,
            mentions: None,
            history: History::default(),
            outline: None,
            entity_list: None,
            figures: None,
            story: None,
            shown: ShownKinds::default(),
            colors: ColorMode::Color,
            legend_cursor: 0,
            focus: Focus::List,
            editing: None,
            find_input: String::new(),
            pipe_input: String::new(),
            effects: Vec::new(),
            overlay: None,
            overlay_scroll: 0,
            reader: None,
            size,
            quit: false,
            entities,
            entities_indexed: 0,
            read_state: ReadState::default(),
            state_changes: 0,
            unread: Vec::new(),
            key_hashes: Vec::new(),
            notice: None,
            marked_open: None,
            palette: Palette::default(),
            keys: KeyBindings::default(),
            layout: crate::config::Layout::default(),
            corpus: None,
            pending_place: None,
            searcher,
            reloading: Reloading::default(),
            full_texts: std::collections::HashMap::new(),
            full_shown: None,
            full_article_sources: Vec::new(),
            summary_wanted: None,
            network: None,
        }
    }

    /// The number of rows in the list.
    pub fn visible_len(&self) -> usize {
        self.hits.as_ref().map_or(self.articles.len(), Vec::len)
    }

    /// The article at list row `row`, with its hit when a query is on.
    pub fn visible(&self, row: usize) -> Option<(usize, &Arc<Article>, Option<&Hit>)> {
        match &self.hits {
            None => self.articles.get(row).map(|a| (row, a, None)),
            Some(hits) => {
                let hit = hits.get(row)?;
                self.articles
                    .get(hit.index)
                    .map(|a| (hit.index, a, Some(hit)))
            }
        }
    }

    /// Whether there is work for idle time: the open article is still being
    /// laid out or searched.
    pub fn busy(&self) -> bool {
        self.reader.as_ref().is_some_and(ReaderView::busy)
            || self.figures.as_ref().is_some_and(FiguresPane::searching)
    }

    /// Whether the shown hits answer an older query than the one typed, or
    /// answer it from only some of the articles (the rest still wait to be
    /// searched).
    pub fn filtering(&self) -> bool {
        !self.query.is_empty()
            && (self.hits_generation != self.generation || self.hits_searched < self.articles.len())
    }

    pub fn key_context(&self) -> KeyContext {
        if self.editing.is_some() {
            KeyContext::Editing
        } else if self.picker.is_some() {
            KeyContext::Picker
        } else if self.mentions.is_some() {
            KeyContext::Mentions
        } else if self.figures.is_some() {
            KeyContext::Figures
        } else if self.story.is_some() {
            KeyContext::Story
        } else if self.entity_list.is_some() {
            KeyContext::Entities
        } else if self.overlay == Some(Overlay::Legend) {
            KeyContext::Legend
        } else if self.overlay.is_some() {
            KeyContext::Overlay
        } else if self.focus == Focus::Outline {
            KeyContext::Outline
        } else if self.focus == Focus::Reader {
            KeyContext::Reader
        } else {
            KeyContext::List
        }
    }

    pub fn errors(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count()
    }

    /// The number of rows the list shows: articles, and source headers when
    /// grouped.
    pub fn list_len(&self) -> usize {
        self.groups
            .as_ref()
            .map_or(self.visible_len(), Groups::rows)
    }

    /// What the list shows at row `row`.
    pub fn list_row(&self, row: usize) -> Option<ListRow> {
        match &self.groups {
            None => (row < self.visible_len()).then_some(ListRow::Article(row)),
            Some(groups) => groups.at(row).map(|r| match r {
                GroupRow::Header(group) => ListRow::Header(group),
                GroupRow::Article(position) => ListRow::Article(position),
            }),
        }
    }

    /// The row the selected article is shown on.
    pub fn selected_row(&self) -> usize {
        self.groups
            .as_ref()
            .and_then(|g| g.row_of(self.selected))
            .unwrap_or(self.selected)
    }

    /// The source of the article at flat position `position`.
    fn source_at(&self, position: usize) -> Option<usize> {
        let (index, _, _) = self.visible(position)?;
        self.sources.of_article(index)
    }

    /// Turn an event into the action it stands for.
    pub fn action_for(&self, event: Event) -> Option<Action> {
        Some(match event {
            Event::Key(key) => {
                if key.kind != ratatui::crossterm::event::KeyEventKind::Press {
                    return None;
                }
                return keymap(key, self.key_context(), &self.keys);
            }
            Event::Mouse(m) => Action::Mouse(m),
            Event::Resize(w, h) => Action::Resize(w, h),
            Event::Update(update) => Action::Update(update),
            Event::Terminate => Action::Quit,
        })
    }

    /// The only place the app's state changes.
    pub fn update(&mut self, action: impl Into<Action>) {
        let action = action.into();
        // The user's own move wins over going back to the last place.
        if !matches!(
            action,
            Action::Update(_) | Action::Tick | Action::Resize(..) | Action::Quit | Action::Mouse(_)
        ) {
            self.pending_place = None;
            self.notice = None;
        }
        match action {
            Action::Quit => self.remember_place_and_quit(),
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::Update(update) => self.apply_update(update),
            Action::Tick => self.tick(),
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help),
            Action::ToggleMessages => self.toggle_overlay(Overlay::Messages),
            Action::ToggleLegend => self.toggle_overlay(Overlay::Legend),
            Action::ToggleKind(kind) => self.shown.toggle(kind),
            Action::CycleColors => self.colors = self.colors.next(),
            Action::Mouse(mouse) if self.story.is_some() || self.figures.is_some() => {
                self.wheel(mouse);
            }
            Action::Mouse(_)
                if self.picker.is_some()
                    || self.mentions.is_some()
                    || self.entity_list.is_some() => {}
            Action::Mouse(mouse) => self.mouse(mouse),
            _ if self.overlay.is_some() => self.overlay_action(&action),
            _ if self.picker.is_some() => self.picker_action(&action),
            _ if self.mentions.is_some() => self.mentions_action(&action),
            _ if self.figures.is_some() => self.figures_action(&action),
            _ if self.story.is_some() => self.story_action(&action),
            _ if self.entity_list.is_some() => self.entity_list_action(&action),
            Action::OpenEntities => self.open_entities(),
            Action::OpenFigures => self.open_figures(),
            Action::OpenStory => self.open_story(),
            _ if self.editing.is_some() => self.editing_action(&action),
            _ if self.focus == Focus::Outline => self.outline_action(&action),
            Action::Move(step) => self.move_by(step),
            Action::PageDown => self.move_by(self.page(1)),
            Action::PageUp => self.move_by(self.page(-1)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => {
                let height = self.reader_height();
                match (self.focus, &mut self.reader) {
                    (Focus::Reader, Some(view)) => view.scroll_to_end(height),
                    _ => self.move_by(isize::MAX / 2),
                }
            }
            Action::Open | Action::FocusReader => {
                if self.reader.is_some() {
                    self.focus = Focus::Reader;
                }
            }
            Action::FocusList => self.focus = Focus::List,
            Action::ToggleFocus => self.toggle_focus(),
            Action::NextArticle(step) => self.move_selection(step),
            Action::ToggleGroups => self.toggle_groups(false),
            Action::ToggleStories => self.toggle_groups(true),
            Action::NextSource(step) => self.next_source(step),
            Action::PickSource => self.open_picker(),
            Action::Search => self.start_search(),
            Action::NextMatch(step) => self.next_match(step),
            Action::Back => self.back(),
            Action::MoveCursor(step) => self.move_cursor(step),
            Action::OpenMentions => self.open_mentions(),
            Action::History(step) => self.go_history(step),
            Action::ToggleOutline => self.toggle_outline(),
            Action::ToggleRead => self.toggle_state(ReadState::toggle_read),
            Action::Reload => self.reload(),
            Action::FullArticle => self.toggle_full_article(),
            Action::NextUnread(step) => self.next_unread(step),
            Action::OpenInBrowser => self.open_in_browser(),
            Action::CopyLink => self.copy_link(),
            Action::Pipe => self.start_pipe(),
            Action::ToggleStar => self.toggle_state(ReadState::toggle_star),
            Action::CycleSort
            | Action::Insert(_)
            | Action::DeleteBack
            | Action::DeleteWord
            | Action::ClearInput
            | Action::Submit
            | Action::FilterBySource
            | Action::ToggleSelectedKind => {}
        }
        self.sync_reader();
        self.mark_open_read();
        self.sync_outline();
        self.keep_selection_visible();
        self.fit_windows();
    }

    /// An idle moment: lay out and highlight more of a long article, and
    /// search on for what is typed in the figures view.
    fn tick(&mut self) {
        let height = self.reader_height();
        if let Some(view) = &mut self.reader {
            view.work(height);
        }
        if let Some(pane) = &mut self.figures {
            pane.work(&self.articles);
        }
    }

    /// Open the source picker on the selected article's source.
    fn open_picker(&mut self) {
        self.editing = None;
        let current = self.source_at(self.selected);
        let mut picker = SourcePicker::new(&self.sources, current);
        picker.keep_visible(ui::picker::rows(self.size, self.sources.len()));
        self.picker = Some(picker);
    }

    /// Ask for the command to pipe the selected article to.
    fn start_pipe(&mut self) {
        if self.visible(self.selected).is_some() {
            self.pipe_input.clear();
            self.editing = Some(Editing::Pipe);
        }
    }

    /// Keep the figures pane and the story view fitted to the screen (the
    /// figures on screen read, the story laid out for its width), and the
    /// entity index's profile on the highlighted entity.
    fn fit_windows(&mut self) {
        if let Some(pane) = &mut self.figures {
            let rows = ui::figures::rows(self.size);
            pane.keep_visible(rows);
            pane.prepare(&self.articles, rows);
        }
        if let Some(view) = &mut self.story {
            let (width, height) = ui::story::text_size(self.size);
            view.layout(width);
            view.scroll_by(0, height);
        }
        if let Some(list) = &mut self.entity_list {
            list.profile_current(&entities::read(&self.entities));
        }
    }

    /// What the loader and the workers report.
    fn apply_update(&mut self, update: Update) {
        match update {
            Update::Loaded(batch) => self.add_articles(batch),
            Update::LoadIssue(issue) => self.issues.push(issue),
            Update::LoadProgress(files) => self.loading.files = files,
            Update::Fetching { done, total } => self.loading.fetched = Some((done, total)),
            Update::LoadFinished => self.load_finished(),
            Update::FullText { index, result } => self.full_text_arrived(index, result),
            Update::Notice(text) => self.notice = Some(text),
            Update::Problem(text) => {
                self.notice = Some(format!("{text} (m: messages)"));
                self.notes.push(text);
            }
            Update::Filtered {
                generation,
                hits,
                searched,
            } => {
                self.apply_hits(generation, hits, searched);
            }
            Update::StoriesGrouped(table) => {
                self.stories = Some(table);
                if self.by_story {
                    self.regroup_in_place();
                }
            }
            Update::EntitiesIndexed(covered) => {
                self.entities_indexed = covered;
                self.grow_figures();
                if let Searcher::Worker { filter, .. } = &self.searcher
                    && self.query.needs_entities()
                {
                    filter.entities_grew();
                }
            }
        }
    }

    /// Read the state at start: articles loaded from now on show as read or
    /// starred, and the last place in `corpus` is gone back to when its
    /// article arrives (unless the user moves first).
    pub fn start_from(&mut self, state: ReadState, corpus: String) {
        self.pending_place = state.place(&corpus).cloned();
        self.read_state = state;
        self.corpus = Some(corpus);
    }

    /// Note the article open and its scroll in the state, for next time.
    fn remember_place_and_quit(&mut self) {
        self.quit = true;
        let (Some(corpus), Some(view)) = (&self.corpus, &self.reader) else {
            return;
        };
        let Some(article) = self.article_key(view.index) else {
            return;
        };
        let place = remembered::Place {
            article,
            scroll: view.scroll,
        };
        if self.read_state.place(corpus) != Some(&place) {
            self.read_state.set_place(&corpus.clone(), place);
            self.state_changes += 1;
        }
    }

    /// Select the remembered article if it is among those from `first_new`
    /// on, and scroll the reader to where it was.
    fn restore_place(&mut self, first_new: usize) {
        let Some(place) = &self.pending_place else {
            return;
        };
        let Some(found) = (first_new..self.articles.len())
            .find(|&i| self.article_key(i).as_ref() == Some(&place.article))
        else {
            return;
        };
        let scroll = place.scroll;
        self.pending_place = None;
        let position = match &self.hits {
            None => Some(found),
            Some(hits) => hits.iter().position(|h| h.index == found),
        };
        let Some(position) = position else { return };
        self.selected = position;
        self.sync_reader();
        let height = self.reader_height();
        if let Some(view) = &mut self.reader {
            view.scroll_to(scroll, height);
        }
    }

    /// The identity the article at load-order `index` is remembered by.
    pub fn article_key(&self, index: usize) -> Option<ArticleKey> {
        self.articles.get(index).map(|a| ArticleKey::of(a))
    }

    /// Whether the article at load-order `index` has been read.
    pub fn is_read(&self, index: usize) -> bool {
        self.article_key(index)
            .is_some_and(|k| self.read_state.is_read(&k))
    }

    /// Whether the article at load-order `index` is starred.
    pub fn is_starred(&self, index: usize) -> bool {
        self.article_key(index)
            .is_some_and(|k| self.read_state.is_starred(&k))
    }

    /// Flip the read or starred state of the selected article.
    fn toggle_state(&mut self, toggle: fn(&mut ReadState, &ArticleKey) -> bool) {
        let Some(key) = self
            .visible(self.selected)
            .map(|(_, article, _)| ArticleKey::of(article))
        else {
            return;
        };
        let was_read = self.read_state.is_read(&key);
        toggle(&mut self.read_state, &key);
        self.state_changes += 1;
        if let Some((index, _, _)) = self.visible(self.selected) {
            self.state_changed(index, &key, was_read);
        }
    }

    /// The state of `key`, the article at `index`'s, changed: every article
    /// with that key (the same link in two feeds) is counted again and its
    /// marks sent to the search.
    fn state_changed(&mut self, index: usize, key: &ArticleKey, was_read: bool) {
        let hash = self.key_hashes.get(index).copied();
        let same: Vec<usize> = self
            .key_hashes
            .iter()
            .enumerate()
            .filter(|&(j, &h)| {
                j == index || (Some(h) == hash && self.article_key(j).as_ref() == Some(key))
            })
            .map(|(j, _)| j)
            .collect();
        for j in same {
            self.count_unread(j, was_read);
            self.send_marks(j, true);
        }
    }

    /// The article at `index` was read (`was_read`) before a change: keep
    /// its source's unread count.
    fn count_unread(&mut self, index: usize, was_read: bool) {
        let now_read = self.is_read(index);
        let Some(count) = self
            .sources
            .of_article(index)
            .and_then(|s| self.unread.get_mut(s))
        else {
            return;
        };
        match (was_read, now_read) {
            (true, false) => *count += 1,
            (false, true) => *count = count.saturating_sub(1),
            _ => {}
        }
    }

    /// The unread articles of `source`.
    pub fn unread_of(&self, source: usize) -> usize {
        self.unread.get(source).copied().unwrap_or(0)
    }

    /// `O`: open the selected article's link in the browser (the run loop
    /// starts it); without a link, say so.
    fn open_in_browser(&mut self) {
        let Some((_, article, _)) = self.visible(self.selected) else {
            return;
        };
        match article
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(url) => {
                let url = url.to_owned();
                self.notice = Some(format!("Opening {url}"));
                self.effects.push(Effect::OpenUrl(url));
            }
            None => self.notice = Some("This article has no link to open.".to_owned()),
        }
    }

    /// `y`: copy the selected article's link, or its title and path.
    fn copy_link(&mut self) {
        let Some((_, article, _)) = self.visible(self.selected) else {
            return;
        };
        let what = if article.url.as_deref().is_some_and(|u| !u.trim().is_empty()) {
            "the link"
        } else {
            "the title and path (no link)"
        };
        let text = external::clip_text(article);
        self.notice = Some(format!("Copied {what}: {text}"));
        self.effects.push(Effect::Copy(text));
    }

    /// Enter at the pipe prompt: the selected article's text to the command
    /// typed, or to `$PAGER` when nothing was.
    fn pipe_article(&mut self) {
        let Some((index, article, _)) = self.visible(self.selected) else {
            return;
        };
        // The full article when the reader shows it (`f`).
        let article = match self.full_texts.get(&index) {
            Some(network::FullText::Ready(full)) if self.full_shown == Some(index) => full,
            _ => article,
        };
        let text = external::article_text(article);
        let command = self.pipe_input.trim();
        let command = (!command.is_empty()).then(|| command.to_owned());
        self.effects.push(Effect::Pipe { text, command });
    }

    /// `.` and `,`: select the next (or previous) unread article in the
    /// list's order, going round at the end; the reader, when it has the
    /// keyboard, opens it (and so marks it read).
    fn next_unread(&mut self, step: isize) {
        let rows = self.list_len();
        let start = self.selected_row();
        let found = (1..=rows)
            .map(|k| {
                if step < 0 {
                    (start + rows - k % rows) % rows
                } else {
                    (start + k) % rows
                }
            })
            .find_map(|row| match self.list_row(row) {
                Some(ListRow::Article(p)) => self
                    .visible(p)
                    .filter(|&(index, _, _)| !self.is_read(index))
                    .map(|_| p),
                _ => None,
            });
        match found {
            Some(position) => {
                if position != self.selected
                    && let Some(here) = self.here()
                {
                    self.history.leave(here);
                }
                self.selected = position;
                self.reveal_jump();
            }
            None => {
                self.notice = Some(if self.query.is_empty() {
                    "No unread articles.".to_owned()
                } else {
                    "No unread articles in the filtered list.".to_owned()
                });
            }
        }
    }

    /// Tell the search what is remembered of the article at `index`
    /// (`always`: even when it is neither read nor starred).
    fn send_marks(&mut self, index: usize, always: bool) {
        let marks = Marks {
            read: self.is_read(index),
            starred: self.is_starred(index),
        };
        if !always && marks == Marks::default() {
            return;
        }
        self.set_marks(index, marks);
    }

    /// Tell the search the marks of the article at `index`.
    fn set_marks(&mut self, index: usize, marks: Marks) {
        match &mut self.searcher {
            Searcher::Inline(search) => search.set_marks(index, marks),
            Searcher::Worker { filter, .. } => filter.mark(index, marks),
        }
    }

    /// An article opened in the reader (the reader or its outline has the
    /// keyboard) is read: marked once each time it is opened.
    fn mark_open_read(&mut self) {
        let open = match (&self.reader, self.focus) {
            (Some(view), Focus::Reader | Focus::Outline) => Some(view.index),
            _ => None,
        };
        if open == self.marked_open {
            return;
        }
        self.marked_open = open;
        if let Some(index) = open
            && let Some(key) = self.article_key(index)
            && !self.read_state.is_read(&key)
        {
            self.read_state.set_read(&key, true);
            self.state_changes += 1;
            self.state_changed(index, &key, false);
        }
    }

    fn add_articles(&mut self, mut batch: Vec<Arc<Article>>) {
        if let Some(known) = &mut self.reloading.known {
            // a reload adds only what is new
            batch.retain(|a| known.insert(a.id));
            if self.reloading.running {
                self.reloading.added += batch.len();
            }
        }
        if batch.is_empty() {
            return;
        }
        self.sources.add(&batch);
        let first_new = self.articles.len();
        self.unread.resize(self.sources.len(), 0);
        match &mut self.searcher {
            Searcher::Inline(index) => {
                index.add(&batch);
                let mut entities = entities::write(&self.entities);
                entities.add(&batch);
                self.entities_indexed = entities.len();
            }
            Searcher::Worker { filter, entities } => {
                filter.add(batch.clone());
                entities.add(batch.clone());
            }
        }
        self.articles.extend(batch);
        // Indexed here when there is no worker: the open figures view
        // takes them now.
        self.grow_figures();
        // Each new article's source counts it unless the state has it read;
        // what the state remembers of it goes to the search. (Its key is
        // made once, and not at all while the state is empty.)
        let remembered = self.read_state.read_count() + self.read_state.starred_count() > 0;
        self.key_hashes.extend(
            self.articles[first_new..]
                .iter()
                .map(|a| ArticleKey::hash_of(a)),
        );
        for index in first_new..self.articles.len() {
            let marks = if remembered {
                let key = ArticleKey::of(&self.articles[index]);
                Marks {
                    read: self.read_state.is_read(&key),
                    starred: self.read_state.is_starred(&key),
                }
            } else {
                Marks::default()
            };
            if !marks.read
                && let Some(source) = self.sources.of_article(index)
            {
                self.unread[source] += 1;
            }
            if marks != Marks::default() {
                self.set_marks(index, marks);
            }
        }
        if self.pending_place.is_some() {
            self.restore_place(first_new);
        }
        if let (false, Searcher::Inline(index)) = (self.query.is_empty(), &self.searcher) {
            self.hits = Some(self.search_inline(index));
            self.hits_searched = self.articles.len();
        }
        self.articles_added(first_new);
    }

    /// Articles from `first_new` on have just been added: group them, and
    /// list their sources in the picker.
    fn articles_added(&mut self, first_new: usize) {
        if self.hits.is_some() {
            // Searched again on this thread: the list changed as a whole. (A
            // filter worker's answer regroups when it comes.)
            if matches!(self.searcher, Searcher::Inline(_)) {
                self.regroup();
            }
        } else if let Some(groups) = &mut self.groups {
            // Unfiltered, the new articles go at the end of the list.
            let (sources, stories) = (&self.sources, self.stories.as_deref());
            let by_story = self.by_story;
            groups.extend((first_new..self.articles.len()).map(|i| {
                (
                    group_key(sources, stories, by_story, i),
                    self.articles[i].date,
                )
            }));
            if by_story {
                groups.newest_first();
            }
        }
        if let Some(picker) = &mut self.picker {
            picker.refresh(&self.sources);
        }
    }

    /// Group the list again after it changed as a whole (new hits, filter
    /// cleared, grouping switched on).
    fn regroup(&mut self) {
        if self.groups.is_none() {
            return;
        }
        let rows: Vec<_> = (0..self.visible_len())
            .filter_map(|p| {
                let (index, article, _) = self.visible(p)?;
                let key = group_key(&self.sources, self.stories.as_deref(), self.by_story, index);
                Some((key, article.date))
            })
            .collect();
        let mut groups = Groups::build(rows);
        // Stories newest first; under a filter the best match's group
        // stays first.
        if self.by_story && self.hits.is_none() {
            groups.newest_first();
        }
        self.groups = Some(groups);
    }

    /// Regroup, keeping the selected article as far down the screen.
    fn regroup_in_place(&mut self) {
        let on_screen = self.selected_row().saturating_sub(self.list_offset);
        self.regroup();
        self.list_offset = self.selected_row().saturating_sub(on_screen);
    }

    /// `s` (`stories` false) and `t`: group the list by source or by story;
    /// the same key again shows the flat list, the other key switches.
    fn toggle_groups(&mut self, stories: bool) {
        // The selected article stays selected, and as far down the screen.
        let on_screen = self.selected_row().saturating_sub(self.list_offset);
        if self.groups.is_some() && self.by_story == stories {
            self.groups = None;
        } else {
            self.by_story = stories;
            self.groups = Some(Groups::default());
            self.regroup();
        }
        self.list_offset = self.selected_row().saturating_sub(on_screen);
    }

    /// After a jump to the first article of a source: when it is off
    /// screen, scroll so that it (and its header) is at the top.
    fn reveal_jump(&mut self) {
        let row = self.selected_row();
        if row < self.list_offset || row >= self.list_offset + self.list_height() {
            let header = usize::from(self.groups.is_some());
            self.list_offset = row.saturating_sub(header);
        }
    }

    /// `}` and `{`: the first article of the next or previous source. Grouped,
    /// that is the next or previous group (or the first's start); flat, the
    /// next article whose source differs, or the start of the run of
    /// articles before the current one's (or the first run's start).
    fn next_source(&mut self, step: isize) {
        if let Some(groups) = &self.groups {
            let Some(group) = groups.group_of(self.selected) else {
                return;
            };
            let target = group
                .saturating_add_signed(step.signum())
                .min(groups.groups().len().saturating_sub(1));
            if let Some(&first) = groups.group(target).and_then(|g| g.members.first()) {
                self.selected = first;
                self.reveal_jump();
            }
            return;
        }
        let Some(current) = self.source_at(self.selected) else {
            return;
        };
        if step >= 0 {
            if let Some(p) = (self.selected + 1..self.visible_len())
                .find(|&p| self.source_at(p) != Some(current))
            {
                self.selected = p;
            }
        } else {
            // The start of the run before this one's; in the first run, its
            // start.
            let start_of_run = |end: usize, source: Option<usize>| {
                (0..end)
                    .rev()
                    .find(|&p| self.source_at(p) != source)
                    .map_or(0, |p| p + 1)
            };
            self.selected = match (0..self.selected)
                .rev()
                .find(|&p| self.source_at(p) != Some(current))
            {
                Some(end) => start_of_run(end, self.source_at(end)),
                None => 0,
            };
        }
        self.reveal_jump();
    }

    /// The first article of `source` in the list as shown, if it has one.
    fn first_of_source(&self, source: usize) -> Option<usize> {
        match &self.groups {
            Some(groups) if !self.by_story => groups
                .group_of_source(source)
                .and_then(|g| groups.group(g))
                .and_then(|g| g.members.first().copied()),
            _ => (0..self.visible_len()).find(|&p| self.source_at(p) == Some(source)),
        }
    }

    fn picker_action(&mut self, action: &Action) {
        let page = self.picker_page();
        let Some(picker) = &mut self.picker else {
            return;
        };
        match *action {
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => {
                edit_line(&mut picker.input, action);
            }
            Action::Move(step) => picker.move_by(step),
            Action::PageDown => picker.move_by(page),
            Action::PageUp => picker.move_by(-page),
            Action::Back => {
                self.picker = None;
                return;
            }
            Action::Submit => {
                let source = picker.current();
                self.picker = None;
                if let Some(source) = source {
                    self.jump_to_source(source);
                }
                return;
            }
            Action::FilterBySource => {
                let name = picker
                    .current()
                    .and_then(|s| self.sources.get(s))
                    .map(|info| info.name.clone());
                self.picker = None;
                if let Some(name) = name {
                    self.filter_input = picker::source_query(&name);
                    self.filter_changed();
                    self.focus = Focus::List;
                }
                return;
            }
            _ => return,
        }
        if matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput
        ) {
            picker.refresh(&self.sources);
        }
        let height = ui::picker::rows(self.size, self.sources.len());
        picker.keep_visible(height);
    }

    fn picker_page(&self) -> isize {
        let rows = ui::picker::rows(self.size, self.sources.len());
        isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Select the first article of `source`; when the filter hides all of
    /// them, clear the filter first.
    fn jump_to_source(&mut self, source: usize) {
        if self.first_of_source(source).is_none() && !self.filter_input.is_empty() {
            self.filter_input.clear();
            self.filter_changed();
        }
        if let Some(first) = self.first_of_source(source) {
            self.selected = first;
            self.reveal_jump();
        }
    }

    /// Run the query on the calling thread (tests and scripts).
    fn search_inline(&self, index: &SearchIndex) -> Vec<Hit> {
        let lookups = if self.query.needs_entities() {
            self.query.lookup(&entities::read(&self.entities))
        } else {
            Lookups::default()
        };
        index.search_with(&self.query, &lookups)
    }

    fn apply_hits(&mut self, generation: u64, hits: Vec<Hit>, searched: usize) {
        if generation != self.generation || self.query.is_empty() {
            return;
        }
        let first_answer = self.hits_generation != generation;
        self.hits = Some(hits);
        self.hits_generation = generation;
        self.hits_searched = searched;
        self.hits_query.clone_from(&self.query);
        if first_answer {
            self.selected = 0;
            self.list_offset = 0;
        }
        self.selected = self.selected.min(self.visible_len().saturating_sub(1));
        self.regroup();
    }

    /// The filter bar's text changed: run the new query.
    fn filter_changed(&mut self) {
        let query = FilterQuery::parse(&self.filter_input);
        if query == self.query {
            return;
        }
        self.generation += 1;
        self.query = query;
        if let Some(view) = &mut self.reader {
            view.set_query(&self.query);
        }
        if self.query.is_empty() {
            // The article selected under the filter stays selected.
            let article = match &self.hits {
                Some(hits) => hits.get(self.selected).map(|h| h.index),
                None => Some(self.selected),
            };
            self.hits = None;
            self.regroup();
            self.hits_generation = self.generation;
            self.hits_query = FilterQuery::default();
            self.selected = article.filter(|&a| a < self.articles.len()).unwrap_or(0);
            self.list_offset = 0;
            if let Searcher::Worker { filter, .. } = &self.searcher {
                filter.query(self.generation, self.query.clone());
            }
            return;
        }
        match &self.searcher {
            Searcher::Inline(index) => {
                let hits = self.search_inline(index);
                self.apply_hits(self.generation, hits, self.articles.len());
            }
            Searcher::Worker { filter, .. } => filter.query(self.generation, self.query.clone()),
        }
    }

    fn toggle_overlay(&mut self, overlay: Overlay) {
        self.editing = None;
        self.overlay = if self.overlay == Some(overlay) {
            None
        } else {
            Some(overlay)
        };
        self.overlay_scroll = 0;
    }

    fn overlay_action(&mut self, action: &Action) {
        if self.overlay == Some(Overlay::Legend) {
            let kinds = crate::highlight::EntityKind::ALL;
            let last = kinds.len() - 1;
            match *action {
                Action::Move(step) => {
                    self.legend_cursor = self.legend_cursor.saturating_add_signed(step).min(last);
                }
                Action::Top => self.legend_cursor = 0,
                Action::Bottom => self.legend_cursor = last,
                Action::ToggleSelectedKind => {
                    if let Some(&kind) = kinds.get(self.legend_cursor) {
                        self.shown.toggle(kind);
                    }
                }
                Action::Back => self.overlay = None,
                _ => {}
            }
            return;
        }
        match *action {
            Action::Move(step) => {
                self.overlay_scroll = self.overlay_scroll.saturating_add_signed(step);
            }
            Action::PageDown => {
                self.overlay_scroll = self
                    .overlay_scroll
                    .saturating_add(usize::from(self.size.height / 2));
            }
            Action::PageUp => {
                self.overlay_scroll = self
                    .overlay_scroll
                    .saturating_sub(usize::from(self.size.height / 2));
            }
            Action::Top => self.overlay_scroll = 0,
            Action::Bottom => self.overlay_scroll = usize::MAX,
            Action::Back => self.overlay = None,
            _ => {}
        }
        // Past the end, the next move up is seen at once.
        let screen = Rect::new(0, 0, self.size.width, self.size.height);
        let max = match self.overlay {
            Some(Overlay::Help) => ui::help::max_scroll(&self.keys, screen),
            Some(Overlay::Messages) => ui::messages::max_scroll(self, screen),
            _ => usize::MAX,
        };
        self.overlay_scroll = self.overlay_scroll.min(max);
    }

    fn editing_action(&mut self, action: &Action) {
        let Some(field) = self.editing else { return };
        match *action {
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => {
                edit_line(self.input_mut(field), action);
            }
            Action::Submit if field == Editing::Pipe => {
                self.editing = None;
                self.pipe_article();
                return;
            }
            Action::Submit => {
                self.editing = None;
                if field == Editing::Filter && self.reader.is_some() {
                    self.focus = Focus::Reader;
                }
            }
            Action::Back => {
                self.input_mut(field).clear();
                self.editing = None;
            }
            Action::ToggleFocus => {
                self.editing = None;
                if field == Editing::Find {
                    self.focus = Focus::Reader;
                }
            }
            Action::Move(step) if field == Editing::Filter => self.move_selection(step),
            Action::PageDown if field == Editing::Filter => {
                self.move_selection(self.page(1));
            }
            Action::PageUp if field == Editing::Filter => self.move_selection(self.page(-1)),
            _ => return,
        }
        match field {
            Editing::Filter => self.filter_changed(),
            Editing::Pipe => {}
            Editing::Find => {
                let height = self.reader_height();
                let needle = self.find_input.clone();
                if let Some(view) = &mut self.reader {
                    if needle.is_empty() {
                        view.clear_find();
                    } else if view.find.needle != needle {
                        view.find(&needle, height);
                    }
                }
            }
        }
    }

    fn input_mut(&mut self, field: Editing) -> &mut String {
        match field {
            Editing::Filter => &mut self.filter_input,
            Editing::Find => &mut self.find_input,
            Editing::Pipe => &mut self.pipe_input,
        }
    }

    fn start_search(&mut self) {
        match self.focus {
            Focus::List => self.editing = Some(Editing::Filter),
            Focus::Reader | Focus::Outline => {
                self.find_input.clear();
                self.editing = Some(Editing::Find);
            }
        }
    }

    /// Esc: clear the find, then the filter; from the reader, back to the list.
    fn back(&mut self) {
        if let Some(view) = self.reader.as_mut().filter(|v| !v.find.needle.is_empty()) {
            view.clear_find();
            self.find_input.clear();
            return;
        }
        if self.focus == Focus::Reader {
            self.focus = Focus::List;
        } else if !self.filter_input.is_empty() {
            self.filter_input.clear();
            self.filter_changed();
        }
    }

    /// `]` and `[`: the reader's cursor to the next or previous name or
    /// number of a kind shown (from the list, the reader takes the keys).
    fn move_cursor(&mut self, step: isize) {
        if self.reader.is_none() {
            return;
        }
        self.focus = Focus::Reader;
        let height = self.reader_height();
        let shown = self.shown;
        if let Some(view) = &mut self.reader {
            view.move_cursor(step, height, |kind| shown.contains(kind));
        }
    }

    /// Enter in the reader: open the mentions of the name under the cursor
    /// (with no cursor, the cursor goes to the first name on screen).
    fn open_mentions(&mut self) {
        if self.reader.as_ref().is_some_and(|v| v.cursor.is_none()) {
            self.move_cursor(1);
            return;
        }
        let Some(view) = &self.reader else { return };
        let Some(span) = view.cursor_span() else {
            return;
        };
        if span.kind == crate::highlight::EntityKind::Number {
            self.open_figure_mentions(span.start..span.end);
            return;
        }
        if !entities::is_name_kind(span.kind) {
            return;
        }
        let article = view.index;
        let text = view.body.get(span.start..span.end).unwrap_or("");
        let within = self.filtered_set();
        let index = entities::read(&self.entities);
        // The index knows the mention once the entity worker has reached
        // the article; before that, the name is looked up as typed.
        let Some(id) = index
            .entity_at(article, span.start)
            .or_else(|| index.resolve(text, &[span.kind]).first().copied())
        else {
            return;
        };
        let groups = index.mentions(id, within.as_ref());
        let (name, kind) = (index.name(id).to_string(), index.kind(id));
        drop(index);
        let mut pane = MentionsPane::new(id, name, kind, groups, within.is_some(), &self.articles);
        pane.select(article, span.start);
        pane.keep_visible(ui::mentions::rows(self.size));
        self.editing = None;
        self.mentions = Some(pane);
    }

    /// Enter on a figure: its mentions by value (`3,800` also finds
    /// `3800`), in at most [`FIGURE_ARTICLES`] articles.
    fn open_figure_mentions(&mut self, range: Range<usize>) {
        let Some(view) = &self.reader else { return };
        let (article, start) = (view.index, range.start);
        let text = view.body.get(range).unwrap_or("").to_string();
        let [value] = entities::values::values_of(&text)[..] else {
            return;
        };
        let within = self.filtered_set();
        let index = entities::read(&self.entities);
        let (groups, partial) = index.figure_mentions(value, within.as_ref(), FIGURE_ARTICLES);
        drop(index);
        let mut pane = MentionsPane::new(
            entities::EntityId::default(),
            text,
            crate::highlight::EntityKind::Number,
            groups,
            within.is_some(),
            &self.articles,
        );
        pane.partial = partial;
        pane.select(article, start);
        pane.keep_visible(ui::mentions::rows(self.size));
        self.editing = None;
        self.mentions = Some(pane);
    }

    fn mentions_action(&mut self, action: &Action) {
        let step =
            isize::try_from(ui::mentions::rows(self.size).saturating_sub(1).max(1)).unwrap_or(1);
        let Some(pane) = &mut self.mentions else {
            return;
        };
        match *action {
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => {
                edit_line(&mut pane.input, action);
            }
            Action::Move(step) => pane.move_by(step),
            Action::PageDown => pane.move_by(step),
            Action::PageUp => pane.move_by(-step),
            Action::Back => {
                self.mentions = None;
                return;
            }
            Action::Submit => {
                let target = pane.current().map(|m| (m.article, m.range.clone()));
                self.mentions = None;
                if let Some((article, range)) = target {
                    self.jump(article, range);
                }
                return;
            }
            _ => return,
        }
        if matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput
        ) {
            pane.refresh(&self.articles);
        }
        pane.keep_visible(ui::mentions::rows(self.size));
    }

    /// `o`: open the outline and give it the keys; from the outline, close it.
    fn toggle_outline(&mut self) {
        if self.reader.is_none() {
            return;
        }
        if self.focus == Focus::Outline {
            self.outline = None;
            self.focus = Focus::Reader;
            return;
        }
        self.focus = Focus::Outline;
        self.editing = None;
        if self.outline.is_none() {
            self.build_outline();
        }
    }

    /// Outline the article in the reader.
    fn build_outline(&mut self) {
        let Some(view) = &mut self.reader else {
            self.outline = None;
            return;
        };
        let whole = view.highlight_through(outline::OUTLINE_BYTES);
        let entries = entities::outline(&view.body, &view.spans);
        self.outline = Some(OutlineView::new(view.index, entries, !whole));
        let height = self.outline_height();
        if let Some(outline) = &mut self.outline {
            outline.keep_visible(height);
        }
    }

    /// Keep the outline on the article in the reader.
    fn sync_outline(&mut self) {
        let stale = match (&self.outline, &self.reader) {
            (Some(o), Some(v)) => o.article != v.index,
            (Some(_), None) => true,
            _ => false,
        };
        if stale {
            self.build_outline();
        }
        if self.outline.is_none() && self.focus == Focus::Outline {
            self.focus = if self.reader.is_some() {
                Focus::Reader
            } else {
                Focus::List
            };
        }
    }

    pub fn outline_height(&self) -> usize {
        self.areas()
            .outline
            .map_or(1, |r| usize::from(ui::outline::inner(r).height).max(1))
    }

    fn outline_action(&mut self, action: &Action) {
        let height = self.outline_height();
        let page = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1);
        let Some(outline) = &mut self.outline else {
            return;
        };
        match *action {
            Action::Move(step) => outline.move_by(step),
            Action::PageDown => outline.move_by(page),
            Action::PageUp => outline.move_by(-page),
            Action::Top => outline.move_by(isize::MIN / 2),
            Action::Bottom => outline.move_by(isize::MAX / 2),
            Action::Submit => {
                self.pick_outline_entry();
                return;
            }
            Action::Back | Action::ToggleOutline => {
                self.outline = None;
                self.focus = Focus::Reader;
                return;
            }
            Action::FocusReader | Action::ToggleFocus => {
                self.focus = Focus::Reader;
                return;
            }
            Action::FocusList => {
                self.focus = Focus::List;
                return;
            }
            Action::NextMatch(step) => {
                self.next_match(step);
                return;
            }
            Action::History(step) => {
                self.go_history(step);
                return;
            }
            _ => return,
        }
        outline.keep_visible(height);
    }

    /// Enter in the outline: the reader goes to the entry's first mention,
    /// and `n` `N` step through its mentions.
    fn pick_outline_entry(&mut self) {
        let Some(entry) = self
            .outline
            .as_ref()
            .and_then(OutlineView::current)
            .cloned()
        else {
            return;
        };
        let Some(first) = entry.mentions.first().cloned() else {
            return;
        };
        if let Some(here) = self.here() {
            self.history.leave(here);
        }
        self.focus = Focus::Reader;
        let height = self.reader_height();
        let Some(view) = &mut self.reader else { return };
        self.find_input.clear();
        view.find = reader::Find::of_mentions(entry.label, entry.mentions, view.body.len());
        view.show_cursor(first, height);
    }

    /// `n` `N`: the next find match, or the next mention of the outline's
    /// entry (whichever was asked for last), the cursor following a mention.
    fn next_match(&mut self, step: isize) {
        let height = self.reader_height();
        if let Some(view) = &mut self.reader {
            view.step_find(step, height);
            if view.find.outline {
                view.cursor = view
                    .find
                    .current
                    .and_then(|i| view.find.matches.get(i))
                    .cloned();
            }
        }
    }

    /// The filtered articles, when a filter is on.
    fn filtered_set(&self) -> Option<ArticleSet> {
        self.hits
            .as_ref()
            .map(|hits| ArticleSet::from_indices(hits.iter().map(|h| h.index)))
    }

    /// `e`: the entity index over the loaded (or filtered) articles.
    fn open_entities(&mut self) {
        let within = self.filtered_set();
        let index = entities::read(&self.entities);
        let mut list = EntityList::new(&index, entities::EntitySort::default(), within);
        drop(index);
        list.keep_visible(ui::entity_list::rows(self.size));
        self.editing = None;
        self.entity_list = Some(list);
    }

    fn entity_list_action(&mut self, action: &Action) {
        let rows = ui::entity_list::rows(self.size);
        let step = isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1);
        let Some(list) = &mut self.entity_list else {
            return;
        };
        match *action {
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => {
                edit_line(&mut list.input, action);
            }
            Action::Move(n) => list.move_by(n),
            Action::PageDown => list.move_by(step),
            Action::PageUp => list.move_by(-step),
            Action::CycleSort => list.cycle_sort(&entities::read(&self.entities)),
            Action::Back => {
                self.entity_list = None;
                return;
            }
            Action::Submit => {
                let term = list
                    .current()
                    .zip(list.current_name())
                    .map(|(row, name)| entity_list::entity_term(row.kind, name));
                self.entity_list = None;
                if let Some(term) = term {
                    self.add_filter_term(&term);
                }
                return;
            }
            _ => return,
        }
        if matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput
        ) {
            list.refresh();
        }
        list.keep_visible(rows);
    }

    /// `F`: every number and date of the loaded (or filtered) articles.
    fn open_figures(&mut self) {
        let within = self.filtered_set();
        let index = entities::read(&self.entities);
        let pane = FiguresPane::new(
            &index,
            &self.articles,
            within.as_ref(),
            self.stories.clone(),
        );
        drop(index);
        self.editing = None;
        self.figures = Some(pane);
    }

    /// More of the entity index has arrived: the open figures view takes
    /// the new articles' figures (under a filter, those it lets through).
    fn grow_figures(&mut self) {
        let Some(filtered) = self.figures.as_ref().map(|p| p.filtered) else {
            return;
        };
        let within = if filtered { self.filtered_set() } else { None };
        let index = entities::read(&self.entities);
        if let Some(pane) = &mut self.figures {
            pane.grow(&index, &self.articles, within.as_ref());
        }
    }

    fn figures_action(&mut self, action: &Action) {
        let rows = ui::figures::rows(self.size);
        let step = isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1);
        let Some(pane) = &mut self.figures else {
            return;
        };
        match *action {
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => {
                edit_line(&mut pane.input, action);
            }
            Action::Move(n) => pane.move_by(n),
            Action::PageDown => pane.move_by(step),
            Action::PageUp => pane.move_by(-step),
            Action::CycleSort => pane.cycle_sort(&self.articles),
            Action::Back => {
                self.figures = None;
                return;
            }
            Action::Submit => {
                let target = pane.target(&self.articles);
                self.figures = None;
                if let Some((article, range)) = target {
                    self.jump(article, range);
                }
                return;
            }
            _ => return,
        }
        if matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput
        ) {
            pane.refresh(&self.articles);
        }
    }

    /// The mouse wheel over the story view or the figures view: scroll it,
    /// or move the highlight, three lines at a time.
    fn wheel(&mut self, mouse: ratatui::crossterm::event::MouseEvent) {
        let step = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            _ => return,
        };
        if let Some(view) = &mut self.story {
            let (_, height) = ui::story::text_size(self.size);
            view.scroll_by(step, height);
        } else if let Some(pane) = &mut self.figures {
            pane.move_by(step);
        }
    }

    /// `T`: the story of the selected article, its articles compared.
    fn open_story(&mut self) {
        let Some(table) = self.stories.clone() else {
            return;
        };
        let Some((index, _, _)) = self.visible(self.selected) else {
            return;
        };
        let Some(n) = table.story_of(index) else {
            return;
        };
        let (width, _) = ui::story::text_size(self.size);
        self.editing = None;
        self.story = StoryView::new(&table, n, &self.articles, width);
    }

    fn story_action(&mut self, action: &Action) {
        let (_, height) = ui::story::text_size(self.size);
        let page = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1);
        let Some(view) = &mut self.story else {
            return;
        };
        match *action {
            Action::Move(step) => view.scroll_by(step, height),
            Action::PageDown => view.scroll_by(page, height),
            Action::PageUp => view.scroll_by(-page, height),
            Action::Top => view.scroll_by(isize::MIN / 2, height),
            Action::Bottom => view.scroll_by(isize::MAX / 2, height),
            Action::NextSource(step) | Action::NextArticle(step) => {
                view.next_article(step, height);
            }
            Action::Back | Action::OpenStory => self.story = None,
            Action::Open | Action::Submit => {
                let article = view.current_article();
                self.story = None;
                if let Some(article) = article {
                    self.jump(article, 0..0);
                }
            }
            _ => {}
        }
    }

    /// Add `term` to the filter bar's query (all its terms must match).
    fn add_filter_term(&mut self, term: &str) {
        let kept = self.filter_input.trim_end();
        self.filter_input = if kept.is_empty() {
            term.to_string()
        } else {
            format!("{kept} {term}")
        };
        self.filter_changed();
        self.focus = Focus::List;
    }

    /// Where the reader is: to come back to after a jump.
    fn here(&self) -> Option<Place> {
        self.reader.as_ref().map(|view| Place {
            article: view.index,
            top: view.top_offset(),
            cursor: view.cursor.clone(),
        })
    }

    /// Open the article at load position `article` with the cursor on
    /// `range`, a third down the screen, remembering where the reader was.
    fn jump(&mut self, article: usize, range: Range<usize>) {
        if let Some(here) = self.here() {
            self.history.leave(here);
        }
        if self.select_article(article) {
            let height = self.reader_height();
            if let Some(view) = &mut self.reader {
                view.show_cursor(range, height);
            }
        }
    }

    /// Back (`-1`) or forward (`1`) through the places jumped from.
    fn go_history(&mut self, step: isize) {
        let here = self.here();
        let place = if step < 0 {
            self.history.back(here)
        } else {
            self.history.forward(here)
        };
        let Some(place) = place else { return };
        if self.select_article(place.article) {
            let height = self.reader_height();
            if let Some(view) = &mut self.reader {
                view.restore_top(place.top, height);
                view.cursor = place.cursor;
            }
        }
    }

    /// Select the article at load position `article` and read it; when the
    /// filter hides it, clear the filter first. Whether it is open.
    fn select_article(&mut self, article: usize) -> bool {
        // places and ranges are of the article as loaded
        if self.full_shown == Some(article) {
            self.show_summary();
        }
        let position = |app: &Self| match &app.hits {
            None => (article < app.articles.len()).then_some(article),
            Some(hits) => hits.iter().position(|h| h.index == article),
        };
        if position(self).is_none() && !self.filter_input.is_empty() {
            self.filter_input.clear();
            self.filter_changed();
        }
        let Some(p) = position(self) else {
            return false;
        };
        self.selected = p;
        self.editing = None;
        self.focus = Focus::Reader;
        self.sync_reader();
        self.reader.as_ref().is_some_and(|v| v.index == article)
    }

    fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            Focus::List if self.reader.is_some() => Focus::Reader,
            _ => Focus::List,
        };
    }

    /// j/k and paging: the list selection or the reader's scroll, by focus.
    fn move_by(&mut self, step: isize) {
        match self.focus {
            Focus::List => self.move_selection(step),
            Focus::Reader | Focus::Outline => {
                let height = self.reader_height();
                if let Some(view) = &mut self.reader {
                    view.scroll_by(step, height);
                }
            }
        }
    }

    /// Move the selection by `step` rows as shown; grouped, headers are
    /// stepped over.
    fn move_selection(&mut self, step: isize) {
        let row = self.selected_row().saturating_add_signed(step);
        self.select_row(row, step);
    }

    /// Select the article at row `row` as shown (clamped to the list), or
    /// beside it when `row` is a header: the next article, or going up
    /// (`direction` < 0) the one above.
    fn select_row(&mut self, row: usize, direction: isize) {
        match &self.groups {
            None => self.selected = row.min(self.visible_len().saturating_sub(1)),
            Some(groups) => {
                if let Some(position) = groups.article_near(row, direction) {
                    self.selected = position;
                }
            }
        }
    }

    /// A page of the focused pane, signed.
    fn page(&self, sign: isize) -> isize {
        let height = match self.focus {
            Focus::List => self.list_height(),
            Focus::Reader | Focus::Outline => self.reader_height(),
        };
        sign * isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    pub fn areas(&self) -> ui::Areas {
        ui::areas_with(
            self.size,
            self.focus,
            self.outline.is_some(),
            self.layout.list_width,
        )
    }

    pub fn list_height(&self) -> usize {
        self.areas()
            .list
            .map_or(1, |r| usize::from(ui::list::inner(r).height).max(1))
    }

    pub fn reader_height(&self) -> usize {
        self.areas()
            .reader
            .map_or(1, |r| usize::from(ui::reader::inner(r).height).max(1))
    }

    fn reader_width(&self) -> usize {
        let area = self.areas().reader.unwrap_or(self.size);
        ui::reader::text_width(area, self.layout.wrap_width)
    }

    /// Keep the reader on the selected article, laid out for the pane.
    fn sync_reader(&mut self) {
        let Some((index, article)) = self
            .visible(self.selected)
            .map(|(index, article, _)| (index, Arc::clone(article)))
        else {
            self.reader = None;
            if self.focus == Focus::Reader {
                self.focus = Focus::List;
            }
            return;
        };
        let width = self.reader_width();
        let height = self.reader_height();
        match &mut self.reader {
            Some(view) if view.index == index => {
                view.layout(width);
                view.settle(height);
            }
            _ => {
                self.full_shown = None;
                self.find_input.clear();
                if self.editing == Some(Editing::Find) {
                    self.editing = None;
                }
                let mut view = ReaderView::new(index, article, &self.query, width);
                view.settle(height);
                if let Some(why) = &view.unreadable {
                    self.notice = Some(why.clone());
                }
                self.reader = Some(view);
                self.opened(index);
            }
        }
    }

    fn keep_selection_visible(&mut self) {
        let height = self.list_height();
        let row = self.selected_row();
        // The first article of a group brings its header into view.
        let top = match row.checked_sub(1).and_then(|r| self.list_row(r)) {
            Some(ListRow::Header(_)) if height > 1 => row - 1,
            _ => row,
        };
        if top < self.list_offset {
            self.list_offset = top;
        } else if row >= self.list_offset + height {
            self.list_offset = row + 1 - height;
        }
        self.list_offset = self.list_offset.min(self.list_len().saturating_sub(height));
    }

    fn mouse(&mut self, mouse: ratatui::crossterm::event::MouseEvent) {
        let at = Position::new(mouse.column, mouse.row);
        let areas = self.areas();
        let in_list = areas.list.is_some_and(|r| r.contains(at));
        let in_reader = areas.reader.is_some_and(|r| r.contains(at));
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let step = if mouse.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                if in_list {
                    self.move_selection(step);
                } else if in_reader {
                    let height = self.reader_height();
                    if let Some(view) = &mut self.reader {
                        view.scroll_by(step, height);
                    }
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if let (true, Some(list)) = (in_list, areas.list) {
                    self.focus = Focus::List;
                    self.editing = None;
                    let inner = ui::list::inner(list);
                    if at.y >= inner.y && at.y < inner.bottom() {
                        let row = self.list_offset + usize::from(at.y - inner.y);
                        if row < self.list_len() {
                            self.select_row(row, 1);
                        }
                    }
                } else if in_reader && self.reader.is_some() {
                    self.focus = Focus::Reader;
                    self.editing = None;
                }
            }
            _ => {}
        }
    }

    /// Run the terminal app until the user quits, in colour or not, with
    /// the config's palette (fitted to the terminal), keys and layout, and
    /// its `problems` among the messages.
    ///
    /// With a state file, the read state starts from `kept.state` and is
    /// saved on a background thread after each change (the newest state
    /// wins), and once more, on this thread, when the app stops. With a
    /// names cache folder, a corpus of files or URLs has its names read from
    /// and kept in the cache ([`entities::cache`]).
    pub fn run(
        inputs: Vec<Input>,
        fetcher: Option<Arc<Fetcher>>,
        colors: ColorMode,
        config: Config,
        problems: Vec<String>,
        kept: Kept,
        terminal: &mut DefaultTerminal,
    ) -> Result<()> {
        let (tx, rx) = mpsc::channel();
        let size = terminal.size()?;
        let shared = entities::shared();
        let filter = FilterWorker::spawn(tx.clone(), Arc::clone(&shared));
        let corpus = remembered::corpus_key(&inputs);
        // Standard input and the samples are read once: nothing to keep.
        let cacheable = inputs
            .iter()
            .all(|i| !matches!(i, Input::Stdin | Input::Samples));
        let names_cache = kept
            .names
            .filter(|_| cacheable)
            .map(|folder| (folder, corpus.clone()));
        let entities =
            EntityWorker::with_cache(Arc::clone(&shared), tx.clone(), filter.busy(), names_cache);
        let mut app = Self::with_searcher(
            Rect::new(0, 0, size.width, size.height),
            Searcher::Worker { filter, entities },
            shared,
        );
        // NO_COLOR and --color pick the theme without colour; crossterm
        // would also drop every colour it is asked to write under NO_COLOR,
        // which would leave `C` (colour on request) without effect. The
        // theme decides instead.
        app.colors = colors;
        app.palette = config.palette;
        app.keys = config.keys;
        app.layout = config.layout;
        // The config's mistakes are in the messages from the start.
        app.notes = problems;
        let (file, read_state) = match kept.state {
            Some((file, read_state)) => (Some(file), read_state),
            None => (None, ReadState::default()),
        };
        app.start_from(read_state, corpus);
        app.reloading.inputs = network::reloadable(&inputs);
        app.full_article_sources = config
            .full_article
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        app.network = fetcher.clone().map(|f| Network::new(tx.clone(), f));
        let saver = file.clone().map(event::StateSaver::spawn);
        ratatui::crossterm::style::force_color_output(true);
        let input = event::InputSwitch::default();
        event::spawn_signals(tx.clone(), &input);
        event::spawn_input(tx.clone(), &input);
        event::spawn_loader(inputs, fetcher, tx.clone());
        let outside = Outside { input, tx };
        let result = app.event_loop(&rx, saver.as_ref(), &outside, terminal);
        // The last save waits for the one in flight, then writes the newest.
        drop(saver);
        if let Some(file) = file
            && let Err(e) = file.save(&app.read_state)
        {
            crate::logfile::error(&format!("read state not saved: {e}"));
        }
        result
    }

    fn event_loop(
        &mut self,
        rx: &mpsc::Receiver<Event>,
        saver: Option<&event::StateSaver>,
        outside: &Outside,
        terminal: &mut DefaultTerminal,
    ) -> Result<()> {
        let mut changes_sent = self.state_changes;
        terminal.draw(|frame| ui::render(frame, self))?;
        loop {
            // While a long article is laid out, events come first and idle
            // moments go to the layout; otherwise wait for the next event.
            let first = if self.busy() {
                match rx.try_recv() {
                    Ok(event) => Some(event),
                    Err(mpsc::TryRecvError::Empty) => None,
                    Err(mpsc::TryRecvError::Disconnected) => return Ok(()),
                }
            } else {
                match rx.recv() {
                    Ok(event) => Some(event),
                    Err(_) => return Ok(()),
                }
            };
            match first {
                // Apply everything that is waiting, then draw once.
                Some(first) => {
                    for event in std::iter::once(first).chain(rx.try_iter()) {
                        if let Some(action) = self.action_for(event) {
                            self.update(action);
                        }
                        if self.quit {
                            return Ok(());
                        }
                    }
                }
                None => self.update(Action::Tick),
            }
            for effect in std::mem::take(&mut self.effects) {
                self.carry_out(effect, outside, terminal)?;
            }
            if let Some(saver) = saver
                && self.state_changes != changes_sent
            {
                changes_sent = self.state_changes;
                saver.save(self.read_state.clone());
            }
            terminal.draw(|frame| ui::render(frame, self))?;
        }
    }
}

/// What the run loop needs to carry out effects: the input thread's switch
/// and a way to report back.
struct Outside {
    input: event::InputSwitch,
    tx: mpsc::Sender<Event>,
}

impl App {
    /// Do what the app asked for outside itself, between frames: the
    /// terminal is the run loop's here, not mid-frame.
    fn carry_out(
        &mut self,
        effect: Effect,
        outside: &Outside,
        terminal: &mut DefaultTerminal,
    ) -> Result<()> {
        match effect {
            Effect::OpenUrl(url) => {
                let browser = std::env::var("BROWSER").ok();
                match external::open_url(browser.as_deref(), &url) {
                    Ok(Some(mut child)) => {
                        // Waited for on a thread of its own: the screen goes on.
                        let tx = outside.tx.clone();
                        std::thread::spawn(move || {
                            let failed = match child.wait() {
                                Ok(status) if status.success() => None,
                                Ok(status) => Some(format!("the browser failed ({status})")),
                                Err(e) => Some(format!("the browser: {e}")),
                            };
                            if let Some(text) = failed {
                                crate::logfile::warn(&text);
                                let _ = tx.send(Event::Update(Update::Problem(text)));
                            }
                        });
                    }
                    Ok(None) => {}
                    Err(e) => self.external_failed(&format!("could not open {url}: {e}")),
                }
            }
            Effect::Copy(text) => {
                use std::io::Write as _;
                let backend = terminal.backend_mut();
                backend.write_all(external::osc52(&text).as_bytes())?;
                backend.flush()?;
            }
            Effect::Pipe { text, command } => {
                outside.input.pause();
                suspend_terminal();
                let program = match &command {
                    Some(c) => vec!["sh".to_owned(), "-c".to_owned(), c.clone()],
                    None => external::pager_command(std::env::var("PAGER").ok().as_deref()),
                };
                let result = external::run_with_input(&program, &text);
                if command.is_some() {
                    wait_for_enter();
                }
                resume_terminal();
                // Everything is drawn again: the screen was cleared, and a
                // blank frame makes the next one differ in every cell drawn.
                // (`Terminal::clear` would ask the terminal where its
                // cursor is, and not every terminal answers.)
                terminal.draw(|_| {})?;
                // The terminal may have been resized meanwhile.
                let size = terminal.size()?;
                self.update(Action::Resize(size.width, size.height));
                outside.input.resume();
                let shown = program.join(" ");
                match result {
                    Ok(status) if status.success() => {}
                    Ok(status) => self.external_failed(&format!("{shown}: {status}")),
                    Err(e) => self.external_failed(&format!("{shown}: {e}")),
                }
            }
        }
        Ok(())
    }

    /// A program could not be started or failed: said in the status bar
    /// and logged.
    fn external_failed(&mut self, text: &str) {
        crate::logfile::warn(text);
        self.update(Update::Problem(text.to_owned()));
    }
}

/// Hand the terminal over: main screen, cooked mode, cursor, no mouse.
fn suspend_terminal() {
    use ratatui::crossterm::event::{DisableMouseCapture, PopKeyboardEnhancementFlags};
    use ratatui::crossterm::{cursor, execute, terminal};
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        PopKeyboardEnhancementFlags,
        DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Take the terminal back as the app had it.
fn resume_terminal() {
    use ratatui::crossterm::event::{
        EnableMouseCapture, KeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
    };
    use ratatui::crossterm::{cursor, execute, terminal};
    let _ = terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        terminal::Clear(terminal::ClearType::All),
        EnableMouseCapture,
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES),
        cursor::Hide
    );
}

/// After a command's output: wait for Enter before the screen comes back.
fn wait_for_enter() {
    use std::io::{BufRead as _, Write as _};
    let mut out = std::io::stdout();
    let _ = write!(out, "\n[dateline: press Enter to go back]");
    let _ = out.flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
}

/// The group of the article at load position `index`: its source, or, by
/// story, its story (an article the worker has not read yet is a group of
/// its own, numbered after every story).
fn group_key(
    sources: &SourceIndex,
    stories: Option<&StoryTable>,
    by_story: bool,
    index: usize,
) -> usize {
    if !by_story {
        return sources.of_article(index).unwrap_or(0);
    }
    let known = stories.map_or(0, |t| t.stories.len());
    stories
        .and_then(|t| t.story_of(index))
        .unwrap_or(known + index)
}

#[cfg(test)]
pub(crate) mod tests;

/// What typing does to a one-line input (the filter bar, the find prompt,
/// the pickers and panes that narrow as you type): add a character, delete
/// one, a word or all.
fn edit_line(input: &mut String, action: &Action) {
    match *action {
        Action::Insert(c) => input.push(c),
        Action::DeleteBack => {
            input.pop();
        }
        Action::DeleteWord => {
            let kept = input.trim_end().rfind(' ').map_or(0, |i| i + 1);
            input.truncate(kept);
        }
        Action::ClearInput => input.clear(),
        _ => {}
    }
}
