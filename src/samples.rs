//! The sample articles built into the binary, shown when dateline is started
//! without paths. They are original writing kept in `assets/articles/`.

/// One built-in sample file: its name (whose extension picks the format, as
/// for any file) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! sample {
    ($name:literal) => {
        Sample {
            name: $name,
            bytes: include_bytes!(concat!("../assets/articles/", $name)),
        }
    };
}

/// Every sample file, in the order they load.
///
/// Twelve articles in ten files from four publishers: a port strike in
/// Rotterdam followed over several days by all four, a drought in Spain
/// covered twice, an interest-rate decision with a follow-up, a cup final, a
/// mayoral run-off reported twice and a science story. Between them they use
/// every format the loader reads.
pub const SAMPLES: &[Sample] = &[
    sample!("port-strike-begins.txt"),
    sample!("port-strike-ships-wait.md"),
    sample!("port-strike-deal.json"),
    sample!("port-strike-analysis.txt"),
    sample!("reservoirs-drought.md"),
    sample!("reservoirs-rain.txt"),
    sample!("rates-decision.json"),
    sample!("cup-final.txt"),
    sample!("election-results.jsonl"),
    sample!("telescope-discovery.md"),
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn text(sample: &Sample) -> &'static str {
        match std::str::from_utf8(sample.bytes) {
            Ok(t) => t,
            Err(e) => panic!("{} is not UTF-8: {e}", sample.name),
        }
    }

    #[test]
    fn every_file_in_the_folder_is_listed_once() {
        let listed: BTreeSet<&str> = SAMPLES.iter().map(|s| s.name).collect();
        assert_eq!(listed.len(), SAMPLES.len(), "a name is listed twice");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
        let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("assets/articles is readable")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let listed: BTreeSet<String> = listed.into_iter().map(String::from).collect();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn samples_are_utf8_text_of_a_readable_length() {
        for sample in SAMPLES {
            let words = text(sample).split_whitespace().count();
            assert!(
                (150..=1000).contains(&words),
                "{} has {words} words",
                sample.name
            );
        }
    }

    #[test]
    fn json_samples_parse_and_hold_the_expected_articles() {
        let mut articles = 0;
        for sample in SAMPLES {
            let t = text(sample);
            let ext = sample.name.rsplit('.').next().unwrap_or("");
            match ext {
                "json" => {
                    let v: serde_json::Value = serde_json::from_str(t).expect(sample.name);
                    articles += v
                        .get("articles")
                        .and_then(serde_json::Value::as_array)
                        .map_or(1, Vec::len);
                }
                "jsonl" => {
                    for line in t.lines().filter(|l| !l.trim().is_empty()) {
                        let v: serde_json::Value = serde_json::from_str(line).expect(sample.name);
                        assert!(
                            v.get("body").is_some(),
                            "{}: a line without body",
                            sample.name
                        );
                        articles += 1;
                    }
                }
                "txt" | "md" => articles += 1,
                other => panic!("{}: unexpected extension {other}", sample.name),
            }
        }
        assert_eq!(articles, 12);
    }

    #[test]
    fn front_matter_and_headers_are_closed() {
        for sample in SAMPLES {
            let t = text(sample);
            if let Some(rest) = t.strip_prefix("---\n") {
                assert!(rest.contains("\n---\n"), "{}: open YAML block", sample.name);
            }
            if let Some(rest) = t.strip_prefix("+++\n") {
                assert!(rest.contains("\n+++\n"), "{}: open TOML block", sample.name);
            }
            if std::path::Path::new(sample.name)
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
            {
                assert!(
                    t.contains("\n\n"),
                    "{}: no blank line after the header",
                    sample.name
                );
            }
        }
    }

    #[test]
    fn the_port_strike_is_told_by_four_publishers() {
        let sources: BTreeSet<&str> = SAMPLES
            .iter()
            .filter(|s| s.name.starts_with("port-strike"))
            .flat_map(|s| {
                [
                    "Northline Wire",
                    "Meridian Post",
                    "Valley Courier",
                    "The Harbor Ledger",
                ]
                .into_iter()
                .filter(|p| text(s).contains(p))
            })
            .collect();
        assert_eq!(sources.len(), 4);
    }

    /// Every string value of a JSON document, one after another.
    fn json_strings(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| json_strings(i, out)),
            serde_json::Value::Object(map) => map.values().for_each(|i| json_strings(i, out)),
            _ => {}
        }
    }

    /// The highlighter's gold set holds each sample article as plain text; every
    /// line of it must still be found in the sample it was made from, so an edit
    /// to a sample cannot leave the gold spans describing a text that is gone.
    #[test]
    fn gold_texts_still_match_the_samples() {
        const GOLD: [(&str, &str); 12] = [
            ("port-strike-begins", "port-strike-begins.txt"),
            ("port-strike-ships-wait", "port-strike-ships-wait.md"),
            ("port-strike-deal", "port-strike-deal.json"),
            ("port-strike-analysis", "port-strike-analysis.txt"),
            ("reservoirs-drought", "reservoirs-drought.md"),
            ("reservoirs-rain", "reservoirs-rain.txt"),
            ("rates-decision", "rates-decision.json"),
            ("rates-mortgages", "rates-decision.json"),
            ("cup-final", "cup-final.txt"),
            ("election-results", "election-results.jsonl"),
            ("election-final-count", "election-results.jsonl"),
            ("telescope-discovery", "telescope-discovery.md"),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ner");
        for (gold, name) in GOLD {
            let sample = SAMPLES
                .iter()
                .find(|s| s.name == name)
                .expect("listed sample");
            let raw = text(sample);
            let searchable = match name.rsplit('.').next() {
                Some("json") => {
                    let mut out = String::new();
                    json_strings(&serde_json::from_str(raw).expect(name), &mut out);
                    out
                }
                Some("jsonl") => {
                    let mut out = String::new();
                    for doc in raw.lines().filter(|l| !l.trim().is_empty()) {
                        json_strings(&serde_json::from_str(doc).expect(name), &mut out);
                    }
                    out
                }
                _ => raw.to_string(),
            };
            let plain = std::fs::read_to_string(dir.join(format!("{gold}.txt")))
                .expect("gold text is readable");
            let mut lines = 0;
            for line in plain.lines().filter(|l| !l.trim().is_empty()) {
                assert!(
                    searchable.contains(line),
                    "{gold}.txt: {line:?} is not in {name}"
                );
                lines += 1;
            }
            assert!(lines >= 5, "{gold}.txt is too short");
        }
    }
}
