//! Reading a whole dump: the calling thread cuts the input into pieces; the rayon pool
//! decompresses them, reads their pages and runs the caller's analysis on the selected ones;
//! the calling thread joins the pieces' edges and delivers everything in dump order. A bounded
//! number of pieces is in flight, so memory does not grow with the dump.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Seek};
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use crate::chunk::{self, MAX_PIECE_TEXT, PageRun, Parsed};
use crate::error::{DumpError, Location};
use crate::index::IndexStreams;
use crate::page::{DumpItem, DumpPage};
use crate::select::Selection;
use crate::source::{Pieces, looks_like_bzip2};

/// How a dump is stored.
pub enum Layout {
    /// Uncompressed XML.
    Xml,
    /// bzip2, in one stream or many; many are read in parallel, cut where stream headers are.
    Bzip2,
    /// Multistream bzip2 with the lines of its `offset:page_id:title` index.
    Indexed(Box<dyn BufRead>),
}

impl Layout {
    /// A multistream layout with its index, which may itself be bzip2-compressed (as
    /// Wikipedia publishes it) or plain text.
    pub fn indexed(index: impl Read + 'static) -> Result<Layout, DumpError> {
        let mut index = BufReader::new(index);
        let first_bytes = index.fill_buf().map_err(|error| DumpError::Index {
            line: 1,
            message: error.to_string(),
        })?;
        let lines: Box<dyn BufRead> = if looks_like_bzip2(first_bytes) {
            Box::new(BufReader::new(bzip2::read::MultiBzDecoder::new(index)))
        } else {
            Box::new(index)
        };
        Ok(Layout::Indexed(lines))
    }
}

/// How far a read has come; passed to the progress callback after each piece, and returned
/// at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DumpStats {
    /// Input bytes read or skipped (compressed bytes, for bzip2).
    pub input_bytes: u64,
    /// Bytes of XML read (decompressed).
    pub xml_bytes: u64,
    /// Pages read, in every namespace, selected or not.
    pub pages_seen: u64,
    /// Articles delivered.
    pub pages_selected: u64,
    /// Redirects delivered as aliases.
    pub aliases: u64,
    /// Streams the index showed to hold no selected title, not decompressed.
    pub streams_skipped: u64,
    /// Pages in those streams.
    pub pages_skipped: u64,
}

impl DumpStats {
    fn count<T>(&mut self, run: &PageRun<T>) {
        self.pages_seen += run.seen;
        for item in &run.items {
            match item {
                DumpItem::Page(..) => self.pages_selected += 1,
                DumpItem::Alias(_) => self.aliases += 1,
            }
        }
    }
}

/// A worker's answer: what it made of its piece, or the panic of the caller's analysis.
type Answer<T> = std::thread::Result<Result<Parsed<T>, DumpError>>;

/// Reads a whole dump, delivering the selected articles (each with what `analyse` made of it,
/// computed in parallel) and aliases to `deliver` in dump order.
///
/// On damage (a truncated file, a corrupt stream, bad XML) everything before the damaged
/// piece is delivered, then the error says where it is. An error from `deliver` stops the
/// read and is returned as it is.
pub fn read_dump<R, T, E>(
    reader: R,
    layout: Layout,
    selection: &Selection,
    analyse: impl Fn(&DumpPage) -> T + Sync,
    mut deliver: impl FnMut(DumpItem<T>) -> Result<(), E>,
    mut progress: impl FnMut(&DumpStats),
) -> Result<DumpStats, E>
where
    R: Read + Seek,
    T: Send,
    E: From<DumpError>,
{
    let mut pieces = match layout {
        Layout::Xml => Pieces::xml(reader),
        Layout::Bzip2 => Pieces::scanned(reader),
        Layout::Indexed(lines) => Pieces::indexed(reader, IndexStreams::new(lines, selection))?,
    };
    let analyse = &analyse;
    let mut stats = DumpStats::default();
    let mut joiner = Joiner::default();
    // Enough pieces to keep every thread busy while the next ones are read and the finished
    // ones wait for an earlier one.
    let window = 2 * rayon::current_num_threads() as u64 + 2;
    rayon::in_place_scope(|scope| -> Result<(), E> {
        let (sender, receiver) = mpsc::channel::<(u64, Answer<T>)>();
        let mut finished = BTreeMap::new();
        let (mut sent, mut delivered) = (0_u64, 0_u64);
        let mut input_error = None;
        let mut input_done = false;
        loop {
            while sent - delivered < window && !input_done && input_error.is_none() {
                match pieces.next_piece() {
                    Ok(Some(piece)) => {
                        let sender = sender.clone();
                        let number = sent;
                        scope.spawn(move |_| {
                            let answer = std::panic::catch_unwind(AssertUnwindSafe(|| {
                                chunk::work(piece, selection, analyse)
                            }));
                            // The receiver is gone only when the read has already stopped.
                            let _ = sender.send((number, answer));
                        });
                        sent += 1;
                    }
                    Ok(None) => input_done = true,
                    Err(error) => input_error = Some(error),
                }
            }
            if delivered == sent {
                break;
            }
            let answer = loop {
                if let Some(answer) = finished.remove(&delivered) {
                    break answer;
                }
                // Every sent piece answers, and `sender` lives, so this cannot fail.
                if let Ok((number, answer)) = receiver.recv() {
                    finished.insert(number, answer);
                }
            };
            delivered += 1;
            let mut parsed = match answer {
                Ok(parsed) => parsed?,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            stats.xml_bytes += parsed.text_bytes;
            let damage = parsed.damage.take();
            for run in joiner.join(parsed, selection, analyse)? {
                stats.count(&run);
                run.items.into_iter().try_for_each(&mut deliver)?;
            }
            if let Some(error) = damage {
                progress(&stats);
                return Err(error.into());
            }
            stats.input_bytes = pieces.position();
            (stats.streams_skipped, stats.pages_skipped) = pieces.skipped();
            progress(&stats);
        }
        if let Some(error) = input_error {
            return Err(error.into());
        }
        if let Some(run) = joiner.finish(selection, analyse)? {
            stats.count(&run);
            run.items.into_iter().try_for_each(&mut deliver)?;
        }
        stats.input_bytes = pieces.position();
        (stats.streams_skipped, stats.pages_skipped) = pieces.skipped();
        progress(&stats);
        Ok(())
    })?;
    Ok(stats)
}

/// Joins the edges of consecutive pieces: the text after the last whole page of one and before
/// the first whole page of the next may make a page between them. Such pages are read here.
#[derive(Default)]
struct Joiner {
    /// Text from after the last whole page so far; it starts at a page start when it holds one.
    carry: Vec<u8>,
    /// Where the piece the carried text came from starts.
    at: Option<Location>,
}

impl Joiner {
    /// The runs of pages to deliver for `parsed`, in order: those completed by its head, then
    /// its own.
    fn join<T>(
        &mut self,
        parsed: Parsed<T>,
        selection: &Selection,
        analyse: &(impl Fn(&DumpPage) -> T + Sync),
    ) -> Result<Vec<PageRun<T>>, DumpError> {
        if !parsed.follows_previous {
            self.carry.clear();
        }
        if self.carry.is_empty() {
            self.at = Some(parsed.at);
        }
        self.carry.extend_from_slice(&parsed.head);
        let mut runs = Vec::new();
        runs.extend(self.take_whole_pages(parsed.at, selection, analyse)?);
        match parsed.body {
            Some(body) => {
                if chunk::page_start(&self.carry).is_some() {
                    return Err(DumpError::CutPage { at: parsed.at });
                }
                runs.push(body);
                self.carry = parsed.tail;
                self.at = Some(parsed.at);
            }
            None => {
                // Keep only what may be the start of a page: from its `<page>`, or the last
                // bytes, which may hold the first part of one.
                let keep_from = chunk::page_start(&self.carry)
                    .unwrap_or_else(|| self.carry.len().saturating_sub(b"<page>".len()));
                self.carry.drain(..keep_from);
                if self.carry.len() > MAX_PIECE_TEXT {
                    return Err(DumpError::TooLarge {
                        at: self.at.unwrap_or(parsed.at),
                        what: "a page",
                        limit: MAX_PIECE_TEXT,
                    });
                }
            }
        }
        Ok(runs)
    }

    fn take_whole_pages<T>(
        &mut self,
        fallback: Location,
        selection: &Selection,
        analyse: &(impl Fn(&DumpPage) -> T + Sync),
    ) -> Result<Option<PageRun<T>>, DumpError> {
        let Some((_, end)) = chunk::whole_pages_span(&self.carry) else {
            return Ok(None);
        };
        let at = self.at.unwrap_or(fallback);
        let pages = self.carry.get(..end).unwrap_or_default();
        let run = chunk::read_pages(pages, at, selection, analyse)?;
        self.carry.drain(..end);
        Ok(Some(run))
    }

    /// The last pages, at the end of the input; a page begun and not ended is an error.
    fn finish<T>(
        &mut self,
        selection: &Selection,
        analyse: &(impl Fn(&DumpPage) -> T + Sync),
    ) -> Result<Option<PageRun<T>>, DumpError> {
        let at = self.at.unwrap_or(Location {
            stream: None,
            offset: 0,
        });
        let run = self.take_whole_pages(at, selection, analyse)?;
        if chunk::page_start(&self.carry).is_some() {
            return Err(DumpError::CutPage { at });
        }
        Ok(run)
    }
}
