//! The sample articles built into the binary, shown when dateline is started
//! without paths. They are original writing kept in `assets/articles/`.

/// One built-in sample file: its name (whose extension picks the format, as
/// for any file) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

/// Every sample file, in the order they load.
pub const SAMPLES: &[Sample] = &[];
