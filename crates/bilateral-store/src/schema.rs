//! The database schema as numbered migrations, and applying them on open.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Migrations run in one
//! transaction, so a database is never left between two versions.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`. Append; never edit a released one.
const MIGRATIONS: &[&str] = &[
    MIGRATION_1,
    MIGRATION_2,
    MIGRATION_3,
    MIGRATION_4,
    MIGRATION_5,
];

/// Documents, their revisions, sentences, citations and facts.
const MIGRATION_1: &str = r#"
-- One row per source (path or URL): its current revision.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL UNIQUE,
    format       TEXT NOT NULL,
    title        TEXT NOT NULL,
    dyad_a       TEXT,
    dyad_b       TEXT,
    content_hash TEXT NOT NULL,
    revision     INTEGER NOT NULL CHECK (revision >= 1),
    ingested_at  TEXT NOT NULL,
    CHECK ((dyad_a IS NULL) = (dyad_b IS NULL))
) STRICT;
CREATE INDEX documents_dyad ON documents (dyad_a, dyad_b);

-- One row per ingest that changed a document, kept when a later revision replaces it. The
-- counts are what that ingest wrote, so the current revision's can be checked against rows.
CREATE TABLE revisions (
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    revision     INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title        TEXT NOT NULL,
    ingested_at  TEXT NOT NULL,
    sentences    INTEGER NOT NULL,
    facts        INTEGER NOT NULL,
    citations    INTEGER NOT NULL,
    PRIMARY KEY (document_id, revision)
) STRICT;

-- Offsets are bytes: clean_* into the document's clean text, source_* into its source.
CREATE TABLE sentences (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    clean_start  INTEGER NOT NULL,
    clean_end    INTEGER NOT NULL,
    source_start INTEGER NOT NULL,
    source_end   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (document_id, idx)
) STRICT;

CREATE TABLE citations (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT,
    language    TEXT,
    year        INTEGER,
    isbn        TEXT,
    isbn_valid  INTEGER,
    url         TEXT,
    retrieved   TEXT,
    archived    TEXT,
    problems    TEXT NOT NULL,  -- JSON array of problem names
    parsed      TEXT NOT NULL,  -- the whole citation as JSON
    UNIQUE (document_id, n)
) STRICT;

-- party_a < party_b: the two states a fact is about (its own two countries, else the
-- document's dyad). The typed columns copy fields of `data` for SQL users and indexes.
CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    party_a     TEXT,
    party_b     TEXT,
    date        TEXT,     -- ISO 8601 at the precision known
    date_sort   INTEGER,  -- year * 10000 + month * 100 + day, 0 for an unknown part
    year        INTEGER,
    office      TEXT,
    kind        TEXT,     -- mission or agreement kind, or a visit's level
    count       INTEGER,
    value       REAL,
    currency    TEXT,
    place       TEXT,     -- a mission's city, a meeting's or population's place
    confidence  REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    data        TEXT NOT NULL,  -- the whole fact as JSON, in the answer-key format
    CHECK ((party_a IS NULL) = (party_b IS NULL) AND (party_a IS NULL OR party_a < party_b))
) STRICT;
CREATE INDEX facts_pair_date ON facts (party_a, party_b, date_sort);
CREATE INDEX facts_party_b_date ON facts (party_b, date_sort);
CREATE INDEX facts_type_date ON facts (type, date_sort);
CREATE INDEX facts_document ON facts (document_id);
CREATE INDEX facts_sentence ON facts (sentence_id);

-- The references backing a fact, in the order its sentence cites them.
CREATE TABLE fact_citations (
    fact_id  INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (fact_id, position)
) STRICT, WITHOUT ROWID;

-- The people a fact names; `folded` is the lower-cased name that person queries search.
CREATE TABLE people (
    fact_id  INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    folded   TEXT NOT NULL,
    PRIMARY KEY (fact_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX people_folded ON people (folded);
"#;

/// A document's identity is its content and title, not the path it was read from: the same
/// article ingested from two paths is one document. Of the copies an older database holds,
/// the first stored stays; the others go with their rows.
const MIGRATION_2: &str = r#"
DELETE FROM documents
WHERE id NOT IN (SELECT min(id) FROM documents GROUP BY content_hash, title);
CREATE UNIQUE INDEX documents_content ON documents (content_hash, title);
"#;

/// Other names of articles: a dump's redirects ("Republic of Korea–Japan relations" names
/// "Japan–South Korea relations"), kept whether or not the article is stored yet, so that a
/// search finds a pair by any of its titles. Documents are looked up by title.
const MIGRATION_3: &str = r#"
CREATE TABLE aliases (
    alias  TEXT PRIMARY KEY,
    folded TEXT NOT NULL,  -- lower-cased, as searches compare it
    title  TEXT NOT NULL   -- the title of the article it names
) STRICT, WITHOUT ROWID;
CREATE INDEX documents_title ON documents (title);
"#;

/// The clean text of a document's current revision, which sentence offsets (`clean_*`)
/// point into: a fact is shown in its paragraph. Documents stored before have none (NULL)
/// until their next revision.
const MIGRATION_4: &str = r#"
ALTER TABLE documents ADD COLUMN text TEXT;
"#;

/// The pair index also holds each fact's document, so that the counts of every pair (facts
/// and documents, for the home page and `stats`) are read from the index alone: over a
/// million facts, 0.4 s became under 0.2 s.
const MIGRATION_5: &str = r#"
DROP INDEX facts_pair_date;
CREATE INDEX facts_pair_date ON facts (party_a, party_b, date_sort, document_id);
"#;

fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Checks that a store opened read-only has the schema this program queries.
pub(crate) fn check_version(conn: &Connection) -> Result<(), StoreError> {
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    match user_version(conn)? {
        found if found > known => Err(StoreError::NewerSchema { found, known }),
        found if found < known => Err(StoreError::OlderSchema { found, known }),
        _ => Ok(()),
    }
}

/// A `file:` URI for `path`, with the bytes a URI reserves percent-encoded.
pub(crate) fn file_uri(path: &std::path::Path) -> String {
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Brings the schema up to date. Another process may be migrating the same file at the same
/// moment, so the version is read again under the write lock before anything is applied.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if user_version(conn)? == known {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    if found > known {
        return Err(StoreError::NewerSchema { found, known });
    }
    for migration in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 5);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::NewerSchema {
                found: 99,
                known: 5
            })
        ));
    }

    #[test]
    fn copies_of_one_document_in_an_older_database_become_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        conn.execute_batch(MIGRATION_1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, source, format, title, content_hash, revision, ingested_at)
             VALUES (1, 'a/x.txt', 'text', 'T', 'h1', 1, 'now'),
                    (2, 'b/x.txt', 'text', 'T', 'h1', 1, 'now'),
                    (3, 'c/y.txt', 'text', 'T', 'h2', 1, 'now');
             INSERT INTO sentences
                 (document_id, idx, clean_start, clean_end, source_start, source_end, text)
             VALUES (1, 0, 0, 1, 0, 1, 'a'), (2, 0, 0, 1, 0, 1, 'a');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let ids: String = conn
            .query_row(
                "SELECT group_concat(id ORDER BY id) FROM documents",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(ids, "1,3");
        let sentences: i64 = conn
            .query_row("SELECT count(*) FROM sentences", [], |row| row.get(0))
            .unwrap();
        assert_eq!(sentences, 1);
    }
}
