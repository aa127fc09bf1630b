//! Extraction: from a read document to typed facts about its dyad, each with the sentence it
//! came from, the references that back it, and a confidence.
//!
//! The rules read one sentence at a time, in order, through a `View` of what the
//! recognisers found in it, and keep a little document state (who "he" is, the last date, the
//! last visit) so sentences that lean on earlier ones still resolve. Every rule prefers
//! missing a fact to inventing one: hypothetical, planned, denied and third-party events are
//! skipped.
//!
//! **Invariant:** no I/O; the same document always gives the same facts in the same order.

mod agreements;
mod figures;
mod lexicon;
mod mission_lists;
mod missions;
mod modality;
mod people;
mod relations;
mod repeats;
mod rows;
mod text;
mod trade_tables;
mod trip_rows;
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

/// What the caller knows about a document beyond its text, to find its dyad.
#[derive(Clone, Copy, Debug, Default)]
pub struct DyadHints<'a> {
    /// A dyad the user gave (`--dyad A B`); it overrides every other source.
    pub given: Option<Dyad>,
    /// The name of the file the document came from ("czech-republic-japan-relations.txt").
    pub file_name: Option<&'a str>,
}

/// Reads the whole pipeline after the reader: dyad, sentences, facts and citations.
pub fn analyse(document: &Document) -> Analysis {
    analyse_with(document, DyadHints::default())
}

/// [`analyse`], with what the caller knows about the dyad.
pub fn analyse_with(document: &Document, hints: DyadHints<'_>) -> Analysis {
    let dyad = find_dyad_with(document, hints);
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
    find_dyad_with(document, DyadHints::default())
}

/// The dyad of a document: the one given, else from its title (with the publisher's own state
/// when the title names only the other), else the mission its publisher names ("Embassy of X
/// in Y" over a title such as "Political Relations"), else its file name, else its infobox,
/// else the first two states its lead paragraph names.
pub fn find_dyad_with(document: &Document, hints: DyadHints<'_>) -> Option<Dyad> {
    if let Some(dyad) = hints.given {
        return Some(dyad);
    }
    let from_title =
        bilateral_gazetteer::dyad_from_page_title(&document.title, document.publisher.as_deref())
            .or_else(|| document.publisher.as_deref().and_then(dyad_of_mission));
    if let Some(dyad) = from_title.or_else(|| {
        hints
            .file_name
            .and_then(bilateral_gazetteer::dyad_from_file_name)
    }) {
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
    // The lead: the first paragraph that names two states, among the first few (a line of
    // page chrome the reader kept may come first).
    document
        .blocks
        .iter()
        .filter(|block| block.kind == BlockKind::Paragraph)
        .take(LEAD_PARAGRAPHS)
        .find_map(|lead| {
            let named: Vec<CountryCode> =
                bilateral_gazetteer::find_mentions(document.slice(lead.span))
                    .into_iter()
                    .filter(|mention| matches!(mention.via, bilateral_gazetteer::MentionVia::Name))
                    .map(|mention| mention.code)
                    .collect();
            first_two(&named)
        })
}

/// Names of missions that say whose they are and where, as a page's publisher gives them.
const MISSION_NAMES: &[&str] = &[
    "embassy of ",
    "consulate general of ",
    "consulate-general of ",
    "consulate of ",
    "high commission of ",
];

/// The state and the host of the mission a page's publisher names: "Embassy of Mongolia in
/// the Republic of Korea", "CONSULATE GENERAL OF BRAZIL IN JAPAN". None when either is no
/// state ("Embassy of Chile in Oslo").
fn dyad_of_mission(publisher: &str) -> Option<Dyad> {
    publisher.split(" / ").find_map(|part| {
        // ASCII lower-casing keeps byte offsets, so they hold in `part` too.
        let lower = part.to_ascii_lowercase();
        let start = MISSION_NAMES
            .iter()
            .find_map(|name| lower.find(name).map(|at| at + name.len()))?;
        let names = part.get(start..)?;
        // A state's name may hold "in"; every " in " is tried.
        lower
            .get(start..)?
            .match_indices(" in ")
            .find_map(|(at, gap)| {
                let sender = bilateral_gazetteer::lookup(names.get(..at)?)?;
                let host = names.get(at + gap.len()..)?.split(',').next()?;
                let host = bilateral_gazetteer::lookup(host)?;
                Dyad::new(sender.code, host.code).ok()
            })
    })
}

/// How many paragraphs from the start may hold the lead that names the pair.
const LEAD_PARAGRAPHS: usize = 3;

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
    /// The traveller's index in the registry.
    pub visitor: usize,
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
    /// Every opening (`true`) and closing reported so far, so that a list repeating the prose
    /// (or prose repeating a list) adds nothing.
    pub mission_events: Vec<(bool, MissionMemo, PartialDate)>,
    /// The sender and host a list header names ("Zambian missions in Tanzania").
    pub mission_list_owner: Option<(CountryCode, CountryCode)>,
    /// The latest trade year, for "of that total".
    pub last_trade_year: Option<i32>,
    /// Whether the sentence before gave a trade figure, for "In 2023 it amounted to X".
    pub trade_before: bool,
    /// The trade table being read, from its caption to its last row.
    pub trade_table: Option<trade_tables::TradeTable>,
    /// Whether the sentence before signed an agreement, for "A convention followed in 1992".
    pub signed_before: bool,
    /// Whether the section lists trips, and in which direction.
    pub rows: trip_rows::RowContext,
    /// The trips whose sentence gave the traveller no office, for the document to settle.
    pub unsaid_offices: Vec<TripKey>,
    /// Whether the sentence being read is a list item or a table row.
    pub in_row: bool,
    /// The header cells of the table being read, lower-cased, for rows that name agreements
    /// by column ("Date | Venue | Agreements signed").
    pub table_header: Option<Vec<String>>,
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
            mission_events: Vec::new(),
            mission_list_owner: None,
            last_trade_year: None,
            trade_before: false,
            trade_table: None,
            signed_before: false,
            rows: trip_rows::RowContext::default(),
            unsaid_offices: Vec::new(),
            in_row: false,
            table_header: None,
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
        self.table_header = None;
        self.trade_table = None;
    }

    /// Whether an opening or closing of this mission in the same year was reported already:
    /// same sender, host and kind, and the same city where both name one.
    pub fn mission_reported(&self, opened: bool, mission: &MissionMemo, date: PartialDate) -> bool {
        self.mission_events
            .iter()
            .any(|(was_opened, seen, seen_date)| {
                *was_opened == opened
                    && seen.sender == mission.sender
                    && seen.host == mission.host
                    && seen.kind == mission.kind
                    && seen_date.year() == date.year()
                    && (seen.city.is_none() || mission.city.is_none() || seen.city == mission.city)
            })
    }

    pub fn report_mission(&mut self, opened: bool, mission: &MissionMemo, date: PartialDate) {
        self.mission_events.push((opened, mission.clone(), date));
    }

    /// The other member of the dyad, for a member.
    pub fn other(&self, code: CountryCode) -> Option<CountryCode> {
        self.dyad.other(code)
    }

    /// The partner of a person's own state, as the mention or the document gives it: where a
    /// traveller whose state is known can only have gone.
    pub(crate) fn partner_of(&self, person: &crate::view::PersonRef) -> Option<CountryCode> {
        let own = person
            .country
            .or_else(|| self.registry.get(person.id)?.country)?;
        self.other(own)
    }

    /// The other member of the dyad for a member or a predecessor of one: East Germany in an
    /// "East Germany–Vietnam" article is a member itself, in a "Germany–Vietnam" one through
    /// its successor.
    pub fn counterpart(&self, code: CountryCode) -> Option<CountryCode> {
        self.dyad.other(code).or_else(|| {
            bilateral_gazetteer::successor(code).and_then(|successor| self.dyad.other(successor))
        })
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
        if block.section != section {
            section = block.section;
            state.new_section();
            state.rows = trip_rows::RowContext::of_section(document, section, &state);
            state.mission_list_owner = document
                .sections
                .get(section)
                .and_then(|heading| mission_lists::heading_owner(&heading.heading));
        }
        let text = document.slice(sentence.span);
        let first_in_block = index == 0 || sentences[index - 1].block != sentence.block;
        state.in_row = matches!(block.kind, BlockKind::ListItem | BlockKind::TableRow);
        if matches!(block.kind, BlockKind::Heading { .. }) {
            continue;
        }
        // A list or table headed "High-level visits" holds trips, whatever its section.
        let structure_heading = document
            .table_row(sentence.block)
            .map(|row| row.table.heading.as_str())
            .or_else(|| document.list_heading(sentence.block));
        if structure_heading.is_some_and(trip_rows::is_visit_heading) {
            state.rows.about_visits = true;
        }
        // A line standing alone such as "From X to Y" heads the rows below it.
        let alone = first_in_block && sentence.span.end >= block.span.end;
        if alone
            && state.rows.about_visits
            && let Some(direction) = trip_rows::heading_direction(text, &state)
        {
            state.rows.direction = Some(direction);
            continue;
        }
        // "High-level visits after 1989:": a line that introduces rows of visits.
        if alone && trip_rows::introduces_visits(text) {
            state.rows.about_visits = true;
            state.rows.direction = trip_rows::heading_direction(text, &state);
            continue;
        }
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
        mission_lists::extract(&view, &mut state, &mut found);
        visits::extract(&view, &mut state, &mut found);
        agreements::extract(&view, &mut state, &mut found);
        figures::extract(&view, &mut state, &mut found);
        if let Some(row) = document.table_row(sentence.block)
            && sentence.span == block.span
        {
            trip_rows::table_trip(document, row, &view, &mut state, &mut found);
        }
        let listed_row = first_in_block && trip_rows::extract(&view, &state, &mut found);
        if !listed_row {
            trip_rows::introduce(&view, &found, &mut state);
        }
        let table_heading = document
            .table_row(sentence.block)
            .map(|row| row.table.heading.as_str());
        trade_tables::extract(&view, table_heading, &mut state, &mut found);
        // Former states the sentence names without naming their successor too ("West
        // Germany" beside "the GDR" keeps each its own).
        let named = |code: CountryCode| view.countries.iter().any(|country| country.code == code);
        let named_former: Vec<CountryCode> = view
            .countries
            .iter()
            .map(|country| country.code)
            .filter(|code| {
                bilateral_gazetteer::successor(*code).is_some_and(|successor| !named(successor))
            })
            .collect();
        for item in &mut found {
            key_to_state_of_the_time(&mut item.fact, &named_former);
        }
        remember(&view, &mut state);
        if found.is_empty() {
            continue;
        }
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
    settle_offices(&mut facts, &state.registry, &state.unsaid_offices);
    repeats::fold_repeats(&mut facts);
    facts
}

/// A visit or count by who and when, to find it again among the document's facts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TripKey {
    visitor: Option<String>,
    start: Option<PartialDate>,
}

impl TripKey {
    pub(crate) fn of(fact: &Fact) -> Self {
        match fact {
            Fact::Visit { visitor, start, .. } => TripKey {
                visitor: visitor.clone(),
                start: *start,
            },
            Fact::VisitCount { visitor, .. } => TripKey {
                visitor: visitor.clone(),
                start: None,
            },
            _ => TripKey {
                visitor: None,
                start: None,
            },
        }
    }
}

/// A traveller whose office the sentence of the trip left unsaid takes the one the document
/// gives them elsewhere ("Prime Minister X" in an earlier or later paragraph). An office the
/// sentence did say ("Crown Prince X toured ...") stays, even where it was "other".
fn settle_offices(facts: &mut [ExtractedFact], registry: &Registry, unsaid: &[TripKey]) {
    for extracted in facts {
        if !unsaid.contains(&TripKey::of(&extracted.fact)) {
            continue;
        }
        if let Fact::Visit {
            visitor: Some(name),
            office,
            ..
        }
        | Fact::VisitCount {
            visitor: Some(name),
            office,
            ..
        } = &mut extracted.fact
            && *office == bilateral_model::Office::Other
            && let Some(known) = registry.office_of(name)
        {
            *office = known;
        }
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

/// Rewrites a fact's states to those of its date (see [`bilateral_gazetteer::state_at`]), and
/// to a former state its sentence names when the fact falls in that state's time ("the East
/// German embassy opened in 1975" in a Germany–Mozambique article): a member may have had two
/// states at once, which the date alone cannot tell apart.
fn key_to_state_of_the_time(fact: &mut Fact, named_former: &[CountryCode]) {
    let date = fact.date();
    let at = |code: &mut CountryCode| {
        let former = named_former.iter().copied().find(|former| {
            bilateral_gazetteer::successor(*former) == Some(*code)
                && date.is_none_or(|date| bilateral_gazetteer::existed_at(*former, date))
        });
        *code = match (former, date) {
            (Some(former), _) => former,
            (None, Some(date)) => bilateral_gazetteer::state_at(*code, date),
            (None, None) => *code,
        };
    };
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
        }
        | Fact::VisitCount {
            visitor_country,
            host,
            ..
        } => {
            at(visitor_country);
            at(host);
        }
        Fact::Population {
            country: Some(country),
            ..
        } => at(country),
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

    fn dyad(text: &str, hints: DyadHints<'_>) -> Option<String> {
        let document = bilateral_read::read_text(text);
        find_dyad_with(&document, hints).map(|dyad| format!("{}-{}", dyad.first(), dyad.second()))
    }

    const NO_TITLE: &str = "Notes on a friendship\n\nThe two governments meet every year.\n";

    #[test]
    fn the_dyad_comes_from_the_title_then_the_file_name() {
        let named = DyadHints {
            given: None,
            file_name: Some("articles/chile-norway-relations.txt"),
        };
        assert_eq!(dyad(NO_TITLE, named).as_deref(), Some("CHL-NOR"));
        assert_eq!(dyad(NO_TITLE, DyadHints::default()), None);
        let titled = "Peru–Japan relations\n\nThe two governments meet every year.\n";
        assert_eq!(dyad(titled, named).as_deref(), Some("JPN-PER"));
    }

    #[test]
    fn a_given_dyad_overrides_the_title() {
        let given = Dyad::new(
            CountryCode::new("FIN").expect("code"),
            CountryCode::new("EST").expect("code"),
        )
        .ok();
        let hints = DyadHints {
            given,
            file_name: None,
        };
        let titled = "Peru–Japan relations\n\nThe two governments meet every year.\n";
        assert_eq!(dyad(titled, hints).as_deref(), Some("EST-FIN"));
    }

    #[test]
    fn an_embassy_page_under_a_generic_title_is_about_the_embassy_and_its_host() {
        for (page, codes) in [
            (
                "EMBASSY OF MONGOLIA IN THE REPUBLIC OF KOREA\n\n\
                 Bilateral Relations > Political Relations\n\nPolitical Relations\n\n\
                 The two states established relations in 1990.\n",
                "KOR-MNG",
            ),
            (
                "Embassy of Chile in Norway\n\nBilateral Relations\n\nThe two states trade.\n",
                "CHL-NOR",
            ),
            (
                "Ministry of Foreign Affairs\nConsulate General of Brazil in Japan\n\n\
                 Bilateral Relations\n\nThe two states trade.\n",
                "BRA-JPN",
            ),
            // The title comes first, even in an ASCII hyphen.
            (
                "Embassy of Japan in Viet Nam\n\nJapan-Laos Relations (Basic Data)\n\n\
                 The two states trade.\n",
                "JPN-LAO",
            ),
        ] {
            assert_eq!(
                dyad(page, DyadHints::default()).as_deref(),
                Some(codes),
                "{page}"
            );
        }
        for page in [
            "Embassy of Chile in Oslo\n\nBilateral Relations\n\nThe two states trade.\n",
            "Embassy of Chile\n\nBilateral Relations\n\nThe two states trade.\n",
        ] {
            assert_eq!(dyad(page, DyadHints::default()), None, "{page}");
        }
    }

    #[test]
    fn a_ministry_page_is_about_its_own_state_and_the_one_its_title_names() {
        let page = "Ministry of Foreign Affairs\nRepublic of Chile\n\nHome > Europe > Norway\n\n\
                    Bilateral relations: Kingdom of Norway\n\nThe two states have traded since 1850.\n";
        assert_eq!(dyad(page, DyadHints::default()).as_deref(), Some("CHL-NOR"));
    }
}

/// Support for the rules' unit tests: short articles written for them, read and extracted.
#[cfg(test)]
pub(crate) mod testing {
    use bilateral_model::{Document, Fact};

    /// A scraped-text article.
    pub fn text_article(title: &str, body: &str) -> Document {
        bilateral_read::read_text(&format!("{title}\n\n{body}\n"))
    }

    /// Asserts that `document` yields exactly `expected` (one answer-key fact per line, in any
    /// order) among its reported facts of `types`.
    pub fn assert_facts(types: &[&str], document: &Document, expected: &str) {
        let mut want: Vec<String> = expected
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| {
                let fact: Fact =
                    serde_json::from_str(line).unwrap_or_else(|error| panic!("{line}: {error}"));
                serde_json::to_string(&fact).unwrap_or_default()
            })
            .collect();
        let mut got: Vec<String> = crate::analyse(document)
            .facts
            .iter()
            .filter(|fact| fact.confidence >= crate::REPORT_THRESHOLD)
            .filter(|fact| types.contains(&fact.fact.type_name()))
            .map(|fact| serde_json::to_string(&fact.fact).unwrap_or_default())
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "in {:?}", document.text);
    }
}
