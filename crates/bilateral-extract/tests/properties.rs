//! Properties that hold for any input, checked on generated text: the readers, the segmenter,
//! the recognisers and the rules never panic; every span they return lies inside the text it
//! indexes, on character boundaries; every fact's evidence is one of the document's sentences.
//!
//! Inputs are fully arbitrary strings, and strings built from pieces of article syntax
//! (wikitext, HTML, scraped text, dates, countries, trigger words), which reach deeper.

use bilateral_model::{Document, Span};
use bilateral_recognise::date::DateContext;
use proptest::prelude::*;

/// Pieces of the three formats and of the sentences the rules look for.
const PIECES: &[&str] = &[
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    ". ",
    ",",
    "|",
    "=",
    "==",
    "'''",
    "{{",
    "}}",
    "[[",
    "]]",
    "[",
    "]",
    "<ref>",
    "</ref>",
    "<ref name=\"a\"/>",
    "<p>",
    "</p>",
    "<h2>",
    "</h2>",
    "<table>",
    "<td>",
    "<!--",
    "-->",
    "&amp;",
    "&#x2014;",
    "{|",
    "|}",
    "[1]",
    "[2]",
    " [3]",
    "References",
    "1. ",
    "^ ",
    "Infobox",
    "Japan",
    "Mongolia",
    "Chile",
    "Norway",
    "Tokyo",
    "Ulaanbaatar",
    "the",
    "two",
    "states",
    "established",
    "diplomatic relations",
    "embassy",
    "opened",
    "closed",
    "in",
    "on",
    "visited",
    "Prime Minister",
    "President",
    "Ana Lopes",
    "signed",
    "agreement",
    "treaty",
    "trade",
    "US$",
    "million",
    "12 May",
    "1990",
    "March 2001",
    "the following year",
    "since",
    "était",
    "。",
    "ü",
    "—",
    "–",
    "\u{feff}",
    "\t",
    "\r\n",
    "\u{0}",
    "Mr.",
    "U.S.",
    "e.g.",
    "!!!",
    "???",
];

fn article_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..160)
            .prop_map(|pieces| pieces.concat()),
    ]
}

/// Every format, with and without a title line naming a pair, so the rules run too.
fn article() -> impl Strategy<Value = (String, u8)> {
    (article_text(), any::<bool>(), 0u8..3).prop_map(|(body, titled, format)| {
        let text = match (titled, format) {
            (false, _) => body,
            (true, 0) => format!("Japan–Mongolia relations\n\n{body}"),
            (true, 1) => format!("'''Japan–Mongolia relations''' {body}"),
            (true, _) => format!("<title>Japan–Mongolia relations</title><p>{body}</p>"),
        };
        (text, format)
    })
}

fn read(text: &str, format: u8) -> Document {
    match format {
        0 => bilateral_read::read_text(text),
        1 => bilateral_read::read_wikitext(text, None),
        _ => bilateral_read::read_html(text),
    }
}

/// Whether `span` lies inside `text` with both ends on character boundaries.
fn inside(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

/// 128 cases per property, or `PROPTEST_CASES` (`scripts/soak` sets it higher).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(128);
    eprintln!("{cases} inputs per property");
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn readers_and_segmenter_keep_every_offset_inside((text, format) in article()) {
        let document = read(&text, format);
        for block in &document.blocks {
            prop_assert!(inside(&document.text, block.span), "block {:?}", block.span);
        }
        for marker in &document.markers {
            prop_assert!(marker.at <= document.text.len());
        }
        for diagnostic in &document.diagnostics {
            prop_assert!(diagnostic.at <= text.len(), "diagnostic at {}", diagnostic.at);
        }
        let sentences = bilateral_segment::segment(&document);
        let mut end = 0;
        for sentence in &sentences {
            prop_assert!(inside(&document.text, sentence.span));
            prop_assert!(sentence.span.start >= end, "sentences overlap");
            end = sentence.span.end;
            let block = &document.blocks[sentence.block];
            prop_assert!(block.span.start <= sentence.span.start && sentence.span.end <= block.span.end);
            prop_assert!(sentence.span.len() <= bilateral_segment::MAX_SENTENCE_BYTES);
            let source = document.source_map.span_to_source(sentence.span);
            prop_assert!(source.start <= source.end && source.end <= text.len());
        }
    }

    #[test]
    fn recognisers_keep_every_span_inside_their_sentence(text in article_text()) {
        let context = DateContext { year: Some(1990), month: None };
        for mention in bilateral_recognise::date::find_dates(&text, &context) {
            prop_assert!(inside(&text, mention.span));
        }
        for quantity in bilateral_recognise::quantity::find_numbers(&text) {
            prop_assert!(inside(&text, quantity.span));
        }
        for money in bilateral_recognise::quantity::find_money(&text) {
            prop_assert!(inside(&text, money.span));
        }
        for word in bilateral_recognise::words::words(&text) {
            prop_assert!(inside(&text, word.span));
        }
        let (people, titles) =
            bilateral_recognise::person::find_people_and_titles(&text, &[], &|_| false);
        for person in people {
            prop_assert!(inside(&text, person.span));
        }
        for title in titles {
            prop_assert!(inside(&text, title.span));
            prop_assert!(title.complement.is_none_or(|span| inside(&text, span)));
        }
    }

    #[test]
    fn every_fact_is_evidenced_by_one_of_the_sentences((text, format) in article()) {
        let document = read(&text, format);
        let analysis = bilateral_extract::analyse(&document);
        for fact in &analysis.facts {
            let evidence = &fact.evidence;
            prop_assert!(
                analysis.sentences.iter().any(|sentence| sentence.span == evidence.sentence),
                "evidence {:?} is no sentence", evidence.sentence
            );
            prop_assert_eq!(document.text.get(evidence.sentence.start..evidence.sentence.end),
                Some(evidence.text.as_str()));
            prop_assert!(evidence.source.start <= evidence.source.end && evidence.source.end <= text.len());
            prop_assert!((0.0..=1.0).contains(&fact.confidence));
        }
    }
}
