//! Country knowledge for `bilateral`: ISO 3166 and Correlates of War codes, short and official
//! names, historical names, demonyms and capitals of every UN member and observer, a few states
//! of limited recognition, and the former states that have ISO 3166-3 codes (Soviet Union,
//! Yugoslavia, Czechoslovakia, East Germany, Serbia and Montenegro, South Yemen). It looks names
//! up, suggests near misses, finds mentions in running text and reads the dyad from a title.
//!
//! The data is the project's own table, `data/countries.tsv`, embedded in the binary and parsed
//! once on first use. A state that had no code of its own (Russian Empire, Persia, Tanganyika)
//! is a variant of today's state, as the answer keys key it.
//!
//! **Invariant:** no I/O; the only global state is the lazily built, immutable table and
//! matcher.

mod city;
mod fold;
mod history;
mod mention;
mod table;
mod title;

use std::collections::HashMap;
use std::sync::LazyLock;

use bilateral_model::CountryCode;

pub use city::{city_state, find_cities};
pub use history::{existed_at, state_at, successor};
pub use mention::{Mention, MentionVia, find_mentions};
pub use title::{dyad_from_file_name, dyad_from_page_title, dyad_from_title};

/// A state: its codes, its names and what its people and capitals are called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3, or the ISO 3166-3 code of a former state (`SUN`, `YUG`, `CSK`,
    /// `DDR`, `SCG`, `YMD`).
    pub code: CountryCode,
    /// ISO 3166-1 alpha-2 ("JP"); for former states their old alpha-2, or "" if none.
    pub iso2: &'static str,
    /// The Correlates of War state code. COW gives one code to a state and its predecessor
    /// (365 for Russia and the Soviet Union, 345 for Serbia and Yugoslavia), so a former state
    /// may share its successor's.
    pub cow: Option<u16>,
    /// Short English name: "South Korea".
    pub name: &'static str,
    /// Official name: "Republic of Korea".
    pub official: &'static str,
    /// Whether the state no longer exists.
    pub historical: bool,
    /// Every name and variant, starting with `name` and `official`.
    pub names: Vec<&'static str>,
    /// Adjectives and nouns for its people, singular and plural.
    pub demonyms: Vec<&'static str>,
    /// The current capital first, then former or alternate ones.
    pub capitals: Vec<&'static str>,
}

/// The parsed table and the indexes look-ups need.
struct Gazetteer {
    countries: Vec<Country>,
    /// Per country (same index): entries never matched in running text.
    quiet: Vec<Vec<&'static str>>,
    /// Folded names, variants and demonyms.
    keys: HashMap<String, usize>,
    /// Upper-case ISO 3166 alpha-2 and alpha-3 codes.
    iso_codes: HashMap<String, usize>,
    /// Folded title prefixes ("sino").
    combining: HashMap<String, usize>,
    by_code: HashMap<CountryCode, usize>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The table's tests prove it parses; were it ever broken, knowing no countries is a
    // better failure than a panic inside every caller.
    Gazetteer::new(table::parse(table::COUNTRIES_TSV).unwrap_or_default())
});

impl Gazetteer {
    fn new(rows: Vec<table::Row>) -> Self {
        let mut gazetteer = Gazetteer {
            countries: Vec::with_capacity(rows.len()),
            quiet: Vec::with_capacity(rows.len()),
            keys: HashMap::new(),
            iso_codes: HashMap::new(),
            combining: HashMap::new(),
            by_code: HashMap::new(),
        };
        // Current states first, so a code or name a former state shares ("CS", the old
        // alpha-2 of two former states) goes to the first row that claims it.
        for (index, row) in rows.into_iter().enumerate() {
            let country = &row.country;
            for key in country.names.iter().chain(&country.demonyms) {
                gazetteer.keys.entry(fold::lookup_key(key)).or_insert(index);
            }
            for code in [country.code.as_str(), country.iso2] {
                if !code.is_empty() {
                    gazetteer.iso_codes.entry(code.to_owned()).or_insert(index);
                }
            }
            for prefix in &row.combining {
                gazetteer
                    .combining
                    .entry(fold::lookup_key(prefix))
                    .or_insert(index);
            }
            gazetteer.by_code.entry(country.code).or_insert(index);
            gazetteer.countries.push(row.country);
            gazetteer.quiet.push(row.quiet);
        }
        gazetteer
    }

    fn lookup(&self, query: &str) -> Option<usize> {
        let trimmed = query.trim();
        self.keys
            .get(&fold::lookup_key(trimmed))
            .or_else(|| {
                let is_code = matches!(trimmed.len(), 2 | 3)
                    && trimmed.bytes().all(|byte| byte.is_ascii_alphabetic());
                is_code
                    .then(|| self.iso_codes.get(&trimmed.to_ascii_uppercase()))
                    .flatten()
            })
            .copied()
    }

    /// A look-up that also accepts a title prefix such as "Sino".
    fn lookup_or_prefix(&self, query: &str) -> Option<usize> {
        self.lookup(query)
            .or_else(|| self.combining.get(&fold::lookup_key(query)).copied())
    }
}

/// Every state in the table: current states first, then former ones.
pub fn countries() -> &'static [Country] {
    &GAZETTEER.countries
}

/// The state with this code.
pub fn by_code(code: CountryCode) -> Option<&'static Country> {
    let gazetteer = &*GAZETTEER;
    gazetteer
        .by_code
        .get(&code)
        .and_then(|&index| gazetteer.countries.get(index))
}

/// Name, variant, demonym, ISO2 or ISO3 code; case-insensitive, diacritics and ’/' folded,
/// "the" ignored.
pub fn lookup(query: &str) -> Option<&'static Country> {
    let gazetteer = &*GAZETTEER;
    gazetteer
        .lookup(query)
        .and_then(|index| gazetteer.countries.get(index))
}

/// Up to 3 country names close to an unknown query (edit distance / prefix), for "did you
/// mean …?".
pub fn suggest(query: &str) -> Vec<&'static str> {
    const MAX_SUGGESTIONS: usize = 3;
    let gazetteer = &*GAZETTEER;
    let query = fold::lookup_key(query);
    let query_chars: Vec<char> = query.chars().collect();
    if query_chars.is_empty() {
        return Vec::new();
    }
    // A third of the query's letters may be wrong, at least one and at most three.
    let allowed = (query_chars.len() / 3).clamp(1, 3);
    let mut best: HashMap<usize, (usize, usize)> = HashMap::new();
    for (key, &index) in &gazetteer.keys {
        let key_chars: Vec<char> = key.chars().collect();
        let distance = if query_chars.len() >= 3 && key_chars.starts_with(&query_chars) {
            Some(0)
        } else {
            edit_distance_within(&query_chars, &key_chars, allowed)
        };
        if let Some(distance) = distance {
            let score = (distance, key_chars.len().abs_diff(query_chars.len()));
            best.entry(index)
                .and_modify(|known| *known = (*known).min(score))
                .or_insert(score);
        }
    }
    let mut ranked: Vec<(usize, usize, &'static str)> = best
        .into_iter()
        .filter_map(|(index, (distance, length_gap))| {
            let country = gazetteer.countries.get(index)?;
            Some((distance, length_gap, country.name))
        })
        .collect();
    ranked.sort_unstable();
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, name)| name)
        .collect()
}

/// The Levenshtein distance between `a` and `b` if it is at most `limit`.
fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &a_char) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != b_char);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous
        .last()
        .copied()
        .filter(|&distance| distance <= limit)
}

/// The flag as a pair of regional-indicator symbols from the alpha-2 code ("JP" → 🇯🇵); None
/// for a former state without one.
pub fn flag_emoji(code: CountryCode) -> Option<String> {
    const REGIONAL_INDICATOR_A: u32 = 0x1F1E6;
    let country = by_code(code)?;
    // Former states' ISO 3166-3 letters ("DD", "SU") have no flag in emoji fonts.
    if country.historical {
        return None;
    }
    let iso2 = country.iso2;
    if iso2.len() != 2 || !iso2.bytes().all(|byte| byte.is_ascii_uppercase()) {
        return None;
    }
    iso2.bytes()
        .map(|letter| char::from_u32(REGIONAL_INDICATOR_A + u32::from(letter - b'A')))
        .collect()
}

#[cfg(test)]
mod tests;
