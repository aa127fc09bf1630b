//! The people of one document: the first full mention of each, and their offices and
//! countries as the text gives them, so later mentions ("Lopes", "he") resolve to them.

use std::collections::HashSet;

use bilateral_model::fnv::BuildFnv;
use bilateral_model::{CountryCode, Office};
use bilateral_recognise::person::PARTICLES;

/// A person as the document names them in full at first mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    /// Lower-cased name tokens, hyphenated particles split off ("el-Masri" → "masri").
    tokens: Vec<String>,
    pub office: Option<Office>,
    pub country: Option<CountryCode>,
    /// Where this person's latest trip went, for "came back" and "returned".
    pub last_host: Option<CountryCode>,
}

/// Name tokens for matching: lower-cased, particles and regnal numerals dropped.
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in name.split_whitespace() {
        let word = word.trim_matches(|ch: char| !ch.is_alphanumeric());
        let lower = word.to_lowercase();
        if lower.is_empty()
            || PARTICLES.contains(&lower.as_str())
            || lower.chars().all(|ch| matches!(ch, 'i' | 'v' | 'x'))
                && word.chars().all(char::is_uppercase)
        {
            continue;
        }
        if let Some((prefix, rest)) = lower.split_once('-')
            && PARTICLES.contains(&prefix)
        {
            tokens.push(rest.to_owned());
        }
        tokens.push(lower);
    }
    tokens
}

/// Everyone named so far in a document.
#[derive(Default, Debug)]
pub struct Registry {
    people: Vec<Person>,
    /// Every token of every registered name, for a quick "is this word a known name?".
    tokens: HashSet<String, BuildFnv>,
    /// Indexes of people, least recently mentioned first, for "the President" and "his
    /// counterpart".
    mentioned: Vec<usize>,
}

impl Registry {
    /// Whether one word names someone already registered (a family name used alone).
    pub fn knows_word(&self, word: &str) -> bool {
        self.tokens.contains(&word.to_lowercase())
    }

    fn find(&self, tokens: &[String]) -> Option<usize> {
        if tokens.is_empty() {
            return None;
        }
        // The most recent person whose tokens contain all of the mention's (or the other way).
        self.people.iter().rposition(|person| {
            tokens.iter().all(|token| person.tokens.contains(token))
                || person.tokens.iter().all(|token| tokens.contains(token))
        })
    }

    /// Resolves a mention to a registered person, registering it when new. Returns the index.
    pub fn resolve(
        &mut self,
        name: &str,
        office: Option<Office>,
        country: Option<CountryCode>,
    ) -> usize {
        let tokens = name_tokens(name);
        if let Some(index) = self.find(&tokens) {
            let person = &mut self.people[index];
            // A longer later mention is the fuller name; keep the first full one otherwise.
            if tokens.len() > person.tokens.len() && name.split_whitespace().count() > 1 {
                person.name = name.to_owned();
                self.tokens.extend(tokens.iter().cloned());
                person.tokens = tokens;
            }
            if office.is_some() {
                person.office = office;
            }
            if country.is_some() {
                person.country = country;
            }
            self.touch(index);
            return index;
        }
        self.tokens.extend(tokens.iter().cloned());
        self.people.push(Person {
            name: name.to_owned(),
            tokens,
            office,
            country,
            last_host: None,
        });
        let index = self.people.len() - 1;
        self.touch(index);
        index
    }

    /// Records a mention of a registered person, for [`Registry::latest`].
    pub fn touch(&mut self, index: usize) {
        self.mentioned.retain(|earlier| *earlier != index);
        self.mentioned.push(index);
    }

    /// The most recently mentioned person that `wanted` accepts, leaving out `skip`.
    pub fn latest(&self, skip: &[usize], wanted: impl Fn(&Person) -> bool) -> Option<usize> {
        self.mentioned
            .iter()
            .rev()
            .copied()
            .filter(|index| !skip.contains(index))
            .find(|index| self.people.get(*index).is_some_and(&wanted))
    }

    /// The office the document gives the person of this name, wherever it gives it.
    pub fn office_of(&self, name: &str) -> Option<Office> {
        self.find(&name_tokens(name))
            .and_then(|index| self.people[index].office)
    }

    pub fn get(&self, index: usize) -> Option<&Person> {
        self.people.get(index)
    }

    pub fn get_mut(&mut self, index: usize) -> Option<&mut Person> {
        self.people.get_mut(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_drop_particles_and_numerals() {
        assert_eq!(
            name_tokens("Omar el-Bashiri"),
            ["omar", "bashiri", "el-bashiri"]
        );
        assert_eq!(name_tokens("Carlos IV"), ["carlos"]);
        assert_eq!(name_tokens("Luis da Costa"), ["luis", "costa"]);
    }

    #[test]
    fn later_mentions_resolve_to_the_first_full_name() {
        let mut registry = Registry::default();
        let first = registry.resolve("Ana Maria Lopes", Some(Office::HeadOfState), None);
        assert!(registry.knows_word("Lopes"));
        assert_eq!(registry.resolve("Lopes", None, None), first);
        assert_eq!(
            registry.get(first).unwrap().office,
            Some(Office::HeadOfState)
        );
        let other = registry.resolve("Rui Lopes Ferreira", None, None);
        assert_ne!(other, first);
    }
}
