//! From a path the user named to the files to read: folders walked in name
//! order, hidden entries and unknown extensions passed over, special files
//! and symlink loops reported rather than opened or followed forever.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use super::format::Format;
use super::{LoadIssue, Severity};
use crate::article::Origin;

/// Special files (FIFOs, sockets, devices) in a folder named one by one;
/// past this many, the rest are counted.
const MAX_SPECIAL_NAMED: usize = 20;

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileJob {
    /// The path as the user would recognise it (the named path, or it
    /// joined with the path below it).
    pub path: PathBuf,
    /// The format by extension; `None` means sniff the text.
    pub format: Option<Format>,
    /// The source for articles whose metadata names none.
    pub source: String,
}

/// What walking a path finds, in order.
#[derive(Debug)]
pub(crate) enum Found {
    File(FileJob),
    Issue(LoadIssue),
}

/// The files found so far in one load, by identity (device and inode), with
/// the path each was first found at: a file reached again through a
/// symbolic link, or named twice, is read once.
#[derive(Debug, Default)]
pub(crate) struct SeenFiles(HashMap<(u64, u64), PathBuf>);

impl SeenFiles {
    /// The path `path` was first found at, if this file was found before;
    /// otherwise it is noted now.
    fn earlier(&mut self, meta: &fs::Metadata, path: &Path) -> Option<PathBuf> {
        let key = file_key(meta)?;
        match self.0.entry(key) {
            Entry::Occupied(first) => Some(first.get().clone()),
            Entry::Vacant(slot) => {
                slot.insert(path.to_path_buf());
                None
            }
        }
    }
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // None where there is no inode
fn file_key(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_key(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The file to read at `path`, or a note that it was read already.
fn file_found(
    path: PathBuf,
    meta: &fs::Metadata,
    job: impl FnOnce(PathBuf) -> FileJob,
    seen: &mut SeenFiles,
) -> Found {
    match seen.earlier(meta, &path) {
        Some(first) => Found::Issue(LoadIssue {
            origin: Origin::file(path),
            severity: Severity::Warning,
            message: format!("the same file as {}; read once", first.display()),
        }),
        None => Found::File(job(path)),
    }
}

/// Walk one path the user named, reporting each file to read and each
/// problem in a deterministic order.
pub(crate) fn walk(root: &Path, seen: &mut SeenFiles, found: &mut dyn FnMut(Found)) {
    // Checked before anything is opened: a FIFO must never be opened.
    let meta = match fs::metadata(root) {
        Ok(meta) => meta,
        Err(e) => {
            found(issue(root, Severity::Error, describe_io_error(&e, root)));
            return;
        }
    };
    if meta.is_dir() {
        walk_folder(root, seen, found);
    } else if meta.is_file() {
        let job = |path: PathBuf| FileJob {
            format: Format::from_extension(&path),
            source: source_of_named_file(&path),
            path,
        };
        found(file_found(root.to_path_buf(), &meta, job, seen));
    } else {
        found(issue(
            root,
            Severity::Error,
            format!("not a regular file ({})", special_kind(meta.file_type())),
        ));
    }
}

fn walk_folder(root: &Path, seen: &mut SeenFiles, found: &mut dyn FnMut(Found)) {
    let root_name = folder_name(root);
    let mut special_files = 0usize;
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."));
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                if err.loop_ancestor().is_some() {
                    found(issue(&path, Severity::Error, "symlink loop".into()));
                } else if let Some(io_err) = err.io_error() {
                    // A dangling link to something dateline would not read
                    // anyway is not worth a message.
                    let dangling = io_err.kind() == io::ErrorKind::NotFound;
                    if !dangling || Format::from_extension(&path).is_some() {
                        found(issue(
                            &path,
                            Severity::Error,
                            describe_io_error(io_err, &path),
                        ));
                    }
                }
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let Some(format) = Format::from_extension(entry.path()) else {
            continue;
        };
        if !kind.is_file() {
            // Named one by one up to a point (a folder of devices is not
            // worth a screen of messages), then counted.
            special_files += 1;
            if special_files <= MAX_SPECIAL_NAMED {
                found(issue(
                    entry.path(),
                    Severity::Error,
                    format!("not a regular file ({})", special_kind(kind)),
                ));
            }
            continue;
        }
        let meta = entry.metadata();
        let path = entry.into_path();
        let source = source_below(root, &path, root_name.as_deref());
        let job = |path| FileJob {
            path,
            format: Some(format),
            source,
        };
        match meta {
            Ok(meta) => found(file_found(path, &meta, job, seen)),
            Err(_) => found(Found::File(job(path))),
        }
    }
    if special_files > MAX_SPECIAL_NAMED {
        let special_files = special_files - MAX_SPECIAL_NAMED;
        let what = if special_files == 1 { "file" } else { "files" };
        found(issue(
            root,
            Severity::Warning,
            format!("{special_files} more special {what} (FIFO, socket or device) skipped"),
        ));
    }
}

fn issue(path: &Path, severity: Severity, message: String) -> Found {
    Found::Issue(LoadIssue {
        origin: Origin::file(path),
        severity,
        message,
    })
}

/// Source for a file below a folder the user named: the first folder below
/// it (`news/reuters/2024/a.txt` → `reuters`), else the named folder's own
/// name (`news/a.txt` → `news`), else the file's stem.
fn source_below(root: &Path, path: &Path, root_name: Option<&str>) -> String {
    let mut below = path.strip_prefix(root).unwrap_or(path).components();
    match (below.next(), below.next()) {
        (Some(Component::Normal(first)), Some(_)) => first.to_string_lossy().into_owned(),
        _ => root_name.map_or_else(|| stem(path), str::to_owned),
    }
}

/// Source for a file named directly: the folder it is in as written
/// (`x/bbc/a.txt` → `bbc`), else its stem (`a.txt` → `a`).
pub(crate) fn source_of_named_file(path: &Path) -> String {
    match path.parent().and_then(|p| p.components().next_back()) {
        Some(Component::Normal(name)) => name.to_string_lossy().into_owned(),
        _ => stem(path),
    }
}

/// The name of a folder the user named; `.` and `..` are looked up.
fn folder_name(root: &Path) -> Option<String> {
    match root.components().next_back() {
        Some(Component::Normal(name)) => Some(name.to_string_lossy().into_owned()),
        _ => fs::canonicalize(root)
            .ok()?
            .file_name()
            .map(|n| n.to_string_lossy().into_owned()),
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "unknown".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// A short message for an error opening or reading `path`.
pub(crate) fn describe_io_error(e: &io::Error, path: &Path) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                "broken symbolic link".into()
            } else {
                "no such file or folder".into()
            }
        }
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidData => "not readable text".into(),
        // `ErrorKind::FilesystemLoop` (ELOOP) is not stable yet; its debug
        // name is the only portable way to tell it.
        kind if format!("{kind:?}") == "FilesystemLoop" => "symlink loop".into(),
        _ => {
            let text = e.to_string();
            // "Is a directory (os error 21)" → "is a directory".
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

#[cfg(unix)]
fn special_kind(kind: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    fn write(path: &Path, text: &str) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, text).unwrap();
    }

    fn collect(root: &Path) -> (Vec<FileJob>, Vec<LoadIssue>) {
        let mut files = Vec::new();
        let mut issues = Vec::new();
        walk(root, &mut SeenFiles::default(), &mut |f| match f {
            Found::File(job) => files.push(job),
            Found::Issue(issue) => issues.push(issue),
        });
        (files, issues)
    }

    #[test]
    fn folders_are_walked_in_name_order_with_known_extensions_only() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        for name in [
            "b.txt",
            "a.md",
            "c.JSON",
            "d.ndjson",
            "photo.jpg",
            "README",
            "z/e.txt",
            "y/x/f.jsonl",
        ] {
            write(&news.join(name), "Title: x\n\nBody.");
        }
        write(&news.join(".hidden.txt"), "x");
        write(&news.join(".git/HEAD.txt"), "x");
        let (files, issues) = collect(&news);
        assert!(issues.is_empty(), "{issues:?}");
        let names: Vec<_> = files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(&news)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "a.md",
                "b.txt",
                "c.JSON",
                "d.ndjson",
                "y/x/f.jsonl",
                "z/e.txt"
            ]
        );
        assert_eq!(files[0].format, Some(Format::Markdown));
        assert_eq!(files[2].format, Some(Format::Json));
        assert!(
            files[0].path.starts_with(&news),
            "paths keep the named folder"
        );
    }

    #[test]
    fn source_rule() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        write(&news.join("reuters/2024/a.txt"), "x");
        write(&news.join("bbc/b.txt"), "x");
        write(&news.join("c.txt"), "x");
        let (files, _) = collect(&news);
        let sources: Vec<_> = files.iter().map(|f| f.source.as_str()).collect();
        assert_eq!(sources, ["bbc", "news", "reuters"]);

        // A file named directly: its folder, else its stem.
        let (files, _) = collect(&news.join("reuters/2024/a.txt"));
        assert_eq!(files[0].source, "2024");
        assert_eq!(source_of_named_file(Path::new("x/bbc/a.txt")), "bbc");
        assert_eq!(source_of_named_file(Path::new("a.txt")), "a");
        assert_eq!(source_of_named_file(Path::new("./a.txt")), "a");
        assert_eq!(source_of_named_file(Path::new("/a.txt")), "a");
    }

    #[test]
    fn a_folder_named_as_dot_uses_its_real_name() {
        let dir = tempfile::tempdir().unwrap();
        let wire = dir.path().join("wire");
        write(&wire.join("a.txt"), "x");
        let dotted = wire.join(".");
        let (files, _) = collect(&dotted);
        assert_eq!(files[0].source, "wire");
        let up = wire.join("sub/..");
        fs::create_dir_all(wire.join("sub")).unwrap();
        let (files, _) = collect(&up);
        assert_eq!(files[0].source, "wire");
    }

    #[test]
    fn a_named_file_with_unknown_extension_is_sniffed_and_hidden_names_are_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds/.latest");
        write(&path, "{}");
        let (files, issues) = collect(&path);
        assert!(issues.is_empty());
        assert_eq!(files[0].format, None);
        assert_eq!(files[0].source, "feeds");
    }

    #[test]
    fn missing_paths_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (files, issues) = collect(&dir.path().join("nope.txt"));
        assert!(files.is_empty());
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].message, "no such file or folder");
        assert_eq!(issues[0].severity, Severity::Error);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_not_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        write(&news.join("a.txt"), "x");
        symlink(&news, news.join("again")).unwrap();
        symlink(news.join("loop2.txt"), news.join("loop1.txt")).unwrap();
        symlink(news.join("loop1.txt"), news.join("loop2.txt")).unwrap();
        symlink(news.join("gone.txt"), news.join("dangling.txt")).unwrap();
        symlink(news.join("gone.jpg"), news.join("dangling.jpg")).unwrap();
        let (files, issues) = collect(&news);
        assert_eq!(files.len(), 1);
        let messages: Vec<_> = issues
            .iter()
            .map(|i| {
                let name = i
                    .origin
                    .path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                format!("{name}: {}", i.message)
            })
            .collect();
        assert_eq!(
            messages,
            [
                "again: symlink loop",
                "dangling.txt: broken symbolic link",
                "loop1.txt: symlink loop",
                "loop2.txt: symlink loop",
            ]
        );
        // Named directly.
        let (files, issues) = collect(&news.join("loop1.txt"));
        assert!(files.is_empty());
        assert_eq!(issues[0].message, "symlink loop");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        write(&news.join("a.txt"), "x");
        let fifo = news.join("live.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo unavailable; skipping");
            return;
        }
        // Inside a folder: named, never opened, and the rest loads.
        let (files, issues) = collect(&news);
        assert_eq!(files.len(), 1);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].severity, Severity::Error);
        assert_eq!(issues[0].origin.path, fifo);
        assert_eq!(issues[0].message, "not a regular file (a FIFO)");
        // A device reached through a link is not opened either; past 20,
        // special files are counted.
        for i in 0..22 {
            std::os::unix::fs::symlink("/dev/null", news.join(format!("null{i:02}.txt"))).unwrap();
        }
        let (files, issues) = collect(&news);
        assert_eq!(files.len(), 1);
        assert_eq!(issues.len(), 21);
        assert_eq!(issues[1].message, "not a regular file (a device)");
        assert_eq!(
            issues[20].to_string(),
            format!(
                "{}: warning: 3 more special files (FIFO, socket or device) skipped",
                news.display()
            )
        );
        // Named directly: an error, and no open (which would block).
        let (files, issues) = collect(&fifo);
        assert!(files.is_empty());
        assert_eq!(issues[0].message, "not a regular file (a FIFO)");
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_folders_are_reported_and_the_rest_continue() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        write(&news.join("a.txt"), "x");
        write(&news.join("locked/b.txt"), "x");
        let locked = news.join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let can_read_anyway = fs::read_dir(&locked).is_ok();
        let (files, issues) = collect(&news);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if can_read_anyway {
            eprintln!("running with rights that read anything; skipping");
            return;
        }
        assert_eq!(files.len(), 1);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].message, "permission denied");
        assert_eq!(issues[0].origin.path, locked);
    }

    #[test]
    fn describe_errors_briefly() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(describe_io_error(&e, Path::new("x")), "permission denied");
        let e = File::open("/").and_then(|mut f| {
            use std::io::Read;
            let mut s = String::new();
            f.read_to_string(&mut s)
        });
        if let Err(e) = e {
            let text = describe_io_error(&e, Path::new("/"));
            assert!(!text.contains("os error"), "{text}");
            assert!(text.starts_with(char::is_lowercase), "{text}");
        }
    }
}
