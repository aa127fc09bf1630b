//! The multistream index: one `offset:page_id:title` line per page, where `offset` is the byte
//! at which the page's bzip2 stream starts. Read lazily, a stream at a time, so the index of a
//! whole Wikipedia (tens of millions of lines) is never held in memory.

use std::io::BufRead;

use crate::error::DumpError;
use crate::select::Selection;

/// One stream as the index describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IndexedStream {
    pub offset: u64,
    pub pages: u64,
    /// Whether the selection picks any of its titles.
    pub picked: bool,
}

/// The streams of an index, in file order.
pub(crate) struct IndexStreams<'s> {
    lines: Box<dyn BufRead>,
    selection: &'s Selection,
    line_number: u64,
    line: String,
    /// The stream whose lines are being read.
    open: Option<IndexedStream>,
    finished: bool,
}

impl<'s> IndexStreams<'s> {
    pub fn new(lines: Box<dyn BufRead>, selection: &'s Selection) -> Self {
        IndexStreams {
            lines,
            selection,
            line_number: 0,
            line: String::new(),
            open: None,
            finished: false,
        }
    }

    fn error(&self, message: impl Into<String>) -> DumpError {
        DumpError::Index {
            line: self.line_number,
            message: message.into(),
        }
    }

    /// The next stream, once the line of a later stream (or the end) shows it is complete.
    pub fn next_stream(&mut self) -> Result<Option<IndexedStream>, DumpError> {
        while !self.finished {
            self.line.clear();
            self.line_number += 1;
            let read = self
                .lines
                .read_line(&mut self.line)
                .map_err(|error| self.error(error.to_string()))?;
            if read == 0 {
                self.finished = true;
                break;
            }
            let line = self.line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                continue;
            }
            let (offset, title) = parse_line(line)
                .ok_or_else(|| self.error("not of the form offset:page_id:title".to_owned()))?;
            let open_offset = self.open.map(|open| open.offset);
            if open_offset.is_some_and(|open| offset < open) {
                return Err(self.error(format!("offset {offset} comes after a larger one")));
            }
            match &mut self.open {
                Some(open) if open.offset == offset => {
                    open.pages += 1;
                    if !open.picked {
                        open.picked = picks(self.selection, title);
                    }
                }
                _ => {
                    let started = IndexedStream {
                        offset,
                        pages: 1,
                        picked: picks(self.selection, title),
                    };
                    if let Some(done) = self.open.replace(started) {
                        return Ok(Some(done));
                    }
                }
            }
        }
        Ok(self.open.take())
    }
}

/// The offset and title of a line: the title is everything after the second colon, since
/// titles may hold colons.
fn parse_line(line: &str) -> Option<(u64, &str)> {
    let (offset, rest) = line.split_once(':')?;
    let (id, title) = rest.split_once(':')?;
    id.parse::<u64>().ok()?;
    Some((offset.parse().ok()?, title))
}

/// Titles in the index are written as in the XML, with `&amp;` and `&quot;` escaped.
fn picks(selection: &Selection, title: &str) -> bool {
    if title.contains('&')
        && let Ok(unescaped) = quick_xml::escape::unescape(title)
    {
        return selection.picks(&unescaped);
    }
    selection.picks(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streams(text: &'static str, selection: &Selection) -> Result<Vec<IndexedStream>, DumpError> {
        let mut index = IndexStreams::new(Box::new(text.as_bytes()), selection);
        let mut found = Vec::new();
        while let Some(stream) = index.next_stream()? {
            found.push(stream);
        }
        Ok(found)
    }

    #[test]
    fn lines_group_into_streams_picked_by_any_title() {
        let text = "600:1:Glass harmonica\n600:2:Chile–Japan relations\n\
                    9000:3:Talk: a title: with colons\n12000:4:Kenya &amp; Norway\n";
        let found = streams(text, &Selection::dyads()).unwrap();
        assert_eq!(
            found,
            [
                IndexedStream {
                    offset: 600,
                    pages: 2,
                    picked: true
                },
                IndexedStream {
                    offset: 9000,
                    pages: 1,
                    picked: false
                },
                IndexedStream {
                    offset: 12000,
                    pages: 1,
                    picked: false
                },
            ]
        );
        let titled = streams(text, &Selection::titles(["Kenya & Norway"])).unwrap();
        assert!(titled[2].picked);
    }

    #[test]
    fn bad_lines_and_backward_offsets_are_errors_with_line_numbers() {
        let error = streams("600:1:A\nnonsense\n", &Selection::all()).unwrap_err();
        assert!(error.to_string().starts_with("index line 2:"), "{error}");
        let error = streams("600:1:A\n500:2:B\n", &Selection::all()).unwrap_err();
        assert!(error.to_string().contains("comes after"), "{error}");
    }
}
