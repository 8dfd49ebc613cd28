//! Reading an article's text again from its file, with the same parsing
//! that loaded it: the reader lets bodies go once they are indexed and
//! reads back the few it shows.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::draft::{self, Parsed};
use super::format::Format;
use super::{decode, json, walk};

/// Where a body came from, exactly enough to read it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    path: PathBuf,
    at: At,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum At {
    /// A line of a JSON Lines file: its first byte, its length without the
    /// line end, and its 1-based number.
    Line {
        offset: u64,
        len: usize,
        line: usize,
    },
    /// A file holding one article, in this format.
    Whole(Format),
}

impl Located {
    pub(crate) fn line(path: &Path, offset: u64, len: usize, line: usize) -> Self {
        Self {
            path: path.to_path_buf(),
            at: At::Line { offset, len, line },
        }
    }

    pub(crate) fn whole(path: &Path, format: Format) -> Self {
        Self {
            path: path.to_path_buf(),
            at: At::Whole(format),
        }
    }

    /// The file, with the line when there is one (`news.jsonl:12`).
    pub fn place(&self) -> String {
        match self.at {
            At::Line { line, .. } => format!("{}:{line}", self.path.display()),
            At::Whole(_) => self.path.display().to_string(),
        }
    }

    /// Read the body again: the bytes it came from, parsed and tidied as
    /// the loader did. The caller checks that it is the text loaded.
    pub fn read(&self) -> Result<String, String> {
        let failed = |why: String| format!("{}: cannot read the text again: {why}", self.place());
        let changed = || {
            format!(
                "{}: changed since it was loaded; reload to read it",
                self.place()
            )
        };
        let io = |e: std::io::Error| failed(walk::describe_io_error(&e, &self.path));
        let mut parsed = Parsed::default();
        match self.at {
            At::Line { offset, len, line } => {
                let mut file = File::open(&self.path).map_err(io)?;
                file.seek(SeekFrom::Start(offset)).map_err(io)?;
                let mut bytes = vec![0; len];
                file.read_exact(&mut bytes).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::UnexpectedEof {
                        changed()
                    } else {
                        io(e)
                    }
                })?;
                if memchr::memchr2(b'\n', b'\r', &bytes).is_some() {
                    return Err(changed());
                }
                let text = String::from_utf8(bytes).map_err(|_| changed())?;
                json::add_entry(&text, Some(line), &mut parsed);
            }
            At::Whole(format) => {
                let bytes = super::read_file(&self.path).map_err(failed)?;
                let decoded = decode::decode_as(bytes, None).map_err(|n| failed(n.message))?;
                parsed = format.parse(&decoded.text);
            }
        }
        let draft = parsed.drafts.into_iter().next().ok_or_else(changed)?;
        Ok(draft::tidy_body(draft.body))
    }
}
