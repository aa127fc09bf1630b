//! The embedded store: every analysed document's sentences, facts and citations, with the
//! provenance of each fact, in one SQLite file; and the queries the command line answers
//! from it (dossier, timeline, facts, stats).
//!
//! **Invariants:** this is the only crate that speaks SQL. A document is written in one
//! transaction, so a reader (or a crash) sees all of a revision or none of it. Re-ingesting
//! the same bytes for the same source changes nothing.

mod query;
mod schema;
pub mod synthetic;
mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

pub use query::{
    CitationQuery, DocumentInfo, Dossier, DyadCount, FactQuery, PASSAGE_CONTEXT_BYTES, Passage,
    Stats, StoredCitation, StoredFact, StoredSentence, TimelineQuery, TitleMatch,
};
pub use write::{Batch, IngestOutcome, IngestRecord};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "the database has schema version {found}, newer than the {known} this program knows; \
         use a newer bilateral"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error(
        "the database has schema version {found}, older than the {known} this program knows; \
         run `bilateral ingest` on it once to upgrade it"
    )]
    OlderSchema { found: i64, known: i64 },
    #[error("could not encode {what} as JSON: {source}")]
    Encode {
        what: &'static str,
        source: serde_json::Error,
    },
    #[error("stored {what} {id} is unreadable: {source}")]
    Decode {
        what: &'static str,
        id: i64,
        source: serde_json::Error,
    },
    #[error("stored country code {0:?} is not a country code")]
    BadCountry(String),
    #[error("number out of range for the database: {0}")]
    OutOfRange(&'static str),
    #[error(
        "{facts} facts is more than the {limit} one document may store; \
         a real article has hundreds at most"
    )]
    TooManyFacts { facts: usize, limit: usize },
}

/// The most facts one document may store. The longest real articles give hundreds; tens of
/// thousands would come from a generated or hostile page and would swamp every dossier it
/// touches, so such a document is refused whole (a document is stored whole or not at all).
pub const MAX_FACTS_PER_DOCUMENT: usize = 10_000;

/// An open store. One per thread; several processes may open the same file.
pub struct Store {
    conn: Connection,
}

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        // WAL lets queries run while an ingest writes; with it, NORMAL sync keeps every
        // committed transaction across a crash of the process (not of the machine).
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::prepare(conn)
    }

    /// Opens an existing store for queries only. Nothing is written, not even the schema, so
    /// a file the user may only read will do; a database in a folder the user may not write
    /// either, with no writer at work (no `-wal` file beside it), is opened as immutable.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let conn = match schema::check_version(&conn) {
            Err(StoreError::Sqlite(error))
                if matches!(
                    error.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
                ) =>
            {
                let uri = format!("{}?immutable=1", schema::file_uri(path));
                let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
                schema::check_version(&conn)?;
                conn
            }
            result => result.map(|()| conn)?,
        };
        // Plans that do not depend on the values bound: otherwise a statement whose plan
        // looked at a bound value is prepared again each time another value is bound (the
        // dossier's, whenever the pair changes): a fifth of the server's time under load.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        Ok(Store { conn })
    }

    /// A store that lives as long as the value: for tests and one-off analyses.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }
}

#[cfg(test)]
mod tests;
