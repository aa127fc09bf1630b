//! How fast a warm store answers `dossier` and `timeline` for one pair, when it holds
//! 100,000 facts over 200 pairs (500 each, from one document per pair).
//!
//! Run with `cargo bench -p bilateral-store --bench queries`.

use std::path::PathBuf;
use std::sync::OnceLock;

use bilateral_model::{
    AgreementKind, Analysis, Citation, CitationKind, CountryCode, Document, Dyad, Evidence,
    ExtractedFact, Fact, Format, Office, PartialDate, Sentence, SourceMap, Span, VisitLevel,
};
use bilateral_store::{IngestRecord, Store, TimelineQuery};

const PAIRS: usize = 200;
const FACTS_PER_PAIR: usize = 500;
const CITATIONS_PER_PAIR: u32 = 40;

static DATABASE: OnceLock<PathBuf> = OnceLock::new();

fn main() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bench.db");
    fill(&path);
    DATABASE.set(path).unwrap();
    divan::main();
}

/// A country code from a number: `QAA`, `QAB`, ….
fn country(i: usize) -> CountryCode {
    let letter = |n: usize| char::from(b'A' + u8::try_from(n % 26).unwrap());
    CountryCode::new(&format!("Q{}{}", letter(i / 26), letter(i)).to_string()).unwrap()
}

/// The i-th of 200 distinct pairs over 21 countries.
fn pair(i: usize) -> Dyad {
    let mut n = i;
    for a in 0..21 {
        for b in a + 1..21 {
            if n == 0 {
                return Dyad::new(country(a), country(b)).unwrap();
            }
            n -= 1;
        }
    }
    unreachable!("only 210 pairs")
}

fn fact(pair: Dyad, i: usize) -> Fact {
    let [a, b] = pair.codes();
    let year = 1950 + i32::try_from(i % 70).unwrap();
    let day =
        PartialDate::day(year, u8::try_from(1 + i % 12).unwrap(), 1 + (i % 28) as u8).unwrap();
    match i % 4 {
        0 => Fact::Visit {
            visitor_country: a,
            host: b,
            visitor: Some(format!("Person {}", i % 37)),
            office: Office::HeadOfGovernment,
            level: VisitLevel::Official,
            start: Some(day),
            end: None,
        },
        1 => Fact::AgreementSigned {
            parties: [a, b],
            kind: AgreementKind::Agreement,
            title: None,
            topic: Some("trade".into()),
            date: Some(day),
        },
        2 => Fact::Meeting {
            participants: vec![format!("Person {}", i % 37), format!("Person {}", i % 41)],
            date: Some(PartialDate::Year(year)),
            place: Some("Geneva".into()),
        },
        _ => Fact::Trade {
            year,
            value: 1.0e6 * i as f64,
            currency: "USD".into(),
            direction: bilateral_model::Direction::Total,
            from: None,
            to: None,
        },
    }
}

fn article(pair: Dyad) -> (Document, Analysis) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut facts = Vec::new();
    for i in 0..FACTS_PER_PAIR {
        let start = text.len();
        text.push_str(&format!("Sentence {i} says something about {pair}.\n"));
        let span = Span::new(start, text.len() - 1);
        let references = vec![1 + u32::try_from(i).unwrap() % CITATIONS_PER_PAIR];
        sentences.push(Sentence {
            span,
            block: i,
            references: references.clone(),
        });
        facts.push(ExtractedFact {
            fact: fact(pair, i),
            evidence: Evidence {
                sentence: span,
                source: span,
                text: text[span.start..span.end].to_owned(),
                references,
            },
            confidence: 0.8,
        });
    }
    let citations = (1..=CITATIONS_PER_PAIR)
        .map(|n| {
            let mut citation = Citation::new(n, CitationKind::News);
            citation.title = Some(format!("Report {n}"));
            citation
        })
        .collect();
    let document = Document {
        title: format!("{pair} relations"),
        format: Format::Text,
        text,
        source_map: SourceMap::default(),
        sections: Vec::new(),
        blocks: Vec::new(),
        markers: Vec::new(),
        references: Vec::new(),
        infobox_countries: Vec::new(),
        publisher: None,
        structure: Default::default(),
        diagnostics: Vec::new(),
    };
    let analysis = Analysis {
        dyad: Some(pair),
        sentences,
        facts,
        citations,
    };
    (document, analysis)
}

fn fill(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    for i in 0..PAIRS {
        let pair = pair(i);
        let (document, analysis) = article(pair);
        let source = format!("articles/{i}.txt");
        let record = IngestRecord {
            source: &source,
            format: Format::Text,
            title: &document.title,
            content_hash: "0",
        };
        store.ingest(&record, &document, &analysis).unwrap();
    }
}

/// A warm store: opened, and asked once before timing.
fn warm_store() -> Store {
    let store = Store::open(DATABASE.get().unwrap()).unwrap();
    assert_eq!(store.dossier(pair(77)).unwrap().facts.len(), FACTS_PER_PAIR);
    store
}

#[divan::bench]
fn dossier(bencher: divan::Bencher) {
    let store = warm_store();
    bencher.bench_local(|| store.dossier(divan::black_box(pair(77))).unwrap());
}

#[divan::bench]
fn timeline(bencher: divan::Bencher) {
    let store = warm_store();
    let [country, other] = pair(77).codes();
    let query = TimelineQuery {
        country,
        other: Some(other),
        from: None,
        to: None,
        types: Vec::new(),
    };
    bencher.bench_local(|| store.timeline(divan::black_box(&query)).unwrap());
}

#[divan::bench]
fn timeline_of_one_country(bencher: divan::Bencher) {
    let store = warm_store();
    let query = TimelineQuery {
        country: country(3),
        other: None,
        from: Some(1990),
        to: Some(1999),
        types: vec!["visit".into()],
    };
    bencher.bench_local(|| store.timeline(divan::black_box(&query)).unwrap());
}
