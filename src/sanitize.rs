//! Text made safe for the terminal: no byte of an article reaches the screen
//! as a control sequence.
//!
//! C0 controls (but newline and tab, which the panes lay out), DEL, C1
//! controls and the Unicode bidirectional overrides and isolates are replaced
//! by visible stand-ins, each one column wide: the Control Pictures block for
//! C0 (`␛` for ESC), `␡` for DEL, and `␦` (the substitute symbol) for C1 and
//! bidi controls. Not `�`: terminals and emulators that meet U+FFFD may take
//! it for a decoding error of their own and drop it, shifting what follows.
//! ESC is what starts CSI, OSC, DCS and APC sequences, so with it shown as
//! `␛` the rest of such a sequence is plain, harmless text.

use std::borrow::Cow;

/// Whether `c` must not reach the terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // bidirectional embeddings, overrides and isolates
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // the invisible marks that reorder text
        | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// The visible stand-in for an unsafe character.
fn stand_in(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{2426}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{2426}',
    }
}

/// `text` with every unsafe character replaced; borrowed when nothing was.
/// Newlines and tabs are kept: callers that lay out a single line use
/// [`line`] instead.
pub fn text(text: &str) -> Cow<'_, str> {
    replace(text, |c| c != '\n' && c != '\t' && is_unsafe(c))
}

/// `text` for a single line of the screen: unsafe characters replaced, tabs
/// and newlines turned into spaces.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\t', '\r']) {
        return replace(text, is_unsafe);
    }
    let spaced: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\t' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    Cow::Owned(replace(&spaced, is_unsafe).into_owned())
}

fn replace(text: &str, unsafe_here: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_here) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unsafe_here(c) { stand_in(c) } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let hostile = "Title\u{1b}]0;pwned\u{7}\u{1b}[2J end";
        let safe = text(hostile);
        assert!(!safe.contains('\u{1b}'));
        assert!(!safe.contains('\u{7}'));
        assert_eq!(safe, "Title\u{241b}]0;pwned\u{2407}\u{241b}[2J end");
    }

    #[test]
    fn c1_del_and_bidi_are_replaced() {
        let safe = text("a\u{9b}31m b\u{7f} c\u{202e}evil\u{2066}");
        assert!(safe.chars().all(|c| !is_unsafe(c)));
        assert!(safe.contains('\u{2421}'));
        assert_eq!(safe, "a\u{2426}31m b\u{2421} c\u{2426}evil\u{2426}");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            text("Plain news, 40,005 words."),
            Cow::Borrowed(_)
        ));
        assert!(matches!(text("Zürich — 東京 🙂"), Cow::Borrowed(_)));
    }

    #[test]
    fn newlines_and_tabs_survive_text_but_not_line() {
        assert_eq!(text("a\tb\nc"), "a\tb\nc");
        assert_eq!(line("a\tb\nc\r"), "a b c ");
    }

    proptest::proptest! {
        #[test]
        fn any_string_comes_out_safe_and_as_long(s in proptest::prelude::any::<String>(), bidi in "[\\x{200e}\\x{200f}\\x{61c}\\x{2066}-\\x{2069}\\x{1b}\\x{9b}a]{0,20}") {
            for input in [s.clone(), format!("{bidi}{s}{bidi}")] {
                let out = text(&input);
                proptest::prop_assert_eq!(out.chars().count(), input.chars().count());
                proptest::prop_assert!(out.chars().all(|c| !is_unsafe(c)));
                proptest::prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            }
        }

        #[test]
        fn never_emits_escape_or_c1(s in "\\PC*|[\\x00-\\x{9f}\\x{202a}-\\x{202e}]*") {
            for out in [text(&s), line(&s)] {
                proptest::prop_assert!(out.chars().all(|c| !is_unsafe(c) || c == '\n' || c == '\t'));
                proptest::prop_assert!(!out.contains('\x1b'), "escape left in output");
            }
        }
    }
}
