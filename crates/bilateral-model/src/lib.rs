//! The vocabulary every stage of `bilateral` shares: documents and their spans, partial dates,
//! country codes, typed facts with their evidence, and parsed citations.
//!
//! **Invariant:** this crate does no I/O and depends on nothing but `serde` and `thiserror`.
//! The fact and citation types serialise to exactly the answer-key format of
//! `shared/spec/gold-format.md`, so the key is our wire format for facts.

pub mod citation;
pub mod country;
pub mod date;
pub mod document;
pub mod fact;
pub mod fnv;
pub mod structure;

pub use citation::{Citation, CitationKind, Isbn, Problem};
pub use country::{CountryCode, Dyad};
pub use date::PartialDate;
pub use document::{
    Block, BlockKind, Diagnostic, Document, Format, Marker, RawReference, ReferenceBody, Section,
    Sentence, SourceMap, Span, fold_whitespace,
};
pub use fact::{
    AgreementKind, Direction, Evidence, ExtractedFact, Fact, MissionKind, Office, VisitLevel,
};
pub use structure::{List, Row, RowRef, Structure, Table};

/// Everything the pipeline learns from one document: the input to the store and the exports.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Analysis {
    /// The two states the document is about, when it could be told.
    pub dyad: Option<Dyad>,
    pub sentences: Vec<Sentence>,
    pub facts: Vec<ExtractedFact>,
    pub citations: Vec<Citation>,
}
