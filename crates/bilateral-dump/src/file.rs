//! The file adaptors: opening a dump, finding its index beside it as Wikipedia names it, and
//! reading it whole. Everything else in this crate works on readers.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::error::DumpError;
use crate::page::{DumpItem, DumpPage};
use crate::read::{DumpStats, Layout, read_dump};
use crate::select::Selection;
use crate::source::looks_like_bzip2;

/// Whether a path names a dump rather than an article: `.xml` or `.bz2`.
pub fn is_dump_path(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extension.eq_ignore_ascii_case("xml") || extension.eq_ignore_ascii_case("bz2")
        })
}

/// Where Wikipedia puts a multistream dump's index:
/// `enwiki-…-pages-articles-multistream.xml.bz2` → `enwiki-…-pages-articles-multistream-index.txt.bz2`.
pub fn index_path_for(dump: &Path) -> Option<PathBuf> {
    let name = dump.file_name()?.to_str()?;
    let stem = name.strip_suffix(".xml.bz2")?;
    Some(dump.with_file_name(format!("{stem}-index.txt.bz2")))
}

/// Opens a dump and tells its layout from its first bytes: XML, or bzip2 with the index given,
/// or found beside it, or neither.
pub fn open_dump(path: &Path, index: Option<&Path>) -> Result<(File, Layout), DumpError> {
    fn opening(path: &Path) -> impl Fn(std::io::Error) -> DumpError + '_ {
        move |source| DumpError::Open {
            path: path.to_owned(),
            source,
        }
    }
    let mut file = File::open(path).map_err(opening(path))?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    file.by_ref()
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(opening(path))?;
    file.seek(SeekFrom::Start(0)).map_err(opening(path))?;
    if !looks_like_bzip2(&head) {
        if index.is_some() {
            return Err(DumpError::IndexWithoutBzip2);
        }
        check_xml_start(&head)?;
        return Ok((file, Layout::Xml));
    }
    let index = index
        .map(Path::to_owned)
        .or_else(|| index_path_for(path).filter(|found| found.is_file()));
    let layout = match index {
        Some(index) => Layout::indexed(File::open(&index).map_err(opening(&index))?)?,
        None => Layout::Bzip2,
    };
    Ok((file, layout))
}

/// How much of a file is looked at to tell whether it is a dump.
const HEAD_BYTES: usize = 4096;

/// Refuses a file that is not bzip2 and does not start as XML does (after a byte-order mark
/// and white space): an empty file, a binary, a text.
fn check_xml_start(head: &[u8]) -> Result<(), DumpError> {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'<') => Ok(()),
        Some(_) => Err(DumpError::NotADump {
            reason: "it is neither XML nor bzip2",
        }),
        None if head.len() < HEAD_BYTES => Err(DumpError::NotADump {
            reason: "it is empty",
        }),
        None => Err(DumpError::NotADump {
            reason: "it starts with 4 KB of white space",
        }),
    }
}

/// Reads a dump file whole: [`open_dump`], then [`read_dump`]. A dump without a single page
/// is refused, as a file that is no dump at all.
pub fn read_dump_file<T, E>(
    path: &Path,
    index: Option<&Path>,
    selection: &Selection,
    analyse: impl Fn(&DumpPage) -> T + Sync,
    deliver: impl FnMut(DumpItem<T>) -> Result<(), E>,
    progress: impl FnMut(&DumpStats),
) -> Result<DumpStats, E>
where
    T: Send,
    E: From<DumpError>,
{
    let (file, layout) = open_dump(path, index)?;
    let stats = read_dump(file, layout, selection, analyse, deliver, progress)?;
    if stats.pages_seen + stats.pages_skipped == 0 {
        return Err(DumpError::NotADump {
            reason: "it holds no <page> element",
        }
        .into());
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_is_named_as_wikipedia_names_it() {
        assert_eq!(
            index_path_for(Path::new(
                "/d/enwiki-20250101-pages-articles-multistream.xml.bz2"
            )),
            Some(PathBuf::from(
                "/d/enwiki-20250101-pages-articles-multistream-index.txt.bz2"
            ))
        );
        assert_eq!(index_path_for(Path::new("pages.xml")), None);
    }

    #[test]
    fn files_that_are_no_dump_are_refused_with_the_reason() {
        let folder = tempfile::tempdir().unwrap();
        let cases: [(&[u8], &str); 4] = [
            (b"", "it is empty"),
            (b"  \n", "it is empty"),
            (b"\x7fELF\x02\x01\x01\x00", "it is neither XML nor bzip2"),
            (b"Chile and Norway\n", "it is neither XML nor bzip2"),
        ];
        for (bytes, reason) in cases {
            let path = folder.path().join("file");
            std::fs::write(&path, bytes).unwrap();
            let Err(error) = open_dump(&path, None) else {
                panic!("{bytes:?} opened as a dump");
            };
            assert_eq!(error.to_string(), format!("not a Wikipedia dump: {reason}"));
        }
        let path = folder.path().join("other.xml");
        std::fs::write(&path, "\u{feff}<?xml version=\"1.0\"?><html></html>").unwrap();
        assert!(open_dump(&path, None).is_ok());
        let read = read_dump_file(
            &path,
            None,
            &Selection::all(),
            |_| (),
            |_| Ok::<(), DumpError>(()),
            |_| (),
        );
        assert_eq!(
            read.unwrap_err().to_string(),
            "not a Wikipedia dump: it holds no <page> element"
        );
    }

    #[test]
    fn dumps_are_told_by_extension() {
        assert!(is_dump_path(Path::new("a/enwiki.xml.bz2")));
        assert!(is_dump_path(Path::new("export.XML")));
        assert!(!is_dump_path(Path::new("Chile–Japan relations.wiki")));
    }
}
