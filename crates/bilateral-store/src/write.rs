//! Writing one analysed document: a new source, a new revision of a known one, or nothing
//! when its bytes have not changed. Each call is one transaction; a batch writes many
//! documents in one; and other names of articles (a dump's redirects).

use std::collections::HashMap;

use bilateral_model::{Analysis, Citation, Document, Dyad, ExtractedFact, Fact, Span};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;

use crate::{MAX_FACTS_PER_DOCUMENT, Store, StoreError};

/// Where a document came from, as the ingest recorded it.
#[derive(Clone, Copy, Debug)]
pub struct IngestRecord<'a> {
    /// The path or URL it was read from: a document's identity across revisions.
    pub source: &'a str,
    pub format: bilateral_model::Format,
    pub title: &'a str,
    /// A digest of the source bytes; the same digest for the same source means no change.
    pub content_hash: &'a str,
}

/// What an ingest did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IngestOutcome {
    /// The source was stored with these bytes already; nothing was written.
    Unchanged,
    /// The same content and title are stored already under another source (the same file
    /// reached by another path, a copy): a document's identity is its content and title, so
    /// nothing was written.
    Duplicate,
    /// A source not seen before.
    Inserted,
    /// New bytes for a known source replaced its revision `old_revision`.
    Replaced { old_revision: u32 },
}

/// Rows written for one revision.
struct Written {
    sentences: i64,
    facts: i64,
    citations: i64,
}

impl Store {
    /// Stores a document's analysis in one transaction: all of it, or (on error) nothing.
    pub fn ingest(
        &mut self,
        record: &IngestRecord<'_>,
        document: &Document,
        analysis: &Analysis,
    ) -> Result<IngestOutcome, StoreError> {
        self.in_transaction(|tx| write_document(tx, record, document, analysis))
    }

    /// Stores the documents `fill` hands to its batch in one transaction: all of them, or
    /// (on an error of any) none. For bulk loads such as a benchmark's store, where one
    /// commit instead of one a document saves most of the time.
    pub fn ingest_batch(
        &mut self,
        fill: impl FnOnce(&mut Batch<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| fill(&mut Batch { tx }))
    }

    /// Runs `write` in one immediate transaction, committed only when it succeeds.
    fn in_transaction<T>(
        &mut self,
        write: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let written = write(&tx)?;
        tx.commit()?;
        Ok(written)
    }
}

/// Documents being stored in one transaction: `Store::ingest_batch`.
pub struct Batch<'tx> {
    tx: &'tx Transaction<'tx>,
}

impl Batch<'_> {
    /// Stores a document's analysis as part of the batch.
    pub fn ingest(
        &mut self,
        record: &IngestRecord<'_>,
        document: &Document,
        analysis: &Analysis,
    ) -> Result<IngestOutcome, StoreError> {
        write_document(self.tx, record, document, analysis)
    }
}

/// Writes a document within `tx`: a new source, a new revision of a known one, or nothing.
fn write_document(
    tx: &Transaction<'_>,
    record: &IngestRecord<'_>,
    document: &Document,
    analysis: &Analysis,
) -> Result<IngestOutcome, StoreError> {
    if analysis.facts.len() > MAX_FACTS_PER_DOCUMENT {
        return Err(StoreError::TooManyFacts {
            facts: analysis.facts.len(),
            limit: MAX_FACTS_PER_DOCUMENT,
        });
    }
    let existing: Option<(i64, String, u32)> = tx
        .query_row(
            "SELECT id, content_hash, revision FROM documents WHERE source = ?1",
            [record.source],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let dyad = analysis
        .dyad
        .map(|dyad| dyad.codes().map(|c| c.to_string()));
    let [dyad_a, dyad_b] = match &dyad {
        Some([a, b]) => [Some(a.as_str()), Some(b.as_str())],
        None => [None, None],
    };
    if matches!(&existing, Some((_, hash, _)) if hash == record.content_hash) {
        return Ok(IngestOutcome::Unchanged);
    }
    let duplicate = tx
        .query_row(
            "SELECT 1 FROM documents WHERE content_hash = ?1 AND title = ?2",
            [record.content_hash, record.title],
            |_| Ok(()),
        )
        .optional()?;
    if duplicate.is_some() {
        return Ok(IngestOutcome::Duplicate);
    }
    let (document_id, outcome) = match existing {
        Some((id, _, old_revision)) => {
            for table in ["facts", "sentences", "citations"] {
                tx.execute(&format!("DELETE FROM {table} WHERE document_id = ?1"), [id])?;
            }
            tx.execute(
                "UPDATE documents SET format = ?2, title = ?3, dyad_a = ?4, dyad_b = ?5,
                         content_hash = ?6, revision = ?7,
                         ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), text = ?8
                     WHERE id = ?1",
                params![
                    id,
                    record.format.as_str(),
                    record.title,
                    dyad_a,
                    dyad_b,
                    record.content_hash,
                    old_revision + 1,
                    document.text
                ],
            )?;
            (id, IngestOutcome::Replaced { old_revision })
        }
        None => {
            tx.execute(
                "INSERT INTO documents
                         (source, format, title, dyad_a, dyad_b, content_hash, revision,
                          ingested_at, text)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                             ?7)",
                params![
                    record.source,
                    record.format.as_str(),
                    record.title,
                    dyad_a,
                    dyad_b,
                    record.content_hash,
                    document.text
                ],
            )?;
            (tx.last_insert_rowid(), IngestOutcome::Inserted)
        }
    };
    let written = write_analysis(tx, document_id, document, analysis)?;
    tx.execute(
            "INSERT INTO revisions
                 (document_id, revision, content_hash, title, ingested_at, sentences, facts, citations)
             SELECT id, revision, content_hash, title, ingested_at, ?2, ?3, ?4
             FROM documents WHERE id = ?1",
            params![
                document_id,
                written.sentences,
                written.facts,
                written.citations
            ],
        )?;
    Ok(outcome)
}

impl Store {
    /// Records `alias` as another name of the article titled `title` (a dump's redirect);
    /// a later redirect of the same name replaces it.
    pub fn add_alias(&mut self, alias: &str, title: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO aliases (alias, folded, title) VALUES (?1, ?2, ?3)
                 ON CONFLICT (alias) DO UPDATE SET title = excluded.title",
            )?
            .execute(params![alias, alias.to_lowercase(), title])?;
        Ok(())
    }
}

fn write_analysis(
    tx: &Transaction<'_>,
    document_id: i64,
    document: &Document,
    analysis: &Analysis,
) -> Result<Written, StoreError> {
    let mut sentences = SentenceWriter::new(tx, document_id)?;
    for sentence in &analysis.sentences {
        sentences.insert(
            sentence.span,
            document.source_map.span_to_source(sentence.span),
            document.slice(sentence.span),
        )?;
    }
    for citation in &analysis.citations {
        insert_citation(tx, document_id, citation)?;
    }
    for extracted in &analysis.facts {
        let evidence = &extracted.evidence;
        // Evidence cut differently from the segmenter's sentences still gets its own row,
        // so that every fact has the sentence it came from.
        let sentence_id = sentences.insert(evidence.sentence, evidence.source, &evidence.text)?;
        insert_fact(tx, document_id, sentence_id, analysis.dyad, extracted)?;
    }
    Ok(Written {
        sentences: sentences.count(),
        facts: count(&analysis.facts)?,
        citations: count(&analysis.citations)?,
    })
}

fn count<T>(items: &[T]) -> Result<i64, StoreError> {
    i64::try_from(items.len()).map_err(|_| StoreError::OutOfRange("row count"))
}

fn offset(value: usize) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| StoreError::OutOfRange("byte offset"))
}

/// Inserts a document's sentences, numbering them and reusing the row of a span seen before.
struct SentenceWriter<'tx> {
    statement: rusqlite::CachedStatement<'tx>,
    document_id: i64,
    ids: HashMap<Span, i64>,
}

impl<'tx> SentenceWriter<'tx> {
    fn new(tx: &'tx Transaction<'_>, document_id: i64) -> Result<Self, StoreError> {
        let statement = tx.prepare_cached(
            "INSERT INTO sentences
                 (document_id, idx, clean_start, clean_end, source_start, source_end, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        Ok(SentenceWriter {
            statement,
            document_id,
            ids: HashMap::new(),
        })
    }

    fn count(&self) -> i64 {
        i64::try_from(self.ids.len()).unwrap_or(i64::MAX)
    }

    /// The row id of the sentence at `clean`, inserting it if it is new.
    fn insert(&mut self, clean: Span, source: Span, text: &str) -> Result<i64, StoreError> {
        if let Some(&id) = self.ids.get(&clean) {
            return Ok(id);
        }
        let idx = self.count();
        let id = self.statement.insert(params![
            self.document_id,
            idx,
            offset(clean.start)?,
            offset(clean.end)?,
            offset(source.start)?,
            offset(source.end)?,
            text
        ])?;
        self.ids.insert(clean, id);
        Ok(id)
    }
}

fn to_json<T: Serialize + ?Sized>(what: &'static str, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|source| StoreError::Encode { what, source })
}

/// The name an enum value serialises to (`head_of_state`), for a typed column.
fn variant_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Some(name),
        _ => None,
    }
}

fn insert_citation(
    tx: &Transaction<'_>,
    document_id: i64,
    citation: &Citation,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO citations (document_id, n, kind, title, language, year, isbn, isbn_valid,
                                url, retrieved, archived, problems, parsed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        document_id,
        citation.n,
        variant_name(&citation.kind),
        citation.title,
        citation.language,
        citation.year(),
        citation.isbn.as_ref().map(|isbn| &isbn.isbn13),
        citation.isbn.as_ref().map(|isbn| isbn.valid),
        citation.url,
        citation.retrieved.map(|date| date.to_string()),
        citation.archived.map(|date| date.to_string()),
        to_json("citation problems", &citation.problems)?,
        to_json("citation", citation)?,
    ])?;
    Ok(())
}

/// The typed columns of a fact, copied out of it for indexes and SQL users.
#[derive(Default)]
struct FactColumns {
    office: Option<String>,
    kind: Option<String>,
    count: Option<i64>,
    value: Option<f64>,
    currency: Option<String>,
    place: Option<String>,
}

impl FactColumns {
    fn of(fact: &Fact) -> Result<FactColumns, StoreError> {
        let columns = match fact {
            Fact::RelationsEstablished { .. }
            | Fact::RelationsSevered { .. }
            | Fact::RelationsRestored { .. } => FactColumns::default(),
            Fact::MissionOpened { kind, city, .. } | Fact::MissionClosed { kind, city, .. } => {
                FactColumns {
                    kind: variant_name(kind),
                    place: city.clone(),
                    ..FactColumns::default()
                }
            }
            Fact::Visit { office, level, .. } => FactColumns {
                office: variant_name(office),
                kind: variant_name(level),
                ..FactColumns::default()
            },
            Fact::VisitCount { office, count, .. } => FactColumns {
                office: variant_name(office),
                count: Some(i64::from(*count)),
                ..FactColumns::default()
            },
            Fact::Meeting { place, .. } => FactColumns {
                place: place.clone(),
                ..FactColumns::default()
            },
            Fact::AgreementSigned { kind, .. } => FactColumns {
                kind: variant_name(kind),
                ..FactColumns::default()
            },
            Fact::Population { count, place, .. } => FactColumns {
                count: Some(
                    i64::try_from(*count).map_err(|_| StoreError::OutOfRange("population"))?,
                ),
                place: place.clone(),
                ..FactColumns::default()
            },
            Fact::Trade {
                value, currency, ..
            } => FactColumns {
                value: Some(*value),
                currency: Some(currency.clone()),
                ..FactColumns::default()
            },
        };
        Ok(columns)
    }
}

/// The two states a fact is about: its own two, or else the document's dyad.
fn fact_pair(fact: &Fact, document_dyad: Option<Dyad>) -> Option<Dyad> {
    match fact.countries().as_slice() {
        [a, b] => Dyad::new(*a, *b).ok().or(document_dyad),
        _ => document_dyad,
    }
}

/// `date_sort` of the schema.
pub(crate) fn date_sort(date: bilateral_model::PartialDate) -> i64 {
    let (year, month, day) = date.sort_key();
    i64::from(year) * 10_000 + i64::from(month) * 100 + i64::from(day)
}

fn insert_fact(
    tx: &Transaction<'_>,
    document_id: i64,
    sentence_id: i64,
    document_dyad: Option<Dyad>,
    extracted: &ExtractedFact,
) -> Result<(), StoreError> {
    let fact = &extracted.fact;
    let pair = fact_pair(fact, document_dyad).map(|dyad| dyad.codes().map(|c| c.to_string()));
    let [party_a, party_b] = match &pair {
        Some([a, b]) => [Some(a.as_str()), Some(b.as_str())],
        None => [None, None],
    };
    let date = fact.date();
    let columns = FactColumns::of(fact)?;
    tx.prepare_cached(
        "INSERT INTO facts (document_id, sentence_id, type, party_a, party_b, date, date_sort,
                            year, office, kind, count, value, currency, place, confidence, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        document_id,
        sentence_id,
        fact.type_name(),
        party_a,
        party_b,
        date.map(|date| date.to_string()),
        date.map(date_sort),
        date.map(|date| date.year()),
        columns.office,
        columns.kind,
        columns.count,
        columns.value,
        columns.currency,
        columns.place,
        f64::from(extracted.confidence),
        to_json("fact", fact)?,
    ])?;
    let fact_id = tx.last_insert_rowid();
    let mut reference =
        tx.prepare_cached("INSERT INTO fact_citations (fact_id, position, n) VALUES (?1, ?2, ?3)")?;
    for (position, n) in extracted.evidence.references.iter().enumerate() {
        reference.execute(params![fact_id, offset(position)?, n])?;
    }
    let mut person = tx.prepare_cached(
        "INSERT INTO people (fact_id, position, name, folded) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, name) in fact.people().into_iter().enumerate() {
        person.execute(params![
            fact_id,
            offset(position)?,
            name,
            name.to_lowercase()
        ])?;
    }
    Ok(())
}
