//! Wrapping any text to any width: lines in order, on char boundaries, no
//! wider than the screen unless one grapheme is, and the same whether laid
//! out at once or a few bytes at a time.
#![no_main]

use dateline::wrap::{self, Wrapper};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, u8, &[u8])| {
    let (width, budget, bytes) = input;
    let width = usize::from(width % 120) + 1;
    let text = dateline_fuzz::text(bytes);
    let whole = wrap::wrap_ranges(&text, width);
    let mut last = 0;
    for r in &whole {
        assert!(r.start >= last && r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let line = &text[r.clone()];
        assert!(!line.contains('\n'));
        let mut col = 0;
        let shown = wrap::screen_text(line, &mut col);
        dateline_fuzz::assert_safe(&shown);
        assert_eq!(col, wrap::width(line));
        last = r.end;
    }
    let mut wrapper = Wrapper::new(width);
    let mut pieces = Vec::new();
    while !wrapper.run(&text, usize::from(budget) + 1, &mut pieces) {}
    assert_eq!(pieces, whole);
});
