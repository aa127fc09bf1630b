//! Diplomatic relations established, severed and restored.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Fact, Span};

use crate::modality::asserts;
use std::sync::LazyLock;

use crate::text::Lexicon;
use crate::view::View;
use crate::when::clause_date;
use crate::{Found, State};

/// Every trigger below names relations, ties or diplomats.
const RELATION_WORDS: &[&str] = &[
    "relations",
    "ties",
    "diplomats",
    "restored",
    "re-established",
    "resumed",
];

const ESTABLISHED: &[&str] = &[
    "established diplomatic relations",
    "establish diplomatic relations",
    "establishing diplomatic relations",
    "establishment of diplomatic relations",
    "established relations",
    "establish relations",
    "established formal relations",
    "established diplomatic ties",
    "established ties",
    "opened diplomatic relations",
    "open diplomatic relations",
    "opened formal diplomatic relations",
    "opened relations",
    "formalised diplomatic relations",
    "formalized diplomatic relations",
    "formalised relations",
    "formalized relations",
    "relations were established",
    "relations were formally established",
    "relations were officially established",
    "relations were first established",
    "ties were established",
    "diplomatic relations followed",
    "formal relations followed",
    "formal ties followed",
    "relations date from",
    "relations date back to",
    "relations began",
    "exchange diplomats",
    "exchanged diplomats",
    "initiated diplomatic relations",
    "entered into diplomatic relations",
];

const SEVERED: &[&str] = &[
    "broke off relations",
    "broke off diplomatic relations",
    "broke off ties",
    "broke off diplomatic ties",
    "break off relations",
    "broken off",
    "severed diplomatic relations",
    "severed relations",
    "severed its ties",
    "severed ties",
    "severed diplomatic ties",
    "cut diplomatic ties",
    "cut ties",
    "cut off relations",
    "suspended diplomatic relations",
    "relations were suspended",
    "relations were broken",
    "relations were severed",
];

const RESTORED: &[&str] = &[
    "restored diplomatic relations",
    "restored relations",
    "restored ties",
    "relations were restored",
    "they were restored",
    "they were re-established",
    "they were resumed",
    "ties were restored",
    "re-established diplomatic relations",
    "re-established relations",
    "reestablished diplomatic relations",
    "re-established ties",
    "resumed diplomatic relations",
    "resumed relations",
    "relations were resumed",
    "ties were resumed",
    "ties were not resumed",
    "relations were not resumed",
    "relations resumed",
    "normalised relations",
    "normalized relations",
    "normalised diplomatic relations",
    "normalized diplomatic relations",
    "restoration of diplomatic relations",
    "restoration of relations",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Established,
    Severed,
    Restored,
}

/// Every trigger phrase with the change it names.
static TRIGGERS: LazyLock<Lexicon<Change>> = LazyLock::new(|| {
    let entries: Vec<(&str, Change)> = RESTORED
        .iter()
        .map(|phrase| (*phrase, Change::Restored))
        .chain(SEVERED.iter().map(|phrase| (*phrase, Change::Severed)))
        .chain(
            ESTABLISHED
                .iter()
                .map(|phrase| (*phrase, Change::Established)),
        )
        .collect();
    Lexicon::new(&entries)
});

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    if !view.lower.has_any(RELATION_WORDS, view.whole()) {
        return;
    }
    // One scan of the sentence for every trigger, then each clause takes its own.
    let triggers = TRIGGERS.find(&view.lower, view.whole());
    for clause in view.clauses.clone() {
        // Restoration phrases contain establishment words ("re-established"), so they win.
        let change = [Change::Restored, Change::Severed, Change::Established]
            .into_iter()
            .find_map(|wanted| {
                triggers
                    .iter()
                    .find(|(span, change)| {
                        *change == wanted && clause.start <= span.start && span.end <= clause.end
                    })
                    .map(|(span, change)| (*change, *span))
            })
            .or_else(|| subject_apart_from_verb(view, clause));
        let Some((change, trigger)) = change else {
            continue;
        };
        if !asserts(&view.lower, clause, trigger) && !agreed_to_establish(view, clause, change)
            || dates_by_it(view, trigger)
        {
            continue;
        }
        let Some(parties) = parties(view, clause, trigger, state) else {
            continue;
        };
        let Some(when) = clause_date(view, clause, state.last_date).or_else(|| sentence_date(view))
        else {
            continue;
        };
        let date = Some(when.start);
        let fact = match change {
            Change::Established => Fact::RelationsEstablished { parties, date },
            Change::Severed => Fact::RelationsSevered { parties, date },
            Change::Restored => Fact::RelationsRestored { parties, date },
        };
        found.push(Found {
            fact,
            confidence: 0.9,
        });
    }
}

/// "On the same day that relations were established, ...": the change is told elsewhere and
/// only dates something else here.
fn dates_by_it(view: &View, trigger: Span) -> bool {
    let head = view.lower.get(..trigger.start).unwrap_or("").trim_end();
    let Some(before) = ["that", "as", "when"]
        .iter()
        .find_map(|link| head.strip_suffix(link))
    else {
        return false;
    };
    ["same day", "same date", "same month", "same year"]
        .iter()
        .any(|period| before.trim_end().ends_with(period))
}

/// "Relations between X and Y were formally established", "Relations with Japan were
/// restored": the subject and the verb apart.
fn subject_apart_from_verb(view: &View, clause: Span) -> Option<(Change, Span)> {
    const VERBS: &[&str] = &[
        "were established",
        "were formally established",
        "were officially established",
        "were first established",
        "were restored",
        "were re-established",
        "were resumed",
        "were severed",
        "were broken off",
        "were suspended",
    ];
    let subject = view.lower.find_any(
        &[
            "relations between",
            "ties between",
            "relations with",
            "ties with",
        ],
        clause,
    )?;
    let verb = view
        .lower
        .find_any(VERBS, Span::new(subject.end, clause.end))?;
    let between = view.lower.get(subject.end..verb.start)?;
    if between.split_whitespace().count() > 6 || between.contains([',', ';']) {
        return None;
    }
    let written = view.lower.get(verb.start..verb.end)?;
    let change = if written.ends_with("established") && !written.ends_with("re-established") {
        Change::Established
    } else if ["severed", "broken off", "suspended"]
        .iter()
        .any(|ending| written.ends_with(ending))
    {
        Change::Severed
    } else {
        Change::Restored
    };
    Some((change, verb))
}

/// "The two countries agreed to establish diplomatic relations" records the establishment
/// itself; only for relations does agreeing count.
fn agreed_to_establish(view: &View, clause: Span, change: Change) -> bool {
    matches!(change, Change::Established)
        && view.lower.find_any(&["agreed"], clause).is_some()
        && view
            .lower
            .find_any(&["never", "not", "cancel", "postpone", "plan"], clause)
            .is_none()
}

/// The one date of a sentence, when it has exactly one.
fn sentence_date(view: &View) -> Option<crate::when::When> {
    match view.dates.as_slice() {
        [only] => Some(crate::when::When {
            start: only.start,
            end: only.end,
        }),
        _ => None,
    }
}

/// The two parties: the dyad, unless the clause names a predecessor of one member ("East
/// Berlin and Ulaanbaatar"). Any other state named in the clause as an actor makes it a
/// third party's event, which is skipped.
fn parties(view: &View, clause: Span, trigger: Span, state: &State) -> Option<[CountryCode; 2]> {
    let dyad = state.dyad;
    let successor = bilateral_gazetteer::successor;
    // "The two countries established relations ..., after Hungary": with the pair named
    // before the verb, a state named after it is an aside, not a party.
    let pair_before = dyad.codes().iter().all(|member| {
        view.countries_in(Span::new(clause.start, trigger.start))
            .filter(|country| matches!(country.via, MentionVia::Name))
            .any(|country| country.code == *member || successor(country.code) == Some(*member))
    });
    let after_verb = |code: CountryCode| {
        view.countries_in(clause)
            .filter(|country| country.code == code)
            .all(|country| country.span.start >= trigger.end)
    };
    let listed = listed_with(view, clause, trigger, state);
    let mut codes: Vec<CountryCode> = Vec::new();
    for country in view.countries_in(clause) {
        if !codes.contains(&country.code) {
            codes.push(country.code);
        }
    }
    let mut parties = dyad.codes();
    for code in codes {
        if dyad.contains(code) {
            continue;
        }
        match bilateral_gazetteer::successor(code).filter(|successor| dyad.contains(*successor)) {
            Some(successor) => {
                for party in parties.iter_mut() {
                    if *party == successor {
                        *party = code;
                    }
                }
            }
            // A third state: fine as a location ("in Washington"), an aside after the pair,
            // or listed beside the partner ("with Germany and Japan"); not as a party.
            None if is_location(view, code, clause) => {}
            None if pair_before && after_verb(code) => {}
            None if listed.contains(&code) => {}
            None => return None,
        }
    }
    parties.sort();
    Some(parties)
}

/// Whether every mention of `code` in the clause is a location ("in X", "at X").
/// The states of a "with A, B and C" list right after the verb, when one of them is a member
/// of the pair: "severed relations with Germany and Japan" breaks them with Japan too.
fn listed_with(view: &View, clause: Span, trigger: Span, state: &State) -> Vec<CountryCode> {
    let rest = view.lower.get(trigger.end..clause.end).unwrap_or("");
    let Some(with) = rest.find(" with ").filter(|at| {
        // At most "diplomatic relations" between the verb and "with".
        rest[..*at].split_whitespace().count() <= 2
    }) else {
        return Vec::new();
    };
    let mut cursor = trigger.end + with + " with ".len();
    let mut listed = Vec::new();
    for country in view.countries_in(Span::new(cursor, clause.end)) {
        let gap = view.lower.get(cursor..country.span.start).unwrap_or("");
        let joined = listed.is_empty() && gap.trim().is_empty()
            || matches!(gap.trim(), "," | "and" | ", and");
        if !joined {
            break;
        }
        listed.push(country.code);
        cursor = country.span.end;
    }
    if listed.iter().any(|code| state.dyad.contains(*code)) {
        listed
    } else {
        Vec::new()
    }
}

fn is_location(view: &View, code: CountryCode, clause: Span) -> bool {
    view.countries_in(clause)
        .filter(|country| country.code == code)
        .all(|country| {
            let before = view
                .lower
                .get(clause.start..country.span.start)
                .unwrap_or("");
            let before = before.trim_end();
            let before = before.strip_suffix(" the").unwrap_or(before);
            before.ends_with(" in") || before.ends_with(" at") || before.ends_with(" from")
        })
}
