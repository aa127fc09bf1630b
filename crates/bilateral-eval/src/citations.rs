//! Field-by-field agreement of our citations with a key's. Each key citation is compared with
//! ours of the same number; a key citation we lack disagrees on every field. Titles agree
//! after trimming and folding curly quotes to straight ones; ISBNs as 13-digit strings
//! (hyphens and spaces ignored); languages ignoring case; problems as sets; everything else
//! exactly (`null` included: a key's `null` year wants no year).

use std::collections::{BTreeMap, BTreeSet};

use bilateral_model::{Citation, Problem};
use serde_json::Value;

use crate::gold::{GoldCitation, gold_citation};

/// Whether two citations agree on one field.
type FieldAgrees = fn(&GoldCitation, &GoldCitation) -> bool;

/// Each compared field, in the key's order, with its rule.
const FIELD_RULES: [(&str, FieldAgrees); 9] = [
    ("kind", |key, ours| key.kind == ours.kind),
    ("title", |key, ours| {
        key.title.as_deref().map(plain_title) == ours.title.as_deref().map(plain_title)
    }),
    ("language", |key, ours| {
        key.language.as_deref().map(str::to_ascii_lowercase)
            == ours.language.as_deref().map(str::to_ascii_lowercase)
    }),
    ("year", |key, ours| key.year == ours.year),
    ("isbn", |key, ours| {
        key.isbn.as_deref().map(bare_isbn) == ours.isbn.as_deref().map(bare_isbn)
    }),
    ("isbn_valid", |key, ours| key.isbn_valid == ours.isbn_valid),
    ("retrieved", |key, ours| key.retrieved == ours.retrieved),
    ("archived", |key, ours| key.archived == ours.archived),
    ("problems", |key, ours| {
        problem_set(key) == problem_set(ours)
    }),
];

/// The compared fields, in the key's order.
pub const CITATION_FIELDS: [&str; 9] = {
    let mut names = [""; 9];
    let mut i = 0;
    while i < names.len() {
        names[i] = FIELD_RULES[i].0;
        i += 1;
    }
    names
};

/// A field where ours differs from the key.
#[derive(Clone, PartialEq, Debug)]
pub struct CitationDisagreement {
    /// The citation's number.
    pub n: u32,
    /// One of [`CITATION_FIELDS`].
    pub field: &'static str,
    /// The key's value, as the key writes it.
    pub expected: Value,
    /// Ours, or `None` when we have no citation with this number.
    pub got: Option<Value>,
}

/// How our citations of one article agree with the key's.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct CitationFieldScore {
    /// For each of [`CITATION_FIELDS`]: (agree, total) over the key's citations.
    pub by_field: BTreeMap<&'static str, (usize, usize)>,
    pub disagreements: Vec<CitationDisagreement>,
    /// Numbers of our citations that the key does not have (not counted in the totals).
    pub unexpected: Vec<u32>,
}

impl CitationFieldScore {
    /// (agree, total) over all fields.
    pub fn total(&self) -> (usize, usize) {
        self.by_field
            .values()
            .fold((0, 0), |(agree, total), (a, t)| (agree + a, total + t))
    }
}

/// Compares our citations with a key's.
pub fn score_citations(key: &[GoldCitation], ours: &[Citation]) -> CitationFieldScore {
    let ours: BTreeMap<u32, GoldCitation> = ours
        .iter()
        .rev() // so that the first of two with one number wins
        .map(|citation| (citation.n, gold_citation(citation)))
        .collect();
    let mut score = CitationFieldScore {
        by_field: CITATION_FIELDS
            .iter()
            .map(|field| (*field, (0, 0)))
            .collect(),
        ..CitationFieldScore::default()
    };
    for expected in key {
        let got = ours.get(&expected.n);
        let expected_fields = fields_as_written(expected);
        let got_fields = got.map(fields_as_written);
        for (field, field_agrees) in FIELD_RULES {
            let agrees = got.is_some_and(|got| field_agrees(expected, got));
            if let Some((agree, total)) = score.by_field.get_mut(field) {
                *total += 1;
                *agree += usize::from(agrees);
            }
            if !agrees {
                score.disagreements.push(CitationDisagreement {
                    n: expected.n,
                    field,
                    expected: expected_fields.get(field).cloned().unwrap_or_default(),
                    got: got_fields
                        .as_ref()
                        .map(|fields| fields.get(field).cloned().unwrap_or_default()),
                });
            }
        }
    }
    let key_numbers: BTreeSet<u32> = key.iter().map(|citation| citation.n).collect();
    score.unexpected = ours
        .keys()
        .filter(|n| !key_numbers.contains(n))
        .copied()
        .collect();
    score
}

/// A citation's fields as the key writes them.
fn fields_as_written(citation: &GoldCitation) -> Value {
    serde_json::to_value(citation).unwrap_or_default()
}

fn problem_set(citation: &GoldCitation) -> BTreeSet<Problem> {
    citation.problems.iter().copied().collect()
}

/// A title trimmed, with curly quotes straightened.
fn plain_title(title: &str) -> String {
    title
        .trim()
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '‛' => '\'',
            '“' | '”' | '„' | '‟' => '"',
            _ => c,
        })
        .collect()
}

/// An ISBN without hyphens or spaces.
fn bare_isbn(isbn: &str) -> String {
    isbn.chars().filter(|c| !matches!(c, '-' | ' ')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_model::{CitationKind, Isbn, PartialDate};

    fn key_citation() -> GoldCitation {
        GoldCitation {
            n: 2,
            kind: CitationKind::Web,
            title: Some("The “Grand” Treaty".into()),
            language: Some("en".into()),
            year: Some(2015),
            isbn: Some("9780306406157".into()),
            isbn_valid: Some(true),
            retrieved: Some(PartialDate::Day(2020, 1, 31)),
            archived: None,
            problems: vec![Problem::UrlStatus, Problem::MissingDate],
        }
    }

    fn our_citation() -> Citation {
        let mut citation = Citation::new(2, CitationKind::Web);
        citation.title = Some("  The \"Grand\" Treaty ".into());
        citation.language = Some("EN".into());
        citation.date = Some(PartialDate::Day(2015, 6, 1));
        citation.isbn = Some(Isbn {
            printed: "978-0-306-40615-7".into(),
            isbn13: "978-0306406157".into(),
            valid: true,
        });
        citation.retrieved = Some(PartialDate::Day(2020, 1, 31));
        citation.problems = vec![Problem::MissingDate, Problem::UrlStatus, Problem::UrlStatus];
        citation
    }

    #[test]
    fn every_field_agrees_under_the_comparison_rules() {
        let score = score_citations(&[key_citation()], &[our_citation()]);
        assert_eq!(score.disagreements, vec![]);
        assert_eq!(score.total(), (9, 9));
        assert!(score.unexpected.is_empty());
    }

    #[test]
    fn a_differing_field_is_reported_with_both_values() {
        let mut ours = our_citation();
        ours.retrieved = Some(PartialDate::Month(2020, 1));
        ours.problems.push(Problem::MissingPublisher);
        let score = score_citations(&[key_citation()], &[ours]);
        assert_eq!(score.total(), (7, 9));
        assert_eq!(score.by_field["retrieved"], (0, 1));
        assert_eq!(score.by_field["problems"], (0, 1));
        let retrieved = &score.disagreements[0];
        assert_eq!((retrieved.n, retrieved.field), (2, "retrieved"));
        assert_eq!(retrieved.expected, Value::from("2020-01-31"));
        assert_eq!(retrieved.got, Some(Value::from("2020-01")));
    }

    #[test]
    fn a_null_in_the_key_wants_a_null() {
        let mut key = key_citation();
        key.year = None;
        let score = score_citations(&[key], &[our_citation()]);
        assert_eq!(score.by_field["year"], (0, 1));
    }

    #[test]
    fn a_missing_citation_disagrees_everywhere_and_an_extra_one_is_listed() {
        let mut ours = our_citation();
        ours.n = 7;
        let score = score_citations(&[key_citation()], &[ours]);
        assert_eq!(score.total(), (0, 9));
        assert!(score.disagreements.iter().all(|d| d.got.is_none()));
        assert_eq!(score.unexpected, vec![7]);
    }
}
