//! The JSON API under `/api/`: pairs, a pair's dossier, facts and references with filters
//! and a cursor, one fact, statistics, documents and search. The bodies are the views
//! `--json` prints.

use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use bilateral_model::{Citation, CountryCode, Dyad};
use bilateral_store::{DocumentInfo, Store, StoredFact};
use serde::Serialize;

use super::failure::{ApiError, Failure};
use super::params::{self, CitationParams, FactParams};
use super::search::{self, SearchParams};
use super::{Stores, canonical_redirect};
use crate::views::{
    self, DocumentView, DossierView, FactListView, FactView, PairView, ReferenceView, Sources,
    StatsView,
};

type Answer = Result<Response, ApiError>;

/// The API described in OpenAPI 3.1, written by hand beside the routes it describes.
const OPENAPI: &str = include_str!("../../static/openapi.json");

pub async fn openapi() -> Response {
    json(OPENAPI.to_owned())
}

/// A serialised body as a JSON response.
fn json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn encode(view: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string(view).map_err(|error| Failure::Internal(error.to_string()))
}

pub async fn pairs(State(stores): State<Arc<Stores>>) -> Answer {
    let stats = stores.stats().await?;
    let pairs: Vec<PairView> = stats.dyads.iter().map(PairView::new).collect();
    let body = encode(&pairs)?;
    Ok(json(body))
}

pub async fn dossier(
    State(stores): State<Arc<Stores>>,
    pair_path: Result<Path<(String, String)>, PathRejection>,
) -> Answer {
    let (a, b) = params::path(pair_path)?;
    let pair = params::pair(&a, &b)?;
    if let Some(redirect) = canonical_redirect("/api/dyads", pair, &a, &b) {
        return Ok(redirect);
    }
    let body = stores
        .query(move |store| {
            let dossier = store.dossier(pair)?;
            let sources = Sources::of_documents(&dossier.documents);
            encode(&DossierView::new(&dossier, &sources))
        })
        .await?;
    Ok(json(body))
}

/// A page of facts, and the cursor of the next page when there is one.
#[derive(Serialize)]
struct FactPageView<'a> {
    #[serde(flatten)]
    list: FactListView<'a>,
    next_cursor: Option<String>,
}

pub async fn facts(
    State(stores): State<Arc<Stores>>,
    params: Result<Query<FactParams>, QueryRejection>,
) -> Answer {
    let Query(params) = params.map_err(|rejection| Failure::BadRequest(rejection.body_text()))?;
    let (query, limit) = params.query()?;
    let body = stores
        .query(move |store| {
            let mut facts = store.facts(&query)?;
            let more = facts.len() > limit as usize;
            facts.truncate(limit as usize);
            let next_cursor = facts.last().filter(|_| more).map(|f| f.id.to_string());
            let sources = Sources::of_facts(&facts);
            let list = FactListView {
                facts: facts.iter().map(|f| FactView::new(f, &sources)).collect(),
                documents: sources.views(),
            };
            encode(&FactPageView { list, next_cursor })
        })
        .await?;
    Ok(json(body))
}

/// A page of references, each as `show --json` lists it, with the documents they belong to
/// and the cursor of the next page when there is one.
#[derive(Serialize)]
struct CitationPageView<'a> {
    references: Vec<ReferenceView<'a>>,
    documents: Vec<DocumentView<'a>>,
    next_cursor: Option<String>,
}

pub async fn citations(
    State(stores): State<Arc<Stores>>,
    params: Result<Query<CitationParams>, QueryRejection>,
) -> Answer {
    let Query(params) = params.map_err(|rejection| Failure::BadRequest(rejection.body_text()))?;
    let (query, limit) = params.query()?;
    let body = stores
        .query(move |store| {
            let mut citations = store.citations_across(&query)?;
            let more = citations.len() > limit as usize;
            citations.truncate(limit as usize);
            let next_cursor = citations
                .last()
                .filter(|_| more)
                .map(|last| params::citation_cursor(last.document_id, last.citation.n));
            let mut document_ids: Vec<i64> = citations.iter().map(|c| c.document_id).collect();
            document_ids.dedup();
            let mut documents = Vec::with_capacity(document_ids.len());
            for id in document_ids {
                documents.extend(store.document(id)?);
            }
            let sources = Sources::of_documents(&documents);
            encode(&CitationPageView {
                references: citations
                    .iter()
                    .map(|stored| ReferenceView::stored(stored, &sources))
                    .collect(),
                documents: sources.views(),
                next_cursor,
            })
        })
        .await?;
    Ok(json(body))
}

/// One fact with its document and the references it cites.
#[derive(Serialize)]
struct FactDetailView<'a> {
    fact: FactView<'a>,
    documents: Vec<DocumentView<'a>>,
    references: Vec<ReferenceView<'a>>,
}

/// A fact and the citations of its document that it cites, or a 404.
pub fn fact_with_citations(store: &Store, id: i64) -> Result<(StoredFact, Vec<Citation>), Failure> {
    let fact = store
        .fact(id)?
        .ok_or_else(|| Failure::NotFound(format!("no fact has the id {id}")))?;
    let mut citations = store.citations(fact.document_id)?;
    citations.retain(|citation| fact.references.contains(&citation.n));
    Ok((fact, citations))
}

pub async fn fact(
    State(stores): State<Arc<Stores>>,
    id: Result<Path<String>, PathRejection>,
) -> Answer {
    let id = params::id("fact", &params::path(id)?)?;
    let body = stores
        .query(move |store| {
            let (fact, citations) = fact_with_citations(store, id)?;
            let facts = [fact];
            let sources = Sources::of_facts(&facts);
            encode(&FactDetailView {
                fact: FactView::new(&facts[0], &sources),
                documents: sources.views(),
                references: ReferenceView::of_document(1, &citations),
            })
        })
        .await?;
    Ok(json(body))
}

pub async fn stats(State(stores): State<Arc<Stores>>) -> Answer {
    let stats = stores.stats().await?;
    let body = encode(&StatsView::new(&stats))?;
    Ok(json(body))
}

/// A stored document: where it came from, what its ingest wrote, and its references.
#[derive(Serialize)]
struct DocumentDetailView<'a> {
    id: i64,
    source: &'a str,
    format: &'a str,
    title: &'a str,
    pair: Option<Dyad>,
    revision: u32,
    ingested_at: &'a str,
    sentences: u64,
    facts: u64,
    references: &'a [Citation],
}

impl<'a> DocumentDetailView<'a> {
    fn new(info: &'a DocumentInfo, references: &'a [Citation]) -> DocumentDetailView<'a> {
        DocumentDetailView {
            id: info.id,
            source: &info.source,
            format: &info.format,
            title: &info.title,
            pair: info.dyad,
            revision: info.revision,
            ingested_at: &info.ingested_at,
            sentences: info.sentences,
            facts: info.facts,
            references,
        }
    }
}

pub async fn document(
    State(stores): State<Arc<Stores>>,
    id: Result<Path<String>, PathRejection>,
) -> Answer {
    let id = params::id("document", &params::path(id)?)?;
    let body = stores
        .query(move |store| {
            let info = store
                .document(id)?
                .ok_or_else(|| Failure::NotFound(format!("no document has the id {id}")))?;
            let citations = store.citations(id)?;
            encode(&DocumentDetailView::new(&info, &citations))
        })
        .await?;
    Ok(json(body))
}

/// A country a search names.
#[derive(Serialize)]
struct CountryView {
    code: CountryCode,
    name: String,
}

/// A pair a search found, with the title that matched.
#[derive(Serialize)]
struct PairMatchView<'a> {
    pair: Dyad,
    name: String,
    title: &'a str,
}

/// What a search found: the country it names, pairs by title, agreements by title and
/// facts naming a person, with the documents of those facts.
#[derive(Serialize)]
struct SearchView<'a> {
    query: &'a str,
    country: Option<CountryView>,
    pairs: Vec<PairMatchView<'a>>,
    agreements: Vec<FactView<'a>>,
    people: Vec<FactView<'a>>,
    documents: Vec<DocumentView<'a>>,
}

fn fact_views<'a>(facts: &'a [StoredFact], sources: &Sources) -> Vec<FactView<'a>> {
    facts.iter().map(|f| FactView::new(f, sources)).collect()
}

pub async fn search(
    State(stores): State<Arc<Stores>>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Answer {
    let Query(SearchParams { q }) =
        params.map_err(|rejection| Failure::BadRequest(rejection.body_text()))?;
    let query = search::checked(&q)?
        .ok_or_else(|| Failure::BadRequest("q is empty: search for something".to_owned()))?;
    let found = search::search(&stores, &query).await?;
    let facts = found.facts();
    let sources = Sources::of_facts(&facts);
    let body = encode(&SearchView {
        query: &query,
        country: found.country.map(|code| CountryView {
            code,
            name: views::country_name(code),
        }),
        pairs: found
            .pairs
            .iter()
            .map(|found| PairMatchView {
                pair: found.pair,
                name: views::pair_name(found.pair),
                title: &found.title,
            })
            .collect(),
        agreements: fact_views(&found.agreements, &sources),
        people: fact_views(&found.people, &sources),
        documents: sources.views(),
    })?;
    Ok(json(body))
}
