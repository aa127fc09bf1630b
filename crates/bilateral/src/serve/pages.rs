//! The pages, rendered on the server with askama (every value escaped): home with the
//! search box and the pairs, a pair, a country, a fact, a document, and search results.
//! No script.

use std::sync::Arc;

use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bilateral_model::{Citation, CountryCode, Dyad, Fact, Problem};
use bilateral_store::{Passage, StoredFact};

use super::api::fact_with_citations;
use super::failure::{Failure, PageError};
use super::params;
use super::search::{self, SearchParams};
use super::timeline::{self, Timeline};
use super::{Stores, canonical_redirect};
use crate::views::{self, Family, PairView, Sources};

type Answer = Result<Response, PageError>;

/// The hand-written style sheet, the only file served as it is.
const STYLE: &str = include_str!("../../static/style.css");

fn page(template: &impl Template) -> Answer {
    Ok(Html(template.render().map_err(Failure::from)?).into_response())
}

pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

/// A pair as a link: "/dyads/JPN/KAZ", "Japan–Kazakhstan".
struct PairLink {
    href: String,
    name: String,
    facts: u64,
}

impl PairLink {
    fn new(view: PairView) -> PairLink {
        PairLink {
            href: pair_href(view.pair),
            name: view.name,
            facts: view.facts,
        }
    }
}

fn pair_href(pair: Dyad) -> String {
    format!("/dyads/{}/{}", pair.first(), pair.second())
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    pairs: Vec<PairLink>,
}

pub async fn home(State(stores): State<Arc<Stores>>) -> Answer {
    let stats = stores.stats().await?;
    page(&HomePage {
        pairs: stats
            .dyads
            .iter()
            .map(|dyad| PairLink::new(PairView::new(dyad)))
            .collect(),
    })
}

/// A fact as a table row.
struct FactRow {
    id: i64,
    date: String,
    kind: &'static str,
    summary: String,
    pair: String,
    references: String,
}

impl FactRow {
    fn new(stored: &StoredFact, sources: &Sources) -> FactRow {
        FactRow {
            id: stored.id,
            date: stored
                .fact
                .date()
                .map(|d| d.to_string())
                .unwrap_or_default(),
            kind: stored.fact.type_name(),
            summary: views::summary(&stored.fact, stored.pair),
            pair: stored.pair.map(views::pair_name).unwrap_or_default(),
            references: sources.label(stored.document_id, &stored.references),
        }
    }
}

/// A reference as the pages show it, with a badge per problem.
struct ReferenceRow {
    label: String,
    title: String,
    details: String,
    /// Empty unless the reference has an http(s) link: no other scheme is made a link.
    url: String,
    badges: Vec<&'static str>,
}

fn badge(problem: Problem) -> &'static str {
    match problem {
        Problem::MissingPublisher => "missing publisher",
        Problem::MissingDate => "missing date",
        Problem::MissingUrl => "missing URL",
        Problem::UrlStatus => "URL status",
        Problem::InvalidIsbn => "invalid ISBN",
        Problem::MissingTitle => "missing title",
        Problem::DeadLink => "dead link",
    }
}

impl ReferenceRow {
    fn new(label: String, citation: &Citation) -> ReferenceRow {
        let mut details: Vec<String> = Vec::new();
        if !citation.authors.is_empty() {
            details.push(citation.authors.join("; "));
        }
        details.extend(citation.work.clone());
        details.extend(citation.publisher.clone());
        details.extend(citation.date.map(|date| date.to_string()));
        if let Some(isbn) = &citation.isbn {
            details.push(format!("ISBN {}", isbn.printed));
        }
        let url = citation
            .url
            .clone()
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
            .unwrap_or_default();
        ReferenceRow {
            label,
            title: citation
                .title
                .clone()
                .unwrap_or_else(|| "(untitled)".into()),
            details: details.join(". "),
            url,
            badges: citation.problems.iter().map(|p| badge(*p)).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "pair.html")]
struct PairPage {
    names: [String; 2],
    country_hrefs: [String; 2],
    key_facts: Vec<FactRow>,
    timeline: Option<Timeline>,
    facts: Vec<FactRow>,
    references: Vec<ReferenceRow>,
    documents: Vec<String>,
}

pub async fn pair(
    State(stores): State<Arc<Stores>>,
    pair_path: Result<Path<(String, String)>, PathRejection>,
) -> Answer {
    let (a, b) = params::path(pair_path)?;
    let pair = params::pair(&a, &b)?;
    if let Some(redirect) = canonical_redirect("/dyads", pair, &a, &b) {
        return Ok(redirect);
    }
    let dossier = stores.query(move |store| Ok(store.dossier(pair)?)).await?;
    let sources = Sources::of_documents(&dossier.documents);
    let is_key = |fact: &Fact| matches!(Family::of(fact), Family::Relations | Family::Missions);
    page(&PairPage {
        names: pair.codes().map(views::country_name),
        country_hrefs: pair.codes().map(country_href),
        key_facts: dossier
            .facts
            .iter()
            .filter(|stored| is_key(&stored.fact))
            .map(|stored| FactRow::new(stored, &sources))
            .collect(),
        timeline: timeline::layout(&dossier.facts),
        // Every fact of the page is about its pair: the rows need not say so.
        facts: dossier
            .facts
            .iter()
            .map(|stored| FactRow {
                pair: String::new(),
                ..FactRow::new(stored, &sources)
            })
            .collect(),
        references: dossier
            .citations
            .iter()
            .map(|stored| {
                let label = sources.label(stored.document_id, &[stored.citation.n]);
                ReferenceRow::new(label, &stored.citation)
            })
            .collect(),
        documents: sources
            .entries()
            .map(|(number, source, title)| format!("{number}: {title} ({source})"))
            .collect(),
    })
}

fn country_href(code: CountryCode) -> String {
    format!("/countries/{code}")
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryPage {
    name: String,
    code: String,
    pairs: Vec<PairLink>,
}

pub async fn country(
    State(stores): State<Arc<Stores>>,
    name: Result<Path<String>, PathRejection>,
) -> Answer {
    let name = params::path(name)?;
    let code = params::country(&name)?;
    if name != code.as_str() {
        return Ok(Redirect::permanent(&country_href(code)).into_response());
    }
    let stats = stores.stats().await?;
    page(&CountryPage {
        name: views::country_name(code),
        code: code.to_string(),
        pairs: stats
            .dyads
            .iter()
            .filter(|dyad| dyad.pair.contains(code))
            .map(|dyad| PairLink::new(PairView::new(dyad)))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "fact.html")]
struct FactPage {
    summary: String,
    date: String,
    kind: &'static str,
    pair: Option<PairLink>,
    sentence: String,
    /// The sentence in its paragraph, when the store kept the document's text.
    passage: Option<Passage>,
    confidence: String,
    document: String,
    document_id: i64,
    references: Vec<ReferenceRow>,
}

pub async fn fact(
    State(stores): State<Arc<Stores>>,
    id: Result<Path<String>, PathRejection>,
) -> Answer {
    let id = params::id("fact", &params::path(id)?)?;
    let (stored, citations, passage) = stores
        .query(move |store| {
            let (stored, citations) = fact_with_citations(store, id)?;
            Ok((stored, citations, store.fact_passage(id)?))
        })
        .await?;
    page(&FactPage {
        summary: views::summary(&stored.fact, stored.pair),
        date: stored
            .fact
            .date()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        kind: stored.fact.type_name(),
        pair: stored.pair.map(|pair| PairLink {
            href: pair_href(pair),
            name: views::pair_name(pair),
            facts: 0,
        }),
        sentence: stored.sentence.trim().to_owned(),
        passage,
        confidence: format!("{:.2}", stored.confidence),
        document: format!("{} ({})", stored.title, stored.source),
        document_id: stored.document_id,
        references: citations
            .iter()
            .map(|citation| ReferenceRow::new(format!("[{}]", citation.n), citation))
            .collect(),
    })
}

/// A fact as a link after its sentence.
struct FactLink {
    id: i64,
    summary: String,
}

/// A sentence of a document, and the facts taken from it.
struct SentenceRow {
    text: String,
    facts: Vec<FactLink>,
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    id: i64,
    title: String,
    source: String,
    format: String,
    pair: Option<PairLink>,
    sentences: Vec<SentenceRow>,
    references: Vec<ReferenceRow>,
}

/// A stored document: its sentences with every fact's evidence marked and linked to the
/// fact, and its references.
pub async fn document(
    State(stores): State<Arc<Stores>>,
    id: Result<Path<String>, PathRejection>,
) -> Answer {
    let id = params::id("document", &params::path(id)?)?;
    let (info, sentences, facts, citations) = stores
        .query(move |store| {
            let info = store
                .document(id)?
                .ok_or_else(|| Failure::NotFound(format!("no document has the id {id}")))?;
            Ok((
                info,
                store.sentences(id)?,
                store.document_facts(id)?,
                store.citations(id)?,
            ))
        })
        .await?;
    let link = |id: i64| {
        let stored = facts.iter().find(|f| f.id == id)?;
        Some(FactLink {
            id,
            summary: views::summary(&stored.fact, stored.pair),
        })
    };
    page(&DocumentPage {
        id: info.id,
        title: info.title,
        source: info.source,
        format: info.format,
        pair: info.dyad.map(|pair| PairLink {
            href: pair_href(pair),
            name: views::pair_name(pair),
            facts: 0,
        }),
        sentences: sentences
            .into_iter()
            .map(|sentence| SentenceRow {
                facts: sentence.facts.iter().filter_map(|&id| link(id)).collect(),
                text: sentence.text,
            })
            .collect(),
        references: citations
            .iter()
            .map(|citation| ReferenceRow::new(format!("[{}]", citation.n), citation))
            .collect(),
    })
}

/// A pair found by a title: the pair's link and the title that matched.
struct TitleLink {
    href: String,
    name: String,
    title: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    query: String,
    pairs: Vec<TitleLink>,
    agreements: Vec<FactRow>,
    people: Vec<FactRow>,
}

/// A country goes to its page; two countries, or the whole title of an article about them,
/// to their pair's; anything else lists the pairs, agreements and people it finds.
pub async fn search(
    State(stores): State<Arc<Stores>>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Answer {
    let Query(SearchParams { q }) =
        params.map_err(|rejection| Failure::BadRequest(rejection.body_text()))?;
    let Some(query) = search::checked(&q)? else {
        return Ok(Redirect::to("/").into_response());
    };
    let found = search::search(&stores, &query).await?;
    if let Some(destination) = found.destination(&query) {
        return Ok(Redirect::to(&destination).into_response());
    }
    let facts = found.facts();
    let sources = Sources::of_facts(&facts);
    let rows = |facts: &[StoredFact]| facts.iter().map(|f| FactRow::new(f, &sources)).collect();
    page(&SearchPage {
        pairs: found
            .pairs
            .iter()
            .map(|found| TitleLink {
                href: pair_href(found.pair),
                name: views::pair_name(found.pair),
                title: found.title.clone(),
            })
            .collect(),
        agreements: rows(&found.agreements),
        people: rows(&found.people),
        query,
    })
}
