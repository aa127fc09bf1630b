//! Plain-text reading never panics, whatever the text, and what it builds hangs together:
//! blocks, markers, list items, table rows and cells all lie inside the text. The first byte
//! picks a page header to put before the rest, so that every page shape the reader tells
//! apart (scrape, browser copy, ministry page, heading-marked text) is reached.
#![no_main]

/// Page headers, one per shape.
const HEADERS: [&str; 5] = [
    "",
    "Chile–Norway relations\n\nLast updated\nFlag of Chile.svg\nChile\n\n",
    "Jump to content\nMain menu\nContents\n(Top)\nHistory\nToggle History subsection\n\
     Chile–Norway relations\n3 languages\nArticle\nTalk\nFrom Wikipedia, the free encyclopedia\n",
    "Ministry of Foreign Affairs\nKingdom of Norway\n\nHome > Americas > Chile\n\n\
     Bilateral relations: Chile\n\nUpdated: May 2024\n\n",
    "= Chile–Norway relations =\n\nInfobox\n- Country 1: Chile\n\n",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let page = format!("{}{text}", HEADERS[usize::from(pick) % HEADERS.len()]);
    let document = bilateral_read::read_text(&page);
    let length = document.text.len();
    assert!(document.markers.iter().all(|marker| marker.at <= length));
    assert!(document.blocks.iter().all(|block| block.span.end <= length));
    for list in &document.structure.lists {
        assert!(list.items.iter().all(|&item| item < document.blocks.len()));
    }
    for table in &document.structure.tables {
        for row in &table.rows {
            let block = &document.blocks[row.block];
            assert!(row.cells.iter().all(|cell| {
                block.span.start <= cell.start && cell.start <= cell.end && cell.end <= block.span.end
            }));
        }
    }
});
