//! Cities that stand for a place of a state the text is about: "visited Bogor", "talks in
//! Townsville", "arrived in Izmir". The table (`data/cities.tsv`, GeoNames places of 15,000 or
//! more) is far too large and too ambiguous to search every word with, so cities are looked up
//! only where a place is expected — after "in", "to", "at", "visited" — and only among the
//! states the caller names.

use std::collections::HashMap;
use std::sync::LazyLock;

use bilateral_model::{CountryCode, Span};

use crate::mention::{Mention, MentionVia};
use crate::{GAZETTEER, fold};

const CITIES_TSV: &str = include_str!("../data/cities.tsv");

/// Words after which a capitalised name is read as a place.
const PLACE_WORDS: &[&str] = &[
    "in", "to", "at", "visited", "toured", "near", "reached", "from",
];

/// Lower-case words that may stand inside a city's name: "Rio de Janeiro", "Dar es Salaam".
const NAME_PARTICLES: &[&str] = &["de", "es", "do", "da", "del", "el", "al", "la", "sur", "am"];

/// The longest city name, in words, worth trying.
const MAX_WORDS: usize = 4;

/// Folded city name → every state with a city of that name, and its population.
static CITIES: LazyLock<HashMap<String, Vec<(CountryCode, u32)>>> = LazyLock::new(|| {
    let mut cities: HashMap<String, Vec<(CountryCode, u32)>> = HashMap::new();
    for line in CITIES_TSV.lines().filter(|line| !line.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(name), Some(iso2), Some(population)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Some(country), Ok(population)) = (GAZETTEER.lookup(iso2), population.parse()) else {
            continue;
        };
        let Some(code) = GAZETTEER.countries.get(country).map(|country| country.code) else {
            continue;
        };
        cities
            .entry(fold::lookup_key(name))
            .or_default()
            .push((code, population));
    }
    cities
});

/// Cities of the states in `within` named in `text` where a place is expected. `taken` are
/// spans already known to be something else (countries, people).
pub fn find_cities(text: &str, within: &[CountryCode], taken: &[Span]) -> Vec<Mention> {
    let words = words(text);
    let mut found = Vec::new();
    let mut index = 1;
    while index < words.len() {
        let (start, end) = words[index];
        let before = &text[words[index - 1].0..words[index - 1].1];
        let capitalised = text[start..end].starts_with(|ch: char| ch.is_uppercase());
        let is_free = |span: Span| {
            !taken
                .iter()
                .any(|other| other.start < span.end && span.start < other.end)
        };
        if !capitalised
            || !PLACE_WORDS
                .iter()
                .any(|word| word.eq_ignore_ascii_case(before))
        {
            index += 1;
            continue;
        }
        let longest = (index..words.len().min(index + MAX_WORDS))
            .rev()
            .filter(|&last| {
                // Every word after the first is capitalised or a particle, with only spaces
                // or hyphens between.
                (index + 1..=last).all(|inner| {
                    let word = &text[words[inner].0..words[inner].1];
                    let gap = &text[words[inner - 1].1..words[inner].0];
                    gap.chars().all(|ch| ch == ' ' || ch == '-')
                        && (word.starts_with(|ch: char| ch.is_uppercase())
                            || NAME_PARTICLES.contains(&word))
                })
            })
            .find_map(|last| {
                let span = Span::new(start, words[last].1);
                let code = best_city(&text[span.start..span.end], within)?;
                is_free(span).then_some((last, span, code))
            });
        match longest {
            Some((last, span, code)) => {
                found.push(Mention {
                    span,
                    code,
                    via: MentionVia::City,
                });
                index = last + 1;
            }
            None => index += 1,
        }
    }
    found
}

/// The state of a place named alone, as a table's venue cell names it ("Trabzon", "Geneva"):
/// a city of a state in `within` if there is one of that name, else the state with the
/// largest city of that name anywhere; `None` for a name the table does not know.
pub fn city_state(name: &str, within: &[CountryCode]) -> Option<CountryCode> {
    best_city(name, within).or_else(|| {
        CITIES
            .get(&fold::lookup_key(name))?
            .iter()
            .max_by_key(|(_, population)| *population)
            .map(|(code, _)| *code)
    })
}

/// The state in `within` whose city of this name is the largest.
fn best_city(name: &str, within: &[CountryCode]) -> Option<CountryCode> {
    CITIES
        .get(&fold::lookup_key(name))?
        .iter()
        .filter(|(code, _)| within.contains(code))
        .max_by_key(|(_, population)| *population)
        .map(|(code, _)| *code)
}

/// Byte spans of the words of `text`: runs of letters, digits and apostrophes.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, ch) in text.char_indices() {
        let in_word = ch.is_alphanumeric() || matches!(ch, '\'' | '’' | 'ʻ' | '‘');
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                spans.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        spans.push((from, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CountryCode {
        CountryCode::new(text).unwrap()
    }

    fn cities(text: &str, within: &[&str]) -> Vec<(String, String)> {
        let within: Vec<CountryCode> = within.iter().map(|name| code(name)).collect();
        find_cities(text, &within, &[])
            .into_iter()
            .map(|mention| {
                (
                    text[mention.span.start..mention.span.end].to_owned(),
                    mention.code.as_str().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_city_after_a_place_word_names_its_state() {
        assert_eq!(
            cities(
                "The minister visited Izmir and then flew to Rio de Janeiro.",
                &["TUR", "BRA"]
            ),
            [
                ("Izmir".into(), "TUR".into()),
                ("Rio de Janeiro".into(), "BRA".into())
            ]
        );
        assert_eq!(
            cities("Talks were held in Townsville on 3 April.", &["AUS", "IDN"]),
            [("Townsville".into(), "AUS".into())]
        );
    }

    #[test]
    fn only_the_given_states_and_only_where_a_place_is_expected() {
        // Sydney in Canada is a city too, but the pair is Australia's.
        assert_eq!(
            cities("She arrived in Sydney.", &["AUS", "IDN"]),
            [("Sydney".into(), "AUS".into())]
        );
        assert!(cities("She arrived in Sydney.", &["FRA", "DEU"]).is_empty());
        assert!(cities("Sydney hosted the talks.", &["AUS", "IDN"]).is_empty());
    }

    #[test]
    fn a_place_named_alone_is_a_city_of_the_pair_else_of_anywhere() {
        let pair = [code("TUR"), code("QAT")];
        assert_eq!(city_state("Trabzon", &pair), Some(code("TUR")));
        assert_eq!(city_state("Geneva", &pair), Some(code("CHE")));
        assert_eq!(city_state("Nowhere Springs", &pair), None);
    }

    #[test]
    fn spans_already_taken_are_left_alone() {
        let text = "He met in Bogor.";
        let start = text.find("Bogor").unwrap();
        let taken = [Span::new(start, start + 5)];
        assert!(find_cities(text, &[code("IDN")], &taken).is_empty());
    }
}
