//! MediaWiki wikitext into a [`Document`] whose clean text reads like the rendered article:
//! markup stripped, templates reduced to what they show, references numbered in order of
//! first use with their citation templates kept as parameters, and every piece of text
//! anchored at its byte offset in the wikitext.
//!
//! Reading is two steps: [`parse`] builds a tree of inline nodes in one linear pass that
//! survives any malformed input, and [`render`] walks it line by line into the
//! [`crate::DocumentBuilder`].

mod entities;
mod parse;
mod references;
mod render;
mod templates;

use bilateral_model::Document;

/// Reads a wikitext article. `title` is the page title when the caller knows it (a dump gives
/// it); otherwise it is taken from the bold term of the lead when that names a relationship,
/// else from the bilateral-relations infobox.
pub fn read_wikitext(text: &str, title: Option<&str>) -> Document {
    let parsed = parse::parse(text);
    render::render(text, &parsed, title)
}

/// Words of back-matter headings ("References", "See also", "Notes and references").
const BACK_MATTER_WORDS: &[&str] = &[
    "references",
    "reference",
    "notes",
    "note",
    "footnotes",
    "see",
    "also",
    "external",
    "links",
    "further",
    "reading",
    "bibliography",
    "sources",
    "citations",
    "works",
    "cited",
    "general",
    "and",
    "&",
];

/// Words that make a heading back matter on their own or with the others.
const BACK_MATTER_KEYS: &[&str] = &[
    "references",
    "notes",
    "footnotes",
    "see",
    "external",
    "further",
    "bibliography",
    "sources",
    "citations",
    "cited",
];

/// Whether a section heading starts the back matter of an article (references, notes, see
/// also, external links, further reading), whose text is not part of the article's prose.
pub(crate) fn is_back_matter(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|word| BACK_MATTER_WORDS.contains(word))
        && words.iter().any(|word| BACK_MATTER_KEYS.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_link_targets_are_rendered_once_each() {
        // Found by fuzzing: each level of `[[` used to render everything below it twice, so
        // forty levels took 2^40 steps. Now this finishes at once.
        let text = format!("Lead {}x{} end.", "[[".repeat(40), "]]".repeat(40));
        let document = read_wikitext(&text, Some("Chile–Japan relations"));
        assert!(document.text.starts_with("Lead"));
    }
    use bilateral_model::{BlockKind, ReferenceBody};

    fn blocks(document: &Document) -> Vec<(BlockKind, &str)> {
        document
            .blocks
            .iter()
            .map(|block| (block.kind, document.slice(block.span)))
            .collect()
    }

    fn template(document: &Document, n: usize) -> (&str, Vec<(&str, &str)>) {
        match &document.references[n].body {
            ReferenceBody::Template { name, params } => (
                name.as_str(),
                params
                    .iter()
                    .map(|(key, value)| (key.as_str(), value.as_str()))
                    .collect(),
            ),
            other => panic!("not a template: {other:?}"),
        }
    }

    fn rendered(document: &Document, n: usize) -> &str {
        match &document.references[n].body {
            ReferenceBody::Rendered { text, .. } => text,
            other => panic!("not rendered: {other:?}"),
        }
    }

    #[test]
    fn back_matter_headings() {
        for heading in [
            "References",
            "See also",
            "Notes and references",
            "External links",
        ] {
            assert!(is_back_matter(heading), "{heading}");
        }
        for heading in [
            "History",
            "Further cooperation",
            "Notes on trade",
            "And",
            "General",
        ] {
            assert!(!is_back_matter(heading), "{heading}");
        }
    }

    const ARTICLE: &str = "\
{{Short description|Bilateral relations}}
{{Use dmy dates|date=May 2024}}
{{Infobox bilateral relations
| Freedonia–Sylvania
| Freedonia
| [[Sylvania]]
| mission1 = [[Embassy of Freedonia, Ostburg|Freedonian embassy]]
}}
'''Freedonia–Sylvania relations''' ({{lang-fr|relations freedo-sylvaniennes}}) are the \
[[Bilateral relations|bilateral relations]] between [[Freedonia]] and the \
[[Sylvania|Kingdom of Sylvania]].<ref name=\"mfa\">{{cite web |url=http://mfa.example/a \
|title=Relations with [[Sylvania]] |publisher=Ministry |access-date=2 May 2024}}</ref>

== History ==
Relations were established on {{Start date|1921|3|4}}.<ref>Rufus T. Firefly, ''Memoirs'', 1933.</ref>
Both sides signed a treaty.<ref name=\"mfa\"/>

=== Visits ===
* Chancellor [[Rufus T. Firefly]] visited Ostburg in 1933.<ref group=note>Unofficial.</ref>
* Ambassador Trentino visited in {{circa|1935}}.

{| class=\"wikitable\"
! Date !! Visitor
|-
| style=\"text-align:left\" | 1933 || [[Rufus T. Firefly|Firefly]]
|-
| 1934 || Trentino{{sfn|Marx|1933|p=5}}
|}

[[File:Ostburg.jpg|thumb|upright|The embassy in [[Ostburg]]]]
The road is {{convert|12|km}} long.

== See also ==
* [[Foreign relations of Freedonia]]

== References ==
{{Reflist}}

[[Category:Bilateral relations of Freedonia]]
[[de:Beziehungen zwischen Freedonia und Sylvania]]
";

    #[test]
    fn reads_an_article() {
        let document = read_wikitext(ARTICLE, None);
        assert_eq!(document.title, "Freedonia–Sylvania relations");
        assert_eq!(document.infobox_countries, vec!["Freedonia", "Sylvania"]);
        assert_eq!(
            blocks(&document),
            vec![
                (
                    BlockKind::Paragraph,
                    "Freedonia–Sylvania relations (relations freedo-sylvaniennes) are the \
                     bilateral relations between Freedonia and the Kingdom of Sylvania."
                ),
                (BlockKind::Heading { level: 2 }, "History"),
                (
                    BlockKind::Paragraph,
                    "Relations were established on 4 March 1921. Both sides signed a treaty."
                ),
                (BlockKind::Heading { level: 3 }, "Visits"),
                (
                    BlockKind::ListItem,
                    "Chancellor Rufus T. Firefly visited Ostburg in 1933."
                ),
                (
                    BlockKind::ListItem,
                    "Ambassador Trentino visited in c. 1935."
                ),
                (BlockKind::TableRow, "Date | Visitor"),
                (BlockKind::TableRow, "1933 | Firefly"),
                (BlockKind::TableRow, "1934 | Trentino"),
                (BlockKind::Caption, "The embassy in Ostburg"),
                (BlockKind::Paragraph, "The road is 12 km long."),
            ]
        );
        let sections: Vec<&str> = document
            .sections
            .iter()
            .map(|section| section.heading.as_str())
            .collect();
        assert_eq!(sections, vec!["", "History", "Visits"]);
        let lists = &document.structure.lists;
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].heading, "Visits");
        assert_eq!(lists[0].items.len(), 2);
        let table = &document.structure.tables[0];
        let rows: Vec<(bool, Vec<&str>)> = table
            .rows
            .iter()
            .map(|row| (row.header, document.cells(row)))
            .collect();
        assert_eq!(
            rows,
            [
                (true, vec!["Date", "Visitor"]),
                (false, vec!["1933", "Firefly"]),
                (false, vec!["1934", "Trentino"]),
            ]
        );
    }

    #[test]
    fn numbers_references_by_first_use() {
        let document = read_wikitext(ARTICLE, None);
        let markers: Vec<(&str, Option<u32>)> = document
            .markers
            .iter()
            .map(|marker| (marker.label.as_str(), marker.reference))
            .collect();
        assert_eq!(
            markers,
            vec![
                ("1", Some(1)),
                ("2", Some(2)),
                ("1", Some(1)),
                ("note 1", None),
                ("3", Some(3)),
            ]
        );
        // The first marker closes the lead sentence.
        let lead = document.slice(document.blocks[0].span);
        assert_eq!(document.markers[0].at, lead.len());
        assert_eq!(document.references.len(), 3);
        let (name, params) = template(&document, 0);
        assert_eq!(name, "cite web");
        assert_eq!(
            params,
            vec![
                ("url", "http://mfa.example/a"),
                ("title", "Relations with Sylvania"),
                ("publisher", "Ministry"),
                ("access-date", "2 May 2024"),
            ]
        );
        assert_eq!(rendered(&document, 1), "Rufus T. Firefly, Memoirs, 1933.");
        let (name, params) = template(&document, 2);
        assert_eq!(name, "sfn");
        assert_eq!(params, vec![("1", "Marx"), ("2", "1933"), ("p", "5")]);
        let source = document.references[0].source;
        assert!(ARTICLE[source.start..source.end].starts_with("<ref name=\"mfa\">"));
    }

    #[test]
    fn maps_clean_text_to_the_source() {
        let document = read_wikitext(ARTICLE, None);
        for word in [
            "Kingdom of Sylvania",
            "established",
            "Trentino",
            "embassy in",
        ] {
            let clean = document.text.find(word).unwrap_or_default();
            let source = document.source_map.to_source(clean);
            assert_eq!(
                ARTICLE.get(source..source + word.len()),
                Some(word),
                "{word}"
            );
        }
    }

    #[test]
    fn the_title_argument_wins() {
        let document = read_wikitext("'''Something else''' is here.", Some("A–B relations"));
        assert_eq!(document.title, "A–B relations");
        let document = read_wikitext("'''Something else''' is here.", None);
        assert_eq!(document.title, "");
        let infobox = "{{Infobox bilateral relations|Ruritania–Graustark|country1=Ruritania|country2=Graustark}}\nText.";
        let document = read_wikitext(infobox, None);
        assert_eq!(document.title, "Ruritania–Graustark relations");
        assert_eq!(document.infobox_countries, vec!["Ruritania", "Graustark"]);
    }

    #[test]
    fn inline_markup() {
        let cases = [
            ("[[Target|label]] and [[Target]]", "label and Target"),
            ("[[Kingdom (country)|]] x", "Kingdom x"),
            (
                "[http://example.org the label] and [http://example.org]",
                "the label and",
            ),
            (
                "see http://example.org/a now",
                "see http://example.org/a now",
            ),
            (
                "''italic'' and '''bold''' and '''''both'''''",
                "italic and bold and both",
            ),
            ("Maximilian's ''''quoted''''", "Maximilian's 'quoted'"),
            ("a<!-- hidden -->b", "ab"),
            ("<nowiki>[[not a link]]</nowiki>", "[[not a link]]"),
            ("one<br/>two<br>three", "one two three"),
            (
                "A&nbsp;B &ndash; C &amp; D &#8212; E &#x41;",
                "A B – C & D — E A",
            ),
            (
                "<span style=\"x\">kept</span> <math>x^2</math>done",
                "kept done",
            ),
            (
                "{{lang|es|texto}} {{lang-de|Wort}} {{nowrap|a b}}",
                "texto Wort a b",
            ),
            (
                "{{flag|Japan}} {{flagcountry|Peru}} {{flagicon|Chile}}x",
                "Japan Peru x",
            ),
            (
                "{{dts|2006|8|28}} {{Start date|2006|8}}",
                "28 August 2006 August 2006",
            ),
            ("{{zh|s=中国}}x {{Citation needed|date=May 2020}}", "x"),
            ("{{convert|10|-|20|km|mi}} away", "10–20 km away"),
            ("[[Category:X]][[de:Y]]z [[:Category:Z|cats]]", "z cats"),
            (
                "{{US$|5 million}} in {{as of|2020}}",
                "US$5 million in As of 2020",
            ),
            ("__NOTOC__Text", "Text"),
        ];
        for (source, expected) in cases {
            let document = read_wikitext(source, None);
            assert_eq!(document.text, expected, "{source}");
        }
    }

    #[test]
    fn citation_template_parameters_are_plain_text() {
        let source = "A.<ref>{{Cite_news |title={{lang|ru|Отношения}} |work=[[Daily Planet]] \
                      |last=Lane|first=Lois|1=extra}}</ref>";
        let document = read_wikitext(source, None);
        let (name, params) = template(&document, 0);
        assert_eq!(name, "cite news");
        assert_eq!(
            params,
            vec![
                ("title", "Отношения"),
                ("work", "Daily Planet"),
                ("last", "Lane"),
                ("first", "Lois"),
                ("1", "extra"),
            ]
        );
    }

    #[test]
    fn named_references_before_their_definition_and_list_defined() {
        let source = "A.<ref name=x/> B.<ref name=\"y\" /> C.<ref name=x>Defined later.</ref>\n\n\
                      == References ==\n{{Reflist|refs=\n<ref name=y>From the list.</ref>\n}}";
        let document = read_wikitext(source, None);
        assert_eq!(document.references.len(), 2);
        assert_eq!(rendered(&document, 0), "Defined later.");
        assert_eq!(rendered(&document, 1), "From the list.");
        let numbers: Vec<Option<u32>> = document.markers.iter().map(|m| m.reference).collect();
        assert_eq!(numbers, vec![Some(1), Some(2), Some(1)]);
    }

    #[test]
    fn a_name_never_defined_is_reported() {
        let document = read_wikitext("A.<ref name=ghost/>", None);
        assert_eq!(document.references.len(), 1);
        assert!(matches!(
            &document.references[0].body,
            ReferenceBody::Rendered { messages, .. } if messages[0].contains("ghost")
        ));
        assert!(!document.diagnostics.is_empty());
    }

    #[test]
    fn footnote_templates_and_short_citations() {
        let source = "A.{{efn|A note.<ref>Inside.</ref>}} B.{{sfn|Marx|1933|p=5}} \
                      C.{{sfn|Marx|1933|p=5}} D.{{sfn|Marx|1933|p=6}} E.{{r|x}}<ref name=x>X.</ref> \
                      F.{{refn|group=note|Grouped.}} G.{{#tag:ref|Tagged.|name=t}}";
        let document = read_wikitext(source, None);
        let labels: Vec<&str> = document.markers.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, vec!["a", "2", "2", "3", "4", "4", "note 1", "5"]);
        assert_eq!(rendered(&document, 0), "Inside.");
        assert_eq!(template(&document, 1).0, "sfn");
        assert_eq!(rendered(&document, 3), "X.");
        assert_eq!(rendered(&document, 4), "Tagged.");
        assert_eq!(document.text, "A. B. C. D. E. F. G.");
    }

    #[test]
    fn references_in_dropped_templates_are_numbered_in_place() {
        let source = "{{Infobox bilateral relations|A–B|A|B|note=Since 1990<ref>Infobox.</ref>}}\n\
                      Body.<ref>Body.</ref>";
        let document = read_wikitext(source, None);
        assert_eq!(rendered(&document, 0), "Infobox.");
        assert_eq!(rendered(&document, 1), "Body.");
        let numbers: Vec<Option<u32>> = document.markers.iter().map(|m| m.reference).collect();
        assert_eq!(numbers, vec![Some(2)]);
        assert_eq!(document.text, "Body.");
    }

    #[test]
    fn definition_lists_and_rules() {
        let document = read_wikitext("; Term : definition\n----\nAfter", None);
        assert_eq!(
            blocks(&document),
            vec![
                (BlockKind::ListItem, "Term"),
                (BlockKind::ListItem, "definition"),
                (BlockKind::Paragraph, "After"),
            ]
        );
    }

    #[test]
    fn galleries_and_table_captions() {
        let source = "<gallery>\nFile:A.jpg|First [[view]]\nFile:B.jpg\n</gallery>\n\
                      {|\n|+ Visits by year\n|-\n| a\n| b\ncontinued\n|}\nEnd";
        assert_eq!(
            blocks(&read_wikitext(source, None)),
            vec![
                (BlockKind::Caption, "First view"),
                (BlockKind::Caption, "Visits by year"),
                (BlockKind::TableRow, "a | b continued"),
                (BlockKind::Paragraph, "End"),
            ]
        );
    }

    #[test]
    fn comments_before_line_syntax_are_ignored() {
        let source = "Lead.\n<!-- a note -->\n== History ==\n<!-- x -->* Item";
        assert_eq!(
            blocks(&read_wikitext(source, None)),
            vec![
                (BlockKind::Paragraph, "Lead."),
                (BlockKind::Heading { level: 2 }, "History"),
                (BlockKind::ListItem, "Item"),
            ]
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines_only() {
        let source = "One\ntwo\n<!-- a comment line -->\nthree\n\nFour";
        assert_eq!(
            blocks(&read_wikitext(source, None)),
            vec![
                (BlockKind::Paragraph, "One two three"),
                (BlockKind::Paragraph, "Four"),
            ]
        );
    }

    #[test]
    fn malformed_input_never_panics() {
        let inputs = [
            "{{",
            "}}",
            "[[",
            "]]",
            "{{a|",
            "[[a|",
            "<ref>",
            "</ref>",
            "<ref name=a",
            "{|",
            "|}",
            "== ==",
            "==",
            "=",
            "'''",
            "[http://",
            "&#",
            "&",
            "<!--",
            "{{#tag:ref}}",
            "{{r}}",
            "{{sfn}}",
            "{{efn}}",
            "[[File:]]",
            "{{Infobox bilateral relations}}",
            "<gallery>",
            "<gallery>\n|\n</gallery>",
            "; :",
            "{|\n|+\n!!\n||\n|}",
            "é{{é|é=é}}é",
            "{{a|{{b|[[c|{{d}}]]}}}}}}]]",
            "<ref name=a/><ref name=a>x</ref><ref name=a>y</ref>",
            "{{convert}} {{circa}} {{dts}} {{harvnb}} {{sortname}} {{US$}}",
        ];
        let nested = [
            "{{lang|xx|".repeat(100) + &"}}".repeat(100),
            "[[File:a.jpg|".repeat(100) + &"]]".repeat(100),
            "<ref>{{efn|".repeat(50) + &"}}</ref>".repeat(50),
            "{|\n|".repeat(100) + "x",
        ];
        let inputs = inputs
            .iter()
            .copied()
            .chain(nested.iter().map(String::as_str));
        for input in inputs {
            let document = read_wikitext(input, None);
            for marker in &document.markers {
                assert!(marker.at <= document.text.len());
            }
        }
    }

    #[test]
    fn malformed_input_is_reported_with_offsets() {
        let source = "Good text. {{unclosed|x\n\nMore }} text <ref>never closed";
        let document = read_wikitext(source, None);
        assert!(document.text.contains("Good text."));
        assert!(document.text.contains("never closed"));
        assert!(!document.text.contains("<ref"));
        let offsets: Vec<usize> = document.diagnostics.iter().map(|d| d.at).collect();
        assert!(offsets.contains(&source.find("<ref").unwrap_or_default()));
    }

    #[test]
    fn pathological_input_is_fast() {
        let inputs = [
            "{{".repeat(500_000),
            "[[a\n".repeat(250_000),
            "<ref>".repeat(200_000),
            "{{a|".repeat(250_000),
            "<nowiki>".repeat(120_000),
            "&#".repeat(500_000),
            "'''".repeat(330_000),
            "{|\n".repeat(330_000),
        ];
        for input in inputs {
            let started = std::time::Instant::now();
            let document = read_wikitext(&input, None);
            assert!(document.diagnostics.len() <= 102);
            let seconds = started.elapsed().as_secs_f64();
            // Debug builds are slow; release builds take a few milliseconds.
            assert!(seconds < 3.0, "{seconds} s for {}", &input[..8]);
        }
    }
}
