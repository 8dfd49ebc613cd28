//! dateline: a terminal reader for news articles.
//!
//! ```text
//! files / stdin ──loader thread──▶ Event::Loaded(batch) ─┐
//! terminal keys ──input thread───▶ Event::Key(k) ────────┼─▶ App::update(Action) ─▶ ui::render(&App)
//! filter worker ─────────────────▶ Event::Filtered(res) ─┘
//! ```
//!
//! Pure domain modules know nothing of the terminal: [`article`], [`loader`]
//! (one file per format), [`highlight`] (names and numbers) and [`filter`]
//! (query, matching, ranking). The terminal side is [`app`] (state, update,
//! run loop), [`action`] (intents and the keymap), [`event`], and [`ui`] with
//! one file per pane and every style in [`ui::theme`].

pub mod article;
pub mod filter;
pub mod highlight;
pub mod loader;
pub mod samples;
