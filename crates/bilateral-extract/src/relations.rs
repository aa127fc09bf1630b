//! Diplomatic relations established, severed and restored.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Fact, PartialDate, Span};

use crate::modality::asserts;
use std::sync::LazyLock;

use crate::lexicon;
use crate::text::{Lexicon, find_every, past_participle, verb_forms};
use crate::view::View;
use crate::when::{clause_date, relative_date};
use crate::{Found, State, last_date_before};

/// Every trigger below names relations, ties or diplomats, or is the label "established".
static RELATION_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "relation words"));

/// The nouns a change of relations is told of, and the words that may stand before them
/// ("established formal diplomatic relations").
static NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "nouns"));
static MODIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "modifiers"));

/// Nouns that name relations only after "diplomatic" ("diplomatic links").
static DIPLOMATIC_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "diplomatic nouns"));

/// Verb lemmas, found in every form ("broke off", "severing"), before a relation noun.
static VERBS: LazyLock<Vec<(&'static str, Change)>> =
    LazyLock::new(|| lexicon::kinds(lexicon::RELATIONS, "verbs", change));

/// Nouns of the change, before "of" and a relation noun: "the establishment of diplomatic
/// relations on ...", "marked the start of relations".
static NOMINALS: LazyLock<Vec<(&'static str, Change)>> =
    LazyLock::new(|| lexicon::kinds(lexicon::RELATIONS, "nominals", change));

/// Phrases of their own shape: "date from", diplomats exchanged, a passive left broken.
static PHRASES: LazyLock<Vec<(&'static str, Change)>> =
    LazyLock::new(|| lexicon::kinds(lexicon::RELATIONS, "phrases", change));

/// A passive after a relation noun: an auxiliary, perhaps an adverb, and the participle of
/// a verb above ("were formally established", "had been broken off").
const AUXILIARIES: &[&str] = &["were ", "had been ", "have been "];
const ADVERBS: &[&str] = &[
    "formally ",
    "officially ",
    "first ",
    "fully ",
    "finally ",
    "eventually ",
    "again ",
    "only ",
    "later ",
    "subsequently ",
    "then ",
];

/// Every form of the verbs of holding relations: "have had diplomatic relations since ...",
/// relations held since a date began on it.
static HELD: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "holding"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Established,
    Severed,
    Restored,
}

/// A change by its name in the lexicon.
fn change(name: &str) -> Option<Change> {
    match name {
        "established" => Some(Change::Established),
        "severed" => Some(Change::Severed),
        "restored" => Some(Change::Restored),
        _ => None,
    }
}

/// A table of phrases made from lemmas.
fn lexicon(entries: impl Iterator<Item = (String, Change)>) -> Lexicon<Change> {
    let entries: Vec<(String, Change)> = entries.collect();
    let borrowed: Vec<(&str, Change)> = entries
        .iter()
        .map(|(phrase, change)| (phrase.as_str(), *change))
        .collect();
    Lexicon::new(&borrowed)
}

/// Every form of the verbs, and the nominalisations: what comes before a relation noun.
static HEADS: LazyLock<Lexicon<Change>> = LazyLock::new(|| {
    let verbs = VERBS.iter().flat_map(|(lemma, change)| {
        verb_forms(lemma)
            .into_iter()
            .map(move |form| (form, *change))
    });
    let nominals = NOMINALS
        .iter()
        .map(|(head, change)| ((*head).to_owned(), *change));
    lexicon(verbs.chain(nominals))
});

/// The verbs' past participles, for passives.
static PARTICIPLES: LazyLock<Lexicon<Change>> = LazyLock::new(|| {
    lexicon(
        VERBS
            .iter()
            .map(|(lemma, change)| (past_participle(lemma), *change)),
    )
});

static OWN_PHRASES: LazyLock<Lexicon<Change>> = LazyLock::new(|| {
    lexicon(
        PHRASES
            .iter()
            .map(|(phrase, change)| ((*phrase).to_owned(), *change)),
    )
});

/// Every form of the verbs of holding relations.
static HOLDING: LazyLock<Lexicon<Change>> = LazyLock::new(|| {
    lexicon(
        HELD.iter()
            .map(|form| ((*form).to_owned(), Change::Established)),
    )
});

/// The next word of `lower` from `at`: its span, spaces before it skipped.
fn next_word(lower: &str, at: usize) -> Option<Span> {
    let rest = lower.get(at..)?;
    let start = at + (rest.len() - rest.trim_start().len());
    let word = lower.get(start..)?;
    let length = word
        .find(|ch: char| !ch.is_alphanumeric() && ch != '-')
        .unwrap_or(word.len());
    (length > 0).then(|| Span::new(start, start + length))
}

/// The end of a relation noun after `at`, past at most two modifiers: "formal diplomatic
/// relations".
fn noun_after(lower: &str, at: usize) -> Option<usize> {
    let mut cursor = at;
    let mut previous = "";
    for _ in 0..3 {
        let word = next_word(lower, cursor)?;
        let text = lower.get(word.start..word.end)?;
        if NOUNS.contains(&text) || previous == "diplomatic" && DIPLOMATIC_NOUNS.contains(&text) {
            return Some(word.end);
        }
        if !MODIFIERS.contains(&text) {
            return None;
        }
        previous = text;
        cursor = word.end;
    }
    None
}

/// A head ("established", "the establishment of") of `heads` with a relation noun after it:
/// each as the span from the head through the noun.
fn with_noun(lower: &str, heads: &Lexicon<Change>, within: Span) -> Vec<(Span, Change)> {
    heads
        .find(lower, within)
        .into_iter()
        .filter_map(|(head, change)| {
            let end = noun_after(lower, head.end).filter(|end| *end <= within.end)?;
            Some((Span::new(head.start, end), change))
        })
        .collect()
}

/// The passive that starts at `at` ("were formally established"): its end and change.
fn passive_at(lower: &str, at: usize) -> Option<(usize, Change)> {
    let rest = lower.get(at..)?;
    let auxiliary = AUXILIARIES
        .iter()
        .find(|auxiliary| rest.starts_with(*auxiliary))?;
    let mut from = at + auxiliary.len();
    let after = lower.get(from..)?;
    if let Some(adverb) = ADVERBS.iter().find(|adverb| after.starts_with(*adverb)) {
        from += adverb.len();
    }
    let word = next_word(lower, from).filter(|word| word.start == from)?;
    // A participle is one word, or two with a particle ("broken off").
    let reach = next_word(lower, word.end).map_or(word.end, |particle| particle.end);
    PARTICIPLES
        .find(lower, Span::new(from, reach))
        .into_iter()
        .find(|(span, _)| span.start == from)
        .map(|(span, change)| (span.end, change))
}

/// Every trigger of the sentence, in order, without overlaps: a verb or its nominalisation
/// before a relation noun, a relation noun before a passive ("they" only before a
/// restoration), and the phrases of their own shape.
fn triggers(lower: &str) -> Vec<(Span, Change)> {
    let whole = Span::new(0, lower.len());
    let mut found = with_noun(lower, &HEADS, whole);
    for subject in find_every(
        lower,
        &["relations", "ties", "diplomatic links", "they"],
        whole,
    ) {
        let they = lower.get(subject.start..subject.end) == Some("they");
        if let Some((end, change)) = passive_at(lower, subject.end + 1)
            && (!they || change == Change::Restored)
        {
            found.push((Span::new(subject.start, end), change));
        }
    }
    found.extend(OWN_PHRASES.find(lower, whole));
    found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut kept: Vec<(Span, Change)> = Vec::new();
    for (span, change) in found {
        if kept.last().is_none_or(|(last, _)| span.start >= last.end) {
            kept.push((span, change));
        }
    }
    kept
}

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    if !view.lower.has_any(&RELATION_WORDS, view.whole()) {
        return;
    }
    // One scan of the sentence for every trigger, then each clause takes its own.
    let triggers = triggers(&view.lower);
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
            let held = held_since(view, clause, state).or_else(|| labelled(view, clause));
            if let Some((trigger, date)) = held
                && let Some(parties) = parties(view, clause, trigger, state)
            {
                push(found, Change::Established, parties, date);
            }
            continue;
        };
        if !asserts(&view.lower, clause, trigger) && !agreed_to_establish(view, clause, change)
            || dates_by_it(view, trigger)
            || subject_of_talks(view, clause, trigger)
        {
            continue;
        }
        let Some(parties) = parties(view, clause, trigger, state) else {
            continue;
        };
        let last = last_date_before(view, clause.start, state);
        let Some(date) = date_of_change(view, clause, trigger)
            .or_else(|| clause_date(view, clause, last).map(|when| when.start))
            .or_else(|| view.date_before(clause.start))
        else {
            continue;
        };
        push(found, change, parties, date);
    }
}

fn push(found: &mut Vec<Found>, change: Change, parties: [CountryCode; 2], date: PartialDate) {
    let date = Some(date);
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

/// The date a trigger names itself: written right after it ("the establishment of
/// diplomatic relations on 14 January 1992"), or after a "followed" before it ("was
/// followed, on 5 September, by the establishment of relations").
fn date_of_change(view: &View, clause: Span, trigger: Span) -> Option<PartialDate> {
    let right_after = view.dates_in(clause).find(|date| {
        let gap = view.lower.get(trigger.end..date.span.start).unwrap_or("x");
        date.span.start >= trigger.end
            && matches!(gap.trim(), "" | "on" | "in" | "," | "at" | ":" | "-" | "–")
    });
    if let Some(date) = right_after {
        return Some(date.start);
    }
    let followed = view
        .lower
        .find_any(&["followed"], Span::new(clause.start, trigger.start))?;
    view.dates_in(Span::new(followed.end, trigger.start))
        .next()
        .map(|date| date.start)
}

/// "X and Y have had diplomatic relations (without interruption) since 24 December 1955",
/// "... have maintained relations since that day": the relations began on that date.
fn held_since(view: &View, clause: Span, state: &State) -> Option<(Span, PartialDate)> {
    let (held, _) = with_noun(&view.lower, &HOLDING, clause)
        .into_iter()
        .next()?;
    if !asserts(&view.lower, clause, held) {
        return None;
    }
    let rest = view.lower.get(held.end..clause.end)?;
    let since = rest.find("since ")?;
    // At most a few words between: "without interruption", "without a break ever".
    if rest[..since].split_whitespace().count() > 4 || rest[..since].contains([',', ';']) {
        return None;
    }
    let from = held.end + since + "since ".len();
    if let Some(date) = view.dates.iter().find(|date| date.span.start == from) {
        return Some((held, date.start));
    }
    // "since Namibian independence on 21 March 1990": the event's date, a few words on.
    if let Some(date) = view.dates.iter().find(|date| {
        date.span.start > from
            && view.lower.get(from..date.span.start).is_some_and(|gap| {
                gap.split_whitespace().count() <= 4
                    && (gap.ends_with(" on ") || gap.ends_with(" in "))
                    && !gap.contains([',', ';'])
            })
    }) {
        return Some((held, date.start));
    }
    let last = last_date_before(view, held.start, state)?;
    relative_date(&view.lower, Span::new(from, clause.end), last).map(|date| (held, date))
}

/// A data line: "Diplomatic relations: established on 24 December 1955", or the label
/// "Established: 16 February 1950" of an infobox.
fn labelled(view: &View, clause: Span) -> Option<(Span, PartialDate)> {
    let established = view.lower.find_any(&["established"], clause)?;
    let head = view.lower.get(clause.start..established.start)?.trim_end();
    let tail = view.lower.get(established.end..clause.end)?;
    let label = tail.starts_with(':')
        || head.ends_with(':')
            && view
                .lower
                .find_any(&NOUNS, Span::new(clause.start, established.start))
                .is_some();
    if !label {
        return None;
    }
    view.dates_in(Span::new(established.end, clause.end))
        .next()
        .filter(|date| {
            let gap = view
                .lower
                .get(established.end..date.span.start)
                .unwrap_or("x");
            matches!(gap.trim_start_matches(':').trim(), "" | "on" | "in")
        })
        .map(|date| (established, date.start))
}

/// "On the same day that relations were established, ...", "the anniversary of the
/// establishment of relations": the change is told elsewhere and only dates something else
/// here.
fn dates_by_it(view: &View, trigger: Span) -> bool {
    let head = view.lower.get(..trigger.start).unwrap_or("").trim_end();
    // "the 50th anniversary of the establishment of relations in 2012" dates the anniversary.
    let head_words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    if head_words
        .iter()
        .any(|word| word.starts_with("anniversar") || *word == "jubilee")
    {
        return true;
    }
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

/// Talk nouns with their prepositions ("talks on", "negotiations for").
static TALKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "talks"));

/// Whether the change is only what talks were about: "Talks on relations began in 1963",
/// "negotiations on establishing relations started".
fn subject_of_talks(view: &View, clause: Span, trigger: Span) -> bool {
    crate::text::find_every(&view.lower, &TALKS, Span::new(clause.start, trigger.start))
        .into_iter()
        .any(|talks| {
            view.lower
                .get(talks.end..trigger.start)
                .is_some_and(|gap| !gap.contains(',') && gap.split_whitespace().count() <= 3)
        })
}

/// "Relations between X and Y were formally established", "Relations with Japan were
/// restored", "Relations at embassy level were established": the subject and the verb apart.
fn subject_apart_from_verb(view: &View, clause: Span) -> Option<(Change, Span)> {
    let subject = view.lower.find_any(
        &[
            "relations between",
            "ties between",
            "relations with",
            "ties with",
            "relations at",
        ],
        clause,
    )?;
    let (verb, change) = find_every(
        &view.lower,
        &["were", "had been", "have been", "date from", "date back to"],
        Span::new(subject.end, clause.end),
    )
    .into_iter()
    .find_map(|at| {
        if view.lower.get(at.start..at.end)?.starts_with("date") {
            return Some((at, Change::Established));
        }
        passive_at(&view.lower, at.start).map(|(end, change)| (Span::new(at.start, end), change))
    })?;
    // The words between, each state's name counted as one: "relations between the Republic
    // of Belarus and the Socialist Republic of Vietnam were established".
    let between = view.lower.get(subject.end..verb.start)?;
    let gap = Span::new(subject.end, verb.start);
    let mut names: Vec<Span> = view.countries_in(gap).map(|country| country.span).collect();
    // "the two countries" stands for both members at one span.
    names.dedup();
    let name_words: usize = names
        .iter()
        .map(|span| {
            view.slice(*span)
                .split_whitespace()
                .count()
                .saturating_sub(1)
        })
        .sum();
    let words = between
        .split_whitespace()
        .count()
        .saturating_sub(name_words);
    if words > 6 || between.contains([',', ';']) {
        return None;
    }
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
            None if attributive(view, code, clause) => {}
            None if in_time_clause(view, code, clause, trigger) => {}
            None => return None,
        }
    }
    parties.sort();
    Some(parties)
}

/// Words after a demonym that make its state an actor: "the French government".
static ACTORS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::RELATIONS, "actors"));

/// Whether `code` is named in the clause only as an adjective of something other than an
/// actor: "the Dutch transfer of sovereignty", "a French loan".
fn attributive(view: &View, code: CountryCode, clause: Span) -> bool {
    view.countries_in(clause)
        .filter(|country| country.code == code)
        .all(|country| {
            let head = view
                .lower
                .get(clause.start..country.span.start)
                .unwrap_or("");
            let next = view
                .text
                .get(country.span.end..clause.end)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            matches!(country.via, MentionVia::Demonym)
                && (head.ends_with("the ") || head.ends_with("a "))
                && next.starts_with(|ch: char| ch.is_ascii_lowercase())
                && !ACTORS.contains(&next.trim_end_matches([',', '.', ';']))
        })
}

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

/// Whether `code` is named only after the change, in a phrase that dates it by something
/// else: "Formal ties followed on 25 January 1973, two days before the Paris accords".
fn in_time_clause(view: &View, code: CountryCode, clause: Span, trigger: Span) -> bool {
    let Some(link) = view.lower.find_any(
        &["before", "after", "when", "until"],
        Span::new(trigger.end.min(clause.end), clause.end),
    ) else {
        return false;
    };
    view.countries_in(clause)
        .filter(|country| country.code == code)
        .all(|country| country.span.start >= link.end)
}

/// Whether every mention of `code` in the clause is a location ("in X", "at X").
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

#[cfg(test)]
mod tests {
    use crate::testing;

    #[test]
    fn every_phrase_list_of_the_relations_lexicon_holds_phrases() {
        use super::{ACTORS, DIPLOMATIC_NOUNS, HELD, MODIFIERS, NOUNS, RELATION_WORDS, TALKS};
        for list in [
            &RELATION_WORDS,
            &NOUNS,
            &DIPLOMATIC_NOUNS,
            &MODIFIERS,
            &HELD,
            &ACTORS,
            &TALKS,
        ] {
            assert!(!list.is_empty());
        }
        assert!(HELD.contains(&"maintained"));
        for section in ["verbs", "nominals", "phrases"] {
            assert!(
                !super::lexicon::kinds(super::lexicon::RELATIONS, section, super::change)
                    .is_empty()
            );
            assert!(
                super::lexicon::unknown_kinds(super::lexicon::RELATIONS, section, super::change)
                    .is_empty()
            );
        }
    }

    fn check(body: &str, expected: &str) {
        testing::assert_facts(TYPES, &testing::text_article(TITLE, body), expected);
    }

    const TYPES: &[&str] = &[
        "relations_established",
        "relations_severed",
        "relations_restored",
    ];
    const TITLE: &str = "Ghana–Peru relations";

    fn established(date: &str) -> String {
        format!(r#"{{"type":"relations_established","parties":["GHA","PER"],"date":"{date}"}}"#)
    }

    #[test]
    fn relations_held_since_a_date_began_on_it() {
        for (body, date) in [
            (
                "Ghana and Peru have had diplomatic relations since 4 May 1962.",
                "1962-05-04",
            ),
            (
                "The two states have maintained formal ties without interruption since 1965.",
                "1965",
            ),
            (
                "Ghana became independent on 6 March 1957, and the two countries have had relations since that day.",
                "1957-03-06",
            ),
            (
                "Peru has enjoyed diplomatic relations with Ghana since July 1970.",
                "1970-07",
            ),
        ] {
            check(body, &established(date));
        }
        // Relations held with a third state are its own.
        check(
            "Ghana has had diplomatic relations with Israel since 1957.",
            "",
        );
        // Relations not held, or held only in some respect, began on no date.
        check("The two countries have had no relations since 1962.", "");
        check(
            "Ghana and Peru have had close trade relations since 1990.",
            "",
        );
    }

    #[test]
    fn data_lines_label_the_establishment() {
        for (body, date) in [
            (
                "Diplomatic relations: established 24 October 1964",
                "1964-10-24",
            ),
            (
                "Date of establishment of diplomatic relations: 24 October 1964",
                "1964-10-24",
            ),
            (
                "Established diplomatic relations – 24 October 1964",
                "1964-10-24",
            ),
            (
                "Diplomatic relations: established on 3 May 1991",
                "1991-05-03",
            ),
            ("Established: 16 February 1950", "1950-02-16"),
        ] {
            check(body, &established(date));
        }
        check("Trade office: established 1990", "");
    }

    #[test]
    fn nominalised_changes_take_their_own_date() {
        for (body, date) in [
            (
                "Peru's recognition of Ghana on 9 November 1961 was followed by the establishment of diplomatic relations on 14 January 1962.",
                "1962-01-14",
            ),
            (
                "Ghana had left the Commonwealth in 1960. Peru's recognition on 26 August 1961 was followed, on 5 September, by the establishment of diplomatic relations.",
                "1961-09-05",
            ),
            (
                "Lima's recognition on 27 December 1957, the day of the British transfer of power, marked the start of diplomatic relations.",
                "1957-12-27",
            ),
            (
                "Ghana became independent on 6 March 1957, and diplomatic relations between the two countries date from that day.",
                "1957-03-06",
            ),
            (
                "Peru recognised Ghana on 6 March 1957, and the two countries established diplomatic relations the following year.",
                "1958",
            ),
        ] {
            check(body, &established(date));
        }
        check(
            "Peru delivered an ultimatum on 17 March 1961 demanding the establishment of relations.",
            "",
        );
    }

    #[test]
    fn verbs_are_found_in_every_form() {
        for (body, kind) in [
            (
                "Ghana broke off formal diplomatic relations with Peru in 1966.",
                "severed",
            ),
            (
                "Peru, severing full diplomatic ties with Ghana in 1966, recalled its envoy.",
                "severed",
            ),
            (
                "The two states normalised bilateral relations in 1966.",
                "restored",
            ),
        ] {
            check(
                body,
                &format!(r#"{{"type":"relations_{kind}","parties":["GHA","PER"],"date":"1966"}}"#),
            );
        }
        check(
            "The French government severed relations with Peru in 1966.",
            "",
        );
    }

    #[test]
    fn diplomatic_links_are_relations_and_trade_links_are_not() {
        check(
            "Diplomatic links were established in 1947.",
            &established("1947"),
        );
        check(
            "The two countries established diplomatic links on 3 May 1960.",
            &established("1960-05-03"),
        );
        check("Trade links were established in 1950.", "");
    }

    #[test]
    fn talks_about_relations_are_not_the_change() {
        for body in [
            "Talks on relations began between the two ambassadors in Moscow in 1963.",
            "Negotiations on establishing diplomatic relations started in 1963.",
            "In 1963 the envoys held discussions about the restoration of relations.",
        ] {
            check(body, "");
        }
        check(
            "After long talks on the matter, diplomatic relations were established in 1963.",
            &established("1963"),
        );
    }

    #[test]
    fn an_anniversary_of_the_change_is_not_the_change() {
        for body in [
            "The 50th anniversary of the establishment of diplomatic relations was marked in 2012.",
            "On the anniversary of the establishment of relations in 2012 the ministers met.",
            "Both capitals held a jubilee of the establishment of diplomatic ties in 2012.",
        ] {
            check(body, "");
        }
        check(
            "Since the establishment of diplomatic relations in 1962, trade has grown.",
            &established("1962"),
        );
    }

    #[test]
    fn passives_are_found_for_every_verb() {
        for (body, kind) in [
            (
                "Diplomatic relations were finally normalised in 1966.",
                "restored",
            ),
            (
                "Relations between Ghana and Peru had been broken off in 1966.",
                "severed",
            ),
            ("Ties with Peru were cut off in 1966.", "severed"),
            ("Formal ties were officially opened in 1966.", "established"),
        ] {
            check(
                body,
                &format!(r#"{{"type":"relations_{kind}","parties":["GHA","PER"],"date":"1966"}}"#),
            );
        }
        check("Relations were strained in 1966.", "");
    }

    #[test]
    fn a_state_named_to_date_the_change_is_no_party() {
        for body in [
            "Formal ties followed on 25 January 1966, two days before the Paris accords were signed.",
            "Ghana and Peru established diplomatic relations on 25 January 1966, a week after France recognised Ghana.",
            "Diplomatic relations were established on 25 January 1966, when Bolivia was still at war.",
        ] {
            check(body, &established("1966-01-25"));
        }
        check(
            "Bolivia established diplomatic relations with Peru on 25 January 1966.",
            "",
        );
    }

    #[test]
    fn an_event_dated_twice_is_one_fact() {
        check(
            "Ghana and Peru established diplomatic relations on 4 May 1962. The two countries have had diplomatic relations since May 1962.",
            &established("1962-05-04"),
        );
    }
}
