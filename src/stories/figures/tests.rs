use super::*;
use crate::highlight::highlight;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn read(body: &str, date: Option<NaiveDate>) -> Vec<Figure> {
    figures(body, &highlight(body), date)
}

/// The figure whose text is `text`.
fn find<'a>(body: &str, figures: &'a [Figure], text: &str) -> &'a Figure {
    figures
        .iter()
        .find(|f| &body[f.range.clone()] == text)
        .unwrap_or_else(|| {
            let all: Vec<&str> = figures.iter().map(|f| &body[f.range.clone()]).collect();
            panic!("{text} not in {all:?}")
        })
}

#[test]
fn a_count_is_what_the_noun_after_it_names() {
    let body = "About 3,800 dockworkers walked out. Havenbond said 4,600 of its members \
                were now on strike. By noon 27 ships were waiting and 4,200 port workers \
                signed.";
    let f = read(body, None);
    let dock = find(body, &f, "3,800");
    assert_eq!(dock.value, FigureValue::Number(3800.0));
    assert_eq!(dock.counts, "dockworkers");
    assert_eq!(dock.concept.as_deref(), Some("workers"));
    assert_eq!(
        &body[dock.sentence.clone()],
        "About 3,800 dockworkers walked out."
    );
    let members = find(body, &f, "4,600");
    assert_eq!(members.counts, "members");
    assert_eq!(members.concept.as_deref(), Some("workers"));
    assert_eq!(find(body, &f, "27").concept.as_deref(), Some("ships"));
    let port = find(body, &f, "4,200");
    assert_eq!(port.counts, "port workers");
    assert_eq!(port.concept.as_deref(), Some("workers"));
}

#[test]
fn a_noun_is_looked_for_after_of_only_and_is_never_a_number() {
    let body = "Cranes stopped at five of the seven terminals. They want 8% the union said. \
                It hit 4,600 of the strikers.";
    let f = read(body, None);
    assert_eq!(find(body, &f, "five").counts, "");
    assert_eq!(find(body, &f, "8%").counts, "percent");
    assert_eq!(find(body, &f, "4,600").counts, "strikers");
}

#[test]
fn money_takes_its_currency_and_rate() {
    let body = "The board now puts losses at €25m a day, up from 18 million euros. \
                Analysts said $2bn of goods waited.";
    let f = read(body, None);
    let day = find(body, &f, "€25m");
    assert_eq!(day.value, FigureValue::Number(25e6));
    assert_eq!(day.counts, "euros a day");
    assert_eq!(day.concept.as_deref(), Some("euros/day"));
    let euros = find(body, &f, "18 million");
    assert_eq!(euros.concept.as_deref(), Some("euros"));
    let dollars = find(body, &f, "$2bn");
    assert_eq!(dollars.value, FigureValue::Number(2e9));
    assert_eq!(dollars.concept.as_deref(), Some("dollars"));
}

#[test]
fn percentages_include_their_sign_and_are_compared_only_with_a_noun() {
    let body = "They offered 3.5% and the union wants 8 per cent. Turnout was 54 percent \
                of voters.";
    let f = read(body, None);
    let offer = find(body, &f, "3.5%");
    assert_eq!(offer.value, FigureValue::Number(3.5));
    assert_eq!(offer.counts, "percent");
    assert_eq!(offer.concept, None);
    let want = find(body, &f, "8 per cent");
    assert_eq!(want.concept, None);
    // With a noun, a share of something is compared.
    assert_eq!(
        find(body, &f, "54 percent").concept.as_deref(),
        Some("% voter")
    );
}

#[test]
fn deaths_are_read_from_the_verb_after_or_the_words_before() {
    let body = "At least 40,005 people were killed, the ministry said. Later the death \
                toll rose to 57,338. Another 1,200 were wounded.";
    let f = read(body, None);
    let killed = find(body, &f, "40,005");
    assert_eq!(killed.counts, "people killed");
    assert_eq!(killed.concept.as_deref(), Some("deaths"));
    assert_eq!(find(body, &f, "57,338").concept.as_deref(), Some("deaths"));
}

#[test]
fn a_bare_figure_takes_the_concept_of_the_figure_before_it() {
    let body = "Havenbond counted 4,600 strikers at the peak, the board about 3,900, and \
                nobody else.";
    let f = read(body, None);
    let board = find(body, &f, "3,900");
    assert_eq!(board.concept.as_deref(), Some("workers"));
    assert_eq!(board.counts, "strikers");
    // Nothing to go on: not compared.
    let lone = "It scored 91.";
    assert_eq!(read(lone, None)[0].concept, None);
}

#[test]
fn dates_are_placed_with_the_articles_date() {
    let article = Some(ymd(2026, 11, 18)); // a Wednesday
    for (text, want) in [
        ("15 August 2024", "2024-08-15"),
        ("2024-08-15", "2024-08-15"),
        ("Nov. 16", "2026-11-16"),
        ("Monday 16 November", "2026-11-16"),
        ("Monday", "2026-11-16"),
        ("Friday", "2026-11-13"),
        ("Jul 2025", "2025-07"),
        ("2026", "2026"),
        ("12 days", "P12D"),
        ("two years", "P2Y"),
        ("48 hours", "PT48H"),
    ] {
        assert_eq!(date_value(text, article).to_string(), want, "{text}");
    }
    assert_eq!(date_value("Monday", None), FigureValue::Unknown);
    assert_eq!(date_value("Nov. 16", None), FigureValue::Unknown);
    assert_eq!(date_value("", None), FigureValue::Unknown);
}

#[test]
fn dates_in_an_article_are_figures_of_kind_date() {
    let body = "The strike began on Monday and lasted four days. Members will vote on \
                Tuesday.";
    let f = read(body, Some(ymd(2026, 11, 20)));
    let start = find(body, &f, "Monday");
    assert_eq!(start.kind, EntityKind::Date);
    assert_eq!(start.value, FigureValue::Day(ymd(2026, 11, 16)));
    assert_eq!(start.concept, None);
    assert_eq!(
        find(body, &f, "Tuesday").value,
        FigureValue::Day(ymd(2026, 11, 24))
    );
}

#[test]
fn values_serialize_as_numbers_or_iso_text() {
    let json = |v: FigureValue| serde_json::to_string(&v).unwrap();
    assert_eq!(json(FigureValue::Number(3800.0)), "3800.0");
    assert_eq!(json(FigureValue::Day(ymd(2026, 11, 16))), "\"2026-11-16\"");
    assert_eq!(json(FigureValue::Unknown), "null");
}

/// The figures that disagree, as (concept, [(article, text)]).
fn disagreeing(bodies: &[&str]) -> Vec<(String, Vec<(usize, String)>)> {
    let figures: Vec<Vec<Figure>> = bodies.iter().map(|b| read(b, None)).collect();
    let slices: Vec<&[Figure]> = figures.iter().map(Vec::as_slice).collect();
    disagreements(&slices)
        .into_iter()
        .map(|d| {
            let list = d
                .figures
                .iter()
                .map(|f| {
                    (
                        f.article,
                        bodies[f.article][f.figure.range.clone()].to_string(),
                    )
                })
                .collect();
            (d.concept, list)
        })
        .collect()
}

#[test]
fn counts_of_one_thing_that_differ_between_sources_disagree() {
    let out = disagreeing(&[
        "About 3,800 dockworkers walked out on Monday.",
        "Havenbond said 4,600 of its members were on strike.",
        "The board put the strikers at 3,900 strikers.",
    ]);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].0, "workers");
    let texts: Vec<&str> = out[0].1.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(texts, vec!["3,800", "4,600", "3,900"]);
}

#[test]
fn a_toll_that_rises_over_time_disagrees() {
    let out = disagreeing(&[
        "The ministry said 40,005 people were killed.",
        "The death toll has reached 57,338, the ministry said.",
    ]);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].0, "deaths");
    assert_eq!(out[0].1, vec![(0, "40,005".into()), (1, "57,338".into())]);
}

#[test]
fn the_same_value_however_written_agrees() {
    let out = disagreeing(&[
        "Losses reached €4bn this year.",
        "Losses reached 4 billion euros this year.",
        "The union counted 3,800 workers.",
        "The union counted 3,800 workers, or 3,800 in all.",
    ]);
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn different_things_or_far_apart_values_or_one_article_do_not_disagree() {
    let out = disagreeing(&[
        // A payment and a total loss: both euros, far apart.
        "Each worker gets a single payment of €1,000.",
        "Losses came to €95 million.",
        // Different nouns.
        "There were 27 ships waiting.",
        "There were 31 cranes idle.",
        // Percentages without a noun.
        "They offered 3.5% and later 5.8%.",
        "The union wanted 8%.",
    ]);
    assert!(out.is_empty(), "{out:?}");
    // Within one article, a count that moves is not a disagreement between
    // sources unless another article gives another value.
    let out = disagreeing(&["On Monday 3,800 workers struck; by Wednesday 4,600 workers."]);
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn labels_say_what_is_counted_once() {
    let body = "Losses of €25m a day, 18 million euros, 54.2% of the vote, 8 per cent, \
                3,800 dockworkers.";
    let f = read(body, None);
    let labels: Vec<String> = f.iter().map(|f| f.label(body)).collect();
    assert_eq!(
        labels,
        vec![
            "€25m a day",
            "18 million euros",
            "54.2% vote",
            "8 per cent",
            "3,800 dockworkers"
        ]
    );
}

#[test]
fn far_apart_values_of_one_concept_make_separate_disagreements() {
    let out = disagreeing(&[
        "The offer included a payment of €1,000. Losses reached €95 million.",
        "Each worker gets €1,250. Losses came to €150 million.",
    ]);
    let texts: Vec<Vec<&str>> = out
        .iter()
        .map(|(_, list)| list.iter().map(|(_, t)| t.as_str()).collect())
        .collect();
    assert_eq!(
        texts,
        vec![
            vec!["€1,000", "€1,250"],
            vec!["€95 million", "€150 million"]
        ]
    );
}
