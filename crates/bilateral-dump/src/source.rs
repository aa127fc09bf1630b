//! Cutting the input into pieces for the workers, on the calling thread: at the stream offsets
//! of the index, at bzip2 stream headers found by scanning, or in fixed blocks of XML (plain
//! files, and bzip2 files of one long stream, decompressed here as they are read).

use std::cell::Cell;
use std::io::{Chain, Cursor, Read, Seek, SeekFrom};
use std::rc::Rc;

use crate::chunk::Chunk;
use crate::error::{DumpError, Location};
use crate::index::{IndexStreams, IndexedStream};

/// Bytes of XML per block when the input is not cut into streams.
const BLOCK: usize = 1 << 20;

/// Bytes read at a time while scanning for stream headers.
const SCAN_STEP: usize = 1 << 20;

/// A stream longer than this is not one of a multistream dump's (those hold ~100 pages, well
/// under a megabyte); the rest of the file is then decompressed as it is read.
const LONGEST_SPLIT_STREAM: usize = 8 << 20;

/// The start of a bzip2 stream: "BZh", the block size, and the first block's magic number.
/// Streams are byte-aligned, so a stream start is these bytes at some offset.
const HEADER_LEN: usize = 10;
const BLOCK_MAGIC: &[u8] = &[0x31, 0x41, 0x59, 0x26, 0x53, 0x59];

/// The first stream header in `bytes` at or after `from`.
fn find_stream_header(bytes: &[u8], from: usize) -> Option<usize> {
    let magic_from = from + (HEADER_LEN - BLOCK_MAGIC.len());
    let tail = bytes.get(magic_from..)?;
    memchr::memmem::find_iter(tail, BLOCK_MAGIC)
        .map(|found| found + from)
        .find(|&start| bytes.get(start..start + 4).is_some_and(looks_like_bzip2))
}

/// Whether the input starts like bzip2.
pub(crate) fn looks_like_bzip2(first_bytes: &[u8]) -> bool {
    matches!(first_bytes, [b'B', b'Z', b'h', b'1'..=b'9', ..])
}

/// Counts the bytes a decoder has taken from its input.
pub(crate) struct Counted<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count
            .set(self.count.get() + u64::try_from(read).unwrap_or(u64::MAX));
        Ok(read)
    }
}

type SerialDecoder<R> = bzip2::read::MultiBzDecoder<Chain<Cursor<Vec<u8>>, Counted<R>>>;

/// The pieces of an input, in order.
pub(crate) enum Pieces<'s, R> {
    /// Plain XML, in blocks.
    Xml {
        reader: R,
        offset: u64,
    },
    /// bzip2, cut at stream headers.
    Scanned {
        reader: R,
        /// Bytes read and not yet handed out; they start at a stream header.
        pending: Vec<u8>,
        /// The offset of `pending[0]`.
        offset: u64,
        stream: u64,
        /// How far `pending` has been searched for the next header.
        searched: usize,
        /// Past this many bytes without a header, decompress the rest here.
        longest: usize,
    },
    /// bzip2 decompressed here, in blocks of XML.
    Serial {
        decoder: Box<SerialDecoder<R>>,
        /// Compressed bytes before the decoder's input, and those it has taken.
        base: u64,
        taken: Rc<Cell<u64>>,
    },
    /// bzip2 cut at the stream offsets of an index.
    Indexed {
        reader: R,
        index: IndexStreams<'s>,
        /// The next stream, known from the index.
        next: Option<IndexedStream>,
        stream: u64,
        /// How far the input has been read or skipped.
        position: u64,
        /// Where the reader is.
        reader_at: u64,
        len: u64,
        /// False after a skipped stream.
        follows: bool,
        skipped_streams: u64,
        skipped_pages: u64,
    },
    Finished {
        position: u64,
    },
}

impl<'s, R: Read + Seek> Pieces<'s, R> {
    pub fn xml(reader: R) -> Self {
        Pieces::Xml { reader, offset: 0 }
    }

    pub fn scanned(reader: R) -> Self {
        Pieces::Scanned {
            reader,
            pending: Vec::new(),
            offset: 0,
            stream: 0,
            searched: 0,
            longest: LONGEST_SPLIT_STREAM,
        }
    }

    pub fn indexed(mut reader: R, mut index: IndexStreams<'s>) -> Result<Self, DumpError> {
        let at_start = Location {
            stream: None,
            offset: 0,
        };
        let seek = |reader: &mut R, to| {
            reader.seek(to).map_err(|source| DumpError::Read {
                at: at_start,
                source,
            })
        };
        let len = seek(&mut reader, SeekFrom::End(0))?;
        seek(&mut reader, SeekFrom::Start(0))?;
        let next = index.next_stream()?;
        Ok(Pieces::Indexed {
            reader,
            index,
            next,
            stream: 0,
            position: 0,
            reader_at: 0,
            len,
            follows: false,
            skipped_streams: 0,
            skipped_pages: 0,
        })
    }

    /// Input bytes read or skipped so far.
    pub fn position(&self) -> u64 {
        match self {
            Pieces::Xml { offset, .. } => *offset,
            Pieces::Scanned {
                offset, pending, ..
            } => *offset + u64::try_from(pending.len()).unwrap_or(u64::MAX),
            Pieces::Serial { base, taken, .. } => *base + taken.get(),
            Pieces::Indexed { position, .. } | Pieces::Finished { position } => *position,
        }
    }

    /// Streams and pages the index let us skip.
    pub fn skipped(&self) -> (u64, u64) {
        match self {
            Pieces::Indexed {
                skipped_streams,
                skipped_pages,
                ..
            } => (*skipped_streams, *skipped_pages),
            _ => (0, 0),
        }
    }

    /// The next piece, or None at the end of the input.
    pub fn next_piece(&mut self) -> Result<Option<Chunk>, DumpError> {
        match self {
            Pieces::Xml { reader, offset } => {
                let at = Location {
                    stream: None,
                    offset: *offset,
                };
                let data = read_block(reader, at, |at, source| DumpError::Read { at, source })?;
                *offset += u64::try_from(data.len()).unwrap_or(u64::MAX);
                Ok(xml_block(data, at))
            }
            Pieces::Serial {
                decoder,
                base,
                taken,
            } => {
                let at = Location {
                    stream: None,
                    offset: *base + taken.get(),
                };
                let data = read_block(decoder, at, |at, source| DumpError::Decompress {
                    at,
                    source,
                })?;
                Ok(xml_block(data, at))
            }
            Pieces::Scanned { .. } => self.next_scanned(),
            Pieces::Indexed { .. } => self.next_indexed(),
            Pieces::Finished { .. } => Ok(None),
        }
    }

    fn next_scanned(&mut self) -> Result<Option<Chunk>, DumpError> {
        let Pieces::Scanned {
            reader,
            pending,
            offset,
            stream,
            searched,
            longest,
        } = self
        else {
            return Ok(None);
        };
        loop {
            // A stream header at 0 starts this piece; the next one ends it.
            if let Some(next) = find_stream_header(pending, (*searched).max(1)) {
                let rest = pending.split_off(next);
                let data = std::mem::replace(pending, rest);
                let at = Location {
                    stream: Some(*stream),
                    offset: *offset,
                };
                *offset += u64::try_from(next).unwrap_or(u64::MAX);
                *stream += 1;
                *searched = 0;
                return Ok(Some(stream_piece(data, at)));
            }
            *searched = pending.len().saturating_sub(HEADER_LEN - 1);
            if pending.len() > *longest {
                self.decompress_the_rest();
                return self.next_piece();
            }
            let at = Location {
                stream: Some(*stream),
                offset: *offset,
            };
            let before = pending.len();
            reader
                .by_ref()
                .take(SCAN_STEP as u64)
                .read_to_end(pending)
                .map_err(|source| DumpError::Read { at, source })?;
            if pending.len() == before {
                let data = std::mem::take(pending);
                let end = *offset + u64::try_from(data.len()).unwrap_or(u64::MAX);
                *self = Pieces::Finished { position: end };
                return Ok((!data.is_empty()).then(|| stream_piece(data, at)));
            }
        }
    }

    /// Switches from scanning to decompressing on this thread.
    fn decompress_the_rest(&mut self) {
        let finished = Pieces::Finished {
            position: self.position(),
        };
        if let Pieces::Scanned {
            reader,
            pending,
            offset,
            ..
        } = std::mem::replace(self, finished)
        {
            let taken = Rc::new(Cell::new(0));
            let counted = Counted {
                inner: reader,
                count: Rc::clone(&taken),
            };
            // Bytes already read count from `offset`; the decoder's reads past them are added.
            let base = offset + u64::try_from(pending.len()).unwrap_or(u64::MAX);
            *self = Pieces::Serial {
                decoder: Box::new(bzip2::read::MultiBzDecoder::new(
                    Cursor::new(pending).chain(counted),
                )),
                base,
                taken,
            };
        }
    }

    fn next_indexed(&mut self) -> Result<Option<Chunk>, DumpError> {
        let Pieces::Indexed {
            reader,
            index,
            next,
            stream,
            position,
            reader_at,
            len,
            follows,
            skipped_streams,
            skipped_pages,
        } = self
        else {
            return Ok(None);
        };
        while let Some(current) = next.take() {
            *next = index.next_stream()?;
            *stream += 1;
            let end = next.map_or(*len, |next| next.offset);
            let at = Location {
                stream: Some(*stream),
                offset: current.offset,
            };
            if !current.picked {
                *skipped_streams += 1;
                *skipped_pages += current.pages;
                *follows = false;
                *position = end.max(*position);
                continue;
            }
            if end > *len {
                return Err(DumpError::ShortDump {
                    at,
                    len: *len,
                    next: end,
                });
            }
            let size = usize::try_from(end.saturating_sub(current.offset)).unwrap_or(usize::MAX);
            if size > crate::chunk::MAX_PIECE_TEXT {
                return Err(DumpError::TooLarge {
                    at,
                    what: "the stream",
                    limit: crate::chunk::MAX_PIECE_TEXT,
                });
            }
            if *reader_at != current.offset {
                reader
                    .seek(SeekFrom::Start(current.offset))
                    .map_err(|source| DumpError::Read { at, source })?;
            }
            let mut data = vec![0; size];
            reader
                .read_exact(&mut data)
                .map_err(|source| DumpError::Read { at, source })?;
            *position = end;
            *reader_at = end;
            let follows_previous = std::mem::replace(follows, true);
            return Ok(Some(Chunk {
                at,
                data,
                compressed: true,
                follows_previous,
            }));
        }
        Ok(None)
    }
}

fn stream_piece(data: Vec<u8>, at: Location) -> Chunk {
    Chunk {
        at,
        data,
        compressed: true,
        follows_previous: true,
    }
}

fn xml_block(data: Vec<u8>, at: Location) -> Option<Chunk> {
    (!data.is_empty()).then_some(Chunk {
        at,
        data,
        compressed: false,
        follows_previous: true,
    })
}

/// Up to [`BLOCK`] bytes; fewer only at the end of the input.
fn read_block(
    reader: &mut impl Read,
    at: Location,
    error: fn(Location, std::io::Error) -> DumpError,
) -> Result<Vec<u8>, DumpError> {
    let mut data = Vec::with_capacity(BLOCK);
    reader
        .take(BLOCK as u64)
        .read_to_end(&mut data)
        .map_err(|source| error(at, source))?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{compress, generate_dump};

    /// All the text of the pieces, decompressing streams.
    fn text_of(mut pieces: Pieces<'_, Cursor<Vec<u8>>>) -> (Vec<u8>, usize) {
        let mut text = Vec::new();
        let mut count = 0;
        while let Some(piece) = pieces.next_piece().unwrap() {
            count += 1;
            if piece.compressed {
                bzip2::read::MultiBzDecoder::new(piece.data.as_slice())
                    .read_to_end(&mut text)
                    .unwrap();
            } else {
                text.extend(piece.data);
            }
        }
        (text, count)
    }

    #[test]
    fn a_long_stream_is_decompressed_here_in_blocks() {
        let xml = generate_dump(1200, 3).xml;
        let one_stream = compress(std::str::from_utf8(&xml).unwrap());
        let pieces = Pieces::Scanned {
            reader: Cursor::new(one_stream),
            pending: Vec::new(),
            offset: 0,
            stream: 0,
            searched: 0,
            longest: 50_000,
        };
        let (text, count) = text_of(pieces);
        assert_eq!(text, xml);
        assert!(count > 2, "{count}");
    }

    #[test]
    fn streams_are_cut_at_their_headers() {
        let dump = generate_dump(350, 3);
        let (text, count) = text_of(Pieces::scanned(Cursor::new(dump.multistream)));
        assert_eq!(text, dump.xml);
        // The header, four streams of pages and the footer.
        assert_eq!(count, 6);
    }

    #[test]
    fn stream_headers_are_found_byte_aligned() {
        let mut bytes = b"BZh91AY&SYxxxx".to_vec();
        bytes.extend_from_slice(b"junkBZh81AY&SYmore BZh9 no");
        assert!(looks_like_bzip2(&bytes));
        assert_eq!(find_stream_header(&bytes, 0), Some(0));
        assert_eq!(find_stream_header(&bytes, 1), Some(18));
        assert_eq!(find_stream_header(&bytes, 19), None);
        assert_eq!(find_stream_header(&bytes, 1000), None);
        assert!(!looks_like_bzip2(b"<mediawiki"));
    }
}
