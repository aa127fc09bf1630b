//! Missions written as entries of a list, a table row or a data line rather than in prose:
//! "Embassy of Mongolia, New Delhi: opened 1970; closed 2017", "Consulate-General, Kunming
//! (2005)" under a line "Bangladeshi missions in China", "Zambian missions in Tanzania: High
//! Commission, Dar es Salaam (opened 1964); Consulate, Mbeya (opened March 2019)", a table
//! row "Embassy of Brazil | Luanda | 1976".
//!
//! An entry opens with its mission noun and names its sender ("of X", a demonym before the
//! noun, or the list's header), then its city, then its dates: bare in brackets or a cell,
//! or after "opened" and "closed". Any other word before a date ("announced 2019") voids it.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, PartialDate, Span};

use std::sync::LazyLock;

use crate::lexicon;
use crate::missions::{capitalised_run, mission_fact, nouns_in};
use crate::view::View;
use crate::{Found, MissionMemo, State};

/// Words that may sit between a list's owner and "in": "Zambian missions in Tanzania".
static HEADER_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "header nouns"));

/// Cue words before an entry's date, and whether they open (`true`) or close the mission.
const DATE_CUES: &[(&str, bool)] = &[
    ("opened in", true),
    ("opened", true),
    ("established", true),
    ("since", true),
    ("closed in", false),
    ("closed", false),
];

/// Characters that separate an entry's cells: "Embassy, Beijing (1976)", "Embassy | Luanda".
const CELL_PUNCTUATION: &[char] = &[' ', ',', ':', '|', '(', '-', '–', '*', '•', ';'];

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    let mut body = 0;
    let mentions: Vec<(Span, CountryCode, MentionVia)> = view
        .countries
        .iter()
        .take(2)
        .map(|country| (country.span, country.code, country.via))
        .collect();
    if let Some((sender, host, end)) = header(view.text, &mentions) {
        if view.text[end..].trim().is_empty() {
            state.mission_list_owner = Some((sender, host));
            return;
        }
        state.mission_list_owner = Some((sender, host));
        body = end;
    }
    let nouns = nouns_in(&view.lower, Span::new(body, view.text.len()));
    let starts: Vec<usize> = nouns
        .iter()
        .filter(|noun| {
            let head = view.text[body..noun.span.start].trim_end_matches(CELL_PUNCTUATION);
            head.is_empty()
                || view.text[..noun.span.start]
                    .trim_end()
                    .ends_with([';', '|', ':'])
        })
        .map(|noun| noun.span.start)
        .collect();
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(view.text.len());
        let Some(noun) = nouns.iter().find(|noun| noun.span.start == start) else {
            continue;
        };
        entry(view, state, found, noun, Span::new(start, end), body);
    }
}

/// "Zambian missions in Tanzania:", "Azerbaijan in Turkey:", "Bangladeshi missions in China":
/// the sender and host of the entries that follow, and where the header ends. `mentions` are
/// the states the text names, in order.
fn header(
    text: &str,
    mentions: &[(Span, CountryCode, MentionVia)],
) -> Option<(CountryCode, CountryCode, usize)> {
    let lead = text.len() - text.trim_start_matches(CELL_PUNCTUATION).len();
    let &(owner_span, owner, owner_via) = mentions.first()?;
    if owner_span.start != lead || owner_via == MentionVia::Capital {
        return None;
    }
    let lower = text.get(owner_span.end..)?.to_ascii_lowercase();
    let mut rest = lower.as_str();
    if let Some(noun) = HEADER_NOUNS.iter().find(|noun| {
        rest.strip_prefix(' ')
            .is_some_and(|tail| tail.starts_with(*noun))
    }) {
        rest = &rest[1 + noun.len()..];
    }
    let host_start = text.len() - rest.strip_prefix(" in ")?.len();
    let &(host_span, host, _) = mentions
        .iter()
        .find(|(span, _, via)| span.start == host_start && *via == MentionVia::Name)?;
    let after = text.get(host_span.end..)?.trim_start();
    let end = if let Some(body) = after.strip_prefix(':') {
        text.len() - body.len()
    } else if after.is_empty() {
        text.len()
    } else {
        return None;
    };
    (owner != host).then_some((owner, host, end))
}

/// The sender and host a section heading such as "Bangladeshi missions in China" names for
/// the list below it.
pub(crate) fn heading_owner(heading: &str) -> Option<(CountryCode, CountryCode)> {
    let mentions: Vec<(Span, CountryCode, MentionVia)> =
        bilateral_gazetteer::find_mentions(heading)
            .into_iter()
            .map(|mention| (mention.span, mention.code, mention.via))
            .collect();
    header(heading, &mentions)
        .filter(|&(_, _, end)| heading[end..].trim().is_empty())
        .map(|(sender, host, _)| (sender, host))
}

fn entry(
    view: &View,
    state: &mut State,
    found: &mut Vec<Found>,
    noun: &crate::missions::MissionNoun,
    span: Span,
    body: usize,
) {
    let successor = |code: CountryCode| bilateral_gazetteer::successor(code).unwrap_or(code);
    let owner = state.mission_list_owner;
    // "Mission 2: Embassy of X, City - Established: 1950": a dash before a capital starts
    // another field of a flattened infobox.
    let span = Span::new(span.start, field_end(view.text, noun.span.end, span.end));
    // "Embassy of the Republic of Kazakhstan", "Lithuanian consulate", or the header's.
    let mut cursor = noun.span.end;
    let of_sender = view
        .lower
        .get(cursor..span.end)
        .filter(|rest| rest.starts_with(" of "))
        .and_then(|rest| {
            let stop = rest[4..]
                .find([',', ':', '(', '|', ';'])
                .map_or(span.end, |at| cursor + 4 + at);
            let stop = rest[4..]
                .find(" in ")
                .map_or(stop, |at| stop.min(cursor + 4 + at));
            view.countries_in(Span::new(cursor + 4, stop))
                .find(|country| country.via != MentionVia::Capital)
        });
    // "Lithuanian consulate, Sejny (1995)", a cell "Brazil | Embassy | Luanda | 1976".
    let before_sender = view
        .countries
        .iter()
        .filter(|country| country.via != MentionVia::Capital)
        .find(|country| {
            let gap = view
                .text
                .get(country.span.end..noun.span.start)
                .unwrap_or("");
            // A header's states ("Peru in Chile: consulate ...") are not the entry's.
            country.span.start >= body
                && country.span.end <= noun.span.start
                && if country.via == MentionVia::Demonym {
                    gap.trim().is_empty()
                } else {
                    !gap.is_empty() && gap.trim_matches(CELL_PUNCTUATION).is_empty()
                }
        });
    let sender = match (of_sender, before_sender) {
        (Some(country), _) => {
            cursor = country.span.end;
            Some(country.code)
        }
        (None, Some(country)) => Some(country.code),
        (None, None) => owner.map(|(sender, _)| sender),
    };
    let Some(sender) = sender else {
        return;
    };
    // The city: after "in", a comma or a cell break.
    let rest = &view.text[cursor..span.end];
    let skipped = rest.len() - rest.trim_start_matches(CELL_PUNCTUATION).len();
    let mut city_start = cursor + skipped;
    if view.lower[city_start..span.end].starts_with("in ") {
        city_start += 3;
    }
    let place = view
        .countries
        .iter()
        .find(|country| country.span.start == city_start);
    let city = match place {
        Some(country) if country.via == MentionVia::Name => None,
        _ => capitalised_run(view.text, city_start),
    };
    let Some(city_end) = city
        .as_ref()
        .map(|city| city_start + city.len())
        .or_else(|| place.map(|country| country.span.end))
    else {
        return;
    };
    let host = place
        .filter(|country| country.via != MentionVia::Demonym)
        .map(|country| country.code)
        .or_else(|| owner.filter(|(from, _)| *from == sender).map(|(_, to)| to))
        .or_else(|| state.counterpart(sender));
    let Some(host) = host else {
        return;
    };
    let in_dyad =
        |code: CountryCode| state.dyad.contains(code) || state.dyad.contains(successor(code));
    if !in_dyad(sender) || !in_dyad(host) || successor(sender) == successor(host) {
        return;
    }
    // "in Alma-Ata (then Kazakh SSR, USSR)": the state the city then belonged to.
    // "in Alma-Ata (then Kazakh SSR, USSR): opened 1989; closed 1992": the state the city
    // belonged to when the entry's first date was written, for that date alone.
    let then = then_state(view, Span::new(city_end, span.end));
    let mission = MissionMemo {
        sender,
        host,
        kind: noun.kind,
        city,
    };
    for (index, (opened, date)) in entry_dates(view, Span::new(city_end, span.end))
        .into_iter()
        .enumerate()
    {
        if state.mission_reported(opened, &mission, date) {
            continue;
        }
        let at_the_time = MissionMemo {
            host: then.filter(|_| index == 0).unwrap_or(host),
            ..mission.clone()
        };
        let fact = mission_fact(opened, &at_the_time, date);
        state.report_mission(opened, &mission, date);
        found.push(Found {
            fact,
            confidence: 0.8,
        });
    }
    state.missions.push(mission);
}

/// A former state (one with a successor: the USSR, Yugoslavia) named in an aside "(then
/// ...)" right after an entry's city.
fn then_state(view: &View, after: Span) -> Option<CountryCode> {
    let rest = view.lower.get(after.start..after.end)?;
    let inside = rest.trim_start().strip_prefix("(then ")?;
    let close = after.end - rest.len() + (rest.len() - inside.len()) + inside.find(')')?;
    view.countries_in(Span::new(after.start, close))
        .filter(|country| {
            country.via == MentionVia::Name
                && bilateral_gazetteer::successor(country.code).is_some()
        })
        .last()
        .map(|country| country.code)
}

/// Where an entry's field ends: at a dash followed by a capitalised word, else at `end`.
fn field_end(text: &str, from: usize, end: usize) -> usize {
    let tail = text.get(from..end).unwrap_or("");
    [" - ", " – ", " — "]
        .iter()
        .filter_map(|dash| {
            tail.match_indices(dash)
                .find(|(at, _)| {
                    tail[at + dash.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                })
                .map(|(at, _)| from + at)
        })
        .min()
        .unwrap_or(end)
}

/// The opening and closing dates of an entry, read after its city: "(1976)", "| 1976",
/// ": opened 1992; closed October 2007", "(then Kazakh SSR): opened 1989", "(1998–2010)". A bracketed
/// aside without a date is passed over; any other words before a date void the rest.
fn entry_dates(view: &View, after: Span) -> Vec<(bool, PartialDate)> {
    let mut dates = Vec::new();
    let mut cursor = after.start;
    for date in view
        .dates
        .iter()
        .filter(|date| after.start <= date.span.start && date.span.end <= after.end)
    {
        let mut gap = view.lower[cursor..date.span.start].to_owned();
        // "(then Kazakh SSR, USSR): opened 1989": an aside in brackets says nothing.
        while let (Some(open), Some(close)) = (gap.find('('), gap.find(')')) {
            if close < open {
                break;
            }
            gap.replace_range(open..=close, " ");
        }
        let words = gap.trim_matches(CELL_PUNCTUATION).trim_start_matches(')');
        let words = words.trim_matches(CELL_PUNCTUATION);
        let opened = if words.is_empty() {
            dates.is_empty()
        } else {
            match DATE_CUES.iter().find(|(cue, _)| *cue == words) {
                Some(&(_, opened)) => opened,
                None => break,
            }
        };
        // A bare date must close its cell: "(1976)", "1976 |", not "1976 onwards", nor a
        // citation's "Embassy of X, City (2024). "Title"", whose sentence ends with a stop.
        let next = view.text[date.span.end..after.end].trim_start();
        let closes = |rest: &str| rest.is_empty() || rest.starts_with([';', '|', ',']);
        let closed = closes(next)
            || next
                .strip_prefix(')')
                .is_some_and(|rest| closes(rest.trim_start()));
        if words.is_empty() && !closed {
            break;
        }
        match date.end {
            // "(1998–2010)": open from the first year to the last.
            Some(end) if words.is_empty() && dates.is_empty() => {
                dates.push((true, date.start));
                dates.push((false, end));
            }
            Some(_) => break,
            None => dates.push((opened, date.start)),
        }
        cursor = date.span.end;
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_nouns_of_the_mission_lexicon_hold_phrases() {
        assert!(HEADER_NOUNS.contains(&"diplomatic missions"));
    }
}
