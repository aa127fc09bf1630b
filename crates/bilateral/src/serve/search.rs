//! What a search finds, for the search page and `/api/search` alike: a country by any name,
//! code or demonym; pairs, by two countries ("Japan and Mongolia") or by the title of an
//! article about them or another name of it (a dump's redirect: "Republic of Korea–Russia
//! relations"); agreements by title; and facts naming a person.

use std::sync::Arc;

use bilateral_model::{CountryCode, Dyad};
use bilateral_store::{FactQuery, StoredFact, TitleMatch};
use serde::Deserialize;

use super::Stores;
use super::failure::Failure;
use super::params;

/// The longest search accepted.
const MAX_SEARCH_BYTES: usize = 200;
/// The most facts of each kind (agreements, people) a search lists.
const FACT_LIMIT: u32 = 200;
/// The most titles a search lists.
const TITLE_LIMIT: u32 = 50;

/// The query string of a search: `q`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
}

/// What a search found.
pub struct Found {
    /// The country the whole search names, if it names one.
    pub country: Option<CountryCode>,
    /// Pairs, each with the title that matched (the search itself for two countries).
    pub pairs: Vec<TitleMatch>,
    /// Signed agreements whose title contains the search.
    pub agreements: Vec<StoredFact>,
    /// Facts naming a person whose name contains the search.
    pub people: Vec<StoredFact>,
}

impl Found {
    /// The facts found, agreements first.
    pub fn facts(&self) -> Vec<StoredFact> {
        self.agreements
            .iter()
            .chain(&self.people)
            .cloned()
            .collect()
    }

    /// The page a search should go to at once: a country's, or a pair's when the search
    /// names two countries or is the whole title of an article about them.
    pub fn destination(&self, query: &str) -> Option<String> {
        if let Some(country) = self.country {
            return Some(format!("/countries/{country}"));
        }
        self.pairs
            .iter()
            .find(|found| found.title.to_lowercase() == query.to_lowercase())
            .map(|found| format!("/dyads/{}/{}", found.pair.first(), found.pair.second()))
    }
}

/// A search as typed, trimmed; `None` when blank, a 400 when too long.
pub fn checked(q: &str) -> Result<Option<String>, Failure> {
    let query = q.trim();
    if query.len() > MAX_SEARCH_BYTES {
        return Err(Failure::BadRequest(format!(
            "a search is at most {MAX_SEARCH_BYTES} bytes"
        )));
    }
    Ok((!query.is_empty()).then(|| query.to_owned()))
}

/// Two countries in one search: "Japan–Kazakhstan", "Japan and Kazakhstan", "JPN/KAZ".
fn two_countries(query: &str) -> Option<Dyad> {
    ["–", "—", "/", " and ", ",", "-"]
        .iter()
        .find_map(|separator| {
            let (a, b) = query.split_once(separator)?;
            params::pair(a.trim(), b.trim()).ok()
        })
}

/// Everything `query` finds. A country or two countries are looked up without the store.
pub async fn search(stores: &Arc<Stores>, query: &str) -> Result<Found, Failure> {
    let country = params::country(query).ok();
    let named_pair = two_countries(query).map(|pair| TitleMatch {
        title: query.to_owned(),
        pair,
    });
    if country.is_some() || named_pair.is_some() {
        return Ok(Found {
            country,
            pairs: named_pair.into_iter().collect(),
            agreements: Vec::new(),
            people: Vec::new(),
        });
    }
    let text = query.to_owned();
    let (pairs, agreements, people) = stores
        .query(move |store| {
            let pairs = store.titles_matching(&text, TITLE_LIMIT)?;
            let agreements = store.facts(&FactQuery {
                agreement: Some(text.clone()),
                limit: Some(FACT_LIMIT),
                ..FactQuery::default()
            })?;
            let people = store.facts(&FactQuery {
                person: Some(text),
                limit: Some(FACT_LIMIT),
                ..FactQuery::default()
            })?;
            Ok((pairs, agreements, people))
        })
        .await?;
    Ok(Found {
        country: None,
        pairs,
        agreements,
        people,
    })
}
