//! Reading an article's text again from its file, with the same parsing
//! that loaded it: the reader lets bodies go once they are indexed and
//! reads back the few it shows.

use std::cell::RefCell;
use std::fs::{File, Metadata};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
                "{}: changed since it was loaded; start dateline again to read it",
                self.place()
            )
        };
        let io = |e: std::io::Error| failed(walk::describe_io_error(&e, &self.path));
        let mut parsed = Parsed::default();
        match self.at {
            At::Line { offset, len, line } => {
                let mut bytes = vec![0; len];
                read_at(&self.path, offset, &mut bytes).map_err(|e| {
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

/// What tells a file from another at the same path, or from itself
/// changed: an open file is used again only while this stays the same.
#[derive(PartialEq, Eq)]
struct Identity {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Identity {
    fn of(meta: &Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino()),
        }
    }
}

thread_local! {
    /// The JSON Lines file read last, kept open: the filter's phrase check
    /// reads many lines of one file in a row.
    static LAST_FILE: RefCell<Option<(PathBuf, Identity, File)>> = const { RefCell::new(None) };
}

/// Fill `buf` from `path` at `offset`, through the file kept open when
/// it is still the same file (a look at its metadata says so).
fn read_at(path: &Path, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
    let identity = Identity::of(&std::fs::metadata(path)?);
    LAST_FILE.with_borrow_mut(|last| {
        let same = last
            .as_ref()
            .is_some_and(|(p, id, _)| p == path && *id == identity);
        if !same {
            *last = None;
            let file = File::open(path)?;
            *last = Some((path.to_path_buf(), Identity::of(&file.metadata()?), file));
        }
        let Some((_, _, file)) = last.as_mut() else {
            return Err(std::io::ErrorKind::NotFound.into());
        };
        file.seek(SeekFrom::Start(offset))?;
        file.read_exact(buf)
    })
}
