//! Whole generated dumps read every way they can be stored: the same pages come out, in
//! order, and damage stops the read after the pages before it with an error saying where.

use std::io::Cursor;
use std::sync::LazyLock;

use bilateral_dump::generate::{
    GeneratedDump, PAGES_PER_STREAM, compress, generate_dump, page_spec,
};
use bilateral_dump::{DumpError, DumpItem, DumpStats, Layout, Selection, read_dump};

const PAGES: usize = 2000;
const SEED: u64 = 11;

static DUMP: LazyLock<GeneratedDump> = LazyLock::new(|| generate_dump(PAGES, SEED));

/// An item reduced to what tells items apart: `P title` or `A from -> to`.
fn label<T>(item: &DumpItem<T>) -> String {
    match item {
        DumpItem::Page(page, _) => format!("P {}", page.title),
        DumpItem::Alias(alias) => format!("A {} -> {}", alias.from, alias.to),
    }
}

/// What the generator put in pages `0..pages` that `selection` picks, in order.
fn expected(selection: &Selection, pages: usize) -> Vec<String> {
    (0..pages)
        .map(|number| page_spec(SEED, number))
        .filter(|spec| spec.namespace == 0 && selection.picks(&spec.title))
        .map(|spec| match spec.redirect {
            Some(target) => format!("A {} -> {target}", spec.title),
            None => format!("P {}", spec.title),
        })
        .collect()
}

fn index_layout() -> Layout {
    Layout::indexed(Cursor::new(DUMP.index.clone())).unwrap()
}

/// Reads a whole input, returning the labels delivered, the stats and the error if any.
fn read(
    input: Vec<u8>,
    layout: Layout,
    selection: &Selection,
) -> (Vec<String>, Result<DumpStats, DumpError>) {
    let mut labels = Vec::new();
    let result = read_dump(
        Cursor::new(input),
        layout,
        selection,
        |_| (),
        |item| {
            labels.push(label(&item));
            Ok::<_, DumpError>(())
        },
        |_| {},
    );
    (labels, result)
}

#[test]
fn the_generated_dump_has_relations_pages_aliases_and_other_namespaces() {
    let wanted = expected(&Selection::dyads(), PAGES);
    assert!(
        wanted.iter().filter(|l| l.starts_with("P ")).count() >= 10,
        "{wanted:?}"
    );
    assert!(wanted.iter().any(|l| l.starts_with("A ")), "{wanted:?}");
    assert!((0..PAGES).any(|n| page_spec(SEED, n).namespace != 0));
}

#[test]
fn an_indexed_dump_gives_the_selected_pages_and_skips_the_other_streams() {
    let (labels, stats) = read(
        DUMP.multistream.clone(),
        index_layout(),
        &Selection::dyads(),
    );
    let stats = stats.unwrap();
    assert_eq!(labels, expected(&Selection::dyads(), PAGES));
    assert!(stats.streams_skipped > 0, "{stats:?}");
    assert_eq!(stats.pages_seen + stats.pages_skipped, PAGES as u64);
    assert_eq!(stats.input_bytes, DUMP.multistream.len() as u64);
}

#[test]
fn every_layout_gives_the_same_pages() {
    let selection = Selection::dyads();
    let wanted = expected(&selection, PAGES);
    let single_stream = compress(std::str::from_utf8(&DUMP.xml).unwrap());
    for (name, input, layout) in [
        (
            "scanned multistream",
            DUMP.multistream.clone(),
            Layout::Bzip2,
        ),
        ("plain XML", DUMP.xml.clone(), Layout::Xml),
        ("one stream", single_stream, Layout::Bzip2),
    ] {
        let (labels, stats) = read(input, layout, &selection);
        let stats = stats.unwrap();
        assert_eq!(labels, wanted, "{name}");
        assert_eq!(stats.pages_seen, PAGES as u64, "{name}");
        assert_eq!(stats.xml_bytes, DUMP.xml.len() as u64, "{name}");
    }
}

#[test]
fn all_reads_every_main_namespace_page_and_titles_read_those_named() {
    let (labels, stats) = read(DUMP.multistream.clone(), index_layout(), &Selection::all());
    assert_eq!(labels, expected(&Selection::all(), PAGES));
    assert_eq!(stats.unwrap().streams_skipped, 0);

    // Articles from three streams.
    let named: Vec<String> = [5, 900, 1900]
        .iter()
        .filter_map(|&from| {
            (from..PAGES)
                .map(|n| page_spec(SEED, n))
                .find(|spec| spec.namespace == 0 && spec.redirect.is_none())
                .map(|spec| spec.title)
        })
        .collect();
    let selection = Selection::titles(&named);
    let (labels, stats) = read(DUMP.multistream.clone(), index_layout(), &selection);
    assert_eq!(labels, expected(&selection, PAGES));
    let stats = stats.unwrap();
    assert!(stats.streams_skipped >= 17, "{named:?} {stats:?}");
}

#[test]
fn entities_are_decoded_in_titles_and_text() {
    let with_ampersand = (0..PAGES)
        .map(|n| page_spec(SEED, n))
        .find(|spec| spec.namespace == 0 && spec.redirect.is_none() && spec.title.contains('&'))
        .unwrap();
    let mut pages = Vec::new();
    read_dump(
        Cursor::new(DUMP.multistream.clone()),
        index_layout(),
        &Selection::titles([&with_ampersand.title]),
        |_| (),
        |item| {
            if let DumpItem::Page(page, ()) = item {
                pages.push(page);
            }
            Ok::<_, DumpError>(())
        },
        |_| {},
    )
    .unwrap();
    let [page] = pages.as_slice() else {
        panic!("{pages:?}")
    };
    assert_eq!(page.title, with_ampersand.title);
    assert_eq!(page.id, with_ampersand.id);
    assert!(!page.text.contains("&lt;") && !page.text.contains("&amp;"));
}

#[test]
fn analyses_run_in_parallel_and_come_back_in_dump_order() {
    let mut ids = Vec::new();
    let mut reported = Vec::new();
    let stats = read_dump(
        Cursor::new(DUMP.multistream.clone()),
        Layout::Bzip2,
        &Selection::all(),
        |page| (page.id, page.text.len()),
        |item| {
            if let DumpItem::Page(page, (id, length)) = item {
                assert_eq!((page.id, page.text.len()), (id, length));
                ids.push(id);
            }
            Ok::<_, DumpError>(())
        },
        |stats| reported.push(stats.pages_seen),
    )
    .unwrap();
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
    assert_eq!(ids.len() as u64, stats.pages_selected);
    assert!(reported.windows(2).all(|pair| pair[0] <= pair[1]));
    assert_eq!(reported.last(), Some(&(PAGES as u64)));
}

/// The offset of each page stream, from the index.
fn stream_offsets() -> Vec<u64> {
    let text = {
        use std::io::Read;
        let mut text = String::new();
        bzip2::read::MultiBzDecoder::new(DUMP.index.as_slice())
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let mut offsets: Vec<u64> = text
        .lines()
        .map(|line| line.split(':').next().unwrap().parse().unwrap())
        .collect();
    offsets.dedup();
    offsets
}

#[test]
fn a_truncated_dump_gives_the_pages_before_the_cut_then_an_error_naming_the_stream() {
    let offsets = stream_offsets();
    // Cut in the middle of page stream 9 (stream 10 of the file, counting the header's).
    let cut = ((offsets[9] + offsets[10]) / 2) as usize;
    let truncated = DUMP.multistream[..cut].to_vec();
    let before = expected(&Selection::all(), 9 * PAGES_PER_STREAM);
    for layout in [Layout::Bzip2, index_layout()] {
        let (labels, result) = read(truncated.clone(), layout, &Selection::all());
        let error = result.unwrap_err().to_string();
        assert_eq!(labels, before);
        assert!(
            error.starts_with(&format!("stream 10 at byte {}", offsets[9])),
            "{error}"
        );
    }
}

#[test]
fn a_corrupt_stream_gives_the_pages_of_the_streams_before_it_then_an_error() {
    let offsets = stream_offsets();
    let mut corrupt = DUMP.multistream.clone();
    let middle = ((offsets[4] + offsets[5]) / 2) as usize;
    for byte in &mut corrupt[middle..middle + 8] {
        *byte ^= 0x5a;
    }
    let before = expected(&Selection::all(), 4 * PAGES_PER_STREAM);
    for layout in [Layout::Bzip2, index_layout()] {
        let (labels, result) = read(corrupt.clone(), layout, &Selection::all());
        let error = result.unwrap_err().to_string();
        assert_eq!(labels, before);
        assert!(
            error.starts_with(&format!("stream 5 at byte {}", offsets[4])),
            "{error}"
        );
    }
}

#[test]
fn plain_xml_cut_inside_a_page_is_an_error_after_the_pages_before() {
    let xml = &DUMP.xml;
    let cut = xml.len() * 2 / 3;
    let (labels, result) = read(xml[..cut].to_vec(), Layout::Xml, &Selection::all());
    let error = result.unwrap_err().to_string();
    assert!(error.contains("the XML ends inside a page"), "{error}");
    let whole_pages = String::from_utf8_lossy(&xml[..cut])
        .matches("</page>")
        .count();
    assert_eq!(labels, expected(&Selection::all(), whole_pages));
}

/// A delivery that refuses more.
#[derive(Debug)]
enum Refusal {
    Full,
    Dump(DumpError),
}

impl From<DumpError> for Refusal {
    fn from(error: DumpError) -> Self {
        Refusal::Dump(error)
    }
}

#[test]
fn a_failing_delivery_stops_the_read_with_its_own_error() {
    let mut delivered = 0;
    let result = read_dump(
        Cursor::new(DUMP.multistream.clone()),
        Layout::Bzip2,
        &Selection::all(),
        |_| (),
        |_| {
            delivered += 1;
            if delivered == 3 {
                Err(Refusal::Full)
            } else {
                Ok(())
            }
        },
        |_| {},
    );
    match result {
        Err(Refusal::Full) => {}
        Err(Refusal::Dump(error)) => panic!("{error}"),
        Ok(stats) => panic!("read on: {stats:?}"),
    }
    assert_eq!(delivered, 3);
}

#[test]
fn a_panicking_analysis_panics_the_caller_instead_of_hanging() {
    let outcome = std::panic::catch_unwind(|| {
        read_dump(
            Cursor::new(DUMP.xml.clone()),
            Layout::Xml,
            &Selection::all(),
            |page| assert!(page.id < 100, "analysis failed"),
            |_| Ok::<_, DumpError>(()),
            |_| {},
        )
    });
    assert!(outcome.is_err());
}
