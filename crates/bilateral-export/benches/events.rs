//! How fast event rows are written: 100,000 synthetic facts to CSV and to JSON Lines, into
//! a sink (the store's reading cost is measured by `bilateral-store`'s benches and by
//! `bilateral export` itself).
//!
//! Run with `cargo bench -p bilateral-export --bench events`.

use bilateral_export::{EventsCsv, EventsJsonl};
use bilateral_model::{
    AgreementKind, CountryCode, Dyad, Fact, MissionKind, Office, PartialDate, VisitLevel,
};
use bilateral_store::StoredFact;
use divan::counter::ItemsCount;

const FACTS: usize = 100_000;

fn main() {
    divan::main();
}

fn code(text: &str) -> CountryCode {
    CountryCode::new(text).unwrap()
}

/// A mix of the fact types, in the proportions of a relations article.
fn facts() -> Vec<StoredFact> {
    let pairs = [
        ("JPN", "KAZ"),
        ("CHL", "NOR"),
        ("DEU", "FRA"),
        ("IND", "BRA"),
    ];
    (0..FACTS)
        .map(|i| {
            let (a, b) = pairs[i % pairs.len()];
            let (a, b) = (code(a), code(b));
            let year = 1950 + i32::try_from(i % 70).unwrap();
            let date = Some(
                PartialDate::day(year, u8::try_from(1 + i % 12).unwrap(), 1 + (i % 28) as u8)
                    .unwrap(),
            );
            let fact = match i % 4 {
                0 => Fact::Visit {
                    visitor_country: a,
                    host: b,
                    visitor: Some(format!("Person {}", i % 37)),
                    office: Office::HeadOfGovernment,
                    level: VisitLevel::Official,
                    start: date,
                    end: None,
                },
                1 => Fact::AgreementSigned {
                    parties: [a, b],
                    kind: AgreementKind::Memorandum,
                    title: Some("Memorandum on cooperation in education".into()),
                    topic: None,
                    date,
                },
                2 => Fact::MissionOpened {
                    sender: a,
                    host: b,
                    kind: MissionKind::Embassy,
                    city: Some("Capital".into()),
                    date,
                },
                _ => Fact::RelationsEstablished {
                    parties: [a, b],
                    date,
                },
            };
            StoredFact {
                id: i64::try_from(i).unwrap(),
                document_id: i64::try_from(i / 500).unwrap(),
                fact,
                pair: Some(Dyad::new(a, b).unwrap()),
                sentence: "In the year named, the two governments did what the fact says, \
                           as a sentence of about this length usually reports it."
                    .into(),
                references: vec![1, 2],
                source: "articles/some-pair-relations.txt".into(),
                title: "Some pair relations".into(),
                confidence: 0.9,
            }
        })
        .collect()
}

#[divan::bench(sample_count = 10)]
fn csv(bencher: divan::Bencher) {
    let facts = facts();
    bencher.counter(ItemsCount::new(FACTS)).bench(|| {
        let mut writer = EventsCsv::new(std::io::sink()).unwrap();
        for fact in &facts {
            writer.write(fact).unwrap();
        }
        writer.finish().unwrap();
    });
}

#[divan::bench(sample_count = 10)]
fn jsonl(bencher: divan::Bencher) {
    let facts = facts();
    bencher.counter(ItemsCount::new(FACTS)).bench(|| {
        let mut writer = EventsJsonl::new(std::io::sink());
        for fact in &facts {
            writer.write(fact).unwrap();
        }
        writer.finish().unwrap();
    });
}
