//! The subcommands, run as a script would run them.

use std::path::Path;
use std::process::{Command, Output};

fn dateline(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("dateline runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("northline");
    std::fs::create_dir_all(&wire).unwrap();
    std::fs::write(
        wire.join("strike.txt"),
        "Dock workers strike in Rotterdam\n\nDock workers walked out on Monday, union leader Anneke Verhoeven said.\n",
    )
    .unwrap();
    std::fs::write(
        wire.join("ships.txt"),
        "Title: Ships queue outside the port\nDate: 2026-11-18\n\nMore than 60 ships waited as the strike went on.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        concat!(
            r#"{"title": "Central bank holds rates", "source": "Meridian Post", "date": "2026-11-12", "body": "The bank kept its rate at 3.5%."}"#,
            "\n",
            "{not json\n",
            r#"{"title": "Reservoirs fall to a third", "source": {"name": "Valley Courier"}, "pubDate": "Tue, 10 Nov 2026 08:00:00 +0000", "content": "Reservoirs held 33 per cent."}"#,
            "\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn list_prints_every_article_with_id_source_date_and_title() {
    let dir = folder();
    let out = dateline(&["list", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert!(rows.iter().all(|r| r.len() == 4 && r[0].len() == 12));
    assert!(
        rows.iter()
            .any(|r| r[1] == "northline" && r[3] == "Dock workers strike in Rotterdam")
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "Valley Courier" && r[2] == "2026-11-10")
    );
    assert!(
        rows.iter()
            .any(|r| r[2] == "2026-11-18" && r[3] == "Ships queue outside the port")
    );
    // The bad line is named with its number, once, on stderr.
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("feed.jsonl:2"), "{err}");
}

#[test]
fn ids_are_stable_between_runs() {
    let dir = folder();
    let a = stdout(&dateline(&["list", "."], dir.path()));
    let b = stdout(&dateline(&["list", "."], dir.path()));
    assert_eq!(a, b);
}

#[test]
fn list_filter_matches_the_filter_bar() {
    let dir = folder();
    let out = dateline(&["list", ".", "--filter", "strike"], dir.path());
    let text = stdout(&out);
    let titles: Vec<&str> = text.lines().filter_map(|l| l.split('\t').nth(3)).collect();
    // The title match first, then the body-only match.
    assert_eq!(
        titles,
        vec![
            "Dock workers strike in Rotterdam",
            "Ships queue outside the port"
        ]
    );
    let none = dateline(
        &["list", ".", "--filter", "!strike !rates !reservoirs"],
        dir.path(),
    );
    assert!(stdout(&none).is_empty());
    assert!(none.status.success());
}

#[test]
fn list_json_carries_every_field() {
    let dir = folder();
    let out = dateline(&["list", "--json", "feed.jsonl"], dir.path());
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["source"], "Meridian Post");
    assert_eq!(rows[0]["line"], 1);
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["path"], "feed.jsonl");
}

#[test]
fn entities_jsonl_gives_spans_into_the_body() {
    let dir = folder();
    let out = dateline(&["entities", "--jsonl", "northline/strike.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let row: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(row["title"], "Dock workers strike in Rotterdam");
    let body = row["body"].as_str().unwrap();
    let spans = row["spans"].as_array().unwrap();
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "person" && s["text"] == "Anneke Verhoeven")
    );
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "date" && s["text"] == "Monday")
    );
    let mut last = 0;
    for s in spans {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let (start, end) = (
            usize::try_from(start).unwrap(),
            usize::try_from(end).unwrap(),
        );
        assert!(start >= last && end > start);
        assert_eq!(&body[start..end], s["text"].as_str().unwrap());
        last = end;
    }
}

#[test]
fn the_samples_load_without_paths() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&["list"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().count() >= 8, "{text}");
    let sources: std::collections::BTreeSet<&str> =
        text.lines().filter_map(|l| l.split('\t').nth(1)).collect();
    assert!(sources.len() >= 3, "{sources:?}");
}

#[test]
fn exit_status_is_1_when_nothing_loads_and_2_on_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&["list", "missing-folder"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("missing-folder"), "{err}");
    let out = dateline(&["list", "--no-such-flag"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn input_files_are_never_written() {
    let dir = folder();
    let path = dir.path().join("feed.jsonl");
    let before = std::fs::read(&path).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    dateline(&["list", "."], dir.path());
    dateline(&["entities", "--jsonl", "."], dir.path());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Harbour reopens\n\nThe harbour reopened on Friday after 12 days.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("\tstdin\t"), "{text}");
    assert!(text.contains("Harbour reopens"), "{text}");
}

/// Three publishers, one folder each, reporting on the same people.
fn publishers() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (folder, name, text) in [
        (
            "harbour-ledger",
            "talks.txt",
            "Title: Talks resume in Doha\nDate: 2025-06-03\n\nPrime Minister Benjamin Netanyahu sent envoys to Doha on Monday. Netanyahu's office said 40,005 people had fled.\n",
        ),
        (
            "harbour-ledger",
            "aid.txt",
            "Title: Aid reaches the coast\nDate: 2025-06-10\n\nAid arrived by sea. Officials in the United States said $4bn had been pledged.\n",
        ),
        (
            "northline",
            "envoy.txt",
            "Title: Envoy meets Netanyahu\nDate: 2025-05-28\n\nThe envoy met Mr Netanyahu in Jerusalem.\nThe U.S. offered 4 billion dollars.\n",
        ),
        (
            "valley-courier",
            "undated.txt",
            "Budget passes\n\nThe budget passed without a word about Netanyahu \u{1b}[31mor anyone\u{1b}[0m.\n",
        ),
    ] {
        let dir = dir.path().join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn sources_prints_each_source_with_its_count_and_date_range() {
    let dir = publishers();
    let out = dateline(&["sources", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows,
        vec![
            vec!["harbour-ledger", "2", "2025-06-03", "2025-06-10"],
            vec!["northline", "1", "2025-05-28", "2025-05-28"],
            vec!["valley-courier", "1", "", ""],
        ]
    );
    let out = dateline(&["sources", "--json", "."], dir.path());
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["source"], "harbour-ledger");
    assert_eq!(rows[0]["articles"], 2);
    assert_eq!(rows[0]["first"], "2025-06-03");
    assert_eq!(rows[2]["first"], serde_json::Value::Null);
    let none = dateline(&["sources", "missing"], dir.path());
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn mentions_finds_a_name_under_every_spelling_grouped_by_source() {
    let dir = publishers();
    let out = dateline(&["mentions", "Netanyahu", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(
        rows.iter().all(|r| r.len() == 5 && r[0].len() == 12),
        "{text}"
    );
    let summary: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[1], r[2], r[4])).collect();
    // The source with most mentions first, then the others; the
    // control sequence in the undated article shows as text.
    assert_eq!(
        summary,
        vec![
            (
                "harbour-ledger",
                "2025-06-03",
                "Prime Minister Benjamin Netanyahu sent envoys to Doha on Monday."
            ),
            (
                "harbour-ledger",
                "2025-06-03",
                "Netanyahu's office said 40,005 people had fled."
            ),
            (
                "northline",
                "2025-05-28",
                "The envoy met Mr Netanyahu in Jerusalem."
            ),
            (
                "valley-courier",
                "",
                "The budget passed without a word about Netanyahu ␛[31mor anyone␛[0m."
            ),
        ]
    );
    assert_eq!(rows[0][3], "Talks resume in Doha");
    // Any case, and the full name, find the same.
    for name in ["netanyahu", "Benjamin Netanyahu"] {
        let again = dateline(&["mentions", name, "."], dir.path());
        assert_eq!(stdout(&again), text, "{name}");
    }
}

#[test]
fn mentions_json_gives_the_entity_and_byte_ranges() {
    let dir = publishers();
    let out = dateline(
        &["mentions", "--json", "US", "harbour-ledger", "northline"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row["entity"], "United States");
        assert_eq!(row["kind"], "place");
        let path = dir.path().join(row["path"].as_str().unwrap());
        let file = std::fs::read_to_string(path).unwrap();
        let sentence = row["sentence"].as_str().unwrap();
        assert!(file.contains(sentence), "{sentence}");
    }
    let spellings: Vec<&str> = rows
        .iter()
        .map(|r| {
            let s = r["sentence"].as_str().unwrap();
            let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
            let spelling = if s.contains("U.S.") {
                "U.S."
            } else {
                "United States"
            };
            assert_eq!(usize::try_from(end - start).unwrap(), spelling.len());
            spelling
        })
        .collect();
    assert_eq!(spellings, ["United States", "U.S."]);
}

#[test]
fn mentions_of_an_unknown_name_print_nothing_and_say_so() {
    let dir = publishers();
    let out = dateline(&["mentions", "Nobody Atall", "."], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("Nobody Atall"), "{}", stderr(&out));
    let out = dateline(&["mentions", "Netanyahu", "missing"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let out = dateline(&["mentions"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_filter_takes_field_terms() {
    let dir = publishers();
    let titles = |filter: &str| -> Vec<String> {
        let out = dateline(&["list", ".", "--filter", filter], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .filter_map(|l| l.split('\t').nth(3).map(str::to_string))
            .collect()
    };
    assert_eq!(
        titles("person:netanyahu num:>1000"),
        ["Talks resume in Doha", "Envoy meets Netanyahu"]
    );
    assert_eq!(
        titles("num:4bn"),
        ["Aid reaches the coast", "Envoy meets Netanyahu"]
    );
    assert_eq!(titles("source:northline"), ["Envoy meets Netanyahu"]);
    assert_eq!(
        titles("date:2025-06 place:\"united states\""),
        ["Aid reaches the coast"]
    );
    assert_eq!(titles("\"sent envoys\""), ["Talks resume in Doha"]);
}

/// Three outlets on one ceasefire story (one republishing another's wire
/// copy), and an unrelated article, written as a folder per outlet.
fn ceasefire() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wire = "Mediators from Qatar and Egypt said on Monday that talks in Doha \
        between Israel and Hamas would resume, as the Gaza health ministry said \
        40,005 people had been killed since the war began. Envoy Brett Halvorsen \
        met Benjamin Netanyahu in Jerusalem before flying to Doha.";
    let files = [
        (
            "agence",
            "a.txt",
            "2024-08-15",
            "Talks to resume in Doha",
            wire.to_string(),
        ),
        (
            "courier",
            "b.txt",
            "2024-08-16",
            "Doha talks set to resume",
            wire.replace(
                "before flying to Doha.",
                "before he flew to Doha on Tuesday.",
            ),
        ),
        (
            "ledger",
            "c.txt",
            "2024-08-18",
            "Hopes rise in Doha as envoy returns",
            "Brett Halvorsen returned to Doha, where mediators from Qatar and Egypt \
             met delegations from Israel and Hamas. The death toll in Gaza has reached \
             40,139, the health ministry said. Benjamin Netanyahu did not comment."
                .to_string(),
        ),
        (
            "ledger",
            "d.txt",
            "2024-08-17",
            "Reservoirs fall in Catalonia",
            "Reservoirs in Catalonia fell to 21.4% of capacity, officials in Barcelona \
             said, as the drought entered its third year."
                .to_string(),
        ),
    ];
    for (folder, name, date, title, body) in files {
        let path = dir.path().join(folder);
        std::fs::create_dir_all(&path).unwrap();
        std::fs::write(
            path.join(name),
            format!("Title: {title}\nDate: {date}\n\n{body}\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn stories_print_each_story_then_its_articles_and_mark_copies() {
    let dir = ceasefire();
    let out = dateline(&["stories", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(
        head[1..5],
        ["3 sources", "3 articles", "2024-08-15", "2024-08-18"],
        "{text}"
    );
    let articles: Vec<Vec<&str>> = lines[1..4]
        .iter()
        .map(|l| l.trim_start().split('\t').collect())
        .collect();
    assert!(lines[1..4].iter().all(|l| l.starts_with("  ")));
    assert_eq!(
        articles.iter().map(|a| a[1]).collect::<Vec<_>>(),
        ["agence", "courier", "ledger"]
    );
    // The republished copy and its original are marked, each naming the other.
    assert_eq!(
        articles[0][4],
        format!("near-duplicate of {}", articles[1][0])
    );
    assert_eq!(
        articles[1][4],
        format!("near-duplicate of {}", articles[0][0])
    );
    assert_eq!(articles[2].len(), 4);
    // The reservoirs are a story of one.
    assert!(lines[4].contains("\t1 source\t1 article\t"), "{text}");
    assert_eq!(lines.len(), 6);

    let out = dateline(&["stories", ".", "--json"], dir.path());
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["source_count"], 3);
    assert_eq!(
        rows[0]["sources"],
        serde_json::json!(["agence", "courier", "ledger"])
    );
    assert_eq!(rows[0]["duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["articles"][2]["path"], "./ledger/c.txt");
}

#[test]
fn figures_give_every_number_and_date_and_flag_the_toll_that_differs() {
    let dir = ceasefire();
    let out = dateline(&["figures", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 9), "{text}");
    let toll: Vec<&Vec<&str>> = rows.iter().filter(|r| r[4].starts_with("40,")).collect();
    assert_eq!(toll.len(), 3, "{text}");
    for r in &toll {
        assert_eq!(r[7], "≠ deaths", "{text}");
    }
    assert_eq!(toll[2][5], "40139");
    assert_eq!(toll[2][1], "ledger");
    assert_eq!(
        toll[2][8],
        "The death toll in Gaza has reached 40,139, the health ministry said."
    );
    let monday = rows.iter().find(|r| r[4] == "Monday").unwrap();
    assert_eq!((monday[3], monday[5]), ("date", "2024-08-12"));
    let share = rows.iter().find(|r| r[4] == "21.4%").unwrap();
    assert_eq!(
        (share[5], share[6], share[7]),
        ("21.4", "percent capacity", "")
    );

    let out = dateline(&["figures", ".", "--disagreements"], dir.path());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains(
            "\tdeaths\t40,005 people killed (agence, 2024-08-15) · 40,005 people killed \
             (courier, 2024-08-16) · 40,139 deaths (ledger, 2024-08-18)\t"
        ),
        "{text}"
    );

    let out = dateline(&["figures", ".", "--json"], dir.path());
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    for key in [
        "id",
        "source",
        "date",
        "kind",
        "text",
        "value",
        "counts",
        "sentence",
        "start",
        "end",
        "story",
        "disagrees",
    ] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
}

#[test]
fn stories_and_figures_keep_articles_from_acting_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.txt"),
        "Title: Strike \u{1b}]0;owned\u{7}\nSource: Wire\u{1b}[2J\n\nAbout 3,800 \u{9b}31m workers \
         walked out in Rotterdam \u{202e} on Monday.\n",
    )
    .unwrap();
    for args in [
        &["stories", "."][..],
        &["stories", ".", "--json"],
        &["figures", "."],
        &["figures", ".", "--json"],
    ] {
        let out = dateline(args, dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.is_empty());
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && c != '\t' && (c.is_control() || c == '\u{202e}')),
            "{args:?}: {text}"
        );
    }
    let out = dateline(&["stories", "missing"], dir.path());
    assert_eq!(out.status.code(), Some(1));
}
