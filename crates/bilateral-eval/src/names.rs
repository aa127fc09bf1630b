//! When two names of people, or of places, agree by the answer keys' rule.
//!
//! **People.** Two names agree when they share a name token, after folding case and
//! diacritics and dropping what is not a name:
//! - particles (`de`, `van`, `bin`, `al`, …), titles and offices (`President`, `Prime
//!   Minister`, `King`, `Sir`, `Dr`, …; wherever they stand, so "President" never makes two
//!   presidents agree), generational suffixes (`Jr`, `Sr`) and single letters (initials);
//! - regnal numerals `I`–`XX`, but only written in capitals and not as the first token left,
//!   so "Felipe VI" loses `VI` while "Li Wenbo" and "President Li" keep `Li`.
//!
//! A hyphenated word is one token with its hyphens removed ("Myung-bak" is `myungbak`, so it
//! also agrees with "Myungbak"); its parts are not tokens of their own, which keeps
//! "Jean-Paul" from agreeing with "Paul". The one exception is a leading particle: "el-Masri"
//! gives `elsisi` and `sisi`. Apostrophes inside a word are dropped ("O'Brien" is `obrien`).
//! Two names with no tokens left (say "The President" and "the president") agree when their
//! folded texts are equal.
//!
//! **Places** agree when, folded, the words of one are all among the words of the other:
//! "Northport" agrees with "the port of Northport".

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::matching::maximum_matching;

/// Words that join parts of a name and are not names themselves.
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "van", "von", "der", "den", "bin", "binti", "al", "el", "la",
    "le", "di", "du", "del", "ibn", "bint", "ter", "zu", "y",
];

/// Titles, offices, honorifics, generational suffixes and the filler words between them
/// ("Minister of Foreign Affairs"), folded: words that stand beside a name but are not one.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "empress",
    "prince",
    "princess",
    "crown",
    "sultan",
    "emir",
    "sheikh",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "mr",
    "mrs",
    "ms",
    "madam",
    "madame",
    "professor",
    "prof",
    "general",
    "secretary",
    "foreign",
    "affairs",
    "deputy",
    "speaker",
    "chairman",
    "chairwoman",
    "governor",
    "ambassador",
    "senator",
    "pope",
    "his",
    "her",
    "majesty",
    "highness",
    "excellency",
    "honourable",
    "the",
    "of",
    "jr",
    "sr",
];

/// Regnal numerals, folded.
const REGNAL_NUMERALS: &[&str] = &[
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// Lower case without diacritics: "Ñúñez" becomes "nunez". Letters that Unicode does not
/// decompose into a base letter and marks (ł, ø, đ, ß, æ, …) are spelled by a small table.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let bare = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase);
    for c in bare {
        match c {
            'ł' | 'ŀ' => folded.push('l'),
            'ø' => folded.push('o'),
            'đ' | 'ð' => folded.push('d'),
            'ı' => folded.push('i'),
            'ħ' => folded.push('h'),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ß' => folded.push_str("ss"),
            'þ' => folded.push_str("th"),
            _ => folded.push(c),
        }
    }
    folded
}

/// Whether a character joins the letters of one word: letters, digits, hyphens, apostrophes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | 'ʼ')
}

/// The tokens a person's name is compared by (see the module documentation).
pub fn name_tokens(name: &str) -> BTreeSet<String> {
    let mut tokens = BTreeSet::new();
    for word in name.split(|c| !is_word_char(c)).filter(|w| !w.is_empty()) {
        let folded = fold(word).replace(['\'', '’', 'ʼ'], "");
        let parts: Vec<&str> = folded.split('-').filter(|p| !p.is_empty()).collect();
        let joined = parts.concat();
        if is_ignored(&joined) {
            continue;
        }
        let numeral = word.chars().all(|c| c.is_ascii_uppercase())
            && REGNAL_NUMERALS.contains(&joined.as_str());
        if numeral && !tokens.is_empty() {
            continue;
        }
        if let [first, rest @ ..] = parts.as_slice()
            && !rest.is_empty()
            && PARTICLES.contains(first)
        {
            let after_particle = rest.concat();
            if !is_ignored(&after_particle) {
                tokens.insert(after_particle);
            }
        }
        tokens.insert(joined);
    }
    tokens
}

/// Particles, titles and initials are not name tokens.
fn is_ignored(token: &str) -> bool {
    token.chars().count() < 2 || PARTICLES.contains(&token) || TITLES.contains(&token)
}

/// Whether two names of people agree.
pub fn names_agree(a: &str, b: &str) -> bool {
    let (tokens_a, tokens_b) = (name_tokens(a), name_tokens(b));
    if tokens_a.is_empty() && tokens_b.is_empty() {
        return collapse(&fold(a)) == collapse(&fold(b));
    }
    !tokens_a.is_disjoint(&tokens_b)
}

/// Whether two lists of participants agree as sets: as many names on each side, paired one
/// to one (a maximum bipartite matching) so that every pair agrees.
pub fn participants_agree(key: &[String], ours: &[String]) -> bool {
    key.len() == ours.len()
        && maximum_matching(key.len(), ours.len(), |k, o| names_agree(&key[k], &ours[o]))
            .iter()
            .all(Option::is_some)
}

/// Whether two place names agree (see the module documentation).
pub fn places_agree(a: &str, b: &str) -> bool {
    let (words_a, words_b) = (place_words(a), place_words(b));
    !words_a.is_empty()
        && !words_b.is_empty()
        && (words_a.is_subset(&words_b) || words_b.is_subset(&words_a))
}

fn place_words(place: &str) -> BTreeSet<String> {
    fold(place)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Words separated by single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(name: &str) -> Vec<String> {
        name_tokens(name).into_iter().collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Ñúñez Çelik Øster Łęcki"), "nunez celik oster lecki");
        assert_eq!(fold("Đặng Thị Ngọc"), "dang thi ngoc");
        assert_eq!(
            fold("Straße Æsir İzmir Şahin Ğ Ř Ž Ő Ű Ā"),
            "strasse aesir izmir sahin g r z o u a"
        );
        assert_eq!(fold("Kırık"), "kirik");
    }

    #[test]
    fn a_family_name_agrees_with_the_full_name() {
        assert!(names_agree("Tomas Varga", "Varga"));
        assert!(names_agree("Varga Tomas", "Tomas Varga"));
        assert!(!names_agree("Tomas Varga", "Anna Kovacs"));
    }

    #[test]
    fn diacritics_and_case_do_not_matter() {
        assert!(names_agree("Zoltán Kövér", "KOVER"));
        assert!(names_agree("Paweł Nowak", "Pawel"));
    }

    #[test]
    fn titles_are_not_tokens() {
        assert!(names_agree("President Han", "Han Seo-yun"));
        assert!(!names_agree("President Han", "President Oduya"));
        assert!(!names_agree("Prime Minister Ito", "Minister Sato"));
        assert!(!names_agree("King Aron", "Queen Mira"));
        assert_eq!(tokens("Sir Dr. Walter Pike"), ["pike", "walter"]);
    }

    #[test]
    fn particles_are_not_tokens() {
        assert!(!names_agree("Maria da Costa", "Joao da Cunha"));
        assert!(names_agree("Maria da Costa", "Costa"));
        assert!(!names_agree("Pieter van Dijk", "Anna van Berg"));
        assert!(!names_agree("Omar bin Said", "Tariq bin Nasser"));
        assert_eq!(tokens("Ludwig von der Au"), ["au", "ludwig"]);
    }

    #[test]
    fn a_particle_prefix_gives_the_rest_as_a_token() {
        assert_eq!(tokens("Karim al-Hadi"), ["alhadi", "hadi", "karim"]);
        assert!(names_agree("Karim al-Hadi", "Hadi"));
        assert!(names_agree("Karim el-Hadi", "al-Hadi"));
    }

    #[test]
    fn hyphenated_words_are_one_token() {
        assert_eq!(tokens("Han Seo-yun"), ["han", "seoyun"]);
        assert!(names_agree("Han Seo-yun", "Han"));
        assert!(names_agree("Han Seo-yun", "Seoyun"));
        assert!(!names_agree("Jean-Luc Morel", "Luc Besson"));
    }

    #[test]
    fn regnal_numerals_are_not_tokens() {
        assert!(!names_agree("Harald IV", "Olaf IV"));
        assert!(names_agree("Harald IV", "King Harald"));
        assert_eq!(tokens("Carl XVI Gustaf"), ["carl", "gustaf"]);
        // A capitalised syllable is a name, and so is a numeral standing first.
        assert_eq!(tokens("Xi Wen"), ["wen", "xi"]);
        assert!(names_agree("President Xi", "Xi Wen"));
        assert_eq!(tokens("XI Wen"), ["wen", "xi"]);
    }

    #[test]
    fn initials_and_apostrophes() {
        assert!(!names_agree("J. Smith", "J. Brown"));
        assert!(names_agree("Sean O'Brien", "O’Brien"));
    }

    #[test]
    fn names_without_tokens_agree_only_when_equal() {
        assert!(names_agree("The President", "the  president"));
        assert!(!names_agree("The President", "the King"));
        assert!(!names_agree("The President", "Oduya"));
    }

    #[test]
    fn participants_pair_one_to_one() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let key = names(&["Anna Varga", "Tomas Varga"]);
        // Pairing greedily, "Anna Varga" would take "Varga" and leave "Tomas Varga" with
        // "Anna"; the matching finds the pairing that works.
        assert!(participants_agree(&key, &names(&["Varga", "Anna"])));
        assert!(participants_agree(&key, &names(&["Anna", "Varga"])));
        assert!(!participants_agree(&key, &names(&["Varga"])));
        assert!(!participants_agree(
            &key,
            &names(&["Varga", "Varga", "Anna"])
        ));
        assert!(!participants_agree(&key, &names(&["Varga", "Oduya"])));
    }

    #[test]
    fn places_agree_by_their_words() {
        assert!(places_agree("Northport", "the port of Northport"));
        assert!(places_agree("São Ribeiro", "Sao Ribeiro"));
        assert!(!places_agree("Northport", "Southport"));
        assert!(!places_agree("", "Northport"));
    }
}
