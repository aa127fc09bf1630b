//! Embassies, consulates and other missions opened and closed.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Fact, MissionKind, PartialDate, Span};

use crate::modality::asserts;
use std::sync::LazyLock;

use crate::lexicon;
use crate::text::{Lexicon, Lowered, find_all};
use crate::view::View;
use crate::when::date_near;
use crate::{Found, MissionMemo, State, last_date_before};

/// Mission nouns, longest first, with their kind.
static NOUNS: LazyLock<Vec<(&'static str, MissionKind)>> =
    LazyLock::new(|| lexicon::kinds(lexicon::MISSIONS, "nouns", mission_kind));

/// A mission kind by its name in the lexicon.
fn mission_kind(name: &str) -> Option<MissionKind> {
    match name {
        "embassy" => Some(MissionKind::Embassy),
        "consulate" => Some(MissionKind::Consulate),
        "consulate_general" => Some(MissionKind::ConsulateGeneral),
        "honorary_consulate" => Some(MissionKind::HonoraryConsulate),
        "trade_mission" => Some(MissionKind::TradeMission),
        "other" => Some(MissionKind::Other),
        _ => None,
    }
}

/// Verbs of holding a mission, which with "since DATE" date its opening: "X has had an
/// embassy in Y since 1975", "X has an embassy in Y (since 1993)".
static HELD: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "held"));

static OPENED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "opened"));

static CLOSED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "closed"));

/// Verbs by which a state holds its missions: "X has an embassy in A".
static HOLDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "holds"));

/// Words that end a mission's sub-clause, so each mission pairs with its own verb and date.
const SUB_CLAUSE_BREAKS: &[&str] = &[", which", " which ", " when ", ", when", ": ", ", where"];

pub(crate) struct MissionNoun {
    pub span: Span,
    pub kind: MissionKind,
}

static NOUN_LEXICON: LazyLock<Lexicon<MissionKind>> = LazyLock::new(|| Lexicon::new(&NOUNS));

pub(crate) fn nouns_in(lower: &str, span: Span) -> Vec<MissionNoun> {
    let mut nouns: Vec<MissionNoun> = NOUN_LEXICON
        .find(lower, span)
        .into_iter()
        // "in the buildings of the former interests sections", "working at first from its
        // consulate-general": a place, not a mission.
        .filter(|(noun, _)| {
            let head = lower.get(..noun.start).unwrap_or("");
            ![
                "in the former ",
                "of the former ",
                "at the former ",
                "from the former ",
                "from its ",
                "out of its ",
            ]
            .iter()
            .any(|place| head.ends_with(place))
        })
        // "established relations at embassy level", "at the level of embassies": a rank of
        // relations; "an office within the Embassy compound": a place.
        .filter(|(noun, _)| {
            let head = lower.get(..noun.start).unwrap_or("");
            let tail = lower.get(noun.end..).unwrap_or("");
            !((head.ends_with("at ") || head.ends_with("at the ")) && tail.starts_with(" level")
                || head.ends_with("at the level of ")
                || [
                    " compound",
                    " premises",
                    " grounds",
                    " building",
                    " residence",
                ]
                .iter()
                .any(|place| tail.starts_with(place)))
        })
        .map(|(span, kind)| MissionNoun { span, kind })
        .collect();
    let named: Vec<Span> = nouns.iter().map(|noun| noun.span).collect();
    nouns.extend(agency_offices(lower, span).filter(|office| {
        !named
            .iter()
            .any(|noun| noun.start < office.span.end && office.span.start < noun.end)
    }));
    nouns.sort_by_key(|noun| noun.span.start);
    nouns
}

/// Words of an agency's name that make its "office" abroad a trade mission: "a Nigerian
/// Export Promotion Council office", "the Investment Authority's office".
static AGENCY_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "agency words"));

/// Other words of such an agency's name: "Export Promotion Council", "Trade Development
/// Board".
static AGENCY_NAME_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "agency name words"));

/// "An Export Promotion Council office": an office right after the name of a trade agency,
/// the noun taken from the name's first word so that the state before it is its sender.
fn agency_offices(lower: &str, span: Span) -> impl Iterator<Item = MissionNoun> + '_ {
    find_all(lower.get(..span.end).unwrap_or(""), "office")
        .into_iter()
        .filter(move |office| office.start >= span.start)
        .filter_map(move |office| {
            let head = &lower[span.start..office.start];
            let mut start = None;
            let mut agency = false;
            let mut offset = head.len();
            for word in head.split_whitespace().rev().take(5) {
                let bare = word.trim_end_matches("'s");
                if !AGENCY_WORDS.contains(&bare) && !AGENCY_NAME_WORDS.contains(&bare) {
                    break;
                }
                offset = head[..offset].rfind(word)?;
                agency |= AGENCY_WORDS.contains(&bare);
                start = Some(span.start + offset);
            }
            start.filter(|_| agency).map(|start| MissionNoun {
                span: Span::new(start, office.end),
                kind: MissionKind::TradeMission,
            })
        })
}

/// "The embassy stayed open", "kept its embassy in Jakarta open": a state, not an opening.
fn stays_open(lower: &str, trigger: Span) -> bool {
    const STAY: &[&str] = &[
        "stayed", "remained", "kept", "stay", "remain", "keep", "keeps", "keeping", "still",
    ];
    let head = lower.get(..trigger.start).unwrap_or("").trim_end();
    STAY.iter().any(|verb| head.ends_with(verb))
        || lower.get(trigger.start..trigger.end) == Some("open")
            && head
                .split_whitespace()
                .rev()
                .take(6)
                .any(|word| STAY.contains(&word))
}

/// Verbs that turn one kind of mission into another: "the legation became an embassy in
/// 1959", "both legations were raised to the rank of embassies".
static UPGRADES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "upgrades"));

/// Verbs that name the old mission first: "upgraded its consulate to a consulate-general".
static UPGRADES_OBJECT_FIRST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "upgrades object first"));

/// Words between an upgrade verb and the new mission noun.
static UPGRADE_FILLERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "upgrade fillers"));

/// The new mission noun right after `from`, past fillers ("a", "the rank of").
fn new_noun_at(view: &View, from: usize, clause: Span) -> Option<MissionNoun> {
    let rest = view.lower.get(from..clause.end).unwrap_or("");
    let skipped: usize = rest
        .split_inclusive(' ')
        .take_while(|word| word.trim().is_empty() || UPGRADE_FILLERS.contains(&word.trim()))
        .map(str::len)
        .sum();
    nouns_in(&view.lower, Span::new(from, clause.end))
        .into_iter()
        .find(|noun| noun.span.start == from + skipped)
}

/// Each upgrade in a clause as (verb, old mission, new mission): "the legation became an
/// embassy", "X upgraded its consulate in Y to a consulate-general".
fn upgrade_pairs(view: &View, clause: Span) -> Vec<(Span, MissionNoun, MissionNoun)> {
    let mut pairs = Vec::new();
    for verb in view.lower.find_every(&UPGRADES, clause) {
        let Some(new) = new_noun_at(view, verb.end, clause) else {
            continue;
        };
        if let Some(old) = nouns_in(&view.lower, Span::new(clause.start, verb.start))
            .into_iter()
            .last()
            .filter(|old| old.kind != new.kind)
        {
            pairs.push((verb, old, new));
        }
    }
    for verb in view.lower.find_every(&UPGRADES_OBJECT_FIRST, clause) {
        let Some(old) = nouns_in(&view.lower, Span::new(verb.end, clause.end))
            .into_iter()
            .next()
            .filter(|old| is_object_of(&view.lower, verb.end, old))
        else {
            continue;
        };
        // "... its consulate in Dire Dawa to a consulate-general": "to" within a few words.
        let rest = view.lower.get(old.span.end..clause.end).unwrap_or("");
        let Some(to) = [" to ", " into "]
            .iter()
            .filter_map(|word| rest.find(word).map(|at| at + word.len()))
            .min()
            .filter(|&at| rest[..at].split_whitespace().count() <= 5)
        else {
            continue;
        };
        if let Some(new) =
            new_noun_at(view, old.span.end + to, clause).filter(|new| new.kind != old.kind)
        {
            pairs.push((verb, old, new));
        }
    }
    pairs
}

/// Upgrades in `clause`: each is an opening of the new kind by the mission named before the
/// verb (one per member of the pair for "both legations"), dated by the date after it.
/// Returns the spans of the new mission nouns, which the other rules leave alone.
fn upgrades(view: &View, clause: Span, state: &mut State, found: &mut Vec<Found>) -> Vec<Span> {
    let mut targets = Vec::new();
    for (verb, old, new) in upgrade_pairs(view, clause) {
        if !asserts(&view.lower, clause, verb) {
            continue;
        }
        targets.push(new.span);
        let last = last_date_before(view, verb.start, state);
        // The date right after the new noun ("became an embassy in 1959"), else the one
        // before the verb ("in 1960 both legations were raised"), else one nearby.
        let Some(date) = view
            .dates_in(Span::new(new.span.end, clause.end))
            .next()
            .filter(|date| {
                let gap = view.lower.get(new.span.end..date.span.start).unwrap_or("");
                matches!(gap.trim(), "" | "in" | "on" | "from")
            })
            .or_else(|| view.dates_in(Span::new(clause.start, verb.start)).last())
            .map(|date| date.start)
            .or_else(|| date_near(view, clause, new.span.end, last).map(|when| when.start))
        else {
            continue;
        };
        let plural = view.slice(old.span).ends_with('s');
        let missions: Vec<MissionMemo> = if plural {
            let (first, second) = (state.dyad.first(), state.dyad.second());
            [(first, second), (second, first)]
                .into_iter()
                .map(|(sender, host)| MissionMemo {
                    sender,
                    host,
                    kind: new.kind,
                    city: state
                        .missions
                        .iter()
                        .rev()
                        .find(|memo| memo.sender == sender && memo.host == host)
                        .and_then(|memo| memo.city.clone()),
                })
                .collect()
        } else {
            resolve(view, clause, clause, &old, verb, state)
                .map(|memo| MissionMemo {
                    kind: new.kind,
                    ..memo
                })
                .into_iter()
                .collect()
        };
        for mission in missions {
            if report_once(state, found, true, &mission, date) {
                state.missions.push(mission);
            }
        }
    }
    targets
}

/// Every form of the verbs that take a mission from one city to another.
static MOVED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "moved"));

/// "Transferred its embassy from Lagos to Abuja in 2003", "opened an embassy in Bonn and moved
/// it to Berlin in 1999", "the Embassy was relocated to Astana": the mission closes in its old
/// city and opens in the new one.
fn moved(view: &View, clause: Span, state: &mut State, found: &mut Vec<Found>) {
    let Some(verb) = view.lower.find_any(&MOVED, clause) else {
        return;
    };
    if !asserts(&view.lower, clause, verb) {
        return;
    }
    let city_after = |word: &str, span: Span| {
        view.countries_in(span).find(|country| {
            country.via.is_city()
                && view
                    .lower
                    .get(..country.span.start)
                    .is_some_and(|head| head.trim_end().ends_with(word))
        })
    };
    let Some(to) = city_after(" to", Span::new(verb.end, clause.end)) else {
        return;
    };
    let host = to.code;
    // What moved: a mission named between the verb and its new city ("transferred its
    // embassy from A to B"), "it", or the subject of a passive ("the Embassy was relocated");
    // not "moved its staff to Lviv".
    let noun = nouns_in(&view.lower, Span::new(verb.end, to.span.start))
        .into_iter()
        .next()
        .or_else(|| {
            nouns_in(&view.lower, Span::new(clause.start, verb.start))
                .into_iter()
                .rfind(|noun| {
                    view.lower
                        .get(noun.span.end..verb.start)
                        .is_some_and(|gap| {
                            matches!(gap.trim(), "was" | "were" | "has been" | "had been")
                        })
                })
        });
    let it = view
        .lower
        .get(verb.end..to.span.start)
        .is_some_and(|gap| gap.starts_with(" it "));
    // The mission moved: one named in the clause, or "it", the last mission in that state.
    let earlier = state
        .missions
        .iter()
        .rev()
        .find(|mission| {
            mission.host == host && mission.city.as_deref() != Some(view.slice(to.span))
        })
        .cloned();
    if noun.is_none() && !it {
        return;
    }
    let Some(sender) = earlier
        .as_ref()
        .filter(|_| noun.is_none())
        .map(|mission| mission.sender)
        .or_else(|| {
            view.countries_in(Span::new(clause.start, verb.start))
                .map(|country| country.code)
                .find(|code| *code != host && state.dyad.contains(*code))
        })
        .or_else(|| state.other(host))
    else {
        return;
    };
    let kind = noun
        .map(|noun| noun.kind)
        .or(earlier.as_ref().map(|mission| mission.kind))
        .unwrap_or(MissionKind::Embassy);
    let from_city = city_after(" from", Span::new(verb.end, to.span.start))
        .filter(|city| city.code == host)
        .map(|city| view.slice(city.span).to_owned())
        .or_else(|| earlier.and_then(|mission| mission.city));
    // The date after the verb, else the clause's ("in 2006 the Embassy was relocated").
    let Some(date) = view
        .dates_in(Span::new(verb.end, clause.end))
        .next()
        .or_else(|| view.dates_in(clause).last())
        .map(|date| date.start)
    else {
        return;
    };
    if !state.dyad.contains(sender) || !state.dyad.contains(host) || sender == host {
        return;
    }
    let old = MissionMemo {
        sender,
        host,
        kind,
        city: from_city,
    };
    let new = MissionMemo {
        city: Some(view.slice(to.span).to_owned()),
        ..old.clone()
    };
    if old.city.is_some() {
        report_once(state, found, false, &old, date);
    }
    report_once(state, found, true, &new, date);
    state.missions.push(new.clone());
    state.last_mission = Some(new);
}

/// Reports the opening or closing of `mission` on `date` unless it was reported already that
/// year; returns whether it was new.
fn report_once(
    state: &mut State,
    found: &mut Vec<Found>,
    opened: bool,
    mission: &MissionMemo,
    date: PartialDate,
) -> bool {
    if state.mission_reported(opened, mission, date) {
        return false;
    }
    state.report_mission(opened, mission, date);
    found.push(Found {
        fact: mission_fact(opened, mission, date),
        confidence: 0.8,
    });
    true
}

/// Splits a clause into sub-clauses at relative and temporal conjunctions.
fn sub_clauses(lower: &str, clause: Span) -> Vec<Span> {
    let slice = lower.get(clause.start..clause.end).unwrap_or("");
    // Every break but ": " holds "wh"; most clauses have neither and need no search.
    let bytes = slice.as_bytes();
    if !bytes.contains(&b':') && !bytes.windows(2).any(|pair| pair == b"wh") {
        return vec![clause];
    }
    let mut cuts: Vec<usize> = SUB_CLAUSE_BREAKS
        .iter()
        .flat_map(|separator| slice.match_indices(separator).map(|(index, _)| index))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if cut > start {
            spans.push(Span::new(clause.start + start, clause.start + cut));
        }
        start = cut + 1;
    }
    spans.push(Span::new(clause.start + start, clause.end));
    spans
}

/// Whether a noun is the object of the verb ending at `verb_end`: "set up a commercial
/// office", "opened its embassy" (at most two words between).
fn is_object_of(lower: &str, verb_end: usize, noun: &MissionNoun) -> bool {
    lower
        .get(verb_end..noun.span.start)
        .is_some_and(|gap| gap.split_whitespace().count() <= 2)
}

/// Every opening or closing verb in a span, in order, overlapping matches merged.
fn triggers_in(lower: &Lowered, part: Span) -> Vec<(Span, bool)> {
    let mut found: Vec<(Span, bool)> = lower
        .find_every(&OPENED, part)
        .into_iter()
        .map(|span| (span, true))
        .chain(
            lower
                .find_every(&CLOSED, part)
                .into_iter()
                .map(|span| (span, false)),
        )
        .collect();
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut merged: Vec<(Span, bool)> = Vec::new();
    for (span, is_open) in found {
        match merged.last() {
            Some((last, _)) if span.start < last.end => {}
            _ => merged.push((span, is_open)),
        }
    }
    merged
}

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    if nouns_in(&view.lower, view.whole()).is_empty()
        && !view.lower.has_any(&POST_NOUNS, view.whole())
    {
        return;
    }
    // The last mission of the sentence, for "...; it was closed in 1976".
    let mut in_sentence: Option<MissionMemo> = None;
    // The verb of the clause before, for "X opened in May, and Y's embassy in June".
    let mut verb_before: Option<bool> = None;
    for clause in view.clauses.clone() {
        let upgraded = upgrades(view, clause, state, found);
        held_since(view, clause, state, found);
        remember_listed(view, clause, state);
        posts_by_city(view, clause, state, found);
        let mut previous: Option<MissionMemo> = None;
        let mut previous_date: Option<PartialDate> = None;
        let mut clause_verb: Option<bool> = None;
        // A sub-clause with nouns and no verb, waiting for one.
        let mut waiting: Option<Span> = None;
        if triggers_in(&view.lower, clause).is_empty()
            && let Some(opened) = verb_before
        {
            clause_verb = gapped(view, clause, opened, state, found);
        }
        for part in sub_clauses(&view.lower, clause) {
            let mut nouns = nouns_in(&view.lower, part);
            nouns.retain(|noun| !upgraded.contains(&noun.span));
            let triggers = triggers_in(&view.lower, part);
            if triggers.is_empty() && !nouns.is_empty() {
                waiting = Some(part);
            }
            for (index, &(trigger, is_open)) in triggers.iter().enumerate() {
                if !asserts(&view.lower, part, trigger) && !asserts(&view.lower, clause, trigger)
                    || stays_open(&view.lower, trigger)
                {
                    continue;
                }
                // The trigger's own stretch: up to the next trigger.
                let stretch_end = triggers
                    .get(index + 1)
                    .map_or(part.end, |(next, _)| next.start);
                // A sentence end the segmenter left ("the same year. During the war
                // (1967–1970)") bounds the verb's stretch.
                let stretch_end = sentence_break(view.text, trigger.end, stretch_end);
                let stretch = Span::new(part.start, stretch_end);
                let last = last_date_before(view, trigger.start, state);
                let own_date = view
                    .dates_in(Span::new(trigger.end, stretch_end))
                    .next()
                    .map(|date| date.start);
                // Verbs joined in one sub-clause share its date ("closed its embassy in Bonn
                // and opened one in Berlin in August 1999"); a sub-clause without a date
                // ("..., when X opened an embassy") takes the one its clause gives before it.
                let Some(date) = own_date
                    .or_else(|| date_near(view, stretch, trigger.end, last).map(|when| when.start))
                    .or_else(|| {
                        view.dates_in(Span::new(trigger.end, part.end))
                            .next()
                            .map(|date| date.start)
                    })
                    .or_else(|| {
                        view.dates_in(Span::new(clause.start, trigger.start))
                            .last()
                            .map(|date| date.start)
                    })
                    // "The consulate closed later that month, when X opened an embassy": a
                    // temporal sub-clause shares the date of the event it dates.
                    .or_else(|| previous_date.filter(|_| is_temporal(&view.lower, part)))
                    // "On 1 September 1977 X opened in A, and Y opened in B": a clause joined
                    // to the one before shares its date when it gives none.
                    .or_else(|| view.date_before(clause.start))
                else {
                    continue;
                };
                // "..., which was closed in 1963": the mission of the sub-clause before.
                let relative = view.lower[part.start..part.end]
                    .trim_start_matches([',', ' '])
                    .starts_with("which");
                let previous_trigger_end = index
                    .checked_sub(1)
                    .and_then(|previous| triggers.get(previous))
                    .map_or(part.start, |(previous, _)| previous.end);
                let paired: Vec<&MissionNoun> = if triggers.len() == 1 {
                    nouns.iter().collect()
                } else {
                    // Several verbs: each takes the noun it follows ("X opened in A, and Y
                    // opened in B"), else the one after it, else the last one before.
                    nouns
                        .iter()
                        .rev()
                        .find(|noun| {
                            noun.span.start >= previous_trigger_end
                                && noun.span.end <= trigger.start
                                && !(index > 0
                                    && is_object_of(&view.lower, previous_trigger_end, noun))
                        })
                        .or_else(|| {
                            nouns.iter().find(|noun| {
                                noun.span.start >= trigger.end && noun.span.start < stretch_end
                            })
                        })
                        .or_else(|| {
                            nouns
                                .iter()
                                .rev()
                                .find(|noun| noun.span.end <= trigger.start)
                        })
                        .into_iter()
                        .collect()
                };
                // "Embassies opened in 1965, the German one in Tel Aviv and ...".
                let each = paired
                    .first()
                    .filter(|noun| view.slice(noun.span).ends_with('s'))
                    .and_then(|noun| {
                        one_each(view, Span::new(trigger.end, clause.end), noun.kind, state)
                    });
                let missions: Vec<(MissionMemo, Option<bilateral_model::PartialDate>)> =
                    if let Some(each) = each {
                        each.into_iter().map(|mission| (mission, None)).collect()
                    } else if paired.is_empty() {
                        // "it was closed in 1976", "closed it in 2009 and reopened it".
                        let object_it = view
                            .lower
                            .get(trigger.end..)
                            .and_then(|rest| rest.strip_prefix(" it"))
                            .is_some_and(|rest| rest.starts_with([' ', ',', '.', ';']));
                        let pronoun = object_it
                            || view.lower[part.start..trigger.start]
                                .split_whitespace()
                                .next()
                                .is_some_and(|word| word == "it");
                        // "X's embassy in A, which also served as ..., followed in 1964": a
                        // relative clause closed by a comma leaves the verb to the noun
                        // before it.
                        let closed_relative = relative
                            && view.lower[part.start..trigger.start]
                                .trim_start_matches([',', ' '])
                                .contains(',');
                        match (relative, &previous, triggers.len() > 1 || index > 0) {
                            (true, Some(memo), _) | (_, Some(memo), true) => {
                                vec![(memo.clone(), None)]
                            }
                            (true, None, _) if closed_relative => waiting
                                .iter()
                                .flat_map(|&waiting_part| {
                                    nouns_in(&view.lower, waiting_part)
                                        .into_iter()
                                        .filter_map(|noun| {
                                            resolve(
                                                view,
                                                clause,
                                                waiting_part,
                                                &noun,
                                                trigger,
                                                state,
                                            )
                                        })
                                        .map(|memo| (memo, None))
                                        .collect::<Vec<_>>()
                                })
                                .collect(),
                            _ => in_sentence
                                .iter()
                                .filter(|_| pronoun)
                                .map(|memo| (memo.clone(), None))
                                .collect(),
                        }
                    } else {
                        let several = paired.len() > 1;
                        paired
                            .iter()
                            .enumerate()
                            .flat_map(|(position, noun)| {
                                let until = paired
                                    .get(position + 1)
                                    .map_or(stretch_end, |next| next.span.start);
                                let noun_date = several
                                    .then(|| {
                                        view.dates_in(Span::new(noun.span.end, until))
                                            .next()
                                            .map(|date| date.start)
                                    })
                                    .flatten();
                                let memo = resolve(view, clause, part, noun, trigger, state);
                                each_place(view, part, noun, trigger, memo, state)
                                    .into_iter()
                                    .map(move |(memo, date)| (memo, date.or(noun_date)))
                            })
                            .collect()
                    };
                for (mut mission, noun_date) in missions {
                    let date = noun_date.unwrap_or(date);
                    if state.mission_reported(is_open, &mission, date) {
                        continue;
                    }
                    // "... and opened one in Zagreb": a new place for the same kind of mission.
                    if view
                        .lower
                        .get(trigger.end..)
                        .is_some_and(|rest| rest.starts_with(" one in "))
                    {
                        match place_at(view, trigger.end + " one in ".len()) {
                            (Some(host), city) => {
                                mission.host = host;
                                mission.city = city;
                            }
                            (None, Some(city)) => mission.city = Some(city),
                            (None, None) => {}
                        }
                    } else if view
                        .lower
                        .get(trigger.end..)
                        .is_some_and(|rest| rest.starts_with(" in "))
                        && let (Some(host), Some(city)) = place_at(view, trigger.end + 4)
                        && host == mission.host
                    {
                        // "... was closed there and reopened in Brasília": the host's capital.
                        mission.city = Some(city);
                    }
                    let fact = mission_fact(is_open, &mission, date);
                    state.report_mission(is_open, &mission, date);
                    found.push(Found {
                        fact,
                        confidence: 0.8,
                    });
                    state.last_mission = Some(mission.clone());
                    state.missions.push(mission.clone());
                    in_sentence = Some(mission.clone());
                    previous = Some(mission);
                    previous_date = Some(date);
                    clause_verb = Some(is_open);
                }
            }
        }
        verb_before = clause_verb;
    }
    // Moves last, so that a mission opened earlier in the sentence is the one that moves.
    for clause in view.clauses.clone() {
        moved(view, clause, state, found);
    }
}

/// "X has had an embassy in Y since 1975": a mission held since a date was opened then.
fn held_since(view: &View, clause: Span, state: &mut State, found: &mut Vec<Found>) {
    let Some(verb) = view.lower.find_any(&HELD, clause) else {
        return;
    };
    let Some(noun) = nouns_in(&view.lower, Span::new(verb.end, clause.end))
        .into_iter()
        .next()
        .filter(|noun| {
            is_object_of(&view.lower, verb.end, noun)
                && !view.lower[verb.end..noun.span.start]
                    .split_whitespace()
                    .any(|word| matches!(word, "no" | "not" | "never"))
        })
    else {
        return;
    };
    let Some(date) = view
        .dates
        .iter()
        .find(|date| {
            let head = &view.lower[..date.span.start];
            date.span.start >= noun.span.end
                && date.span.end <= clause.end
                && (head.ends_with(" since ") || head.ends_with("(since "))
                // Not "..., which has been headed since 2019 by ...".
                && !view.lower[noun.span.end..date.span.start].contains([',', ';'])
        })
        .map(|date| date.start)
    else {
        return;
    };
    if !asserts(&view.lower, clause, verb) {
        return;
    }
    let Some(mission) = resolve(view, clause, clause, &noun, verb, state) else {
        return;
    };
    if !report_once(state, found, true, &mission, date) {
        return;
    }
    state.missions.push(mission.clone());
    state.last_mission = Some(mission);
}

/// Nouns that stand for a mission named before by its city: "the Surabaya post".
static POST_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "post nouns"));

/// "X has consulates-general in A, B and C": each listed mission is remembered (it has no
/// date, so no fact) for a later "the B post opened in 2016".
fn remember_listed(view: &View, clause: Span, state: &mut State) {
    for noun in nouns_in(&view.lower, clause) {
        let places = listed_places(view, noun.span.end, clause.end);
        if places.len() < 2 {
            continue;
        }
        let at = Span::new(noun.span.start, noun.span.start);
        let Some(base) = resolve(view, clause, clause, &noun, at, state) else {
            continue;
        };
        for (host, city, _) in places {
            if host.is_some_and(|host| host != base.host) {
                continue;
            }
            state.missions.push(MissionMemo {
                city: Some(city),
                ..base.clone()
            });
        }
    }
}

/// "the Surabaya post opened in 2016 and the Makassar post in 2017": a post named by the city
/// of a mission remembered before, dated by the date after it, under the clause's one verb.
fn posts_by_city(view: &View, clause: Span, state: &mut State, found: &mut Vec<Found>) {
    let triggers = triggers_in(&view.lower, clause);
    let Some(&(trigger, opened)) = triggers.first() else {
        return;
    };
    if triggers.iter().any(|(_, other)| *other != opened) || !asserts(&view.lower, clause, trigger)
    {
        return;
    }
    // "the Surabaya post", not the newspaper "The Jakarta Post".
    for post in view
        .lower
        .find_every(&POST_NOUNS, clause)
        .into_iter()
        .filter(|post| view.slice(*post).starts_with('p'))
    {
        let head = view
            .text
            .get(clause.start..post.start)
            .unwrap_or("")
            .trim_end();
        let Some(mission) = state
            .missions
            .iter()
            .rev()
            .find(|memo| {
                memo.city.as_deref().is_some_and(|city| {
                    head.strip_suffix(city).is_some_and(|before| {
                        before.trim_end().to_ascii_lowercase().ends_with("the")
                    })
                })
            })
            .cloned()
        else {
            continue;
        };
        let Some(date) = view
            .dates_in(Span::new(post.end, clause.end))
            .next()
            .map(|date| date.start)
        else {
            continue;
        };
        report_once(state, found, opened, &mission, date);
    }
}

/// The first sentence end within `from..to`: a full stop after a word of three letters or
/// more, a digit or a bracket, then any citation marks ("\[2\]\[3\]"), a space and a capital.
/// `to` when there is none.
fn sentence_break(text: &str, from: usize, to: usize) -> usize {
    let slice = text.get(from..to).unwrap_or("");
    slice
        .match_indices('.')
        .find(|&(at, _)| {
            let word = slice[..at]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            let ends_well = word
                .ends_with(|ch: char| ch.is_ascii_digit() || ch == ']' || ch == ')')
                || word.chars().filter(|ch| ch.is_alphabetic()).count() >= 3;
            let mut rest = &slice[at + 1..];
            while let Some(inner) = rest.strip_prefix('[') {
                match inner.find(']') {
                    Some(close) => rest = &inner[close + 1..],
                    None => break,
                }
            }
            ends_well
                && rest
                    .strip_prefix(' ')
                    .and_then(|next| next.chars().next())
                    .is_some_and(char::is_uppercase)
        })
        .map_or(to, |(at, _)| from + at)
}

/// Whether a sub-clause dates another event: "when X opened an embassy".
fn is_temporal(lower: &str, part: Span) -> bool {
    lower
        .get(part.start..part.end)
        .is_some_and(|text| text.trim_start_matches([',', ' ']).starts_with("when "))
}

/// "X's embassy opened in May, and Y's embassy in Z in June 1992": a clause with missions
/// and a date but no verb shares the verb of the clause before. Returns the verb when the
/// clause gave a fact.
fn gapped(
    view: &View,
    clause: Span,
    opened: bool,
    state: &mut State,
    found: &mut Vec<Found>,
) -> Option<bool> {
    if !view.lower[..clause.start].ends_with(", and ") {
        return None;
    }
    let mut gave = None;
    for noun in nouns_in(&view.lower, clause) {
        let Some(date) = view
            .dates_in(Span::new(noun.span.end, clause.end))
            .next()
            .map(|date| date.start)
        else {
            continue;
        };
        let at = Span::new(clause.start, clause.start);
        let Some(mission) = resolve(view, clause, clause, &noun, at, state) else {
            continue;
        };
        if !report_once(state, found, opened, &mission, date) {
            continue;
        }
        state.missions.push(mission.clone());
        state.last_mission = Some(mission);
        gave = Some(opened);
    }
    gave
}

/// The fact of a mission opened or closed on a date.
pub(crate) fn mission_fact(opened: bool, mission: &MissionMemo, date: PartialDate) -> Fact {
    let (sender, host, kind, city) = (
        mission.sender,
        mission.host,
        mission.kind,
        mission.city.clone(),
    );
    if opened {
        Fact::MissionOpened {
            sender,
            host,
            kind,
            city,
            date: Some(date),
        }
    } else {
        Fact::MissionClosed {
            sender,
            host,
            kind,
            city,
            date: Some(date),
        }
    }
}

/// A plural mission noun with its places listed, "legations in Kaunas and Warsaw", "its
/// consulates-general in Mumbai and Pune were opened in 1986 and 2016 respectively": one
/// mission per place (a capital names its state; the sender is the other member), each with
/// its own date when the text gives them "respectively". Else the one resolved mission.
fn each_place(
    view: &View,
    part: Span,
    noun: &MissionNoun,
    trigger: Span,
    resolved: Option<MissionMemo>,
    state: &State,
) -> Vec<(MissionMemo, Option<PartialDate>)> {
    let Some(base) = resolved else {
        return Vec::new();
    };
    // "consulates-general", "legations": a plural word in the noun.
    let plural = view
        .slice(noun.span)
        .split([' ', '-'])
        .any(|word| word.ends_with('s'));
    // "opened embassies in each other's capitals": one each way, in the capitals.
    let reciprocal = plural
        && [noun.span.end, trigger.end].iter().any(|&from| {
            view.lower
                .get(from..part.end)
                .is_some_and(|tail| RECIPROCAL.iter().any(|phrase| tail.starts_with(phrase)))
        });
    // "Both countries opened embassies in 1964".
    let both = plural
        && view.lower.has_any(
            &BOTH_SIDES,
            Span::new(part.start, trigger.start.min(noun.span.start)),
        );
    if reciprocal || both {
        let (first, second) = (state.dyad.first(), state.dyad.second());
        return [(first, second), (second, first)]
            .into_iter()
            .map(|(sender, host)| {
                let city = reciprocal
                    .then(|| bilateral_gazetteer::by_code(host))
                    .flatten()
                    .and_then(|country| country.capitals.first())
                    .map(|city| (*city).to_owned());
                let mission = MissionMemo {
                    sender,
                    host,
                    kind: base.kind,
                    city,
                };
                (mission, None)
            })
            .collect();
    }
    let places = if plural {
        // "legations in A and B were opened", "legations were opened in A and B".
        let after_noun = listed_places(view, noun.span.end, part.end);
        if after_noun.is_empty() && trigger.start > noun.span.end {
            listed_places(view, trigger.end, part.end)
        } else {
            after_noun
        }
    } else {
        Vec::new()
    };
    if places.len() < 2 {
        return vec![(base, None)];
    }
    // "in Mumbai and Bengaluru in 1976 and 2000 respectively": as many dates as places, in
    // order (the first date is not the last place's own).
    let respective: Vec<PartialDate> = if view.lower.has_any(&["respectively"], part) {
        view.dates_in(Span::new(trigger.end, part.end))
            .map(|date| date.start)
            .collect()
    } else {
        Vec::new()
    };
    let respective_only = respective.len() == places.len();
    places
        .into_iter()
        .enumerate()
        .filter_map(|(index, (host, city, own_date))| {
            let (sender, host) = match host {
                Some(host) if host != base.host => (state.counterpart(host)?, host),
                _ => (base.sender, base.host),
            };
            let paired = respective.get(index).copied();
            let date = if respective_only {
                paired
            } else {
                own_date.or(paired)
            };
            Some((
                MissionMemo {
                    sender,
                    host,
                    kind: base.kind,
                    city: Some(city),
                },
                date,
            ))
        })
        .collect()
}

/// The places listed after "in" right after a noun: "in Kaunas and Warsaw", "in A, B and C",
/// "in A in 1990 and B in 1995", each with the state of a capital the gazetteer knows and
/// the date written right after it.
fn listed_places(
    view: &View,
    from: usize,
    until: usize,
) -> Vec<(Option<CountryCode>, String, Option<PartialDate>)> {
    let Some(start) = view
        .lower
        .get(from..until)
        .and_then(|tail| tail.strip_prefix(" in "))
        .map(|_| from + 4)
    else {
        return Vec::new();
    };
    let mut places = Vec::new();
    let mut at = start;
    while let (host, Some(city)) = place_at(view, at) {
        at += city.len();
        let date = view
            .dates_in(Span::new(at, until))
            .next()
            .filter(|date| view.lower.get(at..date.span.start) == Some(" in "));
        if let Some(date) = date {
            at = date.span.end;
        }
        places.push((host, city, date.map(|date| date.start)));
        let rest = view.lower.get(at..until).unwrap_or("");
        let Some(separator) = [", and ", " and ", ", "]
            .iter()
            .find(|separator| rest.starts_with(**separator))
        else {
            break;
        };
        at += separator.len();
    }
    places
}

/// The place a mission is "in", read at `offset`: a country or capital the gazetteer knows
/// (its state, and the city for a capital), else a capitalised name taken as the city.
fn place_at(view: &View, offset: usize) -> (Option<CountryCode>, Option<String>) {
    match view
        .countries
        .iter()
        .find(|country| country.span.start == offset)
    {
        Some(country) => (
            Some(country.code),
            country
                .via
                .is_city()
                .then(|| view.slice(country.span).to_owned()),
        ),
        None => (None, capitalised_run(view.text, offset)),
    }
}

/// One mission for each "the DEMONYM one in PLACE" within `after`, the sender named by
/// the demonym: "Embassies opened in 1965, the German one in Tel Aviv and the Israeli one
/// in Bonn". A demonym outside the dyad, or a place in a third state, gives none; `None`
/// when the text lists no such "one" at all.
fn one_each(
    view: &View,
    after: Span,
    kind: MissionKind,
    state: &State,
) -> Option<Vec<MissionMemo>> {
    let successor = |code: CountryCode| bilateral_gazetteer::successor(code).unwrap_or(code);
    let mut listed = false;
    let mut missions = Vec::new();
    for one in find_all(&view.lower, "one in") {
        if one.start < after.start || one.end > after.end {
            continue;
        }
        let Some(sender) = view
            .countries
            .iter()
            .find(|country| {
                country.via == MentionVia::Demonym
                    && country.span.end + 1 == one.start
                    && view
                        .lower
                        .get(..country.span.start)
                        .is_some_and(|head| head.ends_with("the "))
            })
            .map(|country| country.code)
        else {
            continue;
        };
        listed = true;
        if !state.dyad.contains(sender) && !state.dyad.contains(successor(sender)) {
            continue;
        }
        let Some(host) = state.counterpart(sender) else {
            continue;
        };
        let (place, city) = place_at(view, one.end + 1);
        if place.is_some_and(|code| code != host && successor(code) != host) {
            continue;
        }
        missions.push(MissionMemo {
            sender,
            host,
            kind,
            city,
        });
    }
    listed.then_some(missions)
}

/// Sender, host and city of a mission noun.
fn resolve(
    view: &View,
    clause: Span,
    part: Span,
    noun: &MissionNoun,
    trigger: Span,
    state: &State,
) -> Option<MissionMemo> {
    let dyad = state.dyad;
    let in_dyad = |code: CountryCode| {
        dyad.contains(code)
            || bilateral_gazetteer::successor(code)
                .is_some_and(|successor| dyad.contains(successor))
    };
    let mut sender = sender_of(view, clause, part, noun, trigger);
    let (mut host, city) = host_of(view, part, noun);
    if sender.is_some_and(|code| !in_dyad(code)) || host.is_some_and(|code| !in_dyad(code)) {
        return None;
    }
    let successor = |code: CountryCode| bilateral_gazetteer::successor(code).unwrap_or(code);
    match (sender, host) {
        (Some(from), None) => host = state.counterpart(from),
        (None, Some(to)) => sender = state.counterpart(to),
        // "the Darwin consulate": a mission remembered by its city, else the last one.
        (None, None) => {
            let memo = state
                .missions
                .iter()
                .rev()
                .find(|memo| {
                    memo.kind == noun.kind && city.is_some() && memo.city.as_ref() == city.as_ref()
                })
                .or(state.last_mission.as_ref())?;
            sender = Some(memo.sender);
            host = Some(memo.host);
        }
        (Some(_), Some(_)) => {}
    }
    let (sender, host) = (sender?, host?);
    if successor(sender) == successor(host) {
        return None;
    }
    let city = city.or_else(|| {
        state
            .missions
            .iter()
            .rev()
            .find(|memo| memo.sender == sender && memo.host == host && memo.kind == noun.kind)
            .and_then(|memo| memo.city.clone())
    });
    Some(MissionMemo {
        sender,
        host,
        kind: noun.kind,
        city,
    })
}

/// Who sends the mission: "Embassy of X", "X's embassy", "the X-ian embassy", or the
/// subject of the verb ("X opened an embassy"; "it" is the clause's first state).
fn sender_of(
    view: &View,
    clause: Span,
    part: Span,
    noun: &MissionNoun,
    trigger: Span,
) -> Option<CountryCode> {
    let after = view.lower.get(noun.span.end..part.end).unwrap_or("");
    if after.starts_with(" of ") {
        let of_start = noun.span.end + 4;
        if let Some(country) = view.countries_in(Span::new(of_start, part.end)).next()
            && country.span.start <= of_start + 4
        {
            return Some(country.code);
        }
    }
    // "its consulate-general", "their embassy": the state the sentence is about.
    let head = view.lower.get(part.start..noun.span.start).unwrap_or("");
    let head_words: Vec<&str> = head.split_whitespace().collect();
    if head_words
        .iter()
        .rev()
        .take(3)
        .any(|word| matches!(*word, "its" | "their"))
    {
        // "the GDR embassy in Hanoi and its consulate-general": the state named before.
        let named_before = view
            .countries_in(Span::new(part.start, noun.span.start))
            .filter(|country| !country.via.is_city())
            .last();
        return named_before
            .or_else(|| {
                view.countries
                    .iter()
                    .find(|country| country.via != MentionVia::City)
            })
            .map(|country| country.code);
    }
    // A country right before the noun, allowing a few modifiers ("the former East German").
    if let Some(country) = view
        .countries_in(Span::new(part.start, noun.span.start))
        .filter(|country| {
            let between = view
                .lower
                .get(country.span.end..noun.span.start)
                .unwrap_or("");
            let between = between.trim_start_matches("'s").trim_start_matches("’s");
            !between.contains([',', ';', ':']) && between.split_whitespace().count() <= 2
        })
        .last()
    {
        // A capital right before the noun is the city ("its Kyiv embassy"), not the sender.
        if !country.via.is_city() {
            return Some(country.code);
        }
    }
    // "X has an embassy in A and a consulate in B, opened in 1971": the holder.
    if let Some(holder) = view
        .countries_in(Span::new(0, noun.span.start))
        .find(|country| {
            !country.via.is_city()
                && view.lower.get(country.span.end..).is_some_and(|rest| {
                    HOLDS.iter().any(|verb| {
                        rest.strip_prefix(' ')
                            .and_then(|rest| rest.strip_prefix(verb))
                            .is_some_and(|rest| rest.starts_with(' '))
                    })
                })
        })
    {
        return Some(holder.code);
    }
    // The subject of the verb: a state named before the verb, the verb before the noun. A
    // capital may stand for its government ("Canberra opened"); another city never does.
    if trigger.start < noun.span.start {
        let subject = view
            .countries_in(Span::new(part.start, trigger.start))
            .filter(|country| country.via != MentionVia::City)
            .last()
            .or_else(|| {
                view.countries_in(Span::new(clause.start, trigger.start))
                    .find(|country| country.via != MentionVia::City)
            });
        if let Some(country) = subject {
            return Some(country.code);
        }
        let before = view.lower.get(part.start..trigger.start).unwrap_or("");
        if !find_all(before, "it").is_empty() {
            return view
                .countries_in(Span::new(0, trigger.start))
                .next()
                .map(|country| country.code);
        }
    }
    None
}

/// Where the mission is: "in X" after the noun (a state, or a city whose state we know), or
/// a capital named right before it ("its Kyiv embassy").
fn host_of(view: &View, part: Span, noun: &MissionNoun) -> (Option<CountryCode>, Option<String>) {
    let after = Span::new(noun.span.end, part.end);
    let tail = view.lower.get(after.start..after.end).unwrap_or("");
    let in_at = tail
        .find(" in ")
        .filter(|&index| index <= 24)
        .map(|index| after.start + index + 4);
    if let Some(place_start) = in_at {
        if let Some(country) = view
            .countries_in(Span::new(place_start, part.end))
            .next()
            .filter(|country| country.span.start <= place_start + 4)
        {
            let city = country
                .via
                .is_city()
                .then(|| view.slice(country.span).to_owned());
            let city = city.or_else(|| capital_phrase(view, country));
            return (Some(country.code), city);
        }
        let is_date = view.dates.iter().any(|date| date.span.start == place_start);
        let city = capitalised_run(view.text, place_start).filter(|_| !is_date);
        if city.is_some() {
            return (None, city);
        }
    }
    if let Some(country) = view
        .countries_in(Span::new(part.start, noun.span.start))
        .filter(|country| country.via.is_city())
        .filter(|country| noun.span.start.saturating_sub(country.span.end) <= 2)
        .last()
    {
        return (
            Some(country.code),
            Some(view.slice(country.span).to_owned()),
        );
    }
    // "the Edmonton consulate general": a city the gazetteer doesn't know.
    let before = view.text.get(part.start..noun.span.start).unwrap_or("");
    let last_word = before.split_whitespace().last().unwrap_or("");
    if last_word.chars().next().is_some_and(char::is_uppercase)
        && !last_word.ends_with("'s")
        && !DETERMINERS.contains(&last_word)
    {
        let word_start = noun.span.start - before.len() + before.rfind(last_word).unwrap_or(0);
        if !view
            .countries
            .iter()
            .any(|country| country.span.start <= word_start && word_start < country.span.end)
        {
            return (None, Some(last_word.to_owned()));
        }
    }
    (None, None)
}

/// Subjects that open a plural mission noun both ways: "both countries opened embassies".
static BOTH_SIDES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MISSIONS, "both sides"));

/// What follows a plural mission noun opened both ways: "embassies in each other's capitals".
const RECIPROCAL: &[&str] = &[
    " in each other's capitals",
    " in each other’s capitals",
    " in each other's countries",
    " in each other’s countries",
    " in both capitals",
    " in the two capitals",
];

/// Capitalised words before a noun that open a sentence, not a city: "The consulate".
const DETERMINERS: &[&str] = &["The", "A", "An", "Its", "Their", "This", "That", "Both"];

/// "the Mongolian capital": a demonym followed by "capital" names the capital city.
fn capital_phrase(view: &View, country: &crate::view::CountryRef) -> Option<String> {
    let after = view.lower.get(country.span.end..)?;
    if matches!(country.via, MentionVia::Demonym) && after.trim_start().starts_with("capital") {
        return bilateral_gazetteer::by_code(country.code)
            .and_then(|found| found.capitals.first())
            .map(|city| (*city).to_owned());
    }
    None
}

/// Lower-case words inside a place name: "Rio de Janeiro", "Dar es Salaam".
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "es", "el", "al", "la", "del",
];

/// A run of capitalised words starting at `offset`: a city the gazetteer doesn't know. A
/// particle counts only between two capitalised words.
pub(crate) fn capitalised_run(text: &str, offset: usize) -> Option<String> {
    let tail = text.get(offset..)?;
    let mut words: Vec<&str> = Vec::new();
    let mut pending: Option<&str> = None;
    for word in tail.split_whitespace() {
        let clean = word.trim_end_matches([',', '.', ';', ':', ')']);
        if clean.chars().next().is_some_and(char::is_uppercase) {
            words.extend(pending.take());
            words.push(clean);
            if clean.len() != word.len() {
                break;
            }
        } else if !words.is_empty() && pending.is_none() && NAME_PARTICLES.contains(&word) {
            pending = Some(word);
            continue;
        } else {
            break;
        }
        if words.len() >= 4 {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_list_of_the_mission_lexicon_holds_phrases() {
        for list in [
            &HELD,
            &OPENED,
            &CLOSED,
            &HOLDS,
            &AGENCY_WORDS,
            &AGENCY_NAME_WORDS,
            &UPGRADES,
            &UPGRADES_OBJECT_FIRST,
            &UPGRADE_FILLERS,
            &MOVED,
            &POST_NOUNS,
            &BOTH_SIDES,
        ] {
            assert!(!list.is_empty());
        }
        assert!(MOVED.contains(&"relocated"));
        assert!(NOUNS.contains(&("high commission", MissionKind::Embassy)));
        assert!(lexicon::unknown_kinds(lexicon::MISSIONS, "nouns", mission_kind).is_empty());
    }

    #[test]
    fn every_sub_clause_break_is_seen_by_the_quick_test() {
        assert!(
            SUB_CLAUSE_BREAKS
                .iter()
                .all(|separator| separator.contains("wh") || separator.contains(':'))
        );
    }

    #[test]
    fn a_sentence_end_the_segmenter_left_is_found() {
        fn ends(text: &str) -> &str {
            &text[..sentence_break(text, 0, text.len())]
        }
        assert_eq!(
            ends("reopened the same year.[2][3] During the war (1967–1970)"),
            "reopened the same year"
        );
        assert_eq!(ends("closed in 1976. In 1980 it"), "closed in 1976");
        assert_eq!(
            ends("opened in St. Petersburg in 1995"),
            "opened in St. Petersburg in 1995"
        );
        assert_eq!(ends("opened in 1995.[4]"), "opened in 1995.[4]");
    }

    #[test]
    fn clauses_split_at_relative_conjunctions() {
        let lower = "it opened an embassy, which closed in 1990 when war began";
        let parts: Vec<&str> = sub_clauses(lower, Span::new(0, lower.len()))
            .into_iter()
            .map(|span| &lower[span.start..span.end])
            .collect();
        assert_eq!(
            parts,
            [
                "it opened an embassy",
                "which closed in 1990",
                "when war began"
            ]
        );
        let plain = "it opened an embassy in 1990";
        assert_eq!(sub_clauses(plain, Span::new(3, 10)), [Span::new(3, 10)]);
    }
}
