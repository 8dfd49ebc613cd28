//! State tests for moving between names: the reader's cursor, the mentions
//! pane, the history, the outline and the entity index.

use super::*;

/// Three sources naming the same people, and one article naming no one
/// else's.
pub(crate) fn xref_articles() -> Vec<Arc<Article>> {
    vec![
        article(
            0,
            "Dock workers strike in Rotterdam",
            "Northline Wire",
            "Union chief Anneke Verhoeven said 3,800 workers walked out in Rotterdam. \
             Havenbond wants 8% more. Verhoeven said the strike would last 48 hours.",
        ),
        article(
            1,
            "Reservoirs fall in Spain",
            "Valley Courier",
            "Reservoirs in Andalusia held 33 per cent of capacity on Tuesday. \
             Some 3800 farms are short of water.",
        ),
        article(
            2,
            "Ships queue off the port",
            "Meridian Post",
            "More than 60 ships waited off Rotterdam. Anneke Verhoeven, the union's chair, \
             said members backed the strike.",
        ),
        article(
            3,
            "Strike ends with a deal",
            "The Harbor Ledger",
            "The Havenbond union and the employers agreed a 5.8% raise, Ms. Verhoeven said.",
        ),
    ]
}

pub(crate) fn xref_app() -> App {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(xref_articles()));
    app.update(Update::LoadFinished);
    app
}

fn cursor_text(app: &App) -> String {
    let view = app.reader.as_ref().expect("a reader");
    let range = view.cursor.clone().expect("a cursor");
    view.body[range].to_string()
}

#[test]
fn brackets_move_a_cursor_over_names_and_numbers() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.focus, Focus::Reader, "the reader takes the cursor keys");
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "3,800");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Rotterdam");
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    // At the first one, `[` stays.
    press(&mut app, KeyCode::Char('['));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
}

#[test]
fn the_cursor_skips_kinds_switched_off() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Rotterdam", "3,800 is a number: off");
}

#[test]
fn the_view_scrolls_to_keep_the_cursor_on_screen() {
    let mut app = App::new(Rect::new(0, 0, 100, 10));
    let body = "Nothing of note happened here today.\n\n".repeat(30)
        + "Anneke Verhoeven spoke in Rotterdam.";
    app.update(Update::Loaded(vec![article(
        0,
        "T",
        "Northline Wire",
        &body,
    )]));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    let height = app.reader_height();
    let view = app.reader.as_ref().unwrap();
    let line = view.line_of(view.cursor.as_ref().unwrap().start);
    assert!(
        view.scroll <= line && line < view.scroll + height,
        "line {line} is on screen from {} ({height} rows)",
        view.scroll
    );
    // Back up to the top: `[` from a cursor scrolled off starts from the
    // screen, and the title stays where it is.
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.reader.as_ref().unwrap().scroll, 0);
}

#[test]
fn the_cursor_crosses_the_chunks_of_a_long_article() {
    let mut app = App::new(Rect::new(0, 0, 120, 30));
    let filler = "the quiet harbour waited as the tide came and went again. ".repeat(12_000);
    let body = format!("{filler}\n\nAnneke Verhoeven spoke.\n\n{filler}\n\nHavenbond agreed.");
    assert!(body.len() > 3 * reader::CHUNK_BYTES);
    app.update(Update::Loaded(vec![article(
        0,
        "Long",
        "Northline Wire",
        &body,
    )]));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    press(&mut app, KeyCode::Char(']'));
    // Far past the chunks on screen and not laid out yet: found, and the
    // view follows once idle ticks lay it out.
    let mut ticks = 0;
    while app.busy() && ticks < 200 {
        app.update(Action::Tick);
        ticks += 1;
    }
    assert_eq!(cursor_text(&app), "Havenbond");
    let height = app.reader_height();
    let view = app.reader.as_ref().unwrap();
    let line = view.line_of(view.cursor.as_ref().unwrap().start);
    assert!(view.scroll <= line && line < view.scroll + height);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
}

fn ctrl(app: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    if let Some(action) = app.action_for(crate::event::Event::Key(key)) {
        app.update(action);
    }
}

fn reading(app: &App) -> (String, String) {
    let view = app.reader.as_ref().expect("a reader");
    let cursor = view
        .cursor
        .clone()
        .map(|r| view.body[r].to_string())
        .unwrap_or_default();
    (view.article.source.clone(), cursor)
}

#[test]
fn enter_on_a_name_lists_its_mentions_by_source_from_the_one_under_the_cursor() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Enter);
    let pane = app.mentions.as_ref().expect("the mentions pane");
    assert_eq!(pane.name, "Anneke Verhoeven");
    assert_eq!(pane.kind, EntityKind::Person);
    assert_eq!(
        pane.counts(),
        (4, 3, 3),
        "4 mentions, 3 articles, 3 sources"
    );
    let sources: Vec<&str> = pane.groups.iter().map(|g| g.source.as_str()).collect();
    assert_eq!(sources[0], "Northline Wire", "two mentions there");
    assert!(sources.contains(&"The Harbor Ledger"), "Ms. Verhoeven");
    // The highlight starts on the mention the cursor was on.
    let current = pane.current().unwrap();
    assert_eq!(current.article, 0);
    assert_eq!(
        &app.articles[0].body.text()[current.range.clone()],
        "Anneke Verhoeven"
    );
    assert_eq!(app.key_context(), KeyContext::Mentions);
    // Typing narrows (letters are text here, not keys).
    type_text(&mut app, "ledger");
    let pane = app.mentions.as_ref().unwrap();
    assert_eq!(pane.shown(), 1);
    assert_eq!(pane.current().unwrap().article, 3);
    press(&mut app, KeyCode::Esc);
    assert!(app.mentions.is_none());
    assert_eq!(app.focus, Focus::Reader);
}

/// The cross-referenced articles written to a JSON Lines file in `dir`
/// and loaded from it, their texts let go as once both indexers have read
/// them.
fn spilled_xref(dir: &std::path::Path) -> Vec<Arc<Article>> {
    let path = dir.join("xref.jsonl");
    let mut text = String::new();
    for a in xref_articles() {
        let line = serde_json::json!({"title": a.title, "source": a.source, "body": a.body.text().as_str()});
        text.push_str(&line.to_string());
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    let loaded = crate::loader::load_all(&[crate::loader::Input::Path(path)]);
    let articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    for a in &articles {
        assert!(a.body.is_located());
        for _ in 0..crate::article::INDEXERS {
            a.body.indexed();
        }
        assert!(!a.body.is_held());
    }
    articles
}

#[test]
fn the_reader_mentions_and_phrase_filter_read_let_go_texts_back_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(spilled_xref(dir.path())));
    app.update(Update::LoadFinished);
    let view = app.reader.as_ref().unwrap();
    assert!(view.unreadable.is_none());
    assert_eq!(view.body, xref_articles()[0].body.text());
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(reading(&app).1, "Anneke Verhoeven");
    press(&mut app, KeyCode::Enter);
    let pane = app.mentions.as_ref().expect("the mentions pane");
    assert_eq!(pane.counts(), (4, 3, 3));
    let current = pane.current().unwrap();
    let text = app.articles[current.article].body.read().unwrap();
    assert_eq!(&text[current.range.clone()], "Anneke Verhoeven");
    assert_eq!(
        &text[current.sentence.clone()],
        "Union chief Anneke Verhoeven said 3,800 workers walked out in Rotterdam."
    );
    assert!(app.articles.iter().all(|a| !a.body.is_held()));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    for c in "\"union's chair\"".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.visible_len(), 1);
    assert_eq!(
        app.visible(0).map(|(_, a, _)| a.title.clone()).unwrap(),
        "Ships queue off the port"
    );
}

#[test]
fn a_changed_or_deleted_file_gives_an_error_line_when_the_article_opens() {
    let dir = tempfile::tempdir().unwrap();
    let articles = spilled_xref(dir.path());
    let path = dir.path().join("xref.jsonl");
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    // The second line rewritten: same length, other words.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Reservoirs in Andalusia", "Reservoirs in Catalonia"),
    )
    .unwrap();
    app.update(Update::Loaded(articles));
    app.update(Update::LoadFinished);
    assert!(app.reader.as_ref().unwrap().unreadable.is_none());
    press(&mut app, KeyCode::Char('j'));
    let view = app.reader.as_ref().unwrap();
    assert_eq!(view.index, 1);
    let why = format!(
        "{}:2: changed since it was loaded; start dateline again to read it",
        path.display()
    );
    assert_eq!(view.unreadable.as_deref(), Some(why.as_str()));
    assert_eq!(view.body, "");
    assert!(view.lines.contains(&reader::DocLine::Meta(why.clone())));
    assert_eq!(app.notice.as_deref(), Some(why.as_str()));
    // Gone altogether.
    std::fs::remove_file(&path).unwrap();
    press(&mut app, KeyCode::Char('j'));
    let view = app.reader.as_ref().unwrap();
    let why = view.unreadable.clone().unwrap();
    assert!(
        why.starts_with(&format!(
            "{}:3: cannot read the text again: ",
            path.display()
        )),
        "{why}"
    );
    assert!(!why.contains('\n'));
    assert_eq!(app.notice.as_deref(), Some(why.as_str()));
}

#[test]
fn enter_with_no_cursor_puts_it_on_the_first_name_and_a_figure_lists_it_by_value() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Enter);
    assert!(app.mentions.is_none());
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "3,800");
    press(&mut app, KeyCode::Enter);
    let pane = app.mentions.as_ref().expect("the figure's mentions");
    assert_eq!(pane.name, "3,800");
    assert_eq!(pane.kind, EntityKind::Number);
    assert!(!pane.partial);
    let found: Vec<(usize, String)> = pane
        .groups
        .iter()
        .flat_map(|g| &g.mentions)
        .map(|m| {
            (
                m.article,
                app.articles[m.article].body.text()[m.range.clone()].to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.contains(&(0, "3,800".to_string())));
    assert!(
        found.contains(&(1, "3800".to_string())),
        "the same value written otherwise"
    );
    // Picking the other opens it at the figure.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    while app.mentions.as_ref().unwrap().current().unwrap().article != 1 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(cursor_text(&app), "3800");
    // A date has no mentions pane.
    press(&mut app, KeyCode::Char('<'));
    let mut steps = 0;
    while app.reader.as_ref().unwrap().cursor_span().map(|s| s.kind) != Some(EntityKind::Date) {
        press(&mut app, KeyCode::Char(']'));
        steps += 1;
        assert!(steps < 20, "no date in the article");
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.mentions.is_none());
}

#[test]
fn picking_a_mention_opens_its_article_at_it_and_back_and_forward_return() {
    let mut app = xref_app();
    app.update(Action::Resize(120, 12));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('['));
    let before = app.here().unwrap();
    press(&mut app, KeyCode::Enter);
    // Down to the Meridian Post mention, then open it.
    let target = loop {
        let pane = app.mentions.as_ref().unwrap();
        let m = pane.current().unwrap().clone();
        if app.articles[m.article].source == "Meridian Post" {
            break m;
        }
        press(&mut app, KeyCode::Down);
    };
    press(&mut app, KeyCode::Enter);
    assert!(app.mentions.is_none());
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(
        reading(&app),
        ("Meridian Post".to_string(), "Anneke Verhoeven".to_string())
    );
    assert_eq!(app.reader.as_ref().unwrap().cursor, Some(target.range));
    assert_eq!(app.selected, 2, "the list follows");
    // Back: the first article, its scroll and cursor as they were.
    ctrl(&mut app, 'o');
    assert_eq!(app.here(), Some(before.clone()));
    assert_eq!(app.selected, 0);
    // Forward (Ctrl-i where the terminal tells it from Tab, or >).
    ctrl(&mut app, 'i');
    assert_eq!(reading(&app).0, "Meridian Post");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.here(), Some(before));
    press(&mut app, KeyCode::Char('>'));
    assert_eq!(reading(&app).0, "Meridian Post");
    // Nothing further either way.
    press(&mut app, KeyCode::Char('>'));
    assert_eq!(reading(&app).0, "Meridian Post");
    press(&mut app, KeyCode::Char('<'));
    press(&mut app, KeyCode::Char('<'));
    assert_eq!(reading(&app).0, "Northline Wire");
}

#[test]
fn under_a_filter_the_mentions_are_the_filtered_articles_and_back_clears_what_hides() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "dock");
    press(&mut app, KeyCode::Enter);
    let shown: Vec<usize> = (0..app.visible_len())
        .map(|p| app.visible(p).unwrap().0)
        .collect();
    assert!(
        !shown.contains(&2),
        "the Meridian Post article is filtered out"
    );
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Enter);
    let pane = app.mentions.as_ref().unwrap();
    assert!(pane.filtered);
    assert!(
        pane.groups
            .iter()
            .flat_map(|g| &g.mentions)
            .all(|m| shown.contains(&m.article))
    );
    press(&mut app, KeyCode::Esc);
    // From another article: a place hidden by a new filter is reached by
    // clearing the filter.
    let here = app.here().unwrap();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    ctrl(&mut app, 'u');
    type_text(&mut app, "reservoirs");
    press(&mut app, KeyCode::Enter);
    app.history.leave(here.clone());
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.here(), Some(here));
    assert!(app.filter_input.is_empty());
}

#[test]
fn o_outlines_the_article_and_picking_an_entry_steps_through_its_mentions_with_n() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.focus, Focus::Outline);
    assert_eq!(app.key_context(), KeyContext::Outline);
    let outline = app.outline.as_ref().expect("the outline");
    let first = outline.current().unwrap();
    assert_eq!(
        (first.kind, first.label.as_str(), first.count()),
        (EntityKind::Person, "Anneke Verhoeven", 2)
    );
    assert!(
        outline
            .entries
            .iter()
            .any(|e| e.kind == EntityKind::Number && e.label == "3,800")
    );
    // The reader is narrower beside it.
    let areas = app.areas();
    assert!(areas.outline.is_some());
    assert!(areas.outline.unwrap().x >= areas.reader.unwrap().right());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(cursor_text(&app), "Verhoeven");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven", "round again");
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(cursor_text(&app), "Verhoeven");
    // A find typed afterwards decides what n steps through.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "the");
    press(&mut app, KeyCode::Enter);
    let view = app.reader.as_ref().unwrap();
    assert!(!view.find.outline);
    assert_eq!(view.find.needle, "the");
    press(&mut app, KeyCode::Esc);
    // Back to the outline with o, another entry, then n steps its own.
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.focus, Focus::Outline);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Enter);
    let entry = app.outline.as_ref().unwrap().current().unwrap().clone();
    assert_eq!(
        app.reader.as_ref().unwrap().cursor.clone(),
        entry.mentions.first().cloned()
    );
    // o from the outline closes it; the reader takes the whole pane.
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('o'));
    assert!(app.outline.is_none());
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.areas().outline.is_none());
}

#[test]
fn the_outline_follows_the_article_being_read() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Char('j'));
    let outline = app.outline.as_ref().unwrap();
    assert_eq!(outline.article, 1);
    assert_eq!(outline.current().unwrap().label, "Andalusia");
    // Esc in the outline closes it.
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Esc);
    assert!(app.outline.is_none());
}

#[test]
fn e_opens_the_entity_index_and_enter_filters_the_list_by_an_entity_and_several_combine() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.key_context(), KeyContext::Entities);
    let list = app.entity_list.as_ref().expect("the entity index");
    assert_eq!(list.sort, entities::EntitySort::Mentions);
    assert!(list.within.is_none());
    let verhoeven = list.names().position(|n| n == "Anneke Verhoeven").unwrap();
    let row = list.rows[verhoeven];
    assert_eq!((row.mentions, row.articles, row.sources), (4, 3, 3));
    // Tab sorts by the next column.
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.entity_list.as_ref().unwrap().sort,
        entities::EntitySort::Articles
    );
    // Typing narrows; Enter puts the term in the filter bar.
    type_text(&mut app, "anneke");
    let list = app.entity_list.as_ref().unwrap();
    assert_eq!(list.current_name(), Some("Anneke Verhoeven"));
    press(&mut app, KeyCode::Enter);
    assert!(app.entity_list.is_none());
    let term = "person:\"Anneke Verhoeven\"";
    assert_eq!(app.filter_input, term);
    let mut titles: Vec<String> = (0..app.visible_len())
        .map(|p| app.visible(p).unwrap().1.title.clone())
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Dock workers strike in Rotterdam",
            "Ships queue off the port",
            "Strike ends with a deal"
        ]
    );
    // Opened again: counted over the filtered articles; a second entity
    // narrows further.
    press(&mut app, KeyCode::Char('e'));
    let list = app.entity_list.as_ref().unwrap();
    assert!(list.within.is_some());
    assert!(!list.names().any(|n| n == "Andalusia"));
    assert_eq!(app.focus, Focus::List);
    type_text(&mut app, "rotterdam");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter_input, format!("{term} place:\"Rotterdam\""));
    assert_eq!(app.visible_len(), 2, "the Harbor Ledger names no Rotterdam");
    // Esc closes without filtering.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Esc);
    assert!(app.entity_list.is_none());
    assert_eq!(app.visible_len(), 2);
}
