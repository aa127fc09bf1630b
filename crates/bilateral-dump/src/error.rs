//! What can go wrong reading a dump, and where in the file it went wrong.

use std::fmt;
use std::path::PathBuf;

/// Where in the input a problem was found: the compressed stream and its first byte, or a byte
/// of the input when it is not split into streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// The bzip2 stream, counted from 0 (a Wikipedia dump's stream 0 holds the site header).
    pub stream: Option<u64>,
    /// A byte offset in the input file (compressed, for `.bz2`).
    pub offset: u64,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.stream {
            Some(stream) => write!(f, "stream {stream} at byte {}", self.offset),
            None => write!(f, "byte {}", self.offset),
        }
    }
}

/// A dump that cannot be read on. Pages before the problem have been delivered. An I/O or
/// decompression error is the `source`, not repeated in the message.
#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("{}", path.display())]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{at}: reading the dump")]
    Read {
        at: Location,
        source: std::io::Error,
    },
    #[error("{at}: decompressing")]
    Decompress {
        at: Location,
        source: std::io::Error,
    },
    #[error("{at}: the dump ends at byte {len}, but the index has the next stream at byte {next}")]
    ShortDump { at: Location, len: u64, next: u64 },
    #[error("{at}: {what} is larger than {limit} bytes")]
    TooLarge {
        at: Location,
        what: &'static str,
        limit: usize,
    },
    #[error("{at}: {error}")]
    Xml {
        at: Location,
        error: crate::page::XmlError,
    },
    #[error("{at}: the XML ends inside a page")]
    CutPage { at: Location },
    #[error("index line {line}: {message}")]
    Index { line: u64, message: String },
    #[error("an index was given, but the dump is not bzip2")]
    IndexWithoutBzip2,
    #[error("not a Wikipedia dump: {reason}")]
    NotADump { reason: &'static str },
}
