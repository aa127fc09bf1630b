//! Synthetic articles for filling a store fast, for benchmarks: one document per pair with a
//! fact per sentence, every fact family in turn, dated over seventy years, and references
//! with a problem now and then. Nothing here is read from text.

use bilateral_model::{
    AgreementKind, Analysis, Citation, CitationKind, Document, Dyad, Evidence, ExtractedFact, Fact,
    Format, MissionKind, Office, PartialDate, Problem, Sentence, Span, VisitLevel,
};

/// The `i`-th fact of a synthetic article about `pair`: every family in turn, dated over
/// seventy years.
pub fn fact(pair: Dyad, i: usize) -> Fact {
    let [a, b] = pair.codes();
    let year = 1950 + i32::try_from(i % 70).unwrap_or(0);
    let month = u8::try_from(1 + i % 12).unwrap_or(1);
    let date = PartialDate::day(year, month, 1 + u8::try_from(i % 28).unwrap_or(0)).ok();
    match i % 6 {
        0 => Fact::RelationsEstablished {
            parties: [a, b],
            date,
        },
        1 => Fact::MissionOpened {
            sender: a,
            host: b,
            kind: MissionKind::Embassy,
            city: Some(format!("City {}", i % 13)),
            date,
        },
        2 => Fact::Visit {
            visitor_country: b,
            host: a,
            visitor: Some(format!("Person {}", i % 37)),
            office: Office::HeadOfGovernment,
            level: VisitLevel::Official,
            start: date,
            end: None,
        },
        3 => Fact::AgreementSigned {
            parties: [a, b],
            kind: AgreementKind::Agreement,
            title: Some(format!("Agreement on Cooperation No. {i}")),
            topic: Some("trade".to_owned()),
            date,
        },
        4 => Fact::Meeting {
            participants: vec![format!("Person {}", i % 37), format!("Person {}", i % 41)],
            date: Some(PartialDate::Year(year)),
            place: Some("Geneva".to_owned()),
        },
        _ => Fact::Trade {
            year,
            value: 1.0e6 * i as f64,
            currency: "USD".to_owned(),
            direction: bilateral_model::Direction::Total,
            from: None,
            to: None,
        },
    }
}

/// A synthetic article about `pair`, its states called `names`: `facts` paragraphs of one
/// sentence and one fact each, and `citations` references, every fourth with a problem.
pub fn article(pair: Dyad, names: [&str; 2], facts: usize, citations: u32) -> (Document, Analysis) {
    let [a, b] = names;
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(facts);
    let mut extracted = Vec::with_capacity(facts);
    for i in 0..facts {
        let start = text.len();
        text.push_str(&format!(
            "In its year, sentence {i} says what {a} and {b} did together."
        ));
        let span = Span::new(start, text.len());
        text.push_str("\n\n");
        let references = vec![1 + u32::try_from(i).unwrap_or(0) % citations.max(1)];
        sentences.push(Sentence {
            span,
            block: i,
            references: references.clone(),
        });
        extracted.push(ExtractedFact {
            fact: fact(pair, i),
            evidence: Evidence {
                sentence: span,
                source: span,
                text: text[span.start..span.end].to_owned(),
                references,
            },
            confidence: 0.9,
        });
    }
    let references = (1..=citations)
        .map(|n| {
            let mut citation = Citation::new(n, CitationKind::News);
            citation.title = Some(format!("Report {n} on {a} and {b}"));
            citation.url = Some(format!("https://example.org/{n}"));
            if n % 4 == 0 {
                citation.problems.push(Problem::MissingPublisher);
            }
            citation
        })
        .collect();
    let document = Document::new(format!("{a}–{b} relations"), Format::Text, text);
    let analysis = Analysis {
        dyad: Some(pair),
        sentences,
        facts: extracted,
        citations: references,
    };
    (document, analysis)
}
