//! Offices: the titles articles put before or after a name ("Prime Minister", "Federal
//! President", "Speaker of the Eduskunta"), mapped to the coarse [`Office`] classes.

use std::sync::LazyLock;

use bilateral_model::fnv::WordMap;
use bilateral_model::{Office, Span};

use crate::words::{Word, without_possessive, words};

/// A title found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleMention {
    /// The title words, without any "of Japan"-style complement.
    pub span: Span,
    pub office: Office,
    /// The complement's span ("of Japan", "for Foreign Affairs", "of the Eduskunta"), if any.
    pub complement: Option<Span>,
}

/// Titles as lower-case word sequences, longest first within each first word, with their
/// office. Order matters only through `TITLES_BY_LENGTH`.
const TITLES: &[(&str, Office)] = &[
    ("president", Office::HeadOfState),
    ("federal president", Office::HeadOfState),
    ("state president", Office::HeadOfState),
    ("head of state", Office::HeadOfState),
    ("king", Office::HeadOfState),
    ("queen", Office::HeadOfState),
    ("emperor", Office::HeadOfState),
    ("empress", Office::HeadOfState),
    ("sultan", Office::HeadOfState),
    ("emir", Office::HeadOfState),
    ("amir", Office::HeadOfState),
    ("grand duke", Office::HeadOfState),
    ("shah", Office::HeadOfState),
    ("tsar", Office::HeadOfState),
    ("monarch", Office::HeadOfState),
    ("prime minister", Office::HeadOfGovernment),
    ("premier", Office::HeadOfGovernment),
    ("chancellor", Office::HeadOfGovernment),
    ("federal chancellor", Office::HeadOfGovernment),
    ("head of government", Office::HeadOfGovernment),
    ("heads of government", Office::HeadOfGovernment),
    ("heads of state", Office::HeadOfState),
    ("presidents", Office::HeadOfState),
    ("prime ministers", Office::HeadOfGovernment),
    ("taoiseach", Office::HeadOfGovernment),
    ("foreign minister", Office::ForeignMinister),
    ("foreign ministers", Office::ForeignMinister),
    ("minister of foreign affairs", Office::ForeignMinister),
    ("minister for foreign affairs", Office::ForeignMinister),
    ("minister of external affairs", Office::ForeignMinister),
    ("external affairs minister", Office::ForeignMinister),
    ("foreign affairs minister", Office::ForeignMinister),
    ("foreign secretary", Office::ForeignMinister),
    ("secretary of foreign affairs", Office::ForeignMinister),
    ("secretary of state", Office::ForeignMinister),
    ("minister", Office::Minister),
    ("deputy prime minister", Office::Minister),
    ("defence minister", Office::Minister),
    ("defense minister", Office::Minister),
    ("trade minister", Office::Minister),
    ("finance minister", Office::Minister),
    ("economy minister", Office::Minister),
    ("speaker", Office::Parliament),
    ("deputy speaker", Office::Parliament),
    ("parliamentary delegation", Office::Parliament),
    ("vice-president", Office::Other),
    ("vice president", Office::Other),
    ("governor-general", Office::Other),
    ("governor general", Office::Other),
    ("crown prince", Office::Other),
    ("crown princess", Office::Other),
    ("prince", Office::Other),
    ("princess", Office::Other),
    ("general secretary", Office::Other),
    ("secretary-general", Office::Other),
    ("secretary general", Office::Other),
    ("state secretary", Office::Other),
    ("vice minister", Office::Other),
    ("vice-minister", Office::Other),
    ("deputy minister", Office::Other),
    ("deputy foreign minister", Office::Other),
    ("ambassador", Office::Other),
    ("envoy", Office::Other),
    ("governor", Office::Other),
    ("mayor", Office::Other),
    ("general", Office::Other),
    ("commander-in-chief", Office::Other),
    // A chair is a parliament office when its complement names a parliament.
    ("chairman", Office::Other),
    ("chairwoman", Office::Other),
    ("chairperson", Office::Other),
];

/// Words that, after "chairman of the", make the chair a parliament's.
const PARLIAMENT_WORDS: &[&str] = &[
    "parliament",
    "assembly",
    "congress",
    "senate",
    "diet",
    "duma",
    "sejm",
    "majlis",
    "khural",
    "eduskunta",
    "storting",
    "bundestag",
    "knesset",
    "riksdag",
    "folketing",
    "house",
    "chamber",
    "legislature",
    "verkhovna",
    "rada",
    "mazhilis",
];

/// Complement words that belong to a title ("Minister for Foreign Affairs and Trade").
const COMPLEMENT_WORDS: &[&str] = &[
    "foreign",
    "affairs",
    "external",
    "trade",
    "industry",
    "defence",
    "defense",
    "finance",
    "economy",
    "economic",
    "interior",
    "justice",
    "education",
    "health",
    "culture",
    "agriculture",
    "energy",
    "commerce",
    "development",
    "cooperation",
    "international",
    "relations",
    "security",
    "state",
    "european",
    "integration",
    "investment",
    "tourism",
    "council",
    "ministers",
    "government",
];

struct TitleTable {
    /// Title word sequences by their first word, longest first.
    by_first_word: WordMap<Vec<(Vec<&'static str>, Office)>>,
    /// Per initial letter, a bit for each length of a first word starting with it: most words
    /// of a sentence fail this test and are never lowered or hashed.
    first_word_shapes: [u32; 26],
}

impl TitleTable {
    fn may_start_title(&self, word: &str) -> bool {
        let length = word.len();
        match word.as_bytes().first().map(u8::to_ascii_lowercase) {
            Some(letter @ b'a'..=b'z') if length < 32 => {
                self.first_word_shapes[usize::from(letter - b'a')] & (1 << length) != 0
            }
            _ => false,
        }
    }
}

static TABLE: LazyLock<TitleTable> = LazyLock::new(|| {
    let mut by_first_word: WordMap<Vec<(Vec<&'static str>, Office)>> = WordMap::default();
    for (title, office) in TITLES {
        let words: Vec<&'static str> = title.split(' ').collect();
        if let Some(first) = words.first() {
            by_first_word
                .entry(first)
                .or_default()
                .push((words, *office));
        }
    }
    let mut first_word_shapes = [0u32; 26];
    for (first, entries) in &mut by_first_word {
        entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        if let Some(letter @ b'a'..=b'z') = first.as_bytes().first() {
            first_word_shapes[usize::from(letter - b'a')] |= 1 << first.len();
        }
    }
    TitleTable {
        by_first_word,
        first_word_shapes,
    }
});

/// The office a title names, if it names one ("Prime Minister" → head of government).
pub fn office_of_title(title: &str) -> Option<Office> {
    let lower = title.to_lowercase();
    let wanted: Vec<&str> = lower.split_whitespace().collect();
    TABLE
        .by_first_word
        .get(wanted.first()?)?
        .iter()
        .find(|(words, _)| *words == wanted)
        .map(|(_, office)| *office)
}

/// A word as the title table spells it: possessive dropped, lower case. Title words are
/// short ASCII words, so a longer or non-ASCII word is never one and costs no lowering.
fn title_form<'b>(word: &str, buffer: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if !bytes.is_ascii() || bytes.len() > buffer.len() {
        return None;
    }
    let form = &mut buffer[..bytes.len()];
    form.copy_from_slice(bytes);
    form.make_ascii_lowercase();
    std::str::from_utf8(form).ok()
}

/// Every title in `text`, leftmost-longest, with its complement when one follows.
pub fn find_titles(text: &str) -> Vec<TitleMention> {
    let words = words(text);
    find_titles_in(text, &words)
}

/// [`find_titles`] over words already split.
pub fn find_titles_in(text: &str, words: &[Word]) -> Vec<TitleMention> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let Some((length, office)) = title_at(text, words, index) else {
            index += 1;
            continue;
        };
        let last = &words[index + length - 1];
        let span = Span::new(words[index].span.start, last.span.end);
        let (complement, office, consumed) = complement_after(text, words, index + length, office);
        found.push(TitleMention {
            span,
            office,
            complement,
        });
        index += length + consumed;
    }
    found
}

/// The title starting at word `index`: how many words it takes and its office.
fn title_at(text: &str, words: &[Word], index: usize) -> Option<(usize, Office)> {
    let first = without_possessive(words.get(index)?.text);
    if !TABLE.may_start_title(first) {
        return None;
    }
    let mut buffer = [0; 24];
    let entries = TABLE.by_first_word.get(title_form(first, &mut buffer)?)?;
    for (title_words, office) in entries {
        let all_match = title_words.iter().enumerate().all(|(offset, expected)| {
            words
                .get(index + offset)
                .is_some_and(|word| without_possessive(word.text).eq_ignore_ascii_case(expected))
        });
        if !all_match {
            continue;
        }
        // Multi-word titles must not be split by punctuation ("president, minister").
        let contiguous = words[index..index + title_words.len()]
            .windows(2)
            .all(|pair| {
                crate::words::gap(text, &pair[0], &pair[1])
                    .trim()
                    .is_empty()
            });
        if contiguous {
            return Some((title_words.len(), *office));
        }
    }
    None
}

/// A complement after a title: "of Japan", "for Foreign Affairs", "of the State Great
/// Khural". Returns its span, the office it implies (a chair of a parliament is a parliament
/// office) and how many words it took. When no comma follows, the last two capitalised words
/// are left for a name.
fn complement_after(
    text: &str,
    words: &[Word],
    start: usize,
    office: Office,
) -> (Option<Span>, Office, usize) {
    let Some(first) = words.get(start) else {
        return (None, office, 0);
    };
    let preposition = first.text.to_lowercase();
    if !matches!(preposition.as_str(), "of" | "for" | "at") {
        return (None, office, 0);
    }
    let mut cursor = start + 1;
    if words.get(cursor).is_some_and(|word| word.text == "the") {
        cursor += 1;
    }
    let run_start = cursor;
    let mut run_end = cursor;
    let mut comma_after = false;
    while let Some(word) = words.get(run_end) {
        let lower = word.text.to_lowercase();
        let joins = matches!(lower.as_str(), "and" | "of" | "for");
        if !(word.is_capitalised() || joins && run_end > run_start) {
            break;
        }
        run_end += 1;
        if let Some(next) = words.get(run_end)
            && crate::words::gap(text, word, next).contains(',')
        {
            comma_after = true;
            break;
        }
    }
    if run_end == run_start {
        return (None, office, 0);
    }
    // Without a comma, known complement words end where an unknown run (the name) begins.
    if !comma_after {
        let mut end = run_start;
        while end < run_end {
            let lower = words[end].text.to_lowercase();
            let known = COMPLEMENT_WORDS.contains(&lower.as_str())
                || PARLIAMENT_WORDS.contains(&lower.as_str())
                || matches!(lower.as_str(), "and" | "of" | "for");
            if !known && end > run_start {
                break;
            }
            end += 1;
        }
        // A parliament's name ends with the word for one: "the State Great Khural".
        if let Some(last_parliament_word) = (end..run_end)
            .rev()
            .find(|&index| is_parliament_word(words[index].text))
        {
            end = last_parliament_word + 1;
        }
        // A lone unknown word after "the" is the body's name ("the Eduskunta").
        run_end = end.min(run_end);
    }
    let span = Span::new(words[start].span.start, words[run_end - 1].span.end);
    let complement_has = |words_of: &[&str]| {
        words[run_start..run_end]
            .iter()
            .any(|word| words_of.contains(&word.text.to_lowercase().as_str()))
    };
    // The chair of a cabinet heads the government: "Chairman of the Council of Ministers",
    // "President of the Government of Spain".
    let office = match office {
        Office::HeadOfState | Office::Other if complement_has(&["ministers", "government"]) => {
            Office::HeadOfGovernment
        }
        Office::HeadOfState | Office::Other if complement_has(PARLIAMENT_WORDS) => {
            Office::Parliament
        }
        office => office,
    };
    (Some(span), office, run_end - start)
}

/// Whether a word names a parliament.
pub fn is_parliament_word(word: &str) -> bool {
    PARLIAMENT_WORDS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(String, Office, Option<String>)> {
        find_titles(text)
            .into_iter()
            .map(|title| {
                (
                    text[title.span.start..title.span.end].to_owned(),
                    title.office,
                    title
                        .complement
                        .map(|span| text[span.start..span.end].to_owned()),
                )
            })
            .collect()
    }

    #[test]
    fn maps_titles_to_offices() {
        assert_eq!(
            office_of_title("Prime Minister"),
            Some(Office::HeadOfGovernment)
        );
        assert_eq!(
            office_of_title("federal  president"),
            Some(Office::HeadOfState)
        );
        assert_eq!(office_of_title("Vice-President"), Some(Office::Other));
        assert_eq!(office_of_title("Gardener"), None);
    }

    #[test]
    fn finds_the_longest_title_and_its_complement() {
        assert_eq!(
            titles("Vice Minister for Foreign Affairs Ana Lopes met him."),
            [(
                "Vice Minister".to_owned(),
                Office::Other,
                Some("for Foreign Affairs".to_owned())
            )]
        );
        assert_eq!(
            titles("the Prime Minister of Freedonia, Rufus Firefly, arrived"),
            [(
                "Prime Minister".to_owned(),
                Office::HeadOfGovernment,
                Some("of Freedonia".to_owned())
            )]
        );
    }

    #[test]
    fn a_chair_of_parliament_is_a_parliament_office() {
        let found = titles("Speaker of the Storting Ola Nordmann");
        assert_eq!(found[0].1, Office::Parliament);
        assert_eq!(found[0].2.as_deref(), Some("of the Storting"));
        let found = titles("Chairman of the State Great Khural Bat Erdene");
        assert_eq!(found[0].1, Office::Parliament);
        assert_eq!(found[0].2.as_deref(), Some("of the State Great Khural"));
        let found = titles("Chairwoman of the Grand National Assembly: 1996");
        assert_eq!(found[0].1, Office::Parliament);
    }

    #[test]
    fn the_chair_of_a_cabinet_heads_the_government() {
        for text in [
            "Chairman of the Council of Ministers Tomas Berg",
            "President of the Government of Spain Ana Ruiz",
            "the President of the Council of Ministers, Rui Costa,",
        ] {
            assert_eq!(titles(text)[0].1, Office::HeadOfGovernment, "{text}");
        }
        // A minister of a government is no head of it.
        assert_eq!(
            titles("Minister of Finance of the Government of Chile")[0].1,
            Office::Minister
        );
        assert_eq!(
            titles("President of the Republic")[0].1,
            Office::HeadOfState
        );
    }

    #[test]
    fn titles_split_by_punctuation_are_two_titles() {
        let found = titles("the president, minister and envoy");
        assert_eq!(found.len(), 3);
    }
}
