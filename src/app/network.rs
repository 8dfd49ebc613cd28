//! What the app asks of the network: `r` fetches the URLs read again and
//! adds the articles that are new; `f` fetches the page an article links to
//! and shows its text in place of the summary. The fetching runs on
//! threads ([`Network`](crate::event::Network)); what they find comes back
//! as updates, applied here like every other change.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use super::{App, Loading};
use crate::article::{ArticleId, Origin};
use crate::fetch;
use crate::loader::{Input, LoadIssue, Severity};

/// The full text of an article's linked page, as far as it has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FullText {
    Fetching,
    /// The article with the page's text as its body.
    Ready(Arc<crate::article::Article>),
    Failed(String),
}

/// What a reload fetches again, and which articles are listed already.
#[derive(Debug, Default)]
pub struct Reloading {
    /// The URLs and urls files read at the start.
    pub inputs: Vec<Input>,
    /// Every article id listed, once a reload has started: a reload adds
    /// only articles it does not hold.
    pub known: Option<HashSet<ArticleId>>,
    /// How many reloads were started.
    pub count: usize,
    /// Whether a reload runs now.
    pub running: bool,
    /// Articles the running reload added.
    pub added: usize,
}

/// The inputs a reload reads again: URLs, urls files, and files and
/// folders (new files and lines added to JSON Lines files come in).
/// Standard input and the samples cannot change.
pub fn reloadable(inputs: &[Input]) -> Vec<Input> {
    inputs
        .iter()
        .filter(|i| matches!(i, Input::Url(_) | Input::UrlsFile(_) | Input::Path(_)))
        .cloned()
        .collect()
}

impl App {
    /// `r`: fetch the URLs and read the files again (a load still running
    /// is left to finish).
    pub(super) fn reload(&mut self) {
        if self.reloading.inputs.is_empty() {
            self.notice = Some(
                "Nothing to reload: the articles came from standard input or the samples."
                    .to_owned(),
            );
            return;
        }
        if !self.loading.done {
            self.notice = Some("Still loading; r again once it is done.".to_owned());
            return;
        }
        if self.reloading.known.is_none() {
            self.reloading.known = Some(self.articles.iter().map(|a| a.id).collect());
        }
        // what the last load said of these inputs is news no more: the
        // reload says it again if it still holds
        let reloaded: Vec<&Path> = self
            .reloading
            .inputs
            .iter()
            .filter_map(|i| match i {
                Input::UrlsFile(p) | Input::Path(p) => Some(p.as_path()),
                Input::Url(_) | Input::Stdin | Input::Samples => None,
            })
            .collect();
        self.issues.retain(|issue| {
            let path = &issue.origin.path;
            !(fetch::is_url(&path.to_string_lossy())
                || reloaded.iter().any(|r| path.starts_with(r)))
        });
        self.loading = Loading::default();
        self.reloading.count += 1;
        self.reloading.running = true;
        self.reloading.added = 0;
        if let Some(network) = &self.network {
            network.reload(self.reloading.inputs.clone());
        }
    }

    /// Loading finished: after a reload, the status bar says what it
    /// brought.
    pub(super) fn load_finished(&mut self) {
        self.loading.done = true;
        if !std::mem::take(&mut self.reloading.running) {
            return;
        }
        // (URLs that failed are counted beside, as every skipped input is)
        self.notice = Some(match self.reloading.added {
            0 => "Reloaded: no new articles.".to_owned(),
            1 => "Reloaded: 1 new article.".to_owned(),
            n => format!("Reloaded: {n} new articles."),
        });
    }

    /// `f`: the selected article's full text, fetched the first time; from
    /// the full text, the summary again.
    pub(super) fn toggle_full_article(&mut self) {
        let Some((index, _, _)) = self.visible(self.selected) else {
            return;
        };
        if self.full_shown == Some(index) {
            self.show_summary();
            return;
        }
        self.summary_wanted = None;
        self.want_full_text(index);
    }

    /// An article was opened in the reader: in full, when its source is
    /// one the config names (and its summary was not asked for).
    pub(super) fn opened(&mut self, index: usize) {
        if self.summary_wanted.is_some_and(|i| i != index) {
            self.summary_wanted = None;
        }
        if self.full_article_sources.is_empty() || self.summary_wanted == Some(index) {
            return;
        }
        let Some(article) = self.articles.get(index) else {
            return;
        };
        let source = article.source.to_lowercase();
        if self
            .full_article_sources
            .iter()
            .any(|s| s == "*" || *s == source)
            && !matches!(self.full_texts.get(&index), Some(FullText::Failed(_)))
        {
            self.want_full_text(index);
        }
    }

    /// Show the full text of the article at `index`, fetching it first if
    /// need be.
    fn want_full_text(&mut self, index: usize) {
        let Some(article) = self.articles.get(index) else {
            return;
        };
        match self.full_texts.get(&index) {
            Some(FullText::Ready(_)) => self.show_full_text(index),
            Some(FullText::Fetching) => {}
            Some(FullText::Failed(_)) | None => {
                let Some(url) = article.url.clone().filter(|u| fetch::is_url(u)) else {
                    let why = "it links to no web page".to_owned();
                    self.full_texts.insert(index, FullText::Failed(why));
                    return;
                };
                self.full_texts.insert(index, FullText::Fetching);
                if let Some(network) = &self.network {
                    network.full_text(index, url);
                }
            }
        }
    }

    /// A page's text arrived (or the reason it did not).
    pub(super) fn full_text_arrived(&mut self, index: usize, result: Result<String, String>) {
        let Some(article) = self.articles.get(index) else {
            return;
        };
        match result {
            Ok(body) => {
                let mut full = (**article).clone();
                full.body = body.into();
                self.full_texts
                    .insert(index, FullText::Ready(Arc::new(full)));
                if self.reader.as_ref().is_some_and(|v| v.index == index) {
                    self.show_full_text(index);
                }
            }
            Err(why) => {
                let url = article.url.clone().unwrap_or_default();
                self.issues.push(LoadIssue {
                    origin: Origin::file(url),
                    severity: Severity::Warning,
                    message: format!("full article not fetched: {why}"),
                });
                self.full_texts.insert(index, FullText::Failed(why));
            }
        }
    }

    /// Whether a full text is being fetched.
    pub fn fetching_full_text(&self) -> bool {
        self.full_texts.values().any(|t| *t == FullText::Fetching)
    }

    /// The reader shows the full text of the article at `index` (open).
    fn show_full_text(&mut self, index: usize) {
        let Some(FullText::Ready(full)) = self.full_texts.get(&index) else {
            return;
        };
        if self.reader.as_ref().is_none_or(|v| v.index != index) {
            return;
        }
        let width = self.reader_width();
        let height = self.reader_height();
        let mut view = super::ReaderView::new(index, Arc::clone(full), &self.query, width);
        view.settle(height);
        self.reader = Some(view);
        self.full_shown = Some(index);
        self.refresh_outline();
    }

    /// The reader shows the article as loaded again.
    pub(super) fn show_summary(&mut self) {
        self.summary_wanted = self.full_shown;
        self.full_shown = None;
        self.reader = None;
        self.sync_reader();
        self.refresh_outline();
    }

    /// An open outline follows the text the reader shows.
    fn refresh_outline(&mut self) {
        if self.outline.is_some() {
            self.build_outline();
        }
    }
}
