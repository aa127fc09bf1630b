//! Round trips through the store on documents and analyses built by hand.

use bilateral_model::{
    Analysis, Citation, CitationKind, CountryCode, Document, Dyad, Evidence, ExtractedFact, Fact,
    Format, MissionKind, Office, PartialDate, Problem, Sentence, Span, VisitLevel,
};

use crate::query::Passage;
use crate::{
    CitationQuery, FactQuery, IngestOutcome, IngestRecord, Store, StoreError, TimelineQuery,
};

fn code(text: &str) -> CountryCode {
    CountryCode::new(text).unwrap()
}

fn date(text: &str) -> Option<PartialDate> {
    Some(text.parse().unwrap())
}

fn pair() -> Dyad {
    Dyad::new(code("NOR"), code("CHL")).unwrap()
}

/// A document of `sentences`, one per line, and an analysis with one fact per sentence.
fn article(sentences: &[(&str, Fact, Vec<u32>)]) -> (Document, Analysis) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (sentence, _, _) in sentences {
        let start = text.len();
        text.push_str(sentence);
        spans.push(Span::new(start, text.len()));
        text.push('\n');
    }
    let document = Document::new("Chile–Norway relations", Format::Text, text);
    let facts = sentences
        .iter()
        .zip(&spans)
        .map(|((sentence, fact, references), span)| ExtractedFact {
            fact: fact.clone(),
            evidence: Evidence {
                sentence: *span,
                source: *span,
                text: (*sentence).to_owned(),
                references: references.clone(),
            },
            confidence: 0.9,
        })
        .collect();
    let analysis = Analysis {
        dyad: Some(pair()),
        sentences: spans
            .iter()
            .zip(sentences)
            .map(|(span, (_, _, references))| Sentence {
                span: *span,
                block: 0,
                references: references.clone(),
            })
            .collect(),
        facts,
        citations: vec![web_citation(1, "Opening of the embassy"), {
            let mut citation = web_citation(2, "State visit");
            citation.problems = vec![Problem::MissingDate, Problem::UrlStatus];
            citation
        }],
    };
    (document, analysis)
}

fn web_citation(n: u32, title: &str) -> Citation {
    let mut citation = Citation::new(n, CitationKind::Web);
    citation.title = Some(title.into());
    citation.url = Some(format!("https://example.org/{n}"));
    citation.date = date("2010-05");
    citation
}

fn relations() -> (&'static str, Fact, Vec<u32>) {
    (
        "The two kingdoms exchanged envoys in 1955.",
        Fact::RelationsEstablished {
            parties: [code("CHL"), code("NOR")],
            date: date("1955"),
        },
        vec![1],
    )
}

fn visit() -> (&'static str, Fact, Vec<u32>) {
    (
        "President Ana Ruiz paid a state visit to Oslo in March 2006.",
        Fact::Visit {
            visitor_country: code("CHL"),
            host: code("NOR"),
            visitor: Some("Ana Ruiz".into()),
            office: Office::HeadOfState,
            level: VisitLevel::State,
            start: date("2006-03"),
            end: None,
        },
        vec![2, 1],
    )
}

fn embassy() -> (&'static str, Fact, Vec<u32>) {
    (
        "Norway keeps an embassy in Santiago.",
        Fact::MissionOpened {
            sender: code("NOR"),
            host: code("CHL"),
            kind: MissionKind::Embassy,
            city: Some("Santiago".into()),
            date: None,
        },
        Vec::new(),
    )
}

fn record<'a>(source: &'a str, hash: &'a str) -> IngestRecord<'a> {
    IngestRecord {
        source,
        format: Format::Text,
        title: "Chile–Norway relations",
        content_hash: hash,
    }
}

/// Every row of every table, as text, sorted: two equal dumps mean no row changed.
fn dump(store: &Store) -> Vec<String> {
    let mut statement = store
        .conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut lines = Vec::new();
    for table in tables {
        let mut statement = store
            .conn
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap();
        let width = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            lines.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    lines.sort();
    lines
}

#[test]
fn a_dossier_returns_what_was_ingested_with_its_evidence() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[embassy(), visit(), relations()]);
    let outcome = store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    assert_eq!(outcome, IngestOutcome::Inserted);

    let dossier = store.dossier(pair()).unwrap();
    assert_eq!(dossier.documents.len(), 1);
    assert_eq!(dossier.documents[0].facts, 3);
    let types: Vec<&str> = dossier.facts.iter().map(|f| f.fact.type_name()).collect();
    // Dated facts in date order, undated last.
    assert_eq!(types, ["relations_established", "visit", "mission_opened"]);
    let visit = &dossier.facts[1];
    assert_eq!(visit.fact, self::visit().1);
    assert_eq!(visit.references, [2, 1]);
    assert_eq!(visit.sentence, self::visit().0);
    assert_eq!(visit.source, "a.txt");
    assert_eq!(visit.pair, Some(pair()));
    assert!((visit.confidence - 0.9).abs() < 1e-6);
    let numbers: Vec<u32> = dossier.citations.iter().map(|c| c.citation.n).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(dossier.citations[1].citation, analysis.citations[1]);
    assert!(store.verify().unwrap().is_empty());
}

#[test]
fn timelines_and_fact_queries_filter() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[embassy(), visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let timeline = |other: Option<&str>, from, types: &[&str]| {
        store
            .timeline(&TimelineQuery {
                country: code("NOR"),
                other: other.map(code),
                from,
                to: None,
                types: types.iter().map(|t| t.to_string()).collect(),
            })
            .unwrap()
            .into_iter()
            .map(|f| f.fact.type_name())
            .collect::<Vec<_>>()
    };
    // The undated embassy has no place on a timeline.
    assert_eq!(
        timeline(None, None, &[]),
        ["relations_established", "visit"]
    );
    assert_eq!(timeline(Some("CHL"), Some(2000), &[]), ["visit"]);
    assert_eq!(timeline(Some("JPN"), None, &[]), Vec::<&str>::new());
    assert_eq!(timeline(None, None, &["relations_established"]).len(), 1);

    let facts = |query: FactQuery| store.facts(&query).unwrap().len();
    assert_eq!(facts(FactQuery::default()), 3);
    let by_person = FactQuery {
        person: Some("ruiz".into()),
        ..FactQuery::default()
    };
    assert_eq!(facts(by_person), 1);
    let by_place = FactQuery {
        place: Some("santiago".into()),
        types: vec!["mission_opened".into()],
        ..FactQuery::default()
    };
    assert_eq!(facts(by_place), 1);
    let by_year = FactQuery {
        country: Some(code("CHL")),
        from: Some(1950),
        to: Some(1960),
        ..FactQuery::default()
    };
    assert_eq!(facts(by_year), 1);
    let limited = FactQuery {
        limit: Some(2),
        ..FactQuery::default()
    };
    assert_eq!(facts(limited), 2);
}

#[test]
fn fact_pages_follow_a_cursor_to_the_end() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[embassy(), visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let all: Vec<i64> = store
        .facts(&FactQuery::default())
        .unwrap()
        .iter()
        .map(|f| f.id)
        .collect();
    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .facts(&FactQuery {
                after,
                limit: Some(2),
                ..FactQuery::default()
            })
            .unwrap();
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        paged.extend(page.iter().map(|f| f.id));
    }
    // The undated embassy comes last, after the cursor passes the dated ones.
    assert_eq!(paged, all);
    let unknown = FactQuery {
        after: Some(9_999),
        ..FactQuery::default()
    };
    assert!(store.facts(&unknown).unwrap().is_empty());
}

#[test]
fn facts_documents_and_their_citations_are_found_by_id() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[visit()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let stored = store.facts(&FactQuery::default()).unwrap().remove(0);
    assert_eq!(store.fact(stored.id).unwrap(), Some(stored.clone()));
    assert_eq!(store.fact(stored.id + 100).unwrap(), None);
    let info = store.document(stored.document_id).unwrap().unwrap();
    assert_eq!(info.source, "a.txt");
    assert_eq!(store.document(stored.document_id + 100).unwrap(), None);
    assert_eq!(store.citations(info.id).unwrap(), analysis.citations);
    assert_eq!(store.pairs().unwrap(), store.stats().unwrap().dyads);
}

#[test]
fn a_documents_sentences_come_in_order_with_their_facts() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[embassy(), visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let facts = store.document_facts(1).unwrap();
    assert_eq!(facts.len(), 3);
    let sentences = store.sentences(1).unwrap();
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, [embassy().0, visit().0, relations().0]);
    for sentence in &sentences {
        let [id] = sentence.facts[..] else {
            panic!("{sentence:?}")
        };
        let fact = facts.iter().find(|f| f.id == id).unwrap();
        assert_eq!(fact.sentence, sentence.text);
    }
    assert!(store.sentences(2).unwrap().is_empty());
    assert!(store.document_facts(2).unwrap().is_empty());
}

#[test]
fn the_generation_changes_with_every_write_and_only_then() {
    let mut store = Store::open_in_memory().unwrap();
    let empty = store.generation().unwrap();
    let (document, analysis) = article(&[visit()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let first = store.generation().unwrap();
    assert_ne!(first, empty);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    assert_eq!(
        store.generation().unwrap(),
        first,
        "unchanged content writes nothing"
    );
    store
        .ingest(&record("a.txt", "h2"), &document, &analysis)
        .unwrap();
    assert_ne!(store.generation().unwrap(), first);
}

#[test]
fn the_same_content_twice_changes_no_row() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("store.db");
    let (document, analysis) = article(&[visit(), relations()]);
    let mut store = Store::open(&path).unwrap();
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let before = dump(&store);
    let stats = store.stats().unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let outcome = store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    assert_eq!(outcome, IngestOutcome::Unchanged);
    assert_eq!(dump(&store), before);
    assert_eq!(store.stats().unwrap(), stats);
}

#[test]
fn a_new_revision_replaces_the_facts_and_keeps_the_old_record() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let (document, analysis) = article(&[embassy()]);
    let outcome = store
        .ingest(&record("a.txt", "h2"), &document, &analysis)
        .unwrap();
    assert_eq!(outcome, IngestOutcome::Replaced { old_revision: 1 });

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.revisions), (1, 2));
    assert_eq!(stats.facts_by_type, [("mission_opened".to_string(), 1)]);
    assert_eq!(stats.sentences, 1);
    let documents = store.documents().unwrap();
    assert_eq!(documents[0].revision, 2);
    assert_eq!(documents[0].content_hash, "h2");
    assert!(store.verify().unwrap().is_empty());
}

#[test]
fn a_failure_mid_document_leaves_no_trace_of_it() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, mut analysis) = article(&[visit(), relations()]);
    // The last fact breaks a constraint after everything else was written.
    if let Some(last) = analysis.facts.last_mut() {
        last.confidence = 1.5;
    }
    let empty = dump(&store);
    let error = store.ingest(&record("a.txt", "h1"), &document, &analysis);
    assert!(matches!(error, Err(StoreError::Sqlite(_))), "{error:?}");
    assert_eq!(dump(&store), empty);

    // A failed new revision leaves the old one whole.
    let (good_document, good_analysis) = article(&[embassy()]);
    store
        .ingest(&record("a.txt", "h0"), &good_document, &good_analysis)
        .unwrap();
    let stored = dump(&store);
    assert!(
        store
            .ingest(&record("a.txt", "h1"), &document, &analysis)
            .is_err()
    );
    assert_eq!(dump(&store), stored);
}

#[test]
fn stats_count_problems_and_pairs() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    store
        .ingest(&record("b.txt", "h2"), &document, &analysis)
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 2);
    assert_eq!(stats.facts, 4);
    assert_eq!(stats.citations, 4);
    assert_eq!(
        stats.problems,
        [(Problem::MissingDate, 2), (Problem::UrlStatus, 2)]
    );
    assert_eq!(stats.dyads.len(), 1);
    assert_eq!((stats.dyads[0].facts, stats.dyads[0].documents), (4, 2));
}

#[test]
fn a_fact_about_another_pair_brings_only_its_references() {
    let mut store = Store::open_in_memory().unwrap();
    let third = (
        "Chile and Japan signed a trade agreement in 2007.",
        Fact::AgreementSigned {
            parties: [code("CHL"), code("JPN")],
            kind: bilateral_model::AgreementKind::Agreement,
            title: None,
            topic: Some("trade".into()),
            date: date("2007"),
        },
        vec![2],
    );
    let (document, analysis) = article(&[visit(), third]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let dossier = store
        .dossier(Dyad::new(code("JPN"), code("CHL")).unwrap())
        .unwrap();
    assert_eq!(dossier.facts.len(), 1);
    assert_eq!(dossier.documents.len(), 1);
    let numbers: Vec<u32> = dossier.citations.iter().map(|c| c.citation.n).collect();
    assert_eq!(numbers, [2]);
}

#[test]
fn verify_reports_rows_that_do_not_match_their_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    store
        .conn
        .execute("DELETE FROM citations WHERE n = 2", [])
        .unwrap();
    assert_eq!(
        store.verify().unwrap(),
        ["a.txt: 2 citations recorded, 1 stored"]
    );
}

#[test]
fn the_same_content_and_title_from_another_path_is_one_document() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[visit(), relations()]);
    store
        .ingest(&record("a/x.txt", "h1"), &document, &analysis)
        .unwrap();
    let before = dump(&store);
    let outcome = store
        .ingest(&record("b/x.txt", "h1"), &document, &analysis)
        .unwrap();
    assert_eq!(outcome, IngestOutcome::Duplicate);
    assert_eq!(dump(&store), before);

    // Other bytes, or the same bytes under another title, are another document.
    let other_title = IngestRecord {
        title: "Chile–Peru relations",
        ..record("c/x.txt", "h1")
    };
    for record in [record("b/x.txt", "h2"), other_title] {
        let outcome = store.ingest(&record, &document, &analysis).unwrap();
        assert_eq!(outcome, IngestOutcome::Inserted);
    }
    assert_eq!(store.stats().unwrap().documents, 3);
}

#[test]
fn a_read_only_store_answers_queries_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("store.db");
    let (document, analysis) = article(&[visit(), relations()]);
    let mut store = Store::open(&path).unwrap();
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    drop(store);

    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
    let refused = store.ingest(&record("b.txt", "h2"), &document, &analysis);
    assert!(
        matches!(&refused, Err(StoreError::Sqlite(error))
            if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)),
        "{refused:?}"
    );
    assert!(matches!(
        Store::open_read_only(&folder.path().join("missing.db")),
        Err(StoreError::Sqlite(_))
    ));
}

#[test]
fn a_document_with_too_many_facts_is_refused_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, mut analysis) = article(&[visit()]);
    let fact = analysis.facts[0].clone();
    analysis.facts = vec![fact; crate::MAX_FACTS_PER_DOCUMENT + 1];
    let empty = dump(&store);
    let error = store.ingest(&record("a.txt", "h1"), &document, &analysis);
    assert!(
        matches!(
            error,
            Err(StoreError::TooManyFacts {
                facts: 10_001,
                limit: 10_000
            })
        ),
        "{error:?}"
    );
    assert_eq!(dump(&store), empty);
}

#[test]
fn streaming_hands_over_the_facts_and_references_a_search_selects() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[embassy(), visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();

    let everything = FactQuery::default();
    let mut streamed = Vec::new();
    store
        .for_each_fact(&everything, |fact| {
            streamed.push(fact);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    // In the order stored, where `facts` sorts by date.
    let mut listed = store.facts(&everything).unwrap();
    listed.sort_by_key(|fact| fact.id);
    assert_eq!(streamed, listed);
    let ids: Vec<i64> = streamed.iter().map(|fact| fact.id).collect();
    assert!(ids.is_sorted());
    assert_eq!(store.count_facts(&everything).unwrap(), 3);
    let limited = FactQuery {
        limit: Some(2),
        ..FactQuery::default()
    };
    assert_eq!(store.count_facts(&limited).unwrap(), 2);

    let numbers = |query: &FactQuery| {
        let mut numbers = Vec::new();
        store
            .for_each_citation(query, |stored| {
                numbers.push(stored.citation.n);
                Ok::<(), StoreError>(())
            })
            .unwrap();
        numbers
    };
    assert_eq!(numbers(&everything), [1, 2]);
    // The relations fact cites only [1]; the embassy cites nothing.
    let relations_only = FactQuery {
        types: vec!["relations_established".into()],
        ..FactQuery::default()
    };
    assert_eq!(numbers(&relations_only), [1]);
    let missions_only = FactQuery {
        types: vec!["mission_opened".into()],
        ..FactQuery::default()
    };
    assert!(numbers(&missions_only).is_empty());

    let cited = store
        .citations_of(streamed[0].document_id, &[2, 9, 1])
        .unwrap();
    let cited: Vec<u32> = cited.iter().map(|c| c.n).collect();
    assert_eq!(cited, [2, 1]);
}

#[test]
fn a_failing_callback_stops_the_stream_with_its_error() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[embassy(), visit(), relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let mut seen = 0;
    let result = store.for_each_fact(&FactQuery::default(), |_| {
        seen += 1;
        Err(StoreError::OutOfRange("stop"))
    });
    assert!(matches!(result, Err(StoreError::OutOfRange("stop"))));
    assert_eq!(seen, 1);
}

#[test]
fn references_across_documents_by_pair_problem_and_cursor() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[relations(), visit()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    // A document about another pair, without facts: its references are not Chile–Norway's.
    let (mut other, mut other_analysis) = article(&[]);
    other.title = "Japan–Mongolia relations".into();
    other_analysis.dyad = Some(Dyad::new(code("JPN"), code("MNG")).unwrap());
    store
        .ingest(&record("b.txt", "h2"), &other, &other_analysis)
        .unwrap();
    let found = |query: CitationQuery| -> Vec<(i64, u32)> {
        store
            .citations_across(&query)
            .unwrap()
            .iter()
            .map(|stored| (stored.document_id, stored.citation.n))
            .collect()
    };
    assert_eq!(
        found(CitationQuery::default()),
        [(1, 1), (1, 2), (2, 1), (2, 2)]
    );
    let chile_norway = CitationQuery {
        pair: Some(pair()),
        ..CitationQuery::default()
    };
    assert_eq!(found(chile_norway.clone()), [(1, 1), (1, 2)]);
    let japan_kazakhstan = Dyad::new(code("JPN"), code("KAZ")).unwrap();
    assert!(
        found(CitationQuery {
            pair: Some(japan_kazakhstan),
            ..CitationQuery::default()
        })
        .is_empty()
    );
    let url_status = CitationQuery {
        problems: vec![Problem::InvalidIsbn, Problem::UrlStatus],
        ..chile_norway.clone()
    };
    assert_eq!(found(url_status), [(1, 2)]);
    let first_page = CitationQuery {
        limit: Some(3),
        ..CitationQuery::default()
    };
    assert_eq!(found(first_page), [(1, 1), (1, 2), (2, 1)]);
    let next_page = CitationQuery {
        after: Some((2, 1)),
        limit: Some(3),
        ..CitationQuery::default()
    };
    assert_eq!(found(next_page), [(2, 2)]);
}

#[test]
fn titles_aliases_and_agreements_are_found_in_any_case() {
    let mut store = Store::open_in_memory().unwrap();
    let treaty = (
        "The two states signed the Treaty of Friendship and Navigation in 1899.",
        Fact::AgreementSigned {
            parties: [code("CHL"), code("NOR")],
            kind: bilateral_model::AgreementKind::Treaty,
            title: Some("Treaty of Friendship and Navigation".into()),
            topic: None,
            date: date("1899"),
        },
        vec![1],
    );
    let (document, analysis) = article(&[treaty, relations()]);
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    store
        .add_alias("Norway–Chile relations", "Chile–Norway relations")
        .unwrap();
    store
        .add_alias(
            "Kingdom of Norway–Chile relations",
            "Chile–Norway relations",
        )
        .unwrap();
    // An alias of an article not stored (yet) finds nothing.
    store
        .add_alias("Norway–Peru relations", "Norway–Peru relations")
        .unwrap();
    let titles = |text: &str| -> Vec<String> {
        store
            .titles_matching(text, 10)
            .unwrap()
            .into_iter()
            .inspect(|found| assert_eq!(found.pair, pair()))
            .map(|found| found.title)
            .collect()
    };
    assert_eq!(
        titles("NORWAY"),
        [
            "Chile–Norway relations",
            "Kingdom of Norway–Chile relations",
            "Norway–Chile relations"
        ]
    );
    assert_eq!(titles("kingdom of"), ["Kingdom of Norway–Chile relations"]);
    assert!(titles("Peru").is_empty());
    assert_eq!(store.titles_matching("relations", 1).unwrap().len(), 1);
    let agreements = |text: &str| {
        store
            .facts(&FactQuery {
                agreement: Some(text.into()),
                ..FactQuery::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!(agreements("friendship AND navigation"), 1);
    assert_eq!(agreements("envoys"), 0);
}

#[test]
fn a_fact_is_shown_in_its_paragraph_from_the_stored_text() {
    let mut store = Store::open_in_memory().unwrap();
    let (mut document, mut analysis) = article(&[relations(), visit()]);
    // Two paragraphs: the relations sentence alone, then the visit's with text around it.
    let visit_text = visit().0;
    document.text = format!(
        "{}\n\nIn spring, {visit_text} It went well.\n\nLater.",
        relations().0
    );
    let start = document.text.find(visit_text).unwrap();
    let span = Span::new(start, start + visit_text.len());
    analysis.facts[1].evidence.sentence = span;
    analysis.sentences[1].span = span;
    store
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let ids: Vec<i64> = store
        .document_facts(1)
        .unwrap()
        .iter()
        .map(|f| f.id)
        .collect();
    let passage = store.fact_passage(ids[1]).unwrap().unwrap();
    assert_eq!(
        (passage.before.as_str(), passage.sentence.as_str()),
        ("In spring, ", visit_text)
    );
    assert_eq!(passage.after, " It went well.");
    assert!(!passage.cut_before && !passage.cut_after);
    let first = store.fact_passage(ids[0]).unwrap().unwrap();
    assert_eq!((first.before.as_str(), first.after.as_str()), ("", ""));
    assert!(store.fact_passage(999).unwrap().is_none());
}

#[test]
fn a_passage_cut_by_its_window_starts_and_ends_on_whole_characters() {
    // "é" is two bytes; the window begins inside one and ends inside another.
    let text = "ééé words. The sentence. more éé";
    let bytes = text.as_bytes();
    let window = &bytes[1..bytes.len() - 1];
    let start = text.find("The").unwrap() - 1;
    let end = start + "The sentence.".len();
    let passage = Passage::in_window(window, start..end, false, false).unwrap();
    assert_eq!(passage.before, "éé words. ");
    assert_eq!(passage.sentence, "The sentence.");
    assert_eq!(passage.after, " more é");
    assert!(passage.cut_before && passage.cut_after);
    // Offsets inside a character, or past the window, give no passage.
    assert!(Passage::in_window(window, 0..3, false, false).is_none());
    assert!(Passage::in_window(window, 5..500, false, false).is_none());
}

#[test]
fn a_batch_stores_all_its_documents_or_none() {
    let mut store = Store::open_in_memory().unwrap();
    let (document, analysis) = article(&[relations(), visit()]);
    let failed = store.ingest_batch(|batch| {
        batch.ingest(&record("a.txt", "h1"), &document, &analysis)?;
        Err(StoreError::OutOfRange("stop"))
    });
    assert!(matches!(failed, Err(StoreError::OutOfRange("stop"))));
    assert!(store.documents().unwrap().is_empty());
    store
        .ingest_batch(|batch| {
            batch.ingest(&record("a.txt", "h1"), &document, &analysis)?;
            let mut other = document.clone();
            other.title = "Chile–Norway relations, again".into();
            batch.ingest(&record("b.txt", "h2"), &other, &analysis)?;
            Ok(())
        })
        .unwrap();
    assert_eq!(store.documents().unwrap().len(), 2);
    assert_eq!(store.stats().unwrap().facts, 4);
    assert!(store.verify().unwrap().is_empty());
}

#[test]
fn a_snapshot_sees_no_document_stored_after_it_began() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("store.db");
    let mut writer = Store::open(&path).unwrap();
    let (document, analysis) = article(&[relations(), visit()]);
    writer
        .ingest(&record("a.txt", "h1"), &document, &analysis)
        .unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    let (before, after) = reader
        .snapshot(|store| {
            let before = store.stats()?;
            let mut other = document.clone();
            other.title = "Chile–Norway relations, again".into();
            writer
                .ingest(&record("b.txt", "h2"), &other, &analysis)
                .unwrap();
            Ok::<_, StoreError>((before, store.stats()?))
        })
        .unwrap();
    assert_eq!(before, after);
    assert_eq!(after.documents, 1);
    assert_eq!(reader.stats().unwrap().documents, 2);
}
