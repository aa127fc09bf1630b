//! Agreements signed: treaties, agreements, memoranda, joint statements and declarations,
//! protocols, conventions and action plans. "Signed", "concluded", "adopted" and "issued"
//! make an agreement; "agreed to", "negotiated", "initialled" and ratification do not.

use bilateral_model::{AgreementKind, Fact, Span};

use crate::modality::is_negated;
use std::sync::LazyLock;

use crate::text::Lexicon;
use crate::view::View;
use crate::when::date_near;
use crate::{Found, State, last_date_before};

/// Instrument nouns, longest first, with their kind.
const INSTRUMENTS: &[(&str, AgreementKind)] = &[
    ("memorandum of understanding", AgreementKind::Memorandum),
    ("memoranda of understanding", AgreementKind::Memorandum),
    ("joint communique", AgreementKind::JointStatement),
    ("joint communiqué", AgreementKind::JointStatement),
    ("joint statement", AgreementKind::JointStatement),
    ("joint declaration", AgreementKind::JointDeclaration),
    ("joint action plan", AgreementKind::ActionPlan),
    ("action plan", AgreementKind::ActionPlan),
    ("plan of action", AgreementKind::ActionPlan),
    ("memorandum", AgreementKind::Memorandum),
    ("mou", AgreementKind::Memorandum),
    ("communique", AgreementKind::JointStatement),
    ("communiqué", AgreementKind::JointStatement),
    ("declaration", AgreementKind::JointDeclaration),
    ("treaty", AgreementKind::Treaty),
    ("agreement", AgreementKind::Agreement),
    ("agreements", AgreementKind::Agreement),
    ("accord", AgreementKind::Agreement),
    ("accords", AgreementKind::Agreement),
    ("pact", AgreementKind::Agreement),
    ("protocol", AgreementKind::Protocol),
    ("convention", AgreementKind::Convention),
];

/// Verbs that make an agreement.
const SIGNED: &[&str] = &[
    "signed",
    "signing",
    "concluded",
    "adopted",
    "adoption",
    "issued",
    "released",
    "inked",
    "was signed",
    "were signed",
];

/// Phrases that make a signing something else, or someone else's.
const NOT_BILATERAL: &[&str] = &[
    "together with",
    "along with",
    "other states",
    "other countries",
    "into law",
    "covering",
    "multilateral",
];

/// Signatories that are not governments (a chamber of commerce, two banks).
const NON_STATE_SIGNATORIES: &[&str] = &[
    "board",
    "chamber",
    "company",
    "companies",
    "corporation",
    "bank",
    "banco",
    "university",
    "universities",
    "association",
    "firm",
    "firms",
    "airline",
    "airlines",
    "federation",
    "club",
    "institute",
    "foundation",
];

struct Instrument {
    span: Span,
    kind: AgreementKind,
}

static INSTRUMENT_LEXICON: LazyLock<Lexicon<AgreementKind>> =
    LazyLock::new(|| Lexicon::new(INSTRUMENTS));

fn instruments_in(lower: &str, span: Span) -> Vec<Instrument> {
    INSTRUMENT_LEXICON
        .find(lower, span)
        .into_iter()
        .map(|(span, kind)| Instrument { span, kind })
        .collect()
}

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    let before = found.len();
    extract_signed(view, state, found);
    state.signed_before = found[before..]
        .iter()
        .any(|item| matches!(item.fact, Fact::AgreementSigned { .. }));
}

/// Whether `span` opens with "a" or "an" and an instrument: "A convention on taxation ...",
/// "an air services agreement".
fn opens_with_instrument(view: &View, span: Span) -> bool {
    let head = view.lower.get(span.start..span.end).unwrap_or("");
    (head.starts_with("a ") || head.starts_with("an "))
        && instruments_in(&view.lower, span)
            .first()
            .is_some_and(|first| first.span.start <= span.start + 24)
}

fn extract_signed(view: &View, state: &mut State, found: &mut Vec<Found>) {
    let whole = view.whole();
    // "... signed an agreement on investment. A convention on taxation followed in 2019."
    let followed = state
        .signed_before
        .then(|| view.lower.find_any(&["followed"], whole))
        .flatten()
        .filter(|_| opens_with_instrument(view, whole));
    let Some(signed) = view.lower.find_any(SIGNED, whole).or(followed) else {
        return;
    };
    if view.lower.find_any(NOT_BILATERAL, whole).is_some() || third_party_signatories(view) {
        return;
    }
    for clause in view.clauses.clone() {
        // A clause of its own needs a signing verb, unless it continues one ("and a convention
        // ... followed in 1992", "and an agreement on ... in 1993", "..., and a memorandum on
        // tourism").
        let verb = view
            .lower
            .find_any(SIGNED, clause)
            .or(followed.filter(|verb| clause.start <= verb.start && verb.end <= clause.end));
        let continues = verb.is_none()
            && clause.start > signed.start
            && (view.lower.find_any(&["followed"], clause).is_some()
                || view.dates_in(clause).count() == 1
                || opens_with_instrument(view, clause));
        let Some(verb) = verb.or(continues.then_some(signed)) else {
            continue;
        };
        if crate::modality::is_hypothetical(&view.lower, clause)
            || is_negated(&view.lower, clause, verb)
        {
            continue;
        }
        if non_state_subject(view, clause, verb) {
            continue;
        }
        let instruments = instruments_in(&view.lower, clause);
        for (index, instrument) in instruments.iter().enumerate() {
            // "two days before the Paris accords were signed" dates something else.
            let lead = view
                .lower
                .get(clause.start..instrument.span.start)
                .unwrap_or("");
            let lead = lead.rsplit(',').next().unwrap_or(lead);
            let near: Vec<&str> = lead.split_whitespace().rev().take(6).collect();
            if near
                .iter()
                .any(|word| matches!(*word, "before" | "after" | "until" | "since"))
            {
                continue;
            }
            // "A protocol upgrading the treaty": "the treaty" points back at one already
            // counted; so does an apposition after it ("the EPA, the first free-trade
            // agreement of either").
            let generic = !view.slice(instrument.span).starts_with(char::is_uppercase)
                && (lead.trim_end().ends_with(" the")
                    || index > 0
                        && lead.trim_start().starts_with("the ")
                        && !lead.contains(" and "));
            if generic && instruments.len() > 1 {
                continue;
            }
            // "one of fifteen documents" counts nothing new.
            let until = instruments
                .get(index + 1)
                .map_or(clause.end, |next| next.span.start);
            let own = Span::new(instrument.span.start, until);
            let last = last_date_before(view, instrument.span.start, state);
            let when = view
                .dates_in(own)
                .find(|date| !covers_a_period(view, date))
                .map(|date| date.start)
                .or_else(|| {
                    date_near(view, clause, instrument.span.start, last).map(|when| when.start)
                })
                .or_else(|| {
                    // "On 10 February X received Y; after their talks they signed ...".
                    view.date_before(clause.start)
                })
                .or(state.event_date);
            let Some(date) = when else {
                continue;
            };
            let title = title_of(view, instrument);
            let topic = topic_of(view, instrument, own);
            found.push(Found {
                fact: Fact::AgreementSigned {
                    parties: state.dyad.codes(),
                    kind: instrument.kind,
                    title,
                    topic,
                    date: Some(date),
                },
                confidence: 0.75,
            });
        }
    }
}

/// "a plan for 2015–2018": a date the instrument covers, not the day it was signed.
fn covers_a_period(view: &View, date: &crate::view::DateRef) -> bool {
    let head = view.lower.get(..date.span.start).unwrap_or("").trim_end();
    head.ends_with(" for")
        || head.ends_with(" of")
        || date.end.is_some_and(|end| end.year() != date.start.year())
}

/// Whether the sentence names more than the dyad as actors (a multilateral treaty).
fn third_party_signatories(view: &View) -> bool {
    let mut codes: Vec<_> = view.countries.iter().map(|country| country.code).collect();
    codes.sort();
    codes.dedup();
    codes.len() >= 3
}

fn non_state_subject(view: &View, clause: Span, verb: Span) -> bool {
    let subject = Span::new(clause.start, verb.start.max(clause.start));
    view.lower
        .find_any(NON_STATE_SIGNATORIES, subject)
        .is_some()
}

/// The instrument's title: a capitalised name ending in the noun ("the Free Trade Agreement")
/// or starting with it ("a Joint Statement on ..."), or what follows "entitled".
fn title_of(view: &View, instrument: &Instrument) -> Option<String> {
    let noun = view.slice(instrument.span);
    let tail = view.text.get(instrument.span.end..)?;
    if let Some(rest) = tail
        .trim_start()
        .strip_prefix("entitled ")
        .or_else(|| tail.trim_start().strip_prefix("titled "))
    {
        let end = rest.find([',', ';', '(']).unwrap_or(rest.len());
        let title = rest[..end].trim().trim_end_matches('.');
        return (!title.is_empty()).then(|| title.to_owned());
    }
    if let Some(rest) = tail.strip_prefix(", ")
        && rest.chars().next().is_some_and(char::is_uppercase)
        && let Some(end) = rest.find(", ")
    {
        let candidate = &rest[..end];
        if candidate.contains(':') {
            return Some(candidate.to_owned());
        }
    }
    if !noun.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // Capitalised words before the noun belong to the name ("General Treaty of ...").
    let head = view.text.get(..instrument.span.start)?;
    let mut start = instrument.span.start;
    for word in head.split(' ').rev().skip(1) {
        if word.chars().next().is_some_and(char::is_uppercase) && !word.ends_with(',') {
            start -= word.len() + 1;
        } else {
            break;
        }
    }
    // A name continues after the noun with "on/of/for/to ..." up to the clause's end, or up
    // to a verb or a date ("... on Security Cooperation followed on 13 March 2007").
    let mut end = instrument.span.end;
    if let Some(rest) = tail.strip_prefix(' ') {
        let first = rest.split(' ').next().unwrap_or("");
        if matches!(first, "on" | "of" | "for" | "to" | "between") {
            let stop = title_end(rest);
            let stop = rest[..stop].find(" as well as").unwrap_or(stop);
            let mut length = 0;
            for word in rest[..stop].split(' ') {
                let bare = word.trim_end_matches('.');
                let verb = matches!(
                    bare,
                    "followed"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "has"
                        | "had"
                        | "signed"
                        | "concluded"
                        | "adopted"
                        | "issued"
                        | "entered"
                        | "took"
                        | "came"
                        | "which"
                        | "that"
                ) || bare.chars().next().is_some_and(|ch| ch.is_ascii_digit());
                if verb && length > 0 {
                    break;
                }
                length += word.len() + 1;
            }
            let kept = rest[..length.saturating_sub(1).min(stop)].trim_end_matches('.');
            // "... signed in 1990" leaves a dangling preposition before the date.
            let kept = [" in", " on", " at", " of"]
                .iter()
                .fold(kept, |kept, dangling| {
                    kept.strip_suffix(dangling).unwrap_or(kept)
                });
            end = instrument.span.end + 1 + kept.len();
        }
    }
    let title = view.text.get(start..end)?.trim();
    let title = title
        .trim_start_matches("The ")
        .trim_start_matches("the ")
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    (title.split_whitespace().count() >= 2).then(|| title.to_owned())
}

/// Where a title running on after its noun ends: at a semicolon or bracket, or at a comma
/// that opens a new phrase rather than continuing a list ("friendship, partnership, and
/// cooperation" runs on; ", as well as", ", which", ", signed in" end it).
fn title_end(rest: &str) -> usize {
    let hard = rest.find([';', '(']).unwrap_or(rest.len());
    let mut from = 0;
    while let Some(comma) = rest[from..hard].find(',') {
        let at = from + comma;
        let next = rest[at + 1..].split_whitespace().next().unwrap_or("");
        let continues_list = next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                next,
                "as" | "which"
                    | "that"
                    | "signed"
                    | "the"
                    | "a"
                    | "an"
                    | "in"
                    | "on"
                    | "at"
                    | "when"
                    | "while"
                    | "who"
                    | "whose"
                    | "after"
                    | "before"
                    | "during"
                    | "following"
            );
        if !continues_list {
            return at;
        }
        from = at + 1;
    }
    hard
}

/// What the instrument is about: "on X", "for X", or the words before the noun
/// ("an extradition treaty").
fn topic_of(view: &View, instrument: &Instrument, own: Span) -> Option<String> {
    let tail = view.lower.get(instrument.span.end..own.end)?;
    for preposition in [" on ", " for ", " to "] {
        if let Some(rest) = tail.strip_prefix(preposition) {
            let start = instrument.span.end + preposition.len();
            let original = view.text.get(start..own.end)?;
            let mut stop = title_end(original);
            // "... in 1993", "... in Kyiv", "..., which": a place, date or new clause ends it;
            // "assistance in criminal matters" does not.
            for marker in [
                " in ",
                " at ",
                " during ",
                " which",
                " that",
                " followed",
                " was ",
                " were ",
                " as well as",
                " and a ",
                " and an ",
                " and the ",
            ] {
                for (at, _) in rest[..stop.min(rest.len())].match_indices(marker) {
                    let next = original[at + marker.len()..].chars().next();
                    let ends = !matches!(marker, " in " | " at ")
                        || next.is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit());
                    if ends {
                        stop = stop.min(at);
                    }
                }
            }
            let topic = original[..stop.min(original.len())]
                .trim()
                .trim_end_matches('.');
            return (!topic.is_empty()).then(|| topic.to_owned());
        }
    }
    let head = view.lower.get(..instrument.span.start)?.trim_end();
    let word = head.split_whitespace().last()?;
    let modifiers = [
        "extradition",
        "free-trade",
        "trade",
        "security",
        "visa",
        "investment",
        "tax",
        "aviation",
        "air",
        "fisheries",
        "defence",
        "defense",
        "cultural",
        "nuclear",
        "peace",
        "border",
    ];
    modifiers.contains(&word).then(|| word.replace('-', " "))
}
