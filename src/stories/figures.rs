//! Figures: every number and date an article gives, with its value and the
//! words that say what it counts, and the figures of a story that describe
//! the same thing but disagree between sources or over time.
//!
//! What a figure counts is read from the words around it: a currency sign
//! or word (`€25m` → euros), a percent sign or `per cent`, a rate (`a day`),
//! and the noun after it (`3,800 dockworkers`, `4,600 of its members`,
//! `27 ships`, `40,005 people were killed`), or, when nothing follows, a
//! word before it (`the death toll rose to 40,005`) or the figure just
//! before it in the same sentence (`Havenbond counted 4,600 strikers, the
//! board about 3,900`). Nouns that news uses for the same thing share a
//! **concept** (`dockworkers`, `strikers`, `members` → workers; `ships`,
//! `vessels` → ships; `killed`, `dead`, `deaths` → deaths); other nouns are
//! their own concept, singular.
//!
//! Two figures of a story **disagree** when they have the same concept,
//! come from different articles, differ in value, and are close: the
//! values of a concept are sorted and cut where one is more than
//! [`COMPARABLE_RATIO`] times the one below it, and figures disagree only
//! within a run. `3,800` and `4,600` workers are two counts of one thing;
//! a payment of `€1,250`, a loss of `€95 million` and one of `€150
//! million` make two runs (payments, losses), each its own disagreement. Percentages
//! without a noun are not compared: `3.5%` and `8%` of a wage dispute are
//! an offer and a demand, not a disagreement.

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Serialize, Serializer};

use crate::entities::sentence_around;
use crate::entities::values::{same_value, values_of};
use crate::highlight::{EntityKind, Span};

/// Values of one concept are compared (and may disagree) in runs where each
/// is at most this many times the one below it.
pub const COMPARABLE_RATIO: f64 = 2.0;

/// What a figure's text stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FigureValue {
    /// A number: `40,005`, `€4.2 million`, `3.5%` (3.5).
    Number(f64),
    /// A day: `15 August 2024`, `Nov. 16` (in the article's year),
    /// `Monday` (the day of that name nearest the article's date).
    Day(NaiveDate),
    /// A month: `Jul 2025`.
    Month(i32, u32),
    /// A year: `2026`.
    Year(i32),
    /// A span of time: an amount of a unit (`12 days`, `two years`).
    Span(f64, TimeUnit),
    /// A date that could not be read (a weekday in an undated article).
    Unknown,
}

/// Units of a span of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl fmt::Display for FigureValue {
    /// Numbers as plain decimals; dates in ISO 8601 (`2026-11-16`,
    /// `2025-07`, `2026`); spans as ISO 8601 durations (`P12D`, `PT48H`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Number(v) => write!(f, "{v}"),
            Self::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Self::Year(y) => write!(f, "{y:04}"),
            Self::Span(n, unit) => {
                let (prefix, letter) = match unit {
                    TimeUnit::Hours => ("PT", 'H'),
                    TimeUnit::Days => ("P", 'D'),
                    TimeUnit::Weeks => ("P", 'W'),
                    TimeUnit::Months => ("P", 'M'),
                    TimeUnit::Years => ("P", 'Y'),
                };
                write!(f, "{prefix}{n}{letter}")
            }
            Self::Unknown => Ok(()),
        }
    }
}

impl Serialize for FigureValue {
    /// A number as a JSON number, anything else as its text (null when
    /// unknown).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(v) => s.serialize_f64(*v),
            Self::Unknown => s.serialize_none(),
            other => s.collect_str(other),
        }
    }
}

/// One number or date of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// `Number` or `Date`.
    pub kind: EntityKind,
    /// Byte range in the body: the highlighted span with a currency sign
    /// before it and a percent sign or `per cent` after it.
    pub range: Range<usize>,
    pub value: FigureValue,
    /// The words that say what it counts, as written (`dockworkers`,
    /// `euros a day`, `people killed`, `percent`); empty when nothing says.
    pub counts: String,
    /// What is compared between articles (`workers`, `euros/day`); `None`
    /// for figures that are not compared.
    pub concept: Option<String>,
    /// Byte range of the sentence around it.
    pub sentence: Range<usize>,
}

impl Figure {
    /// The figure as a reader would quote it: its text, then what it counts
    /// unless the text already says (`3,800 dockworkers`, `€25m a day`,
    /// `18 million euros`, `54.2% vote`).
    pub fn label(&self, body: &str) -> String {
        let text = body.get(self.range.clone()).unwrap_or("");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = text.to_lowercase();
        let sign = text.starts_with(['$', '€', '£', '¥', '₹']) || lower.starts_with("us$");
        let mut label = text;
        for word in self.counts.split(' ').filter(|w| !w.is_empty()) {
            let said = match word {
                "percent" => {
                    lower.ends_with('%') || lower.contains("per cent") || lower.contains("percent")
                }
                "euros" | "dollars" | "pounds" | "yen" | "rupees" => sign,
                _ => false,
            };
            if !said {
                label.push(' ');
                label.push_str(word);
            }
        }
        label
    }
}

/// Words after a figure that end the search for what it counts.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "in", "into", "is", "it", "more", "on", "or", "over", "than", "that", "the", "their",
    "this", "to", "up", "was", "were", "which", "who", "will", "with", "would", "per", "each",
    "since", "before", "after", "until", "while", "when", "about", "against", "between", "during",
    "under", "so", "if", "they", "he", "she", "we", "you", "i", "not", "no", "said", "says", "say",
    "its", "his", "her", "our", "of", "them", "these", "those", "all", "out",
];

/// Words between a figure and its noun that are skipped: `4,600 of its
/// members`, `3,800 of the strikers`.
const LINK_WORDS: &[&str] = &[
    "of", "its", "the", "their", "his", "her", "our", "those", "them",
];

/// Nouns that name the same thing, and the concept they share.
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "workers",
        &[
            "worker",
            "workers",
            "dockworker",
            "dockworkers",
            "docker",
            "dockers",
            "striker",
            "strikers",
            "member",
            "members",
            "employee",
            "employees",
            "staff",
        ],
    ),
    (
        "ships",
        &["ship", "ships", "vessel", "vessels", "boat", "boats"],
    ),
    (
        "deaths",
        &[
            "killed",
            "dead",
            "death",
            "deaths",
            "died",
            "fatalities",
            "lives",
            "toll",
            "bodies",
        ],
    ),
    ("injured", &["injured", "wounded", "hurt", "injuries"]),
    ("hostages", &["hostage", "hostages", "captives", "abducted"]),
    ("displaced", &["displaced", "refugees", "evacuated"]),
    ("arrests", &["arrested", "arrests", "detained", "detainees"]),
    ("votes", &["vote", "votes", "ballots"]),
];

/// Participles after `people were` that say what happened to them.
fn participle_concept(word: &str) -> Option<&'static str> {
    concept_of(word).filter(|c| !matches!(*c, "workers" | "ships" | "votes"))
}

fn concept_of(word: &str) -> Option<&'static str> {
    CONCEPTS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(c, _)| *c)
}

/// A noun as a concept: one of [`CONCEPTS`], else the word singular.
fn concept_of_noun(word: &str) -> String {
    if let Some(c) = concept_of(word) {
        return c.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') && !stem.ends_with('u') => {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

/// A currency sign or code just before a figure (`€`, `$`, `US$`, `£`).
fn currency_before(body: &str, start: usize) -> Option<(usize, &'static str)> {
    let before = body.get(..start)?;
    for (sign, name) in [
        ("US$", "dollars"),
        ("$", "dollars"),
        ("€", "euros"),
        ("£", "pounds"),
        ("¥", "yen"),
        ("₹", "rupees"),
    ] {
        if before.ends_with(sign) {
            return Some((start - sign.len(), name));
        }
    }
    None
}

fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "euro" | "euros" | "eur" => "euros",
        "dollar" | "dollars" | "usd" => "dollars",
        "pound" | "pounds" | "gbp" => "pounds",
        "yen" => "yen",
        "rupees" | "rupee" => "rupees",
        _ => return None,
    })
}

/// The lowercase words of `text` with their byte ranges (letters and
/// hyphens; anything else ends a word, and punctuation other than a hyphen
/// is given as its own one-character word so that callers see clause ends).
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphabetic() || (c == '-' && start.is_some()) || c == '\'';
        if in_word {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s..i, text[s..i].to_lowercase()));
        }
        if !c.is_whitespace() && i < text.len() {
            out.push((i..i + c.len_utf8(), c.to_string()));
        }
    }
    out
}

/// Read every number and date of an article. `date` is the article's
/// date, used to place dates written without a year or as a weekday.
pub fn figures(body: &str, spans: &[Span], date: Option<NaiveDate>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for span in spans {
        let Some(text) = body.get(span.start..span.end) else {
            continue;
        };
        match span.kind {
            EntityKind::Number => out.push(number_figure(body, span, text, &out)),
            EntityKind::Date => out.push(Figure {
                kind: EntityKind::Date,
                range: span.start..span.end,
                value: placed_date(text, date, looks_ahead(body, span.start)),
                counts: String::new(),
                concept: None,
                sentence: sentence_around(body, span.start..span.end),
            }),
            _ => {}
        }
    }
    out
}

/// The noun after a figure (from word `k` of `after`): link words
/// skipped, then up to two content words (`port workers`), then a
/// participle that says what happened to them (`people were killed`).
fn noun_after(after: &[(Range<usize>, String)], k: usize) -> Vec<&str> {
    let mut noun_words: Vec<&str> = Vec::new();
    let mut j = k;
    // `4,600 of its members`: after `of`, a determiner or two may follow.
    if after.get(j).is_some_and(|(_, w)| w == "of") {
        j += 1;
        while after
            .get(j)
            .is_some_and(|(_, w)| LINK_WORDS.contains(&w.as_str()))
            && j < k + 3
        {
            j += 1;
        }
    }
    while let Some((_, w)) = after.get(j) {
        let content = w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !STOP_WORDS.contains(&w.as_str())
            && w.chars().count() > 1
            && values_of(w).is_empty();
        // A second word only after a modifier (`port workers`), not after a
        // plural (`dockworkers walked`), and only a noun-like one.
        let second_ok = noun_words.first().is_none_or(|first| {
            !first.ends_with('s')
                && (w.ends_with('s') || concept_of(w).is_some())
                && !w.ends_with("ed")
        });
        if !content || noun_words.len() == 2 || !second_ok {
            break;
        }
        noun_words.push(w);
        j += 1;
    }
    if let Some(n) = noun_words.last()
        && concept_of(n).is_none()
        && let (Some((_, aux)), Some((_, verb))) = (after.get(j), after.get(j + 1))
        && matches!(aux.as_str(), "were" | "was" | "have" | "had" | "are")
    {
        let verb = if verb == "been" {
            after.get(j + 2).map_or("", |(_, w)| w.as_str())
        } else {
            verb.as_str()
        };
        if participle_concept(verb).is_some() {
            noun_words.push(verb);
        }
    }
    noun_words
}

fn number_figure(body: &str, span: &Span, text: &str, earlier: &[Figure]) -> Figure {
    let mut range = span.start..span.end;
    let sentence = sentence_around(body, range.clone());
    let value = values_of(text)
        .first()
        .copied()
        .map_or(FigureValue::Unknown, FigureValue::Number);
    let mut unit: Option<&'static str> = None;
    if let Some((start, name)) = currency_before(body, range.start) {
        range.start = start;
        unit = Some(name);
    }
    let after_text = body
        .get(range.end..sentence.end.max(range.end))
        .unwrap_or("");
    let after = words(after_text);
    let mut k = 0;
    let mut percent = false;
    match after.first().map(|(r, w)| (r.start, w.as_str())) {
        Some((0, "%") | (_, "percent")) => {
            percent = true;
            range.end += after[0].0.end;
            k = 1;
        }
        Some((_, "per")) if after.get(1).is_some_and(|(_, w)| w == "cent") => {
            percent = true;
            range.end += after[1].0.end;
            k = 2;
        }
        _ => {}
    }
    if unit.is_none()
        && let Some(name) = after.get(k).and_then(|(_, w)| currency_word(w))
    {
        unit = Some(name);
        k += 1;
    }
    // A rate: "a day", "per day", "each year".
    let mut rate: Option<&str> = None;
    if let (Some((_, a)), Some((_, b))) = (after.get(k), after.get(k + 1))
        && matches!(a.as_str(), "a" | "per" | "each" | "every")
        && matches!(b.as_str(), "day" | "week" | "month" | "year" | "hour")
    {
        rate = Some(b.as_str());
    }
    let noun_words = if rate.is_none() && unit.is_none() {
        noun_after(&after, k)
    } else {
        Vec::new()
    };
    let noun = noun_words.last().copied();
    let mut counts: Vec<String> = Vec::new();
    let mut concept: Option<String> = None;
    if percent {
        counts.push("percent".into());
    }
    if let Some(u) = unit {
        counts.push(u.into());
        concept = Some(match rate {
            Some(r) => format!("{u}/{r}"),
            None => u.to_string(),
        });
    }
    if let Some(r) = rate {
        counts.push(format!("a {r}"));
    }
    if !noun_words.is_empty() {
        counts.extend(noun_words.iter().map(|w| (*w).to_string()));
    }
    if let (None, Some(n)) = (&concept, noun) {
        let c = concept_of_noun(n);
        concept = Some(if percent { format!("% {c}") } else { c });
    }
    if concept.is_none() && !percent && noun_words.is_empty() {
        // Nothing after: a word before it (`death toll rose to 40,005`), else
        // the figure before it in the sentence.
        let before_text = body.get(sentence.start..range.start).unwrap_or("");
        let before = words(before_text);
        let mut near = before
            .iter()
            .rev()
            .take_while(|(_, w)| w != "," && w != ";")
            .take(5);
        if let Some(c) = near.find_map(|(_, w)| participle_concept(w)) {
            counts.push(c.to_string());
            concept = Some(c.to_string());
        } else if let Some(prev) = earlier.iter().rev().find(|f| {
            f.kind == EntityKind::Number
                && f.sentence == sentence
                && f.concept.is_some()
                && range.start.saturating_sub(f.range.end) < 80
        }) {
            counts.push(prev.counts.clone());
            concept.clone_from(&prev.concept);
        }
    }
    Figure {
        kind: EntityKind::Number,
        range,
        value,
        counts: counts.join(" "),
        concept,
        sentence,
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS
        .iter()
        .position(|m| w.starts_with(m) && (w.len() == 3 || full_month(m).starts_with(&w)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn full_month(abbrev: &str) -> &'static str {
    match abbrev {
        "jan" => "january",
        "feb" => "february",
        "mar" => "march",
        "apr" => "april",
        "may" => "may",
        "jun" => "june",
        "jul" => "july",
        "aug" => "august",
        "sep" => "september",
        "oct" => "october",
        "nov" => "november",
        _ => "december",
    }
}

fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word.to_lowercase().trim_end_matches('.') {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Whether the words before `at` in its sentence speak of the future
/// (`will`, `next`, `is due`), so that a weekday there is the next one.
fn looks_ahead(body: &str, at: usize) -> bool {
    let sentence = sentence_around(body, at..at);
    let before = body.get(sentence.start..at).unwrap_or("");
    words(before).iter().any(|(_, w)| {
        matches!(
            w.as_str(),
            "will" | "next" | "due" | "scheduled" | "expected" | "until" | "by" | "planned"
        )
    })
}

/// The day a date names: the day itself, or the first day of its month
/// or year; `None` for a span of time or a date not read.
pub fn day_of(value: FigureValue) -> Option<NaiveDate> {
    match value {
        FigureValue::Day(d) => Some(d),
        FigureValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
        FigureValue::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        _ => None,
    }
}

/// The days the dates of an article name (its `Date` spans placed as
/// [`figures`] places them, through [`day_of`]), as days from the common
/// era, ascending, each once, with where each is first given (a byte
/// offset into `body`).
pub fn date_days_at(body: &str, spans: &[Span], date: Option<NaiveDate>) -> Vec<(i32, u32)> {
    let mut out: Vec<(i32, u32)> = spans
        .iter()
        .filter(|s| s.kind == EntityKind::Date)
        .filter_map(|s| {
            let text = body.get(s.start..s.end)?;
            let day = day_of(placed_date(text, date, looks_ahead(body, s.start)))?;
            Some((
                day.num_days_from_ce(),
                u32::try_from(s.start).unwrap_or(u32::MAX),
            ))
        })
        .collect();
    out.sort_unstable();
    out.dedup_by_key(|&mut (day, _)| day);
    out
}

/// The value of a date's text, placed with the article's date when it
/// lacks a year. A weekday alone is the last day of that name on or before
/// the article's date (news mostly looks back).
pub fn date_value(text: &str, article: Option<NaiveDate>) -> FigureValue {
    placed_date(text, article, false)
}

/// [`date_value`], with a weekday alone taken as the next day of that
/// name after the article's date when `ahead`.
fn placed_date(text: &str, article: Option<NaiveDate>, ahead: bool) -> FigureValue {
    if let Some(d) = crate::loader::dates::parse_exact(text) {
        return FigureValue::Day(d);
    }
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let number = |t: &str| -> Option<i64> {
        let digits = t.trim_end_matches(|c: char| c.is_alphabetic());
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let mut day: Option<u32> = None;
    let mut month: Option<u32> = None;
    let mut year: Option<i32> = None;
    let mut weekday: Option<Weekday> = None;
    let mut amount: Option<f64> = None;
    let mut unit: Option<TimeUnit> = None;
    for t in &tokens {
        if let Some(m) = month_of(t) {
            month = Some(m);
        } else if let Some(w) = weekday_of(t) {
            weekday = Some(w);
        } else if let Some(n) = number(t) {
            if (1000..=2999).contains(&n) {
                year = i32::try_from(n).ok();
            } else if (1..=31).contains(&n) && day.is_none() {
                day = u32::try_from(n).ok();
                amount = Some(f64::from(u32::try_from(n).unwrap_or(0)));
            } else {
                amount = u32::try_from(n).ok().map(f64::from);
            }
        } else if let Some(u) = time_unit(t) {
            unit = Some(u);
        } else if let Some(v) = values_of(t).first() {
            amount = Some(*v);
        }
    }
    if let Some(u) = unit {
        // "12 days", "two years", "48-hour".
        let n = amount.or_else(|| values_of(text).first().copied());
        return n.map_or(FigureValue::Unknown, |n| FigureValue::Span(n, u));
    }
    match (day, month, year) {
        (Some(d), Some(m), y) => y
            .or_else(|| article.map(|a| a.year()))
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .map_or(FigureValue::Unknown, FigureValue::Day),
        (None, Some(m), Some(y)) => FigureValue::Month(y, m),
        (None, None, Some(y)) => FigureValue::Year(y),
        _ => match (weekday, article) {
            (Some(w), Some(a)) => FigureValue::Day(weekday_near(a, w, ahead)),
            _ => FigureValue::Unknown,
        },
    }
}

fn time_unit(word: &str) -> Option<TimeUnit> {
    let w = word.to_lowercase();
    let w = w.rsplit('-').next().unwrap_or(&w);
    Some(match w {
        "hour" | "hours" => TimeUnit::Hours,
        "day" | "days" => TimeUnit::Days,
        "week" | "weeks" | "fortnight" => TimeUnit::Weeks,
        "month" | "months" => TimeUnit::Months,
        "year" | "years" => TimeUnit::Years,
        _ => return None,
    })
}

/// The day named `weekday` within a week before `date` (the day itself
/// when it is that weekday), or within a week after it when `ahead`.
fn weekday_near(date: NaiveDate, weekday: Weekday, ahead: bool) -> NaiveDate {
    (0..7)
        .map(|k| date + Duration::days(if ahead { k } else { -k }))
        .find(|d| d.weekday() == weekday)
        .unwrap_or(date)
}

/// A figure of a story: which article (its position in the story's list),
/// and the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryFigure<'a> {
    pub article: usize,
    pub figure: &'a Figure,
}

/// Figures of a story that describe one thing and disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement<'a> {
    pub concept: String,
    /// Every figure of the concept that differs from one in another
    /// article, in the order given (callers give oldest article first).
    pub figures: Vec<StoryFigure<'a>>,
}

/// The disagreements among the figures of one story's articles (given
/// oldest first). See the module documentation for what disagrees.
pub fn disagreements<'a>(articles: &[&'a [Figure]]) -> Vec<Disagreement<'a>> {
    let mut concepts: Vec<(&str, Vec<StoryFigure<'a>>)> = Vec::new();
    for (article, figures) in articles.iter().enumerate() {
        for figure in *figures {
            let (Some(concept), FigureValue::Number(_)) = (&figure.concept, figure.value) else {
                continue;
            };
            let at = concepts
                .iter()
                .position(|(c, _)| *c == concept.as_str())
                .unwrap_or_else(|| {
                    concepts.push((concept.as_str(), Vec::new()));
                    concepts.len() - 1
                });
            concepts[at].1.push(StoryFigure { article, figure });
        }
    }
    let number = |f: &StoryFigure| match f.figure.value {
        FigureValue::Number(v) => v,
        _ => f64::NAN,
    };
    let mut out = Vec::new();
    for (concept, mut figures) in concepts {
        // Runs of values each within the ratio of the one before.
        let mut order: Vec<usize> = (0..figures.len()).collect();
        order.sort_by(|&a, &b| number(&figures[a]).total_cmp(&number(&figures[b])));
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for i in order {
            let v = number(&figures[i]);
            match runs.last_mut() {
                Some(run)
                    if run.last().is_some_and(|&p| {
                        let u = number(&figures[p]);
                        v.abs() <= COMPARABLE_RATIO * u.abs()
                    }) =>
                {
                    run.push(i);
                }
                _ => runs.push(vec![i]),
            }
        }
        for mut run in runs {
            run.sort_unstable();
            let differs = |a: usize| {
                run.iter().any(|&b| {
                    figures[a].article != figures[b].article
                        && !same_value(number(&figures[a]), number(&figures[b]))
                })
            };
            let flagged: Vec<usize> = run.iter().copied().filter(|&a| differs(a)).collect();
            if !flagged.is_empty() {
                out.push(Disagreement {
                    concept: concept.to_string(),
                    figures: flagged.iter().map(|&i| figures[i]).collect(),
                });
            }
        }
        figures.clear();
    }
    out
}

#[cfg(test)]
mod tests;
