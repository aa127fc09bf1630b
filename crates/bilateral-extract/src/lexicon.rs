//! The phrase lists of the rules, kept as data apart from the rule code: one file per fact
//! family under `lexicon/`, a `[section]` per list, a phrase a line, and `lemma:` lines that
//! stand for every form of their verbs (see [`crate::text::verb_forms`]).

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

/// The phrases of `section` in the lexicon `file`, made to live as long as the program (each
/// list is built once, into a static). A section the file lacks is empty; the tests of each
/// rule module check that every section it names holds phrases.
pub(crate) fn phrases(file: &str, section: &str) -> Vec<&'static str> {
    let mut in_section = false;
    let mut phrases: Vec<String> = Vec::new();
    for line in file.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
        {
            in_section = name == section;
            continue;
        }
        if !in_section {
            continue;
        }
        match line.strip_prefix("lemma:") {
            Some(lemmas) => phrases.extend(lemmas.split_whitespace().flat_map(verb_forms)),
            None => phrases.push(line.to_owned()),
        }
    }
    leak_phrases(phrases)
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
}
