//! Every answer key in `shared/eval` parses, and scoring a key against its own facts and
//! citations (directly, and after printing them through `to_gold`) is perfect: the matching
//! rules are reflexive on real keys.

use bilateral_eval::{GoldCitation, GoldFile, Report, parse_gold, score_article, to_gold};
use bilateral_model::{Citation, Dyad, Isbn, PartialDate};

/// The answer keys as `(name, JSON)`, or `None` (with a note) when the shared folder is
/// absent outside CI.
fn answer_keys() -> Option<Vec<(String, String)>> {
    let shared = bilateral_testkit::shared_dir()?;
    let keys: Vec<(String, String)> = bilateral_testkit::answer_keys(&shared)
        .into_iter()
        .map(|(_, key)| {
            let name = key
                .file_name()
                .and_then(|name| name.to_str())
                .and_then(|name| name.strip_suffix(".gold.json"))
                .unwrap_or_default()
                .to_owned();
            (name, std::fs::read_to_string(&key).unwrap())
        })
        .collect();
    assert!(!keys.is_empty(), "no answer keys in {}", shared.display());
    Some(keys)
}

/// A parsed citation that says what the key citation says.
fn citation_from_key(key: &GoldCitation) -> Citation {
    let mut citation = Citation::new(key.n, key.kind);
    citation.title = key.title.clone();
    citation.language = key.language.clone();
    citation.date = key.year.map(PartialDate::Year);
    citation.isbn = key.isbn.as_ref().map(|isbn13| Isbn {
        printed: isbn13.clone(),
        isbn13: isbn13.clone(),
        valid: key.isbn_valid.unwrap_or(true),
    });
    citation.retrieved = key.retrieved;
    citation.archived = key.archived;
    citation.problems = key.problems.clone();
    citation
}

fn assert_perfect(name: &str, gold: &GoldFile, report: &Report) {
    let micro = report.micro();
    assert_eq!(
        (micro.precision(), micro.recall(), micro.f1()),
        (1.0, 1.0, 1.0),
        "{name}:\n{}",
        report.render_text(true)
    );
    assert_eq!(micro.expected, gold.facts.len());
    let (agree, total) = report.citation_accuracy();
    assert_eq!(agree, total, "{name}:\n{}", report.render_text(true));
    assert_eq!(total, gold.citations.len() * 9);
}

#[test]
fn every_key_scores_perfectly_against_itself() {
    let Some(keys) = answer_keys() else {
        return;
    };
    let mut facts = 0;
    for (name, text) in &keys {
        let gold = parse_gold(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        let citations: Vec<Citation> = gold.citations.iter().map(citation_from_key).collect();
        let report = Report {
            articles: vec![score_article(name, &gold, &gold.facts, &citations)],
        };
        assert_perfect(name, &gold, &report);

        let dyad = Dyad::try_from(gold.dyad).unwrap();
        let ours = to_gold(&gold.title, dyad, &gold.facts, &citations);
        let printed = serde_json::to_string_pretty(&ours).unwrap();
        let reparsed = parse_gold(&printed).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(
            reparsed, gold,
            "{name}: to_gold does not print the key back"
        );
        let report = Report {
            articles: vec![score_article(name, &gold, &reparsed.facts, &citations)],
        };
        assert_perfect(name, &gold, &report);
        facts += gold.facts.len();
    }
    eprintln!(
        "{} keys, {facts} facts scored against themselves",
        keys.len()
    );
}
