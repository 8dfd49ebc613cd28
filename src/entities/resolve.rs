//! Within one article: the highlighter's name spans grouped into entities,
//! and the outline of everything highlighted with its counts.

use std::collections::HashMap;
use std::ops::Range;

use foldhash::fast::FixedState;

use super::names::{ALIASES, all_caps, last_word, name_key, words_in_order};
use super::sentence::Sentences;
use super::values;
use crate::highlight::{EntityKind, Span};

/// Whether a kind names something (a person, organization, place or other
/// name) rather than a figure or a date: only these are entities.
pub fn is_name_kind(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Name
    )
}

/// One entity of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    /// What identifies it across articles, with its kind: the key of its
    /// fullest name (see the module documentation of [`super`]).
    pub key: String,
    /// How to show it: the gazetteer's name for an alias (`United States`
    /// for `U.S.`), else the first spelling of the fullest name that is not
    /// in capitals only.
    pub name: String,
    /// A person named by one word only, with no fuller name in the article
    /// that it could be part of (`Blair` in an article that never says
    /// `Tony Blair`).
    pub bare: bool,
}

/// One mention: a name span and the entity it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalMention {
    /// Byte range of the span in the text.
    pub range: Range<usize>,
    /// Index into [`ArticleNames::entities`].
    pub entity: usize,
    /// Byte range of the sentence around it (see
    /// [`super::sentence_around`]).
    pub sentence: Range<usize>,
}

/// The entities of one article and their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleNames {
    /// In order of first mention.
    pub entities: Vec<LocalEntity>,
    /// In text order.
    pub mentions: Vec<LocalMention>,
}

/// A name span before resolution.
struct Raw<'k> {
    range: Range<usize>,
    kind: EntityKind,
    /// Key after aliases.
    key: &'k str,
    /// The gazetteer's name when the key is an alias.
    alias: Option<&'static str>,
}

/// Where a name span's key is while the keys are gathered: the
/// gazetteer's key and name for an alias, else a range of the article's
/// own keys.
enum KeyAt {
    Alias(&'static str, &'static str),
    Own(Range<usize>),
}

/// Group the name spans of `text` into entities.
///
/// - Mentions with the same kind and key are one entity: case, accents,
///   periods and possessives do not split it (`TRUMP`, `Trump's`), and the
///   gazetteer's aliases join spellings (`US`, `U.S.`, `United States`).
/// - A person mention whose words all occur, in order, in a longer person
///   name of the same article, with the same last word (or, for a one-word
///   mention, anywhere in it) is that person: `Trump` and `Donald Trump`,
///   `Al-Thani` and `Mohammed bin Abdulrahman Al-Thani`, `Xi` and
///   `Xi Jinping`. The longest such name wins; when two different people
///   fit (`Jeb Bush` and `George Bush` for `Bush`), the one named most
///   recently before the mention, else the next one named after it.
///
/// Spans that are figures or dates are left out; spans must lie in `text`
/// (those that do not are skipped).
pub fn resolve_names(text: &str, spans: &[Span]) -> ArticleNames {
    // The keys that are no alias, one after another in `own`; an alias's
    // key is the gazetteer's.
    let mut own = String::new();
    let mut found: Vec<(&Span, KeyAt)> = Vec::with_capacity(spans.len());
    let mut key = String::new();
    for span in spans.iter().filter(|s| is_name_kind(s.kind)) {
        let Some(surface) = text.get(span.start..span.end) else {
            continue;
        };
        name_key(surface, &mut key);
        if key.is_empty() {
            continue;
        }
        let at = if let Some((k, name)) = ALIASES.lookup(&key) {
            KeyAt::Alias(k, name)
        } else {
            let start = own.len();
            own.push_str(&key);
            KeyAt::Own(start..own.len())
        };
        found.push((span, at));
    }
    let raws: Vec<Raw> = found
        .into_iter()
        .map(|(span, at)| {
            let (key, alias) = match at {
                KeyAt::Alias(key, name) => (key, Some(name)),
                KeyAt::Own(range) => (own.get(range).unwrap_or(""), None),
            };
            Raw {
                range: span.start..span.end,
                kind: span.kind,
                key,
                alias,
            }
        })
        .collect();
    let roots = person_roots(&raws);
    let sentences = Sentences::new(text);
    // Sized for every mention up front: growing them was much of the cost.
    let mut out = ArticleNames {
        entities: Vec::new(),
        mentions: Vec::with_capacity(raws.len()),
    };
    let mut ids: HashMap<(EntityKind, &str), usize, FixedState> =
        HashMap::with_capacity_and_hasher(raws.len(), FixedState::default());
    for (raw, root) in raws.iter().zip(&roots) {
        let root_key = root.map_or(raw.key, |r| raws[r].key);
        let id = *ids.entry((raw.kind, root_key)).or_insert_with(|| {
            out.entities.push(LocalEntity {
                kind: raw.kind,
                key: root_key.to_string(),
                name: String::new(),
                bare: raw.kind == EntityKind::Person
                    && root.is_none()
                    && !raw.key.contains(' ')
                    && raw.alias.is_none(),
            });
            out.entities.len() - 1
        });
        out.mentions.push(LocalMention {
            sentence: sentences.around(raw.range.clone()),
            range: raw.range.clone(),
            entity: id,
        });
    }
    let shown = display_names(text, &raws, &out);
    for (entity, name) in out.entities.iter_mut().zip(shown) {
        entity.name = name;
    }
    out
}

/// For each raw mention, the mention whose key is the person it is part of
/// (`None` when it is its own name or not a person).
fn person_roots(raws: &[Raw]) -> Vec<Option<usize>> {
    let mut roots = vec![None; raws.len()];
    // Distinct person keys that have more than one word: the full names,
    // each with the positions of its mentions.
    let mut full: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut full_ids: HashMap<&str, usize, FixedState> = HashMap::default();
    for (i, raw) in raws.iter().enumerate() {
        if raw.kind == EntityKind::Person && raw.key.contains(' ') && raw.alias.is_none() {
            let id = *full_ids.entry(raw.key).or_insert_with(|| {
                full.push((raw.key, Vec::new()));
                full.len() - 1
            });
            full[id].1.push(i);
        }
    }
    if full.is_empty() {
        return roots;
    }
    // Full names by each of their words, to find containers quickly.
    let mut by_word: HashMap<&str, Vec<usize>, FixedState> = HashMap::default();
    for (id, (key, _)) in full.iter().enumerate() {
        for w in key.split(' ') {
            let list = by_word.entry(w).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
    let contains = |part: &str, whole: &str| {
        part != whole
            && words_in_order(part, whole)
            && (!part.contains(' ') || last_word(part) == last_word(whole))
    };
    // The longest names holding each person key, computed once per key.
    let mut containers: HashMap<&str, Vec<usize>, FixedState> =
        HashMap::with_capacity_and_hasher(raws.len(), FixedState::default());
    for (i, raw) in raws.iter().enumerate() {
        if raw.kind != EntityKind::Person || raw.alias.is_some() {
            continue;
        }
        let key = raw.key;
        let found = containers.entry(key).or_insert_with(|| {
            let probe = if key.contains(' ') {
                last_word(key)
            } else {
                key
            };
            let holding: Vec<usize> = by_word
                .get(probe)
                .map(|ids| {
                    ids.iter()
                        .copied()
                        .filter(|&f| contains(key, full[f].0))
                        .collect()
                })
                .unwrap_or_default();
            holding
                .iter()
                .copied()
                .filter(|&f| !holding.iter().any(|&g| contains(full[f].0, full[g].0)))
                .collect()
        });
        roots[i] = match found.as_slice() {
            [] => None,
            [only] => full[*only].1.first().copied(),
            many => nearest(many, &full, raw.range.start, raws),
        };
    }
    roots
}

/// Among several full names, the first mention of the one mentioned most
/// recently before `at`, else of the one mentioned first after it.
fn nearest(
    candidates: &[usize],
    full: &[(&str, Vec<usize>)],
    at: usize,
    raws: &[Raw],
) -> Option<usize> {
    let before = candidates
        .iter()
        .filter_map(|&f| {
            let last_before = full[f].1.iter().rfind(|&&m| raws[m].range.start < at)?;
            Some((raws[*last_before].range.start, f))
        })
        .max();
    let pick = before.map(|(_, f)| f).or_else(|| {
        candidates
            .iter()
            .filter_map(|&f| Some((raws[*full[f].1.first()?].range.start, f)))
            .min()
            .map(|(_, f)| f)
    })?;
    full[pick].1.first().copied()
}

/// The name to show for each entity of `names`, in one pass over the
/// mentions: the gazetteer's name when its first mention under its own key
/// is an alias, else the first such mention not in capitals only, else the
/// first in capitals (a person's in title case), else its key.
fn display_names(text: &str, raws: &[Raw], names: &ArticleNames) -> Vec<String> {
    let mut shown: Vec<Option<String>> = vec![None; names.entities.len()];
    let mut first: Vec<Option<&str>> = vec![None; names.entities.len()];
    for (raw, mention) in raws.iter().zip(&names.mentions) {
        let id = mention.entity;
        let (Some(entity), Some(slot)) = (names.entities.get(id), shown.get_mut(id)) else {
            continue;
        };
        if slot.is_some() || raw.key != entity.key {
            continue;
        }
        if let Some(alias) = raw.alias {
            *slot = Some(alias.to_string());
            continue;
        }
        let surface = clean_surface(text.get(raw.range.clone()).unwrap_or(""));
        if all_caps(surface) {
            first[id].get_or_insert(surface);
        } else {
            *slot = Some(surface.to_string());
        }
    }
    names
        .entities
        .iter()
        .zip(shown)
        .zip(first)
        .map(|((entity, shown), first)| {
            shown.unwrap_or_else(|| {
                let shown = first.unwrap_or(entity.key.as_str());
                if entity.kind == EntityKind::Person && all_caps(shown) {
                    title_case(shown)
                } else {
                    shown.to_string()
                }
            })
        })
        .collect()
}

/// A span's text without a possessive ending or surrounding space.
pub(crate) fn clean_surface(surface: &str) -> &str {
    let s = surface.trim();
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(rest) = s.strip_suffix(suffix)
            && !rest.is_empty()
        {
            return rest.trim_end();
        }
    }
    s
}

/// `DONALD TRUMP` as `Donald Trump`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// One line of an article's outline: a name, figure or date with every
/// place the article mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    pub kind: EntityKind,
    /// The entity's name, or the figure or date as first written.
    pub label: String,
    /// Byte ranges of the mentions in the text, in order.
    pub mentions: Vec<Range<usize>>,
}

impl OutlineEntry {
    pub fn count(&self) -> usize {
        self.mentions.len()
    }
}

/// The outline of an article: its people, organizations, places, other
/// names, figures and dates (in that order of kinds), each with its
/// mentions; within a kind, the most mentioned first, then by first
/// mention. Names are grouped as [`resolve_names`] groups them; figures by
/// value (`4bn` and `4 billion` are one line); dates by their text,
/// ignoring case.
///
/// To find an entry's entity across articles, look up its first mention:
/// [`EntityIndex::entity_at`](super::EntityIndex::entity_at).
pub fn outline(text: &str, spans: &[Span]) -> Vec<OutlineEntry> {
    let names = resolve_names(text, spans);
    let mut entries: Vec<OutlineEntry> = names
        .entities
        .iter()
        .map(|e| OutlineEntry {
            kind: e.kind,
            label: e.name.clone(),
            mentions: Vec::new(),
        })
        .collect();
    for m in &names.mentions {
        if let Some(entry) = entries.get_mut(m.entity) {
            entry.mentions.push(m.range.clone());
        }
    }
    let mut groups: HashMap<(EntityKind, String), usize, FixedState> = HashMap::default();
    let mut found = Vec::new();
    for span in spans.iter().filter(|s| !is_name_kind(s.kind)) {
        let Some(surface) = text.get(span.start..span.end) else {
            continue;
        };
        found.clear();
        values::values(surface, &mut found);
        let group_key = match (span.kind, found.as_slice()) {
            (EntityKind::Number, [one]) => format!("={one}"),
            _ => surface.to_lowercase(),
        };
        let entry = *groups.entry((span.kind, group_key)).or_insert_with(|| {
            entries.push(OutlineEntry {
                kind: span.kind,
                label: surface.to_string(),
                mentions: Vec::new(),
            });
            entries.len() - 1
        });
        entries[entry].mentions.push(span.start..span.end);
    }
    entries.sort_by(|a, b| {
        let first = |e: &OutlineEntry| e.mentions.first().map_or(usize::MAX, |r| r.start);
        a.kind
            .cmp(&b.kind)
            .then(b.count().cmp(&a.count()))
            .then(first(a).cmp(&first(b)))
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::highlight;

    /// Each entity as (kind, name, bare, mention texts).
    fn grouped(text: &str) -> Vec<(EntityKind, String, bool, Vec<&str>)> {
        let names = resolve_names(text, &highlight(text));
        names
            .entities
            .iter()
            .enumerate()
            .map(|(id, e)| {
                let texts = names
                    .mentions
                    .iter()
                    .filter(|m| m.entity == id)
                    .map(|m| &text[m.range.clone()])
                    .collect();
                (e.kind, e.name.clone(), e.bare, texts)
            })
            .collect()
    }

    fn person<'a>(
        found: &'a [(EntityKind, String, bool, Vec<&'a str>)],
        name: &str,
    ) -> Option<&'a Vec<&'a str>> {
        found
            .iter()
            .find(|(k, n, _, _)| *k == EntityKind::Person && n == name)
            .map(|(_, _, _, m)| m)
    }

    #[test]
    fn a_surname_and_a_title_join_the_full_name() {
        let text = "TRUMP SAYS YES\nPresident Donald Trump met Benjamin Netanyahu on Monday. \
                    Trump said Netanyahu's office agreed, and President Trump left.";
        let found = grouped(text);
        assert_eq!(
            person(&found, "Donald Trump").map(Vec::len),
            Some(4),
            "{found:?}"
        );
        assert_eq!(
            person(&found, "Benjamin Netanyahu"),
            Some(&vec!["Benjamin Netanyahu", "Netanyahu"])
        );
        let people: Vec<_> = found.iter().filter(|e| e.0 == EntityKind::Person).collect();
        assert_eq!(people.len(), 2, "{found:?}");
        assert!(people.iter().all(|e| !e.2));
    }

    #[test]
    fn particles_and_hyphens_do_not_split_a_person() {
        let text = "Sheikh Mohammed bin Abdulrahman Al-Thani spoke. Later Al-Thani said \
                    more, and Spokesman Majed al-Ansari agreed with Ansari's aides.";
        let found = grouped(text);
        assert_eq!(
            person(&found, "Mohammed bin Abdulrahman Al-Thani").map(Vec::len),
            Some(2),
            "{found:?}"
        );
        assert_eq!(
            person(&found, "Majed al-Ansari"),
            Some(&vec!["Majed al-Ansari", "Ansari"])
        );
    }

    #[test]
    fn aliases_join_spellings_of_a_place() {
        let text = "The US said the U.S. would act. Officials in the United States \
                    and USA Today agreed.";
        let found = grouped(text);
        let us: Vec<_> = found.iter().filter(|e| e.1 == "United States").collect();
        assert_eq!(us.len(), 1, "{found:?}");
        assert_eq!(us[0].3, vec!["US", "U.S.", "United States"]);
        assert_eq!(us[0].0, EntityKind::Place);
    }

    #[test]
    fn a_surname_alone_is_bare_and_two_namesakes_go_by_proximity() {
        let found = grouped("Mr Blair said the plan would work. Blair left.");
        assert_eq!(
            found,
            vec![(
                EntityKind::Person,
                "Blair".to_string(),
                true,
                vec!["Blair", "Blair"]
            )]
        );
        let text = "Jeb Bush spoke first. Bush said no. George Bush replied. \
                    Bush said yes.";
        let found = grouped(text);
        assert_eq!(person(&found, "Jeb Bush"), Some(&vec!["Jeb Bush", "Bush"]));
        assert_eq!(
            person(&found, "George Bush"),
            Some(&vec!["George Bush", "Bush"])
        );
        // Before either is named, the next one named.
        let text = "Bush spoke. Jeb Bush and George Bush replied.";
        let found = grouped(text);
        assert_eq!(person(&found, "Jeb Bush"), Some(&vec!["Bush", "Jeb Bush"]));
    }

    #[test]
    fn the_longest_name_wins_and_capitals_only_names_show_in_title_case() {
        let text = "Donald J. Trump spoke. Donald Trump left. Trump returned.";
        let found = grouped(text);
        assert_eq!(person(&found, "Donald J. Trump").map(Vec::len), Some(3));
        let found = grouped("JOHN SMITH WINS\nSMITH SAYS THANKS\n");
        let smith = found.iter().find(|e| e.0 == EntityKind::Person);
        if let Some(smith) = smith {
            assert!(!all_caps(&smith.1), "{found:?}");
        }
    }

    #[test]
    fn kinds_stay_apart() {
        let text = "Jordan Henderson flew to Jordan. Henderson scored.";
        let found = grouped(text);
        assert_eq!(
            person(&found, "Jordan Henderson"),
            Some(&vec!["Jordan Henderson", "Henderson"])
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == EntityKind::Place && e.1 == "Jordan")
        );
    }

    #[test]
    fn spans_outside_the_text_are_skipped() {
        let spans = [
            Span {
                start: 0,
                end: 5,
                kind: EntityKind::Person,
            },
            Span {
                start: 3,
                end: 99,
                kind: EntityKind::Place,
            },
        ];
        let names = resolve_names("Smith", &spans);
        assert_eq!(names.mentions.len(), 1);
        assert!(resolve_names("", &spans).entities.is_empty());
    }

    #[test]
    fn outline_groups_names_figures_and_dates_by_kind_then_count() {
        let text = "Anneke Verhoeven said 1,250 workers struck on Monday in Rotterdam. \
                    Verhoeven said the port lost $4bn, or 4 billion dollars, by Monday. \
                    Rotterdam officials said 1,250 was too many.";
        let entries = outline(text, &highlight(text));
        let lines: Vec<(EntityKind, &str, usize)> = entries
            .iter()
            .map(|e| (e.kind, e.label.as_str(), e.count()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (EntityKind::Person, "Anneke Verhoeven", 2),
                (EntityKind::Place, "Rotterdam", 2),
                (EntityKind::Number, "1,250", 2),
                (EntityKind::Number, "4bn", 2),
                (EntityKind::Date, "Monday", 2),
            ]
        );
        let mentions = &entries[0].mentions;
        assert_eq!(&text[mentions[1].clone()], "Verhoeven");
    }
}
