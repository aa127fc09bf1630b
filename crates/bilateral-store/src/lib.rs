//! The embedded store: every analysed document's sentences, facts and citations, with the
//! provenance of each fact, in one SQLite file; and the queries the command line answers
//! from it (dossier, timeline, facts, stats).
//!
//! **Invariants:** this is the only crate that speaks SQL. A document is written in one
//! transaction, so a reader (or a crash) sees all of a revision or none of it. Re-ingesting
//! the same bytes for the same source changes nothing.

mod query;
mod schema;
mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

pub use query::{
    DocumentInfo, Dossier, DyadCount, FactQuery, Stats, StoredCitation, StoredFact, TimelineQuery,
};
pub use write::{IngestOutcome, IngestRecord};

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
}

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
