//! Visits (one trip each), visit counts ("visited Japan on five occasions"), and meetings
//! between named leaders.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Fact, Office, PartialDate, Span, VisitLevel};

use crate::modality::asserts;
use std::sync::LazyLock;

use crate::lexicon;
use crate::text::{Lowered, count_word, find_every};
use crate::view::{PersonRef, View};
use crate::when::{When, date_near, relative_date};
use crate::{Found, State, VisitMemo, last_date_before};

/// Phrases that say someone went somewhere.
static TRIGGERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "trip"));

/// Triggers that make the trip the reverse of the last one.
static RECIPROCAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "return trip"));

/// Phrases that mean "the same destination as the last trip".
static SAME_PLACE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "same place"));

/// Words that count trips.
static COUNT_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "count nouns"));

/// Nouns a trip verb makes a trip of.
static TRIP_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "trip nouns"));

/// Verbs, in every form, that make a trip of the noun a few words after them: "paid a visit",
/// "made a two-day trip", "undertook an official tour".
static TRIP_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "trip verbs"));

/// "paid a two-day visit", "made an unannounced trip": a trip verb and its noun, at most
/// three words apart, as one trigger.
fn verb_and_trip_noun(view: &View) -> Vec<Span> {
    view.lower
        .find_every(&TRIP_VERBS, view.whole())
        .into_iter()
        .filter_map(|verb| {
            let rest = view.lower.get(verb.end..)?;
            let fourth = rest.split_whitespace().take(4).last()?;
            let window_end =
                verb.end + (fourth.as_ptr() as usize - rest.as_ptr() as usize) + fourth.len();
            let noun = view
                .lower
                .find_any(&TRIP_NOUNS, Span::new(verb.end, window_end))?;
            let gap = view.lower.get(verb.end..noun.start)?;
            (!gap.contains([',', ';', '.'])).then(|| Span::new(verb.start, noun.end))
        })
        .collect()
}

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    // One scan of the sentence for each kind of trigger; each clause then takes its own.
    let mut trip_triggers = view.lower.find_every(&TRIGGERS, view.whole());
    trip_triggers.extend(verb_and_trip_noun(view));
    trip_triggers.sort_by_key(|span| (span.start, span.end));
    // "meeting" is a verb only before the person met ("arriving on 20 January and meeting
    // X"); "the meeting was held" is the noun.
    let meeting_triggers: Vec<Span> = view
        .lower
        .find_every(&MEETING_TRIGGERS, view.whole())
        .into_iter()
        .filter(|trigger| {
            view.lower.get(trigger.start..trigger.end) != Some("meeting")
                || view
                    .people
                    .iter()
                    .any(|person| !person.pronoun && person.span.start == trigger.end + 1)
                || view
                    .titles
                    .iter()
                    .any(|title| title.span.start == trigger.end + 1)
        })
        .collect();
    let within = |triggers: &[Span], clause: Span| -> Vec<Span> {
        triggers
            .iter()
            .copied()
            .filter(|span| clause.start <= span.start && span.end <= clause.end)
            .collect()
    };
    if trip_triggers.is_empty() {
        one_of_these_trips(view, state, found);
    }
    for clause in view.clauses.clone() {
        if !trip_triggers.is_empty() {
            visits_in(view, clause, &within(&trip_triggers, clause), state, found);
        }
        if let Some(trigger) = within(&meeting_triggers, clause).first() {
            let told_as_trip = !trip_triggers.is_empty();
            meetings_in(view, clause, *trigger, told_as_trip, state, found);
        }
    }
}

/// Phrases that point back at the trips just counted: "On the third of these trips, ...".
static THESE_TRIPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "these trips"));

/// "X travelled to Y four times. On the third of these trips, from 9 to 11 March 2010, ...":
/// one of the trips just told, dated by this sentence.
fn one_of_these_trips(view: &View, state: &mut State, found: &mut Vec<Found>) {
    let Some(phrase) = view.lower.find_any(&THESE_TRIPS, view.whole()) else {
        return;
    };
    let (Some(memo), Some(date)) = (
        state.last_visit,
        view.dates_in(Span::new(phrase.end, view.text.len())).next(),
    ) else {
        return;
    };
    let Some(name) = state
        .registry
        .get(memo.visitor)
        .map(|person| person.name.clone())
    else {
        return;
    };
    let trip = Trip {
        visitor_country: memo.visitor_country,
        host: memo.host,
        office: memo.office,
        level: level_of(&view.lower, view.whole()),
    };
    let when = When {
        start: date.start,
        end: date.end,
    };
    found.push(trip.visit(&name, Some(when), 0.7));
    state.event_date = Some(when.start);
}

/// The visit triggers of a clause, grouped so that each group is one trip: a new trip starts
/// only after a date has been written since the last trigger.
fn trips(view: &View, triggers: &[Span]) -> Vec<Span> {
    let mut groups: Vec<Span> = Vec::new();
    for &trigger in triggers {
        match groups.last_mut() {
            Some(last)
                if view
                    .dates_in(Span::new(last.start, trigger.start))
                    .next()
                    .is_none() =>
            {
                last.end = last.end.max(trigger.end);
            }
            _ => groups.push(trigger),
        }
    }
    groups
}

pub(crate) fn level_of(lower: &Lowered, span: Span) -> VisitLevel {
    if lower
        .find_any(&["state visit", "state visits"], span)
        .is_some()
    {
        VisitLevel::State
    } else if lower
        .find_any(&["official visit", "official visits"], span)
        .is_some()
    {
        VisitLevel::Official
    } else if lower
        .find_any(&["working visit", "working visits"], span)
        .is_some()
    {
        VisitLevel::Working
    } else if lower
        .find_any(&["private visit", "private visits"], span)
        .is_some()
    {
        VisitLevel::Private
    } else {
        VisitLevel::Unspecified
    }
}

/// The person who travels: the first person named before the trigger in the clause.
/// The people named in `span` who may act in the event at `trigger`. "Lula's successor, X,
/// went to Luanda", "Meles's successor, X, held talks with Y": a name in the possessive only
/// points the way to the actor; "X's talks with Y", "X's second visit" name one.
fn actors_in<'v>(view: &'v View, span: Span, trigger: Span) -> Vec<&'v PersonRef> {
    let points_the_way = |person: &PersonRef| {
        view.possessive_at(person.span.end) && !view.possessive_heads(person.span.end, trigger)
    };
    // "held talks with X at La Moneda", "met in Los Cabos": an untitled name after "at" or
    // "in" is a place the person recogniser could not tell from a name.
    let a_place = |person: &PersonRef| {
        let head = view.lower.get(..person.span.start).unwrap_or("").trim_end();
        let head = head.strip_suffix(" the").unwrap_or(head);
        person.office.is_none()
            && !person.pronoun
            && (head.ends_with(" at") || head.ends_with(" in"))
    };
    view.people_in(span)
        .filter(|person| !points_the_way(person) && !a_place(person))
        .collect()
}

fn traveller<'v>(view: &'v View, clause: Span, trigger: Span) -> Vec<&'v PersonRef> {
    let before = actors_in(view, Span::new(clause.start, trigger.start), trigger);
    // "visit of the Prime Minister of Romania, X, to Amman", "the treaty was signed during
    // the official visit of X": the person after "of", whoever the clause named before.
    if visit_of(view, trigger)
        && let Some(person) = view
            .people_in(Span::new(trigger.end, clause.end))
            .find(|person| !person.pronoun)
            .filter(|person| {
                // A title and its complement may stand between: "the Minister of Foreign
                // Affairs of Latvia X".
                let titled_from = view
                    .titles
                    .iter()
                    .filter(|title| {
                        title.span.start >= trigger.end && title.span.end <= person.span.start
                    })
                    .map(|title| title.complement.unwrap_or(title.span).end)
                    .max()
                    .unwrap_or(trigger.end);
                let words = |from: usize| {
                    view.lower
                        .get(from..person.span.start)
                        .map_or(usize::MAX, |gap| gap.split_whitespace().count())
                };
                words(trigger.end) <= 6 || words(titled_from) <= 1
            })
    {
        return vec![person];
    }
    // "X, whose visit of January 1976 followed Y's visit to Ottawa": the possessor of the
    // trip noun is its traveller.
    if let Some(owner) = before
        .iter()
        .rev()
        .find(|person| view.possessive_heads(person.span.end, trigger))
    {
        return vec![*owner];
    }
    let Some(first) = before.first() else {
        // "On his state visit of June 1970 he ...": the pronoun's person.
        let head = view.lower.get(clause.start..trigger.start).unwrap_or("");
        let possessive = head
            .split_whitespace()
            .rev()
            .take(3)
            .any(|word| matches!(word, "his" | "her"));
        if possessive
            && let Some(person) = view
                .people
                .iter()
                .find(|person| person.pronoun && person.span.start >= trigger.end)
                .or_else(|| {
                    view.people
                        .iter()
                        .rfind(|person| person.span.end <= clause.start)
                })
        {
            return vec![person];
        }
        // "During a visit to Tokyo by Prime Minister X"; "the first ... to come on a state
        // visit was X".
        let marker = view
            .lower
            .find_any(&["by", "was"], Span::new(trigger.end, clause.end));
        return marker
            .and_then(|marker| {
                view.people_in(Span::new(marker.end, clause.end))
                    .next()
                    .filter(|person| {
                        view.lower
                            .get(marker.end..person.span.start)
                            .is_some_and(|gap| gap.split_whitespace().count() <= 3)
                    })
            })
            .into_iter()
            .collect();
    };
    let mut travellers = vec![*first];
    // "A and B both went to ...".
    for pair in before.windows(2) {
        let between = view
            .lower
            .get(pair[0].span.end..pair[1].span.start)
            .unwrap_or("");
        if matches!(between, " and " | ", " | ", and ") && travellers.contains(&pair[0]) {
            travellers.push(pair[1]);
        }
    }
    travellers
}

/// The office of a person at a mention: its title, an "as president" phrase, what the
/// registry knows, a title in the clause, or a tenure in the sentence ("his presidency").
fn office_of(
    view: &View,
    state: &State,
    person: &PersonRef,
    clause: Span,
    trigger: Span,
) -> Option<Office> {
    // "President X, who had come as defence minister": the capacity of the trip comes first.
    // (The traveller may be named in a clause before this one.)
    let after_person = Span::new(person.span.end.min(clause.end), clause.end);
    let capacity = view
        .capacity_phrase(after_person)
        .filter(|_| person.office.is_some());
    // "X, General Secretary of the party and, as chairman of the council, head of state,
    // visited": a title between the traveller and the trip, in apposition ("X, on a visit
    // to Chile, was received by the president" is someone else's).
    let apposition = || {
        view.titles_in(after_person)
            .filter(|title| {
                view.lower
                    .get(person.span.end..title.span.start)
                    .is_some_and(|gap| gap.trim_start().starts_with(','))
                    && (title.span.end <= trigger.start || person.span.start >= trigger.end)
            })
            .map(|title| title.office)
            .find(|office| *office != Office::Other)
    };
    // Within the clause, a vague office ("other": a party secretary, a commander) gives way
    // to a definite one written beside it.
    let in_clause = [
        capacity,
        person.office,
        view.office_phrase(clause),
        apposition(),
    ];
    // Beyond the clause, a definite office anywhere in the sentence ("the presidency of X
    // (1981–2011), who visited ...") beats a vague one.
    let known = state.registry.get(person.id).and_then(|known| known.office);
    let in_sentence = [
        known,
        view.office_phrase(view.whole()),
        view.tenure_office(view.whole()),
    ];
    let definite = |offices: &[Option<Office>]| {
        offices
            .iter()
            .flatten()
            .copied()
            .find(|office| *office != Office::Other)
    };
    definite(&in_clause)
        .or_else(|| in_clause.iter().flatten().copied().next())
        .or_else(|| definite(&in_sentence))
        .or_else(|| in_sentence.iter().flatten().copied().next())
}

/// "hosted by X", "received by X", "at the invitation of X": the host is X's state.
fn hosted_by(view: &View, clause: Span, state: &State) -> Option<CountryCode> {
    let marker = view.lower.find_any(
        &["hosted by", "received by", "invitation of", "guest of"],
        clause,
    )?;
    let host = view.people_in(Span::new(marker.end, clause.end)).next()?;
    state
        .registry
        .get(host.id)
        .and_then(|person| person.country)
        .filter(|code| state.dyad.contains(*code))
}

/// "His successor X", "her predecessor": the office of the last traveller.
fn successor_office(view: &View, clause: Span, state: &State) -> Option<Office> {
    view.lower.find_any(&["successor", "predecessor"], clause)?;
    state.last_visit.map(|memo| memo.office)
}

/// Verbs that name a trip's destination before the trip: "chose Kenya for a state visit",
/// "made Jakarta the destination of his first trip".
static CHOOSING: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "choosing"));

/// The destination a choosing verb names before the trigger, within two words of the verb.
fn chosen_destination(view: &View, clause: Span, trigger: Span) -> Option<CountryCode> {
    let verb = view
        .lower
        .find_every(&CHOOSING, Span::new(clause.start, trigger.start))
        .pop()?;
    view.countries_in(Span::new(verb.end, trigger.start))
        .find(|country| !matches!(country.via, bilateral_gazetteer::MentionVia::Demonym))
        .filter(|country| {
            view.lower
                .get(verb.end..country.span.start)
                .is_some_and(|gap| gap.split_whitespace().count() <= 2)
        })
        .map(|country| country.code)
}

/// Whether the trip goes to a capitalised name that is no state, city of the pair, person,
/// title or date: a place elsewhere, right after the trigger ("visited Lyon", "travelled to
/// Davos") or after a "to" further on ("a visit from Santiago to Lima").
fn unknown_place_follows(view: &View, segment: Span, trigger: Span) -> bool {
    let onward = view
        .lower
        .get(trigger.end..segment.end)
        .and_then(|rest| rest.find(" to "))
        .map(|at| Span::new(trigger.end + at, trigger.end + at + " to".len()));
    unknown_place_after(view, trigger) || onward.is_some_and(|to| unknown_place_after(view, to))
}

/// Whether a capitalised name no recogniser knows stands right after `span`.
fn unknown_place_after(view: &View, trigger: Span) -> bool {
    let rest = view.text.get(trigger.end..).unwrap_or("");
    let mut start = trigger.end + (rest.len() - rest.trim_start().len());
    // "a delegation to the United Nations Conference".
    if view
        .text
        .get(start..)
        .is_some_and(|word| word.starts_with("the "))
    {
        start += "the ".len();
    }
    let capitalised = view
        .text
        .get(start..)
        .is_some_and(|word| word.starts_with(|ch: char| ch.is_uppercase()));
    let known = |span: Span| span.start <= start && start < span.end.max(span.start + 1);
    capitalised
        && start > trigger.end
        && !view.countries.iter().any(|country| known(country.span))
        && !view.people.iter().any(|person| known(person.span))
        && !view.titles.iter().any(|title| known(title.span))
        && !view.dates.iter().any(|date| known(date.span))
}

/// Whether a visit noun names its traveller after "of": "the visit of X", "official visit of
/// the President of Latvia X".
/// Not "his state visit of June 1970", which dates the visit.
fn visit_of(view: &View, trigger: Span) -> bool {
    let own = view.lower.get(trigger.start..trigger.end).unwrap_or("");
    let after = view.lower.get(trigger.end..).unwrap_or("");
    let of_end = if own.ends_with(" of") {
        trigger.end
    } else if own.ends_with("visit") && after.starts_with(" of ") {
        trigger.end + " of".len()
    } else {
        return false;
    };
    !view.dates.iter().any(|date| date.span.start == of_end + 1)
}

/// The destination of a trip: a state or capital named within a few words after the trigger,
/// with no comma between ("visited Japan", "paid a state visit to Chile", "arrived in Seoul").
fn destination(view: &View, clause: Span, trigger: Span) -> Option<CountryCode> {
    // A state in a title's complement is the traveller's ("the President of Chile").
    let in_title = |span: Span| {
        view.titles.iter().any(|title| {
            title.complement.is_some_and(|complement| {
                complement.start <= span.start && span.end <= complement.end
            })
        })
    };
    // "a visit from Santiago to Lima": the place a trip came from is no destination.
    let origin = |span: Span| {
        view.lower
            .get(..span.start)
            .is_some_and(|head| head.trim_end().ends_with(" from"))
    };
    view.countries_in(Span::new(trigger.start, clause.end))
        .filter(|country| !in_title(country.span) && !origin(country.span))
        .find(|country| !matches!(country.via, bilateral_gazetteer::MentionVia::Demonym))
        .filter(|country| {
            let between = view
                .lower
                .get(trigger.end..country.span.start)
                .unwrap_or("");
            // "visit of the Prime Minister of Romania, X, to Amman": the traveller in
            // apposition before "to".
            let visit_of = visit_of(view, trigger)
                && between.ends_with(" to ")
                && between.split_whitespace().count() <= 12
                && !between
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_digit())
                && !between.split_whitespace().any(|word| word == "by");
            // Close after the verb, or "attended the summit in Hanoi" within the same phrase;
            // not the traveller's own state ("the first visit by a Chilean leader").
            visit_of
                || !between.contains([',', ';', '('])
                    && !between.split_whitespace().any(|word| word == "by")
                    && (between.split_whitespace().count() <= 4
                        || between.ends_with(" in ")
                        || between.ends_with(" to ")
                        || between.ends_with(" to the "))
        })
        .map(|country| country.code)
}

fn visits_in(
    view: &View,
    clause: Span,
    triggers: &[Span],
    state: &mut State,
    found: &mut Vec<Found>,
) {
    let trips = trips(view, triggers);
    let mut previous_host: Option<CountryCode> = None;
    for (index, trigger) in trips.iter().copied().enumerate() {
        if !asserts(&view.lower, clause, trigger) {
            continue;
        }
        let segment_end = trips.get(index + 1).map_or(clause.end, |next| next.start);
        let segment = Span::new(trigger.start, segment_end);
        let reciprocal = view
            .lower
            .find_any(&RECIPROCAL, Span::new(clause.start, segment_end))
            .is_some();
        let same_place = view.lower.find_any(&SAME_PLACE, trigger).is_some();
        let travellers = traveller(view, clause, trigger);
        let respective = respective(view, clause, trigger, travellers.len(), state);
        if respective.is_none()
            && travellers.len() > 1
            && view.lower.has_any(&["respectively"], clause)
        {
            // Places or dates that cannot be shared out one to a traveller: none is guessed.
            continue;
        }
        // "Three presidents – A, B and C – visited ... respectively" counts people, not trips.
        let count = count_in(view, clause).filter(|_| respective.is_none());
        // A trip to a former state of a member ("to the Soviet Union") is a trip to the member,
        // keyed back to the former state by its date.
        let explicit = destination(view, Span::new(clause.start, segment_end), trigger)
            .or_else(|| chosen_destination(view, clause, trigger))
            .map(|code| {
                bilateral_gazetteer::successor(code)
                    .filter(|successor| state.dyad.contains(*successor))
                    .unwrap_or(code)
            });
        if explicit.is_some_and(|code| !state.dyad.contains(code)) {
            // The trip went to a third state.
            continue;
        }
        // "the visit of X to Amman" is a trip; "during the visit of X" only dates something,
        // and in "PM X's visit of 17 May 2015 was the first ..." the noun tells of no trip.
        let bare_noun = view.lower.get(trigger.start..trigger.end) == Some("visit of");
        let names_after_of = visit_of(view, trigger);
        if (bare_noun && !names_after_of) || (names_after_of && explicit.is_none()) {
            continue;
        }
        if explicit.is_none()
            && !reciprocal
            && unknown_place_follows(view, Span::new(clause.start, segment_end), trigger)
        {
            // "visited Lyon": somewhere the gazetteer places in neither state.
            continue;
        }
        let mut host = explicit;
        if host.is_none() {
            host = hosted_by(view, clause, state);
        }
        if host.is_none() {
            let own_last = travellers
                .first()
                .and_then(|person| state.registry.get(person.id))
                .and_then(|person| person.last_host);
            // The traveller's own state, when the text gives it ("the first German head of
            // state to come"), means the other member of the dyad is the host.
            let from_title = title_visitor(view, clause, trigger)
                .and_then(|(_, country)| country)
                .or_else(|| title_after_by(view, segment))
                .or_else(|| origin_in(view, clause, state))
                .and_then(|country| state.other(country));
            // A traveller whose state is known can only have gone to the other member.
            let from_own_state = travellers
                .first()
                .and_then(|person| state.partner_of(person));
            host = if reciprocal {
                state.last_visit.map(|memo| memo.visitor_country)
            } else if same_place {
                own_last
                    .or(previous_host)
                    .or(state.last_visit.map(|memo| memo.host))
            } else {
                // In prose a trip told after another goes the same way; a row of a list or
                // table is its own (the row rules give its direction), so there the last trip's
                // destination holds only for its own traveller.
                let same_traveller = state.last_visit.filter(|memo| {
                    !state.in_row
                        || travellers
                            .first()
                            .is_some_and(|person| person.pronoun || person.id == memo.visitor)
                });
                previous_host
                    .or(from_title)
                    .or(from_own_state)
                    .or(own_last)
                    .or(same_traveller.map(|memo| memo.host))
            };
        }
        let Some(host) = host else {
            continue;
        };
        previous_host = Some(host);
        let level = level_of(&view.lower, Span::new(clause.start, segment_end));
        let last = last_date_before(view, trigger.start, state);

        if travellers.is_empty() {
            // "Prime Ministers of Japan paid two official visits": a count with no name.
            if let Some(count) = count
                && let Some((office, country)) = title_visitor(view, clause, trigger)
            {
                let visitor_country = country.or_else(|| state.other(host));
                if let Some(visitor_country) = visitor_country.filter(|code| *code != host) {
                    found.push(Found {
                        fact: Fact::VisitCount {
                            visitor_country,
                            host,
                            visitor: None,
                            office,
                            count,
                        },
                        confidence: 0.7,
                    });
                    let trip = Trip {
                        visitor_country,
                        host,
                        office,
                        level,
                    };
                    listed_visits(view, clause, trigger, trip, state, found);
                }
            }
            continue;
        }
        for (position, person) in travellers.into_iter().enumerate() {
            let Some(known) = state.registry.get(person.id) else {
                continue;
            };
            let name = known.name.clone();
            let (host, respective_date) = match &respective {
                Some(respective) => respective.of(position, host),
                None => (host, None),
            };
            let visitor_country = person
                .country
                .or(known.country)
                .or_else(|| state.other(host));
            let Some(visitor_country) = visitor_country else {
                continue;
            };
            if visitor_country == host || !state.dyad.contains(visitor_country) {
                continue;
            }
            let said = office_of(view, state, person, clause, trigger)
                .or_else(|| successor_office(view, clause, state))
                .or_else(|| {
                    // "Three Chilean presidents – A, B and C – ...": the title of the list.
                    respective.as_ref()?;
                    title_visitor(view, clause, trigger).map(|(office, _)| office)
                });
            let office = said.unwrap_or(if level == VisitLevel::State {
                // A state visit is a head of state's by definition.
                Office::HeadOfState
            } else {
                Office::Other
            });
            let first_found = found.len();
            let trip = Trip {
                visitor_country,
                host,
                office,
                level,
            };
            if let Some(count) = count {
                found.push(Found {
                    fact: Fact::VisitCount {
                        visitor_country,
                        host,
                        visitor: Some(name.clone()),
                        office,
                        count,
                    },
                    confidence: 0.8,
                });
                // The list of trips may run into the next clause when that clause is only its
                // last item: "three times: in 2001, in 2005 for the summit, and on 13 November
                // 2013".
                let list_end = view
                    .clauses
                    .iter()
                    .find(|next| next.start >= clause.end)
                    .filter(|next| {
                        let head = view.lower.get(next.start..next.end).unwrap_or("");
                        (head.starts_with("on ") || head.starts_with("in "))
                            && view.dates_in(**next).next().is_some()
                    })
                    .map_or(clause.end, |next| next.end);
                let dates: Vec<When> = view
                    .dates_in(Span::new(trigger.start, list_end))
                    .map(|date| When {
                        start: date.start,
                        end: date.end,
                    })
                    .collect();
                for when in dates.into_iter().take(count as usize) {
                    found.push(trip.visit(&name, Some(when), 0.8));
                    // "On that last visit ...": the list's last trip is the one spoken of next.
                    state.event_date = Some(when.start);
                }
            } else {
                let when = respective_date
                    .or_else(|| {
                        date_near(view, segment, trigger.start, last)
                            .or_else(|| date_near(view, clause, trigger.start, last))
                    })
                    .map(|when| {
                        if dated_by_event(view, segment, trigger) {
                            event_month(when.start)
                        } else {
                            when
                        }
                    });
                // "visited China in 1993 and again in 1997": a second trip, same traveller.
                if let Some(again) = view.lower.find_any(&["and again"], segment)
                    && let Some(date) = view.dates_in(Span::new(again.end, segment.end)).next()
                {
                    let again_when = When {
                        start: date.start,
                        end: date.end,
                    };
                    found.push(trip.visit(&name, Some(again_when), 0.8));
                }
                found.push(trip.visit(&name, when, 0.8));
                if let Some(when) = when {
                    state.event_date = Some(when.start);
                }
            }
            if said.is_none() {
                // The document may give this traveller's office elsewhere.
                for item in &found[first_found..] {
                    state.unsaid_offices.push(crate::TripKey::of(&item.fact));
                }
            }
            state.last_visit = Some(VisitMemo {
                visitor_country,
                host,
                office,
                visitor: person.id,
            });
            if let Some(known) = state.registry.get_mut(person.id) {
                known.last_host = Some(host);
                known.country = known.country.or(Some(visitor_country));
                known.office = known
                    .office
                    .or(Some(office))
                    .filter(|_| office != Office::Other)
                    .or(known.office);
            }
        }
    }
}

/// The longest a trip's dates may span, in days as [`PartialDate::widest_days_to`] counts them.
const MAX_TRIP_DAYS: i64 = 62;

/// "A and B visited X and Y in March and May 2016 respectively": the places and dates of a
/// clause shared out among its travellers in order. A single place or date is everyone's.
struct Respective {
    hosts: Vec<CountryCode>,
    dates: Vec<When>,
}

impl Respective {
    /// The host and date of the traveller at `position`; `host` when the clause names one
    /// place for all.
    fn of(&self, position: usize, host: CountryCode) -> (CountryCode, Option<When>) {
        let pick = |count: usize| if count == 1 { 0 } else { position };
        (
            self.hosts
                .get(pick(self.hosts.len()))
                .copied()
                .unwrap_or(host),
            self.dates.get(pick(self.dates.len())).copied(),
        )
    }
}

fn respective(
    view: &View,
    clause: Span,
    trigger: Span,
    travellers: usize,
    state: &State,
) -> Option<Respective> {
    if travellers < 2 || !view.lower.has_any(&["respectively"], clause) {
        return None;
    }
    let after = Span::new(trigger.start, clause.end);
    let hosts: Vec<CountryCode> = view
        .countries_in(after)
        .filter(|country| !matches!(country.via, bilateral_gazetteer::MentionVia::Demonym))
        .map(|country| country.code)
        .collect();
    let dates: Vec<When> = view
        .dates_in(after)
        .map(|date| When {
            start: date.start,
            end: date.end,
        })
        .collect();
    let fits = |count: usize| count == 1 || count == travellers;
    let hosts_fit = hosts.is_empty()
        || fits(hosts.len()) && hosts.iter().all(|code| state.dyad.contains(*code));
    let dates_fit = dates.is_empty() || fits(dates.len());
    let shared_out = hosts.len() == travellers || dates.len() == travellers;
    (hosts_fit && dates_fit && shared_out).then_some(Respective { hosts, dates })
}

/// Who went where, in what capacity: everything one visit fact needs but the traveller's name
/// and the dates.
#[derive(Clone, Copy)]
struct Trip {
    visitor_country: CountryCode,
    host: CountryCode,
    office: Office,
    level: VisitLevel,
}

impl Trip {
    /// The visit of `name` on `when`; an undated one is kept with a confidence below the
    /// reporting threshold, since the keys always date their visits.
    fn visit(&self, name: &str, when: Option<When>, confidence: f32) -> Found {
        // A span of more than two months is a tenure or a period ("between 1981 and 1989",
        // "during her presidency (1994–2002)"), not the dates of one trip.
        let when = when.filter(|when| {
            when.end
                .is_none_or(|end| when.start.widest_days_to(&end) <= MAX_TRIP_DAYS)
        });
        Found {
            fact: Fact::Visit {
                visitor_country: self.visitor_country,
                host: self.host,
                visitor: Some(name.to_owned()),
                office: self.office,
                level: self.level,
                start: when.map(|when| when.start),
                end: when.and_then(|when| when.end),
            },
            confidence: if when.is_some() { confidence } else { 0.3 },
        }
    }
}

/// "A in May 1977, B in June 1995 and C in September 1999" after a colon: one visit each.
fn listed_visits(
    view: &View,
    clause: Span,
    trigger: Span,
    trip: Trip,
    state: &mut State,
    found: &mut Vec<Found>,
) {
    let tail = view.lower.get(trigger.end..clause.end).unwrap_or("");
    let Some(colon) = tail.find(':') else {
        return;
    };
    let list = Span::new(trigger.end + colon, clause.end);
    let people: Vec<&PersonRef> = view
        .people_in(list)
        .filter(|person| !person.pronoun)
        .collect();
    for (index, person) in people.iter().enumerate() {
        let until = people
            .get(index + 1)
            .map_or(list.end, |next| next.span.start);
        let Some(date) = view.dates_in(Span::new(person.span.end, until)).next() else {
            continue;
        };
        // The list's title tells each traveller's state and office for later sentences
        // ("During Prime Minister Modi's state visit in June 2023, ...").
        let Some(known) = state.registry.get_mut(person.id) else {
            continue;
        };
        known.country = known.country.or(Some(trip.visitor_country));
        if trip.office != Office::Other {
            known.office = known.office.or(Some(trip.office));
        }
        let name = known.name.clone();
        found.push(trip.visit(
            &name,
            Some(When {
                start: date.start,
                end: date.end,
            }),
            0.7,
        ));
    }
}

/// A title standing for the traveller when no one is named: "Prime Ministers of Japan",
/// "three Vietnamese heads of government". Returns its office and the state it names.
fn title_visitor(
    view: &View,
    clause: Span,
    trigger: Span,
) -> Option<(Office, Option<CountryCode>)> {
    title_in(view, Span::new(clause.start, trigger.start))
}

/// The state of a title that follows "by" in a trip: "the first visit by a Chilean head of
/// government".
/// The member a trip came from, said with "from": "President X's state visit in February 2019
/// was the most recent from Argentina".
fn origin_in(view: &View, clause: Span, state: &State) -> Option<CountryCode> {
    let origin = view
        .countries_in(clause)
        .filter(|country| !matches!(country.via, MentionVia::Demonym))
        .find(|country| {
            view.lower
                .get(..country.span.start)
                .is_some_and(|head| head.trim_end().ends_with(" from"))
        })?;
    Some(origin.code).filter(|code| state.dyad.contains(*code))
}

fn title_after_by(view: &View, segment: Span) -> Option<CountryCode> {
    let by = view.lower.find_any(&["by"], segment)?;
    let title = view.titles_in(Span::new(by.end, segment.end)).next()?;
    let gap = view.lower.get(by.end..title.span.start)?;
    if gap.split_whitespace().count() > 3 {
        return None;
    }
    title_in(view, Span::new(by.end, title.span.end))?.1
}

/// The last title within `span`, with the state written just before it or in its complement.
pub(crate) fn title_in(view: &View, span: Span) -> Option<(Office, Option<CountryCode>)> {
    let title = view.titles_in(span).last()?;
    let country = view
        .countries_in(span)
        .filter(|country| {
            let near_before =
                country.span.end <= title.span.start && title.span.start - country.span.end <= 2;
            let in_complement = title.complement.is_some_and(|complement| {
                complement.start <= country.span.start && country.span.end <= complement.end
            });
            near_before || in_complement
        })
        .map(|country| country.code)
        .next();
    Some((title.office, country))
}

/// A count of trips in the clause: "five times", "on three occasions", "two official visits",
/// "three ... heads of government came".
fn count_in(view: &View, clause: Span) -> Option<u32> {
    let slice = view.lower.get(clause.start..clause.end)?;
    for span in find_every(slice, &COUNT_NOUNS, Span::new(0, slice.len())) {
        let head = slice[..span.start].trim_end();
        let head = head
            .trim_end_matches(" official")
            .trim_end_matches(" state");
        if let Some(count) = head.split_whitespace().last().and_then(count_word)
            && count > 1
        {
            return Some(count);
        }
    }
    if let Some(found) = view.lower.find_any(&["twice", "thrice"], clause) {
        return Some(if view.lower[found.start..].starts_with("twice") {
            2
        } else {
            3
        });
    }
    // "three Vietnamese heads of government came to": a number before a plural title, but not
    // "the two presidents", which points back at people already named.
    for title in view.titles_in(clause) {
        let head = view.lower.get(clause.start..title.span.start)?.trim_end();
        let mut words = head.split_whitespace().rev();
        let first = words.next();
        let second = words.next();
        let third = words.next();
        let (count, article) = match first.and_then(count_word) {
            Some(count) => (Some(count), second),
            None => (second.and_then(count_word), third),
        };
        if article == Some("the") {
            continue;
        }
        let plural = view.lower[title.span.start..title.span.end].ends_with('s');
        if let Some(count) = count.filter(|&count| count > 1 && plural) {
            return Some(count);
        }
    }
    None
}

/// Phrases that say two people met.
static MEETING_TRIGGERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "meeting"));

/// Subjects that stand for the two leaders just named.
static PAIR_SUBJECTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "pair subjects"));

/// Phrases that make a contact something other than a meeting in person.
static NOT_IN_PERSON: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::VISITS, "not in person"));

/// `told_as_trip`: the sentence speaks of a trip itself, so talks in it make no trip of their
/// own.
fn meetings_in(
    view: &View,
    clause: Span,
    trigger: Span,
    told_as_trip: bool,
    state: &mut State,
    found: &mut Vec<Found>,
) {
    if crate::modality::meeting_is_hypothetical(&view.lower, clause)
        || crate::modality::is_negated(&view.lower, clause, trigger)
        || view.lower.find_any(&NOT_IN_PERSON, clause).is_some()
    {
        return;
    }
    let before: Vec<&PersonRef> = actors_in(view, Span::new(clause.start, trigger.start), trigger);
    let after: Vec<&PersonRef> = actors_in(view, Span::new(trigger.end, clause.end), trigger);
    let names = |people: &[&PersonRef]| -> Vec<usize> {
        let mut ids: Vec<usize> = Vec::new();
        for person in people {
            if !ids.contains(&person.id) {
                ids.push(person.id);
            }
        }
        ids
    };
    let subjects = names(&before);
    let objects = names(&after);
    let mut pairs: Vec<Vec<usize>> = Vec::new();
    let pair_subject = view
        .lower
        .find_any(&PAIR_SUBJECTS, Span::new(clause.start, trigger.start));
    match (subjects.as_slice(), objects.as_slice()) {
        ([first, second, ..], _) => pairs.push(vec![*first, *second]),
        ([subject], objects) => {
            for object in objects {
                if object != subject {
                    pairs.push(vec![*subject, *object]);
                }
            }
        }
        // "The two presidents met in X", "the two men met again at the funeral of Y": the
        // last two people named.
        ([], _) if pair_subject.is_some() => {
            pairs.extend(last_two_named(view, state, trigger, pair_subject));
        }
        ([], [first, second, ..]) => pairs.push(vec![*first, *second]),
        // "At a meeting with President X on 18 November": the traveller of the moment met X.
        ([], [object]) => {
            // The sentence's own subject if it named one earlier, else the last one before.
            let earlier = view
                .people
                .iter()
                .find(|person| person.span.end <= clause.start)
                .map(|person| person.id);
            if let Some(subject) = earlier
                .or(state.last_subject)
                .filter(|subject| subject != object)
            {
                pairs.push(vec![subject, *object]);
            }
        }
        ([], []) => {}
    }
    if pairs.is_empty() {
        return;
    }
    // The meeting's own date: written after the verb in its phrase, or "the following day"
    // after it, else "the same day" or a date before it in the clause, else a date further
    // on, else the trip's. A date past a comma ("..., renamed in 2016") dates something else
    // when the clause has its own.
    let last = last_date_before(view, trigger.start, state);
    let after = Span::new(trigger.start, clause.end);
    let phrase_end = view
        .lower
        .get(trigger.end..clause.end)
        .and_then(|rest| rest.find(','))
        .map_or(clause.end, |comma| trigger.end + comma);
    let before = Span::new(clause.start, trigger.start);
    let when = view
        .dates_in(Span::new(trigger.start, phrase_end))
        .next()
        .map(|date| date.start)
        .or_else(|| last.and_then(|last| relative_date(&view.lower, after, last)))
        .or_else(|| view.dates_in(before).last().map(|date| date.start))
        .or_else(|| last.and_then(|last| relative_date(&view.lower, before, last)))
        .or_else(|| date_near(view, clause, trigger.start, last).map(|when| when.start))
        .or_else(|| {
            // "On 3 March he arrived, and the two presidents held talks": the sentence's date.
            view.date_before(trigger.start)
        })
        .or(state.event_date);
    // "... visited Ganja, where the two held talks": the place just before "where".
    let place_ref = view
        .countries_in(Span::new(trigger.start, clause.end))
        .find(|country| country.via.is_city())
        .or_else(|| {
            view.countries_in(Span::new(0, trigger.start))
                .filter(|country| country.via.is_city())
                .last()
                .filter(|country| {
                    view.lower
                        .get(country.span.end..trigger.start)
                        .is_some_and(|gap| gap.starts_with(", where "))
                })
        });
    let place = place_ref.map(|country| view.slice(country.span).to_owned());
    for pair in &pairs {
        if let (false, Some(date), Some(place)) = (told_as_trip, when, place_ref)
            && let Some(visit) = visit_of_meeting(state, pair, place.code, date)
        {
            found.push(visit);
        }
    }
    for pair in pairs {
        let participants: Vec<String> = pair
            .iter()
            .filter_map(|id| state.registry.get(*id).map(|person| person.name.clone()))
            .collect();
        if participants.len() < 2 {
            continue;
        }
        found.push(Found {
            fact: Fact::Meeting {
                participants,
                date: when,
                place: place.clone(),
            },
            confidence: if when.is_some() { 0.75 } else { 0.4 },
        });
    }
    if let (Some(date), [host], [guest, ..]) = (when, subjects.as_slice(), objects.as_slice())
        && view.lower.get(trigger.start..trigger.end) == Some("received")
        && let Some(visit) = received_visit(view, state, (*host, *guest), clause, date)
    {
        found.push(visit);
    }
    if let Some(date) = when {
        state.event_date = Some(date);
    }
}

/// The last two people named before a pair subject ("the two presidents"), of the office it
/// names, and not both of one state.
fn last_two_named(
    view: &View,
    state: &State,
    trigger: Span,
    pair_subject: Option<Span>,
) -> Option<Vec<usize>> {
    let mut recent = state.recent_people.clone();
    for person in view
        .people
        .iter()
        .filter(|person| person.span.end <= trigger.start)
    {
        recent.retain(|id| *id != person.id);
        recent.push(person.id);
    }
    // "The two presidents": only heads of state; "the two prime ministers": heads of
    // government; "the two leaders": anyone.
    let wanted = pair_subject.and_then(|span| {
        let words = view.lower.get(span.start..span.end).unwrap_or("");
        if words.ends_with("presidents") || words.ends_with("heads of state") {
            Some(Office::HeadOfState)
        } else if words.ends_with("prime ministers") || words.ends_with("heads of government") {
            Some(Office::HeadOfGovernment)
        } else if words.ends_with("foreign ministers") {
            Some(Office::ForeignMinister)
        } else {
            None
        }
    });
    // People whose office the text never gave stay candidates.
    recent.retain(|id| {
        let office = state.registry.get(*id).and_then(|person| person.office);
        wanted.is_none() || office.is_none() || office == wanted
    });
    let country_of = |id: &usize| state.registry.get(*id).and_then(|person| person.country);
    match recent.as_slice() {
        [.., first, second]
            if country_of(first).is_none() || country_of(first) != country_of(second) =>
        {
            Some(vec![*first, *second])
        }
        _ => None,
    }
}

/// Whether the trip at `trigger` is dated only by an event during it: "the treaty was signed
/// on 13 April 1993 during the official visit of X" (no date of the trip's own follows).
fn dated_by_event(view: &View, segment: Span, trigger: Span) -> bool {
    let head = view.lower.get(..trigger.start).unwrap_or("");
    let during = head
        .split_whitespace()
        .rev()
        .take(4)
        .any(|word| word == "during");
    during
        && view
            .dates_in(Span::new(trigger.end, segment.end))
            .next()
            .is_none()
}

/// A trip known from a dated event during it starts in the event's month: the answer keys'
/// rule for "a visit known only from a dated event during the trip".
fn event_month(date: PartialDate) -> When {
    let start = match date {
        PartialDate::Day(year, month, _) | PartialDate::Month(year, month) => {
            PartialDate::Month(year, month)
        }
        other => other,
    };
    When { start, end: None }
}

/// Talks in a city of one member of the pair between one of its people and a person of the
/// other member are that person's trip there, dated to the talks' month.
fn visit_of_meeting(
    state: &State,
    pair: &[usize],
    host: CountryCode,
    date: PartialDate,
) -> Option<Found> {
    let guest_country = state.other(host)?;
    let country_of = |id: usize| state.registry.get(id).and_then(|person| person.country);
    let [first, second] = pair else {
        return None;
    };
    // The guest is the one the text gives as the other member's, beside one of the host's.
    let guest = match (country_of(*first), country_of(*second)) {
        (Some(a), Some(b)) if a == guest_country && b == host => *first,
        (Some(a), Some(b)) if b == guest_country && a == host => *second,
        _ => return None,
    };
    let person = state.registry.get(guest)?;
    let trip = Trip {
        visitor_country: guest_country,
        host,
        office: person.office.unwrap_or(Office::Other),
        level: VisitLevel::Unspecified,
    };
    Some(trip.visit(&person.name, Some(event_month(date)), 0.6))
}

/// "X received Y in Tokyo": Y came to the state whose capital or name follows the guest.
/// Without that place the reception may have been anywhere (a summit), and gives no visit.
fn received_visit(
    view: &View,
    state: &State,
    (host_id, guest_id): (usize, usize),
    clause: Span,
    date: PartialDate,
) -> Option<Found> {
    let guest_mention = view
        .people_in(Span::new(0, clause.end))
        .find(|person| person.id == guest_id && !person.pronoun)?;
    let place = view
        .countries_in(Span::new(guest_mention.span.end, clause.end))
        .next()
        .filter(|country| {
            view.lower
                .get(guest_mention.span.end..country.span.start)
                .is_some_and(|gap| gap.trim_matches([' ', ',']) == "in")
        })?;
    let host = Some(place.code).filter(|code| state.dyad.contains(*code))?;
    let host_person = state.registry.get(host_id)?;
    if host_person.country.is_some_and(|country| country != host) {
        return None;
    }
    let guest = state.registry.get(guest_id)?;
    let visitor_country = guest
        .country
        .or_else(|| state.other(host))
        .filter(|country| *country != host && state.dyad.contains(*country))?;
    let trip = Trip {
        visitor_country,
        host,
        office: guest_mention
            .office
            .or(guest.office)
            .unwrap_or(Office::Other),
        level: VisitLevel::Unspecified,
    };
    Some(trip.visit(
        &guest.name,
        Some(When {
            start: date,
            end: None,
        }),
        0.7,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_list_of_the_visit_lexicon_holds_phrases() {
        for list in [
            &TRIGGERS,
            &RECIPROCAL,
            &SAME_PLACE,
            &COUNT_NOUNS,
            &THESE_TRIPS,
            &CHOOSING,
            &TRIP_NOUNS,
            &TRIP_VERBS,
            &MEETING_TRIGGERS,
            &PAIR_SUBJECTS,
            &NOT_IN_PERSON,
        ] {
            assert!(!list.is_empty());
        }
        assert!(TRIP_VERBS.contains(&"undertook"));
    }
}
