//! What every fuzz target checks beyond "no panic": the invariants the
//! terminal relies on.

use std::path::Path;

use dateline::loader;
use dateline::sanitize;

/// Load `bytes` as the file at `path`, then check what came out: issues are
/// one line and name the file, titles are one line, and the sanitized forms
/// of every field carry no control character.
pub fn loaded(bytes: &[u8], path: &Path) {
    let loaded = loader::from_bytes(bytes.to_vec(), path);
    for issue in &loaded.issues {
        let text = issue.to_string();
        assert!(!text.contains('\n'), "issue over two lines: {text:?}");
        assert!(text.starts_with(&*path.to_string_lossy()), "{text:?}");
        assert_safe(&sanitize::line(&text));
    }
    for article in &loaded.articles {
        assert!(!article.title.is_empty());
        assert!(!article.title.contains('\n'), "{:?}", article.title);
        for field in [&article.title, &article.source] {
            assert_safe(&sanitize::line(field));
        }
        assert_safe(&sanitize::text(&article.body));
    }
}

/// Nothing in `text` that a terminal would act on (newlines and tabs aside,
/// which the panes lay out).
pub fn assert_safe(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || c == '\t' || !sanitize::is_unsafe(c),
            "unsafe {c:?} left in {text:?}"
        );
    }
}

/// Bytes as text: lossy UTF-8, so every input is used.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
