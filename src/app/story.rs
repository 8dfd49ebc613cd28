//! The story view: one story's articles one after another, oldest first,
//! each under a heading with its source and date, what only that source
//! says marked (the sentences holding a name or figure no other article of
//! the story gives, see [`crate::stories::additions`]), and the figures
//! that disagree between sources flagged, with what the others give listed
//! after the article.
//!
//! A near-copy of an earlier article of the story is not printed again: its
//! heading says whose copy it is, and it takes no part in the comparison
//! (its original would otherwise have nothing of its own).
//!
//! The view is laid out for a width when opened or resized, as lines of
//! marked pieces of text; the theme gives each mark its style when drawn.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;
use crate::entities::values::same_value;
use crate::highlight::{self, Span};
use crate::stories::figures::{self, Figure, FigureValue, disagreements};
use crate::stories::{Addition, StoryTable, additions};
use crate::wrap;

/// Stories with more original articles than this are shown without the
/// comparison: each article is compared with every other, on the UI
/// thread.
pub const COMPARE_LIMIT: usize = 60;

/// From this many columns of text the articles are laid out two side by
/// side.
pub const SIDE_BY_SIDE: usize = 140;

/// Between the two columns.
const GUTTER: &str = " │ ";

/// What a piece of the view is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// The line that starts an article: its source.
    Source,
    /// An article's title.
    Heading,
    /// Dates, counts and notes in smaller print.
    Meta,
    /// A sentence only this source has.
    Addition,
    /// A name or figure in it no other source gives.
    OnlyHere,
    /// A figure that disagrees with another source's, and the `≠` notes.
    Disagree,
    /// The `≈` of a near-copy.
    Copy,
}

/// One screen line: pieces of text with their marks, and the article (load
/// position) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryLine {
    pub pieces: Vec<(String, Mark)>,
    pub article: Option<usize>,
}

impl StoryLine {
    fn new(article: Option<usize>) -> Self {
        Self {
            pieces: Vec::new(),
            article,
        }
    }

    fn push(mut self, text: impl Into<String>, mark: Mark) -> Self {
        self.pieces.push((text.into(), mark));
        self
    }

    /// The line's text, marks dropped.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|(t, _)| t.as_str()).collect()
    }
}

/// One article of the story as compared with the others.
#[derive(Debug, Clone)]
pub struct StoryArticle {
    /// Load position.
    pub index: usize,
    pub article: Arc<Article>,
    /// The earlier article of the story it is a near-copy of.
    pub copy_of: Option<usize>,
    /// Sentences only it has (none for a copy).
    pub additions: Vec<Addition>,
    /// Its figures that disagree with other sources', in text order.
    pub disagreeing: Vec<Disagreeing>,
}

/// A figure of an article that another source gives otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreeing {
    /// Where it is in the body.
    pub range: Range<usize>,
    /// As a reader would quote it: `3,800 dockworkers`.
    pub label: String,
    /// The other sources' figures: `4,600 members (Meridian Post, 2026-11-18)`.
    pub others: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct StoryView {
    /// The story's number in `table`.
    pub story: usize,
    pub headline: String,
    pub sources: usize,
    pub dates: String,
    pub articles: Vec<StoryArticle>,
    /// Whether the articles were compared (see [`COMPARE_LIMIT`]).
    pub compared: bool,
    /// Laid out for `width`.
    pub lines: Vec<StoryLine>,
    pub width: usize,
    /// First line on screen.
    pub scroll: usize,
}

impl StoryView {
    /// The view of story `story` of `table`, laid out `width` columns wide.
    pub fn new(
        table: &StoryTable,
        story: usize,
        articles: &[Arc<Article>],
        width: usize,
    ) -> Option<Self> {
        let s = table.stories.get(story)?;
        let copy_of = |a: usize| {
            s.duplicates
                .iter()
                .find(|&&(_, later, _)| later == a)
                .map(|&(earlier, _, _)| earlier)
        };
        let members: Vec<(usize, Arc<Article>)> = s
            .articles
            .iter()
            .filter_map(|&a| articles.get(a).map(|art| (a, Arc::clone(art))))
            .collect();
        // Only the originals are compared, and only so many.
        let originals = (0..members.len())
            .filter(|&k| copy_of(members[k].0).is_none())
            .count();
        let compared: Vec<usize> = (0..members.len())
            .filter(|&k| copy_of(members[k].0).is_none() && originals <= COMPARE_LIMIT)
            .collect();
        let texts: Vec<_> = compared.iter().map(|&k| members[k].1.body.text()).collect();
        let spans: Vec<Vec<Span>> = texts
            .iter()
            .map(|text| highlight::highlight(text))
            .collect();
        let read: Vec<Vec<Figure>> = compared
            .iter()
            .zip(&spans)
            .zip(&texts)
            .map(|((&k, sp), text)| figures::figures(text, sp, members[k].1.date))
            .collect();
        let pairs: Vec<(&str, &[Span])> = texts
            .iter()
            .zip(&spans)
            .map(|(text, sp)| (&**text, sp.as_slice()))
            .collect();
        let mut added = if compared.len() > 1 {
            additions(&pairs)
        } else {
            vec![Vec::new(); compared.len()]
        };
        let compared_articles: Vec<&Article> =
            compared.iter().map(|&k| members[k].1.as_ref()).collect();
        let mut disagreeing = disagreeing_figures(&compared_articles, &read);
        let mut story_articles = Vec::new();
        for (k, (index, article)) in members.iter().enumerate() {
            let at = compared.iter().position(|&c| c == k);
            let mut flagged = at.and_then(|c| disagreeing.remove(&c)).unwrap_or_default();
            flagged.sort_by_key(|d| d.range.start);
            story_articles.push(StoryArticle {
                index: *index,
                article: Arc::clone(article),
                copy_of: copy_of(*index),
                additions: at
                    .and_then(|c| added.get_mut(c).map(std::mem::take))
                    .unwrap_or_default(),
                disagreeing: flagged,
            });
        }
        let headline = articles
            .get(s.headline)
            .map(|a| a.title.clone())
            .unwrap_or_default();
        let dates = crate::app::grouping::DateRange {
            first: s.first,
            last: s.last,
        }
        .label();
        let mut view = Self {
            story,
            headline,
            sources: s.sources.len(),
            dates,
            articles: story_articles,
            compared: originals <= COMPARE_LIMIT,
            lines: Vec::new(),
            width: 0,
            scroll: 0,
        };
        view.layout(width);
        Some(view)
    }

    /// Lay the story out `width` columns wide (again, when it changed).
    pub fn layout(&mut self, width: usize) {
        let width = width.max(8);
        if width == self.width && !self.lines.is_empty() {
            return;
        }
        // Keep the article at the top of the screen at the top.
        let top_article = self.lines.get(self.scroll).and_then(|l| l.article);
        self.width = width;
        self.lines = Vec::new();
        if !self.compared {
            let note = format!(
                "{} articles: too many to compare here; they are shown unmarked.",
                self.articles.len()
            );
            for range in wrap::wrap_ranges(&note, width) {
                self.lines
                    .push(StoryLine::new(None).push(piece(&note, range), Mark::Meta));
            }
            self.lines.push(StoryLine::new(None));
        }
        if width >= SIDE_BY_SIDE && self.articles.len() > 1 {
            // Two columns: the articles in pairs, the older on the left.
            let column = (width - GUTTER.len()) / 2;
            for pair in self.articles.chunks(2) {
                let left = article_lines(&pair[0], &self.articles, column);
                let right = pair
                    .get(1)
                    .map(|b| article_lines(b, &self.articles, column))
                    .unwrap_or_default();
                for k in 0..left.len().max(right.len()) {
                    self.lines
                        .push(side_by_side(left.get(k), right.get(k), column));
                }
            }
        } else {
            for a in &self.articles {
                self.lines.extend(article_lines(a, &self.articles, width));
            }
        }
        self.scroll = top_article
            .and_then(|t| self.heading_rows().find(|&(_, a)| a == t))
            .map_or(0, |(row, _)| row);
    }

    /// The rows of the articles' headings, with each article.
    pub fn heading_rows(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.lines.iter().enumerate().filter_map(|(row, l)| {
            (l.pieces.first().is_some_and(|(_, m)| *m == Mark::Source))
                .then_some(())
                .and(l.article.map(|a| (row, a)))
        })
    }

    /// Scroll by `step` lines, keeping a screen of `height` lines filled.
    pub fn scroll_by(&mut self, step: isize, height: usize) {
        let max = self.lines.len().saturating_sub(height.max(1));
        self.scroll = self.scroll.saturating_add_signed(step).min(max);
    }

    /// To the heading of the next (`1`) or previous (`-1`) article.
    pub fn next_article(&mut self, step: isize, height: usize) {
        let rows: Vec<usize> = self.heading_rows().map(|(r, _)| r).collect();
        let target = if step >= 0 {
            rows.iter().copied().find(|&r| r > self.scroll)
        } else {
            rows.iter().copied().rev().find(|&r| r < self.scroll)
        };
        if let Some(row) = target {
            self.scroll = row;
            self.scroll_by(0, height);
        }
    }

    /// The article at the top of the screen: what Enter reads.
    pub fn current_article(&self) -> Option<usize> {
        self.lines
            .get(self.scroll)
            .and_then(|l| l.article)
            .or_else(|| self.articles.first().map(|a| a.index))
    }
}

/// The figures of each compared article (by its place among them) that
/// another article gives otherwise, with the others' figures.
fn disagreeing_figures(
    articles: &[&Article],
    read: &[Vec<Figure>],
) -> HashMap<usize, Vec<Disagreeing>> {
    let lists: Vec<&[Figure]> = read.iter().map(Vec::as_slice).collect();
    let mut out: HashMap<usize, Vec<Disagreeing>> = HashMap::new();
    let value = |f: &Figure| match f.value {
        FigureValue::Number(v) => v,
        _ => f64::NAN,
    };
    for d in disagreements(&lists) {
        for f in &d.figures {
            let others: Vec<String> = d
                .figures
                .iter()
                .filter(|o| o.article != f.article && !same_value(value(o.figure), value(f.figure)))
                .map(|o| {
                    let a = articles[o.article];
                    format!(
                        "{} ({})",
                        o.figure.label(&a.body.text()),
                        source_and_date(a)
                    )
                })
                .collect();
            out.entry(f.article).or_default().push(Disagreeing {
                range: f.figure.range.clone(),
                label: f.figure.label(&articles[f.article].body.text()),
                others,
            });
        }
    }
    out
}

fn source_and_date(a: &Article) -> String {
    let date = a.date_label();
    if date.is_empty() {
        a.source.clone()
    } else {
        format!("{}, {date}", a.source)
    }
}

/// An article's lines: heading, then its text with its marks (or, for a
/// copy, whose copy it is), then its figures that disagree, then a blank
/// line.
fn article_lines(a: &StoryArticle, all: &[StoryArticle], width: usize) -> Vec<StoryLine> {
    let index = Some(a.index);
    let mut out = Vec::new();
    let date = a.article.date_label();
    let source = format!("━━ {}", a.article.source);
    let source = crate::ui::truncate(&piece(&source, 0..source.len()), width);
    let mut heading = StoryLine::new(index);
    let room = width.saturating_sub(crate::ui::width(&source));
    heading = heading.push(source, Mark::Source);
    if !date.is_empty() && room >= date.len() + 3 {
        heading = heading.push(format!(" · {date}"), Mark::Meta);
    }
    out.push(heading);
    for range in wrap::wrap_ranges(&a.article.title, width) {
        out.push(StoryLine::new(index).push(piece(&a.article.title, range), Mark::Heading));
    }
    if let Some(original) = a.copy_of {
        let of = all
            .iter()
            .find(|o| o.index == original)
            .map_or_else(String::new, |o| source_and_date(&o.article));
        let note = format!("≈ a near-copy of {of}: its text is not repeated");
        for (k, range) in wrap::wrap_ranges(&note, width).into_iter().enumerate() {
            let mut line = StoryLine::new(index);
            let text = piece(&note, range);
            line = match text.strip_prefix('≈') {
                Some(rest) if k == 0 => line.push("≈", Mark::Copy).push(rest, Mark::Meta),
                _ => line.push(text, Mark::Meta),
            };
            out.push(line);
        }
        out.push(StoryLine::new(index));
        return out;
    }
    out.push(StoryLine::new(index));
    // Marked ranges of the body, the strongest mark winning.
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    for add in &a.additions {
        marks.push((add.sentence.clone(), Mark::Addition));
        marks.extend(add.only_here.iter().map(|r| (r.clone(), Mark::OnlyHere)));
    }
    marks.extend(
        a.disagreeing
            .iter()
            .map(|d| (d.range.clone(), Mark::Disagree)),
    );
    let body = &a.article.body.text();
    for range in wrap::wrap_ranges(body, width) {
        out.push(marked_line(body, range, &marks, index));
    }
    if !a.disagreeing.is_empty() {
        out.push(StoryLine::new(index));
        for d in &a.disagreeing {
            let text = format!("≠ {}, elsewhere: {}", d.label, d.others.join(" · "));
            for (k, range) in wrap::wrap_ranges(&text, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                let indent = if k == 0 { "" } else { "  " };
                out.push(
                    StoryLine::new(index)
                        .push(indent, Mark::Plain)
                        .push(piece(&text, range), Mark::Disagree),
                );
            }
        }
    }
    out.push(StoryLine::new(index));
    out
}

/// A line of the left column, padded to `column`, the gutter, and the
/// line of the right column beside it. It belongs to the left article
/// (to the right one where the left has ended).
fn side_by_side(left: Option<&StoryLine>, right: Option<&StoryLine>, column: usize) -> StoryLine {
    let article = left
        .and_then(|l| l.article)
        .or_else(|| right.and_then(|r| r.article));
    let mut line = StoryLine::new(article);
    let mut used = 0;
    if let Some(l) = left {
        for (text, mark) in &l.pieces {
            used += crate::ui::width(text);
            line.pieces.push((text.clone(), *mark));
        }
    }
    line.pieces.push((
        format!("{}{GUTTER}", " ".repeat(column.saturating_sub(used))),
        Mark::Meta,
    ));
    if let Some(r) = right {
        line.pieces.extend(r.pieces.iter().cloned());
    }
    line
}

/// A piece of text as the screen shows it (tabs as spaces, controls as
/// their pictures).
fn piece(text: &str, range: Range<usize>) -> String {
    let mut col = 0;
    wrap::screen_text(text.get(range).unwrap_or(""), &mut col)
}

fn rank(mark: Mark) -> u8 {
    match mark {
        Mark::Disagree => 3,
        Mark::OnlyHere => 2,
        Mark::Addition => 1,
        _ => 0,
    }
}

/// One wrapped line of a body, cut where its marks start and end.
fn marked_line(
    body: &str,
    line: Range<usize>,
    marks: &[(Range<usize>, Mark)],
    article: Option<usize>,
) -> StoryLine {
    let mut cuts = vec![line.start, line.end];
    for (r, _) in marks {
        for p in [r.start, r.end] {
            if p > line.start && p < line.end && body.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = StoryLine::new(article);
    let mut col = 0;
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let mark = marks
            .iter()
            .filter(|(r, _)| r.start <= from && to <= r.end)
            .map(|(_, m)| *m)
            .max_by_key(|m| rank(*m))
            .unwrap_or(Mark::Plain);
        let text = wrap::screen_text(body.get(from..to).unwrap_or(""), &mut col);
        match out.pieces.last_mut() {
            Some((last, m)) if *m == mark => last.push_str(&text),
            _ => out.pieces.push((text, mark)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::stories::{story_articles, story_table};

    fn strike_view(width: usize) -> StoryView {
        let articles = story_articles();
        let table = story_table(&articles);
        let n = table.story_of(0).unwrap();
        StoryView::new(&table, n, &articles, width).unwrap()
    }

    fn marked(view: &StoryView, mark: Mark) -> Vec<String> {
        view.lines
            .iter()
            .flat_map(|l| l.pieces.iter())
            .filter(|(_, m)| *m == mark)
            .map(|(t, _)| t.clone())
            .collect()
    }

    #[test]
    fn the_articles_come_oldest_first_each_under_its_source_and_date() {
        let view = strike_view(80);
        assert_eq!(view.sources, 5);
        assert_eq!(view.dates, "2026-11-16 – 2026-11-21");
        let headings: Vec<String> = view
            .heading_rows()
            .map(|(row, _)| view.lines[row].text())
            .collect();
        assert_eq!(
            headings,
            [
                "━━ Northline Wire · 2026-11-16",
                "━━ Coastal Daily · 2026-11-17",
                "━━ Meridian Post · 2026-11-18",
                "━━ Valley Courier · 2026-11-20",
                "━━ The Harbor Ledger · 2026-11-21",
            ]
        );
        assert!(
            view.lines
                .iter()
                .all(|l| crate::wrap::width(&l.text()) <= 80)
        );
    }

    #[test]
    fn a_copy_is_named_not_repeated_and_the_rest_is_compared() {
        let view = strike_view(80);
        let copy = view.articles.iter().find(|a| a.copy_of.is_some()).unwrap();
        assert_eq!(copy.article.source, "Coastal Daily");
        assert!(copy.additions.is_empty());
        let text: Vec<String> = view.lines.iter().map(StoryLine::text).collect();
        assert!(
            text.iter()
                .any(|l| l
                    == "≈ a near-copy of Northline Wire, 2026-11-16: its text is not repeated"),
            "{text:#?}"
        );
        // The original still has sentences of its own.
        let original = view.articles.iter().find(|a| a.index == 0).unwrap();
        assert!(!original.additions.is_empty());
        assert!(!marked(&view, Mark::Addition).is_empty());
        assert!(!marked(&view, Mark::OnlyHere).is_empty());
    }

    #[test]
    fn figures_that_disagree_are_marked_and_listed_with_the_others() {
        let view = strike_view(100);
        let flagged = marked(&view, Mark::Disagree);
        assert!(flagged.iter().any(|t| t == "3,800"), "{flagged:?}");
        let text: Vec<String> = view.lines.iter().map(StoryLine::text).collect();
        let note = text
            .iter()
            .find(|l| l.starts_with("≠ 3,800 dockworkers, elsewhere: "))
            .unwrap();
        assert!(
            note.contains("4,600 members (Meridian Post, 2026-11-18)"),
            "{note}"
        );
    }

    #[test]
    fn a_story_too_big_to_compare_is_shown_unmarked() {
        let articles: Vec<Arc<Article>> = (0..=COMPARE_LIMIT)
            .map(|i| {
                crate::app::tests::article(
                    i,
                    &format!("Report {i}"),
                    &format!("Outlet {i}"),
                    &format!("Outlet {i} counted {} ships at anchor.", 20 + i),
                )
            })
            .collect();
        let table = StoryTable {
            of_article: vec![0; articles.len()],
            copy: vec![false; articles.len()],
            stories: vec![crate::stories::Story {
                id: articles[0].id,
                headline: 0,
                articles: (0..articles.len()).collect(),
                sources: articles.iter().map(|a| a.source.clone()).collect(),
                first: articles[0].date,
                last: articles[27].date,
                duplicates: Vec::new(),
            }],
        };
        let view = StoryView::new(&table, 0, &articles, 80).unwrap();
        assert!(!view.compared);
        assert_eq!(
            view.lines[0].text(),
            "61 articles: too many to compare here; they are shown unmarked."
        );
        assert_eq!(view.heading_rows().count(), articles.len());
        assert!(
            view.lines
                .iter()
                .flat_map(|l| &l.pieces)
                .all(|(_, m)| !matches!(m, Mark::Addition | Mark::OnlyHere | Mark::Disagree))
        );
        // One fewer is compared: the ship counts disagree.
        let mut smaller = table.clone();
        smaller.stories[0].articles.pop();
        let view = StoryView::new(&smaller, 0, &articles, 80).unwrap();
        assert!(view.compared);
        assert!(view.articles.iter().any(|a| !a.disagreeing.is_empty()));
    }

    #[test]
    fn wide_the_articles_stand_two_side_by_side() {
        let view = strike_view(SIDE_BY_SIDE + 10);
        let first = view.lines[0].text();
        assert!(
            first.starts_with("━━ Northline Wire · 2026-11-16 "),
            "{first}"
        );
        let gutter = first.find(" │ ").unwrap();
        assert!(first[gutter..].starts_with(" │ ━━ Coastal Daily · 2026-11-17"));
        // Every line is in bounds and the gutter is in one column.
        let column = crate::ui::width(&first[..gutter]);
        for line in &view.lines {
            let text = line.text();
            assert!(crate::ui::width(&text) <= SIDE_BY_SIDE + 10, "{text}");
            let at = text.find(" │ ").unwrap();
            assert_eq!(crate::ui::width(&text[..at]), column, "{text}");
        }
        // Three pairs (five articles): headings on three rows, each the left
        // article's.
        let headings: Vec<usize> = view.heading_rows().map(|(_, a)| a).collect();
        assert_eq!(headings.len(), 3);
        assert_eq!(headings[0], 0);
        // The fifth article has no partner: its lines end at the gutter.
        let last = view.lines.last().unwrap().text();
        assert!(last.trim_end().ends_with('│'), "{last}");
    }

    #[test]
    fn scrolling_stays_in_bounds_and_steps_between_articles() {
        let mut view = strike_view(60);
        let height = 20;
        view.scroll_by(-5, height);
        assert_eq!(view.scroll, 0);
        view.scroll_by(100_000, height);
        assert_eq!(view.scroll, view.lines.len() - height);
        view.scroll = 0;
        view.next_article(1, height);
        let (second, article) = view.heading_rows().nth(1).unwrap();
        assert_eq!(view.scroll, second);
        assert_eq!(view.current_article(), Some(article));
        view.next_article(-1, height);
        assert_eq!(view.scroll, 0);
        // Laid out again narrower, the same article stays on top.
        view.next_article(1, height);
        view.layout(40);
        assert_eq!(view.current_article(), Some(article));
        assert!(
            view.lines
                .iter()
                .all(|l| crate::wrap::width(&l.text()) <= 40)
        );
    }
}
