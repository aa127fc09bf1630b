//! Reading the store back: a dyad's dossier, timelines, fact searches, statistics, the list
//! of documents, and a consistency check.

use std::collections::HashSet;

use bilateral_model::{Citation, CountryCode, Dyad, Fact, Problem};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use crate::{Store, StoreError};

/// A stored document's current revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentInfo {
    pub id: i64,
    /// The path or URL it was read from.
    pub source: String,
    /// `text`, `wikitext` or `html`.
    pub format: String,
    pub title: String,
    pub dyad: Option<Dyad>,
    pub content_hash: String,
    /// 1 for the first ingest; one more for each change of content.
    pub revision: u32,
    /// UTC, ISO 8601.
    pub ingested_at: String,
    /// Rows this revision's ingest wrote.
    pub sentences: u64,
    pub facts: u64,
    pub citations: u64,
}

/// A fact with its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredFact {
    pub id: i64,
    pub document_id: i64,
    pub fact: Fact,
    /// The two states the fact is about.
    pub pair: Option<Dyad>,
    /// The sentence it was taken from.
    pub sentence: String,
    /// Numbers of the document's references that back it.
    pub references: Vec<u32>,
    /// The source and title of its document.
    pub source: String,
    pub title: String,
    pub confidence: f32,
}

/// A sentence of a stored document, with the facts taken from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredSentence {
    /// Its place in the document, from 0.
    pub index: u32,
    pub text: String,
    /// Ids of the facts taken from it, in order.
    pub facts: Vec<i64>,
}

/// A reference of a stored document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredCitation {
    pub document_id: i64,
    pub citation: Citation,
}

/// Everything stored about a pair of states.
#[derive(Clone, Debug, PartialEq)]
pub struct Dossier {
    pub pair: Dyad,
    /// Documents about the pair, or with a fact about it; by id.
    pub documents: Vec<DocumentInfo>,
    /// Its facts: dated ones in date order, then undated ones.
    pub facts: Vec<StoredFact>,
    /// All references of the documents about the pair, and those backing a fact of it in
    /// other documents; by document, then number.
    pub citations: Vec<StoredCitation>,
}

/// Dated facts involving a country, optionally with one other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineQuery {
    pub country: CountryCode,
    pub other: Option<CountryCode>,
    /// First and last year, inclusive.
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Fact type names (`visit`); empty for all.
    pub types: Vec<String>,
}

/// Facts across all pairs. Every field narrows; the default matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FactQuery {
    pub country: Option<CountryCode>,
    pub types: Vec<String>,
    /// Part of a person's name, any case.
    pub person: Option<String>,
    /// Part of a place name (a mission's city, a meeting's place), ASCII case ignored.
    pub place: Option<String>,
    /// Part of a signed agreement's title, any case.
    pub agreement: Option<String>,
    /// First and last year, inclusive; either one leaves out undated facts.
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Only facts after the fact with this id in the listing's order: the cursor of the next
    /// page, so that pages stay whole while rows are added elsewhere.
    pub after: Option<i64>,
    pub limit: Option<u32>,
}

/// References across documents, in the order of documents and then numbers. Every field
/// narrows; the default matches every stored reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CitationQuery {
    /// The references a dossier of this pair lists: all those of its documents, and those
    /// backing one of its facts in other documents.
    pub pair: Option<Dyad>,
    /// References with any of these problems; empty for all.
    pub problems: Vec<Problem>,
    /// Only references after this one, as `(document id, number)`: the cursor of the next
    /// page.
    pub after: Option<(i64, u32)>,
    pub limit: Option<u32>,
}

/// A fact's sentence in its paragraph, from the document's stored text: the text before the
/// sentence in its paragraph, the sentence as its evidence offsets give it, and the text
/// after. A paragraph longer than `PASSAGE_CONTEXT_BYTES` on a side is cut there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub before: String,
    pub sentence: String,
    pub after: String,
    /// Whether the paragraph goes on before `before`, or after `after`.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The most bytes of a paragraph a passage gives on each side of its sentence.
pub const PASSAGE_CONTEXT_BYTES: usize = 2_000;

/// Where a paragraph ends: blocks of a document's text are separated by blank lines.
const PARAGRAPH_BREAK: &[u8] = b"\n\n";

impl Passage {
    /// The passage of the sentence at `sentence` (offsets into `window`) in `window`, a part
    /// of a document's text; `whole_start` and `whole_end` say whether the window reaches
    /// the text's ends. `None` when the offsets are not those of text in the window.
    pub(crate) fn in_window(
        window: &[u8],
        sentence: std::ops::Range<usize>,
        whole_start: bool,
        whole_end: bool,
    ) -> Option<Passage> {
        let text = |range: std::ops::Range<usize>| {
            std::str::from_utf8(window.get(range)?)
                .ok()
                .map(str::to_owned)
        };
        let sentence_text = text(sentence.clone())?;
        let head = window.get(..sentence.start)?;
        let (start, cut_before) = match rfind_bytes(head, PARAGRAPH_BREAK) {
            Some(at) => (at + PARAGRAPH_BREAK.len(), false),
            None if whole_start => (0, false),
            // Cut inside the paragraph: start at the first whole character.
            None => (
                head.iter()
                    .position(|&byte| !is_continuation(byte))
                    .unwrap_or(head.len()),
                true,
            ),
        };
        let tail = window.get(sentence.end..)?;
        let (end, cut_after) = match find_bytes(tail, PARAGRAPH_BREAK) {
            Some(at) => (sentence.end + at, false),
            None if whole_end => (window.len(), false),
            None => {
                // End before the last character if the window cut it.
                let mut end = window.len();
                while end > sentence.end && std::str::from_utf8(&window[sentence.end..end]).is_err()
                {
                    end -= 1;
                }
                (end, true)
            }
        };
        Some(Passage {
            before: text(start..sentence.start)?,
            sentence: sentence_text,
            after: text(sentence.end..end)?,
            cut_before,
            cut_after,
        })
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

/// Where `needle` first occurs in `haystack`.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Where `needle` last occurs in `haystack`.
fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// A stored article's title, or another name of it (a dump's redirect), and its pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleMatch {
    pub title: String,
    pub pair: Dyad,
}

/// How much is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub documents: u64,
    /// Every revision ever ingested, replaced ones included.
    pub revisions: u64,
    pub sentences: u64,
    pub facts: u64,
    pub citations: u64,
    /// By type name, most first.
    pub facts_by_type: Vec<(String, u64)>,
    /// Pairs with facts, most facts first.
    pub dyads: Vec<DyadCount>,
    /// Citation problems by kind, most first.
    pub problems: Vec<(Problem, u64)>,
}

/// The facts stored about a pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DyadCount {
    pub pair: Dyad,
    pub facts: u64,
    pub documents: u64,
}

/// A WHERE clause over `facts f` built from optional parts, with its parameters.
#[derive(Default)]
struct FactFilter {
    clauses: Vec<String>,
    values: Vec<Value>,
    /// Whether a clause names a party, whose indexes then serve the query best.
    by_party: bool,
    types: Vec<String>,
}

impl FactFilter {
    fn add(&mut self, clause: impl Into<String>, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.into());
        self.values.extend(values);
    }

    fn pair(&mut self, pair: Dyad) {
        let [a, b] = pair.codes().map(code_value);
        self.add("f.party_a = ? AND f.party_b = ?", [a, b]);
        self.by_party = true;
    }

    fn country(&mut self, country: CountryCode) {
        self.add(
            "(f.party_a = ? OR f.party_b = ?)",
            [code_value(country), code_value(country)],
        );
        self.by_party = true;
    }

    /// Years as a range of `date_sort`, which the pair index covers.
    fn years(&mut self, from: Option<i32>, to: Option<i32>) {
        if let Some(from) = from {
            self.add(
                "f.date_sort >= ?",
                [Value::Integer(i64::from(from) * 10_000)],
            );
        }
        if let Some(to) = to {
            self.add(
                "f.date_sort < ?",
                [Value::Integer((i64::from(to) + 1) * 10_000)],
            );
        }
    }

    /// The filter of a fact search.
    fn of_query(query: &FactQuery) -> FactFilter {
        let mut filter = FactFilter::default();
        if let Some(country) = query.country {
            filter.country(country);
        }
        filter.types(&query.types);
        filter.years(query.from, query.to);
        if let Some(person) = &query.person {
            filter.add(
                "f.id IN (SELECT fact_id FROM people WHERE instr(folded, ?) > 0)",
                [Value::Text(person.to_lowercase())],
            );
        }
        if let Some(place) = &query.place {
            filter.add(
                "instr(lower(f.place), lower(?)) > 0",
                [Value::Text(place.clone())],
            );
        }
        if let Some(agreement) = &query.agreement {
            filter.add(
                "f.type = 'agreement_signed'
                 AND instr(lower(json_extract(f.data, '$.title')), ?) > 0",
                [Value::Text(agreement.to_lowercase())],
            );
        }
        if let Some(after) = query.after {
            // The key of `FACT_ORDER` as a row value; an unknown id compares as NULL, so
            // nothing follows it.
            filter.add(
                "(f.date_sort IS NULL, coalesce(f.date_sort, 0), f.document_id, f.id) >
                 (SELECT date_sort IS NULL, coalesce(date_sort, 0), document_id, id
                  FROM facts WHERE id = ?)",
                [Value::Integer(after)],
            );
        }
        filter
    }

    fn types(&mut self, types: &[String]) {
        self.types.extend_from_slice(types);
    }

    /// The clause and its parameters, in order.
    fn build(&self) -> (String, Vec<Value>) {
        let mut clauses = self.clauses.clone();
        let mut values = self.values.clone();
        if !self.types.is_empty() {
            let marks = vec!["?"; self.types.len()].join(", ");
            // Unary `+` keeps SQLite from choosing the type index over a party's, which
            // narrows far more; without a party the type index is the best there is.
            let column = if self.by_party { "+f.type" } else { "f.type" };
            clauses.push(format!("{column} IN ({marks})"));
            values.extend(self.types.iter().cloned().map(Value::Text));
        }
        if clauses.is_empty() {
            (String::new(), values)
        } else {
            (format!(" WHERE {}", clauses.join(" AND ")), values)
        }
    }
}

fn code_value(code: CountryCode) -> Value {
    Value::Text(code.to_string())
}

fn parse_code(text: &str) -> Result<CountryCode, StoreError> {
    CountryCode::new(text).map_err(|_| StoreError::BadCountry(text.to_owned()))
}

/// A pair from two nullable code columns.
fn parse_pair(a: Option<String>, b: Option<String>) -> Result<Option<Dyad>, StoreError> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let dyad = Dyad::new(parse_code(&a)?, parse_code(&b)?)
                .map_err(|_| StoreError::BadCountry(format!("{a}–{b}")))?;
            Ok(Some(dyad))
        }
        _ => Ok(None),
    }
}

const FACT_SELECT: &str = "
    SELECT f.id, f.document_id, f.data, f.party_a, f.party_b, f.confidence, s.text, d.source,
           d.title,
           (SELECT group_concat(n, ',' ORDER BY position) FROM fact_citations
            WHERE fact_id = f.id)
    FROM facts f
    JOIN sentences s ON s.id = f.sentence_id
    JOIN documents d ON d.id = f.document_id";

/// Dated facts in date order, then undated ones.
const FACT_ORDER: &str = " ORDER BY f.date_sort IS NULL, f.date_sort, f.document_id, f.id";

/// The order facts were stored in (by document, then sentence): the primary key's, so no
/// sort; for streams too long to sort.
const STORED_ORDER: &str = " ORDER BY f.id";

/// The columns of `FACT_SELECT`, before the fact is decoded.
struct FactRow {
    id: i64,
    document_id: i64,
    data: String,
    party_a: Option<String>,
    party_b: Option<String>,
    confidence: f64,
    sentence: String,
    source: String,
    title: String,
    references: Option<String>,
}

impl FactRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<FactRow> {
        Ok(FactRow {
            id: row.get(0)?,
            document_id: row.get(1)?,
            data: row.get(2)?,
            party_a: row.get(3)?,
            party_b: row.get(4)?,
            confidence: row.get(5)?,
            sentence: row.get(6)?,
            source: row.get(7)?,
            title: row.get(8)?,
            references: row.get(9)?,
        })
    }

    fn decode(self) -> Result<StoredFact, StoreError> {
        let fact = serde_json::from_str(&self.data).map_err(|source| StoreError::Decode {
            what: "fact",
            id: self.id,
            source,
        })?;
        let references = self
            .references
            .iter()
            .flat_map(|list| list.split(','))
            .filter_map(|n| n.parse().ok())
            .collect();
        Ok(StoredFact {
            id: self.id,
            document_id: self.document_id,
            fact,
            pair: parse_pair(self.party_a, self.party_b)?,
            sentence: self.sentence,
            references,
            source: self.source,
            title: self.title,
            // Stored from an f32, so this narrowing is exact.
            confidence: self.confidence as f32,
        })
    }
}

fn decode_citation(id: i64, parsed: &str) -> Result<Citation, StoreError> {
    serde_json::from_str(parsed).map_err(|source| StoreError::Decode {
        what: "citation",
        id,
        source,
    })
}

/// A count column. SQLite integers are signed; a count is never negative.
fn get_count(row: &Row<'_>, index: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(row.get::<_, i64>(index)?).unwrap_or(0))
}

const DOCUMENT_SELECT: &str = "
    SELECT d.id, d.source, d.format, d.title, d.dyad_a, d.dyad_b, d.content_hash, d.revision,
           d.ingested_at, r.sentences, r.facts, r.citations
    FROM documents d
    JOIN revisions r ON r.document_id = d.id AND r.revision = d.revision";

/// The columns of `DOCUMENT_SELECT`, before the dyad is decoded.
struct DocumentRow {
    info: DocumentInfo,
    dyad_a: Option<String>,
    dyad_b: Option<String>,
}

impl DocumentRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<DocumentRow> {
        Ok(DocumentRow {
            info: DocumentInfo {
                id: row.get(0)?,
                source: row.get(1)?,
                format: row.get(2)?,
                title: row.get(3)?,
                dyad: None,
                content_hash: row.get(6)?,
                revision: row.get(7)?,
                ingested_at: row.get(8)?,
                sentences: get_count(row, 9)?,
                facts: get_count(row, 10)?,
                citations: get_count(row, 11)?,
            },
            dyad_a: row.get(4)?,
            dyad_b: row.get(5)?,
        })
    }

    fn decode(self) -> Result<DocumentInfo, StoreError> {
        Ok(DocumentInfo {
            dyad: parse_pair(self.dyad_a, self.dyad_b)?,
            ..self.info
        })
    }
}

impl Store {
    /// Runs `read` on one snapshot of the store: every query it makes sees the same
    /// committed documents, whatever an ingest commits meanwhile (each statement alone sees
    /// whole documents; several in a row might see different numbers of them). Nests.
    pub fn snapshot<T, E: From<StoreError>>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        // A savepoint outside a transaction begins a deferred one: its reads share a
        // snapshot until it is released.
        self.conn
            .prepare_cached("SAVEPOINT snapshot")
            .and_then(|mut begin| begin.execute([]))
            .map_err(StoreError::from)?;
        let result = read(self);
        let released = self
            .conn
            .prepare_cached("RELEASE snapshot")
            .and_then(|mut release| release.execute([]))
            .map_err(StoreError::from);
        let value = result?;
        released?;
        Ok(value)
    }

    /// Each row of a fact selection, decoded, in `order` (`FACT_ORDER` or `STORED_ORDER`):
    /// one row in memory at a time.
    fn each_fact<E: From<StoreError>>(
        &self,
        filter: &FactFilter,
        order: &str,
        limit: Option<u32>,
        mut each: impl FnMut(StoredFact) -> Result<(), E>,
    ) -> Result<(), E> {
        let (condition, values) = filter.build();
        let mut sql = format!("{FACT_SELECT}{condition}{order}");
        if let Some(limit) = limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut statement = self.conn.prepare_cached(&sql).map_err(StoreError::from)?;
        let mut rows = statement
            .query(params_from_iter(values))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            each(FactRow::read(row).map_err(StoreError::from)?.decode()?)?;
        }
        Ok(())
    }

    fn select_facts(
        &self,
        filter: &FactFilter,
        limit: Option<u32>,
    ) -> Result<Vec<StoredFact>, StoreError> {
        let mut facts = Vec::new();
        self.each_fact(filter, FACT_ORDER, limit, |fact| {
            facts.push(fact);
            Ok::<(), StoreError>(())
        })?;
        Ok(facts)
    }

    fn select_documents(
        &self,
        condition: &str,
        values: &[Value],
    ) -> Result<Vec<DocumentInfo>, StoreError> {
        let sql = format!("{DOCUMENT_SELECT} {condition}");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params_from_iter(values), DocumentRow::read)?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter().map(DocumentRow::decode).collect()
    }

    /// Every stored document, by source.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>, StoreError> {
        self.select_documents("ORDER BY d.source", &[])
    }

    /// One fact with its provenance, by id.
    pub fn fact(&self, id: i64) -> Result<Option<StoredFact>, StoreError> {
        let mut filter = FactFilter::default();
        filter.add("f.id = ?", [Value::Integer(id)]);
        Ok(self.select_facts(&filter, Some(1))?.into_iter().next())
    }

    /// One document's current revision, by id.
    pub fn document(&self, id: i64) -> Result<Option<DocumentInfo>, StoreError> {
        let documents = self.select_documents("WHERE d.id = ?", &[Value::Integer(id)])?;
        Ok(documents.into_iter().next())
    }

    /// A document's sentences in order, each with the facts taken from it.
    pub fn sentences(&self, document_id: i64) -> Result<Vec<StoredSentence>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT s.idx, s.text, group_concat(f.id, ',' ORDER BY f.id)
             FROM sentences s LEFT JOIN facts f ON f.sentence_id = s.id
             WHERE s.document_id = ?1 GROUP BY s.id ORDER BY s.idx",
        )?;
        let rows = statement
            .query_map([document_id], |row| {
                let facts: Option<String> = row.get(2)?;
                Ok(StoredSentence {
                    index: row.get(0)?,
                    text: row.get(1)?,
                    facts: facts
                        .iter()
                        .flat_map(|list| list.split(','))
                        .filter_map(|id| id.parse().ok())
                        .collect(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The facts taken from a document, in the order of `facts`.
    pub fn document_facts(&self, document_id: i64) -> Result<Vec<StoredFact>, StoreError> {
        let mut filter = FactFilter::default();
        filter.add("f.document_id = ?", [Value::Integer(document_id)]);
        self.select_facts(&filter, None)
    }

    /// A document's references, by number.
    pub fn citations(&self, document_id: i64) -> Result<Vec<Citation>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, parsed FROM citations WHERE document_id = ?1 ORDER BY n")?;
        let rows = statement
            .query_map([document_id], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, parsed)| decode_citation(id, &parsed))
            .collect()
    }

    /// Everything stored about a pair of states, read in one snapshot.
    pub fn dossier(&self, pair: Dyad) -> Result<Dossier, StoreError> {
        self.snapshot(|store| store.dossier_now(pair))
    }

    fn dossier_now(&self, pair: Dyad) -> Result<Dossier, StoreError> {
        let mut filter = FactFilter::default();
        filter.pair(pair);
        let facts = self.select_facts(&filter, None)?;
        let codes = pair.codes().map(code_value);
        let documents = self.select_documents(
            "WHERE (d.dyad_a = ?1 AND d.dyad_b = ?2)
                OR d.id IN (SELECT document_id FROM facts WHERE party_a = ?1 AND party_b = ?2)
             ORDER BY d.id",
            &codes,
        )?;
        let cited: HashSet<(i64, u32)> = facts
            .iter()
            .flat_map(|fact| fact.references.iter().map(|&n| (fact.document_id, n)))
            .collect();
        let mut citations = Vec::new();
        for document in &documents {
            let about_pair = document.dyad == Some(pair);
            for citation in self.citations(document.id)? {
                if about_pair || cited.contains(&(document.id, citation.n)) {
                    citations.push(StoredCitation {
                        document_id: document.id,
                        citation,
                    });
                }
            }
        }
        Ok(Dossier {
            pair,
            documents,
            facts,
            citations,
        })
    }

    /// Dated facts involving `query.country` (and `query.other`), in date order.
    pub fn timeline(&self, query: &TimelineQuery) -> Result<Vec<StoredFact>, StoreError> {
        let mut filter = FactFilter::default();
        match query.other.map(|other| Dyad::new(query.country, other)) {
            Some(Ok(pair)) => filter.pair(pair),
            // The same country twice asks for its own timeline.
            Some(Err(_)) | None => filter.country(query.country),
        }
        filter.add("f.date_sort IS NOT NULL", []);
        filter.years(query.from, query.to);
        filter.types(&query.types);
        self.select_facts(&filter, None)
    }

    /// Facts across all pairs: dated ones in date order, then undated ones.
    pub fn facts(&self, query: &FactQuery) -> Result<Vec<StoredFact>, StoreError> {
        self.select_facts(&FactFilter::of_query(query), query.limit)
    }

    /// The facts `facts(query)` finds, handed to `each` one at a time so that memory stays
    /// flat however many there are, in the order they were stored (by document, then
    /// sentence), which needs no sort: half the time of a million facts goes to sorting them
    /// by date. Stops at the first error `each` returns.
    pub fn for_each_fact<E: From<StoreError>>(
        &self,
        query: &FactQuery,
        each: impl FnMut(StoredFact) -> Result<(), E>,
    ) -> Result<(), E> {
        self.each_fact(
            &FactFilter::of_query(query),
            STORED_ORDER,
            query.limit,
            each,
        )
    }

    /// How many facts `facts(query)` returns.
    pub fn count_facts(&self, query: &FactQuery) -> Result<u64, StoreError> {
        let (condition, values) = FactFilter::of_query(query).build();
        let sql = format!("SELECT count(*) FROM facts f{condition}");
        let count = self
            .conn
            .query_row(&sql, params_from_iter(values), |row| get_count(row, 0))?;
        Ok(match query.limit {
            Some(limit) => count.min(u64::from(limit)),
            None => count,
        })
    }

    /// References one at a time, by document and number: every stored one when `query`
    /// matches every fact, else those backing a fact it matches (its limit aside).
    pub fn for_each_citation<E: From<StoreError>>(
        &self,
        query: &FactQuery,
        each: impl FnMut(StoredCitation) -> Result<(), E>,
    ) -> Result<(), E> {
        let everything = FactQuery {
            limit: None,
            ..query.clone()
        } == FactQuery::default();
        let (condition, values) = if everything {
            (String::new(), Vec::new())
        } else {
            let (mut condition, values) = FactFilter::of_query(query).build();
            if condition.is_empty() {
                condition.push_str(" WHERE");
            } else {
                condition.push_str(" AND");
            }
            (
                format!(
                    " WHERE EXISTS (SELECT 1 FROM facts f
                     JOIN fact_citations fc ON fc.fact_id = f.id{condition}
                     f.document_id = c.document_id AND fc.n = c.n)"
                ),
                values,
            )
        };
        self.each_citation(&condition, values, None, each)
    }

    /// Each reference `condition` (a WHERE clause over `citations c`, or nothing) selects,
    /// decoded, by document and number.
    fn each_citation<E: From<StoreError>>(
        &self,
        condition: &str,
        values: Vec<Value>,
        limit: Option<u32>,
        mut each: impl FnMut(StoredCitation) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut sql = format!(
            "SELECT c.id, c.document_id, c.parsed FROM citations c{condition}
             ORDER BY c.document_id, c.n"
        );
        if let Some(limit) = limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut statement = self.conn.prepare_cached(&sql).map_err(StoreError::from)?;
        let mut rows = statement
            .query(params_from_iter(values))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let id: i64 = row.get(0).map_err(StoreError::from)?;
            let document_id: i64 = row.get(1).map_err(StoreError::from)?;
            let parsed: String = row.get(2).map_err(StoreError::from)?;
            let citation = decode_citation(id, &parsed)?;
            each(StoredCitation {
                document_id,
                citation,
            })?;
        }
        Ok(())
    }

    /// Titles of stored articles, and their other names, that contain `text` (any case),
    /// with the pair each article is about; by title, at most `limit`.
    pub fn titles_matching(&self, text: &str, limit: u32) -> Result<Vec<TitleMatch>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT a.alias, d.dyad_a, d.dyad_b FROM aliases a
             JOIN documents d ON d.title = a.title
             WHERE instr(a.folded, ?1) > 0 AND d.dyad_a IS NOT NULL
             UNION
             SELECT title, dyad_a, dyad_b FROM documents
             WHERE instr(lower(title), ?1) > 0 AND dyad_a IS NOT NULL
             ORDER BY 1 LIMIT ?2",
        )?;
        let rows = statement
            .query_map(params![text.to_lowercase(), limit], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?
            .collect::<Result<Vec<(String, Option<String>, Option<String>)>, _>>()?;
        let mut matches = Vec::with_capacity(rows.len());
        for (title, a, b) in rows {
            if let Some(pair) = parse_pair(a, b)? {
                matches.push(TitleMatch { title, pair });
            }
        }
        Ok(matches)
    }

    /// A fact's sentence in its paragraph; `None` when there is no such fact or its
    /// document was stored without its text (before migration 4).
    pub fn fact_passage(&self, fact_id: i64) -> Result<Option<Passage>, StoreError> {
        let context = i64::try_from(PASSAGE_CONTEXT_BYTES).unwrap_or(i64::MAX);
        // substr of a blob counts bytes, as the offsets do; from 1.
        let row = self
            .conn
            .prepare_cached(
                "SELECT s.clean_start, s.clean_end, max(s.clean_start - ?2, 0),
                        substr(CAST(d.text AS BLOB), max(s.clean_start - ?2, 0) + 1,
                               s.clean_end + ?2 - max(s.clean_start - ?2, 0)),
                        length(CAST(d.text AS BLOB))
                 FROM facts f
                 JOIN sentences s ON s.id = f.sentence_id
                 JOIN documents d ON d.id = f.document_id
                 WHERE f.id = ?1 AND d.text IS NOT NULL",
            )?
            .query_row(params![fact_id, context], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, Vec<u8>>(3)?,
                    row.get::<_, i64>(4)?,
                ))
            })
            .optional()?;
        let Some((start, end, window_start, window, text_length)) = row else {
            return Ok(None);
        };
        let offset = |at: i64| usize::try_from(at - window_start).ok();
        let (Some(sentence_start), Some(sentence_end)) = (offset(start), offset(end)) else {
            return Ok(None);
        };
        let window_end = window_start + i64::try_from(window.len()).unwrap_or(i64::MAX);
        Ok(Passage::in_window(
            &window,
            sentence_start..sentence_end,
            window_start == 0,
            window_end >= text_length,
        ))
    }

    /// References across documents, by document and number.
    pub fn citations_across(
        &self,
        query: &CitationQuery,
    ) -> Result<Vec<StoredCitation>, StoreError> {
        let mut clauses = Vec::new();
        let mut values = Vec::new();
        if let Some(pair) = query.pair {
            clauses.push(
                "(c.document_id IN (SELECT id FROM documents WHERE dyad_a = ?1 AND dyad_b = ?2)
                  OR EXISTS (SELECT 1 FROM facts f JOIN fact_citations fc ON fc.fact_id = f.id
                             WHERE f.party_a = ?1 AND f.party_b = ?2
                               AND f.document_id = c.document_id AND fc.n = c.n))"
                    .to_owned(),
            );
            values.extend(pair.codes().map(code_value));
        }
        if !query.problems.is_empty() {
            let first = values.len() + 1;
            let marks: Vec<String> = (first..first + query.problems.len())
                .map(|i| format!("?{i}"))
                .collect();
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM json_each(c.problems) p WHERE p.value IN ({}))",
                marks.join(", ")
            ));
            values.extend(
                query
                    .problems
                    .iter()
                    .map(|problem| Value::Text(problem.as_str().to_owned())),
            );
        }
        if let Some((document_id, n)) = query.after {
            let at = values.len() + 1;
            clauses.push(format!("(c.document_id, c.n) > (?{at}, ?{})", at + 1));
            values.extend([Value::Integer(document_id), Value::Integer(i64::from(n))]);
        }
        let condition = if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        };
        let mut citations = Vec::new();
        self.each_citation(&condition, values, query.limit, |citation| {
            citations.push(citation);
            Ok::<(), StoreError>(())
        })?;
        Ok(citations)
    }

    /// The references of a document with these numbers, in the order given; numbers it does
    /// not have are left out.
    pub fn citations_of(
        &self,
        document_id: i64,
        numbers: &[u32],
    ) -> Result<Vec<Citation>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, parsed FROM citations WHERE document_id = ?1 AND n = ?2")?;
        let mut citations = Vec::with_capacity(numbers.len());
        for &n in numbers {
            let mut rows = statement.query(rusqlite::params![document_id, n])?;
            if let Some(row) = rows.next()? {
                citations.push(decode_citation(row.get(0)?, &row.get::<_, String>(1)?)?);
            }
        }
        Ok(citations)
    }

    fn count(&self, sql: &str) -> Result<u64, StoreError> {
        Ok(self.conn.query_row(sql, [], |row| get_count(row, 0))?)
    }

    fn grouped_counts(&self, sql: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, get_count(row, 1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// A token that changes whenever an ingest stores, replaces or removes a document, for
    /// caches of answers about the whole store: every write adds a revision row.
    pub fn generation(&self) -> Result<[i64; 2], StoreError> {
        Ok(self.conn.query_row(
            "SELECT coalesce(max(rowid), 0), count(*) FROM revisions",
            [],
            |row| Ok([row.get(0)?, row.get(1)?]),
        )?)
    }

    /// Pairs with facts, most facts first.
    pub fn pairs(&self) -> Result<Vec<DyadCount>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT party_a, party_b, count(*), count(DISTINCT document_id) FROM facts
             WHERE party_a IS NOT NULL
             GROUP BY party_a, party_b ORDER BY count(*) DESC, party_a, party_b",
        )?;
        let dyad_rows = statement
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    get_count(row, 2)?,
                    get_count(row, 3)?,
                ))
            })?
            .collect::<Result<Vec<(String, String, u64, u64)>, _>>()?;
        let mut dyads = Vec::with_capacity(dyad_rows.len());
        for (a, b, facts, documents) in dyad_rows {
            if let Some(pair) = parse_pair(Some(a), Some(b))? {
                dyads.push(DyadCount {
                    pair,
                    facts,
                    documents,
                });
            }
        }
        Ok(dyads)
    }

    /// How much is stored, all counted in one snapshot.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        self.snapshot(Store::stats_now)
    }

    fn stats_now(&self) -> Result<Stats, StoreError> {
        let facts_by_type = self.grouped_counts(
            "SELECT type, count(*) FROM facts GROUP BY type ORDER BY count(*) DESC, type",
        )?;
        let problems = self.grouped_counts(
            "SELECT p.value, count(*) FROM citations c, json_each(c.problems) p
             GROUP BY p.value ORDER BY count(*) DESC, p.value",
        )?;
        Ok(Stats {
            documents: self.count("SELECT count(*) FROM documents")?,
            revisions: self.count("SELECT count(*) FROM revisions")?,
            sentences: self.count("SELECT count(*) FROM sentences")?,
            facts: self.count("SELECT count(*) FROM facts")?,
            citations: self.count("SELECT count(*) FROM citations")?,
            facts_by_type,
            dyads: self.pairs()?,
            problems: problems
                .into_iter()
                .filter_map(|(name, count)| {
                    let problem = serde_json::from_value(serde_json::Value::String(name)).ok()?;
                    Some((problem, count))
                })
                .collect(),
        })
    }

    /// What is inconsistent in the file, one line each; empty when all is well. Checks
    /// SQLite's own integrity, the foreign keys, and that each document's rows are the
    /// ones its current revision's ingest wrote.
    pub fn verify(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare("PRAGMA integrity_check")?;
        let mut problems = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        problems.retain(|line| line != "ok");
        let mut statement = self.conn.prepare("PRAGMA foreign_key_check")?;
        let broken = statement
            .query_map([], |row| {
                Ok(format!(
                    "row {} of {} points to a missing {}",
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(2)?
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        problems.extend(broken);
        let mut statement = self.conn.prepare(
            "SELECT d.source, r.revision IS NULL,
                    r.sentences, (SELECT count(*) FROM sentences WHERE document_id = d.id),
                    r.facts, (SELECT count(*) FROM facts WHERE document_id = d.id),
                    r.citations, (SELECT count(*) FROM citations WHERE document_id = d.id)
             FROM documents d
             LEFT JOIN revisions r ON r.document_id = d.id AND r.revision = d.revision
             ORDER BY d.source",
        )?;
        let mismatches = statement
            .query_map([], |row| {
                let source: String = row.get(0)?;
                if row.get::<_, bool>(1)? {
                    return Ok(Some(format!("{source}: no record of its current revision")));
                }
                let counts: [(Option<i64>, i64); 3] = [
                    (row.get(2)?, row.get(3)?),
                    (row.get(4)?, row.get(5)?),
                    (row.get(6)?, row.get(7)?),
                ];
                let names = ["sentences", "facts", "citations"];
                let wrong: Vec<String> = names
                    .iter()
                    .zip(counts)
                    .filter(|(_, (recorded, found))| *recorded != Some(*found))
                    .map(|(name, (recorded, found))| {
                        format!("{} {name} recorded, {found} stored", recorded.unwrap_or(0))
                    })
                    .collect();
                Ok((!wrong.is_empty()).then(|| format!("{source}: {}", wrong.join(", "))))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        problems.extend(mismatches.into_iter().flatten());
        Ok(problems)
    }
}
