//! Agreements signed: treaties, agreements, memoranda, joint statements and declarations,
//! protocols, conventions and action plans. "Signed", "concluded", "adopted" and "issued"
//! make an agreement; "agreed to", "negotiated", "initialled" and ratification do not.

use bilateral_model::{AgreementKind, Fact, PartialDate, Span};

use crate::modality::is_negated;
use std::sync::LazyLock;

use crate::lexicon;
use crate::text::{Lexicon, count_word, leak_phrases, verb_forms};
use crate::view::View;
use crate::when::relative_date;
use crate::{Found, State, last_date_before};

/// Instrument nouns, longest first, with their kind.
static INSTRUMENTS: LazyLock<Vec<(&'static str, AgreementKind)>> =
    LazyLock::new(|| lexicon::kinds(lexicon::AGREEMENTS, "instruments", agreement_kind));

/// An agreement kind by its name in the lexicon.
fn agreement_kind(name: &str) -> Option<AgreementKind> {
    match name {
        "treaty" => Some(AgreementKind::Treaty),
        "agreement" => Some(AgreementKind::Agreement),
        "joint_statement" => Some(AgreementKind::JointStatement),
        "joint_declaration" => Some(AgreementKind::JointDeclaration),
        "memorandum" => Some(AgreementKind::Memorandum),
        "protocol" => Some(AgreementKind::Protocol),
        "convention" => Some(AgreementKind::Convention),
        "action_plan" => Some(AgreementKind::ActionPlan),
        "other" => Some(AgreementKind::Other),
        _ => None,
    }
}

/// Verb lemmas that make an agreement, found in their past and "-ing" forms ("signed",
/// "concluding"; the bare "sign" is as often a noun), and nouns of the act.
static SIGNING_LEMMAS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "signing lemmas"));
static SIGNING_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "signing nouns"));

static SIGNED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut phrases: Vec<String> = SIGNING_LEMMAS
        .iter()
        .flat_map(|lemma| verb_forms(lemma).into_iter().skip(2))
        .collect();
    phrases.extend(SIGNING_NOUNS.iter().map(|noun| (*noun).to_owned()));
    leak_phrases(phrases)
});

/// Verb lemmas (found in every form) and phrases that tell of an instrument without its
/// signing: it was only initialled, discussed or negotiated, or it is ratified, in force or
/// ended — a date near them is not a signing date.
static UNSIGNED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "unsigned"));

/// Phrases that make a signing something else, or someone else's.
static NOT_BILATERAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "not bilateral"));

/// Signatories that are not governments (a chamber of commerce, two banks).
static NON_STATE_SIGNATORIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "non-state signatories"));

pub(crate) struct Instrument {
    pub span: Span,
    pub kind: AgreementKind,
}

static INSTRUMENT_LEXICON: LazyLock<Lexicon<AgreementKind>> =
    LazyLock::new(|| Lexicon::new(&INSTRUMENTS));

pub(crate) fn instruments_in(lower: &str, span: Span) -> Vec<Instrument> {
    INSTRUMENT_LEXICON
        .find(lower, span)
        .into_iter()
        .map(|(span, kind)| Instrument { span, kind })
        .collect()
}

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    let before = found.len();
    if !crate::rows::extract(view, state, found) {
        extract_signed(view, state, found);
    }
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
    let Some(signed) = view.lower.find_any(&SIGNED, whole).or(followed) else {
        return;
    };
    // "X, together with Y and Z, signed": more parties; not "agreements on A, together with
    // memoranda on B", which adds instruments.
    if let Some(phrase) = view.lower.find_any(&NOT_BILATERAL, whole)
        && !instruments_in(
            &view.lower,
            Span::new(phrase.end, (phrase.end + 40).min(whole.end)),
        )
        .first()
        .is_some_and(|instrument| {
            view.lower
                .get(phrase.end..instrument.span.start)
                .is_some_and(|gap| gap.split_whitespace().count() <= 2)
        })
    {
        return;
    }
    for clause in view.clauses.clone() {
        let clause = cut_at_cited_stop(view, clause);
        if third_party_signatories(view, clause.end) {
            continue;
        }
        // A clause of its own needs a signing verb, unless it continues one ("and a convention
        // ... followed in 1992", "and an agreement on ... in 1993", "..., and a memorandum on
        // tourism").
        let verb = view
            .lower
            .find_any(&SIGNED, clause)
            .or(followed.filter(|verb| clause.start <= verb.start && verb.end <= clause.end));
        let continues = verb.is_none()
            && clause.start > signed.start
            && (view.lower.find_any(&["followed"], clause).is_some()
                || view.dates_in(clause).count() == 1
                || opens_with_instrument(view, clause));
        let Some(verb) = verb.or(continues.then_some(signed)) else {
            continue;
        };
        // "... was initialled in 2019 and is yet to be signed"; "and the agreement of 2015
        // was ratified two years later".
        let unsigned_until = if continues { clause.end } else { verb.start };
        if view
            .lower
            .has_any(&UNSIGNED, Span::new(clause.start, unsigned_until))
        {
            continue;
        }
        if hypothetical_outside_asides(view, clause)
            || is_negated(&view.lower, clause, verb)
            || non_state_subject(view, clause, verb)
            || third_state_agent(view, clause, verb, state)
            || third_state_subject(view, clause, verb, state)
        {
            continue;
        }
        let instruments = instruments_in(&view.lower, clause);
        // "two days before the Paris accords were signed" dates something else; "A protocol
        // upgrading the treaty": "the treaty" points back at one already counted, and so
        // does an apposition after it ("the EPA, the first free-trade agreement of either").
        let counted: Vec<bool> = instruments
            .iter()
            .enumerate()
            .map(|(index, instrument)| {
                let lead = view
                    .lower
                    .get(clause.start..instrument.span.start)
                    .unwrap_or("");
                let lead = lead.rsplit(',').next().unwrap_or(lead);
                let near: Vec<&str> = lead.split_whitespace().rev().take(6).collect();
                let dates_other = near
                    .iter()
                    .any(|word| matches!(*word, "before" | "after" | "until" | "since"));
                // "Beyond the 1974 memorandum, they signed ...": the article and a year point
                // back at an instrument told before.
                let the_year = lead
                    .trim_end()
                    .rsplit_once(' ')
                    .is_some_and(|(before, year)| {
                        before.ends_with(" the")
                            && year.len() == 4
                            && year.bytes().all(|byte| byte.is_ascii_digit())
                    });
                let generic = !view.slice(instrument.span).starts_with(char::is_uppercase)
                    && (lead.trim_end().ends_with(" the")
                        || the_year
                        || index > 0
                            && lead.trim_start().starts_with("the ")
                            && lead.split_whitespace().count() <= 3
                            && !lead.contains(" and "));
                let pointed_back = generic && instruments.len() > 1;
                // "A protocol amending the General Agreement of 1989": the instrument amended
                // was signed before.
                let amended = near.iter().take(3).any(|word| {
                    matches!(
                        *word,
                        "amending" | "supplementing" | "replacing" | "implementing" | "upgrading"
                    )
                });
                !(dates_other
                    || pointed_back
                    || amended
                    || names_others(view, clause, &instruments, index))
            })
            .collect();
        // "have signed some thirty agreements": a tally, dated only by its own words.
        let head = view.lower.get(clause.start..verb.start).unwrap_or("");
        let perfect = head
            .split_whitespace()
            .rev()
            .take(3)
            .any(|word| matches!(word, "have" | "has" | "had"));
        let told = counted.iter().filter(|counted| **counted).count();
        let respective = respective_dates(view, clause, verb, told);
        for (index, instrument) in instruments.iter().enumerate() {
            if !counted[index] {
                continue;
            }
            let place = counted[..index].iter().filter(|counted| **counted).count();
            // "one of fifteen documents" counts nothing new; nor does an instrument pointed
            // back at, which stays in the phrase of the one before it.
            let until = instruments
                .iter()
                .zip(&counted)
                .skip(index + 1)
                .find(|(_, counted)| **counted)
                .map_or(clause.end, |(next, _)| next.span.start);
            let own = own_phrase(view, Span::new(instrument.span.start, until));
            let when = respective
                .as_ref()
                .and_then(|dates| dates.get(place).copied())
                .or_else(|| signing_date(view, clause, instrument, own, state, perfect));
            let Some(date) = when else {
                continue;
            };
            let title = title_of(view, instrument);
            let topic = topic_of(view, instrument, own);
            // "memoranda on settling trade and on linking payment systems": one each.
            let topics = match &topic {
                Some(topic) if is_plural(view, instrument) => {
                    each_topic(topic, counted_noun(view, instrument))
                }
                _ => vec![topic],
            };
            // "During that 2016 visit the two governments signed ...": the visit's month.
            let date = match (date, state.event_date) {
                (PartialDate::Year(year), Some(event))
                    if event.year() == year
                        && event != date
                        && view.lower.has_any(&["visit", "during"], clause) =>
                {
                    event
                }
                _ => date,
            };
            for topic in topics {
                found.push(Found {
                    fact: Fact::AgreementSigned {
                        parties: state.dyad.codes(),
                        kind: instrument.kind,
                        title: title.clone(),
                        topic,
                        date: Some(date),
                    },
                    confidence: 0.75,
                });
            }
        }
    }
}

/// The date an instrument was signed: one written in its own phrase, else a relative one of
/// its clause ("the same day"), else the nearest before it in the clause, else that of the
/// clause before ("On 10 February X received Y; after their talks they signed ..."), else
/// that of the latest event or date of the text — but a tally in the perfect ("have signed
/// thirty agreements") takes no date from outside its clause.
fn signing_date(
    view: &View,
    clause: Span,
    instrument: &Instrument,
    own: Span,
    state: &State,
    perfect: bool,
) -> Option<PartialDate> {
    let asides = asides(view, own);
    if let Some(date) = view.dates_in(own).find(|date| {
        !covers_a_period(view, date)
            && !asides
                .iter()
                .any(|aside| aside.start <= date.span.start && date.span.end <= aside.end)
    }) {
        return Some(date.start);
    }
    let last = last_date_before(view, instrument.span.start, state);
    let through_own = Span::new(clause.start, own.end);
    if let Some(date) = last.and_then(|last| relative_date(&view.lower, through_own, last)) {
        return Some(date);
    }
    let before = Span::new(clause.start, instrument.span.start);
    if let Some(date) = view.dates_in(before).last() {
        return Some(date.start);
    }
    if perfect {
        return None;
    }
    if let Some(date) = view
        .dates_in(Span::new(0, clause.start))
        .filter(|date| !in_a_name(view, date))
        .last()
    {
        return Some(date.start);
    }
    // The event the text is telling of, or a date named after it.
    state.event_date.map(|event| match state.last_date {
        Some(last) if last.sort_key() > event.sort_key() => last,
        _ => event,
    })
}

/// "fourteen agreements, including the Partnership Agreement and a memorandum": a plural
/// that the instruments after it name one by one counts nothing of its own.
fn names_others(view: &View, clause: Span, instruments: &[Instrument], index: usize) -> bool {
    let (Some(instrument), Some(next)) = (instruments.get(index), instruments.get(index + 1))
    else {
        return false;
    };
    is_plural(view, instrument)
        && view.lower.has_any(
            &[
                "including",
                "among them",
                "such as",
                "notably",
                "among which",
            ],
            Span::new(instrument.span.end, next.span.start.min(clause.end)),
        )
}

/// Whether the instrument noun is plural: "agreements", "memoranda".
fn is_plural(view: &View, instrument: &Instrument) -> bool {
    let noun = view
        .lower
        .get(instrument.span.start..instrument.span.end)
        .unwrap_or("");
    let head = noun.split(" of ").next().unwrap_or(noun);
    head.ends_with('s') || head.ends_with("memoranda")
}

/// The topics of "on A and on B", "on A, on B and on C" apart, and of an uncounted list "on
/// A, B and C"; one topic stays whole, and so does the summary of a counted tally
/// ("thirteen agreements in agriculture, fisheries and health").
fn each_topic(topic: &str, counted: bool) -> Vec<Option<String>> {
    // "on A and on B, together with memoranda on C": the memoranda are instruments of their own.
    let topic = NOT_BILATERAL
        .iter()
        .filter_map(|phrase| topic.find(&format!(", {phrase}")))
        .min()
        .map_or(topic, |cut| &topic[..cut]);
    let listed = !counted && topic.contains(", ") && !topic.contains(", on ");
    topic
        .split(" and on ")
        .flat_map(|part| part.split(", on "))
        .flat_map(|part| {
            if listed {
                part.split(", ")
                    .flat_map(|item| item.split(" and "))
                    .collect::<Vec<_>>()
            } else {
                vec![part]
            }
        })
        .map(|part| {
            part.trim()
                .trim_start_matches("and ")
                .trim_start_matches("the ")
        })
        .filter(|part| !part.is_empty())
        .map(|part| Some(part.to_owned()))
        .collect()
}

/// Whether a number counts the instruments: "three memoranda", "thirteen agreements".
fn counted_noun(view: &View, instrument: &Instrument) -> bool {
    // "a number of agreements on A, B and C", "several accords": a tally, however vague.
    const VAGUE_COUNTS: &[&str] = &["number", "several", "series", "various", "range", "package"];
    view.lower
        .get(..instrument.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|word| !SIGNED.contains(word) && !matches!(*word, "the" | "and" | "with"))
        .any(|word| count_word(word).is_some() || VAGUE_COUNTS.contains(&word))
}

/// "the Constitution of 3 May 1791": a date that is part of a name dates nothing here.
fn in_a_name(view: &View, date: &crate::view::DateRef) -> bool {
    let head = view.text.get(..date.span.start).unwrap_or("").trim_end();
    head.strip_suffix(" of").is_some_and(|name| {
        name.rsplit(' ')
            .next()
            .is_some_and(|word| word.starts_with(char::is_uppercase))
    })
}

/// An instrument's own words: up to the next instrument or the clause's end, but not into a
/// participle phrase after a comma (", renamed ... in 2016", ", settling a dispute of the
/// 1900s", ", the latter initialled the year before"), which dates something else.
fn own_phrase(view: &View, span: Span) -> Span {
    let text = view.lower.get(span.start..span.end).unwrap_or("");
    let mut from = 0;
    while let Some(comma) = text[from..].find(", ") {
        let at = from + comma;
        let next = text[at + 2..].split_whitespace().next().unwrap_or("");
        let phrase_end = text[at + 2..]
            .find(',')
            .map_or(text.len(), |end| at + 2 + end);
        let phrase = Span::new(span.start + at, span.start + phrase_end);
        let participle = next.len() > 4 && (next.ends_with("ed") || next.ends_with("ing"));
        if participle && !matches!(next, "signed" | "including")
            || view.lower.has_any(&UNSIGNED, phrase)
        {
            return Span::new(span.start, span.start + at);
        }
        from = at + 2;
    }
    span
}

/// A sentence the segmenter left joined to the next at a citation ("... in agriculture.\[4\]
/// He was back ..."): the clause ends at the stop.
fn cut_at_cited_stop(view: &View, clause: Span) -> Span {
    let text = view.text.get(clause.start..clause.end).unwrap_or("");
    for (at, _) in text.match_indices(".[") {
        let rest = &text[at + 1..];
        let markers = rest.len()
            - rest
                .trim_start_matches(|ch: char| ch == '[' || ch == ']' || ch.is_ascii_digit())
                .len();
        if rest[markers..].starts_with(' ')
            && rest[markers..].trim_start().starts_with(char::is_uppercase)
        {
            return Span::new(clause.start, clause.start + at + 1);
        }
    }
    clause
}

/// "A and B were signed on D1 and D2 respectively": one date to each instrument, in order.
fn respective_dates(
    view: &View,
    clause: Span,
    verb: Span,
    instruments: usize,
) -> Option<Vec<PartialDate>> {
    view.lower.find_any(&["respectively"], clause)?;
    let dates: Vec<PartialDate> = view
        .dates_in(Span::new(verb.end.min(clause.end), clause.end))
        .filter(|date| !covers_a_period(view, date))
        .map(|date| date.start)
        .collect();
    (instruments >= 2 && dates.len() == instruments).then_some(dates)
}

/// The relative clauses set off by commas in `span`: ", which they had agreed to conclude
/// by 2018,".
fn asides(view: &View, span: Span) -> Vec<Span> {
    let text = view.lower.get(span.start..span.end).unwrap_or("");
    let mut found = Vec::new();
    for marker in [", which ", ", who "] {
        for (at, _) in text.match_indices(marker) {
            let end = text[at + marker.len()..]
                .find(',')
                .map_or(text.len(), |comma| at + marker.len() + comma);
            found.push(Span::new(span.start + at, span.start + end));
        }
    }
    found
}

/// Whether the clause speaks of a planned or proposed signing, outside its asides and its
/// instrument nouns: "the agreement, which they had agreed to conclude by 2018, was signed in
/// 2019" and "signed an Action Plan to Strengthen ..." were signed.
fn hypothetical_outside_asides(view: &View, clause: Span) -> bool {
    let mut asides = asides(view, clause);
    asides.extend(
        instruments_in(&view.lower, clause)
            .into_iter()
            .map(|instrument| instrument.span),
    );
    asides.sort_by_key(|aside| aside.start);
    let mut from = clause.start;
    let mut parts = Vec::new();
    for aside in asides {
        if aside.start >= from {
            parts.push(Span::new(from, aside.start));
            from = aside.end;
        }
    }
    parts.push(Span::new(from, clause.end));
    parts
        .into_iter()
        .any(|part| crate::modality::is_hypothetical(&view.lower, part))
}

/// Whether `code` is neither member of the pair nor a predecessor of one.
fn outside_the_pair(code: bilateral_model::CountryCode, state: &State) -> bool {
    !state.dyad.contains(code)
        && bilateral_gazetteer::successor(code)
            .is_none_or(|successor| !state.dyad.contains(successor))
}

/// Prepositions before a state named as a place or a circumstance ("in Lima", "under
/// pressure from France"), not as a signatory.
const CIRCUMSTANCES: &[&str] = &[
    "in", "at", "from", "after", "before", "during", "under", "against", "over", "since",
];

/// The word before `offset`, articles skipped.
fn word_before<'a>(view: &'a View, offset: usize) -> &'a str {
    view.lower
        .get(..offset)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .find(|word| !matches!(*word, "the" | "a" | "an"))
        .unwrap_or("")
}

/// "Peru and Chile signed a border treaty": a state beyond the pair in the subject, not as a
/// place, a circumstance or a complement ("the ambassador of France").
fn third_state_subject(view: &View, clause: Span, verb: Span, state: &State) -> bool {
    view.countries_in(Span::new(clause.start, verb.start.max(clause.start)))
        .any(|country| {
            let previous = word_before(view, country.span.start);
            outside_the_pair(country.code, state)
                && !matches!(country.via, bilateral_gazetteer::MentionVia::Capital)
                && !CIRCUMSTANCES.contains(&previous)
                && !matches!(previous, "of" | "to" | "for" | "on" | "with" | "by")
        })
}

/// "signed in London by Britain and the Ottoman Empire": a state beyond the pair named as
/// the signatory after "by".
fn third_state_agent(view: &View, clause: Span, verb: Span, state: &State) -> bool {
    view.countries_in(Span::new(verb.end.min(clause.end), clause.end))
        .any(|country| {
            let head = view.lower.get(verb.end..country.span.start).unwrap_or("");
            outside_the_pair(country.code, state)
                && (head.ends_with(" by ") || head.ends_with(" by the "))
        })
}

/// "a plan for 2015–2018": a date the instrument covers, not the day it was signed.
pub(crate) fn covers_a_period(view: &View, date: &crate::view::DateRef) -> bool {
    let head = view.lower.get(..date.span.start).unwrap_or("").trim_end();
    head.ends_with(" for")
        || head.ends_with(" of")
        || date.end.is_some_and(|end| end.year() != date.start.year())
}

/// Whether the sentence up to `end` names more than the dyad as actors (a multilateral
/// treaty); states named only after the signing clause are told of apart from it.
fn third_party_signatories(view: &View, end: usize) -> bool {
    let mut codes: Vec<_> = view
        .countries_in(Span::new(0, end))
        // "after the meeting in Lima", "under pressure from France": a place or a
        // circumstance, not a party.
        .filter(|country| !CIRCUMSTANCES.contains(&word_before(view, country.span.start)))
        .map(|country| country.code)
        .collect();
    codes.sort();
    codes.dedup();
    codes.len() >= 3
}

/// International organisations, which sign for themselves: "signed an agreement with the
/// IMF".
static ORGANISATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "organisations"));

/// Whether the signatory is not the pair's governments: a company, a bank or a chamber in
/// the subject, or an international organisation in it or after "with".
fn non_state_subject(view: &View, clause: Span, verb: Span) -> bool {
    let subject = Span::new(clause.start, verb.start.max(clause.start));
    // The four words after "with": "with the International Monetary Fund".
    let partner = view
        .lower
        .find_any(&["with"], Span::new(verb.end.min(clause.end), clause.end))
        .map(|with| {
            let rest = view.lower.get(with.end..clause.end).unwrap_or("");
            let mut end = with.end;
            for word in rest.split_whitespace().take(4) {
                end = view.lower[end..]
                    .find(word)
                    .map_or(end, |at| end + at + word.len());
            }
            Span::new(with.end, end)
        });
    if view.lower.has_any(&ORGANISATIONS, subject)
        || partner.is_some_and(|partner| view.lower.has_any(&ORGANISATIONS, partner))
    {
        return true;
    }
    view.lower
        .find_any(&NON_STATE_SIGNATORIES, subject)
        .is_some_and(|found| {
            // A central bank is the state's.
            !view
                .lower
                .get(..found.start)
                .is_some_and(|head| head.trim_end().ends_with("central"))
        })
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
            let stop = [" and the ", " and a ", " and an "]
                .iter()
                .filter_map(|joint| rest[..stop].find(joint))
                .min()
                .unwrap_or(stop);
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
pub(crate) fn topic_of(view: &View, instrument: &Instrument, own: Span) -> Option<String> {
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
            // A date ends it too: "on tourism on 2 May 2019".
            if let Some(date) = view
                .dates
                .iter()
                .find(|date| date.span.start >= start && date.span.start - start < stop)
            {
                let head = original[..date.span.start - start].trim_end();
                let head = [" on", " in", " of"].iter().fold(head, |head, dangling| {
                    head.strip_suffix(dangling).unwrap_or(head)
                });
                stop = stop.min(head.len());
            }
            let topic = original[..stop.min(original.len())]
                .trim()
                .trim_end_matches('.');
            return (!topic.is_empty()).then(|| topic.to_owned());
        }
    }
    let head = view.lower.get(..instrument.span.start)?.trim_end();
    if let Some(phrase) = ["air services", "double taxation", "visa exemption"]
        .iter()
        .find(|phrase| head.ends_with(&format!(" {phrase}")))
    {
        return Some((*phrase).to_owned());
    }
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

#[cfg(test)]
mod tests {
    use crate::testing;

    #[test]
    fn every_phrase_list_of_the_agreement_lexicon_holds_phrases() {
        use super::{
            AgreementKind, INSTRUMENTS, NON_STATE_SIGNATORIES, NOT_BILATERAL, ORGANISATIONS,
            SIGNED, SIGNING_LEMMAS, SIGNING_NOUNS, UNSIGNED, agreement_kind, lexicon,
        };
        for list in [
            &SIGNING_LEMMAS,
            &SIGNING_NOUNS,
            &SIGNED,
            &UNSIGNED,
            &NOT_BILATERAL,
            &NON_STATE_SIGNATORIES,
            &ORGANISATIONS,
        ] {
            assert!(!list.is_empty());
        }
        assert!(SIGNED.contains(&"concluded") && !SIGNED.contains(&"sign"));
        assert!(UNSIGNED.contains(&"ratified") && UNSIGNED.contains(&"into force"));
        assert!(INSTRUMENTS.contains(&("mou", AgreementKind::Memorandum)));
        assert!(
            lexicon::unknown_kinds(lexicon::AGREEMENTS, "instruments", agreement_kind).is_empty()
        );
    }

    fn check(body: &str, expected: &str) {
        testing::assert_facts(TYPES, &testing::text_article(TITLE, body), expected);
    }

    const TYPES: &[&str] = &["agreement_signed"];
    const TITLE: &str = "Chile–Ghana relations";

    fn signed(kind: &str, title: &str, topic: &str, date: &str) -> String {
        let quoted = |text: &str| {
            if text.is_empty() {
                "null".to_owned()
            } else {
                format!("{text:?}")
            }
        };
        format!(
            r#"{{"type":"agreement_signed","parties":["CHL","GHA"],"kind":"{kind}","title":{},"topic":{},"date":"{date}"}}"#,
            quoted(title),
            quoted(topic)
        )
    }

    #[test]
    fn instruments_of_other_kinds() {
        for body in [
            "On 5 May 1990 the two governments signed a letter of intent on fisheries.",
            "On 5 May 1990 the two governments concluded an exchange of notes on fisheries.",
            "On 5 May 1990 the two governments signed a charter on fisheries.",
        ] {
            check(body, &signed("other", "", "fisheries", "1990-05-05"));
        }
        check(
            "On 5 May 1990 the two governments discussed a charter flight to Accra.",
            "",
        );
    }

    #[test]
    fn signing_verbs_are_found_in_their_forms() {
        for (body, kind) in [
            (
                "On 5 May 1990 the two governments inked a pact on fisheries.",
                "agreement",
            ),
            (
                "On 5 May 1990 the two governments concluded a convention on fisheries.",
                "convention",
            ),
            (
                "Signing a treaty on fisheries on 5 May 1990, the two governments ended the dispute.",
                "treaty",
            ),
        ] {
            check(body, &signed(kind, "", "fisheries", "1990-05-05"));
        }
        // "sign" as a noun signs nothing.
        check(
            "The treaty on fisheries of 5 May 1990 is a sign of trust.",
            "",
        );
    }

    #[test]
    fn instruments_signed_respectively_take_a_date_each() {
        let expected = [
            signed(
                "agreement",
                "Agreement on Fisheries",
                "Fisheries",
                "1995-12-18",
            ),
            signed(
                "treaty",
                "Treaty on Extradition",
                "Extradition",
                "2006-11-13",
            ),
        ]
        .join("\n");
        for body in [
            "The Agreement on Fisheries and the Treaty on Extradition were signed on 18 December 1995 and 13 November 2006 respectively.",
            "The Agreement on Fisheries and the Treaty on Extradition were signed, respectively, on 18 December 1995 and 13 November 2006, the second in Accra.",
            "Ministers signed the Agreement on Fisheries and the Treaty on Extradition on 18 December 1995 and 13 November 2006 respectively; Ghana later doubted both.",
        ] {
            check(body, &expected);
        }
        // Without "respectively" the dates are not shared out.
        check(
            "The Agreement on Fisheries was signed on 18 December 1995 and amended on 13 November 2006.",
            &signed(
                "agreement",
                "Agreement on Fisheries",
                "Fisheries",
                "1995-12-18",
            ),
        );
    }

    #[test]
    fn initialled_ratified_or_discussed_instruments_are_not_signed() {
        for body in [
            "Note: an Agreement on Double Taxation was initialled in Accra in 2019 and is yet to be signed.",
            "The 2007 memorandum was signed in Accra in October 2007, and the investment agreement of 2015 was ratified two years later.",
            "Ministers signed a memorandum on tourism on 2 May 2019; an MoU on mining was discussed but left for a later date.",
        ] {
            let facts = if body.contains("tourism") {
                signed("memorandum", "", "tourism", "2019-05-02")
            } else if body.contains("2007") {
                signed("memorandum", "", "", "2007-10")
            } else {
                String::new()
            };
            check(body, &facts);
        }
        // Initialled before, signed now: an aside after the instrument does not void it.
        check(
            "On 23 February 2013 the two governments signed an air services agreement, the latter initialled the previous year.",
            &signed("agreement", "", "air services", "2013-02-23"),
        );
    }

    #[test]
    fn the_date_of_a_signing_is_its_own() {
        for (body, date) in [
            // An aside that was "agreed to" does not make the signing planned.
            (
                "The Partnership Agreement, which they had agreed to conclude by the end of 2018, was signed on 4 March 2019.",
                "2019-03-04",
            ),
            // A relative date before the signing beats a date in a participle after it.
            (
                "President Mahama flew to Santiago on 2 December 2014; the same day the two leaders signed an agreement establishing a joint committee, renamed the strategic council in 2016.",
                "2014-12-02",
            ),
            // "the day before" counts back from the date before it.
            (
                "Mahama was in Santiago on 14 February 2024 to open a school; the day before, the two governments signed an investment agreement.",
                "2024-02-13",
            ),
            // A date in a name dates nothing.
            (
                "Mahama came on 3 May 2021 for the anniversary of the Constitution of 3 May 1791, and after talks the two presidents signed an investment agreement.",
                "2021-05-03",
            ),
        ] {
            let topic = if body.contains("investment agreement") {
                "investment"
            } else {
                ""
            };
            let title = if body.contains("Partnership Agreement") {
                "Partnership Agreement"
            } else {
                ""
            };
            check(body, &signed("agreement", title, topic, date));
        }
    }

    #[test]
    fn an_instrument_pointed_back_at_leaves_the_date_to_the_new_one() {
        for (body, date) in [
            (
                "A protocol upgrading the treaty was signed at Valparaíso on 11 November 2017 and took effect in March 2019.",
                "2017-11-11",
            ),
            (
                "A protocol amending the agreement was signed in Accra on 11 November 2017.",
                "2017-11-11",
            ),
            (
                "On 11 November 2017 a protocol revising the convention was signed in Accra.",
                "2017-11-11",
            ),
        ] {
            check(body, &signed("protocol", "", "", date));
        }
        // A participle after a comma dates its own matter.
        check(
            "On 9 June 1970 the two leaders signed the boundary treaty in Accra, settling a line disputed since the 1900s.",
            &signed("treaty", "", "", "1970-06-09"),
        );
    }

    #[test]
    fn a_state_named_as_a_place_is_no_signatory() {
        for body in [
            "Mahama made a state visit on 22–23 November 2016, after a summit in Lima; the two sides issued a joint statement.",
            "Mahama made a state visit on 22–23 November 2016, after talks at Lima; the two sides issued a joint statement.",
            "After a summit in Peru, Mahama made a state visit on 22–23 November 2016; the two sides issued a joint statement.",
        ] {
            check(body, &signed("joint_statement", "", "", "2016-11-22"));
        }
        check(
            "On 22 November 2016 Chile, Ghana and Peru issued a joint statement.",
            "",
        );
    }

    #[test]
    fn a_plural_named_one_by_one_is_not_one_more() {
        let expected = [
            signed("agreement", "Partnership Agreement", "", "2017-01-25"),
            signed("memorandum", "", "maritime transport", "2017-01-25"),
        ]
        .join("\n");
        for body in [
            "On 25 January 2017 the two sides signed fourteen agreements, including the Partnership Agreement and a memorandum on maritime transport.",
            "On 25 January 2017 the two sides signed several accords, among them the Partnership Agreement and a memorandum on maritime transport.",
            "On 25 January 2017 the two sides signed agreements such as the Partnership Agreement and a memorandum on maritime transport.",
        ] {
            check(body, &expected);
        }
        // A count alone is one fact.
        check(
            "On 25 January 2017 the two sides signed fourteen agreements.",
            &signed("agreement", "", "", "2017-01-25"),
        );
    }

    #[test]
    fn a_tally_in_the_perfect_takes_no_date_from_elsewhere() {
        for body in [
            "President John Mahama of Ghana visited Chile in May 2015. To date, the two countries have signed more than thirty agreements.",
            "President John Mahama of Ghana visited Chile in May 2015. Some thirty agreements have been signed between the two governments.",
            "President John Mahama of Ghana visited Chile in May 2015. The two countries have so far signed a dozen accords.",
        ] {
            check(body, "");
        }
        // Dated in its own clause, a perfect still counts; a past tense takes the visit's date.
        check(
            "The two countries have signed an air services agreement in 2016.",
            &signed("agreement", "", "air services", "2016"),
        );
        check(
            "President John Mahama of Ghana visited Chile in May 2015. During the visit the two sides signed a memorandum on mining.",
            &signed("memorandum", "", "mining", "2015-05"),
        );
    }

    #[test]
    fn a_plan_named_is_no_plan_to_sign() {
        for (body, title, topic) in [
            (
                "On 25 January 2020 the two governments signed an Action Plan to Strengthen the Partnership.",
                "Action Plan to Strengthen the Partnership",
                "Strengthen the Partnership",
            ),
            (
                "On 25 January 2020 the two governments adopted a joint action plan for the partnership.",
                "",
                "the partnership",
            ),
            (
                "On 25 January 2020 the two governments signed a Plan of Action to deepen trade.",
                "Plan of Action to deepen trade",
                "deepen trade",
            ),
        ] {
            check(body, &signed("action_plan", title, topic, "2020-01-25"));
        }
        check(
            "In 2020 the two governments announced a plan to sign an agreement on trade.",
            "",
        );
    }

    #[test]
    fn organisations_sign_for_themselves() {
        for body in [
            "In 1983 Ghana signed an agreement with the IMF on structural adjustment.",
            "In 1983 the European Union and Ghana signed a protocol on fisheries.",
            "In 1983 Ghana concluded a memorandum with the World Bank.",
        ] {
            check(body, "");
        }
        check(
            "In 1983 Ghana signed a fisheries agreement with Chile.",
            &signed("agreement", "", "fisheries", "1983"),
        );
    }

    #[test]
    fn third_states_signing_make_no_fact_of_the_pair() {
        check(
            "The Convention of 1913, signed in London by Britain and the Ottoman Empire on 29 July 1913, gave up claims to the coast.",
            "",
        );
        // A third state as the subject signs for itself.
        for body in [
            "Peru and Bolivia signed a border treaty in 1929.",
            "In 1929 Bolivia signed a border treaty with Ghana.",
            "The Bolivian government concluded a border treaty in 1929.",
        ] {
            check(body, "");
        }
        // A third state named after the signing clause is told of apart; one named as a
        // place or a circumstance of the subject is no signatory.
        check(
            "Under pressure from Bolivia, the two governments signed a treaty on fisheries on 18 December 1995.",
            &signed("treaty", "", "fisheries", "1995-12-18"),
        );
        check(
            "The two governments signed a treaty on fisheries on 18 December 1995; Peru and Bolivia protested in 1999.",
            &signed("treaty", "", "fisheries", "1995-12-18"),
        );
    }

    #[test]
    fn plural_instruments_on_several_subjects_are_one_each() {
        let expected = [
            signed("memorandum", "", "settling trade", "2023-07-15"),
            signed("memorandum", "", "linking payment systems", "2023-07-15"),
        ]
        .join("\n");
        for body in [
            "On 15 July 2023 the two central banks signed memoranda on settling trade and on linking payment systems.",
            "On 15 July 2023 the two governments signed memoranda of understanding on settling trade and on linking payment systems.",
        ] {
            check(body, &expected);
        }
        // One subject, one fact; a commercial bank is not a government.
        check(
            "On 15 July 2023 the two governments signed agreements on settling trade.",
            &signed("agreement", "", "settling trade", "2023-07-15"),
        );
        check(
            "On 15 July 2023 two commercial banks signed memoranda on settling trade.",
            "",
        );
    }
}
