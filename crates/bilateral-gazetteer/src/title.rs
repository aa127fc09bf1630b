//! Reading the two states an article is about from its title: "Japan–Kazakhstan relations",
//! "Relations between Japan and Kazakhstan", "Sino-Japanese relations"; from a ministry's
//! title and its own state ("Bilateral relations: Kenya" on a page of Tanzania's ministry);
//! and from a file name ("czech-republic-japan-relations.txt").

use std::collections::HashSet;

use bilateral_model::{CountryCode, Dyad};

use crate::{GAZETTEER, Gazetteer, MentionVia, find_mentions};

/// Dashes that always separate the two sides of a title; a hyphen may also sit inside a name
/// ("Guinea-Bissau").
const DASHES: [char; 4] = ['–', '—', '―', '−'];

const HYPHENS: [char; 3] = ['-', '‐', '‑'];

/// More hyphenated pieces than this are not a title of two states; it bounds the search over
/// ways of grouping them.
const MAX_HYPHENATED_PIECES: usize = 8;

/// The dyad from a title: "Japan–Kazakhstan relations" (en dash, em dash, hyphen, or " – "
/// with spaces), "Relations between X and Y", "X–Y relations" where X/Y may be short names,
/// official names or demonyms, "Sino-Japanese relations" with a prefix form, and names with
/// internal hyphens like "Guinea-Bissau–Portugal relations". None when it names fewer or more
/// than two states.
pub fn dyad_from_title(title: &str) -> Option<Dyad> {
    let gazetteer = &*GAZETTEER;
    let title = without_parenthesis(title.trim());
    let between = strip_prefix_ignoring_case(title, "relations between ")
        .or_else(|| strip_prefix_ignoring_case(title, "relationship between "));
    match between {
        Some(pair) => joined_by_and(gazetteer, pair),
        None => joined_by_dash(gazetteer, without_relations(title)),
    }
}

/// Words that make a title naming two states in other words a title about their relations:
/// "India-Mongolia Bilateral Brief", but not "India–Pakistan border".
const RELATION_WORDS: &[&str] = &["relation", "bilateral"];

/// The distinct states a text names by name (not by demonym or capital), in order.
fn named_states(text: &str) -> Vec<CountryCode> {
    let mut states: Vec<CountryCode> = Vec::new();
    for mention in find_mentions(text) {
        if mention.via == MentionVia::Name && !states.contains(&mention.code) {
            states.push(mention.code);
        }
    }
    states
}

/// The dyad of a page's title, read more loosely than [`dyad_from_title`] reads an article
/// title (which picks relations articles out of whole dumps): a title about relations that
/// names two states in other words ("India-Mongolia Bilateral Brief", "Kazakhstan - Mongolia:
/// Bilateral Relations"), or, on a page one state published, a title that names the other
/// ("Bilateral relations: United Republic of Tanzania" under "Ministry of Foreign Affairs /
/// Republic of Zambia").
pub fn dyad_from_page_title(title: &str, publisher: Option<&str>) -> Option<Dyad> {
    if let Some(dyad) = dyad_from_title(title) {
        return Some(dyad);
    }
    let lower = title.to_lowercase();
    let about_relations = RELATION_WORDS.iter().any(|word| lower.contains(word));
    match (named_states(title).as_slice(), publisher) {
        (&[first, second], _) if about_relations => Dyad::new(first, second).ok(),
        (&[other], Some(publisher)) => Dyad::new(*named_states(publisher).first()?, other).ok(),
        _ => None,
    }
}

/// The dyad of a file name: "czech-republic-japan-relations.txt",
/// "/data/Japan_Kazakhstan_relations.html". Folders and extensions are ignored; the words
/// between hyphens or underscores are grouped into names as in a hyphenated title.
pub fn dyad_from_file_name(name: &str) -> Option<Dyad> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.split('.').next().unwrap_or(base);
    let words = stem.replace('_', "-");
    let pair = strip_suffix_ignoring_case(&words, "-relations").unwrap_or(&words);
    split_at_hyphens(&GAZETTEER, pair, " ")
}

/// "China–Japan relations (1931–1945)" is read without its parenthesis.
fn without_parenthesis(title: &str) -> &str {
    match title.strip_suffix(')').and_then(|rest| rest.rfind(" (")) {
        Some(open) => title.get(..open).unwrap_or(title).trim_end(),
        None => title,
    }
}

/// Drops a trailing "relations" and a qualifier before it ("bilateral relations").
fn without_relations(title: &str) -> &str {
    let mut rest = title;
    for suffix in [" relations", " relationship"] {
        if let Some(shorter) = strip_suffix_ignoring_case(rest, suffix) {
            rest = shorter;
            break;
        }
    }
    for qualifier in [" bilateral", " diplomatic"] {
        if let Some(shorter) = strip_suffix_ignoring_case(rest, qualifier) {
            rest = shorter;
            break;
        }
    }
    rest.trim()
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

fn strip_suffix_ignoring_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let tail = text.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix)
        .then(|| text.get(..cut))
        .flatten()
}

/// "X and Y", where either name may itself contain "and" ("Trinidad and Tobago").
fn joined_by_and(gazetteer: &Gazetteer, pair: &str) -> Option<Dyad> {
    const AND: &str = " and ";
    let dyads = pair.match_indices(AND).filter_map(|(at, _)| {
        let left = gazetteer.lookup(pair.get(..at)?)?;
        let right = gazetteer.lookup(pair.get(at + AND.len()..)?)?;
        Some(dyad_of(gazetteer, left, right))
    });
    the_only(dyads)
}

/// "X–Y", split at a dash if there is one, otherwise at whichever hyphen leaves two states.
fn joined_by_dash(gazetteer: &Gazetteer, pair: &str) -> Option<Dyad> {
    let pair = pair.replace(" - ", "–");
    let sides: Vec<&str> = pair.split(DASHES).map(str::trim).collect();
    match sides[..] {
        [single] => split_at_hyphens(gazetteer, single, "-"),
        [left, right] => {
            let left = gazetteer.lookup_or_prefix(left)?;
            let right = gazetteer.lookup(right)?;
            dyad_of(gazetteer, left, right)
        }
        _ => None,
    }
}

/// Tries every way of grouping the hyphenated pieces into names (the pieces of a group joined
/// by `joiner`) and keeps the groupings with the fewest names; the title is a dyad when those
/// all name the same two states. "Guinea-Bissau-Portugal" is read as Guinea-Bissau and
/// Portugal, "Sino-Japanese" as China and Japan.
fn split_at_hyphens(gazetteer: &Gazetteer, text: &str, joiner: &str) -> Option<Dyad> {
    let pieces: Vec<&str> = text.split(HYPHENS).map(str::trim).collect();
    if pieces.len() < 2 || pieces.len() > MAX_HYPHENATED_PIECES {
        return None;
    }
    let cut_points = pieces.len() - 1;
    let mut fewest = usize::MAX;
    let mut readings: Vec<Option<Dyad>> = Vec::new();
    for cuts in 0u32..(1 << cut_points) {
        let Some(states) = read_grouping(gazetteer, &pieces, cuts, joiner) else {
            continue;
        };
        let reading = match states[..] {
            [left, right] => dyad_of(gazetteer, left, right),
            _ => None,
        };
        if states.len() < fewest {
            fewest = states.len();
            readings.clear();
        }
        if states.len() == fewest {
            readings.push(reading);
        }
    }
    the_only(readings.into_iter())
}

/// The states named by the pieces grouped between the cuts (bit `i` set: a cut after piece
/// `i`), or None if a group names no state. Only the last group must be a name; the others
/// may be prefix forms ("Sino").
fn read_grouping(
    gazetteer: &Gazetteer,
    pieces: &[&str],
    cuts: u32,
    joiner: &str,
) -> Option<Vec<usize>> {
    let mut states = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        group.push(piece);
        let last = index + 1 == pieces.len();
        if last || cuts & (1 << index) != 0 {
            let name = group.join(joiner);
            let state = if last {
                gazetteer.lookup(&name)
            } else {
                gazetteer.lookup_or_prefix(&name)
            };
            states.push(state?);
            group.clear();
        }
    }
    Some(states)
}

fn dyad_of(gazetteer: &Gazetteer, left: usize, right: usize) -> Option<Dyad> {
    let left = gazetteer.countries.get(left)?.code;
    let right = gazetteer.countries.get(right)?.code;
    Dyad::new(left, right).ok()
}

/// The reading all readings agree on; None if there are none, they differ, or one failed.
fn the_only(readings: impl Iterator<Item = Option<Dyad>>) -> Option<Dyad> {
    let distinct: HashSet<Option<Dyad>> = readings.collect();
    let mut distinct = distinct.into_iter();
    match (distinct.next(), distinct.next()) {
        (Some(only), None) => only,
        _ => None,
    }
}

#[cfg(test)]
mod tests {

    use bilateral_model::CountryCode;

    use super::*;

    fn dyad(title: &str) -> Option<String> {
        dyad_from_title(title).map(|dyad| format!("{}-{}", dyad.first(), dyad.second()))
    }

    fn expect(title: &str, codes: &str) {
        assert_eq!(dyad(title).as_deref(), Some(codes), "{title}");
    }

    #[test]
    fn dashes_of_every_kind_separate_the_two_states() {
        expect("Japan–Kazakhstan relations", "JPN-KAZ");
        expect("Japan—Kazakhstan relations", "JPN-KAZ");
        expect("Japan-Kazakhstan relations", "JPN-KAZ");
        expect("Japan – Kazakhstan relations", "JPN-KAZ");
        expect("Japan - Kazakhstan relations", "JPN-KAZ");
        expect("Kazakhstan–Japan Relations", "JPN-KAZ");
        expect("Japan–Kazakhstan", "JPN-KAZ");
        expect("Japan–Kazakhstan bilateral relations", "JPN-KAZ");
    }

    #[test]
    fn relations_between_x_and_y() {
        expect("Relations between Japan and Kazakhstan", "JPN-KAZ");
        expect(
            "relations between the United States and the Soviet Union",
            "SUN-USA",
        );
        expect("Relations between Trinidad and Tobago and Japan", "JPN-TTO");
        expect(
            "Relations between Bosnia and Herzegovina and Serbia",
            "BIH-SRB",
        );
    }

    #[test]
    fn sides_may_be_official_names_variants_or_demonyms() {
        expect("Republic of Korea–Kenya relations", "KEN-KOR");
        expect("Polish–Uzbek relations", "POL-UZB");
        expect("Türkiye–Indonesia relations", "IDN-TUR");
        expect("United States–Soviet Union relations", "SUN-USA");
        expect("East Germany–Mongolia relations", "DDR-MNG");
        expect("Czechoslovakia–Japan relations", "CSK-JPN");
    }

    #[test]
    fn prefix_forms_and_hyphenated_demonyms() {
        expect("Sino-Japanese relations", "CHN-JPN");
        expect("Sino-Soviet relations", "CHN-SUN");
        expect("Indo-Pakistani relations", "IND-PAK");
        expect("Franco-German relations", "DEU-FRA");
        expect("Anglo-American relations", "GBR-USA");
        expect("Russo-Japanese relations", "JPN-RUS");
    }

    #[test]
    fn names_with_hyphens_stay_whole() {
        expect("Guinea-Bissau–Portugal relations", "GNB-PRT");
        expect("Guinea-Bissau-Portugal relations", "GNB-PRT");
        expect("Indonesia–Timor-Leste relations", "IDN-TLS");
        expect("Austria-Hungary–Serbia relations", "AUT-SRB");
    }

    fn page_dyad(title: &str, publisher: Option<&str>) -> Option<String> {
        dyad_from_page_title(title, publisher).map(|d| format!("{}-{}", d.first(), d.second()))
    }

    #[test]
    fn page_titles_in_other_words_that_name_two_states() {
        for (title, codes) in [
            ("India-Mongolia Bilateral Brief", "IND-MNG"),
            ("Kazakhstan - Mongolia: Bilateral Relations", "KAZ-MNG"),
            ("Chile and Norway: relations today", "CHL-NOR"),
            ("Japan–Kazakhstan relations", "JPN-KAZ"),
        ] {
            assert_eq!(page_dyad(title, None).as_deref(), Some(codes), "{title}");
        }
        assert_eq!(page_dyad("Chile and Norway: an overview", None), None);
        assert_eq!(page_dyad("Bilateral relations: Chile", None), None);
        // Article titles stay strict: dumps are searched with them.
        assert_eq!(dyad("India-Mongolia Bilateral Brief"), None);
    }

    #[test]
    fn a_ministry_page_names_the_other_state() {
        let norway = Some("Ministry of Foreign Affairs / Kingdom of Norway");
        assert_eq!(
            page_dyad("Bilateral relations: Chile", norway).as_deref(),
            Some("CHL-NOR")
        );
        let peru = Some("Ministry of Foreign Affairs of Peru");
        assert_eq!(
            page_dyad("Norway-Chile Relations (Basic Data)", peru).as_deref(),
            Some("CHL-NOR")
        );
        assert_eq!(page_dyad("Bilateral relations", peru), None);
        assert_eq!(
            page_dyad(
                "Bilateral relations: Chile",
                Some("Ministry of Foreign Affairs")
            ),
            None
        );
    }

    #[test]
    fn file_names_give_dyads() {
        let pair =
            |name| dyad_from_file_name(name).map(|d| format!("{}-{}", d.first(), d.second()));
        assert_eq!(
            pair("czech-republic-japan-relations.txt").as_deref(),
            Some("CZE-JPN")
        );
        assert_eq!(
            pair("/data/set/Chile_Norway_relations.html").as_deref(),
            Some("CHL-NOR")
        );
        assert_eq!(
            pair("east-germany-vietnam-relations.txt").as_deref(),
            Some("DDR-VNM")
        );
        assert_eq!(
            pair("india-united-arab-emirates-relations.gold.json").as_deref(),
            Some("ARE-IND")
        );
        assert_eq!(pair("notes.txt"), None);
        assert_eq!(pair("japan-relations.txt"), None);
    }

    #[test]
    fn a_parenthesis_is_ignored() {
        expect("China–Japan relations (1931–1945)", "CHN-JPN");
    }

    #[test]
    fn fewer_or_more_than_two_states_give_none() {
        assert_eq!(dyad("Foreign relations of Japan"), None);
        assert_eq!(dyad("Japan relations"), None);
        assert_eq!(dyad("China–Japan–South Korea relations"), None);
        assert_eq!(dyad("China-Japan-South Korea relations"), None);
        assert_eq!(dyad("Japan–Japan relations"), None);
        assert_eq!(dyad("Japan–Atlantis relations"), None);
        assert_eq!(dyad("India–Pakistan border"), None);
        assert_eq!(dyad(""), None);
        assert_eq!(dyad("–"), None);
    }

    /// Every answer key's title gives the key's dyad. The keys live outside the repository;
    /// without them the test only says so, unless CI requires them.
    #[test]
    fn titles_of_the_answer_keys_give_their_dyads() {
        let Some(shared) = bilateral_testkit::shared_dir() else {
            return;
        };
        let Ok(sets) = std::fs::read_dir(shared.join("eval")) else {
            return;
        };
        let mut checked = 0;
        for set in sets.flatten() {
            let Ok(files) = std::fs::read_dir(set.path()) else {
                continue;
            };
            for file in files.flatten() {
                let path = file.path();
                if !path.to_string_lossy().ends_with(".gold.json") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let key: serde_json::Value = serde_json::from_str(&text).unwrap();
                let title = key["title"].as_str().unwrap();
                let codes: Vec<CountryCode> = serde_json::from_value(key["dyad"].clone()).unwrap();
                let expected = Dyad::new(codes[0], codes[1]).unwrap();
                assert_eq!(dyad_from_title(title), Some(expected), "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 0, "no answer keys under {}", shared.display());
    }
}
