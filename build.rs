//! The names cache's fingerprint: a hash of the sources and assets the
//! highlighter, the resolver and the figures are built from, so that a
//! cache kept by another build of dateline is never read as this one's
//! (see `src/entities/cache.rs`).

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "assets"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    // FNV-1a over each file's path and bytes.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in &all {
        feed(path.to_string_lossy().as_bytes());
        feed(&fs::read(path).unwrap_or_default());
    }
    println!("cargo:rustc-env=DATELINE_NAMES_FINGERPRINT={hash:016x}");
}
