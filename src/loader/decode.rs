//! Bytes to text: byte-order marks, UTF-16, encodings declared by XML and
//! HTML or guessed for other text, binary and empty files, line endings.
//!
//! The order, as browsers decide: a byte-order mark; else an encoding the
//! file declares (`<?xml … encoding="…"?>`, `<meta charset="…">`) if it
//! decodes cleanly; else UTF-8 if the bytes are valid UTF-8; else the
//! legacy encoding [`chardetng`] finds likeliest (Windows-1252 for Western
//! text), with a warning, since that is a guess.

use encoding_rs::{Encoding, UTF_8};

use super::draft::{Note, normalise_newlines};

/// Why bytes hold no text: nothing but white space…
pub(crate) const EMPTY: &str = "empty file";
/// …or binary data.
pub(crate) const BINARY: &str = "binary file";

/// How much of the start of a file is looked at to tell text from binary.
const SNIFF_BYTES: usize = 8 * 1024;

/// A file's text, LF line endings, with a warning if it was not clean.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<Note>,
}

/// Decode a whole file. Errors (as notes) for binary and empty files.
#[cfg(test)]
pub(crate) fn decode(bytes: Vec<u8>) -> Result<Decoded, Note> {
    decode_as(bytes, None)
}

/// [`decode`] for bytes that came with an encoding named outside them (an
/// HTTP `Content-Type: …; charset=…`): it comes before what the text
/// declares, after a byte-order mark, as browsers have it.
pub(crate) fn decode_as(
    mut bytes: Vec<u8>,
    charset: Option<&'static Encoding>,
) -> Result<Decoded, Note> {
    let (text, warning) = match bytes.as_slice() {
        [0xFF, 0xFE, ..] => utf16(bytes.get(2..).unwrap_or_default(), u16::from_le_bytes)?,
        [0xFE, 0xFF, ..] => utf16(bytes.get(2..).unwrap_or_default(), u16::from_be_bytes)?,
        _ => {
            let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
            if bom {
                bytes.drain(..3);
            }
            check_text_bytes(bytes.get(..SNIFF_BYTES).unwrap_or(&bytes))?;
            let declared = if bom {
                None
            } else {
                charset.or_else(|| declared_encoding(&bytes))
            };
            match declared {
                // valid UTF-8 beyond ASCII is UTF-8 whatever it says: text in
                // a legacy encoding is next to never valid UTF-8 by chance
                Some(encoding) if encoding != UTF_8 && is_utf8_beyond_ascii(&bytes) => {
                    let text = String::from_utf8(bytes).unwrap_or_default();
                    let line = text.find(|c: char| !c.is_ascii()).map_or(1, |at| {
                        line_of(text.get(..at).unwrap_or_default().as_bytes())
                    });
                    let note = Note::warning(
                        Some(line),
                        format!(
                            "declared {} but written in UTF-8 (from this line); read as UTF-8",
                            encoding.name()
                        ),
                    );
                    (text, Some(note))
                }
                Some(encoding) if encoding != UTF_8 => legacy(&bytes, encoding, true)
                    .unwrap_or_else(|| guessed(&bytes, Some(encoding))),
                _ => match String::from_utf8(bytes) {
                    Ok(text) => (text, None),
                    Err(err) if bom => utf8_lossy(err.as_bytes()),
                    Err(err) => guessed(err.as_bytes(), declared),
                },
            }
        }
    };
    let text = if text.contains('\r') {
        normalise_newlines(&text)
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(Note::error(None, EMPTY));
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
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => utf8_lossy(err.as_bytes()),
    };
    let text = if text.contains('\r') {
        normalise_newlines(&text)
    } else {
        text
    };
    Decoded { text, warning }
}

/// Bytes that are not valid UTF-8, bad bytes replaced, with a warning at
/// the line of the first.
fn utf8_lossy(bytes: &[u8]) -> (String, Option<Note>) {
    let line = first_bad_utf8_line(bytes);
    let text = String::from_utf8_lossy(bytes).into_owned();
    (text, Some(lossy_warning(line, "UTF-8")))
}

fn first_bad_utf8_line(bytes: &[u8]) -> usize {
    let valid = match std::str::from_utf8(bytes) {
        Err(e) => e.valid_up_to(),
        Ok(_) => bytes.len(),
    };
    line_of(bytes.get(..valid).unwrap_or_default())
}

/// `bytes` in a legacy `encoding`; with `clean_only`, `None` if they do not
/// decode cleanly in it, else bad bytes replaced, with a warning.
fn legacy(
    bytes: &[u8],
    encoding: &'static Encoding,
    clean_only: bool,
) -> Option<(String, Option<Note>)> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors && clean_only {
        return None;
    }
    let warning = had_errors.then(|| {
        let line = text.find(char::REPLACEMENT_CHARACTER).map_or(1, |at| {
            line_of(text.get(..at).unwrap_or_default().as_bytes())
        });
        lossy_warning(line, encoding.name())
    });
    Some((text.into_owned(), warning))
}

/// Bytes that are not valid UTF-8 (nor in the encoding they declare, if
/// any): read in the encoding they most likely are, with a warning naming
/// it and the line of the first byte that is not UTF-8.
fn guessed(bytes: &[u8], declared: Option<&'static Encoding>) -> (String, Option<Note>) {
    if mostly_utf8(bytes) {
        return utf8_lossy(bytes);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // not UTF-8: that much is known
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let line = first_bad_utf8_line(bytes);
    let Some((text, lossy)) = legacy(bytes, encoding, false) else {
        return utf8_lossy(bytes);
    };
    let declared = match declared {
        Some(d) => format!(", nor {}", d.name()),
        None => String::new(),
    };
    let mut note = Note::warning(
        Some(line),
        format!(
            "invalid UTF-8{declared} (first bad byte on this line); read as {}, the likeliest encoding",
            encoding.name()
        ),
    );
    if let Some(lossy) = lossy {
        note.message.push_str("; ");
        note.message.push_str(&lossy.message);
    }
    (text, Some(note))
}

fn is_utf8_beyond_ascii(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// UTF-8 with a few bad bytes rather than another encoding: more valid
/// non-ASCII UTF-8 characters than bad bytes (text in a legacy encoding
/// seldom forms valid UTF-8 sequences).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good = 0usize;
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good > bad
}

/// How far into a file an encoding declaration is looked for (as browsers
/// do for `<meta charset>`).
const DECLARATION_BYTES: usize = 1024;

/// The encoding an XML or HTML file declares near its start: the XML
/// prolog's `encoding`, or a `<meta charset>` or `<meta http-equiv
/// content="…; charset=…">`. A declared UTF-16 in a file without a BOM (so
/// in ASCII-compatible bytes) can only mean UTF-8, as HTML's rules say.
pub(crate) fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..DECLARATION_BYTES).unwrap_or(bytes);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    if head.get(start) != Some(&b'<') {
        return None;
    }
    let head = head.get(start..)?;
    let label = if head.starts_with(b"<?xml") {
        let end = memchr::memmem::find(head, b"?>").unwrap_or(head.len());
        attribute_value(head.get(..end)?, b"encoding")
    } else {
        meta_charset(head)
    }?;
    Some(Encoding::for_label(label)?.output_encoding())
}

/// The charset of the first `<meta>` that gives one.
fn meta_charset(head: &[u8]) -> Option<&[u8]> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let tag_start = from + at;
        let tag_end = memchr::memchr(b'>', lower.get(tag_start..)?)
            .map_or(lower.len(), |end| tag_start + end);
        let tag = head.get(tag_start..tag_end)?;
        if let Some(charset) = attribute_value(tag, b"charset") {
            return Some(charset);
        }
        from = tag_end;
    }
    None
}

/// The value after `name=` in a tag (quoted or not, any case), up to its
/// quote, a space, `;` or the end: `charset` inside `content="text/html;
/// charset=…"` is found the same way.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    loop {
        let at = from + memchr::memmem::find(lower.get(from..)?, name)?;
        from = at + name.len();
        let before_ok = at == 0 || !lower.get(at - 1)?.is_ascii_alphanumeric();
        let rest = tag.get(from..)?;
        let eq = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        if !before_ok || rest.get(eq) != Some(&b'=') {
            continue;
        }
        let value = rest.get(eq + 1..)?;
        let value = value.get(value.iter().position(|b| !b.is_ascii_whitespace())?..)?;
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|&b| {
                matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()
            })
            .unwrap_or(value.len());
        return value.get(..end).filter(|v| !v.is_empty());
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

/// The start of a file: NUL bytes mean binary; so do many control
/// characters. (Bytes that are not UTF-8 are text in another encoding.)
fn check_text_bytes(start: &[u8]) -> Result<(), Note> {
    if start.is_empty() {
        return Ok(());
    }
    if start.contains(&0) {
        return Err(Note::error(None, BINARY));
    }
    let control = start
        .iter()
        .filter(|&&b| is_binary_control(u32::from(b)))
        .count();
    judge(control, start.len())
}

/// Judge a sample of decoded characters (UTF-16 files).
fn check_text_chars(sample: impl Iterator<Item = char>) -> Result<(), Note> {
    let mut total = 0;
    let mut control = 0;
    for c in sample {
        total += 1;
        if c == '\0' {
            return Err(Note::error(None, BINARY));
        }
        if is_binary_control(u32::from(c)) {
            control += 1;
        }
    }
    judge(control, total)
}

/// ASCII control characters that text does not use (tab, line breaks, form
/// feed and escape are text's own).
fn is_binary_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D | 0x1B)) || c == 0x7F
}

/// Text has next to no control characters; binary data has many.
fn judge(control: usize, total: usize) -> Result<(), Note> {
    if control * 10 > total {
        return Err(Note::error(None, BINARY));
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
        // mostly UTF-8 (the caf\u{e9}s), so not another encoding
        let d = decode(
            "Title: Caf\u{e9} news\n\nThe caf\u{e9} \u{2014} reopened.\nAnd \u{FF} again."
                .replace('\u{FF}', "\0")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0 { 0xFF } else { b })
                .collect(),
        )
        .unwrap();
        assert_eq!(
            d.text,
            "Title: Caf\u{e9} news\n\nThe caf\u{e9} \u{2014} reopened.\nAnd \u{fffd} again."
        );
        let w = d.warning.unwrap();
        assert_eq!(w.line, Some(4));
        assert_eq!(w.severity, Severity::Warning);
        assert!(w.message.contains("invalid UTF-8"), "{}", w.message);
        assert!(
            w.message.contains("replacement characters"),
            "{}",
            w.message
        );
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
    fn latin1_text_without_a_declaration_is_read_as_windows_1252_with_a_warning() {
        let d = decode(
            b"Title: Harbour news\n\nThe caf\xE9 reopened; tickets cost \xA35.\nAnd \x93quoted\x94 words.\n"
                .to_vec(),
        )
        .unwrap();
        assert_eq!(
            d.text,
            "Title: Harbour news\n\nThe caf\u{e9} reopened; tickets cost \u{a3}5.\nAnd \u{201c}quoted\u{201d} words.\n"
        );
        let w = d.warning.unwrap();
        assert_eq!((w.line, w.severity), (Some(3), Severity::Warning));
        assert!(w.message.contains("read as windows-1252"), "{}", w.message);
    }

    #[test]
    fn cyrillic_in_windows_1251_is_recognised() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("\u{041f}\u{043e}\u{0440}\u{0442} \u{043e}\u{0442}\u{043a}\u{0440}\u{044b}\u{043b}\u{0441}\u{044f} \u{0441}\u{043d}\u{043e}\u{0432}\u{0430} \u{043f}\u{043e}\u{0441}\u{043b}\u{0435} \u{0440}\u{0435}\u{043c}\u{043e}\u{043d}\u{0442}\u{0430}.\n");
        let d = decode(bytes.into_owned()).unwrap();
        assert!(
            d.text.starts_with("\u{041f}\u{043e}\u{0440}\u{0442} "),
            "{}",
            d.text
        );
        assert!(d.warning.unwrap().message.contains("windows-1251"));
    }

    #[test]
    fn a_declared_encoding_is_used_without_a_warning() {
        let xml =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><title>Caf\xE9</title></rss>";
        let d = decode(xml.to_vec()).unwrap();
        assert!(d.text.contains("<title>Caf\u{e9}</title>"), "{}", d.text);
        assert!(d.warning.is_none());
        let html = b"<!DOCTYPE html>\n<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>\x93Hi\x94</body></html>";
        let d = decode(html.to_vec()).unwrap();
        assert!(d.text.contains("\u{201c}Hi\u{201d}"), "{}", d.text);
        assert!(d.warning.is_none());
        let html5 =
            b"<html><head><meta charset=koi8-r></head><body>\xF0\xD2\xC9\xD7\xC5\xD4</body></html>";
        assert!(text_of(html5).contains("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"));
    }

    #[test]
    fn an_encoding_named_outside_the_text_comes_before_its_own() {
        let latin1 = b"<rss><channel><title>Caf\xE9 du port</title></channel></rss>".to_vec();
        let d = decode_as(latin1.clone(), Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert!(d.text.contains("Caf\u{e9} du port") && d.warning.is_none());
        // without it, a guess, with a warning
        assert!(decode(latin1).unwrap().warning.is_some());
        // a server that says Latin-1 of UTF-8 text: UTF-8 all the same
        let utf8 = "<p>Caf\u{e9}</p>".as_bytes().to_vec();
        let d = decode_as(utf8, Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert!(d.text.contains("Caf\u{e9}"), "{}", d.text);
        // it names the encoding over the page's own meta
        let page = b"<html><head><meta charset=\"utf-8\"></head><p>\xE9t\xE9</p></html>".to_vec();
        let d = decode_as(page, Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert!(d.text.contains("\u{e9}t\u{e9}"), "{}", d.text);
    }

    #[test]
    fn a_declaration_that_does_not_hold_falls_back_to_utf8_or_a_guess() {
        // says UTF-8, is UTF-8
        let xml = "<?xml version='1.0' encoding='utf-8'?><feed><title>Caf\u{e9}</title></feed>";
        assert_eq!(text_of(xml.as_bytes()), xml);
        // says UTF-8, is Latin-1
        let d =
            decode(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<t>Caf\xE9 cr\xE8me</t>".to_vec())
                .unwrap();
        assert!(
            d.text.ends_with("<t>Caf\u{e9} cr\u{e8}me</t>"),
            "{}",
            d.text
        );
        assert_eq!(d.warning.unwrap().line, Some(2));
        // says ISO-8859-1, is UTF-8 (as often): UTF-8, with a warning
        let d = decode(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<t>Caf\u{e9}</t>"
                .as_bytes()
                .to_vec(),
        )
        .unwrap();
        assert!(d.text.ends_with("<t>Caf\u{e9}</t>"), "{}", d.text);
        let w = d.warning.unwrap();
        assert_eq!(w.line, Some(2));
        assert!(
            w.message
                .starts_with("declared windows-1252 but written in UTF-8"),
            "{}",
            w.message
        );
        // an unknown label is no declaration
        let d =
            decode(b"<?xml version=\"1.0\" encoding=\"x-made-up\"?><t>ok</t>".to_vec()).unwrap();
        assert!(d.warning.is_none());
    }

    #[test]
    fn declarations_are_found_only_at_the_start_of_markup() {
        let f = |b: &[u8]| declared_encoding(b).map(Encoding::name);
        assert_eq!(
            f(b"  <?xml version=\"1.0\" encoding = 'iso-8859-15' ?>"),
            Some("ISO-8859-15")
        );
        assert_eq!(f(b"<html><meta charset=\"latin1\">"), Some("windows-1252"));
        assert_eq!(
            f(b"<html><meta name=x><meta charset=utf-16>"),
            Some("UTF-8")
        );
        assert_eq!(
            f(b"<html><meta content=\"text/html;charset=gbk\" http-equiv=content-type>"),
            Some("GBK")
        );
        assert_eq!(f(b"Title: <meta charset=latin1>"), None);
        assert_eq!(f(b"<html><body>no declaration</body></html>"), None);
        assert_eq!(f(b"<?xml version=\"1.0\"?><mycharset=latin1>"), None);
        assert_eq!(f(b"<"), None);
        assert_eq!(f(b""), None);
    }

    #[test]
    fn empty_and_blank_files() {
        assert_eq!(text_of(b""), "ERR empty file");
        assert_eq!(text_of(b" \r\n\t\n"), "ERR empty file");
        assert_eq!(text_of(b"\xEF\xBB\xBF"), "ERR empty file");
        assert_eq!(text_of(&[0xFF, 0xFE]), "ERR empty file");
    }
}
