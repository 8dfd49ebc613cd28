//! Metadata keys shared by JSON articles and Markdown front matter: which
//! key fills which field, which wins when several are present, and how the
//! collected values become a draft.

use super::draft::{Draft, Field, Note};

/// The article field a key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Title,
    Body,
    Source,
    Date,
    Author,
    Url,
}

/// Known keys (matched without regard to case), in order of preference
/// within each role: the first present and usable one wins.
const KEYS: &[(&str, Role)] = &[
    ("title", Role::Title),
    ("headline", Role::Title),
    ("body", Role::Body),
    ("articleBody", Role::Body),
    ("content", Role::Body),
    ("text", Role::Body),
    ("description", Role::Body),
    ("summary", Role::Body),
    ("source", Role::Source),
    ("publisher", Role::Source),
    ("site", Role::Source),
    ("date", Role::Date),
    ("published", Role::Date),
    ("publishedAt", Role::Date),
    ("pubDate", Role::Date),
    ("published_at", Role::Date),
    ("datePublished", Role::Date),
    ("updated", Role::Date),
    ("author", Role::Author),
    ("authors", Role::Author),
    ("byline", Role::Author),
    ("by", Role::Author),
    ("url", Role::Url),
    ("link", Role::Url),
];

/// The position of a known key in the table (its preference), if known.
pub(crate) fn rank_of(key: &str) -> Option<usize> {
    KEYS.iter()
        .position(|(name, _)| key.eq_ignore_ascii_case(name))
}

/// The field a known key (by rank) fills.
pub(crate) fn role_of(rank: usize) -> Option<Role> {
    KEYS.get(rank).map(|&(_, role)| role)
}

/// Values collected for known keys, in the order they were met.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    found: Vec<(usize, Field)>,
}

impl Fields {
    /// Keep the value of the key at `rank` (from [`rank_of`]).
    pub fn offer(&mut self, rank: usize, value: Field) {
        if rank < KEYS.len() {
            self.found.push((rank, value));
        }
    }

    /// Offer a value under any key; unknown keys are ignored.
    #[cfg(test)]
    pub fn offer_key(&mut self, key: &str, value: Field) {
        if let Some(rank) = rank_of(key) {
            self.offer(rank, value);
        }
    }

    /// Fill a draft: for each field the most preferred usable value.
    /// `lenient` lets numbers stand as text (front matter `title: 1984`);
    /// values of the wrong type give warnings.
    pub fn into_draft(
        mut self,
        line: Option<usize>,
        lenient: bool,
        notes: &mut Vec<Note>,
    ) -> Draft {
        self.found.sort_by_key(|(rank, _)| *rank);
        let mut draft = Draft {
            line,
            ..Draft::default()
        };
        let mut bodies: Vec<(&'static str, String)> = Vec::new();
        for (rank, value) in self.found {
            let Some(&(key, role)) = KEYS.get(rank) else {
                continue;
            };
            match role {
                Role::Title => fill(&mut draft.title, || {
                    value.into_text(key, lenient, line, notes)
                }),
                Role::Source => fill(&mut draft.source, || {
                    value.into_text(key, lenient, line, notes)
                }),
                Role::Url => fill(&mut draft.url, || value.into_text(key, false, line, notes)),
                Role::Author => fill(&mut draft.author, || value.into_names(key, line, notes)),
                Role::Date => {
                    if draft.date.is_none() && draft.date_text.is_none() {
                        value.into_date(key, &mut draft, notes);
                    }
                }
                Role::Body => {
                    if let Some(text) = value.into_text(key, lenient, line, notes) {
                        bodies.push((key, text));
                    }
                }
            }
        }
        draft.body = choose_body(bodies);
        draft
    }
}

fn fill(slot: &mut Option<String>, value: impl FnOnce() -> Option<String>) {
    if slot.is_none() {
        *slot = value();
    }
}

/// The first body text in order of preference; but a `content` cut short by
/// a news API (`… [+1234 chars]`) gives way to a longer other text, and
/// loses its marker when kept.
fn choose_body(bodies: Vec<(&'static str, String)>) -> String {
    let mut bodies = bodies.into_iter();
    let Some((_, first)) = bodies.next() else {
        return String::new();
    };
    let Some(cut) = truncation_marker(&first) else {
        return first;
    };
    let kept = first.get(..cut).unwrap_or(&first).trim_end();
    let kept_len = kept.chars().count();
    if let Some(longer) = bodies
        .map(|(_, text)| text)
        .find(|text| text.trim().chars().count() > kept_len)
    {
        return longer;
    }
    let mut kept = kept.to_owned();
    if !kept.ends_with(['\u{2026}', '.']) {
        kept.push('\u{2026}');
    }
    kept
}

/// Where a trailing `[+1234 chars]` marker starts, if there is one.
fn truncation_marker(text: &str) -> Option<usize> {
    let t = text.trim_end();
    let inner = t.strip_suffix(" chars]")?;
    let start = inner.rfind("[+")?;
    let digits = inner.get(start + 2..)?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Severity;

    fn text(s: &str) -> Field {
        Field::Text(s.to_owned())
    }

    #[test]
    fn keys_match_without_case_and_prefer_the_table_order() {
        assert_eq!(rank_of("PublishedAt"), rank_of("publishedat"));
        assert!(rank_of("title") < rank_of("headline"));
        assert_eq!(rank_of("urlToImage"), None);
        let mut fields = Fields::default();
        fields.offer_key("headline", text("Second choice"));
        fields.offer_key("updated", text("2025-07-01"));
        fields.offer_key("Title", text("First choice"));
        fields.offer_key("date", text("2025-06-28"));
        fields.offer_key("urlToImage", text("https://img.example/x.jpg"));
        let mut notes = Vec::new();
        let d = fields.into_draft(Some(2), false, &mut notes);
        assert_eq!(d.title.as_deref(), Some("First choice"));
        assert_eq!(d.date_text.as_deref(), Some("2025-06-28"));
        assert_eq!(d.url, None);
        assert_eq!(d.line, Some(2));
        assert!(notes.is_empty());
    }

    #[test]
    fn an_unusable_value_warns_and_the_next_key_fills_in() {
        let mut fields = Fields::default();
        fields.offer_key("title", Field::Integer(42));
        fields.offer_key("headline", text("Tram line opens"));
        let mut notes = Vec::new();
        let d = fields.into_draft(Some(5), false, &mut notes);
        assert_eq!(d.title.as_deref(), Some("Tram line opens"));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].severity, Severity::Warning);
        assert_eq!(notes[0].line, Some(5));
        assert!(notes[0].message.contains("`title` is a number"));
    }

    #[test]
    fn empty_bodies_are_passed_over() {
        let mut fields = Fields::default();
        fields.offer_key("summary", text("The short version."));
        fields.offer_key("body", text("  "));
        let d = fields.into_draft(None, false, &mut Vec::new());
        assert_eq!(d.body, "The short version.");
    }

    #[test]
    fn truncated_content_gives_way_to_a_longer_description() {
        let mut fields = Fields::default();
        fields.offer_key(
            "content",
            text("Officials said the dam held \u{2026} [+2741 chars]"),
        );
        fields.offer_key(
            "description",
            text("Officials said the dam held through the night as engineers pumped water from the reservoir."),
        );
        let d = fields.into_draft(None, false, &mut Vec::new());
        assert!(
            d.body.starts_with("Officials said the dam held through"),
            "{}",
            d.body
        );
    }

    #[test]
    fn truncated_content_longer_than_the_description_is_kept_without_marker() {
        let mut fields = Fields::default();
        fields.offer_key(
            "content",
            text("Officials said the dam held through the night as engineers pumped water [+2741 chars]"),
        );
        fields.offer_key("description", text("The dam held."));
        let d = fields.into_draft(None, false, &mut Vec::new());
        assert_eq!(
            d.body,
            "Officials said the dam held through the night as engineers pumped water\u{2026}"
        );
    }

    #[test]
    fn truncation_marker_needs_digits() {
        assert_eq!(truncation_marker("abc [+12 chars]"), Some(4));
        assert_eq!(truncation_marker("abc [+ chars]"), None);
        assert_eq!(truncation_marker("abc [+1x2 chars]"), None);
        assert_eq!(truncation_marker("plain text"), None);
    }

    #[test]
    fn authors_join_and_sources_take_names() {
        let mut fields = Fields::default();
        fields.offer_key(
            "authors",
            Field::List(vec!["Ada Byrne".into(), "Tom Okafor".into()]),
        );
        fields.offer_key("source", Field::Named("Harbour Daily".into()));
        let d = fields.into_draft(None, false, &mut Vec::new());
        assert_eq!(d.author.as_deref(), Some("Ada Byrne, Tom Okafor"));
        assert_eq!(d.source.as_deref(), Some("Harbour Daily"));
    }
}
