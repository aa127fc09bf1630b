//! Finding country mentions in running text: one Aho–Corasick automaton over every name,
//! demonym and capital, searched leftmost-longest and kept only on word boundaries.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind};
use bilateral_model::{CountryCode, Span};

use crate::{GAZETTEER, Gazetteer, table};

/// Which kind of word named the country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionVia {
    /// A name, variant or abbreviation: "Japan", "Republic of Korea", "ROK".
    Name,
    /// An adjective or a word for its people: "Japanese", "Kazakhs".
    Demonym,
    /// A capital, current or former, standing for the state: "Tokyo", "Bonn".
    Capital,
    /// Another city of the state, where the text names a place: "in Osaka".
    City,
}

impl MentionVia {
    /// Whether the mention is a city (a capital or another) standing for its state.
    pub fn is_city(self) -> bool {
        matches!(self, MentionVia::Capital | MentionVia::City)
    }
}

/// One country named in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The words that name it, in bytes of the searched text (without a possessive "'s").
    pub span: Span,
    pub code: CountryCode,
    pub via: MentionVia,
}

/// The automaton and, per pattern, the country it names; `None` for a phrase that names no
/// state ("New Mexico"), which is matched only to be dropped.
struct Matcher {
    automaton: AhoCorasick,
    targets: Vec<Option<(CountryCode, MentionVia)>>,
}

static MATCHER: LazyLock<Option<Matcher>> = LazyLock::new(|| Matcher::new(&GAZETTEER));

impl Matcher {
    /// Builds the automaton; `None` only if it would exceed the library's size limits, which
    /// the tests rule out for the shipped table.
    fn new(gazetteer: &Gazetteer) -> Option<Matcher> {
        let mut patterns = PatternSet::default();
        // Names and demonyms outrank capitals that are spelt the same ("Djibouti"), and
        // current states outrank former ones that shared a capital ("Moscow").
        for (country, quiet) in gazetteer.countries.iter().zip(&gazetteer.quiet) {
            let target = |via| Some((country.code, via));
            for name in country.names.iter().filter(|name| !quiet.contains(name)) {
                patterns.add(name, target(MentionVia::Name));
            }
            for demonym in country.demonyms.iter().filter(|word| !quiet.contains(word)) {
                patterns.add(demonym, target(MentionVia::Demonym));
            }
        }
        for (country, quiet) in gazetteer.countries.iter().zip(&gazetteer.quiet) {
            for capital in country.capitals.iter().filter(|city| !quiet.contains(city)) {
                patterns.add(capital, Some((country.code, MentionVia::Capital)));
            }
        }
        for phrase in table::not_countries() {
            patterns.add(phrase, None);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Both)
            .build(&patterns.texts)
            .ok()?;
        Some(Matcher {
            automaton,
            targets: patterns.targets,
        })
    }

    /// The longest entry starting where `found` starts that is a whole word: when
    /// "Koreanists" fails, a shorter entry starting at the same letter may still fit.
    fn whole_word_at(&self, text: &str, found: Match) -> Option<Match> {
        if !starts_word(text, found.start()) {
            return None;
        }
        let mut candidate = found;
        while !ends_word(text, candidate.end()) {
            let shorter = Input::new(text)
                .range(candidate.start()..candidate.end() - 1)
                .anchored(Anchored::Yes);
            candidate = self.automaton.find(shorter)?;
        }
        Some(candidate)
    }
}

/// Patterns in insertion order, each text once: the first claim on a spelling wins.
#[derive(Default)]
struct PatternSet {
    texts: Vec<String>,
    targets: Vec<Option<(CountryCode, MentionVia)>>,
    seen: HashSet<String>,
}

impl PatternSet {
    /// Adds an entry with the spellings running text uses for it: a typographic apostrophe
    /// for a straight one, and a capital "The" for a leading "the".
    fn add(&mut self, entry: &str, target: Option<(CountryCode, MentionVia)>) {
        let capitalised = entry.strip_prefix("the ").map(|rest| format!("The {rest}"));
        for base in std::iter::once(entry.to_owned()).chain(capitalised) {
            let typographic = base.contains('\'').then(|| base.replace('\'', "’"));
            for spelling in std::iter::once(base).chain(typographic) {
                if self.seen.insert(spelling.clone()) {
                    self.texts.push(spelling);
                    self.targets.push(target);
                }
            }
        }
    }
}

/// Whether the match starting at `start` begins a word: a letter or digit may not run into it
/// from the left. Entries that start with punctuation need no boundary.
fn starts_word(text: &str, start: usize) -> bool {
    let before = text.get(..start).and_then(|head| head.chars().next_back());
    let first = text.get(start..).and_then(|tail| tail.chars().next());
    !(before.is_some_and(char::is_alphanumeric) && first.is_some_and(char::is_alphanumeric))
}

/// Whether the match ending at `end` ends a word ("US$5" ends its entry "US$" fine).
fn ends_word(text: &str, end: usize) -> bool {
    let last = text.get(..end).and_then(|head| head.chars().next_back());
    let after = text.get(end..).and_then(|tail| tail.chars().next());
    !(last.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// Every country mention in `text`, leftmost-longest, on word boundaries, not overlapping;
/// case-sensitive (a name/demonym must be capitalised as written in the table, but an all-caps
/// abbreviation like "ROK" only matches exactly); possessives ("Japan's") and plural demonyms
/// match. "East German embassy" gives DDR, not DEU; "South Korean" gives KOR, not just
/// "Korean". "New Mexico", "Guinea-Bissau", "Papua New Guinea", "Niger"/"Nigeria",
/// "Dominica"/"Dominican Republic", "Georgia" etc. do not mis-fire on substrings.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let Some(matcher) = MATCHER.as_ref() else {
        return Vec::new();
    };
    let mut mentions = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let Some(found) = matcher.automaton.find(Input::new(text).range(from..)) else {
            break;
        };
        match matcher.whole_word_at(text, found) {
            Some(word) => {
                let target = matcher.targets.get(word.pattern().as_usize()).copied();
                if let Some(Some((code, via))) = target {
                    mentions.push(Mention {
                        span: Span::new(word.start(), word.end()),
                        code,
                        via,
                    });
                }
                from = word.end();
            }
            // Inside a longer word: look again from the next character.
            None => {
                from = found.start()
                    + text
                        .get(found.start()..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8);
            }
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        find_mentions(text)
            .into_iter()
            .map(|mention| mention.code.to_string())
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        find_mentions(text)
            .into_iter()
            .filter_map(|mention| text.get(mention.span.start..mention.span.end))
            .collect()
    }

    #[test]
    fn the_matcher_builds() {
        assert!(MATCHER.is_some());
    }

    #[test]
    fn names_demonyms_and_capitals_are_found_with_their_kind() {
        let text = "Japan and the Kazakh government met in Astana.";
        let mentions = find_mentions(text);
        let kinds: Vec<(String, MentionVia)> = mentions
            .iter()
            .map(|mention| (mention.code.to_string(), mention.via))
            .collect();
        assert_eq!(
            kinds,
            [
                ("JPN".to_owned(), MentionVia::Name),
                ("KAZ".to_owned(), MentionVia::Demonym),
                ("KAZ".to_owned(), MentionVia::Capital),
            ]
        );
        assert_eq!(words(text), ["Japan", "Kazakh", "Astana"]);
    }

    #[test]
    fn possessives_and_plural_demonyms_match() {
        assert_eq!(words("Japan's envoy and Japan’s trade"), ["Japan", "Japan"]);
        assert_eq!(codes("Many Brazilians and Finns"), ["BRA", "FIN"]);
        assert_eq!(codes("Two Poles met three Turks."), ["POL", "TUR"]);
    }

    #[test]
    fn the_longest_entry_wins() {
        assert_eq!(codes("The East German embassy closed."), ["DDR"]);
        assert_eq!(codes("A West German minister"), ["DEU"]);
        assert_eq!(words("South Korean firms"), ["South Korean"]);
        assert_eq!(codes("South Korean firms"), ["KOR"]);
        assert_eq!(codes("North Korean troops"), ["PRK"]);
        assert_eq!(
            codes("the People's Republic of China and the Republic of China"),
            ["CHN", "TWN"]
        );
        assert_eq!(codes("the Democratic People’s Republic of Korea"), ["PRK"]);
        assert_eq!(codes("an East Berlin office"), ["DDR"]);
        assert_eq!(codes("Serbia and Montenegro joined."), ["SCG"]);
    }

    #[test]
    fn guinea_and_its_neighbours_stay_apart() {
        assert_eq!(codes("Equatorial Guinea"), ["GNQ"]);
        assert_eq!(codes("Guinea-Bissau"), ["GNB"]);
        assert_eq!(codes("Papua New Guinea"), ["PNG"]);
        assert_eq!(codes("Guinea and Guinea-Bissau"), ["GIN", "GNB"]);
        assert!(codes("the island of New Guinea").is_empty());
    }

    #[test]
    fn similar_names_do_not_misfire() {
        assert!(codes("a rancher from New Mexico").is_empty());
        assert!(codes("ferries to Jersey and Guernsey").is_empty());
        assert!(codes("Indiana and Indianapolis").is_empty());
        assert_eq!(
            codes("Niger, Nigeria, a Nigerien and a Nigerian"),
            ["NER", "NGA", "NER", "NGA"]
        );
        assert_eq!(codes("Dominica and the Dominican Republic"), ["DMA", "DOM"]);
        assert_eq!(codes("a Dominican diplomat"), ["DOM"]);
        assert_eq!(codes("Sudan and South Sudan"), ["SDN", "SSD"]);
        assert_eq!(codes("Ireland and Northern Ireland"), ["IRL", "GBR"]);
        assert!(codes("Latin American and South American states").is_empty());
        assert!(codes("the Indian Ocean").is_empty());
        assert!(codes("cargo worth US$5 million").is_empty());
    }

    #[test]
    fn letters_around_a_name_block_it() {
        assert!(codes("Omania").is_empty());
        assert!(codes("Chadwick").is_empty());
        assert!(codes("Perugia").is_empty());
        assert!(codes("Kazakhstanistan").is_empty());
    }

    #[test]
    fn a_shorter_entry_fits_where_the_longest_does_not() {
        // "Korean" is an entry; "Koreanists" is not a word in the table, and the
        // shorter "Korea" does not end on a boundary either.
        assert!(codes("Koreanists").is_empty());
        // "Sino" is only a title prefix, so "Sino-Japanese" yields the demonym.
        assert_eq!(words("Sino-Japanese trade"), ["Japanese"]);
        assert_eq!(codes("Japan–Kazakhstan ties"), ["JPN", "KAZ"]);
        assert_eq!(codes("Japan-Kazakhstan ties"), ["JPN", "KAZ"]);
    }

    #[test]
    fn matching_is_case_sensitive() {
        assert_eq!(codes("ROK and DPRK"), ["KOR", "PRK"]);
        assert!(codes("rok and dprk, japan, turkish").is_empty());
        assert!(codes("a polish for the chair").is_empty());
        assert_eq!(codes("Polish pupils"), ["POL"]);
        assert!(codes("JAPAN").is_empty());
    }

    #[test]
    fn typographic_apostrophes_and_a_leading_the_match() {
        assert_eq!(codes("Côte d’Ivoire and Cote d'Ivoire"), ["CIV", "CIV"]);
        assert_eq!(codes("The Gambia and the Gambia"), ["GMB", "GMB"]);
        assert_eq!(codes("The States"), ["USA"]);
    }

    #[test]
    fn former_names_map_as_the_keys_map_them() {
        assert_eq!(codes("Zaire and Burma"), ["COD", "MMR"]);
        assert_eq!(codes("Tanganyika and Malaya"), ["TZA", "MYS"]);
        assert_eq!(
            codes("the Russian Empire and the Ottoman Empire"),
            ["RUS", "TUR"]
        );
        assert_eq!(codes("Soviet troops left the USSR"), ["SUN", "SUN"]);
        assert_eq!(codes("the GDR and the FRG"), ["DDR", "DEU"]);
        assert_eq!(
            codes("Czechoslovakia and the Czech Republic"),
            ["CSK", "CZE"]
        );
        assert_eq!(codes("talks in Bonn"), ["DEU"]);
    }

    #[test]
    fn quiet_capitals_are_not_matched() {
        assert!(codes("Queen Victoria visited Kingston.").is_empty());
        assert!(codes("Male students").is_empty());
        assert_eq!(codes("Malé"), ["MDV"]);
    }

    #[test]
    fn a_capital_shared_with_a_former_state_goes_to_the_current_one() {
        assert_eq!(codes("Moscow"), ["RUS"]);
        assert_eq!(codes("Belgrade"), ["SRB"]);
    }

    #[test]
    fn spans_point_at_the_words_in_unicode_text() {
        let text = "Über Türkiye und São Tomé and Príncipe";
        assert_eq!(words(text), ["Türkiye", "São Tomé and Príncipe"]);
    }
}
