//! Recognisers: pure functions that find mentions in a sentence — dates with their precision,
//! numbers and money, countries (by name, demonym or capital), and people with their offices.
//! Each returns spans into the text it was given, so facts can point back at their words.
//!
//! **Invariant:** no I/O, no global state beyond lazily built, immutable tables.

pub mod date;
pub mod office;
pub mod person;
pub mod quantity;
pub mod words;
