//! Segments every scraped-text article of the shared data: sentences stay inside their
//! blocks, no citation is lost, and the seed's citations close the sentences they follow.

use std::path::{Path, PathBuf};

use bilateral_model::{Document, Sentence};
use bilateral_segment::segment;

fn read_articles(shared: &Path) -> Vec<(PathBuf, Document)> {
    let mut articles = Vec::new();
    for dir in ["seed", "eval/dev"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.extension().is_some_and(|extension| extension == "txt") {
                let source = std::fs::read_to_string(&path).expect("readable article");
                articles.push((path, bilateral_read::read_text(&source)));
            }
        }
    }
    assert!(
        !articles.is_empty(),
        "no .txt articles in {}",
        shared.display()
    );
    articles
}

#[test]
fn sentences_are_trimmed_ordered_and_inside_their_blocks() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for (path, document) in read_articles(&shared) {
        let sentences = segment(&document);
        assert!(sentences.len() >= 10, "{}", path.display());
        for pair in sentences.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{}", path.display());
        }
        for sentence in &sentences {
            let block = &document.blocks[sentence.block];
            assert!(block.span.start <= sentence.span.start && sentence.span.end <= block.span.end);
            let text = document.slice(sentence.span);
            assert!(
                !text.is_empty() && text.trim() == text,
                "{}: {text:?}",
                path.display()
            );
            assert!(
                !text.starts_with(char::is_lowercase),
                "{}: {text:?}",
                path.display()
            );
        }
    }
}

#[test]
fn every_citation_closes_some_sentence() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for (path, document) in read_articles(&shared) {
        let sentences = segment(&document);
        let cited = |n: u32| sentences.iter().any(|s| s.references.contains(&n));
        for marker in &document.markers {
            if let Some(n) = marker.reference {
                assert!(cited(n), "{}: [{n}] is lost", path.display());
            }
        }
        let marker_count = document
            .markers
            .iter()
            .filter(|m| m.reference.is_some())
            .count();
        let attached: usize = sentences.iter().map(|s| s.references.len()).sum();
        assert!(attached <= marker_count, "{}", path.display());
    }
}

#[test]
fn seed_citations_close_the_sentences_they_follow() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let path = shared.join("seed/japan-kazakhstan-relations.txt");
    let source = std::fs::read_to_string(&path).expect("the seed article");
    let document = bilateral_read::read_text(&source);
    let sentences = segment(&document);
    let references_of = |needle: &str| -> Vec<u32> {
        let sentence: &Sentence = sentences
            .iter()
            .find(|s| document.slice(s.span).contains(needle))
            .unwrap_or_else(|| panic!("no sentence with {needle:?}"));
        sentence.references.clone()
    };
    assert_eq!(references_of("26 January 1992"), Vec::<u32>::new());
    assert_eq!(references_of("15,735"), [1, 2]);
    assert_eq!(references_of("five occasions"), Vec::<u32>::new());
    assert_eq!(references_of("two official visits"), [3]);
    assert_eq!(references_of("nuclear energy"), [4]);
    assert_eq!(sentences.len(), 10);
}
