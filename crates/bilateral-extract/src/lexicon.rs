//! The phrase lists of the rules, kept as data apart from the rule code: one file per fact
//! family under `lexicon/` (visits, missions, relations, agreements, figures, modality), a
//! `[section]` per list, a phrase a line, `#` comments, and `lemma:` lines that stand for every
//! form of their verbs (see [`crate::text::verb_forms`]). A list whose phrases carry a kind
//! (mission nouns and their mission kind, instrument nouns and their agreement kind, relation
//! verbs, nominals and phrases and the change they tell of) has `phrase = kind` lines, read
//! by [`kinds`] through the rule module's map from kind names to values; a test in each
//! module checks with `unknown_kinds` that every line maps.
//!
//! Each list is read once, into a `LazyLock` static of its rule module, in the file's order.
//! Where a rule expands verb lemmas its own way (only the past and "-ing" forms of the signing
//! verbs, the relation verbs' participles), the file holds the bare lemmas as plain lines and
//! the code keeps its expansion.
//!
//! What stays in code: small sets of grammatical words and punctuation used for parsing rather
//! than as vocabulary (determiners and capitalised title heads, name particles, prepositions,
//! auxiliaries, clause breaks), lists whose entries need their leading or trailing spaces
//! (" in", "were ", " in both capitals"; a line is trimmed), and lists whose values are not
//! kinds (number scales, currency words, date cues with a flag).

use crate::text::{leak_phrases, verb_forms};

/// The visit and meeting phrases.
pub(crate) const VISITS: &str = include_str!("../lexicon/visits.txt");

/// The diplomatic-mission phrases.
pub(crate) const MISSIONS: &str = include_str!("../lexicon/missions.txt");

/// The diplomatic-relations phrases.
pub(crate) const RELATIONS: &str = include_str!("../lexicon/relations.txt");

/// The agreement phrases.
pub(crate) const AGREEMENTS: &str = include_str!("../lexicon/agreements.txt");

/// The population and trade-figure phrases.
pub(crate) const FIGURES: &str = include_str!("../lexicon/figures.txt");

/// The phrases of hypothetical and denied events, shared by every family.
pub(crate) const MODALITY: &str = include_str!("../lexicon/modality.txt");

/// The lines of `section` in the lexicon `file`, trimmed, comments and blank lines skipped.
fn section_lines<'a>(file: &'a str, section: &'a str) -> impl Iterator<Item = &'a str> {
    let mut in_section = false;
    file.lines().map(str::trim).filter(move |line| {
        if line.is_empty() || line.starts_with('#') {
            return false;
        }
        if let Some(name) = line
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
        {
            in_section = name == section;
            return false;
        }
        in_section
    })
}

/// The phrases of `section` in the lexicon `file`, made to live as long as the program (each
/// list is built once, into a static). A section the file lacks is empty; the tests of each
/// rule module check that every section it names holds phrases.
pub(crate) fn phrases(file: &str, section: &str) -> Vec<&'static str> {
    let mut phrases: Vec<String> = Vec::new();
    for line in section_lines(file, section) {
        match line.strip_prefix("lemma:") {
            Some(lemmas) => phrases.extend(lemmas.split_whitespace().flat_map(verb_forms)),
            None => phrases.push(line.to_owned()),
        }
    }
    leak_phrases(phrases)
}

/// The `phrase = kind` lines of `section` in the lexicon `file`, each kind named through
/// `kind`, the rule module's map from a kind's name to its value, in the file's order. A line
/// whose kind `kind` does not know, or without " = ", is left out: the tests of each rule
/// module check with `unknown_kinds` that there is none.
pub(crate) fn kinds<T>(
    file: &str,
    section: &str,
    kind: fn(&str) -> Option<T>,
) -> Vec<(&'static str, T)> {
    section_lines(file, section)
        .filter_map(|line| {
            let (phrase, name) = line.rsplit_once(" = ")?;
            let value = kind(name.trim())?;
            Some((&*phrase.trim_end().to_owned().leak(), value))
        })
        .collect()
}

/// The lines of `section` that [`kinds`] leaves out: a kind `kind` does not know, or no " = ".
#[cfg(test)]
pub(crate) fn unknown_kinds<'a, T>(
    file: &'a str,
    section: &'a str,
    kind: fn(&str) -> Option<T>,
) -> Vec<&'a str> {
    section_lines(file, section)
        .filter(|line| {
            line.rsplit_once(" = ")
                .and_then(|(_, name)| kind(name.trim()))
                .is_none()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# a comment\n[trip]\nvisited\nwent to\n\n[verbs]\nlemma: pay sign\n";

    #[test]
    fn sections_hold_their_phrases_and_lemmas_stand_for_every_form() {
        assert_eq!(phrases(SAMPLE, "trip"), ["visited", "went to"]);
        assert_eq!(
            phrases(SAMPLE, "verbs"),
            [
                "pay", "pays", "paid", "paying", "sign", "signs", "signed", "signing"
            ]
        );
        assert!(phrases(SAMPLE, "absent").is_empty());
    }

    fn size(name: &str) -> Option<u8> {
        match name {
            "small" => Some(1),
            "large" => Some(2),
            _ => None,
        }
    }

    #[test]
    fn kind_lines_map_their_kind_and_a_bad_one_is_reported() {
        let file = "[sizes]\n# a comment\ntrade office = small\nhigh commission = large\n\
                    legation = huge\nconsulate\n";
        assert_eq!(
            kinds(file, "sizes", size),
            [("trade office", 1), ("high commission", 2)]
        );
        assert_eq!(
            unknown_kinds(file, "sizes", size),
            ["legation = huge", "consulate"]
        );
        assert!(kinds(file, "absent", size).is_empty());
    }
}
