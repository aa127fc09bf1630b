//! Every article with an answer key — the evaluation sets and the training articles, in every
//! page shape — reads to the key's title, the key's dyad (from the title, the publisher, the
//! file name, the infobox or the lead, as the binary finds it) and as many references as the
//! key lists, and gives at least one fact.
//!
//! Some training articles are held out from reading, so failures name files and counts only.

use std::path::{Path, PathBuf};

use bilateral_extract::{DyadHints, find_dyad_with};
use bilateral_model::{CountryCode, Document, Dyad, Format};
use serde_json::Value;

fn read(article: &Path) -> Document {
    let bytes = std::fs::read(article).unwrap();
    let text = bilateral_read::decode(&bytes).unwrap();
    let name = article.to_string_lossy();
    match bilateral_read::detect_format(&name, text) {
        Format::Text => bilateral_read::read_text(text),
        Format::Wikitext => bilateral_read::read_wikitext(text, None),
        Format::Html => bilateral_read::read_html(text),
    }
}

/// The names of the articles whose title, dyad or reference count differs from their key's.
fn mismatches(pairs: &[(PathBuf, PathBuf)]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (article, key) in pairs {
        let name = article
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        let document = read(article);
        let key: Value = serde_json::from_str(&std::fs::read_to_string(key).unwrap()).unwrap();
        let codes: Vec<CountryCode> = serde_json::from_value(key["dyad"].clone()).unwrap();
        let expected = Dyad::new(codes[0], codes[1]).ok();
        let hints = DyadHints {
            given: None,
            file_name: Some(&name),
        };
        if document.title != key["title"] {
            wrong.push(format!("{name}: title"));
        }
        if find_dyad_with(&document, hints) != expected {
            wrong.push(format!("{name}: dyad"));
        }
        let reported = bilateral_extract::analyse_with(&document, hints)
            .facts
            .iter()
            .filter(|fact| fact.confidence >= bilateral_extract::REPORT_THRESHOLD)
            .count();
        if reported == 0 {
            wrong.push(format!("{name}: no fact"));
        }
        let citations = key["citations"].as_array().map_or(0, Vec::len);
        if document.references.len() != citations {
            wrong.push(format!(
                "{name}: {} of {citations} references",
                document.references.len()
            ));
        }
    }
    wrong
}

#[test]
fn every_article_yields_its_title_dyad_and_references() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let mut pairs = bilateral_testkit::answer_keys(&shared);
    pairs.extend(bilateral_testkit::training_keys(&shared));
    let wrong = mismatches(&pairs);
    println!("{} articles, {} mismatches", pairs.len(), wrong.len());
    assert!(wrong.is_empty(), "{wrong:#?}");
}
