//! Extraction: from a read document to typed facts about its dyad, each with the sentence it
//! came from, the references that back it, and a confidence.
//!
//! The rules read one sentence at a time, in order, through a [`view::View`] of what the
//! recognisers found in it, and keep a little document state (who "he" is, the last date, the
//! last visit) so sentences that lean on earlier ones still resolve. Every rule prefers
//! missing a fact to inventing one: hypothetical, planned, denied and third-party events are
//! skipped.
//!
//! **Invariant:** no I/O; the same document always gives the same facts in the same order.

mod agreements;
mod figures;
mod missions;
mod modality;
mod people;
mod relations;
mod text;
mod view;
mod visits;
mod when;

use bilateral_model::{
    Analysis, BlockKind, CountryCode, Document, Dyad, Evidence, ExtractedFact, Fact, PartialDate,
    Sentence,
};
use bilateral_recognise::date::DateContext;

use crate::people::Registry;
use crate::view::View;

/// Facts below this confidence are kept in the store but left out of answer-key output.
pub const REPORT_THRESHOLD: f32 = 0.5;

/// Reads the whole pipeline after the reader: dyad, sentences, facts and citations.
pub fn analyse(document: &Document) -> Analysis {
    let dyad = find_dyad(document);
    let sentences = bilateral_segment::segment(document);
    let facts = match dyad {
        Some(dyad) => extract_facts(document, &sentences, dyad),
        None => Vec::new(),
    };
    let citations = bilateral_refs::parse_references(&document.references);
    Analysis {
        dyad,
        sentences,
        facts,
        citations,
    }
}

/// The dyad of a document: from its title, else its infobox, else the first two states its
/// lead paragraph names.
pub fn find_dyad(document: &Document) -> Option<Dyad> {
    if let Some(dyad) = bilateral_gazetteer::dyad_from_title(&document.title) {
        return Some(dyad);
    }
    let from_infobox: Vec<CountryCode> = document
        .infobox_countries
        .iter()
        .filter_map(|name| bilateral_gazetteer::lookup(name))
        .map(|country| country.code)
        .collect();
    if let Some(dyad) = first_two(&from_infobox) {
        return Some(dyad);
    }
    let lead = document
        .blocks
        .iter()
        .find(|block| block.kind == BlockKind::Paragraph)?;
    let named: Vec<CountryCode> = bilateral_gazetteer::find_mentions(document.slice(lead.span))
        .into_iter()
        .filter(|mention| matches!(mention.via, bilateral_gazetteer::MentionVia::Name))
        .map(|mention| mention.code)
        .collect();
    first_two(&named)
}

fn first_two(codes: &[CountryCode]) -> Option<Dyad> {
    let first = *codes.first()?;
    let second = codes.iter().copied().find(|code| *code != first)?;
    Dyad::new(first, second).ok()
}

/// A visit remembered for sentences that refer back to it ("returned the visit").
#[derive(Clone, Copy, Debug)]
pub(crate) struct VisitMemo {
    pub visitor_country: CountryCode,
    pub host: CountryCode,
    pub office: bilateral_model::Office,
}

/// A mission remembered for "the embassy reopened".
#[derive(Clone, Debug)]
pub(crate) struct MissionMemo {
    pub sender: CountryCode,
    pub host: CountryCode,
    pub kind: bilateral_model::MissionKind,
    pub city: Option<String>,
}

/// What the rules remember from one sentence to the next.
pub(crate) struct State {
    pub dyad: Dyad,
    pub registry: Registry,
    /// The latest date written or resolved, for relative phrases and years left out.
    pub last_date: Option<PartialDate>,
    /// The date of the latest visit or meeting, for "during the visit" and the like.
    pub event_date: Option<PartialDate>,
    /// The registry index of the latest subject, for "he" and "she".
    pub last_subject: Option<usize>,
    /// The people named most recently, oldest first, for "the two presidents".
    pub recent_people: Vec<usize>,
    pub last_visit: Option<VisitMemo>,
    pub last_mission: Option<MissionMemo>,
    /// Every mission named so far, for the city of "the embassy" when it closes.
    pub missions: Vec<MissionMemo>,
    /// The latest trade year, for "of that total".
    pub last_trade_year: Option<i32>,
}

impl State {
    fn new(dyad: Dyad) -> Self {
        State {
            dyad,
            registry: Registry::default(),
            last_date: None,
            event_date: None,
            last_subject: None,
            recent_people: Vec::new(),
            last_visit: None,
            last_mission: None,
            missions: Vec::new(),
            last_trade_year: None,
        }
    }

    fn date_context(&self) -> DateContext {
        let mut context = DateContext::default();
        if let Some(date) = self.last_date {
            context.year = Some(date.year());
            context.month = match date {
                PartialDate::Month(_, month) | PartialDate::Day(_, month, _) => Some(month),
                _ => None,
            };
        }
        context
    }

    /// Forgets what should not carry into a new section.
    fn new_section(&mut self) {
        self.event_date = None;
        self.last_visit = None;
        self.last_subject = None;
    }

    /// The other member of the dyad, for a member.
    pub fn other(&self, code: CountryCode) -> Option<CountryCode> {
        self.dyad.other(code)
    }
}

/// A fact found in a sentence, before evidence is attached.
pub(crate) struct Found {
    pub fact: Fact,
    pub confidence: f32,
}

/// Extracts every fact about `dyad` from the document's sentences.
pub fn extract_facts(
    document: &Document,
    sentences: &[Sentence],
    dyad: Dyad,
) -> Vec<ExtractedFact> {
    let mut state = State::new(dyad);
    let mut facts: Vec<ExtractedFact> = Vec::new();
    let mut section = usize::MAX;
    for (index, sentence) in sentences.iter().enumerate() {
        let Some(block) = document.blocks.get(sentence.block) else {
            continue;
        };
        if matches!(block.kind, BlockKind::Heading { .. }) {
            continue;
        }
        if block.section != section {
            section = block.section;
            state.new_section();
        }
        let text = document.slice(sentence.span);
        let view = View::new(
            text,
            Some(dyad),
            &state.date_context(),
            &mut state.registry,
            state.last_subject,
        );
        let mut found = Vec::new();
        relations::extract(&view, &mut state, &mut found);
        missions::extract(&view, &mut state, &mut found);
        visits::extract(&view, &mut state, &mut found);
        agreements::extract(&view, &mut state, &mut found);
        figures::extract(&view, &mut state, &mut found);
        merge_visits(&mut found);
        for item in &mut found {
            key_to_state_of_the_time(&mut item.fact);
        }
        remember(&view, &mut state);
        let evidence = Evidence {
            sentence: sentence.span,
            source: document.source_map.span_to_source(sentence.span),
            text: text.to_owned(),
            references: references_for(sentences, index),
        };
        for Found { fact, confidence } in found {
            if facts.iter().any(|existing| existing.fact == fact) {
                continue;
            }
            facts.push(ExtractedFact {
                fact,
                evidence: evidence.clone(),
                confidence,
            });
        }
    }
    facts
}

/// One trip told with two verbs ("returned on 10 July, arriving for an official visit")
/// yields two visits; keep the one that says more.
fn merge_visits(found: &mut Vec<Found>) {
    let mut index = 0;
    while index < found.len() {
        let duplicate = (0..found.len()).find(|&other| {
            other != index
                && same_trip(&found[index].fact, &found[other].fact)
                && detail(&found[other].fact) >= detail(&found[index].fact)
                && (detail(&found[other].fact) > detail(&found[index].fact) || other < index)
        });
        if duplicate.is_some() {
            found.remove(index);
        } else {
            index += 1;
        }
    }
}

fn same_trip(a: &Fact, b: &Fact) -> bool {
    match (a, b) {
        (
            Fact::Visit {
                visitor_country: country_a,
                host: host_a,
                visitor: visitor_a,
                start: Some(start_a),
                ..
            },
            Fact::Visit {
                visitor_country: country_b,
                host: host_b,
                visitor: visitor_b,
                start: Some(start_b),
                ..
            },
        ) => {
            country_a == country_b
                && host_a == host_b
                && visitor_a == visitor_b
                && (start_a.within(start_b) || start_b.within(start_a))
        }
        _ => false,
    }
}

/// How much a visit says: a protocol level, an end date, a precise start.
fn detail(fact: &Fact) -> u8 {
    match fact {
        Fact::Visit {
            level, start, end, ..
        } => {
            u8::from(*level != bilateral_model::VisitLevel::Unspecified)
                + u8::from(end.is_some())
                + u8::from(matches!(start, Some(PartialDate::Day(..))))
        }
        _ => 0,
    }
}

/// Updates the date and subject the next sentence may lean on.
fn remember(view: &View, state: &mut State) {
    if let Some(date) = view.dates.last() {
        state.last_date = Some(date.start);
    }
    if let Some(subject) = view.people.first().map(|person| person.id) {
        state.last_subject = Some(subject);
    }
    for person in &view.people {
        state.recent_people.retain(|id| *id != person.id);
        state.recent_people.push(person.id);
    }
    let excess = state.recent_people.len().saturating_sub(8);
    state.recent_people.drain(..excess);
}

/// The references of a sentence, or, when it has none, those of the next sentence of its
/// block that has some: a citation at the end of a paragraph covers the sentences before it.
fn references_for(sentences: &[Sentence], index: usize) -> Vec<u32> {
    let Some(sentence) = sentences.get(index) else {
        return Vec::new();
    };
    if !sentence.references.is_empty() {
        return sentence.references.clone();
    }
    sentences[index + 1..]
        .iter()
        .take_while(|next| next.block == sentence.block)
        .find(|next| !next.references.is_empty())
        .map(|next| next.references.clone())
        .unwrap_or_default()
}

/// The member of today's dyad a former state preceded, for facts keyed to the state that
/// existed at the time (East Germany, the Soviet Union, Yugoslavia, Czechoslovakia).
pub(crate) fn predecessor_of(code: CountryCode) -> Option<CountryCode> {
    let successor = match code.as_str() {
        "DDR" => "DEU",
        "SUN" => "RUS",
        "YUG" | "SCG" => "SRB",
        "CSK" => "CZE",
        "YMD" => "YEM",
        _ => return None,
    };
    CountryCode::new(successor).ok()
}

/// The state that held a member's seat at a date, when it has a code of its own: Russia from
/// 1923 to 1991 is the Soviet Union, the Czech Republic and Slovakia from 1919 to 1992 are
/// Czechoslovakia, Serbia from 1919 to 2002 is Yugoslavia and until mid-2006 Serbia and
/// Montenegro. (The Russian Empire keeps Russia's code, as the keys do.)
fn state_at(code: CountryCode, date: PartialDate) -> CountryCode {
    let (year, month) = match date {
        PartialDate::Decade(year) | PartialDate::Year(year) => (year, 12),
        PartialDate::Month(year, month) | PartialDate::Day(year, month, _) => (year, month),
    };
    let former = match code.as_str() {
        "RUS" if (1923..1991).contains(&year) || (year == 1991 && month < 12) => "SUN",
        "CZE" | "SVK" if (1919..1993).contains(&year) => "CSK",
        "SRB" if (1919..2003).contains(&year) => "YUG",
        "SRB" if (2003..2006).contains(&year) || (year == 2006 && month < 6) => "SCG",
        _ => return code,
    };
    CountryCode::new(former).unwrap_or(code)
}

/// Rewrites a fact's states to those of its date (see [`state_at`]).
fn key_to_state_of_the_time(fact: &mut Fact) {
    let Some(date) = fact.date() else {
        return;
    };
    let at = |code: &mut CountryCode| *code = state_at(*code, date);
    match fact {
        Fact::RelationsEstablished { parties, .. }
        | Fact::RelationsSevered { parties, .. }
        | Fact::RelationsRestored { parties, .. }
        | Fact::AgreementSigned { parties, .. } => {
            parties.iter_mut().for_each(at);
            parties.sort();
        }
        Fact::MissionOpened { sender, host, .. } | Fact::MissionClosed { sender, host, .. } => {
            at(sender);
            at(host);
        }
        Fact::Visit {
            visitor_country,
            host,
            ..
        } => {
            at(visitor_country);
            at(host);
        }
        _ => {}
    }
}

/// The latest date before `offset` in the sentence, else the last one of earlier sentences:
/// what "the following year" counts from.
pub(crate) fn last_date_before(view: &View, offset: usize, state: &State) -> Option<PartialDate> {
    view.dates
        .iter()
        .rfind(|date| date.span.end <= offset)
        .map(|date| date.start)
        .or(state.last_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CountryCode {
        CountryCode::new(text).unwrap()
    }

    #[test]
    fn facts_are_keyed_to_the_state_of_their_time() {
        let date = |text: &str| text.parse::<PartialDate>().unwrap();
        assert_eq!(state_at(code("RUS"), date("1990-09-30")), code("SUN"));
        assert_eq!(state_at(code("RUS"), date("1991-12-26")), code("RUS"));
        assert_eq!(state_at(code("RUS"), date("1991")), code("RUS"));
        assert_eq!(state_at(code("SVK"), date("1992")), code("CSK"));
        assert_eq!(state_at(code("SRB"), date("2004")), code("SCG"));
        assert_eq!(state_at(code("JPN"), date("1950")), code("JPN"));
        assert_eq!(state_at(code("RUS"), date("1884")), code("RUS"));
    }
}
