//! A report as a compact text table, or as JSON for tools.

use std::fmt::Write;

use bilateral_model::Fact;
use serde_json::{Value, json};

use crate::citations::CitationFieldScore;
use crate::score::{ArticleScore, Counts, Report};

impl Report {
    /// Precision, recall and F1 per article, per type and micro-averaged, then citation
    /// accuracy. `verbose` adds, per article, the missed and spurious facts (compact JSON, one
    /// a line) and the citation fields that disagree.
    pub fn render_text(&self, verbose: bool) -> String {
        let width = self
            .articles
            .iter()
            .map(|article| article.name.chars().count())
            .chain(Fact::TYPES.iter().map(|name| name.len()))
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:width$}    P      R      F1   (matched/extracted/expected)",
            "article"
        );
        for article in &self.articles {
            out.push_str(&row(&article.name, article.counts(), width));
        }
        let _ = writeln!(out, "\n{:width$}    P      R      F1", "type");
        for (type_name, counts) in self.by_type() {
            out.push_str(&row(type_name, counts, width));
        }
        out.push_str(&row("micro", self.micro(), width));
        let (agree, total) = self.citation_accuracy();
        let by_field: Vec<String> = self
            .citation_by_field()
            .into_iter()
            .map(|(field, (agree, total))| format!("{field} {agree}/{total}"))
            .collect();
        let _ = writeln!(
            out,
            "citations: {agree}/{total} fields agree ({}); by field: {}",
            percent(agree, total),
            by_field.join(", ")
        );
        if verbose {
            for article in &self.articles {
                out.push_str(&details(article));
            }
        }
        out
    }

    /// The whole report as JSON: per article, per type (in [`Fact::TYPES`] order), micro
    /// totals and citation accuracy; each count with its precision, recall and F1.
    pub fn to_json(&self) -> Value {
        let articles: Vec<Value> = self
            .articles
            .iter()
            .map(|article| {
                let mut value = counts_json(article.counts());
                value["name"] = json!(article.name);
                value["by_type"] = by_type_json(Fact::TYPES.iter().map(|name| {
                    (
                        *name,
                        article.by_type.get(name).copied().unwrap_or_default(),
                    )
                }));
                value["missed"] = facts_json(&article.missed);
                value["spurious"] = facts_json(&article.spurious);
                value["citations"] = citations_json(&article.citation_fields);
                value
            })
            .collect();
        let (agree, total) = self.citation_accuracy();
        let by_field: Vec<Value> = self
            .citation_by_field()
            .into_iter()
            .map(|(field, (agree, total))| json!({"field": field, "agree": agree, "total": total}))
            .collect();
        json!({
            "articles": articles,
            "by_type": by_type_json(self.by_type().into_iter()),
            "micro": counts_json(self.micro()),
            "citations": {"agree": agree, "total": total, "by_field": by_field},
        })
    }
}

/// One table row; a row with nothing on either side shows dashes rather than a perfect score.
fn row(label: &str, counts: Counts, width: usize) -> String {
    if counts.is_empty() {
        return format!("{label:width$}    -      -      -    (0/0/0)\n");
    }
    format!(
        "{label:width$}  {:.3}  {:.3}  {:.3}  ({}/{}/{})\n",
        counts.precision(),
        counts.recall(),
        counts.f1(),
        counts.matched,
        counts.extracted,
        counts.expected
    )
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

/// The verbose section of one article.
fn details(article: &ArticleScore) -> String {
    let mut out = format!("\n== {}\n", article.name);
    for (label, facts) in [("missed", &article.missed), ("spurious", &article.spurious)] {
        for fact in facts {
            let _ = writeln!(out, "  {label:9}{}", compact(fact));
        }
    }
    let citations = &article.citation_fields;
    let mut reported_missing = None;
    for disagreement in &citations.disagreements {
        let n = disagreement.n;
        match &disagreement.got {
            None if reported_missing == Some(n) => {}
            None => {
                reported_missing = Some(n);
                let _ = writeln!(out, "  citation [{n}] is in the key but not ours");
            }
            Some(got) => {
                let _ = writeln!(
                    out,
                    "  citation [{n}] {}: expected {}, got {got}",
                    disagreement.field, disagreement.expected
                );
            }
        }
    }
    for n in &citations.unexpected {
        let _ = writeln!(out, "  citation [{n}] is ours but not in the key");
    }
    out
}

fn compact(fact: &Fact) -> String {
    serde_json::to_string(fact).unwrap_or_else(|error| format!("({error})"))
}

fn counts_json(counts: Counts) -> Value {
    json!({
        "matched": counts.matched,
        "extracted": counts.extracted,
        "expected": counts.expected,
        "precision": counts.precision(),
        "recall": counts.recall(),
        "f1": counts.f1(),
    })
}

fn by_type_json(counts: impl Iterator<Item = (&'static str, Counts)>) -> Value {
    counts
        .map(|(type_name, counts)| {
            let mut value = counts_json(counts);
            value["type"] = json!(type_name);
            value
        })
        .collect()
}

fn facts_json(facts: &[Fact]) -> Value {
    facts
        .iter()
        .map(|fact| serde_json::to_value(fact).unwrap_or_default())
        .collect()
}

fn citations_json(score: &CitationFieldScore) -> Value {
    let (agree, total) = score.total();
    let disagreements: Vec<Value> = score
        .disagreements
        .iter()
        .map(|d| json!({"n": d.n, "field": d.field, "expected": d.expected, "got": d.got}))
        .collect();
    json!({
        "agree": agree,
        "total": total,
        "disagreements": disagreements,
        "unexpected": score.unexpected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::parse_gold;
    use crate::score::score_article;
    use bilateral_model::{Citation, CitationKind};

    fn report() -> Report {
        let gold = parse_gold(
            r#"{"title":"t","dyad":["ATL","LEM"],
                "facts":[{"type":"relations_established","parties":["ATL","LEM"],"date":"1971"},
                         {"type":"visit_count","visitor_country":"ATL","host":"LEM","office":"minister","count":3}],
                "citations":[{"n":1,"kind":"web","title":"T","language":"en"},{"n":2,"kind":"news"}]}"#,
        )
        .unwrap();
        let ours: Vec<Fact> = vec![
            serde_json::from_str(
                r#"{"type":"relations_established","parties":["LEM","ATL"],"date":"1971-05"}"#,
            )
            .unwrap(),
            serde_json::from_str(r#"{"type":"population","group":"g","count":5}"#).unwrap(),
        ];
        let mut first = Citation::new(1, CitationKind::Web);
        first.title = Some("T".into());
        first.language = Some("de".into());
        let score = score_article(
            "atlantis-lemuria",
            &gold,
            &ours,
            &[first, Citation::new(3, CitationKind::Book)],
        );
        Report {
            articles: vec![score],
        }
    }

    #[test]
    fn renders_a_compact_table() {
        let text = report().render_text(false);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("article "), "{text}");
        assert!(
            lines[1].starts_with("atlantis-lemuria")
                && lines[1].ends_with("0.500  0.500  0.500  (1/2/2)"),
            "{text}"
        );
        assert!(
            text.contains("relations_established  1.000  1.000  1.000  (1/1/1)"),
            "{text}"
        );
        assert!(
            text.contains("relations_severed        -      -      -    (0/0/0)"),
            "{text}"
        );
        assert!(
            text.contains("micro                  0.500  0.500  0.500  (1/2/2)"),
            "{text}"
        );
        assert!(
            text.contains("citations: 8/18 fields agree (44.4%); by field: kind 1/2, title 1/2,"),
            "{text}"
        );
        assert!(!text.contains("missed"));
    }

    #[test]
    fn verbose_lists_what_went_wrong() {
        let text = report().render_text(true);
        assert!(text.contains("== atlantis-lemuria"), "{text}");
        assert!(
            text.contains(r#"  missed   {"type":"visit_count","#),
            "{text}"
        );
        assert!(
            text.contains(r#"  spurious {"type":"population","#),
            "{text}"
        );
        assert!(
            text.contains(r#"citation [1] language: expected "en", got "de""#),
            "{text}"
        );
        assert_eq!(
            text.matches("citation [2] is in the key but not ours")
                .count(),
            1
        );
        assert!(
            text.contains("citation [3] is ours but not in the key"),
            "{text}"
        );
    }

    #[test]
    fn json_keeps_the_type_order_and_the_scores() {
        let value = report().to_json();
        assert_eq!(value["micro"]["f1"], json!(0.5));
        assert_eq!(value["by_type"][0]["type"], json!("relations_established"));
        assert_eq!(
            value["by_type"].as_array().map(Vec::len),
            Some(Fact::TYPES.len())
        );
        let article = &value["articles"][0];
        assert_eq!(article["name"], json!("atlantis-lemuria"));
        assert_eq!(article["missed"][0]["type"], json!("visit_count"));
        assert_eq!(article["citations"]["unexpected"], json!([3]));
        assert_eq!(value["citations"]["total"], json!(18));
    }
}
