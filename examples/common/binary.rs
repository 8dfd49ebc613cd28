//! The release binary the benchmarks run, beside the example itself.

use std::path::{Path, PathBuf};

/// The release binary beside this example (`target/release/dateline`);
/// exits with a hint when it has not been built.
pub fn dateline_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the example's path");
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("dateline"))
        .expect("a target folder");
    if !bin.exists() {
        eprintln!(
            "{} is missing: run `cargo build --release` first",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}
