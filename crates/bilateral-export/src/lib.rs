//! Writers of stored facts and references in the formats of the field: event rows (CSV,
//! JSON Lines) with CAMEO and PLOVER codes, a Correlates-of-War-style dyad-year panel,
//! CSL-JSON and BibTeX for reference managers, QuickStatements for Wikidata, and RDF (Turtle
//! with PROV-O provenance).
//!
//! Every writer is pure: it takes the rows `bilateral-store` yields, one at a time, and writes
//! to any `impl Write`, so memory stays flat in the number of facts (the dyad-year panel
//! keeps one small record per pair and year).

mod actor;
mod bibtex;
mod cell;
mod codes;
mod csl;
mod dyad_year;
mod events;
#[cfg(feature = "parquet")]
mod parquet;
mod quickstatements;
mod turtle;

pub use actor::Actor;
pub use bibtex::Bibtex;
pub use codes::{EventCode, event_code};
pub use csl::{CslJson, csl_item};
pub use dyad_year::{DYAD_YEAR_COLUMNS, DyadYear, Mission};
pub use events::{COLUMNS, EventsCsv, EventsJsonl};
#[cfg(feature = "parquet")]
pub use parquet::EventsParquet;
pub use quickstatements::{QuickStatements, Skipped, wikidata_item};
pub use turtle::{NAMESPACE, Turtle};

/// What can go wrong while writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
    #[cfg(feature = "parquet")]
    #[error("could not write Parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
    #[error("could not encode {what} as JSON: {source}")]
    Json {
        what: &'static str,
        source: serde_json::Error,
    },
}
