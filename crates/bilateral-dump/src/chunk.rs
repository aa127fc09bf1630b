//! One piece of a dump as a worker sees it: a bzip2 stream, or a block of XML. A worker
//! decompresses it and reads the whole pages in it; what lies before the first `<page>` and
//! after the last `</page>` goes back to be joined with the neighbouring pieces, so pieces
//! may be cut anywhere (plain XML blocks, streams not cut at pages).

use std::io::Read;

use crate::error::{DumpError, Location};
use crate::page::{DumpItem, Outcome, PageParser};
use crate::select::Selection;

/// The most text one piece, or one page cut across pieces, may come to: far above any real
/// stream of 100 pages, and a bound on what a corrupt or hostile stream can make us hold.
pub(crate) const MAX_PIECE_TEXT: usize = 256 << 20;

const PAGE_START: &[u8] = b"<page>";
const PAGE_END: &[u8] = b"</page>";

/// A piece of input handed to a worker.
pub(crate) struct Chunk {
    pub at: Location,
    pub data: Vec<u8>,
    /// A bzip2 stream (or several) to decompress, rather than XML.
    pub compressed: bool,
    /// Whether the piece starts where the previous one ended; false after skipped streams.
    pub follows_previous: bool,
}

/// What a worker made of a chunk.
pub(crate) struct Parsed<T> {
    pub at: Location,
    pub follows_previous: bool,
    /// The text before the first whole page (all of it when there is none).
    pub head: Vec<u8>,
    /// The whole pages, or None when the piece holds none.
    pub body: Option<PageRun<T>>,
    /// The text after the last whole page.
    pub tail: Vec<u8>,
    pub text_bytes: u64,
    /// Where decompression failed part-way: the pages decoded before it are in `body`, and
    /// the read stops with this error once they are delivered.
    pub damage: Option<DumpError>,
}

/// The selected items of a run of whole pages, in order, and how many pages it held.
pub(crate) struct PageRun<T> {
    pub items: Vec<DumpItem<T>>,
    pub seen: u64,
}

/// Where the whole pages of a text are: from its first `<page>` to the end of its last
/// `</page>`, or None.
pub(crate) fn whole_pages_span(text: &[u8]) -> Option<(usize, usize)> {
    let start = find(text, PAGE_START)?;
    let end = rfind(text, PAGE_END)? + PAGE_END.len();
    (start < end).then_some((start, end))
}

/// Where the first page of a text starts.
pub(crate) fn page_start(text: &[u8]) -> Option<usize> {
    find(text, PAGE_START)
}

fn find(text: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(text, needle)
}

fn rfind(text: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(text, needle)
}

/// Reads the selected pages of `xml`, a run of whole pages, through `analyse`.
pub(crate) fn read_pages<T>(
    xml: &[u8],
    at: Location,
    selection: &Selection,
    analyse: &(impl Fn(&crate::DumpPage) -> T + Sync),
) -> Result<PageRun<T>, DumpError> {
    let mut parser = PageParser::new(xml, selection);
    let mut items = Vec::new();
    while let Some(outcome) = parser
        .next_page()
        .map_err(|error| DumpError::Xml { at, error })?
    {
        match outcome {
            Outcome::Passed => {}
            Outcome::Page(page) => {
                let analysis = analyse(&page);
                items.push(DumpItem::Page(page, analysis));
            }
            Outcome::Alias(alias) => items.push(DumpItem::Alias(alias)),
        }
    }
    Ok(PageRun {
        items,
        seen: parser.seen,
    })
}

/// A worker's job: decompress if need be, then read the whole pages.
pub(crate) fn work<T>(
    chunk: Chunk,
    selection: &Selection,
    analyse: &(impl Fn(&crate::DumpPage) -> T + Sync),
) -> Result<Parsed<T>, DumpError> {
    let Chunk {
        at,
        data,
        compressed,
        follows_previous,
    } = chunk;
    let (text, damage) = if compressed {
        match decompress(&data, at) {
            (text, Some(error)) if text.is_empty() => return Err(error),
            decoded => decoded,
        }
    } else {
        (data, None)
    };
    let text_bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    let Some((start, end)) = whole_pages_span(&text) else {
        return Ok(Parsed {
            at,
            follows_previous,
            head: text,
            body: None,
            tail: Vec::new(),
            text_bytes,
            damage,
        });
    };
    // Parsing from 0 rather than `start` keeps error positions counted from the piece's start;
    // the head holds no page.
    let body = read_pages(text.get(..end).unwrap_or_default(), at, selection, analyse)?;
    let head = text.get(..start).unwrap_or_default();
    let tail = text.get(end..).unwrap_or_default();
    Ok(Parsed {
        at,
        follows_previous,
        head: head.to_vec(),
        body: Some(body),
        tail: tail.to_vec(),
        text_bytes,
        damage,
    })
}

/// Decompresses one or more whole bzip2 streams. On damage, returns the text decoded before
/// it together with the error, so the pages before the damage are not lost.
fn decompress(data: &[u8], at: Location) -> (Vec<u8>, Option<DumpError>) {
    let limit = u64::try_from(MAX_PIECE_TEXT).unwrap_or(u64::MAX);
    let mut text = Vec::with_capacity(data.len().saturating_mul(5));
    if let Err(source) = read_streams(data, limit, &mut text) {
        return (text, Some(DumpError::Decompress { at, source }));
    }
    if text.len() > MAX_PIECE_TEXT {
        let error = DumpError::TooLarge {
            at,
            what: "the stream's text",
            limit: MAX_PIECE_TEXT,
        };
        return (Vec::new(), Some(error));
    }
    (text, None)
}

/// Reads the streams of `data` into `text`; bytes decoded before an error stay in `text`.
fn read_streams(data: &[u8], limit: u64, text: &mut Vec<u8>) -> std::io::Result<usize> {
    bzip2::bufread::MultiBzDecoder::new(data)
        .take(limit + 1)
        .read_to_end(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_pages_run_from_first_start_to_last_end() {
        let text = b"ge>\n</page>\n<page>a</page><page>b</page>\n<pa";
        let (start, end) = whole_pages_span(text).unwrap();
        assert_eq!(&text[start..end], b"<page>a</page><page>b</page>");
        assert_eq!(whole_pages_span(b"</page><page>x"), None);
        assert_eq!(whole_pages_span(b"no pages"), None);
        assert_eq!(page_start(b"x<page>"), Some(1));
    }

    #[test]
    fn a_piece_without_whole_pages_is_all_head() {
        let chunk = Chunk {
            at: Location {
                stream: None,
                offset: 0,
            },
            data: b"<title>A</title>".to_vec(),
            compressed: false,
            follows_previous: true,
        };
        let parsed = work(chunk, &Selection::all(), &|_: &crate::DumpPage| ()).unwrap();
        assert!(parsed.body.is_none());
        assert_eq!(parsed.head, b"<title>A</title>");
    }

    #[test]
    fn a_corrupt_stream_is_an_error_naming_it() {
        let at = Location {
            stream: Some(3),
            offset: 77,
        };
        let (text, error) = decompress(b"BZh91AY&SY not really", at);
        assert!(text.is_empty());
        let error = error.unwrap();
        assert!(
            error.to_string().starts_with("stream 3 at byte 77"),
            "{error}"
        );
    }

    #[test]
    fn pages_decoded_before_damage_are_kept() {
        // Two streams; the second is cut short. The first stream's text survives the error.
        let first = crate::generate::compress("<page><title>A</title></page>");
        let second = crate::generate::compress("<page><title>B</title></page>");
        let mut data = first.clone();
        data.extend_from_slice(&second[..second.len() / 2]);
        let at = Location {
            stream: Some(0),
            offset: 0,
        };
        let (text, error) = decompress(&data, at);
        assert!(error.is_some());
        assert!(text.starts_with(b"<page><title>A</title></page>"));
    }
}
