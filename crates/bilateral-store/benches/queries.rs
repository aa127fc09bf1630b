//! How fast a warm store answers `dossier` and `timeline` for one pair, when it holds
//! 100,000 facts over 200 pairs (500 each, from one document per pair).
//!
//! Run with `cargo bench -p bilateral-store --bench queries`.

use std::path::PathBuf;
use std::sync::OnceLock;

use bilateral_model::{CountryCode, Dyad, Format};
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

fn fill(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    for i in 0..PAIRS {
        let pair = pair(i);
        let [a, b] = pair.codes();
        let (document, analysis) = bilateral_store::synthetic::article(
            pair,
            [a.as_str(), b.as_str()],
            FACTS_PER_PAIR,
            CITATIONS_PER_PAIR,
        );
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
