//! Visits told as rows of a list rather than as sentences: "President A (1977, 1980)" under
//! "From X to Y", "1993 – Prime Minister B to X", "2011 Vice President (official visit)".
//!
//! A row names no verb; what makes it a trip is where it stands. Its direction comes from the
//! row itself ("… to X"), else from the list's heading ("From X to Y", "Visits to Y"), kept in
//! `State::rows` until the next heading that gives none.

use std::sync::LazyLock;

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Document, Fact, Office, PartialDate, RowRef, Span};
use bilateral_recognise::date::{DateContext, find_dates, month_from_name};

use crate::view::{DateRef, View};
use crate::{Found, State};

/// Words of a line that introduces rows of trips: "have been to Mexico:", "visited Chile:".
static INTRODUCED_TRIPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::lexicon::phrases(crate::lexicon::VISITS, "introduced trips"));

/// Words a heading of a list of trips may hold besides "from X to Y".
const HEADING_WORDS: &[&str] = &[
    "visits",
    "visit",
    "high-level",
    "high",
    "level",
    "official",
    "state",
    "and",
    "of",
    "leaders",
    "the",
    "by",
    "from",
    "to",
    "officials",
    "delegations",
    "dignitaries",
    "representatives",
    "ministers",
    "heads",
    "government",
    "senior",
    "high-ranking",
    "top",
    "exchange",
    "exchanges",
    "mutual",
    "bilateral",
    "recent",
    "main",
    "major",
    "in",
    "at",
];

/// What the current section says of the rows in it.
#[derive(Clone, Debug, Default)]
pub(crate) struct RowContext {
    /// The section, or one it belongs to, is headed as a list of visits.
    pub about_visits: bool,
    pub direction: Option<RowDirection>,
    /// The traveller of a list of dated trips, while its rows last.
    pub listed: Option<ListedTraveller>,
}

impl RowContext {
    /// The context of section `index`: about visits when its heading or an enclosing one
    /// speaks of visits; directed when its own heading reads "From X to Y".
    pub fn of_section(document: &Document, index: usize, state: &State) -> Self {
        let Some(section) = document.sections.get(index) else {
            return RowContext::default();
        };
        let mut level = section.level;
        let mut about_visits = false;
        for enclosing in document.sections[..=index].iter().rev() {
            if enclosing.level > level {
                continue;
            }
            level = enclosing.level;
            about_visits |= is_visit_heading(&enclosing.heading);
        }
        let direction = heading_direction(&section.heading, state);
        RowContext {
            about_visits: about_visits || direction.is_some(),
            direction,
            listed: None,
        }
    }
}

/// A short line ending in a colon that speaks of visits: "High-level visits after 1989:".
pub(crate) fn introduces_visits(line: &str) -> bool {
    const PERIOD_WORDS: &[&str] = &["after", "since", "before", "until", "include", "includes"];
    let line = line.trim();
    let Some(body) = line.strip_suffix(':') else {
        return false;
    };
    let lower = body.to_lowercase();
    let mentions = bilateral_gazetteer::find_mentions(body);
    // Only heading words, states and years: "X visited Y six times:" is a sentence.
    let heading_words = lower
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .filter(|word| !word.is_empty() && !word.chars().all(|ch| ch.is_ascii_digit()))
        .all(|word| {
            HEADING_WORDS.contains(&word)
                || PERIOD_WORDS.contains(&word)
                || mentions.iter().any(|mention| {
                    body.get(mention.span.start..mention.span.end)
                        .is_some_and(|name| {
                            name.to_lowercase()
                                .split_whitespace()
                                .any(|part| part == word)
                        })
                })
        });
    line.len() <= 80 && heading_words && is_visit_heading(body)
}

/// Whether a heading speaks of visits ("High-level visits", "Exchanges").
pub(crate) fn is_visit_heading(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    VISIT_HEADINGS.iter().any(|word| lower.contains(word))
}

/// Words of a heading over a list of trips.
const VISIT_HEADINGS: &[&str] = &["visit", "exchanges", "trips"];

/// Who travelled where in the rows under a heading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RowDirection {
    pub visitor_country: Option<CountryCode>,
    pub host: CountryCode,
}

/// The direction a heading or a line standing alone gives the rows under it: "From X to Y",
/// "(a) From X to Y", "Visits to Y", "Visits by X leaders to Y". `None` when the line says
/// anything else.
pub(crate) fn heading_direction(line: &str, state: &State) -> Option<RowDirection> {
    let body = strip_enumerator(line.trim());
    if body.len() > 80 {
        return None;
    }
    let mentions = bilateral_gazetteer::find_mentions(body);
    // Every word that is no country must be one a heading of trips uses.
    let mut rest = String::with_capacity(body.len());
    let mut at = 0;
    for mention in &mentions {
        rest.push_str(body.get(at..mention.span.start)?);
        rest.push(' ');
        at = mention.span.end;
    }
    rest.push_str(body.get(at..)?);
    let rest = rest.to_lowercase();
    let words: Vec<&str> = rest
        .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() || !words.iter().all(|word| HEADING_WORDS.contains(word)) {
        return None;
    }
    direction_of_mentions(body, &mentions, state)
}

/// The direction a table's caption gives its rows, in any words: "Visits by New Zealand
/// prime ministers to Fiji since 2006".
fn caption_direction(caption: &str, state: &State) -> Option<RowDirection> {
    if !is_visit_heading(caption) {
        return None;
    }
    direction_of_mentions(caption, &bilateral_gazetteer::find_mentions(caption), state)
}

/// Who travels where by the words before the states a heading names: "to X" is the host,
/// "from X", "by X" and a demonym the travellers' state.
fn direction_of_mentions(
    body: &str,
    mentions: &[bilateral_gazetteer::Mention],
    state: &State,
) -> Option<RowDirection> {
    // "From the Republic of Korea": the article before a name is no word of direction.
    let word_before = |mention: &bilateral_gazetteer::Mention| {
        body.get(..mention.span.start)
            .unwrap_or("")
            .split_whitespace()
            .rfind(|word| !word.eq_ignore_ascii_case("the"))
            .unwrap_or("")
            .to_lowercase()
    };
    let member = |code: CountryCode| Some(code).filter(|code| state.dyad.contains(*code));
    let mut visitor_country = None;
    let mut host = None;
    for mention in mentions {
        match word_before(mention).as_str() {
            "to" => host = member(mention.code),
            "from" | "by" => visitor_country = member(mention.code),
            // "Visits by Fijian leaders to ...": a demonym names the travellers.
            _ if matches!(mention.via, MentionVia::Demonym) => {
                visitor_country = member(mention.code);
            }
            _ => {}
        }
    }
    let host = host.or_else(|| visitor_country.and_then(|code| state.other(code)))?;
    let visitor_country = visitor_country.or_else(|| state.other(host));
    Some(RowDirection {
        visitor_country,
        host,
    })
    .filter(|direction| direction.visitor_country != Some(direction.host))
}

/// "(a) ", "b) ", "1. " before a heading's words.
fn strip_enumerator(line: &str) -> &str {
    let trimmed = line.trim_start_matches('(');
    let token_end = trimmed
        .find(|ch: char| !ch.is_alphanumeric())
        .unwrap_or(trimmed.len());
    let (token, after) = trimmed.split_at(token_end);
    let short = token.len() <= 2 || token.chars().all(|ch| ch.is_ascii_digit());
    match after.strip_prefix(')').or_else(|| after.strip_prefix('.')) {
        Some(after) if short && !token.is_empty() => after.trim_start(),
        _ => line,
    }
}

/// A traveller whose trips the rows below list by date alone: "X visited Y six times:" and
/// then "1953 – 25–27 November", "1966 – August".
#[derive(Clone, Debug)]
pub(crate) struct ListedTraveller {
    pub visitor_country: CountryCode,
    pub host: CountryCode,
    pub visitor: Option<String>,
    pub office: Office,
}

/// Remembers the traveller of a sentence that ends in a colon, for the dated rows below it;
/// any other sentence ends such a list.
pub(crate) fn introduce(view: &View, found: &[Found], state: &mut State) {
    state.rows.listed = None;
    if !view.text.trim_end().ends_with(':') {
        return;
    }
    // "Four Philippine Presidents have been to Mexico in various capacities:": the rows
    // below, each naming its traveller, go the way the line says.
    if view.lower.has_any(&INTRODUCED_TRIPS, view.whole())
        && let Some(direction) = direction_of_mentions(
            view.text,
            &bilateral_gazetteer::find_mentions(view.text),
            state,
        )
        .filter(|direction| direction.visitor_country.is_some())
    {
        state.rows.about_visits = true;
        state.rows.direction = Some(direction);
    }
    // "His dated trips include:" lists the trips of the last traveller; "Most recent
    // visits:" lists anyone's.
    let of_last_traveller = || {
        (view
            .lower
            .has_any(&["trips", "visits", "travels"], view.whole())
            && view.lower.has_any(&["his", "her"], view.whole()))
        .then_some(state.last_visit)
        .flatten()
        .map(|memo| ListedTraveller {
            visitor_country: memo.visitor_country,
            host: memo.host,
            visitor: state
                .registry
                .get(memo.visitor)
                .map(|person| person.name.clone()),
            office: memo.office,
        })
    };
    state.rows.listed = found.iter().find_map(|item| match &item.fact {
        Fact::VisitCount {
            visitor_country,
            host,
            visitor,
            office,
            ..
        }
        | Fact::Visit {
            visitor_country,
            host,
            visitor,
            office,
            ..
        } => Some(ListedTraveller {
            visitor_country: *visitor_country,
            host: *host,
            visitor: visitor.clone(),
            office: *office,
        }),
        _ => None,
    });
    if state.rows.listed.is_none() {
        state.rows.listed = of_last_traveller();
    }
}

/// What a column of a table of trips holds, by the words of its heading.
#[derive(Clone, Copy, PartialEq, Debug)]
enum TripColumn {
    Date,
    Visitor,
    Office,
    Host,
    Place,
    Level,
    /// "Vietnam → Finland": the visitor's state, then the host.
    Direction,
}

fn trip_column(heading: &str) -> Option<TripColumn> {
    let heading = heading.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| heading.contains(word));
    Some(if has(&["date", "year", "when"]) {
        TripColumn::Date
    } else if has(&[
        "visitor",
        "visiting",
        "leader",
        "guest",
        "name",
        "delegation",
    ]) {
        TripColumn::Visitor
    } else if has(&["office", "title", "position", "post"]) {
        TripColumn::Office
    } else if has(&["host", "country", "destination"]) {
        TripColumn::Host
    } else if has(&["venue", "place", "city", "location"]) {
        TripColumn::Place
    } else if has(&["type", "level", "kind"]) {
        TripColumn::Level
    } else if has(&["direction", "route"]) {
        TripColumn::Direction
    } else {
        return None;
    })
}

/// A row of a table of trips, read by its header: "Date | Visitor | Office | Host country",
/// "Session | Date | Venue | Visiting leader". The visitor's state is the other member of the
/// pair from the host, named in its column, by the venue's city or by the heading over the
/// table ("From X to Y" over "Year | Name").
pub(crate) fn table_trip(
    document: &Document,
    row: RowRef<'_>,
    view: &View,
    state: &mut State,
    found: &mut Vec<Found>,
) {
    // Cell spans in the sentence's offsets: the sentence is the row's whole block.
    let Some(sentence_start) = document
        .blocks
        .get(row.row.block)
        .map(|block| block.span.start)
    else {
        return;
    };
    let mut columns: Vec<(TripColumn, Span)> = Vec::new();
    let mut visitor_title = None;
    for (index, cell) in row.row.cells.iter().enumerate() {
        let heading = document.column_heading(row, index);
        let title = heading.and_then(bilateral_recognise::office::office_of_title);
        let Some(column) = heading
            .and_then(trip_column)
            .or(title.map(|_| TripColumn::Visitor))
        else {
            continue;
        };
        if column == TripColumn::Visitor {
            visitor_title = visitor_title.or(title);
        }
        let span = Span::new(
            cell.start.saturating_sub(sentence_start),
            cell.end.saturating_sub(sentence_start),
        );
        columns.push((column, span));
    }
    let cell = |wanted: TripColumn| {
        columns
            .iter()
            .find(|(column, _)| *column == wanted)
            .map(|(_, span)| *span)
    };
    let (Some(date_cell), Some(visitor_cell)) = (cell(TripColumn::Date), cell(TripColumn::Visitor))
    else {
        return;
    };
    // "| November 2019 | President X | Chile | Planned for the summit; cancelled |".
    if crate::modality::is_hypothetical(&view.lower, view.whole()) {
        return;
    }
    let host = cell(TripColumn::Host)
        .and_then(|span| {
            view.countries_in(span)
                .find(|country| !matches!(country.via, MentionVia::Demonym))
        })
        .or_else(|| {
            // "Vietnam → Finland", "from Finland to Vietnam": the state named last.
            cell(TripColumn::Direction).and_then(|span| {
                let named: Vec<_> = view.countries_in(span).collect();
                named.last().filter(|_| named.len() >= 2).copied()
            })
        })
        .or_else(|| cell(TripColumn::Place).and_then(|span| view.countries_in(span).next()))
        .map(|country| country.code)
        .or_else(|| cell(TripColumn::Place).and_then(|span| venue_state(view, span, state)));
    if host.is_some_and(|code| !state.dyad.contains(code)) {
        // A venue in a third state: a meeting there, no trip to either member.
        return;
    }
    let dates: Vec<&DateRef> = view.dates_in(date_cell).collect();
    let person = view.people_in(visitor_cell).find(|person| !person.pronoun);
    // No place the gazetteer knows: the caption's direction, else the other state of the
    // visitor's.
    let host = host.or_else(|| {
        caption_direction(&row.table.heading, state)
            .or(state.rows.direction)
            .map(|direction| direction.host)
            .or_else(|| person.and_then(|person| state.partner_of(person)))
    });
    let (Some(host), Some(date)) = (host, dates.first()) else {
        return;
    };
    // "2004-05-03 – 2004-05-05": two dates joined by a dash are the trip's first and last day.
    let end = date.end.or_else(|| {
        let next = dates.get(1)?;
        let gap = view.text.get(date.span.end..next.span.start)?;
        matches!(gap.trim(), "–" | "-" | "—" | "to").then_some(next.start)
    });
    // "1991 | President X | Cuba | State visit, 14–17 July": a year made precise by a day or
    // month written further along the row.
    let (start, end) = within_lead_year(view, date).unwrap_or((date.start, end));
    let Some(visitor_country) = state.other(host) else {
        return;
    };
    // An office column, or a visitor column headed by a title ("Prime Minister").
    let column_office = cell(TripColumn::Office)
        .and_then(|span| view.titles_in(span).next().map(|title| title.office))
        .or(visitor_title);
    // The office column tells the document who the visitor is, for rows and tables below.
    if let (Some(office), Some(person)) = (column_office, person)
        && let Some(known) = state.registry.get_mut(person.id)
    {
        known.office = Some(office);
        known.country = known.country.or(Some(visitor_country));
    }
    let known = person.and_then(|person| state.registry.get(person.id));
    let office = column_office
        .or_else(|| person.and_then(|person| person.office))
        .or_else(|| known.and_then(|known| known.office))
        .unwrap_or(Office::Other);
    // The level from its column, else from anywhere in the row ("Remarks: State visit").
    let level = crate::visits::level_of(
        &view.lower,
        cell(TripColumn::Level).unwrap_or_else(|| view.whole()),
    );
    found.push(Found {
        fact: Fact::Visit {
            visitor_country,
            host,
            visitor: known.map(|known| known.name.clone()),
            office,
            level,
            start: Some(start),
            end,
        },
        confidence: 0.7,
    });
}

/// The state of a venue cell that names a city alone ("Trabzon", "Geneva (UN)").
fn venue_state(view: &View, cell: Span, state: &State) -> Option<CountryCode> {
    let name = view
        .slice(cell)
        .split(['(', ',', ';'])
        .next()
        .unwrap_or("")
        .trim();
    bilateral_gazetteer::city_state(name, &state.dyad.codes())
}

/// A row that is a date alone under a sentence naming the traveller: one trip.
fn dated_row(view: &View, listed: &ListedTraveller, found: &mut Vec<Found>) -> bool {
    let Some(lead) = view
        .dates
        .first()
        .filter(|date| view.text[..date.span.start].trim().is_empty())
    else {
        return false;
    };
    // A row that names its own traveller is the other kind of row.
    if traveller_start(view, Some(lead)).is_some() || view.text.len() > 200 {
        return false;
    }
    // "3 May 2016 – official visit of the President of Latvia X to Georgia": the sentence
    // rules found the row's own trip.
    if found
        .iter()
        .any(|item| matches!(item.fact, Fact::Visit { .. }))
    {
        return true;
    }
    for (start, end) in row_dates(view, Some(lead), lead.span.end) {
        found.push(Found {
            fact: Fact::Visit {
                visitor_country: listed.visitor_country,
                host: listed.host,
                visitor: listed.visitor.clone(),
                office: listed.office,
                level: crate::visits::level_of(&view.lower, view.whole()),
                start: Some(start),
                end,
            },
            confidence: 0.7,
        });
    }
    true
}

/// The trips of one row: the first sentence of a block, in a section about visits, or under
/// a sentence that introduces a list of one traveller's trips. Returns whether the row was
/// one of such a list, which then goes on.
pub(crate) fn extract(view: &View, state: &State, found: &mut Vec<Found>) -> bool {
    if let Some(listed) = &state.rows.listed
        && dated_row(view, listed, found)
    {
        return true;
    }
    if state.rows.about_visits && view.text.len() <= 400 {
        traveller_row(view, state, found);
    }
    false
}

/// A row that names its traveller: "President X (1977, 1980)", "1993 – Prime Minister Y to Z".
fn traveller_row(view: &View, state: &State, found: &mut Vec<Found>) {
    // A row is a list of trips only while it names no verb of its own: sentences are the
    // other rules' work.
    let lead = view
        .dates
        .first()
        .filter(|date| view.text[..date.span.start].trim().is_empty());
    let Some(traveller_at) = traveller_start(view, lead) else {
        return;
    };
    if crate::modality::is_hypothetical(&view.lower, view.whole()) {
        return;
    }
    let (person, title_office) = traveller(view, traveller_at);
    let explicit_host = view
        .countries
        .iter()
        .filter(|country| country.span.start >= traveller_at)
        .find(|country| {
            view.lower
                .get(..country.span.start)
                .is_some_and(|head| head.trim_end().ends_with(" to"))
                && !matches!(country.via, MentionVia::Demonym)
        })
        .map(|country| country.code);
    let direction = match explicit_host {
        Some(host) if state.dyad.contains(host) => RowDirection {
            visitor_country: state.other(host),
            host,
        },
        Some(_) => return,
        None => match state.rows.direction {
            Some(direction) => direction,
            // "2019 – President of the Swiss Confederation X" under "Official visits": the
            // traveller's own state, from the title or the document, sets the direction.
            None => {
                let own = crate::visits::title_in(view, Span::new(traveller_at, view.text.len()))
                    .and_then(|(_, country)| country)
                    .or_else(|| person.and_then(|id| state.registry.get(id)?.country))
                    .filter(|code| state.dyad.contains(*code));
                let Some(host) = own.and_then(|code| state.other(code)) else {
                    return;
                };
                RowDirection {
                    visitor_country: own,
                    host,
                }
            }
        },
    };
    let known = person.and_then(|id| state.registry.get(id));
    let visitor_country = direction
        .visitor_country
        .or_else(|| known.and_then(|known| known.country));
    let Some(visitor_country) = visitor_country.filter(|code| *code != direction.host) else {
        return;
    };
    let office = title_office
        .or_else(|| known.and_then(|known| known.office))
        .unwrap_or(Office::Other);
    let level = crate::visits::level_of(&view.lower, view.whole());
    let name = known.map(|known| known.name.clone());
    for (start, end) in row_dates(view, lead, traveller_at) {
        found.push(Found {
            fact: Fact::Visit {
                visitor_country,
                host: direction.host,
                visitor: name.clone(),
                office,
                level,
                start: Some(start),
                end,
            },
            confidence: 0.7,
        });
    }
}

/// Where the traveller's title or name begins: right after the row's leading date and its
/// dash, or at the row's start. `None` when the row does not open with a title or a person.
fn traveller_start(view: &View, lead: Option<&DateRef>) -> Option<usize> {
    let after_lead = lead.map_or(0, |date| date.span.end);
    let head = view.text.get(after_lead..)?;
    let skipped = head.len()
        - head
            .trim_start_matches(|ch: char| {
                ch.is_whitespace() || matches!(ch, '–' | '—' | '-' | ':')
            })
            .len();
    let start = after_lead + skipped;
    // "Chilean Prime Minister X": the title after its demonym.
    let title_at = view
        .countries
        .iter()
        .find(|country| country.span.start == start && matches!(country.via, MentionVia::Demonym))
        .map_or(start, |demonym| {
            let rest = view.text.get(demonym.span.end..).unwrap_or("");
            demonym.span.end + (rest.len() - rest.trim_start().len())
        });
    let opens_with = |span: Span| span.start == start || span.start == title_at;
    let titled = view.titles.iter().any(|title| opens_with(title.span));
    let named = view
        .people
        .iter()
        .any(|person| !person.pronoun && opens_with(person.span));
    (titled || named).then_some(start)
}

/// The person a row names and the office its title gives.
fn traveller(view: &View, from: usize) -> (Option<usize>, Option<Office>) {
    let person = view
        .people
        .iter()
        .find(|person| !person.pronoun && person.span.start >= from);
    let office = person.and_then(|person| person.office).or_else(|| {
        view.titles
            .iter()
            .find(|title| title.span.start >= from)
            .map(|title| title.office)
    });
    (person.map(|person| person.id), office)
}

/// The trips' dates: a leading date made precise by a day written later in the row
/// ("2015 Prime Minister X (official visit, 17 May)"), or one trip per date after the
/// traveller ("President X (1977, 1980)").
fn row_dates(
    view: &View,
    lead: Option<&DateRef>,
    traveller_at: usize,
) -> Vec<(PartialDate, Option<PartialDate>)> {
    let later: Vec<&DateRef> = view
        .dates
        .iter()
        .filter(|date| date.span.start >= traveller_at)
        .collect();
    match lead {
        // "President X (1977, 1980)": the years stand in brackets after the name, in a cell
        // of their own ("President X | State visit, December 1977"), or after a colon or a
        // dash ("President of Mongolia: 1994, 2001").
        None if !view
            .text
            .get(traveller_at..later.first().map_or(traveller_at, |date| date.span.start))
            .is_some_and(|gap| {
                gap.contains('(')
                    || gap.contains(" | ")
                    || gap.trim_end().ends_with([':', '–', '—'])
                    || gap.ends_with(" - ")
            }) =>
        {
            Vec::new()
        }
        Some(lead) => {
            let precise = later
                .iter()
                .find(|date| date.start.within(&lead.start) && date.start != lead.start)
                .map(|date| (date.start, date.end))
                .or_else(|| within_lead_year(view, lead));
            vec![precise.unwrap_or((lead.start, lead.end))]
        }
        None => later.iter().map(|date| (date.start, date.end)).collect(),
    }
}

/// A day or month written after a leading year, read in that year: "1953 – 25–27 November",
/// "1975 – late April", "1966 – August".
fn within_lead_year(view: &View, lead: &DateRef) -> Option<(PartialDate, Option<PartialDate>)> {
    let PartialDate::Year(year) = lead.start else {
        return None;
    };
    let rest = view.text.get(lead.span.end..)?;
    let context = DateContext {
        year: Some(year),
        month: None,
    };
    if let Some(date) = find_dates(rest, &context)
        .into_iter()
        .find(|date| date.start.within(&lead.start) && date.start != lead.start)
    {
        return Some((date.start, date.end));
    }
    // A month name alone: first after the year ("1975 – late April"), or in the row's
    // brackets ("President X (state visit, September)").
    let words = |text: &'_ str| -> Vec<String> {
        text.split(|ch: char| !ch.is_alphabetic())
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let leading = words(rest)
        .into_iter()
        .find(|word| !matches!(word.to_lowercase().as_str(), "early" | "mid" | "late"));
    let bracketed = rest
        .split_once('(')
        .map(|(_, inside)| words(inside.split(')').next().unwrap_or(inside)))
        .unwrap_or_default();
    // "Official visit, May": a month standing first after a comma.
    let after_comma: Vec<String> = rest
        .split(',')
        .skip(1)
        .filter_map(|part| words(part).into_iter().next())
        .collect();
    let month = leading
        .iter()
        .chain(&bracketed)
        .chain(&after_comma)
        .filter(|word| word.starts_with(|ch: char| ch.is_uppercase()))
        .find_map(|word| month_from_name(word))?;
    Some((PartialDate::month(year, month).ok()?, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_lists_words_that_introduce_trips() {
        assert!(super::INTRODUCED_TRIPS.contains(&"been to"));
    }

    #[test]
    fn enumerators_before_headings_are_dropped() {
        assert_eq!(strip_enumerator("(a) From X to Y"), "From X to Y");
        assert_eq!(strip_enumerator("b) From X to Y"), "From X to Y");
        assert_eq!(strip_enumerator("2. Visits"), "Visits");
        assert_eq!(strip_enumerator("From X to Y"), "From X to Y");
    }
}
