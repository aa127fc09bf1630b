//! The dump page parser, and a whole read (pieces, joins, bzip2 streams), never panic:
//! whatever the bytes, they end in pages or an error.
#![no_main]

use std::io::Cursor;

use bilateral_dump::{DumpError, Layout, Selection, pages, read_dump};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    for selection in [Selection::all(), Selection::dyads()] {
        for item in pages(data, &selection) {
            if item.is_err() {
                break;
            }
        }
        let layout = if data.starts_with(b"BZh") {
            Layout::Bzip2
        } else {
            Layout::Xml
        };
        let _ = read_dump(
            Cursor::new(data),
            layout,
            &selection,
            |page| page.text.len(),
            |_| Ok::<_, DumpError>(()),
            |_| {},
        );
    }
});
