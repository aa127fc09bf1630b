//! Request parameters, checked before any query runs: countries by any name, code or
//! demonym, fact types, citation problems, years, cursors and page sizes. Each refusal says
//! what was wrong.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use bilateral_model::{CountryCode, Dyad, Fact, Problem};
use bilateral_store::{CitationQuery, FactQuery};
use serde::Deserialize;

use super::failure::Failure;

/// Facts per page unless `limit` says otherwise.
pub const DEFAULT_LIMIT: u32 = 100;
/// The most facts one page may hold.
pub const MAX_LIMIT: u32 = 500;
/// The longest person name searched for.
const MAX_PERSON_BYTES: usize = 200;

/// The query string of `/api/facts`, as sent.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactParams {
    country: Option<String>,
    /// Fact type names, separated by commas.
    #[serde(rename = "type")]
    types: Option<String>,
    person: Option<String>,
    from: Option<String>,
    to: Option<String>,
    cursor: Option<String>,
    limit: Option<String>,
}

/// The query string of `/api/citations`, as sent.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationParams {
    /// Two countries, separated by a comma.
    dyad: Option<String>,
    /// Problem names, separated by commas.
    problem: Option<String>,
    cursor: Option<String>,
    limit: Option<String>,
}

/// A path's parameters, or a 400 that says which one could not be read (`%FF` is no text).
pub fn path<T>(path: Result<Path<T>, PathRejection>) -> Result<T, Failure> {
    path.map(|Path(value)| value)
        .map_err(|rejection| Failure::BadRequest(rejection.body_text()))
}

/// A country named in a request.
pub fn country(text: &str) -> Result<CountryCode, Failure> {
    bilateral_gazetteer::lookup(text)
        .map(|country| country.code)
        .ok_or_else(|| Failure::NotFound(format!("no country is called \"{text}\"")))
}

/// Two countries named in a path, which must be two different states.
pub fn pair(a: &str, b: &str) -> Result<Dyad, Failure> {
    Dyad::new(country(a)?, country(b)?)
        .map_err(|_| Failure::NotFound(format!("\"{a}\" and \"{b}\" are the same country")))
}

/// A stored row's id in a path; anything else names no row.
pub fn id(what: &str, text: &str) -> Result<i64, Failure> {
    text.parse()
        .map_err(|_| Failure::NotFound(format!("no {what} has the id {text:?}")))
}

fn year(name: &str, text: &str) -> Result<i32, Failure> {
    text.parse()
        .ok()
        .filter(|year| (-9999..=9999).contains(year))
        .ok_or_else(|| Failure::BadRequest(format!("{name}={text:?} is not a year")))
}

/// Blank parameters (`?country=`) count as absent.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The rows a page holds: `limit`, or the default.
fn page_size(limit: &Option<String>) -> Result<u32, Failure> {
    match given(limit) {
        None => Ok(DEFAULT_LIMIT),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                Failure::BadRequest(format!(
                    "limit={text:?} is not a number from 1 to {MAX_LIMIT}"
                ))
            }),
    }
}

/// The cursor of a page of references: the document id and number of the last one before
/// it, `12.3`.
pub fn citation_cursor(document_id: i64, n: u32) -> String {
    format!("{document_id}.{n}")
}

impl CitationParams {
    /// The store query these parameters ask for, with one more row than the page holds;
    /// and the page size.
    pub fn query(&self) -> Result<(CitationQuery, u32), Failure> {
        let pair = given(&self.dyad)
            .map(|text| {
                let (a, b) = text.split_once(',').ok_or_else(|| {
                    Failure::BadRequest(format!(
                        "dyad={text:?} is not two countries separated by a comma"
                    ))
                })?;
                pair(a.trim(), b.trim()).map_err(|failure| match failure {
                    Failure::NotFound(message) => Failure::BadRequest(message),
                    other => other,
                })
            })
            .transpose()?;
        let mut problems = Vec::new();
        for name in given(&self.problem).into_iter().flat_map(|p| p.split(',')) {
            let name = name.trim();
            let problem = Problem::ALL
                .into_iter()
                .find(|problem| problem.as_str() == name)
                .ok_or_else(|| {
                    Failure::BadRequest(format!(
                        "unknown problem {name:?}; the problems are {}",
                        Problem::ALL.map(|p| p.as_str()).join(", ")
                    ))
                })?;
            problems.push(problem);
        }
        let after = given(&self.cursor)
            .map(|text| {
                text.split_once('.')
                    .and_then(|(document, n)| Some((document.parse().ok()?, n.parse().ok()?)))
                    .filter(|(document, _): &(i64, u32)| *document > 0)
                    .ok_or_else(|| Failure::BadRequest(format!("cursor={text:?} is not a cursor")))
            })
            .transpose()?;
        let limit = page_size(&self.limit)?;
        let query = CitationQuery {
            pair,
            problems,
            after,
            limit: Some(limit + 1),
        };
        Ok((query, limit))
    }
}

impl FactParams {
    /// The store query these parameters ask for, with one more row than the page holds so
    /// that the answer can tell whether another page follows; and the page size.
    pub fn query(&self) -> Result<(FactQuery, u32), Failure> {
        let country = given(&self.country)
            .map(|text| {
                country(text).map_err(|_| Failure::BadRequest(format!("unknown country {text:?}")))
            })
            .transpose()?;
        let mut types = Vec::new();
        for name in given(&self.types).into_iter().flat_map(|t| t.split(',')) {
            let name = name.trim();
            if !Fact::TYPES.contains(&name) {
                return Err(Failure::BadRequest(format!(
                    "unknown fact type {name:?}; the types are {}",
                    Fact::TYPES.join(", ")
                )));
            }
            types.push(name.to_owned());
        }
        let person = given(&self.person).map(str::to_owned);
        if person.as_ref().is_some_and(|p| p.len() > MAX_PERSON_BYTES) {
            return Err(Failure::BadRequest(format!(
                "person is longer than {MAX_PERSON_BYTES} bytes"
            )));
        }
        let from = given(&self.from).map(|t| year("from", t)).transpose()?;
        let to = given(&self.to).map(|t| year("to", t)).transpose()?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(Failure::BadRequest(format!(
                "from={from} is after to={to}: no year is both"
            )));
        }
        let after = given(&self.cursor)
            .map(|text| {
                text.parse::<i64>()
                    .ok()
                    .filter(|id| *id > 0)
                    .ok_or_else(|| Failure::BadRequest(format!("cursor={text:?} is not a cursor")))
            })
            .transpose()?;
        let limit = page_size(&self.limit)?;
        let query = FactQuery {
            country,
            types,
            person,
            place: None,
            agreement: None,
            from,
            to,
            after,
            limit: Some(limit + 1),
        };
        Ok((query, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Result<(FactQuery, u32), Failure> {
        let mut params = FactParams::default();
        for (name, value) in pairs {
            let value = Some((*value).to_owned());
            match *name {
                "country" => params.country = value,
                "type" => params.types = value,
                "person" => params.person = value,
                "from" => params.from = value,
                "to" => params.to = value,
                "cursor" => params.cursor = value,
                "limit" => params.limit = value,
                _ => unreachable!("no parameter {name}"),
            }
        }
        params.query()
    }

    fn refused(pairs: &[(&str, &str)]) -> bool {
        matches!(params(pairs), Err(Failure::BadRequest(_)))
    }

    #[test]
    fn good_parameters_make_a_query_with_one_row_more_than_the_page() {
        let (query, limit) = params(&[
            ("country", "Kazakh"),
            ("type", "visit,mission_opened"),
            ("from", "1990"),
            ("to", "2000"),
            ("cursor", "17"),
            ("limit", "20"),
        ])
        .unwrap();
        assert_eq!(limit, 20);
        assert_eq!(query.limit, Some(21));
        assert_eq!(query.country.map(|c| c.to_string()).as_deref(), Some("KAZ"));
        assert_eq!(query.types, ["visit", "mission_opened"]);
        assert_eq!(
            (query.from, query.to, query.after),
            (Some(1990), Some(2000), Some(17))
        );
        let (default, limit) = params(&[("country", "")]).unwrap();
        assert_eq!((default.country, limit), (None, DEFAULT_LIMIT));
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(refused(&[("country", "Atlantis")]));
        assert!(refused(&[("type", "visits")]));
        assert!(refused(&[("from", "nineteen")]));
        assert!(refused(&[("from", "2000"), ("to", "1990")]));
        assert!(refused(&[("cursor", "-3")]));
        assert!(refused(&[("limit", "501")]));
        assert!(refused(&[("limit", "0")]));
        assert!(refused(&[("person", &"x".repeat(300))]));
        assert!(!refused(&[("limit", "500")]));
    }
}
