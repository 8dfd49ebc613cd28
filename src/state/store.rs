//! The state file: `$XDG_STATE_HOME/dateline/state.json` (by default
//! `~/.local/state/dateline/state.json`), a small versioned JSON file.
//!
//! Writes are atomic: the new state goes to a temporary file in the same
//! folder, is flushed to disk, and is renamed over the old file, so a run
//! killed at any moment leaves either the old file or the new one, never a
//! mix. A temporary file left by a killed run is never read (and is removed
//! once it is an hour old).
//!
//! A file that cannot be read or parsed is set aside (renamed with a
//! `.corrupt-TIMESTAMP` suffix) with a warning, and dateline starts afresh:
//! the state is never a reason not to start. A file written by a newer
//! dateline (a higher `version`) is left alone: this run neither reads nor
//! overwrites it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::ReadState;

/// The version this dateline writes and reads.
pub const VERSION: u64 = 1;

/// The file's name inside the state folder.
pub const FILE_NAME: &str = "state.json";

/// How old a temporary file left by a killed run must be before it is
/// removed (a younger one may belong to a dateline running now).
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// `dateline/state.json` in the XDG state folder: `$XDG_STATE_HOME` when
/// set, else `~/.local/state` (the platform's data folder where there is no
/// state folder). `None` when no home folder is known.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy as _;
    let base = etcetera::choose_base_strategy().ok()?;
    let folder = base.state_dir().unwrap_or_else(|| base.data_dir());
    Some(folder.join("dateline").join(FILE_NAME))
}

/// Why the state could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: written by a newer dateline (version {version}); left as it is")]
    Newer { path: PathBuf, version: u64 },
    #[error("{path}: not saved, since it could not be read or set aside at start")]
    ReadOnly { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// Where the state lives, and whether this run may write it.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
    writable: bool,
}

/// The state read at start, the file to save it to, and what went wrong
/// reading it (one line each, for the messages view or standard error).
#[derive(Debug)]
pub struct Opened {
    pub state: ReadState,
    pub file: StateFile,
    pub warnings: Vec<String>,
}

#[derive(Serialize)]
struct OnDiskRef<'a> {
    version: u64,
    #[serde(flatten)]
    state: &'a ReadState,
}

#[derive(Deserialize)]
struct OnDisk {
    #[allow(dead_code)]
    version: u64,
    #[serde(flatten)]
    state: ReadState,
}

/// What the start of a file says it is.
enum Probe {
    Current,
    Newer(u64),
    Corrupt(String),
}

fn probe(bytes: &[u8]) -> Probe {
    #[derive(Deserialize)]
    struct Version {
        version: Option<serde_json::Value>,
    }
    match serde_json::from_slice::<Version>(bytes) {
        Err(e) => Probe::Corrupt(format!("not a state file: {e}")),
        Ok(Version { version: None }) => Probe::Corrupt("no version".to_owned()),
        Ok(Version {
            version: Some(value),
        }) => match value.as_u64() {
            Some(VERSION) => Probe::Current,
            Some(v) if v > VERSION => Probe::Newer(v),
            _ => Probe::Corrupt(format!("unknown version {value}")),
        },
    }
}

/// The bytes [`StateFile::save`] writes for `state`.
pub fn encode(state: &ReadState) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&OnDiskRef {
        version: VERSION,
        state,
    })
    .unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

impl StateFile {
    /// Read the state at `path`: a fresh state when there is no file, the
    /// file set aside when it is unreadable or corrupt, left alone when a
    /// newer dateline wrote it.
    pub fn open(path: impl Into<PathBuf>) -> Opened {
        let path = path.into();
        remove_stale_temps(&path);
        let fresh = |writable: bool, warnings: Vec<String>, path: PathBuf| Opened {
            state: ReadState::default(),
            file: StateFile { path, writable },
            warnings,
        };
        let problem = match fs::read(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return fresh(true, vec![], path),
            Err(e) => format!("could not be read: {e}"),
            Ok(bytes) => match probe(&bytes) {
                Probe::Newer(version) => {
                    let warning = format!(
                        "state file {}: written by a newer dateline (version {version}); \
                         read state is neither read nor saved this run",
                        path.display()
                    );
                    return fresh(false, vec![warning], path);
                }
                Probe::Current => match serde_json::from_slice::<OnDisk>(&bytes) {
                    Ok(on_disk) => {
                        return Opened {
                            state: on_disk.state,
                            file: StateFile {
                                path,
                                writable: true,
                            },
                            warnings: vec![],
                        };
                    }
                    Err(e) => format!("corrupt: {e}"),
                },
                Probe::Corrupt(why) => format!("corrupt: {why}"),
            },
        };
        match set_aside(&path) {
            Ok(aside) => {
                let warning = format!(
                    "state file {} {problem}; set aside as {}, starting afresh",
                    path.display(),
                    aside.display()
                );
                fresh(true, vec![warning], path)
            }
            Err(e) => {
                let warning = format!(
                    "state file {} {problem}; could not set it aside ({e}), so read state is not saved this run",
                    path.display()
                );
                fresh(false, vec![warning], path)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether [`save`](Self::save) will write.
    pub fn writable(&self) -> bool {
        self.writable
    }

    /// Write `state` atomically: a temporary file in the same folder,
    /// flushed to disk, renamed over the file. A file a newer dateline wrote
    /// since (another instance) is not overwritten.
    pub fn save(&self, state: &ReadState) -> Result<(), SaveError> {
        let io_error = |source| SaveError::Io {
            path: self.path.clone(),
            source,
        };
        if !self.writable {
            return Err(SaveError::ReadOnly {
                path: self.path.clone(),
            });
        }
        if let Ok(bytes) = fs::read(&self.path)
            && let Probe::Newer(version) = probe(&bytes)
        {
            return Err(SaveError::Newer {
                path: self.path.clone(),
                version,
            });
        }
        let folder = folder_of(&self.path);
        fs::create_dir_all(folder).map_err(io_error)?;
        let temp = temp_path(&self.path);
        let written =
            write_synced(&temp, &encode(state)).and_then(|()| fs::rename(&temp, &self.path));
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(io_error(e));
        }
        // Make the rename itself durable where folders can be synced.
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || FILE_NAME.to_owned(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `.state.json.PID.tmp` beside the file: one per process, so two
/// instances saving at once never write into each other's file.
fn temp_path(path: &Path) -> PathBuf {
    folder_of(path).join(format!(".{}.{}.tmp", file_name(path), std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        // What was read is nobody else's business.
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Rename the file to `NAME.corrupt-YYYYMMDDTHHMMSS` (with `-2`, `-3`… when
/// that exists), returning the new path.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let base = format!("{}.corrupt-{stamp}", file_name(path));
    let folder = folder_of(path);
    for n in 1..1000 {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let aside = folder.join(name);
        if fs::symlink_metadata(&aside).is_err() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many files set aside already"))
}

/// Remove temporary files an hour old or more that killed runs left.
fn remove_stale_temps(path: &Path) {
    let prefix = format!(".{}.", file_name(path));
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age >= STALE_TEMP));
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{ArticleKey, Place};

    fn sample() -> ReadState {
        let mut state = ReadState::default();
        let a = ArticleKey("url:https://x.test/1".into());
        let b = ArticleKey("at:news/b.txt".into());
        state.set_read(&a, true);
        state.set_read(&b, true);
        state.toggle_star(&b);
        state.set_place(
            "/news",
            Place {
                article: b,
                scroll: 40,
            },
        );
        state
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn no_file_is_a_fresh_start_and_saving_makes_the_folders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/dateline/state.json");
        let opened = StateFile::open(&path);
        assert_eq!(opened.state, ReadState::default());
        assert!(opened.warnings.is_empty() && opened.file.writable());
        opened.file.save(&sample()).unwrap();
        let again = StateFile::open(&path);
        assert_eq!(again.state, sample());
        assert!(again.warnings.is_empty());
        assert_eq!(files_in(path.parent().unwrap()), ["state.json"]);
    }

    #[test]
    fn the_file_is_versioned_json() {
        let v: serde_json::Value = serde_json::from_slice(&encode(&sample())).unwrap();
        assert_eq!(v["version"], VERSION);
        assert_eq!(v["read"].as_array().unwrap().len(), 2);
        assert_eq!(v["starred"][0], "at:news/b.txt");
        assert_eq!(v["places"]["/news"]["scroll"], 40);
    }

    #[test]
    fn saving_again_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let opened = StateFile::open(&path);
        opened.file.save(&sample()).unwrap();
        let mut changed = sample();
        changed.toggle_star(&ArticleKey("url:https://x.test/1".into()));
        opened.file.save(&changed).unwrap();
        assert_eq!(StateFile::open(&path).state, changed);
        assert_eq!(files_in(dir.path()), ["state.json"]);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_warning() {
        for garbage in [
            &b"{\"version\": 1, \"read\": [tru"[..],
            b"\x00\xff binary",
            b"{\"read\": []}",
            b"{\"version\": 1, \"read\": 5}",
            b"{\"version\": \"one\"}",
            b"[1, 2]",
            b"",
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("state.json");
            fs::write(&path, garbage).unwrap();
            let opened = StateFile::open(&path);
            assert_eq!(opened.state, ReadState::default());
            assert_eq!(opened.warnings.len(), 1, "{garbage:?}");
            let warning = &opened.warnings[0];
            assert!(
                warning.contains("set aside as") && !warning.contains('\n'),
                "{warning}"
            );
            let names = files_in(dir.path());
            assert_eq!(names.len(), 1);
            assert!(names[0].starts_with("state.json.corrupt-"), "{names:?}");
            assert_eq!(fs::read(dir.path().join(&names[0])).unwrap(), garbage);
            // The run goes on and saves a good file beside the bad one.
            opened.file.save(&sample()).unwrap();
            assert_eq!(StateFile::open(&path).state, sample());
        }
    }

    #[test]
    fn files_set_aside_the_same_second_do_not_overwrite_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        for n in 0..3 {
            fs::write(&path, format!("garbage {n}")).unwrap();
            let _ = StateFile::open(&path);
        }
        let names = files_in(dir.path());
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn an_unreadable_file_is_set_aside_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::create_dir(&path).unwrap();
        let opened = StateFile::open(&path);
        assert!(
            opened.warnings[0].contains("could not be read"),
            "{:?}",
            opened.warnings
        );
        assert!(opened.file.writable());
        opened.file.save(&sample()).unwrap();
        assert_eq!(StateFile::open(&path).state, sample());
    }

    #[test]
    fn a_newer_version_is_neither_read_nor_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let newer = br#"{"version": 7, "read": ["url:x"], "shelves": {}}"#;
        fs::write(&path, newer).unwrap();
        let opened = StateFile::open(&path);
        assert_eq!(opened.state, ReadState::default());
        assert!(opened.warnings[0].contains("newer dateline (version 7)"));
        assert!(!opened.file.writable());
        assert!(matches!(
            opened.file.save(&sample()),
            Err(SaveError::ReadOnly { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), newer);
    }

    #[test]
    fn a_newer_file_written_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let opened = StateFile::open(&path);
        let newer = br#"{"version": 2}"#;
        fs::write(&path, newer).unwrap();
        assert!(matches!(
            opened.file.save(&sample()),
            Err(SaveError::Newer { version: 2, .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), newer);
    }

    /// A save is: write the temporary file, flush it, rename it over the
    /// file. Killed before the rename, whatever part of the temporary file
    /// was written, the file is the old one, read as before; after the
    /// rename (one step on the file system) it is the new one. There is no
    /// moment at which the file holds a mix.
    #[test]
    fn killed_at_any_moment_a_save_leaves_the_old_file_or_the_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let old = {
            let mut s = ReadState::default();
            s.set_read(&ArticleKey("at:old.txt".into()), true);
            s
        };
        StateFile::open(&path).file.save(&old).unwrap();
        let new_bytes = encode(&sample());
        let temp = temp_path(&path);
        for cut in 0..=new_bytes.len() {
            fs::write(&temp, &new_bytes[..cut]).unwrap();
            let opened = StateFile::open(&path);
            assert_eq!(opened.state, old, "killed after {cut} bytes");
            assert!(opened.warnings.is_empty());
        }
        fs::rename(&temp, &path).unwrap();
        assert_eq!(StateFile::open(&path).state, sample());
    }

    #[test]
    fn temporary_files_of_killed_runs_are_removed_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let young = dir.path().join(".state.json.4242.tmp");
        let stale = dir.path().join(".state.json.4343.tmp");
        fs::write(&young, "{").unwrap();
        fs::write(&stale, "{").unwrap();
        let two_hours_ago = SystemTime::now() - Duration::from_secs(7200);
        File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
        let _ = StateFile::open(&path);
        assert_eq!(files_in(dir.path()), [".state.json.4242.tmp"]);
    }

    #[test]
    fn the_default_path_honours_xdg_state_home() {
        // Only checked when the variable is set by the environment: tests
        // do not change the process environment.
        if let Some(home) = std::env::var_os("XDG_STATE_HOME").filter(|h| !h.is_empty()) {
            assert_eq!(
                default_path(),
                Some(PathBuf::from(home).join("dateline").join(FILE_NAME))
            );
        } else if let Some(path) = default_path() {
            assert!(path.ends_with("dateline/state.json"));
        }
    }
}
