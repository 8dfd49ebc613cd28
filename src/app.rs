//! The app: all state, the one `update` that changes it, and the run loop.

pub mod reader;

use std::sync::Arc;
use std::sync::mpsc;

use anyhow::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::action::{Action, KeyContext, Update, keymap};
use crate::article::Article;
use crate::event::{self, Event, FilterWorker};
use crate::filter::{FilterQuery, Hit, SearchIndex};
use crate::loader::{Input, LoadIssue, Severity};
use crate::ui;
use reader::ReaderView;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// A text field being typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    Filter,
    Find,
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Messages,
}

/// How far loading has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub files: usize,
    pub done: bool,
}

/// Where filter queries are run: on a worker thread in the terminal app, or
/// right away (for tests and scripts).
enum Searcher {
    Inline(Box<SearchIndex>),
    Worker(FilterWorker),
}

pub struct App {
    pub articles: Vec<Arc<Article>>,
    pub issues: Vec<LoadIssue>,
    pub loading: Loading,
    /// What is typed in the filter bar.
    pub filter_input: String,
    pub query: FilterQuery,
    /// The query's hits; `None` while the query is empty (every article shows).
    pub hits: Option<Vec<Hit>>,
    /// The generation of the newest query, and of the one `hits` answer.
    generation: u64,
    hits_generation: u64,
    /// Selected row of the list and first row on screen.
    pub selected: usize,
    pub list_offset: usize,
    pub focus: Focus,
    pub editing: Option<Editing>,
    pub find_input: String,
    pub overlay: Option<Overlay>,
    pub overlay_scroll: usize,
    pub reader: Option<ReaderView>,
    /// The terminal's size.
    pub size: Rect,
    pub quit: bool,
    searcher: Searcher,
}

impl App {
    /// An app that filters on the calling thread: for tests and scripts.
    pub fn new(size: Rect) -> Self {
        Self::with_searcher(size, Searcher::Inline(Box::default()))
    }

    fn with_searcher(size: Rect, searcher: Searcher) -> Self {
        Self {
            articles: Vec::new(),
            issues: Vec::new(),
            loading: Loading::default(),
            filter_input: String::new(),
            query: FilterQuery::default(),
            hits: None,
            generation: 0,
            hits_generation: 0,
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            editing: None,
            find_input: String::new(),
            overlay: None,
            overlay_scroll: 0,
            reader: None,
            size,
            quit: false,
            searcher,
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
    }

    /// Whether the shown hits answer an older query than the one typed.
    pub fn filtering(&self) -> bool {
        !self.query.is_empty() && self.hits_generation != self.generation
    }

    pub fn key_context(&self) -> KeyContext {
        if self.editing.is_some() {
            KeyContext::Editing
        } else if self.overlay.is_some() {
            KeyContext::Overlay
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

    /// Turn an event into the action it stands for.
    pub fn action_for(&self, event: Event) -> Option<Action> {
        Some(match event {
            Event::Key(key) => {
                if key.kind != ratatui::crossterm::event::KeyEventKind::Press {
                    return None;
                }
                return keymap(key, self.key_context());
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
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::Update(Update::Loaded(batch)) => self.add_articles(batch),
            Action::Update(Update::LoadIssue(issue)) => self.issues.push(issue),
            Action::Update(Update::LoadProgress(files)) => self.loading.files = files,
            Action::Update(Update::LoadFinished) => self.loading.done = true,
            Action::Update(Update::Filtered { generation, hits }) => {
                self.apply_hits(generation, hits);
            }
            Action::Tick => {
                let height = self.reader_height();
                if let Some(view) = &mut self.reader {
                    view.work(height);
                }
            }
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help),
            Action::ToggleMessages => self.toggle_overlay(Overlay::Messages),
            Action::Mouse(mouse) => self.mouse(mouse),
            _ if self.overlay.is_some() => self.overlay_action(&action),
            _ if self.editing.is_some() => self.editing_action(&action),
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
            Action::NextArticle(step) => self.select(self.selected.saturating_add_signed(step)),
            Action::Search => self.start_search(),
            Action::NextMatch(step) => {
                let height = self.reader_height();
                if let Some(view) = &mut self.reader {
                    view.step_find(step, height);
                }
            }
            Action::Back => self.back(),
            Action::Insert(_)
            | Action::DeleteBack
            | Action::DeleteWord
            | Action::ClearInput
            | Action::Submit => {}
        }
        self.sync_reader();
        self.keep_selection_visible();
    }

    fn add_articles(&mut self, batch: Vec<Arc<Article>>) {
        if batch.is_empty() {
            return;
        }
        match &mut self.searcher {
            Searcher::Inline(index) => index.add(&batch),
            Searcher::Worker(worker) => worker.add(batch.clone()),
        }
        self.articles.extend(batch);
        if let (false, Searcher::Inline(index)) = (self.query.is_empty(), &self.searcher) {
            self.hits = Some(index.search(&self.query));
        }
    }

    fn apply_hits(&mut self, generation: u64, hits: Vec<Hit>) {
        if generation != self.generation || self.query.is_empty() {
            return;
        }
        let first_answer = self.hits_generation != generation;
        self.hits = Some(hits);
        self.hits_generation = generation;
        if first_answer {
            self.selected = 0;
            self.list_offset = 0;
        }
        self.selected = self.selected.min(self.visible_len().saturating_sub(1));
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
            self.hits = None;
            self.hits_generation = self.generation;
            self.selected = 0;
            self.list_offset = 0;
            if let Searcher::Worker(worker) = &self.searcher {
                worker.query(self.generation, self.query.clone());
            }
            return;
        }
        match &self.searcher {
            Searcher::Inline(index) => {
                let hits = index.search(&self.query);
                self.apply_hits(self.generation, hits);
            }
            Searcher::Worker(worker) => worker.query(self.generation, self.query.clone()),
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
            Action::Bottom => self.overlay_scroll = usize::MAX / 2,
            Action::Back => self.overlay = None,
            _ => {}
        }
    }

    fn editing_action(&mut self, action: &Action) {
        let Some(field) = self.editing else { return };
        match *action {
            Action::Insert(c) => self.input_mut(field).push(c),
            Action::DeleteBack => {
                self.input_mut(field).pop();
            }
            Action::DeleteWord => {
                let input = self.input_mut(field);
                let kept = input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                input.truncate(kept);
            }
            Action::ClearInput => self.input_mut(field).clear(),
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
        }
    }

    fn start_search(&mut self) {
        match self.focus {
            Focus::List => self.editing = Some(Editing::Filter),
            Focus::Reader => {
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
            Focus::Reader => {
                let height = self.reader_height();
                if let Some(view) = &mut self.reader {
                    view.scroll_by(step, height);
                }
            }
        }
    }

    fn move_selection(&mut self, step: isize) {
        self.select(self.selected.saturating_add_signed(step));
    }

    fn select(&mut self, row: usize) {
        self.selected = row.min(self.visible_len().saturating_sub(1));
    }

    /// A page of the focused pane, signed.
    fn page(&self, sign: isize) -> isize {
        let height = match self.focus {
            Focus::List => self.list_height(),
            Focus::Reader => self.reader_height(),
        };
        sign * isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn areas(&self) -> ui::Areas {
        ui::areas(self.size, self.focus)
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
        ui::reader::text_width(area)
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
                self.find_input.clear();
                if self.editing == Some(Editing::Find) {
                    self.editing = None;
                }
                let mut view = ReaderView::new(index, article, &self.query, width);
                view.settle(height);
                self.reader = Some(view);
            }
        }
    }

    fn keep_selection_visible(&mut self) {
        let height = self.list_height();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + height {
            self.list_offset = self.selected + 1 - height;
        }
        self.list_offset = self
            .list_offset
            .min(self.visible_len().saturating_sub(height));
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
                        self.select(self.list_offset + usize::from(at.y - inner.y));
                    }
                } else if in_reader && self.reader.is_some() {
                    self.focus = Focus::Reader;
                    self.editing = None;
                }
            }
            _ => {}
        }
    }

    /// Run the terminal app until the user quits.
    pub fn run(inputs: Vec<Input>, terminal: &mut DefaultTerminal) -> Result<()> {
        let (tx, rx) = mpsc::channel();
        let size = terminal.size()?;
        let mut app = Self::with_searcher(
            Rect::new(0, 0, size.width, size.height),
            Searcher::Worker(FilterWorker::spawn(tx.clone())),
        );
        event::spawn_signals(tx.clone());
        event::spawn_input(tx.clone());
        event::spawn_loader(inputs, tx);
        terminal.draw(|frame| ui::render(frame, &app))?;
        loop {
            // While a long article is laid out, events come first and idle
            // moments go to the layout; otherwise wait for the next event.
            let first = if app.busy() {
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
                        if let Some(action) = app.action_for(event) {
                            app.update(action);
                        }
                        if app.quit {
                            return Ok(());
                        }
                    }
                }
                None => app.update(Action::Tick),
            }
            terminal.draw(|frame| ui::render(frame, &app))?;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
