//! Scores extracted facts and citations against answer keys (`NAME.gold.json`), exactly as
//! `shared/spec/gold-format.md` defines: which fields a fact is matched on, how dates, names,
//! places and trade values agree, one key entry per extracted fact (a maximum bipartite
//! matching), micro-averaged precision, recall and F1, and per-field citation accuracy.
//!
//! The crate does no I/O: it takes keys as JSON text or parsed values and returns scores and
//! rendered reports; the `bilateral eval` command reads the files.

pub mod citations;
pub mod gold;
mod matching;
pub mod names;
mod render;
pub mod rules;
pub mod score;

pub use citations::{CITATION_FIELDS, CitationDisagreement, CitationFieldScore};
pub use gold::{GoldCitation, GoldError, GoldFile, gold_citation, parse_gold, to_gold};
pub use rules::fact_matches;
pub use score::{ArticleScore, Counts, Report, score_article};
