//! One page of each shape the text reader knows, written for these tests (invented facts about
//! Chile and Norway): each reads with the right title, sections, lists, table rows and
//! references, and none of its page chrome.

use bilateral_model::{BlockKind, Document, Format, ReferenceBody};
use bilateral_read::{detect_format, read_text};

const BROWSER_COPY: &str = "Jump to content
Main menu
Search
Donate
Log in
Personal tools
Contents
hide
(Top)
1 History
Toggle History subsection
1.1 Whaling years
1.2 Envoys
2 Diplomatic missions
3 References
Chile–Norway relations
4 languages
Article
Talk
Read
Edit
View history
Tools
From Wikipedia, the free encyclopedia
Chile–Norway relations
Map indicating locations of Chile and Norway
Chile\tNorway
Diplomatic mission
Embassy of Chile, Oslo\tEmbassy of Norway, Santiago
Chile–Norway relations are the ties between the Republic of Chile and the Kingdom of Norway. Both states fish cold southern and northern seas and share salmon know-how.[1][2]

History[edit]
Whaling years[edit]
Norwegian whalers worked from Chilean ports early in the twentieth century.[3] The two countries exchanged envoys in 1905.[1]

Envoys[edit]
The first Norwegian envoy arrived in Santiago in 1905.

Diplomatic missions[edit]
Resident missions

Mission\tCity\tOpened
Embassy of Norway\tSantiago\t1905
Embassy of Chile\tOslo\t1931

Visits from Chile to Norway:

President Ana Ruiz (1998)
President Tomás Vidal (2015)

Trade (US$ million)[2]
Year   Chilean exports   Norwegian exports
2020   410   380
2021   455   402

See also[edit]
Foreign relations of Chile

References[edit]
^ a b \"Chile and Norway: a century of ties\". Ministry of Foreign Affairs. 2019. Retrieved 2 May 2024.
^ a b Berg, Ola (2010). Salmon and Copper. Oslo: Fjord Press. p. 12. ISBN 978-0-306-40615-7.
^ \"Whalers in the south\" (in Spanish). El Austral. 3 March 1999. Archived from the original on 4 March 2000. Retrieved 2 May 2024.[permanent dead link]
Categories: Chile–Norway relationsBilateral relations of Chile
This page was last edited on 1 June 2024, at 10:00 (UTC).
Privacy policy
";

const MINISTRY_PAGE: &str = "Ministry of Foreign Affairs
Kingdom of Norway

Home > Countries > Americas > Chile

Bilateral relations: Chile

Last reviewed: 3 April 2024

BASIC DATA
Capital: Santiago
Diplomatic relations: established 1905
Norwegian mission in Chile: Embassy, Santiago (opened 1905)

1. OVERVIEW
Norway and Chile work together on fisheries, mining and polar research. [1]

2. HIGH-LEVEL VISITS
(a) From Norway to Chile
1999  Crown Prince (official visit, March)
2016  Minister of Fisheries (working visit, 4-6 May) [2]

3. AGREEMENTS
1. Agreement on Fisheries Research, signed at Oslo, 12 June 2001
2. Memorandum of Understanding on Polar Science, signed at Santiago, 9 May 2016 [2]

4. TRADE
Norway–Chile trade (US$ million)
                         2021      2022
Norwegian exports       120.5     131.0
Chilean exports         340.2     365.9

Sources
1. \"Norge og Chile\" (in Norwegian). Utenriksdepartementet. 2023. Retrieved 3 April 2024.
2. Soto, María (2017). Salmon Diplomacy. Santiago: Andes Press. ISBN 978-0-306-40615-7.

© 2024 Ministry of Foreign Affairs, Kingdom of Norway
";

const MARKED: &str = "= Chile–Norway relations =

Infobox
- Country 1: Chile
- Country 2: Norway
- Established: 1905

Chile–Norway relations are the relations between Chile and Norway.[1]

== History ==

=== Early contacts ===
Norwegian sailors reached Valparaíso in the 1850s.[2]

== Visits ==
- 1998: President Ana Ruiz visited Oslo.[1]
- 2015: King Harald visited Santiago.

== See also ==
- Foreign relations of Chile

== References ==
1. \"Chile and Norway\". Ministry of Foreign Affairs. 2019. Retrieved 2 May 2024.
2. Berg, Ola (2010). Salmon and Copper. Oslo: Fjord Press. ISBN 978-0-306-40615-7.
";

const CUT: &str = "Chile–Norway relations

Last updated
Flag of Chile.svg
Chile

Chile and Norway opened relations in 1905. [1] Trade grew after 1990. The two govern";

fn sections(document: &Document) -> Vec<(&str, u8)> {
    document
        .sections
        .iter()
        .skip(1)
        .map(|section| (section.heading.as_str(), section.level))
        .collect()
}

fn lists(document: &Document) -> Vec<(&str, Vec<&str>)> {
    document
        .structure
        .lists
        .iter()
        .map(|list| (list.heading.as_str(), document.items(list)))
        .collect()
}

/// A table as its heading and its rows, each a header flag and the cells' text.
type TableText<'a> = (&'a str, Vec<(bool, Vec<&'a str>)>);

fn tables(document: &Document) -> Vec<TableText<'_>> {
    document
        .structure
        .tables
        .iter()
        .map(|table| {
            let rows = table
                .rows
                .iter()
                .map(|row| (row.header, document.cells(row)))
                .collect();
            (table.heading.as_str(), rows)
        })
        .collect()
}

fn references(document: &Document) -> Vec<(u32, &str)> {
    document
        .references
        .iter()
        .map(|reference| match &reference.body {
            ReferenceBody::Rendered { text, .. } => (reference.n, text.as_str()),
            ReferenceBody::Template { name, .. } => (reference.n, name.as_str()),
        })
        .collect()
}

#[test]
fn a_browser_copy_loses_its_chrome_and_keeps_its_structure() {
    let document = read_text(BROWSER_COPY);
    assert_eq!(document.title, "Chile–Norway relations");
    assert_eq!(document.infobox_countries[..2], ["Chile", "Norway"]);
    assert_eq!(
        sections(&document),
        [
            ("History", 2),
            ("Whaling years", 3),
            ("Envoys", 3),
            ("Diplomatic missions", 2)
        ]
    );
    for chrome in [
        "Jump to content",
        "languages",
        "View history",
        "Map indicating",
        "Toggle",
        "Categories",
        "last edited",
    ] {
        assert!(!document.text.contains(chrome), "{chrome} survived");
    }
    assert!(
        document
            .text
            .starts_with("Chile–Norway relations are the ties")
    );
    assert!(!document.text.contains('['), "a marker survived");
    assert_eq!(
        lists(&document),
        [(
            "Visits from Chile to Norway",
            vec!["President Ana Ruiz (1998)", "President Tomás Vidal (2015)"]
        )]
    );
    assert_eq!(
        tables(&document),
        [
            (
                "Resident missions",
                vec![
                    (true, vec!["Mission", "City", "Opened"]),
                    (false, vec!["Embassy of Norway", "Santiago", "1905"]),
                    (false, vec!["Embassy of Chile", "Oslo", "1931"]),
                ]
            ),
            (
                "Trade (US$ million)",
                vec![
                    (true, vec!["Year", "Chilean exports", "Norwegian exports"]),
                    (false, vec!["2020", "410", "380"]),
                    (false, vec!["2021", "455", "402"]),
                ]
            ),
        ]
    );
    let references = references(&document);
    assert_eq!(
        references.iter().map(|&(n, _)| n).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(references[0].1.starts_with("^ a b \"Chile and Norway"));
    assert!(references[2].1.ends_with("[permanent dead link]"));
    // The glued markers close their sentence.
    let labels: Vec<Option<u32>> = document.markers.iter().map(|m| m.reference).collect();
    assert_eq!(labels, [Some(1), Some(2), Some(3), Some(1), Some(2)]);
    assert!(document.text[..document.markers[0].at].ends_with("know-how."));
    assert!(
        document.diagnostics.is_empty(),
        "{:?}",
        document.diagnostics
    );
}

#[test]
fn a_ministry_page_has_its_publisher_notes_visits_treaties_and_sources() {
    let document = read_text(MINISTRY_PAGE);
    assert_eq!(document.title, "Bilateral relations: Chile");
    assert_eq!(
        document.publisher.as_deref(),
        Some("Ministry of Foreign Affairs / Kingdom of Norway")
    );
    for chrome in ["Home >", "Last reviewed", "©"] {
        assert!(!document.text.contains(chrome), "{chrome} survived");
    }
    assert_eq!(
        sections(&document),
        [
            ("BASIC DATA", 2),
            ("OVERVIEW", 2),
            ("HIGH-LEVEL VISITS", 2),
            ("From Norway to Chile", 3),
            ("AGREEMENTS", 2),
            ("TRADE", 2)
        ]
    );
    assert_eq!(
        lists(&document),
        [
            (
                "BASIC DATA",
                vec![
                    "Capital: Santiago",
                    "Diplomatic relations: established 1905",
                    "Norwegian mission in Chile: Embassy, Santiago (opened 1905)"
                ]
            ),
            (
                "From Norway to Chile",
                vec![
                    "1999 Crown Prince (official visit, March)",
                    "2016 Minister of Fisheries (working visit, 4-6 May)"
                ]
            ),
            (
                "AGREEMENTS",
                vec![
                    "Agreement on Fisheries Research, signed at Oslo, 12 June 2001",
                    "Memorandum of Understanding on Polar Science, signed at Santiago, 9 May 2016"
                ]
            ),
        ]
    );
    assert_eq!(
        tables(&document),
        [(
            "Norway–Chile trade (US$ million)",
            vec![
                (true, vec!["2021", "2022"]),
                (false, vec!["Norwegian exports", "120.5", "131.0"]),
                (false, vec!["Chilean exports", "340.2", "365.9"]),
            ]
        )]
    );
    let references = references(&document);
    assert_eq!(references.len(), 2);
    assert!(references[1].1.starts_with("Soto, María (2017)"));
    // A list item asks for its list's heading; a row for its table's header.
    let visit = document.structure.lists[1].items[0];
    assert_eq!(document.list_heading(visit), Some("From Norway to Chile"));
    let row = document.structure.tables[0].rows[2].block;
    let row = document.table_row(row).expect("a row");
    assert_eq!(document.column_heading(row, 2), Some("2022"));
    assert_eq!(document.column_heading(row, 0), None);
    assert_eq!(
        row.header().map(|header| document.cells(header)),
        Some(vec!["2021", "2022"])
    );
    assert!(
        document.diagnostics.is_empty(),
        "{:?}",
        document.diagnostics
    );
}

#[test]
fn heading_marked_text_is_text_with_sections_items_and_references() {
    assert_eq!(detect_format("chile-norway.txt", MARKED), Format::Text);
    let document = read_text(MARKED);
    assert_eq!(document.title, "Chile–Norway relations");
    assert_eq!(document.infobox_countries, ["Chile", "Norway"]);
    assert_eq!(
        sections(&document),
        [("History", 2), ("Early contacts", 3), ("Visits", 2)]
    );
    assert_eq!(
        lists(&document),
        [(
            "Visits",
            vec![
                "1998: President Ana Ruiz visited Oslo.",
                "2015: King Harald visited Santiago."
            ]
        )]
    );
    assert!(!document.text.contains("Foreign relations of Chile"));
    assert!(!document.text.contains("Established"));
    assert_eq!(references(&document).len(), 2);
    assert!(
        document.diagnostics.is_empty(),
        "{:?}",
        document.diagnostics
    );
}

#[test]
fn numbered_headings_of_a_browser_copy_follow_its_contents() {
    let page = "Jump to content\nContents\n1 History\n1.1 Whaling years\n2 Trade\n\
                Chile–Norway relations\n2 languages\nArticle\n\
                From Wikipedia, the free encyclopedia\n\
                Chile and Norway have traded since the 1850s, mostly in fish and copper.\n\
                1 History\n1.1 Whaling years\nWhalers sailed south in 1905.\n2 Trade\n\
                Trade doubled in 2010.\n";
    let document = read_text(page);
    assert_eq!(document.title, "Chile–Norway relations");
    assert_eq!(
        sections(&document),
        [("History", 2), ("Whaling years", 3), ("Trade", 2)]
    );
}

#[test]
fn bulleted_references_count_up_from_one() {
    let page = "= Chile–Norway relations =\n\nThe two states trade fish.[2]\n\n== References ==\n\
                - \"Fish\". Sea News. 2001. Retrieved 2 May 2024.\n\
                - Berg, Ola (2010). Salmon and Copper. Oslo: Fjord Press.\n";
    let document = read_text(page);
    assert_eq!(
        references(&document),
        [
            (1, "\"Fish\". Sea News. 2001. Retrieved 2 May 2024."),
            (2, "Berg, Ola (2010). Salmon and Copper. Oslo: Fjord Press.")
        ]
    );
    assert!(
        document.diagnostics.is_empty(),
        "{:?}",
        document.diagnostics
    );
}

#[test]
fn a_text_cut_mid_word_loses_its_broken_sentence() {
    let document = read_text(CUT);
    assert_eq!(
        document.text,
        "Chile and Norway opened relations in 1905. Trade grew after 1990."
    );
    let document = read_text("Chile–Norway relations\n\nLast updated\n\nThe two govern");
    assert!(document.blocks.is_empty());
    // A last line that ends its sentence is kept whole.
    let whole = read_text("Chile–Norway relations\n\nLast updated\n\nTrade grew. It doubled.");
    assert_eq!(whole.text, "Trade grew. It doubled.");
    // So is a last note that ends in a date or a name: no word of it was cut.
    for note in [
        "Diplomatic relations: established 24 October 1964",
        "Agreement on Air Services – Accra",
    ] {
        let document = read_text(&format!("Chile–Norway relations\n\n{note}"));
        assert_eq!(document.text, note);
    }
}

#[test]
fn list_items_and_rows_are_blocks_of_their_kind() {
    let document = read_text(BROWSER_COPY);
    for list in &document.structure.lists {
        for &item in &list.items {
            assert_eq!(document.blocks[item].kind, BlockKind::ListItem);
        }
    }
    for table in &document.structure.tables {
        for row in &table.rows {
            assert_eq!(document.blocks[row.block].kind, BlockKind::TableRow);
        }
    }
}

/// Every prefix of every page — each a text cut off somewhere — reads, and its blocks, list
/// items, rows and cells lie inside the text.
#[test]
fn every_cut_of_every_page_hangs_together() {
    for page in [BROWSER_COPY, MINISTRY_PAGE, MARKED, CUT] {
        for (end, _) in page.char_indices() {
            let document = read_text(&page[..end]);
            let length = document.text.len();
            assert!(document.markers.iter().all(|marker| marker.at <= length));
            assert!(document.blocks.iter().all(|block| block.span.end <= length));
            for list in &document.structure.lists {
                assert!(list.items.iter().all(|&item| item < document.blocks.len()));
            }
            for table in &document.structure.tables {
                for row in &table.rows {
                    let span = document.blocks[row.block].span;
                    assert!(row.cells.iter().all(|cell| {
                        span.start <= cell.start && cell.start <= cell.end && cell.end <= span.end
                    }));
                }
            }
        }
    }
}

/// Every character of the clean text but the spaces and cell bars the reader writes maps back
/// to the same character of the page.
#[test]
fn clean_text_maps_to_its_source_characters() {
    for page in [BROWSER_COPY, MINISTRY_PAGE, MARKED, CUT] {
        let document = read_text(page);
        for (offset, ch) in document.text.char_indices() {
            if ch.is_whitespace() || ch == '|' {
                continue;
            }
            let source = document.source_map.to_source(offset);
            assert!(
                page.get(source..).is_some_and(|rest| rest.starts_with(ch)),
                "{ch:?} at {offset}"
            );
        }
    }
}

#[test]
fn a_sources_list_numbered_in_brackets_is_read() {
    let page = "Ministry of Foreign Affairs\nRepublic of Chile\n\nBilateral relations: Kingdom of Norway\n\n\
                The two states have traded since 1850.\n\nSources\n\
                [1] Statistics Chile. \"Trade by partner, 2022\". 2023. Retrieved 2 May 2024.\n\
                [2] Ruiz, Ana (2016). Chile and the North. Santiago: Andes. ISBN 978-0-00-000000-2.\n";
    let document = read_text(page);
    let numbers: Vec<u32> = document
        .references
        .iter()
        .map(|reference| reference.n)
        .collect();
    assert_eq!(numbers, [1, 2]);
}

#[test]
fn an_old_revision_banner_is_no_title() {
    let page = "Jump to content\n\nChile–Norway relations\n\nFrom Wikipedia, the free encyclopedia\n\n\
                This is an old revision of this page, as edited by A. Editor at 10:00, 1 May 2023.\n\n\
                Norway–Chile relations\n\nThe two countries established relations on 4 May 1920.\n";
    let document = read_text(page);
    assert_eq!(document.title, "Chile–Norway relations");
    assert!(!document.text.contains("old revision"));
}
