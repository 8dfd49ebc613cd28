//! Names and numbers: turns an article's text into sorted, non-overlapping
//! spans of people, organizations, places, other names, numbers and dates.
//!
//! Pure: no terminal code. The reader draws each kind in its own style and
//! `dateline entities --jsonl` prints the spans for scripts and scoring.

use serde::Serialize;

mod lexicon;
mod names;
mod numbers;
mod token;
mod words;

/// What a highlighted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Other proper names: nationalities, religions, events, works, laws.
    Name,
    Number,
    Date,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Name,
        EntityKind::Number,
        EntityKind::Date,
    ];

    /// The lowercase label used in JSON output and in the legend.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Name => "name",
            EntityKind::Number => "number",
            EntityKind::Date => "date",
        }
    }
}

/// A highlighted stretch of text: `start..end` are byte offsets on char
/// boundaries of the text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// Find the names and numbers in `text`. The spans are sorted by `start`,
/// do not overlap, and lie on char boundaries within `text`.
pub fn highlight(text: &str) -> Vec<Span> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    token::tokenize(text, &mut toks);
    let mut used = vec![false; toks.len()];
    let mut numbers = Vec::new();
    numbers::scan(text, &toks, &mut used, &mut numbers);
    let names = names::scan(text, &toks, &used);
    let mut spans: Vec<Span> = numbers
        .iter()
        .map(|f| (f.a, f.b + 1, f.kind))
        .chain(names.iter().map(|c| (c.a, c.b, c.kind)))
        .filter_map(|(a, b, kind)| {
            let start = toks.get(a)?.start;
            let end = toks.get(b.checked_sub(1)?)?.end;
            (start < end).then_some(Span { start, end, kind })
        })
        .collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if out.last().is_none_or(|l| l.end <= s.start) {
            out.push(s);
        }
    }
    out
}
