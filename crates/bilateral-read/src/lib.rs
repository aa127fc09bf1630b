//! Readers turn the bytes of an article into a [`bilateral_model::Document`]: clean text in blocks, section
//! headings, citation markers and raw references, with a map back to source offsets.
//!
//! **Invariant:** readers do no I/O. They take the bytes and a name for messages; bad input is
//! a [`ReadError`] naming what is wrong and where, never a panic.

mod builder;
mod html;
mod text;
mod wikitext;

pub use builder::{DocumentBuilder, MAX_REFERENCES};
pub use html::read_html;
pub use text::{read_text, read_text_with_title};
pub use wikitext::read_wikitext;

use bilateral_model::Format;

/// The largest article we read whole: 16 MiB. Wikipedia refuses to save more than 2 MiB of
/// wikitext on one page, and the rendered HTML of its longest articles stays below 10 MB, so
/// a larger input is no article; it is refused at once, before it costs seconds of reading
/// (the pipeline reads about 10 MB/s per thread) or its memory. Dumps are streamed page by
/// page and never reach this limit as one article.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("empty file")]
    Empty,
    #[error("binary data, not text (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("{size} bytes is larger than the {limit}-byte limit for one article")]
    TooLarge { size: usize, limit: usize },
    #[error("no article text found")]
    NoText,
}

/// Checks that `bytes` are a plausible article and returns them as text.
pub fn decode(bytes: &[u8]) -> Result<&str, ReadError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if let Some(offset) = memchr::memchr(0, bytes.get(..8192).unwrap_or(bytes)) {
        return Err(ReadError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| ReadError::InvalidUtf8 {
        offset: error.valid_up_to(),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Guesses the format of an article from its file name and first bytes. A page saved as
/// `.html` that holds no markup (text copied from a browser) is read as text.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if (lower.ends_with(".html") || lower.ends_with(".htm")) && text.trim_start().starts_with('<') {
        return Format::Html;
    }
    if lower.ends_with(".wiki") || lower.ends_with(".wikitext") || lower.ends_with(".mediawiki") {
        return Format::Wikitext;
    }
    let head = text.trim_start();
    let mut cut = head.len().min(2048);
    while !head.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &head[..cut];
    let first_line = head.lines().next().unwrap_or("").trim_end();
    if head.starts_with('<') && head.to_ascii_lowercase().contains("<html") {
        Format::Html
    } else if text::is_marked_title(first_line) {
        // Heading-marked text (`= Title =`, `== History ==`) is text, not wikitext.
        Format::Text
    } else if head.starts_with("{{") || head.contains("'''") || head.contains("\n==") {
        Format::Wikitext
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_bad_input_with_a_place() {
        assert_eq!(decode(b""), Err(ReadError::Empty));
        assert_eq!(decode(b"  \n"), Err(ReadError::Empty));
        assert_eq!(decode(b"ab\0c"), Err(ReadError::Binary { offset: 2 }));
        assert_eq!(
            decode(b"ok \xff"),
            Err(ReadError::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(decode("\u{feff}Hi".as_bytes()), Ok("Hi"));
    }

    #[test]
    fn detects_formats() {
        assert_eq!(detect_format("a.html", "<p>Hi</p>"), Format::Html);
        assert_eq!(
            detect_format("a.html", "Jump to content\nMain menu\n"),
            Format::Text
        );
        assert_eq!(
            detect_format("a.txt", "{{Infobox x}}\n'''A'''"),
            Format::Wikitext
        );
        assert_eq!(detect_format("a", "<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect_format("a.txt", "Japan–Kazakhstan relations\n"),
            Format::Text
        );
        assert_eq!(
            detect_format("a.txt", "= Chile–Norway relations =\n\n== History ==\n"),
            Format::Text
        );
    }
}
