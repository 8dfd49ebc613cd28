//! The figures pane: every number and date of the loaded (or filtered)
//! articles, one row per distinct figure of an article, sortable by the
//! article's date, by value or by source, narrowed as the user types, the
//! figures that disagree within a story flagged.
//!
//! The rows come from the entity index, which keeps each article's figures
//! by value (numbers) and by day (dates): opening the pane reads no body.
//! What is drawn of a row (its text as written, what it counts, its
//! sentence, whether it disagrees) needs the article highlighted again, so
//! only the rows on screen are read ([`FiguresPane::prepare`]), each
//! article once, and a story's articles once when one of them is shown.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::article::Article;
use crate::entities::values::{same_value, values_of};
use crate::entities::{ArticleSet, EntityIndex, sentence_around};
use crate::highlight::{self, EntityKind};
use crate::stories::StoryTable;
use crate::stories::figures::{self, Figure, FigureValue, disagreements};

/// Stories with more articles than this are not compared when shown: each
/// of their articles would be highlighted again.
pub const STORY_READ_LIMIT: usize = 40;

/// Articles read for drawing that are kept; past this the cache starts
/// again.
const READ_CACHE: usize = 4096;

/// Sentences whose figures are kept for typed words; past this the cache
/// starts again.
const SENTENCE_CACHE: usize = 400_000;

/// Rows a search looks at before it reads the clock (and then every 16
/// rows): a search of fewer rows ends in its first slice.
const SLICE_ROWS: usize = 256;

/// How long a slice of a search goes on before keys are read again. The
/// crate's tests see every search whole unless they ask for slices
/// ([`FiguresPane::slice`]), so what they check does not hang on the clock.
const SLICE: Duration = if cfg!(test) {
    Duration::MAX
} else {
    Duration::from_millis(8)
};

/// Typed words of fewer letters are looked for in titles and sources
/// only: shorter ones begin a word of nearly every sentence.
pub const SENTENCE_WORD: usize = 3;

/// Sort orders of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FigureSort {
    /// Newest article first (undated last), each article's figures in
    /// the order its text gives them.
    #[default]
    Date,
    /// Numbers by value, smallest first, then dates, oldest first.
    Value,
    /// By source name, then newest article first.
    Source,
}

impl FigureSort {
    pub fn label(self) -> &'static str {
        match self {
            FigureSort::Date => "article date",
            FigureSort::Value => "value",
            FigureSort::Source => "source",
        }
    }

    #[must_use]
    pub fn next(self) -> Self {
        match self {
            FigureSort::Date => FigureSort::Value,
            FigureSort::Value => FigureSort::Source,
            FigureSort::Source => FigureSort::Date,
        }
    }
}

/// One figure of one article: a number by value, or a date by its day
/// (days from the common era).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureRow {
    pub article: u32,
    pub kind: EntityKind,
    pub value: f64,
}

impl FigureRow {
    pub fn article(&self) -> usize {
        self.article as usize
    }

    /// The day of a date row.
    pub fn day(&self) -> Option<NaiveDate> {
        if self.kind != EntityKind::Date {
            return None;
        }
        #[allow(clippy::cast_possible_truncation)]
        NaiveDate::from_num_days_from_ce_opt(self.value as i32)
    }

    /// Whether `figure` is this row's figure.
    fn is(&self, figure: &Figure, body: &str) -> bool {
        match self.kind {
            EntityKind::Date => {
                figure.kind == EntityKind::Date
                    && figures::day_of(figure.value).is_some_and(|d| Some(d) == self.day())
            }
            _ => {
                figure.kind == EntityKind::Number
                    && body.get(figure.range.clone()).is_some_and(|text| {
                        values_of(text).iter().any(|&v| same_value(v, self.value))
                    })
            }
        }
    }
}

/// A row as read from its article, for drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFigure {
    /// The figure where it first appears in the article.
    pub figure: Figure,
    /// How many times the article gives it.
    pub times: usize,
    /// When it disagrees with other articles of its story: their figures,
    /// `4,600 members (Harbour Ledger, 2026-11-17)`.
    pub elsewhere: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct FiguresPane {
    /// Every figure, article by article in load order, each article's
    /// figures in the order the text first gives them.
    pub rows: Vec<FigureRow>,
    /// How many articles (in load order) the index had read when `rows`
    /// were last taken from it.
    covered: usize,
    /// Indices into `rows` in the sort order.
    order: Vec<u32>,
    pub sort: FigureSort,
    /// Whether only the filtered articles were read.
    pub filtered: bool,
    /// How many articles have figures.
    pub articles: usize,
    pub input: String,
    /// Indices into `rows` of the rows shown for what is typed, in the
    /// sort order.
    pub matches: Vec<u32>,
    /// Index into `matches` of the highlighted row.
    pub selected: usize,
    /// First match on screen.
    pub offset: usize,
    /// The text `matches` answer.
    matched: Option<String>,
    /// The stories, as grouped when the pane opened.
    stories: Option<Arc<StoryTable>>,
    /// Articles read: their figures, in text order.
    read: HashMap<usize, Vec<Figure>>,
    /// Per (article, figure start): the other articles' figures it
    /// disagrees with. Filled a story at a time.
    elsewhere: HashMap<(usize, usize), Vec<String>>,
    /// Stories compared so far.
    compared: HashSet<usize>,
    /// Per (article, sentence start): the figures of sentences that held
    /// a typed word.
    sentences: HashMap<(u32, usize), SentenceFigures>,
    /// The search for what is typed, while it has candidates left.
    search: Option<Search>,
    /// How long a slice of the search goes on, and how many rows it looks
    /// at before it reads the clock.
    slice: (Duration, usize),
}

/// A search for what is typed in the pane, done a slice at a time so that
/// keys are read between slices.
#[derive(Debug, Clone)]
struct Search {
    words: Vec<Word>,
    /// The rows to look at, in the sort order.
    candidates: Vec<u32>,
    /// How many of them have been looked at.
    next: usize,
    /// Per article met, per word, found when first needed: whether it is
    /// in the title or source, and the sentences that hold it.
    seen: HashMap<u32, Vec<WordInArticle>>,
    /// The row to highlight when it is found (the one highlighted before
    /// the sort order changed), and the line of the screen it was on.
    select: Option<(FigureRow, usize)>,
}

impl FiguresPane {
    /// The figures of the articles the index covers (those of `within`
    /// only, when given).
    pub fn new(
        index: &EntityIndex,
        articles: &[Arc<Article>],
        within: Option<&ArticleSet>,
        stories: Option<Arc<StoryTable>>,
    ) -> Self {
        let covered = index.len().min(articles.len());
        let (rows, with_figures) = rows_of(index, 0..covered, within);
        let mut pane = Self {
            rows,
            covered,
            order: Vec::new(),
            sort: FigureSort::default(),
            filtered: within.is_some(),
            articles: with_figures,
            input: String::new(),
            matches: Vec::new(),
            selected: 0,
            offset: 0,
            matched: None,
            stories,
            read: HashMap::new(),
            elsewhere: HashMap::new(),
            compared: HashSet::new(),
            sentences: HashMap::new(),
            search: None,
            slice: (SLICE, SLICE_ROWS),
        };
        pane.sort_rows(articles);
        pane
    }

    /// Take the figures of the articles the index has read since the rows
    /// were taken (those of `within` only, when given). The highlighted
    /// figure stays highlighted, on the same line of the screen, and what
    /// is typed still narrows.
    pub fn grow(
        &mut self,
        index: &EntityIndex,
        articles: &[Arc<Article>],
        within: Option<&ArticleSet>,
    ) {
        let covered = index.len().min(articles.len());
        if covered <= self.covered {
            return;
        }
        let (rows, with_figures) = rows_of(index, self.covered..covered, within);
        self.covered = covered;
        if rows.is_empty() {
            return;
        }
        self.rows.extend(rows);
        self.articles += with_figures;
        let line = self.selected.saturating_sub(self.offset);
        let had = self.current().is_some();
        self.sort_rows(articles);
        if had {
            self.offset = self.selected.saturating_sub(line);
        }
    }

    /// Sort by the next order: article date, value, source. The highlighted
    /// figure stays highlighted.
    pub fn cycle_sort(&mut self, articles: &[Arc<Article>]) {
        self.sort = self.sort.next();
        self.sort_rows(articles);
    }

    /// Put `order` in the sort order. Rows are never compared one with
    /// another by their article: the articles are sorted (by date, or by
    /// source then date) and their rows, in text order, follow one run
    /// after another; by value, that order is then sorted again, stably, on
    /// a key each row carries.
    fn sort_rows(&mut self, articles: &[Arc<Article>]) {
        let kept = self.current().copied();
        let line = self.selected.saturating_sub(self.offset);
        let newest_first = |a: u32| {
            Reverse(
                articles
                    .get(a as usize)
                    .and_then(|a| a.date)
                    .map_or(i32::MIN, |d| d.num_days_from_ce()),
            )
        };
        // (article, first row, end) of each article with figures.
        let mut runs: Vec<(u32, u32, u32)> = Vec::new();
        let mut i = 0;
        while i < self.rows.len() {
            let article = self.rows[i].article;
            let end = self.rows[i..]
                .iter()
                .position(|r| r.article != article)
                .map_or(self.rows.len(), |n| i + n);
            let (Ok(from), Ok(to)) = (u32::try_from(i), u32::try_from(end)) else {
                break;
            };
            runs.push((article, from, to));
            i = end;
        }
        if self.sort == FigureSort::Source {
            let mut names: Vec<&str> = Vec::new();
            let mut seen: HashSet<&str> = HashSet::new();
            for a in articles {
                if seen.insert(a.source.as_str()) {
                    names.push(a.source.as_str());
                }
            }
            names.sort_unstable();
            let rank: HashMap<&str, usize> =
                names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
            let rank_of = |a: u32| {
                articles
                    .get(a as usize)
                    .and_then(|a| rank.get(a.source.as_str()).copied())
                    .unwrap_or(usize::MAX)
            };
            runs.sort_by_cached_key(|&(a, _, _)| (rank_of(a), newest_first(a), a));
        } else {
            runs.sort_by_cached_key(|&(a, _, _)| (newest_first(a), a));
        }
        self.order = runs.iter().flat_map(|&(_, from, to)| from..to).collect();
        if self.sort == FigureSort::Value {
            let rows = &self.rows;
            self.order
                .sort_by_key(|&i| rows.get(i as usize).map_or(u64::MAX, value_key));
        }
        self.matched = None;
        self.refresh(articles);
        if let Some(k) = kept.and_then(|k| {
            self.matches
                .iter()
                .position(|&m| self.rows[m as usize] == k)
        }) {
            self.selected = k;
        } else if let Some(search) = &mut self.search {
            // Highlighted again when the search comes to it.
            search.select = kept.map(|k| (k, line));
        }
    }

    /// The highlighted row.
    pub fn current(&self) -> Option<&FigureRow> {
        self.rows.get(*self.matches.get(self.selected)? as usize)
    }

    /// The row shown at position `k` of the matches.
    pub fn shown_row(&self, k: usize) -> Option<&FigureRow> {
        self.rows.get(*self.matches.get(k)? as usize)
    }

    /// Narrow to what is typed: every word fuzzy-matches the article's
    /// title or source, or is the figure itself: digits match a number
    /// they begin (`38` finds 3,800 and 38), a number written out matches
    /// its value (`4bn`), and `2026-11` matches the dates of that month
    /// and the figures of articles dated then. A word of letters also
    /// finds the figures whose sentence has a word it begins, ignoring
    /// case, and so what they count (`kill` finds `40,005 people were
    /// killed`). The sort order stays.
    ///
    /// Only articles whose body has such a word are looked at closely:
    /// the sentences holding it are highlighted, not the whole article,
    /// and their figures kept for the next words typed. Words of one or two
    /// letters ([`SENTENCE_WORD`]) are not looked for in sentences.
    pub fn refresh(&mut self, articles: &[Arc<Article>]) {
        let words: Vec<Word> = self.input.split_whitespace().map(Word::new).collect();
        // Typing on at the end only narrows, unless a figure is typed (a
        // value read whole is not a narrowing of its first digits).
        // Nor is a word that has just grown long enough to be looked for
        // in sentences.
        let narrowing = self.matched.as_ref().is_some_and(|before| {
            self.input.starts_with(before.as_str())
                && words.iter().all(|w| {
                    w.value.is_none()
                        && w.letters
                            .as_ref()
                            .is_none_or(|l| l.chars().count() != SENTENCE_WORD)
                })
        });
        let search = self.search.take();
        let candidates: Vec<u32> = if narrowing && !words.is_empty() {
            // What the last search let through, and what it had not yet
            // looked at.
            let mut candidates = std::mem::take(&mut self.matches);
            if let Some(search) = search {
                candidates.extend_from_slice(search.candidates.get(search.next..).unwrap_or(&[]));
            }
            candidates
        } else {
            self.order.clone()
        };
        self.matched = Some(self.input.clone());
        self.selected = 0;
        self.offset = 0;
        if words.is_empty() {
            self.matches = candidates;
            return;
        }
        if self.sentences.len() > SENTENCE_CACHE {
            self.sentences.clear();
        }
        self.matches = Vec::new();
        self.search = Some(Search {
            words,
            candidates,
            next: 0,
            seen: HashMap::new(),
            select: None,
        });
        self.work(articles);
    }

    /// Searches from now on go on for `slice` at a time, reading the clock
    /// after 16 rows.
    #[cfg(test)]
    pub(crate) fn slice(&mut self, slice: Duration) {
        self.slice = (slice, 16);
    }

    /// Whether the rows shown are not yet all those that match what is
    /// typed: [`FiguresPane::work`] goes on with the search.
    pub fn searching(&self) -> bool {
        self.search.is_some()
    }

    /// Look at more of the candidates for what is typed, for about
    /// [`SLICE`] (a search of fewer than [`SLICE_ROWS`] rows ends at
    /// once), adding the rows that match to those shown, in the sort
    /// order.
    pub fn work(&mut self, articles: &[Arc<Article>]) {
        let Some(search) = &mut self.search else {
            return;
        };
        let matcher = SkimMatcherV2::default();
        let start = Instant::now();
        let mut looked = 0usize;
        while let Some(&i) = search.candidates.get(search.next) {
            search.next += 1;
            looked += 1;
            let keep = self.rows.get(i as usize).is_some_and(|row| {
                articles.get(row.article()).is_some_and(|article| {
                    let found = search
                        .seen
                        .entry(row.article)
                        .or_insert_with(|| vec![WordInArticle::default(); search.words.len()]);
                    search.words.iter().zip(found.iter_mut()).all(|(w, found)| {
                        w.finds(row, article, found, &mut self.sentences, &matcher)
                    })
                })
            });
            if keep {
                if let Some((row, line)) = search.select
                    && self.rows.get(i as usize) == Some(&row)
                {
                    self.selected = self.matches.len();
                    self.offset = self.selected.saturating_sub(line);
                }
                self.matches.push(i);
            }
            if looked >= self.slice.1
                && looked.is_multiple_of(16)
                && start.elapsed() >= self.slice.0
            {
                return;
            }
        }
        self.search = None;
    }

    pub fn move_by(&mut self, step: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(step)
            .min(self.matches.len().saturating_sub(1));
    }

    /// Scroll so that the highlighted row is among the `height` shown.
    pub fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.matches.len().saturating_sub(height));
    }

    /// Read what the `height` rows on screen need: their articles'
    /// figures, and their stories' disagreements.
    pub fn prepare(&mut self, articles: &[Arc<Article>], height: usize) {
        if self.read.len() > READ_CACHE {
            self.read.clear();
            self.elsewhere.clear();
            self.compared.clear();
        }
        let shown: Vec<usize> = (self.offset..self.matches.len())
            .take(height.max(1))
            .filter_map(|k| self.shown_row(k).map(FigureRow::article))
            .collect();
        for article in shown {
            self.read_article(articles, article);
            self.compare_story(articles, article);
        }
    }

    /// The figures of an article, highlighting it the first time.
    fn read_article(&mut self, articles: &[Arc<Article>], article: usize) {
        if self.read.contains_key(&article) {
            return;
        }
        let Some(a) = articles.get(article) else {
            return;
        };
        let body = a.body.text();
        let spans = highlight::highlight(&body);
        self.read
            .insert(article, figures::figures(&body, &spans, a.date));
    }

    /// Compare the figures of the story `article` belongs to, once.
    fn compare_story(&mut self, articles: &[Arc<Article>], article: usize) {
        let Some(table) = self.stories.clone() else {
            return;
        };
        let Some(n) = table.story_of(article) else {
            return;
        };
        if !self.compared.insert(n) {
            return;
        }
        let Some(story) = table.stories.get(n) else {
            return;
        };
        if story.articles.len() < 2 || story.articles.len() > STORY_READ_LIMIT {
            return;
        }
        for &a in &story.articles {
            self.read_article(articles, a);
        }
        let lists: Vec<&[Figure]> = story
            .articles
            .iter()
            .map(|a| self.read.get(a).map_or(&[][..], Vec::as_slice))
            .collect();
        let mut notes: Vec<((usize, usize), Vec<String>)> = Vec::new();
        for d in disagreements(&lists) {
            for f in &d.figures {
                let value = |x: &figures::StoryFigure| match x.figure.value {
                    FigureValue::Number(v) => v,
                    _ => f64::NAN,
                };
                let others: Vec<String> = d
                    .figures
                    .iter()
                    .filter(|o| o.article != f.article && !same_value(value(o), value(f)))
                    .filter_map(|o| {
                        let a = articles.get(*story.articles.get(o.article)?)?;
                        let date = a.date_label();
                        let source = if date.is_empty() {
                            a.source.clone()
                        } else {
                            format!("{}, {date}", a.source)
                        };
                        Some(format!("{} ({source})", o.figure.label(&a.body.text())))
                    })
                    .collect();
                if let Some(&a) = story.articles.get(f.article) {
                    notes.push(((a, f.figure.range.start), others));
                }
            }
        }
        for (key, others) in notes {
            let entry = self.elsewhere.entry(key).or_default();
            for o in others {
                if !entry.contains(&o) {
                    entry.push(o);
                }
            }
        }
    }

    /// A row as read from its article: `None` until [`prepare`](Self::prepare)
    /// has read it, or when the article no longer gives it.
    pub fn read_row(&self, row: &FigureRow, articles: &[Arc<Article>]) -> Option<ReadFigure> {
        let body = &articles.get(row.article())?.body.text();
        let figures = self.read.get(&row.article())?;
        let mut found = figures.iter().filter(|f| row.is(f, body));
        let first = found.next()?;
        let times = 1 + found.count();
        // A figure given twice disagrees where any of its mentions does.
        let elsewhere = figures
            .iter()
            .filter(|f| row.is(f, body))
            .find_map(|f| self.elsewhere.get(&(row.article(), f.range.start)))
            .cloned()
            .unwrap_or_default();
        Some(ReadFigure {
            figure: first.clone(),
            times,
            elsewhere,
        })
    }

    /// Where Enter goes: the highlighted figure's article and its first
    /// mention there (read now if it was not).
    pub fn target(&mut self, articles: &[Arc<Article>]) -> Option<(usize, Range<usize>)> {
        let row = *self.current()?;
        self.read_article(articles, row.article());
        let range = self
            .read_row(&row, articles)
            .map_or(0..0, |r| r.figure.range);
        Some((row.article(), range))
    }
}

/// The figures of the articles `articles` (those of `within` only, when
/// given), article by article, each article's in the order its text first
/// gives them; and how many of those articles have figures.
fn rows_of(
    index: &EntityIndex,
    articles: Range<usize>,
    within: Option<&ArticleSet>,
) -> (Vec<FigureRow>, usize) {
    let mut rows = Vec::new();
    let mut with_figures = 0;
    // One buffer for every article's figures, reused.
    let mut placed: Vec<(u32, FigureRow)> = Vec::new();
    for a in articles.filter(|&a| within.is_none_or(|set| set.contains(a))) {
        let Ok(article) = u32::try_from(a) else { break };
        let dates = index.article_dates(a);
        // The article's figures where it first gives them, in text
        // order (a figure with no place known last, by value).
        let at = |starts: &[u32], i: usize| starts.get(i).copied().unwrap_or(u32::MAX);
        let date_starts = index.article_date_starts(a);
        placed.clear();
        placed.extend(
            index
                .article_figures(a)
                .map(|(value, start)| {
                    let row = FigureRow {
                        article,
                        kind: EntityKind::Number,
                        value,
                    };
                    (start, row)
                })
                .chain(dates.iter().enumerate().map(|(i, &day)| {
                    let row = FigureRow {
                        article,
                        kind: EntityKind::Date,
                        value: f64::from(day),
                    };
                    (at(date_starts, i), row)
                })),
        );
        if !placed.is_empty() {
            with_figures += 1;
        }
        placed.sort_by_key(|&(start, _)| start);
        rows.extend(placed.iter().map(|&(_, row)| row));
    }
    (rows, with_figures)
}

/// A key that sorts numbers by value, smallest first, then dates, oldest
/// first (the order of `f64::total_cmp` kept in the bits).
fn value_key(row: &FigureRow) -> u64 {
    let bits = row.value.to_bits();
    let ordered = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    (u64::from(row.kind == EntityKind::Date) << 63) | (ordered >> 1)
}

/// What is known of one typed word in one article.
#[derive(Debug, Clone, Default)]
struct WordInArticle {
    /// Whether it is in the title or source.
    fields: Option<bool>,
    /// The sentences where a word begins with it.
    sentences: Option<Vec<Range<usize>>>,
}

/// The figures of one sentence as rows know them: numbers by value, dates
/// by day.
type SentenceFigures = Vec<(EntityKind, f64)>;

/// The figures of the sentence `sentence` of `article`, highlighted alone.
fn sentence_figures(article: &Article, sentence: Range<usize>) -> SentenceFigures {
    let body = article.body.text();
    let Some(text) = body.get(sentence) else {
        return Vec::new();
    };
    let spans = highlight::highlight(text);
    let mut out = Vec::new();
    for f in figures::figures(text, &spans, article.date) {
        match f.kind {
            EntityKind::Date => {
                if let Some(day) = figures::day_of(f.value) {
                    out.push((EntityKind::Date, f64::from(day.num_days_from_ce())));
                }
            }
            _ => {
                if let Some(written) = text.get(f.range) {
                    out.extend(
                        values_of(written)
                            .into_iter()
                            .map(|v| (EntityKind::Number, v)),
                    );
                }
            }
        }
    }
    out
}

/// A word typed in the pane, read once.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    /// The word lowercased, when it begins with a letter.
    letters: Option<String>,
    /// Its digits, when it begins with one (separators dropped).
    digits: Option<String>,
    /// Its value, when it is a figure written with more than digits
    /// (`4bn`, `€95m`).
    value: Option<f64>,
}

impl Word {
    fn new(text: &str) -> Self {
        let starts_digit = text.chars().next().is_some_and(|c| c.is_ascii_digit());
        let starts_money = text.starts_with(['$', '€', '£', '¥', '₹']);
        let plain = text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        let digits = (starts_digit && plain).then(|| text.replace(',', ""));
        let value = if (starts_digit || starts_money) && !plain && !text.contains('-') {
            values_of(text).first().copied()
        } else {
            None
        };
        let letters = text
            .starts_with(char::is_alphabetic)
            .then(|| text.to_lowercase());
        Self {
            text: text.to_string(),
            letters,
            digits,
            value,
        }
    }

    /// Whether the row matches this word: it is the figure, or the word is
    /// in its article's title or source, or in a sentence that gives the
    /// figure. What is learnt of the article goes to `found` and of its
    /// sentences to `sentences`, for the article's other rows.
    fn finds(
        &self,
        row: &FigureRow,
        article: &Article,
        found: &mut WordInArticle,
        sentences: &mut HashMap<(u32, usize), SentenceFigures>,
        matcher: &SkimMatcherV2,
    ) -> bool {
        self.matches(row, article)
            || *found
                .fields
                .get_or_insert_with(|| self.in_fields(article, matcher))
            || found
                .sentences
                .get_or_insert_with(|| self.sentences_in(article))
                .iter()
                .any(|s| {
                    sentences
                        .entry((row.article, s.start))
                        .or_insert_with(|| sentence_figures(article, s.clone()))
                        .iter()
                        .any(|&(kind, v)| kind == row.kind && same_value(v, row.value))
                })
    }

    /// Whether the word is in the article's title or source: fuzzily, or
    /// literally for digits (as the filter bar takes them).
    fn in_fields(&self, article: &Article, matcher: &SkimMatcherV2) -> bool {
        let fields = [article.title.as_str(), article.source.as_str()];
        if self.text.starts_with(|c: char| c.is_ascii_digit()) {
            return fields.iter().any(|f| f.contains(self.text.as_str()));
        }
        fields
            .iter()
            .any(|f| matcher.fuzzy_match(f, &self.text).is_some())
    }

    /// The sentences of `article` in which a word begins with this one
    /// (none for a word not of letters, or shorter than
    /// [`SENTENCE_WORD`]).
    fn sentences_in(&self, article: &Article) -> Vec<Range<usize>> {
        let Some(word) = self
            .letters
            .as_ref()
            .filter(|w| w.chars().count() >= SENTENCE_WORD)
        else {
            return Vec::new();
        };
        let body = &article.body.text();
        let mut sentences: Vec<Range<usize>> = Vec::new();
        for start in word_starts(body, word) {
            if sentences.last().is_some_and(|s| s.contains(&start)) {
                continue;
            }
            let sentence = sentence_around(body, start..start + word.len());
            if sentences.last() != Some(&sentence) {
                sentences.push(sentence);
            }
        }
        sentences
    }

    fn matches(&self, row: &FigureRow, article: &Article) -> bool {
        if self.text.contains('-') && self.text.starts_with(|c: char| c.is_ascii_digit()) {
            let in_day = row
                .day()
                .is_some_and(|d| d.format("%Y-%m-%d").to_string().starts_with(&self.text));
            return in_day || article.date_label().starts_with(&self.text);
        }
        if row.kind == EntityKind::Date {
            return self.digits.as_ref().is_some_and(|digits| {
                digits.len() == 4 && row.day().is_some_and(|d| d.year().to_string() == *digits)
            });
        }
        if let Some(v) = self.value {
            return same_value(v, row.value);
        }
        self.digits
            .as_ref()
            .is_some_and(|digits| format!("{}", row.value.abs()).starts_with(digits.as_str()))
    }
}

/// Where words of `text` begin with `word` (lowercase), ignoring case, in
/// text order. ASCII words are looked for a byte at a time; others a
/// character at a time.
fn word_starts<'t>(text: &'t str, word: &'t str) -> Box<dyn Iterator<Item = usize> + 't> {
    let begins_word = move |i: usize| {
        text.get(..i)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let Some(&first) = word.as_bytes().first() else {
        return Box::new(std::iter::empty());
    };
    if word.is_ascii() {
        let bytes = text.as_bytes();
        let len = word.len();
        return Box::new(
            memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).filter(move |&i| {
                bytes
                    .get(i..i + len)
                    .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
                    && begins_word(i)
            }),
        );
    }
    Box::new(
        text.char_indices()
            .map(|(i, _)| i)
            .filter(move |&i| {
                let mut folded = text[i..].chars().flat_map(char::to_lowercase);
                word.chars().all(|c| folded.next() == Some(c))
            })
            .filter(move |&i| begins_word(i)),
    )
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::app::tests::article;
    use crate::stories::Stories;

    fn corpus() -> Vec<Arc<Article>> {
        vec![
            article(
                0,
                "Dockworkers walk out",
                "Northline Wire",
                "About 3,800 dockworkers walked out on 16 November 2026. The port said 27 ships waited.",
            ),
            article(
                2,
                "Strike at the port",
                "Harbour Ledger",
                "The union said 4,600 dockworkers walked out. The port said 27 ships waited at anchor.",
            ),
            article(
                1,
                "Rates held",
                "Meridian Post",
                "The bank kept its rate at 3.5%.",
            ),
        ]
    }

    fn pane(articles: &[Arc<Article>]) -> FiguresPane {
        let mut index = EntityIndex::new();
        index.add(articles);
        FiguresPane::new(&index, articles, None, None)
    }

    fn row(value: f64) -> FigureRow {
        FigureRow {
            article: 0,
            kind: EntityKind::Number,
            value,
        }
    }

    fn shown(pane: &FiguresPane) -> Vec<(usize, f64)> {
        (0..pane.matches.len())
            .filter_map(|k| pane.shown_row(k))
            .map(|r| (r.article(), r.value))
            .collect()
    }

    /// Many articles, so that a search has more rows than a slice's
    /// first look.
    fn many() -> Vec<Arc<Article>> {
        (0..200)
            .map(|i| {
                let body = if i % 3 == 0 {
                    format!(
                        "Tugs moved {i} barges and {} cranes on 3 March 2026.",
                        i + 7
                    )
                } else {
                    format!("The council spent {i} million on {} roads.", i * 2 + 1)
                };
                article(i, &format!("Report {i}"), "Northline Wire", &body)
            })
            .collect()
    }

    #[test]
    fn a_search_done_in_slices_finds_what_a_whole_one_does_in_the_same_order() {
        let articles = many();
        let mut whole = pane(&articles);
        assert!(whole.rows.len() > 100, "{}", whole.rows.len());
        let mut sliced = whole.clone();
        sliced.slice(Duration::ZERO);
        for typed in ["t", "tu", "tug", "tugs", "tugs 3", "council"] {
            whole.input = typed.to_string();
            whole.refresh(&articles);
            assert!(!whole.searching());
            sliced.input = typed.to_string();
            sliced.refresh(&articles);
            let mut turns = 1;
            while sliced.searching() {
                // What is shown so far is the start of the whole answer.
                let so_far = sliced.matches.len();
                assert!(so_far <= whole.matches.len());
                assert_eq!(sliced.matches[..], whole.matches[..so_far], "{typed:?}");
                sliced.work(&articles);
                turns += 1;
            }
            assert_eq!(sliced.matches, whole.matches, "{typed:?}");
            assert!(turns > 1, "{typed:?}");
        }
        // Typing on before a search ends narrows what it found and what it
        // had not looked at yet.
        sliced.input = "tug".to_string();
        sliced.refresh(&articles);
        assert!(sliced.searching());
        sliced.input = "tugs".to_string();
        sliced.refresh(&articles);
        while sliced.searching() {
            sliced.work(&articles);
        }
        whole.input = "tugs".to_string();
        whole.refresh(&articles);
        assert_eq!(sliced.matches, whole.matches);
        assert!(!whole.matches.is_empty());
    }

    #[test]
    fn a_sort_during_a_search_highlights_the_same_row_once_found() {
        let articles = many();
        let mut pane = pane(&articles);
        pane.input = "council".to_string();
        pane.refresh(&articles);
        pane.move_by(40);
        let kept = *pane.current().unwrap();
        pane.slice(Duration::ZERO);
        pane.cycle_sort(&articles);
        while pane.searching() {
            pane.work(&articles);
        }
        assert_eq!(pane.current(), Some(&kept));
    }

    #[test]
    fn rows_are_every_figure_newest_article_first_then_by_value_and_source() {
        let articles = corpus();
        let mut pane = pane(&articles);
        assert_eq!(pane.articles, 3);
        // Article 1 is dated the 3rd, article 2 the 2nd, article 0 the 1st.
        let numbers: Vec<(usize, f64)> = (0..pane.matches.len())
            .filter_map(|k| pane.shown_row(k))
            .filter(|r| r.kind == EntityKind::Number)
            .map(|r| (r.article(), r.value))
            .collect();
        // Within an article, in the order the text gives them.
        assert_eq!(numbers[0], (1, 4600.0));
        assert_eq!(numbers[1], (1, 27.0));
        assert_eq!(numbers[2], (2, 3.5));
        assert_eq!(numbers[3], (0, 3800.0));
        assert_eq!(numbers[4], (0, 27.0));
        let date = pane.rows.iter().find(|r| r.kind == EntityKind::Date);
        assert_eq!(
            date.and_then(FigureRow::day),
            NaiveDate::from_ymd_opt(2026, 11, 16)
        );
        // The date between the figures around it: 3,800 on 16 November,
        // then 27 ships.
        let kinds: Vec<EntityKind> = (0..pane.matches.len())
            .filter_map(|k| pane.shown_row(k))
            .filter(|r| r.article == 0)
            .map(|r| r.kind)
            .collect();
        assert_eq!(
            kinds,
            [EntityKind::Number, EntityKind::Date, EntityKind::Number]
        );
        pane.cycle_sort(&articles);
        assert_eq!(pane.sort, FigureSort::Value);
        let values: Vec<(usize, f64)> = shown(&pane);
        assert_eq!(
            &values[..5],
            &[(2, 3.5), (1, 27.0), (0, 27.0), (0, 3800.0), (1, 4600.0)],
            "equal values: newest article first"
        );
        let last = pane.shown_row(pane.matches.len() - 1);
        assert_eq!(last.map(|r| r.kind), Some(EntityKind::Date));
        assert!(value_key(&row(-2.0)) < value_key(&row(-1.0)));
        assert!(value_key(&row(-1.0)) < value_key(&row(0.5)));
        assert!(value_key(&row(0.5)) < value_key(&row(3e9)));
        pane.selected = 3;
        pane.cycle_sort(&articles);
        assert_eq!(pane.sort, FigureSort::Source);
        assert_eq!(
            pane.current().map(|r| (r.article(), r.value)),
            Some((0, 3800.0)),
            "the highlight stays on its figure"
        );
        let first = pane.shown_row(0).unwrap();
        assert_eq!(articles[first.article()].source, "Harbour Ledger");
        pane.cycle_sort(&articles);
        assert_eq!(pane.sort, FigureSort::Date);
    }

    #[test]
    fn typing_narrows_by_title_source_digits_value_or_date() {
        let articles = corpus();
        let mut pane = pane(&articles);
        let typed = |pane: &mut FiguresPane, text: &str| {
            pane.input = text.into();
            pane.refresh(&articles);
            shown(pane)
        };
        assert_eq!(typed(&mut pane, "38"), vec![(0, 3800.0)]);
        assert_eq!(typed(&mut pane, "3,800"), vec![(0, 3800.0)]);
        assert_eq!(typed(&mut pane, "27"), vec![(1, 27.0), (0, 27.0)]);
        assert_eq!(typed(&mut pane, "27 ledger"), vec![(1, 27.0)]);
        assert_eq!(typed(&mut pane, "meridian").len(), 1);
        assert_eq!(typed(&mut pane, "4.6k"), vec![(1, 4600.0)]);
        let dates = typed(&mut pane, "2026-11-16");
        assert!(dates.iter().any(|&(a, _)| a == 0), "{dates:?}");
        assert!(typed(&mut pane, "zzz").is_empty());
        assert!(pane.current().is_none());
        assert_eq!(typed(&mut pane, "").len(), pane.rows.len());
    }

    #[test]
    fn rows_on_screen_are_read_with_their_sentence_and_disagreements() {
        let articles = corpus();
        let mut index = EntityIndex::new();
        index.add(&articles);
        let extracted: Vec<_> = articles
            .iter()
            .map(|a| crate::entities::extract(a))
            .collect();
        let mut stories = Stories::new();
        stories.add(&articles, &extracted);
        let mut table = stories.table();
        // The two strike reports are one story, whatever the grouping
        // made of three articles this short.
        table.stories.truncate(0);
        table.stories.push(crate::stories::Story {
            id: articles[0].id,
            headline: 0,
            articles: vec![0, 1],
            sources: vec!["Northline Wire".into(), "Harbour Ledger".into()],
            first: articles[0].date,
            last: articles[1].date,
            duplicates: Vec::new(),
        });
        table.of_article = vec![0, 0, 1];
        let mut pane = FiguresPane::new(&index, &articles, None, Some(Arc::new(table)));
        let row = *pane.rows.iter().find(|r| r.value == 3800.0).unwrap();
        assert_eq!(
            pane.read_row(&row, &articles),
            None,
            "not read before shown"
        );
        pane.prepare(&articles, 40);
        let read = pane.read_row(&row, &articles).unwrap();
        assert_eq!(&articles[0].body.text()[read.figure.range.clone()], "3,800");
        assert_eq!(
            read.figure.label(&articles[0].body.text()),
            "3,800 dockworkers"
        );
        assert_eq!(read.times, 1);
        assert_eq!(
            read.elsewhere,
            vec!["4,600 dockworkers (Harbour Ledger, 2026-11-03)".to_string()]
        );
        let ships = *pane.rows.iter().find(|r| r.value == 27.0).unwrap();
        assert!(
            pane.read_row(&ships, &articles)
                .unwrap()
                .elsewhere
                .is_empty()
        );
        // Enter goes to the figure in its article.
        pane.input = "3800".into();
        pane.refresh(&articles);
        let (article, range) = pane.target(&articles).unwrap();
        assert_eq!((article, &articles[0].body.text()[range]), (0, "3,800"));
    }

    #[test]
    fn a_word_finds_the_figures_of_its_sentences_and_what_they_count() {
        let articles = corpus();
        let mut pane = pane(&articles);
        let typed = |pane: &mut FiguresPane, text: &str| {
            pane.input = text.into();
            pane.refresh(&articles);
            shown(pane)
        };
        // The ships of both strike reports, not their dockworkers.
        assert_eq!(typed(&mut pane, "ships"), vec![(1, 27.0), (0, 27.0)]);
        assert_eq!(typed(&mut pane, "SHIP"), vec![(1, 27.0), (0, 27.0)]);
        // A word of the sentence: the number and the date beside it.
        let walked = typed(&mut pane, "walked");
        assert_eq!(walked.len(), 3, "{walked:?}");
        assert_eq!(walked[0], (1, 4600.0));
        assert!(walked.contains(&(0, 3800.0)));
        let date = pane.shown_row(2).and_then(FigureRow::day);
        assert_eq!(date, NaiveDate::from_ymd_opt(2026, 11, 16));
        // What a figure counts, with its source.
        assert_eq!(typed(&mut pane, "dockworkers ledger"), vec![(1, 4600.0)]);
        assert_eq!(typed(&mut pane, "anchor"), vec![(1, 27.0)]);
        // Word starts only.
        assert!(typed(&mut pane, "hips").is_empty());
        assert!(typed(&mut pane, "nchor").is_empty());
    }

    #[test]
    fn word_starts_ignore_case_and_need_a_word_boundary() {
        let text = "Ships, shipping; the airships. ÉCLAIR éclat";
        assert_eq!(word_starts(text, "ship").collect::<Vec<_>>(), vec![0, 7]);
        assert_eq!(word_starts(text, "éc").collect::<Vec<_>>(), vec![31, 39]);
        assert_eq!(word_starts(text, "zz").count(), 0);
        assert_eq!(word_starts("", "a").count(), 0);
        assert_eq!(word_starts("a", "").count(), 0);
    }
}
