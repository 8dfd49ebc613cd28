//! The highlighter on any text: spans sorted, disjoint, on char boundaries
//! and never across a line break.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = dateline_fuzz::text(bytes);
    let mut end = 0;
    for span in dateline::highlight::highlight(&text) {
        assert!(span.start >= end && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!text[span.start..span.end].contains('\n'));
        end = span.end;
    }
});
