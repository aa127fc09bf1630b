//! The segmenter: cuts the blocks of a read document into sentences and gives each sentence
//! the references its citation markers point to, so every fact can cite its sources.
//!
//! **Invariant:** no I/O; sentence spans index `Document::text`, lie inside their block and
//! exclude surrounding whitespace.

mod boundary;

pub use boundary::MAX_SENTENCE_BYTES;

use bilateral_model::{BlockKind, Document, Marker, Sentence, Span};

/// Cuts every block of the document into sentences, and attaches each citation marker to the
/// sentence it closes.
///
/// Headings are not cut. A marker belongs to the last sentence that starts before it: the one
/// it closes when it stands at a sentence end, the one containing it otherwise.
pub fn segment(document: &Document) -> Vec<Sentence> {
    let mut markers: Vec<&Marker> = document.markers.iter().collect();
    // Readers write markers in text order; sorting guards a reader that did not.
    markers.sort_by_key(|marker| marker.at);
    let mut markers = markers.into_iter().peekable();
    let mut sentences = Vec::new();
    for (index, block) in document.blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Heading { .. }) {
            continue;
        }
        let first = sentences.len();
        let offset = block.span.start;
        sentences.extend(boundary::sentence_spans(document.slice(block.span)).map(
            |(start, end)| Sentence {
                span: Span::new(offset + start, offset + end),
                block: index,
                references: Vec::new(),
            },
        ));
        let block_sentences = sentences.get_mut(first..).unwrap_or_default();
        // Markers before this block stood in headings or between blocks: they close nothing.
        while markers
            .next_if(|marker| marker.at < block.span.start)
            .is_some()
        {}
        while let Some(marker) = markers.next_if(|marker| marker.at <= block.span.end) {
            let Some(n) = marker.reference else {
                continue;
            };
            let after = block_sentences.partition_point(|sentence| sentence.span.start < marker.at);
            if let Some(sentence) = block_sentences.get_mut(after.saturating_sub(1))
                && !sentence.references.contains(&n)
            {
                sentence.references.push(n);
            }
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use bilateral_model::{Block, Format, Section, SourceMap};

    use super::*;

    /// A document of one heading and the given paragraphs, with markers `(at, reference)`.
    fn document(paragraphs: &[&str], markers: &[(usize, Option<u32>)]) -> Document {
        let mut text = String::from("Heading");
        let mut blocks = vec![Block {
            kind: BlockKind::Heading { level: 2 },
            span: Span::new(0, text.len()),
            section: 1,
        }];
        for paragraph in paragraphs {
            text.push_str("\n\n");
            let start = text.len();
            text.push_str(paragraph);
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(start, text.len()),
                section: 1,
            });
        }
        Document {
            title: "T".into(),
            format: Format::Text,
            text,
            source_map: SourceMap::default(),
            sections: vec![Section {
                heading: "Heading".into(),
                level: 2,
            }],
            blocks,
            markers: markers
                .iter()
                .map(|&(at, reference)| Marker {
                    at,
                    label: reference.map_or("a".into(), |n| n.to_string()),
                    reference,
                })
                .collect(),
            references: Vec::new(),
            infobox_countries: Vec::new(),
            publisher: None,
            structure: Default::default(),
            diagnostics: Vec::new(),
        }
    }

    fn texts_and_references(document: &Document) -> Vec<(&str, Vec<u32>)> {
        segment(document)
            .into_iter()
            .map(|sentence| (document.slice(sentence.span), sentence.references))
            .collect()
    }

    #[test]
    fn headings_are_not_cut_and_blocks_are() {
        let document = document(&["One. Two.", "Three"], &[]);
        let sentences = segment(&document);
        assert_eq!(sentences.len(), 3);
        assert_eq!(sentences[0].block, 1);
        assert_eq!(sentences[2].block, 2);
        assert_eq!(document.slice(sentences[2].span), "Three");
    }

    #[test]
    fn markers_at_sentence_ends_close_them() {
        // "Heading\n\n" is 9 bytes; "One." ends at 13, "Two." at 18.
        let document = document(
            &["One. Two."],
            &[(13, Some(1)), (13, Some(2)), (18, Some(2))],
        );
        assert_eq!(
            texts_and_references(&document),
            [("One.", vec![1, 2]), ("Two.", vec![2])]
        );
    }

    #[test]
    fn a_marker_inside_a_sentence_belongs_to_it_and_repeats_collapse() {
        let document = document(
            &["Talks began, and ended. Next."],
            &[(20, Some(4)), (32, Some(4)), (32, None), (38, Some(5))],
        );
        assert_eq!(
            texts_and_references(&document),
            [("Talks began, and ended.", vec![4]), ("Next.", vec![5])]
        );
    }

    #[test]
    fn markers_in_headings_are_dropped() {
        let document = document(&["Body."], &[(7, Some(9))]);
        assert_eq!(texts_and_references(&document), [("Body.", vec![])]);
    }

    #[test]
    fn full_width_marks_take_a_marker_with_no_space_after() {
        // "Heading\n\n" is 9 bytes; "両国。" is 9 more.
        let document = document(&["両国。大使館。"], &[(18, Some(1))]);
        assert_eq!(
            texts_and_references(&document),
            [("両国。", vec![1]), ("大使館。", vec![])]
        );
    }

    #[test]
    fn an_empty_document_has_no_sentences() {
        let mut empty = document(&[], &[(0, Some(1))]);
        empty.blocks.clear();
        empty.text.clear();
        assert!(segment(&empty).is_empty());
    }
}
