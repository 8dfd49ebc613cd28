//! The list as stories: grouped from the entity worker's table, toggled with
//! `t`, moved through as the grouped-by-source list is.

use super::*;
use crate::entities::extract;
use crate::loader::{self, Input};
use crate::stories::Stories;

/// The built-in samples, then the Northline strike report republished by
/// another outlet a day later.
pub(crate) fn story_articles() -> Vec<Arc<Article>> {
    let loaded = loader::load_all(&[Input::Samples]);
    let mut articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    let first = Arc::clone(&articles[0]);
    let origin = Origin::at_line("copy.jsonl", 1);
    articles.push(Arc::new(Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, ""),
        title: "Dock strike halts Rotterdam".into(),
        source: "Coastal Daily".into(),
        date: first.date.and_then(|d| d.succ_opt()),
        author: None,
        url: None,
        origin,
        body: first.body.clone(),
    }));
    articles
}

/// What the entity worker sends for `articles`.
pub(crate) fn story_table(articles: &[Arc<Article>]) -> Arc<StoryTable> {
    let extracted: Vec<_> = articles.iter().map(|a| extract(a)).collect();
    let mut stories = Stories::new();
    stories.add(articles, &extracted);
    Arc::new(stories.table())
}

/// An app at 120x40 with [`story_articles`] loaded and grouped.
pub(crate) fn story_app() -> App {
    let articles = story_articles();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(articles.clone()));
    app.update(Update::LoadFinished);
    app.update(Update::StoriesGrouped(story_table(&articles)));
    app
}

/// The list as shown: `# N` for the header of a story of N articles, the
/// title (`≈ ` before a copy) for an article.
fn story_rows(app: &App) -> Vec<String> {
    let table = app.stories.as_deref().unwrap();
    (0..app.list_len())
        .map(|row| match app.list_row(row) {
            Some(ListRow::Header(g)) => {
                let group = app.groups.as_ref().unwrap().group(g).unwrap();
                format!("# {}", group.members.len())
            }
            Some(ListRow::Article(p)) => {
                let (index, article, _) = app.visible(p).unwrap();
                let mark = if table.is_copy(index) { "≈ " } else { "" };
                format!("{mark}{}", article.title)
            }
            None => panic!("row {row} is past the end"),
        })
        .collect()
}

#[test]
fn t_shows_stories_with_their_articles_and_copies_marked() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    assert!(app.by_story);
    let rows = story_rows(&app);
    assert_eq!(
        rows[..7],
        [
            "# 5",
            "Rotterdam dockworkers strike over pay as ships start to queue",
            "Ships pile up off Rotterdam as dock strike enters third day",
            "Rotterdam dock strike ends with tentative deal after marathon talks",
            "After the Rotterdam strike, the bill keeps arriving",
            "≈ Dock strike halts Rotterdam",
            "# 1",
        ],
        "{rows:#?}"
    );
    // Every article once, under a header.
    let articles = rows.iter().filter(|r| !r.starts_with('#')).count();
    assert_eq!(articles, app.articles.len());
    let headers = rows.len() - articles;
    let table = app.stories.as_deref().unwrap();
    assert_eq!(headers, table.stories.len());
    // The Poznań pair is one story too.
    let poznan = rows.iter().position(|r| r.contains("Poznań")).unwrap();
    assert_eq!(rows[poznan - 1], "# 2");
    // `t` again: the flat list; `s` then `t` switches grouping.
    press(&mut app, KeyCode::Char('t'));
    assert!(app.groups.is_none());
    assert_eq!(app.list_len(), app.articles.len());
    press(&mut app, KeyCode::Char('s'));
    assert!(!app.by_story);
    press(&mut app, KeyCode::Char('t'));
    assert!(app.by_story && app.groups.is_some());
    assert_eq!(story_rows(&app), rows);
}

#[test]
fn the_selection_moves_over_story_headers_and_enter_reads() {
    let mut app = story_app();
    type_text(&mut app, "jjjj");
    let before = selected_title(&app);
    assert_eq!(
        before,
        "Spain’s reservoirs sink to 21 per cent as drought enters third year"
    );
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        selected_title(&app),
        before,
        "the same article stays selected"
    );
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(selected_title(&app), "Dock strike halts Rotterdam");
    press(&mut app, KeyCode::Char('j'));
    // Over the header to the first article of the next story.
    assert_eq!(app.selected_row(), 7);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(selected_title(&app), "Dock strike halts Rotterdam");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reader);
    let index = app.reader.as_ref().unwrap().index;
    assert_eq!(app.articles[index].title, "Dock strike halts Rotterdam");
    // `}` goes to the next story.
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(app.selected_row(), 7);
}

#[test]
fn articles_are_their_own_stories_until_the_worker_groups_them() {
    let articles = story_articles();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(articles[..6].to_vec()));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.list_len(), 12, "a header per article");
    app.update(Update::StoriesGrouped(story_table(&articles[..6])));
    assert_eq!(story_rows(&app)[0], "# 4");
    // More articles arrive before the worker has read them.
    app.update(Update::Loaded(articles[6..].to_vec()));
    let rows = app.list_len();
    assert_eq!(rows, 4 + 1 + 2 * 2 + 2 * (articles.len() - 6));
    app.update(Update::StoriesGrouped(story_table(&articles)));
    assert_eq!(story_rows(&app)[0], "# 5");
}

#[test]
fn stories_follow_the_filter() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rotterdam");
    let rows = story_rows(&app);
    assert_eq!(rows[0], "# 5", "{rows:#?}");
    assert_eq!(rows.len(), 6, "{rows:#?}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        story_rows(&app).len(),
        app.articles.len() + app.stories.as_deref().unwrap().stories.len()
    );
}

#[test]
fn stories_are_listed_newest_first_and_a_filter_keeps_its_ranking() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    let lasts: Vec<_> = app
        .groups
        .as_ref()
        .unwrap()
        .groups()
        .iter()
        .map(|g| g.dates.last)
        .collect();
    assert!(lasts.len() > 3);
    assert!(lasts.windows(2).all(|w| w[0] >= w[1]), "{lasts:?}");
    // The selection is still on the article it was on.
    assert_eq!(app.selected, 0);
    assert_eq!(app.list_row(app.selected_row()), Some(ListRow::Article(0)));
    // Filtered, the best match's story comes first.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "reservoirs");
    let first = app.groups.as_ref().unwrap().group(0).unwrap();
    assert_eq!(first.members.first(), Some(&0));
}

#[test]
fn shift_t_opens_the_selected_articles_story_and_enter_reads_the_one_on_top() {
    let mut app = story_app();
    // Without stories grouped yet there is nothing to open.
    let mut bare = App::new(Rect::new(0, 0, 120, 40));
    bare.update(Update::Loaded(story_articles()));
    press(&mut bare, KeyCode::Char('T'));
    assert!(bare.story.is_none());

    press(&mut app, KeyCode::Char('T'));
    let view = app.story.as_ref().expect("T opens the story");
    assert_eq!(app.key_context(), KeyContext::Story);
    assert_eq!(view.articles.len(), 5);
    assert_eq!(view.scroll, 0);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.story.as_ref().unwrap().scroll, 1);
    press(&mut app, KeyCode::Char('}'));
    let view = app.story.as_ref().unwrap();
    let (second, article) = view.heading_rows().nth(1).unwrap();
    assert_eq!(view.scroll, second);
    // Keys of the list do nothing here.
    press(&mut app, KeyCode::Char('s'));
    assert!(app.groups.is_none());
    press(&mut app, KeyCode::Enter);
    assert!(app.story.is_none());
    assert_eq!(app.reader.as_ref().map(|v| v.index), Some(article));
    assert_eq!(app.focus, Focus::Reader);
    // From the reader, T again; Esc closes.
    press(&mut app, KeyCode::Char('T'));
    assert!(app.story.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.story.is_none());
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn the_story_view_is_laid_out_again_when_the_terminal_resizes() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('T'));
    let wide = app.story.as_ref().unwrap().lines.len();
    app.update(Action::Resize(50, 20));
    let view = app.story.as_ref().unwrap();
    assert!(view.lines.len() > wide);
    let (width, _) = crate::ui::story::text_size(app.size);
    assert_eq!(view.width, width);
    app.update(Action::Resize(1, 1));
    assert!(app.story.is_some());
}

#[test]
fn the_entity_index_profile_follows_the_highlight() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('e'));
    let profiled = |app: &App| {
        let list = app.entity_list.as_ref().unwrap();
        (
            list.profile.as_ref().map(|p| p.id),
            list.current().map(|r| r.id),
        )
    };
    let (profile, current) = profiled(&app);
    assert!(profile.is_some());
    assert_eq!(profile, current);
    press(&mut app, KeyCode::Down);
    let (moved, current) = profiled(&app);
    assert_eq!(moved, current);
    assert_ne!(moved, profile);
    press(&mut app, KeyCode::Tab);
    let (sorted, current) = profiled(&app);
    assert_eq!(sorted, current);
}
