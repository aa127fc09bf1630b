//! Reading whole MediaWiki XML dumps, as Wikipedia publishes them, at the speed of
//! decompression: plain `.xml`, `.bz2` (one stream or many), and multistream `.bz2` with its
//! `offset:id:title` index. Streams are decompressed and parsed in parallel on the rayon pool,
//! the caller's per-page analysis runs in the same pool, and results come back in dump order.
//!
//! The core ([`read_dump`], [`pages`]) works on readers and slices and does no I/O of its own;
//! [`open_dump`] and [`read_dump_file`] are the adaptors that open files.
//!
//! Only namespace 0 is read. A page is selected by its title ([`Selection`]); a selected
//! redirect becomes an [`Alias`]. With an index, streams holding no selected title are not
//! even decompressed.

mod chunk;
mod error;
mod file;
#[cfg(feature = "testing")]
pub mod generate;
mod index;
mod page;
mod read;
mod select;
mod source;

pub use error::{DumpError, Location};
pub use file::{index_path_for, is_dump_path, open_dump, read_dump_file};
pub use page::{Alias, DumpItem, DumpPage, Pages, XmlError, pages};
pub use read::{DumpStats, Layout, read_dump};
pub use select::Selection;
