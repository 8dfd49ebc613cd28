//! Any bytes, read as a saved web page (`.html`): never a panic, every
//! article and message well formed.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    dateline_fuzz::loaded(bytes, Path::new("news/fuzz.html"));
});
