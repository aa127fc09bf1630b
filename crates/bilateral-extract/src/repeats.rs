//! One event told twice — in prose and again in a table row or list, or once by month and
//! once by day — is one fact. After a document's sentences are read, a change of relations or
//! a signing dated more coarsely than the same event elsewhere is dropped, and so is a second
//! instrument of the same kind, day and subject; of the tellings of one trip, the one that
//! says most stays.

use bilateral_model::{ExtractedFact, Fact, PartialDate, VisitLevel};

/// Words that say nothing of what an instrument is about.
const PLAIN_WORDS: &[&str] = &[
    "agreement",
    "agreements",
    "treaty",
    "memorandum",
    "memoranda",
    "understanding",
    "protocol",
    "convention",
    "declaration",
    "joint",
    "statement",
    "communique",
    "communiqué",
    "cooperation",
    "between",
    "bilateral",
    "signed",
    "with",
    "countries",
    "their",
];

/// Folds every event told more than once among `facts` into one telling.
pub(crate) fn fold_repeats(facts: &mut Vec<ExtractedFact>) {
    merge_trips(facts);
    drop_repeats(facts);
}

/// Drops the repeats among `facts`: each fact absorbs at most one repeat, first the coarser
/// tellings of it, then later tellings of the same day.
fn drop_repeats(facts: &mut Vec<ExtractedFact>) {
    let count = facts.len();
    let mut dropped = vec![false; count];
    let mut absorbed = vec![false; count];
    for coarser_only in [true, false] {
        for index in 0..count {
            if dropped[index] {
                continue;
            }
            let keeper = (0..count).find(|&other| {
                other != index
                    && !dropped[other]
                    && !absorbed[other]
                    && repeats(&facts[index].fact, &facts[other].fact, coarser_only)
                    && (coarser_only || other < index)
            });
            if let Some(keeper) = keeper {
                dropped[index] = true;
                absorbed[keeper] = true;
            }
        }
    }
    let mut flags = dropped.into_iter();
    facts.retain(|_| !flags.next().unwrap_or(false));
}

/// Whether `fact` tells the event of `other` again: dated more coarsely (`coarser`), or on
/// the same date.
fn repeats(fact: &Fact, other: &Fact, coarser: bool) -> bool {
    let dated = |mine: &Option<PartialDate>, theirs: &Option<PartialDate>| match (mine, theirs) {
        (Some(mine), Some(theirs)) if coarser => mine != theirs && theirs.within(mine),
        (Some(mine), Some(theirs)) => mine == theirs,
        _ => false,
    };
    match (fact, other) {
        (
            Fact::RelationsEstablished { parties, date },
            Fact::RelationsEstablished {
                parties: others,
                date: theirs,
            },
        )
        | (
            Fact::RelationsSevered { parties, date },
            Fact::RelationsSevered {
                parties: others,
                date: theirs,
            },
        )
        | (
            Fact::RelationsRestored { parties, date },
            Fact::RelationsRestored {
                parties: others,
                date: theirs,
            },
        ) => parties == others && dated(date, theirs),
        (
            Fact::AgreementSigned {
                parties,
                kind,
                title,
                topic,
                date,
            },
            Fact::AgreementSigned {
                parties: others,
                kind: their_kind,
                title: their_title,
                topic: their_topic,
                date: theirs,
            },
        ) => {
            parties == others
                && kind == their_kind
                && dated(date, theirs)
                && same_subject(
                    &subject_words(title, topic),
                    &subject_words(their_title, their_topic),
                )
        }
        _ => false,
    }
}

/// The words that say what an instrument is about, from its title and topic.
fn subject_words(title: &Option<String>, topic: &Option<String>) -> Vec<String> {
    let mut words: Vec<String> = [title, topic]
        .into_iter()
        .flatten()
        .flat_map(|text| {
            text.split(|ch: char| !ch.is_alphanumeric())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|word| word.chars().count() > 3 && !PLAIN_WORDS.contains(&word.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Whether two subjects may be one: either unknown, or half the words of the shorter shared.
fn same_subject(mine: &[String], theirs: &[String]) -> bool {
    let shorter = mine.len().min(theirs.len());
    if shorter == 0 {
        return true;
    }
    let shared = mine.iter().filter(|word| theirs.contains(word)).count();
    shared * 2 >= shorter
}

/// One trip told twice — with two verbs in a sentence ("returned on 10 July, arriving for an
/// official visit"), or in prose and again in a list of visits — keeps the telling that says
/// more; of two that say as much, the first.
fn merge_trips(items: &mut Vec<ExtractedFact>) {
    let mut index = 0;
    while index < items.len() {
        let this = &items[index].fact;
        let duplicate = items.iter().enumerate().any(|(other, item)| {
            let that = &item.fact;
            other != index
                && same_trip(this, that)
                && detail(that) >= detail(this)
                && (detail(that) > detail(this) || other < index)
        });
        if duplicate {
            items.remove(index);
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
                office: office_a,
                start: Some(start_a),
                end: end_a,
                ..
            },
            Fact::Visit {
                visitor_country: country_b,
                host: host_b,
                visitor: visitor_b,
                office: office_b,
                start: Some(start_b),
                end: end_b,
                ..
            },
        ) => {
            // "from 24 to 26 January" in a table and "talks on 26 January" in prose.
            let during = |start: &PartialDate, end: &Option<PartialDate>, day: &PartialDate| {
                end.is_some_and(|end| {
                    start.sort_key() <= day.sort_key() && day.sort_key() <= end.sort_key()
                })
            };
            country_a == country_b
                && host_a == host_b
                && (visitor_a == visitor_b
                    || (visitor_a.is_none() || visitor_b.is_none()) && office_a == office_b)
                && (start_a.within(start_b)
                    || start_b.within(start_a)
                    || during(start_a, end_a, start_b)
                    || during(start_b, end_b, start_a))
        }
        _ => false,
    }
}

/// How much a visit says: a protocol level, an end date, how precise its start is.
fn detail(fact: &Fact) -> u8 {
    match fact {
        Fact::Visit {
            level, start, end, ..
        } => {
            let precision = match start {
                Some(PartialDate::Day(..)) => 2,
                Some(PartialDate::Month(..)) => 1,
                _ => 0,
            };
            u8::from(*level != VisitLevel::Unspecified) + u8::from(end.is_some()) + precision
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        subject_words(&Some(text.to_owned()), &None)
    }

    #[test]
    fn subjects_agree_on_shared_words() {
        let biofuels = words("Memorandum of Understanding on Biofuels");
        assert!(same_subject(&biofuels, &words("biofuels")));
        assert!(same_subject(&biofuels, &[]));
        assert!(same_subject(
            &words("the transfer of sentenced persons"),
            &words("Agreement on Transfer of Sentenced Persons")
        ));
        assert!(!same_subject(
            &words("Agreement on Transfer of Sentenced Persons"),
            &words("Agreement on Cooperation in Animal Health and Dairy")
        ));
    }
}
