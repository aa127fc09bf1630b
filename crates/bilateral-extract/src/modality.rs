//! Whether a clause states that something happened, or only that it was planned, proposed,
//! cancelled or denied. Hypothetical and negated events are not facts.

use bilateral_model::Span;

use std::sync::LazyLock;

use crate::lexicon;
use crate::text::{Lowered, has_any};

/// Phrases that make a clause speak of an event that did not (yet) happen.
static HYPOTHETICAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MODALITY, "hypothetical"));

/// Words that deny what follows them in a clause.
static NEGATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MODALITY, "negations"));

/// The subset that voids a meeting: talks that "agreed to" something still took place.
static MEETING_HYPOTHETICAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::MODALITY, "meeting hypothetical"));

/// Whether a clause speaks of a meeting that did not (yet) happen.
pub fn meeting_is_hypothetical(lower: &Lowered, clause: Span) -> bool {
    lower.has_any(&MEETING_HYPOTHETICAL, clause)
}

/// Whether the clause speaks of a planned, proposed or cancelled event.
pub fn is_hypothetical(lower: &Lowered, clause: Span) -> bool {
    lower.has_any(&HYPOTHETICAL, clause)
}

/// Whether the trigger at `trigger` is denied by a negation earlier in its clause. "Not
/// ... until 2018" asserts the event (in 2018), so it does not count as a denial.
pub fn is_negated(lower: &str, clause: Span, trigger: Span) -> bool {
    let Some(before) = lower.get(clause.start..trigger.start) else {
        return false;
    };
    // A negation denies only what follows it closely, within its own phrase: "Rather than
    // begin with a legation, India opened an embassy" asserts the opening.
    let phrase = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    // The last six words, nearest first.
    let near: Vec<&str> = phrase.split_whitespace().rev().take(6).collect();
    let denied = near.iter().any(|word| NEGATIONS.contains(word))
        || near.windows(2).any(|pair| {
            NEGATIONS
                .iter()
                .any(|negation| negation.split_once(' ') == Some((pair[1], pair[0])))
        });
    if !denied {
        return false;
    }
    let rest = lower.get(clause.start..clause.end).unwrap_or("");
    !has_any(rest, &["until", "till"], Span::new(0, rest.len()))
}

/// A clause that asserts the event at `trigger`: neither hypothetical nor denied.
pub fn asserts(lower: &Lowered, clause: Span, trigger: Span) -> bool {
    !is_hypothetical(lower, clause) && !is_negated(lower, clause, trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_list_of_the_modality_lexicon_holds_phrases() {
        for list in [&HYPOTHETICAL, &NEGATIONS, &MEETING_HYPOTHETICAL] {
            assert!(!list.is_empty());
        }
        assert!(NEGATIONS.contains(&"rather than"));
    }

    fn check(text: &str, trigger: &str) -> bool {
        let lower = Lowered::new(text);
        let start = lower.find(trigger).unwrap();
        asserts(
            &lower,
            Span::new(0, lower.len()),
            Span::new(start, start + trigger.len()),
        )
    }

    #[test]
    fn plain_events_are_asserted() {
        assert!(check("the minister visited the port in 1999", "visited"));
        assert!(check("the consulate did not open until 2018", "open"));
    }

    #[test]
    fn planned_denied_and_cancelled_events_are_not() {
        assert!(!check("a visit planned for 2020 was cancelled", "visit"));
        assert!(!check("it never broke off relations", "broke off"));
        assert!(!check("the trip did not take place", "trip"));
        assert!(!check("the two sides agreed to sign a treaty", "sign"));
        assert!(!check("neither side broke off relations", "broke off"));
        assert!(!check(
            "reports that it had closed its embassy were denied",
            "closed"
        ));
    }

    #[test]
    fn events_discussed_called_off_or_put_off_are_not() {
        assert!(!check(
            "a visit by the president has been discussed but no date has been set",
            "visit"
        ));
        assert!(!check(
            "the state visit was called off in May",
            "state visit"
        ));
        assert!(!check(
            "the trip, put off twice, remains under discussion",
            "trip"
        ));
        assert!(check(
            "the treaty, discussed at length, was signed in 2019",
            "signed"
        ));
    }
}
