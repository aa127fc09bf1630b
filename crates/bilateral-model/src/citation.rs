//! A parsed reference and the problems a citation checker flags in it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::PartialDate;

/// What kind of source a reference cites.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationKind {
    Book,
    Web,
    News,
    Journal,
    Other,
}

/// What a citation checker flags, named as in the answer keys.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    MissingPublisher,
    MissingDate,
    MissingUrl,
    UrlStatus,
    InvalidIsbn,
    MissingTitle,
    /// No longer produced (the answer keys count `[permanent dead link]` as `url_status`);
    /// kept so that databases written before still read.
    DeadLink,
}

impl Problem {
    /// Every problem, in the order of the enum.
    pub const ALL: [Problem; 7] = [
        Problem::MissingPublisher,
        Problem::MissingDate,
        Problem::MissingUrl,
        Problem::UrlStatus,
        Problem::InvalidIsbn,
        Problem::MissingTitle,
        Problem::DeadLink,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Problem::MissingPublisher => "missing_publisher",
            Problem::MissingDate => "missing_date",
            Problem::MissingUrl => "missing_url",
            Problem::UrlStatus => "url_status",
            Problem::InvalidIsbn => "invalid_isbn",
            Problem::MissingTitle => "missing_title",
            Problem::DeadLink => "dead_link",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An ISBN as printed, and what checking it found.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Isbn {
    /// As printed, hyphens and all: `9965-27-753-2`.
    pub printed: String,
    /// ISBN-13 without hyphens, converted from ISBN-10 where needed (check digit recomputed).
    pub isbn13: String,
    /// Whether the printed check digit is right.
    pub valid: bool,
}

/// A parsed reference.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Citation {
    /// Its number in the reference list.
    pub n: u32,
    pub kind: CitationKind,
    /// Authors as written ("Rao, Anjali"), in order.
    pub authors: Vec<String>,
    /// The title as written, in its own script.
    pub title: Option<String>,
    /// The containing work: website, newspaper, journal.
    pub work: Option<String>,
    /// ISO 639-1 code, named by the text or inferred from the title's script.
    pub language: Option<String>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    /// Publication date at the precision given.
    pub date: Option<PartialDate>,
    pub pages: Option<String>,
    pub isbn: Option<Isbn>,
    pub url: Option<String>,
    pub archive_url: Option<String>,
    /// Access date.
    pub retrieved: Option<PartialDate>,
    /// Archive date.
    pub archived: Option<PartialDate>,
    pub problems: Vec<Problem>,
}

impl Citation {
    /// An empty citation of a kind, to be filled in by a parser.
    pub fn new(n: u32, kind: CitationKind) -> Self {
        Citation {
            n,
            kind,
            authors: Vec::new(),
            title: None,
            work: None,
            language: None,
            publisher: None,
            place: None,
            date: None,
            pages: None,
            isbn: None,
            url: None,
            archive_url: None,
            retrieved: None,
            archived: None,
            problems: Vec::new(),
        }
    }

    /// Year of publication, where given.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|date| date.year())
    }
}
