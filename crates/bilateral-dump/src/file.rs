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
    let mut first_bytes = Vec::with_capacity(4);
    file.by_ref()
        .take(4)
        .read_to_end(&mut first_bytes)
        .map_err(opening(path))?;
    file.seek(SeekFrom::Start(0)).map_err(opening(path))?;
    if !looks_like_bzip2(&first_bytes) {
        return match index {
            Some(_) => Err(DumpError::IndexWithoutBzip2),
            None => Ok((file, Layout::Xml)),
        };
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

/// Reads a dump file whole: [`open_dump`], then [`read_dump`].
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
    read_dump(file, layout, selection, analyse, deliver, progress)
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
    fn dumps_are_told_by_extension() {
        assert!(is_dump_path(Path::new("a/enwiki.xml.bz2")));
        assert!(is_dump_path(Path::new("export.XML")));
        assert!(!is_dump_path(Path::new("Chile–Japan relations.wiki")));
    }
}
