//! Scores: one article's facts matched against its key, and the micro-averaged totals over an
//! evaluation set.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use bilateral_model::{Citation, Fact};

use crate::citations::{CITATION_FIELDS, CitationFieldScore, score_citations};
use crate::gold::GoldFile;
use crate::matching::maximum_matching;
use crate::rules::fact_matches;

/// How many facts matched, were extracted, were expected.
///
/// A ratio whose denominator is zero is 1.0 when the other side is empty too (nothing to find
/// and nothing found is perfect) and 0.0 otherwise: extracting nothing where the key has facts
/// scores precision 0, and extracting facts where the key has none scores recall 0. F1 is
/// then always `2·matched / (extracted + expected)`, and 1.0 for 0/0.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Counts {
    pub matched: usize,
    pub extracted: usize,
    pub expected: usize,
}

impl Counts {
    /// Matched over extracted.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted, self.expected)
    }

    /// Matched over expected.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected, self.extracted)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(
            2 * self.matched,
            self.extracted + self.expected,
            self.extracted + self.expected,
        )
    }

    /// Whether there was nothing to find and nothing found.
    pub fn is_empty(&self) -> bool {
        self.extracted == 0 && self.expected == 0
    }
}

/// `part / whole`; when `whole` is zero, 1.0 if `other_side` is zero too, else 0.0.
fn ratio(part: usize, whole: usize, other_side: usize) -> f64 {
    match (whole, other_side) {
        (0, 0) => 1.0,
        (0, _) => 0.0,
        _ => part as f64 / whole as f64,
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.matched += other.matched;
        self.extracted += other.extracted;
        self.expected += other.expected;
    }
}

/// One article's score.
#[derive(Clone, PartialEq, Debug)]
pub struct ArticleScore {
    pub name: String,
    /// For every type of [`Fact::TYPES`], present or not.
    pub by_type: BTreeMap<&'static str, Counts>,
    /// Key entries no extracted fact matched, in key order.
    pub missed: Vec<Fact>,
    /// Extracted facts that matched no key entry, in our order.
    pub spurious: Vec<Fact>,
    pub citation_fields: CitationFieldScore,
}

impl ArticleScore {
    /// Totals over all types.
    pub fn counts(&self) -> Counts {
        let mut total = Counts::default();
        for counts in self.by_type.values() {
            total += *counts;
        }
        total
    }
}

/// Scores one article: pairs key entries with extracted facts by a maximum bipartite
/// matching (each key entry matches at most one fact and each fact at most one entry), and
/// compares citations field by field.
pub fn score_article(
    name: &str,
    gold: &GoldFile,
    extracted: &[Fact],
    citations: &[Citation],
) -> ArticleScore {
    let partners = maximum_matching(gold.facts.len(), extracted.len(), |k, o| {
        fact_matches(&gold.facts[k], &extracted[o])
    });
    let mut by_type: BTreeMap<&'static str, Counts> = Fact::TYPES
        .iter()
        .map(|type_name| (*type_name, Counts::default()))
        .collect();
    let mut missed = Vec::new();
    let mut taken = vec![false; extracted.len()];
    for (key, partner) in gold.facts.iter().zip(&partners) {
        let counts = by_type.entry(key.type_name()).or_default();
        counts.expected += 1;
        match partner.and_then(|o| taken.get_mut(o)) {
            Some(taken) => {
                *taken = true;
                counts.matched += 1;
            }
            None => missed.push(key.clone()),
        }
    }
    for ours in extracted {
        by_type.entry(ours.type_name()).or_default().extracted += 1;
    }
    let spurious = extracted
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(fact, _)| fact.clone())
        .collect();
    ArticleScore {
        name: name.to_owned(),
        by_type,
        missed,
        spurious,
        citation_fields: score_citations(&gold.citations, citations),
    }
}

/// The scores of an evaluation set.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Report {
    pub articles: Vec<ArticleScore>,
}

impl Report {
    /// Micro-averaged totals: every fact of every article counts once.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for article in &self.articles {
            total += article.counts();
        }
        total
    }

    /// Micro-averaged totals per type, in [`Fact::TYPES`] order.
    pub fn by_type(&self) -> Vec<(&'static str, Counts)> {
        Fact::TYPES
            .iter()
            .map(|type_name| {
                let mut total = Counts::default();
                for article in &self.articles {
                    total += article.by_type.get(type_name).copied().unwrap_or_default();
                }
                (*type_name, total)
            })
            .collect()
    }

    /// (agree, total) over every field of every key citation.
    pub fn citation_accuracy(&self) -> (usize, usize) {
        self.articles
            .iter()
            .map(|article| article.citation_fields.total())
            .fold((0, 0), |(agree, total), (a, t)| (agree + a, total + t))
    }

    /// (agree, total) per field, in [`CITATION_FIELDS`] order.
    pub fn citation_by_field(&self) -> Vec<(&'static str, (usize, usize))> {
        CITATION_FIELDS
            .iter()
            .map(|field| {
                let (agree, total) = self
                    .articles
                    .iter()
                    .filter_map(|article| article.citation_fields.by_field.get(field))
                    .fold((0, 0), |(agree, total), (a, t)| (agree + a, total + t));
                (*field, (agree, total))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::parse_gold;

    fn fact(json: &str) -> Fact {
        serde_json::from_str(json).unwrap()
    }

    fn key(facts: &[&str]) -> GoldFile {
        parse_gold(&format!(
            r#"{{"title":"t","dyad":["ATL","LEM"],"facts":[{}],"citations":[]}}"#,
            facts.join(",")
        ))
        .unwrap()
    }

    const RELATIONS: &str =
        r#"{"type":"relations_established","parties":["ATL","LEM"],"date":"1971-03"}"#;

    #[test]
    fn ratios_with_empty_sides() {
        let counts = |matched, extracted, expected| Counts {
            matched,
            extracted,
            expected,
        };
        let nothing = counts(0, 0, 0);
        assert_eq!(
            (nothing.precision(), nothing.recall(), nothing.f1()),
            (1.0, 1.0, 1.0)
        );
        let found_nothing = counts(0, 0, 3);
        assert_eq!(
            (
                found_nothing.precision(),
                found_nothing.recall(),
                found_nothing.f1()
            ),
            (0.0, 0.0, 0.0)
        );
        let nothing_to_find = counts(0, 2, 0);
        assert_eq!(
            (nothing_to_find.precision(), nothing_to_find.recall()),
            (0.0, 0.0)
        );
        let some = counts(9, 9, 10);
        assert_eq!((some.precision(), some.recall()), (1.0, 0.9));
        assert!((some.f1() - 18.0 / 19.0).abs() < 1e-12);
    }

    #[test]
    fn two_identical_facts_for_one_entry_are_one_match_and_one_spurious() {
        let gold = key(&[RELATIONS]);
        let ours = [fact(RELATIONS), fact(RELATIONS)];
        let score = score_article("a", &gold, &ours, &[]);
        assert_eq!(
            score.by_type["relations_established"],
            Counts {
                matched: 1,
                extracted: 2,
                expected: 1
            }
        );
        assert_eq!(score.spurious, vec![fact(RELATIONS)]);
        assert!(score.missed.is_empty());
    }

    #[test]
    fn one_fact_cannot_match_two_entries() {
        let gold = key(&[RELATIONS, RELATIONS]);
        let score = score_article("a", &gold, &[fact(RELATIONS)], &[]);
        assert_eq!(score.counts().matched, 1);
        assert_eq!(score.missed, vec![fact(RELATIONS)]);
    }

    #[test]
    fn the_matching_is_maximal_not_first_fit() {
        // The undated key entry accepts either fact; the dated one only the first. First-fit
        // in key order would give the undated entry the first fact and match one.
        let undated = r#"{"type":"relations_established","parties":["ATL","LEM"],"date":null}"#;
        let gold = key(&[undated, RELATIONS]);
        let ours = [
            fact(RELATIONS),
            fact(r#"{"type":"relations_established","parties":["ATL","LEM"],"date":"1985"}"#),
        ];
        let score = score_article("a", &gold, &ours, &[]);
        assert_eq!(score.counts().matched, 2);
        assert!(score.missed.is_empty() && score.spurious.is_empty());
    }

    #[test]
    fn counts_are_kept_per_type_and_micro_averaged() {
        let trade =
            r#"{"type":"trade","year":2019,"value":100.0,"currency":"USD","direction":"total"}"#;
        let first = score_article("a", &key(&[RELATIONS, trade]), &[fact(RELATIONS)], &[]);
        let second = score_article("b", &key(&[trade]), &[fact(trade), fact(RELATIONS)], &[]);
        assert_eq!(first.by_type.len(), Fact::TYPES.len());
        let report = Report {
            articles: vec![first, second],
        };
        assert_eq!(
            report.micro(),
            Counts {
                matched: 2,
                extracted: 3,
                expected: 3
            }
        );
        let by_type = report.by_type();
        assert_eq!(by_type[0].0, "relations_established");
        assert_eq!(
            by_type[0].1,
            Counts {
                matched: 1,
                extracted: 2,
                expected: 1
            }
        );
        assert_eq!(
            by_type
                .last()
                .map(|(name, counts)| (*name, counts.matched, counts.expected)),
            Some(("trade", 1, 2))
        );
    }
}
