//! Bytes to text: byte-order marks, UTF-16, lossy UTF-8, binary and empty
//! files, line endings.

use super::draft::{Note, normalise_newlines};

/// How much of the start of a file is looked at to tell text from binary.
const SNIFF_BYTES: usize = 8 * 1024;

/// A file's text, LF line endings, with a warning if it was not clean.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<Note>,
}

/// Decode a whole file. Errors (as notes) for binary and empty files.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<Decoded, Note> {
    let (text, warning) = match bytes.as_slice() {
        [0xFF, 0xFE, ..] => utf16(bytes.get(2..).unwrap_or_default(), u16::from_le_bytes)?,
        [0xFE, 0xFF, ..] => utf16(bytes.get(2..).unwrap_or_default(), u16::from_be_bytes)?,
        _ => {
            if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                bytes.drain(..3);
            }
            check_text_bytes(bytes.get(..SNIFF_BYTES).unwrap_or(&bytes))?;
            utf8(bytes)
        }
    };
    let text = if text.contains('\r') {
        normalise_newlines(&text)
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(Note::error(None, "empty file"));
    }
    Ok(Decoded { text, warning })
}

/// Decode a part of a large JSON Lines file, cut at a line end: UTF-8, a
/// BOM dropped, bad bytes replaced with a warning. Lines are counted from 1
/// within the part; being JSON, it needs no check for binary content (a
/// binary line is reported by the parser).
pub(crate) fn decode_part(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let (text, warning) = utf8(bytes);
    let text = if text.contains('\r') {
        normalise_newlines(&text)
    } else {
        text
    };
    Decoded { text, warning }
}

fn utf8(bytes: Vec<u8>) -> (String, Option<Note>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let bytes = err.into_bytes();
            let valid = match std::str::from_utf8(&bytes) {
                Err(e) => e.valid_up_to(),
                Ok(_) => bytes.len(),
            };
            let line = line_of(bytes.get(..valid).unwrap_or_default());
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (text, Some(lossy_warning(line, "UTF-8")))
        }
    }
}

fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<(String, Option<Note>), Note> {
    let (pairs, odd) = body.as_chunks::<2>();
    let units = pairs.iter().map(|&pair| unit(pair));
    let mut text = String::with_capacity(body.len());
    let mut first_bad_line = None;
    let mut line = 1;
    for decoded in char::decode_utf16(units) {
        let c = decoded.unwrap_or_else(|_| {
            first_bad_line.get_or_insert(line);
            char::REPLACEMENT_CHARACTER
        });
        if c == '\n' {
            line += 1;
        }
        text.push(c);
    }
    if !odd.is_empty() {
        first_bad_line.get_or_insert(line);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    check_text_chars(text.chars().take(SNIFF_BYTES))?;
    Ok((text, first_bad_line.map(|l| lossy_warning(l, "UTF-16"))))
}

fn lossy_warning(line: usize, encoding: &str) -> Note {
    Note::warning(
        Some(line),
        format!(
            "invalid {encoding} (first bad byte on this line); decoded with replacement characters"
        ),
    )
}

/// 1-based line number of the byte just after `before`.
fn line_of(before: &[u8]) -> usize {
    before.split(|&b| b == b'\n').count()
}

/// The start of a file that is meant to be UTF-8: NUL bytes mean binary;
/// so do many control characters or invalid bytes.
fn check_text_bytes(start: &[u8]) -> Result<(), Note> {
    if start.is_empty() {
        return Ok(());
    }
    if start.contains(&0) {
        return Err(Note::error(None, "binary file"));
    }
    let control = start
        .iter()
        .filter(|&&b| is_binary_control(u32::from(b)))
        .count();
    // Undecodable bytes are counted only when there are any (rarely).
    let invalid = match std::str::from_utf8(start) {
        Ok(_) => 0,
        Err(e) if e.error_len().is_none() && start.len() - e.valid_up_to() < 4 => 0,
        Err(_) => start.utf8_chunks().map(|chunk| chunk.invalid().len()).sum(),
    };
    judge(control, invalid, start.len())
}

/// Judge a sample of decoded characters (UTF-16 files).
fn check_text_chars(sample: impl Iterator<Item = char>) -> Result<(), Note> {
    let mut total = 0;
    let mut control = 0;
    for c in sample {
        total += 1;
        if c == '\0' {
            return Err(Note::error(None, "binary file"));
        }
        if is_binary_control(u32::from(c)) {
            control += 1;
        }
    }
    judge(control, 0, total)
}

/// ASCII control characters that text does not use (tab, line breaks, form
/// feed and escape are text's own).
fn is_binary_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D | 0x1B)) || c == 0x7F
}

/// Text has next to no control characters; binary data has many. Text in an
/// encoding other than UTF-8 has many undecodable bytes but few controls.
fn judge(control: usize, invalid: usize, total: usize) -> Result<(), Note> {
    if control * 10 > total {
        return Err(Note::error(None, "binary file"));
    }
    if (control + invalid) * 10 > total * 3 {
        return Err(Note::error(
            None,
            "not text in UTF-8 or UTF-16 (an unsupported encoding?)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Severity;

    fn text_of(bytes: &[u8]) -> String {
        decode(bytes.to_vec()).map_or_else(|n| format!("ERR {}", n.message), |d| d.text)
    }

    #[test]
    fn plain_utf8_passes_through() {
        let d = decode("Floods hit the north\n\nRivers rose.\n".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "Floods hit the north\n\nRivers rose.\n");
        assert!(d.warning.is_none());
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(
            text_of(b"\xEF\xBB\xBFTitle: Caf\xC3\xA9 opens"),
            "Title: Caf\u{e9} opens"
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let text = "Title: Caf\u{e9} reopens\r\n\r\nThe caf\u{e9} \u{1f375} reopened.";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        let want = "Title: Caf\u{e9} reopens\n\nThe caf\u{e9} \u{1f375} reopened.";
        assert_eq!(text_of(&le), want);
        assert_eq!(text_of(&be), want);
        assert!(decode(le).unwrap().warning.is_none());
    }

    #[test]
    fn broken_utf16_is_lossy_with_a_warning() {
        // "a\nb" then an unpaired high surrogate, then an odd trailing byte.
        let bytes = vec![
            0xFF, 0xFE, b'a', 0, b'\n', 0, b'b', 0, 0x00, 0xD8, b'c', 0, 0x41,
        ];
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "a\nb\u{fffd}c\u{fffd}");
        let w = d.warning.unwrap();
        assert_eq!((w.line, w.severity), (Some(2), Severity::Warning));
    }

    #[test]
    fn invalid_utf8_is_lossy_with_the_line_of_the_first_bad_byte() {
        let d = decode(b"Title: Harbour news\n\nThe caf\xE9 reopened.\nAnd \xFF again.".to_vec())
            .unwrap();
        assert_eq!(
            d.text,
            "Title: Harbour news\n\nThe caf\u{fffd} reopened.\nAnd \u{fffd} again."
        );
        let w = d.warning.unwrap();
        assert_eq!(w.line, Some(3));
        assert_eq!(w.severity, Severity::Warning);
        assert!(w.message.contains("invalid UTF-8"), "{}", w.message);
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(text_of(b"a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend([0u8, 0, 0, 13, b'I', b'H', b'D', b'R']);
        assert_eq!(text_of(&png), "ERR binary file");
    }

    #[test]
    fn mostly_control_characters_mean_binary() {
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| [1u8, 2, 3, 4, b'a', b'b'][(i % 6) as usize])
            .collect();
        assert_eq!(text_of(&noise), "ERR binary file");
    }

    #[test]
    fn mostly_undecodable_bytes_are_reported_as_an_encoding_problem() {
        let latin: Vec<u8> = std::iter::repeat_n([0xE9u8, 0xE8, b' '], 500)
            .flatten()
            .collect();
        assert!(text_of(&latin).starts_with("ERR not text"));
    }

    #[test]
    fn empty_and_blank_files() {
        assert_eq!(text_of(b""), "ERR empty file");
        assert_eq!(text_of(b" \r\n\t\n"), "ERR empty file");
        assert_eq!(text_of(b"\xEF\xBB\xBF"), "ERR empty file");
        assert_eq!(text_of(&[0xFF, 0xFE]), "ERR empty file");
    }
}
