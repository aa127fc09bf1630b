//! Throughput of reading a generated dump, in input bytes per second: multistream bzip2 cut
//! at stream headers (decompression-bound), with its index (streams skipped), and plain XML
//! (parsing-bound).

use std::io::Cursor;
use std::sync::LazyLock;

use bilateral_dump::generate::{GeneratedDump, generate_dump};
use bilateral_dump::{DumpError, Layout, Selection, read_dump};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// About 1.6 MB compressed, 7 MB of XML.
static DUMP: LazyLock<GeneratedDump> = LazyLock::new(|| generate_dump(3000, 9));

/// Reads `input` whole, returning the number of selected items.
fn read(input: &[u8], layout: Layout, selection: &Selection) -> usize {
    let mut items = 0;
    let result = read_dump(
        Cursor::new(input),
        layout,
        selection,
        |page| page.text.len(),
        |_| {
            items += 1;
            Ok::<_, DumpError>(())
        },
        |_| {},
    );
    assert!(result.is_ok(), "{result:?}");
    items
}

#[divan::bench(sample_count = 10)]
fn multistream_every_page(bencher: Bencher) {
    let input = DUMP.multistream.as_slice();
    bencher
        .counter(BytesCount::new(input.len()))
        .bench(|| read(input, Layout::Bzip2, &Selection::all()));
}

#[divan::bench(sample_count = 10)]
fn multistream_relations_with_index(bencher: Bencher) {
    let input = DUMP.multistream.as_slice();
    bencher.counter(BytesCount::new(input.len())).bench(|| {
        let layout = Layout::indexed(Cursor::new(DUMP.index.clone()));
        read(input, layout.unwrap(), &Selection::dyads())
    });
}

#[divan::bench(sample_count = 10)]
fn plain_xml_relations(bencher: Bencher) {
    let input = DUMP.xml.as_slice();
    bencher
        .counter(BytesCount::new(input.len()))
        .bench(|| read(input, Layout::Xml, &Selection::dyads()));
}
