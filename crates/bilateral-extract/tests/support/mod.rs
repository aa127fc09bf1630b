//! Shared by the extraction tests: an article of our own words in, the reported facts out,
//! compared with the expected answer-key facts.
use bilateral_model::Fact;

/// Reads `article` as scraped text, extracts, and compares the reported facts with
/// `expected` (one answer-key fact per line, in any order).
pub fn check(article: &str, expected: &str) {
    check_document(&bilateral_read::read_text(article), expected);
}

/// Reads `article` as wikitext, then as [`check`] does.
#[allow(dead_code)] // each test file compiles this module; not all of them read wikitext
pub fn check_wikitext(article: &str, expected: &str) {
    check_document(&bilateral_read::read_wikitext(article, None), expected);
}

/// Reads `article` as HTML, then as [`check`] does.
#[allow(dead_code)] // each test file compiles this module; not all of them read HTML
pub fn check_html(article: &str, expected: &str) {
    check_document(&bilateral_read::read_html(article), expected);
}

fn check_document(document: &bilateral_model::Document, expected: &str) {
    let analysis = bilateral_extract::analyse(document);
    let mut got: Vec<String> = analysis
        .facts
        .iter()
        .filter(|fact| fact.confidence >= bilateral_extract::REPORT_THRESHOLD)
        .map(|fact| canonical(&fact.fact))
        .collect();
    let mut want: Vec<String> = expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let fact: Fact =
                serde_json::from_str(line).unwrap_or_else(|error| panic!("{line}: {error}"));
            canonical(&fact)
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(
        got,
        want,
        "\n got:\n{}\n want:\n{}\n",
        got.join("\n"),
        want.join("\n")
    );
}

/// A fact as JSON, with meeting participants sorted: they are a set.
pub fn canonical(fact: &Fact) -> String {
    let mut fact = fact.clone();
    if let Fact::Meeting { participants, .. } = &mut fact {
        participants.sort();
    }
    serde_json::to_string(&fact).unwrap()
}

pub fn article(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}
