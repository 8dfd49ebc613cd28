//! The sanitizer on any text: nothing a terminal acts on comes out, and text
//! without such characters comes out unchanged.
#![no_main]

use dateline::sanitize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = dateline_fuzz::text(bytes);
    let safe = sanitize::text(&text);
    dateline_fuzz::assert_safe(&safe);
    assert_eq!(safe.chars().count(), text.chars().count());
    let line = sanitize::line(&text);
    dateline_fuzz::assert_safe(&line);
    assert!(!line.contains(['\n', '\t', '\r']));
    if !text.chars().any(sanitize::is_unsafe) {
        assert_eq!(safe, text);
    }
});
