//! Markdown articles (`.md`, `.markdown`): YAML (`---`) or TOML (`+++`)
//! front matter with the article's metadata, then the Markdown text, kept
//! as written. The first `# ` heading is the title (and leaves the body)
//! unless the front matter names one.

use super::draft::{Field, Note, Parsed};
use super::fields::{Fields, Role, rank_of, role_of};
use super::title;

/// Front matter larger than this is not read (it would be no article's).
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// YAML front matter nested deeper than this is not read: the YAML reader
/// builds the whole document before it checks depth, which takes time that
/// grows with the square of the depth.
const MAX_YAML_NESTING: usize = 64;

/// Parse one Markdown article.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut notes = Vec::new();
    let mut fields = Fields::default();
    let body = match split_front_matter(text) {
        Split::None => text,
        Split::Unclosed => {
            notes.push(Note::warning(
                Some(1),
                "front matter is not closed; read as text",
            ));
            text
        }
        Split::Closed { kind, matter, body } => {
            if matter.len() > MAX_FRONT_MATTER_BYTES {
                notes.push(Note::warning(Some(1), "front matter too large; ignored"));
            } else {
                match kind {
                    Kind::Yaml => read_yaml(matter, &mut fields, &mut notes),
                    Kind::Toml => read_toml(matter, &mut fields, &mut notes),
                }
            }
            body
        }
    };
    let mut draft = fields.into_draft(None, true, &mut notes);
    draft.body = match find_title_heading(body) {
        Some(heading) => match &draft.title {
            Some(t) if !heading.text.eq_ignore_ascii_case(&title::one_line(t)) => body.to_owned(),
            Some(_) => heading.remove_from(body),
            None => {
                let body = heading.remove_from(body);
                draft.title = Some(heading.text);
                body
            }
        },
        None => body.to_owned(),
    };
    Parsed {
        drafts: vec![draft],
        notes,
    }
}

/// Whether a text starts with closed front matter.
pub(crate) fn has_front_matter(text: &str) -> bool {
    matches!(split_front_matter(text), Split::Closed { .. })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Yaml,
    Toml,
}

enum Split<'t> {
    None,
    Unclosed,
    Closed {
        kind: Kind,
        matter: &'t str,
        body: &'t str,
    },
}

/// Front matter starts on the very first line with `---` or `+++` and ends
/// at the same fence (or `...` for YAML).
fn split_front_matter(text: &str) -> Split<'_> {
    let Some((first, rest)) = text.split_once('\n') else {
        return Split::None;
    };
    let fence = first.trim_end();
    let kind = match fence {
        "---" => Kind::Yaml,
        "+++" => Kind::Toml,
        _ => return Split::None,
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == fence || (kind == Kind::Yaml && l == "...") {
            let matter = rest.get(..offset).unwrap_or("");
            let body = rest.get(offset + line.len()..).unwrap_or("");
            return Split::Closed { kind, matter, body };
        }
        offset += line.len();
    }
    Split::Unclosed
}

fn read_yaml(matter: &str, fields: &mut Fields, notes: &mut Vec<Note>) {
    use serde_yaml_ng::Value;
    if yaml_nesting(matter) > MAX_YAML_NESTING {
        notes.push(Note::warning(
            Some(1),
            "front matter nested too deeply; ignored",
        ));
        return;
    }
    match serde_yaml_ng::from_str::<Value>(matter) {
        Ok(Value::Mapping(map)) => {
            for (key, value) in map {
                if let (Value::String(key), Some(field)) = (key, yaml_field(value)) {
                    offer_meta(fields, &key, field);
                }
            }
        }
        Ok(Value::Null) => {}
        Ok(_) => notes.push(Note::warning(
            Some(2),
            "front matter is not a set of keys; ignored",
        )),
        Err(e) => {
            // The front matter starts on the file's second line.
            let line = e.location().map(|l| l.line() + 1);
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            notes.push(Note::warning(
                line,
                format!("front matter not read: {message}"),
            ));
        }
    }
}

/// An upper bound on how deeply YAML text nests in flow style (brackets,
/// counted even inside quotes so none can hide) and in compact block
/// sequences (`- - - x`). Nesting by indentation alone needs a line per
/// level, each longer than the last, so the size limit already bounds it.
fn yaml_nesting(matter: &str) -> usize {
    let mut deepest = 0;
    let mut flow = 0usize;
    for line in matter.lines() {
        let mut rest = line.trim_start();
        let mut chain = 0;
        while let Some(after) = rest
            .strip_prefix(['-', '?'])
            .filter(|a| a.starts_with([' ', '\t']))
        {
            chain += 1;
            rest = after.trim_start();
        }
        deepest = deepest.max(chain);
        for b in line.bytes() {
            match b {
                b'[' | b'{' => {
                    flow += 1;
                    deepest = deepest.max(flow);
                }
                b']' | b'}' => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
    }
    deepest
}

fn yaml_field(value: serde_yaml_ng::Value) -> Option<Field> {
    use serde_yaml_ng::Value;
    Some(match value {
        Value::Null => return None,
        Value::String(s) => Field::Text(s),
        Value::Number(n) => Field::Number(n.to_string()),
        Value::Bool(_) => Field::Other("a boolean"),
        Value::Sequence(items) => Field::List(
            items
                .into_iter()
                .filter_map(|item| match yaml_field(item) {
                    Some(Field::Text(s) | Field::Named(s) | Field::Number(s)) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        Value::Mapping(mut map) => match map.remove("name") {
            Some(Value::String(name)) => Field::Named(name),
            _ => Field::Other("a mapping"),
        },
        Value::Tagged(tagged) => return yaml_field(tagged.value),
    })
}

fn read_toml(matter: &str, fields: &mut Fields, notes: &mut Vec<Note>) {
    match toml::from_str::<toml::Table>(matter) {
        Ok(table) => {
            for (key, value) in table {
                offer_meta(fields, &key, toml_field(value));
            }
        }
        Err(e) => {
            let line = e.span().map(|span| {
                let before = matter.get(..span.start).unwrap_or(matter);
                before.matches('\n').count() + 2
            });
            notes.push(Note::warning(
                line,
                format!("front matter not read: {}", e.message().trim()),
            ));
        }
    }
}

fn toml_field(value: toml::Value) -> Field {
    use toml::Value;
    match value {
        Value::String(s) => Field::Text(s),
        Value::Integer(n) => Field::Number(n.to_string()),
        Value::Float(x) => Field::Number(x.to_string()),
        Value::Boolean(_) => Field::Other("a boolean"),
        Value::Datetime(d) => Field::Text(d.to_string()),
        Value::Array(items) => Field::List(
            items
                .into_iter()
                .filter_map(|item| match toml_field(item) {
                    Field::Text(s) | Field::Named(s) | Field::Number(s) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        Value::Table(mut table) => match table.remove("name") {
            Some(Value::String(name)) => Field::Named(name),
            _ => Field::Other("a table"),
        },
    }
}

/// Front matter keys fill metadata only: the body is the Markdown text, so
/// keys like `description` or `summary` are not taken as the body.
fn offer_meta(fields: &mut Fields, key: &str, field: Field) {
    if let Some(rank) = rank_of(key).filter(|&rank| role_of(rank) != Some(Role::Body)) {
        fields.offer(rank, field);
    }
}

/// The title heading: where its lines are, and its text.
struct Heading {
    start: usize,
    end: usize,
    text: String,
}

impl Heading {
    fn remove_from(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len());
        out.push_str(body.get(..self.start).unwrap_or(""));
        out.push_str(body.get(self.end..).unwrap_or(""));
        out
    }
}

/// The first level-one heading outside code blocks: `# Title` (ATX), or a
/// first line underlined with `===` (setext).
fn find_title_heading(body: &str) -> Option<Heading> {
    let mut fence: Option<(char, usize)> = None;
    let mut offset = 0;
    let mut seen_text = false;
    let mut lines = body.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let start = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let t = line.trim();
        if let Some(marker) = fence_marker(t) {
            match fence {
                None if indent < 4 => fence = Some(marker),
                Some((c, n)) if marker.0 == c && marker.1 >= n && t.chars().all(|x| x == c) => {
                    fence = None;
                }
                _ => {}
            }
            seen_text = true;
            continue;
        }
        if fence.is_some() || indent >= 4 || t.is_empty() {
            continue;
        }
        if let Some(text) = atx_h1(t) {
            return Some(Heading {
                start,
                end: offset,
                text,
            });
        }
        if !seen_text {
            let underlined = lines.peek().is_some_and(|next| {
                let n = next.trim();
                !n.is_empty() && n.bytes().all(|b| b == b'=')
            });
            if underlined {
                let under = lines.next().map_or(0, str::len);
                return Some(Heading {
                    start,
                    end: offset + under,
                    text: title::one_line(t),
                });
            }
        }
        seen_text = true;
    }
    None
}

/// A code fence line: its character and length (at least three).
fn fence_marker(t: &str) -> Option<(char, usize)> {
    let c = t.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = t.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// `# Title #` → `Title`; `None` for other levels or an empty heading.
fn atx_h1(t: &str) -> Option<String> {
    let rest = t.strip_prefix('#')?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    // A closing run of `#` after a space is not part of the text.
    let text = match rest.trim_end_matches('#') {
        stripped
            if stripped.len() < rest.len()
                && (stripped.is_empty() || stripped.ends_with([' ', '\t'])) =>
        {
            stripped
        }
        _ => rest,
    };
    let text = title::one_line(text);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Severity;
    use crate::loader::draft::Draft;

    fn one(text: &str) -> Draft {
        let parsed = parse(text);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        parsed.drafts.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn yaml_front_matter_fills_the_metadata() {
        let d = one("---\n\
                     title: \"Heatwave: what the forecast says\"\n\
                     publisher: Met Desk\n\
                     published: 2025-07-14T09:00:00+01:00\n\
                     author:\n  - Ada Byrne\n  - Tom Okafor\n\
                     link: https://met.example/heat\n\
                     description: not the body\n\
                     tags: [weather, summer]\n\
                     ---\n\
                     # Heatwave: what the forecast says\n\n\
                     Temperatures will pass **35 °C** on Thursday.\n");
        assert_eq!(d.title.as_deref(), Some("Heatwave: what the forecast says"));
        assert_eq!(d.source.as_deref(), Some("Met Desk"));
        assert_eq!(d.date_text.as_deref(), Some("2025-07-14T09:00:00+01:00"));
        assert_eq!(d.author.as_deref(), Some("Ada Byrne, Tom Okafor"));
        assert_eq!(d.url.as_deref(), Some("https://met.example/heat"));
        // The heading repeats the title, so it leaves the body.
        assert_eq!(d.body, "\nTemperatures will pass **35 °C** on Thursday.\n");
    }

    #[test]
    fn toml_front_matter() {
        let d = one("+++\n\
                     title = \"Rail strike called off\"\n\
                     source = \"Transit Weekly\"\n\
                     date = 2025-03-04\n\
                     authors = [\"Mia Chen\"]\n\
                     [extra]\nmood = \"relief\"\n\
                     +++\n\
                     Unions accepted the offer late on *Monday*.\n");
        assert_eq!(d.title.as_deref(), Some("Rail strike called off"));
        assert_eq!(d.source.as_deref(), Some("Transit Weekly"));
        assert_eq!(d.date_text.as_deref(), Some("2025-03-04"));
        assert_eq!(d.author.as_deref(), Some("Mia Chen"));
        assert_eq!(d.body, "Unions accepted the offer late on *Monday*.\n");
    }

    #[test]
    fn the_first_h1_is_the_title_when_front_matter_has_none() {
        let d = one(
            "---\nsource: Field Notes\n---\n\nIntro line.\n\n```sh\n# not a heading\n```\n\n## Section\n\n# Moths return to the valley #\n\nSightings doubled.\n",
        );
        assert_eq!(d.title.as_deref(), Some("Moths return to the valley"));
        assert_eq!(d.source.as_deref(), Some("Field Notes"));
        assert_eq!(
            d.body,
            "\nIntro line.\n\n```sh\n# not a heading\n```\n\n## Section\n\n\nSightings doubled.\n"
        );
    }

    #[test]
    fn a_front_matter_title_keeps_a_different_heading_in_the_body() {
        let d = one("---\ntitle: Budget day\n---\n# Live coverage\n\nThe minister rose at noon.\n");
        assert_eq!(d.title.as_deref(), Some("Budget day"));
        assert_eq!(d.body, "# Live coverage\n\nThe minister rose at noon.\n");
    }

    #[test]
    fn no_front_matter_and_a_setext_heading() {
        let d = one("Harvest festival returns\n========================\n\nStalls open at ten.\n");
        assert_eq!(d.title.as_deref(), Some("Harvest festival returns"));
        assert_eq!(d.body, "\nStalls open at ten.\n");
    }

    #[test]
    fn no_heading_leaves_the_title_to_the_first_sentence() {
        let d = one("The *night bus* now runs hourly. Fares are unchanged.\n");
        assert_eq!(d.title, None);
        assert_eq!(
            d.body,
            "The *night bus* now runs hourly. Fares are unchanged.\n"
        );
    }

    #[test]
    fn numbers_in_front_matter_are_text() {
        let d = one("---\ntitle: 1984\ndate: 20250628\n---\nA novel anniversary.\n");
        assert_eq!(d.title.as_deref(), Some("1984"));
        assert_eq!(d.date_text.as_deref(), Some("20250628"));
    }

    #[test]
    fn broken_front_matter_warns_and_the_body_still_loads() {
        let parsed = parse("---\ntitle: ok\nauthor: [unclosed\n---\n# Fallback title\n\nText.\n");
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].severity, Severity::Warning);
        assert!(
            parsed.notes[0].message.starts_with("front matter not read"),
            "{}",
            parsed.notes[0].message
        );
        assert!(parsed.notes[0].line.is_some_and(|l| l >= 2));
        let d = &parsed.drafts[0];
        assert_eq!(d.title.as_deref(), Some("Fallback title"));

        let parsed = parse("+++\ntitle = \"x\nsource = 1\n+++\nBody.\n");
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].line, Some(2));
        assert!(parsed.notes[0].message.starts_with("front matter not read"));
    }

    #[test]
    fn unclosed_front_matter_is_read_as_text() {
        let parsed = parse("---\ntitle: nowhere\n\nJust text.\n");
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.drafts[0].body, "---\ntitle: nowhere\n\nJust text.\n");
    }

    #[test]
    fn front_matter_that_is_not_a_mapping() {
        let parsed = parse("---\n- a\n- b\n---\nText.\n");
        assert_eq!(parsed.notes.len(), 1);
        assert!(parsed.notes[0].message.contains("not a set of keys"));
        let d = one("---\n---\n# Empty front matter\n\nText.\n");
        assert_eq!(d.title.as_deref(), Some("Empty front matter"));
    }

    #[test]
    fn wrong_type_in_front_matter_warns() {
        let parsed = parse("---\ntitle: [1, {a: b}]\nsource: true\n---\nText here.\n");
        let messages: Vec<_> = parsed.notes.iter().map(|n| n.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`title` is a list, not text; ignored",
                "`source` is a boolean, not text; ignored"
            ]
        );
        assert_eq!(parsed.drafts[0].title, None);
    }

    #[test]
    fn yaml_alias_bombs_do_not_explode() {
        let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            bomb += &[name, ": &", name, " [", &refs, "]\n"].concat();
        }
        bomb.push_str("title: Bomb\n---\nBody.\n");
        let parsed = parse(&bomb);
        assert_eq!(parsed.drafts.len(), 1);
    }

    #[test]
    fn deeply_nested_front_matter_is_refused_cleanly() {
        let depth = 30_000;
        let toml = format!(
            "+++\ntitle = \"Deep\"\nx = {}{}\n+++\nBody.\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let parsed = parse(&toml);
        assert_eq!(parsed.drafts.len(), 1);
        assert!(parsed.notes[0].message.starts_with("front matter not read"));
        let yaml = format!(
            "---\ntitle: Deep\nx: {}{}\n---\nBody.\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let started = std::time::Instant::now();
        let parsed = parse(&yaml);
        assert_eq!(parsed.drafts.len(), 1);
        assert_eq!(
            parsed.notes[0].message,
            "front matter nested too deeply; ignored"
        );
        let chain = format!(
            "---\ntitle: Deep\nx:\n  {}x\n---\nBody.\n",
            "- ".repeat(depth)
        );
        let parsed = parse(&chain);
        assert_eq!(
            parsed.notes[0].message,
            "front matter nested too deeply; ignored"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn nesting_estimate() {
        assert_eq!(
            yaml_nesting("title: A [bracketed] title\ntags: [a, {b: c}]\n"),
            2
        );
        assert_eq!(yaml_nesting("authors:\n  - - Ada\n    - Tom\n"), 2);
        assert_eq!(yaml_nesting("note: -5 degrees\n"), 0);
    }

    #[test]
    fn atx_headings() {
        assert_eq!(atx_h1("# Title").as_deref(), Some("Title"));
        assert_eq!(atx_h1("# Title ##").as_deref(), Some("Title"));
        assert_eq!(atx_h1("# C#").as_deref(), Some("C#"));
        assert_eq!(atx_h1("#Title"), None);
        assert_eq!(atx_h1("## Sub"), None);
        assert_eq!(atx_h1("# #"), None);
    }
}
