//! Any bytes, read as a file without an extension (or standard input): the
//! format is sniffed from the text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    dateline_fuzz::loaded(bytes, Path::new("news/fuzz"));
});
