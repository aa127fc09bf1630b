//! Finding trigger phrases in a sentence's ASCII-lower-cased copy, whose byte offsets equal
//! the original's. Rules search through [`Lowered`], which carries a filter of the
//! sentence's words and skips the searches that cannot match (most of them); the plain
//! functions serve other strings.

use std::cell::RefCell;
use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use bilateral_model::Span;
use bilateral_model::fnv::BuildFnv;

/// Whether the byte before `start` and the byte at `end` are word boundaries.
pub fn bounded(lower: &str, start: usize, end: usize) -> bool {
    let before = lower[..start].chars().next_back();
    let after = lower[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Every word-bounded occurrence of `phrase` in `lower`, as spans.
pub fn find_all(lower: &str, phrase: &str) -> Vec<Span> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(position) = lower.get(from..).and_then(|rest| rest.find(phrase)) {
        let start = from + position;
        let end = start + phrase.len();
        if bounded(lower, start, end) {
            found.push(Span::new(start, end));
        }
        from = start + phrase.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    found
}

/// A phrase list ready to search: its automaton, and the words of each phrase for the
/// [`WordFilter`] test (`None` when some phrase has no word, like "; ").
struct PhraseSet {
    automaton: AhoCorasick,
    words: Option<Vec<Vec<u64>>>,
}

thread_local! {
    /// One leftmost-longest automaton per phrase list, built on first use. Lists are
    /// `'static`, so their address identifies them for the life of the program.
    static PHRASE_SETS: RefCell<HashMap<(usize, usize), PhraseSet, BuildFnv>> =
        RefCell::new(HashMap::default());
}

/// A leftmost-longest automaton over `patterns`, `None` past the library's size limits.
/// Sentences are short: on them a plain DFA scan is faster than a prefilter, whose set-up
/// each search pays (measured: 5 % of the whole pipeline's time).
fn phrase_automaton<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(patterns)
        .ok()
}

/// Runs `search` with the phrase set of `phrases`, building it on first use.
fn with_phrase_set<T>(
    phrases: &'static [&'static str],
    search: impl FnOnce(&PhraseSet) -> T,
) -> Option<T> {
    let key = (phrases.as_ptr() as usize, phrases.len());
    PHRASE_SETS.with(|cell| {
        if let Some(found) = cell.borrow().get(&key) {
            return Some(search(found));
        }
        let automaton = phrase_automaton(phrases)?;
        let words = phrases
            .iter()
            .map(|phrase| {
                let hashes: Vec<u64> = word_runs(phrase).map(word_hash).collect();
                (!hashes.is_empty()).then_some(hashes)
            })
            .collect();
        let built = PhraseSet { automaton, words };
        let result = search(&built);
        cell.borrow_mut().insert(key, built);
        Some(result)
    })
}

/// The maximal runs of letters and digits of `text`, the unit [`bounded`] cuts at.
fn word_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|ch: char| !ch.is_alphanumeric())
        .filter(|run| !run.is_empty())
}

fn word_hash(word: &str) -> u64 {
    let mut hash = WordHash::default();
    hash.push(word.as_bytes());
    hash.finish()
}

/// A word's hash for the [`WordFilter`], built a byte at a time: a rotate and an xor per
/// byte, which the processor overlaps (a multiply per byte, as in FNV, cannot be), and one
/// multiply per word to spread the bits.
#[derive(Default)]
struct WordHash(u64);

impl WordHash {
    fn push(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(5) ^ u64::from(byte);
        }
    }

    fn finish(self) -> u64 {
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// The words of a sentence as a 1,024-bit Bloom filter. A word-bounded match of a phrase
/// puts each of the phrase's words in the sentence whole, so when no phrase of a list may
/// have all its words there, the list cannot match and its search is skipped: most lists
/// are tried on every sentence and match in few.
struct WordFilter([u64; 16]);

impl WordFilter {
    fn of(lower: &str) -> Self {
        let mut filter = WordFilter([0; 16]);
        let bytes = lower.as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            // A word: ASCII letters and digits hashed as they are read, other characters
            // decoded and kept when alphanumeric.
            let start = index;
            let mut hash = WordHash::default();
            while let Some(&byte) = bytes.get(index) {
                if byte.is_ascii_alphanumeric() {
                    hash.push(&[byte]);
                    index += 1;
                } else if byte.is_ascii() {
                    break;
                } else {
                    let ch = lower[index..].chars().next().unwrap_or(' ');
                    if !ch.is_alphanumeric() {
                        break;
                    }
                    hash.push(&bytes[index..index + ch.len_utf8()]);
                    index += ch.len_utf8();
                }
            }
            if index > start {
                filter.insert(hash.finish());
            } else {
                // Not a word character: step over it whole.
                index += lower[index..].chars().next().map_or(1, char::len_utf8);
            }
        }
        filter
    }

    fn insert(&mut self, hash: u64) {
        for bit in Self::probes(hash) {
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Two ten-bit positions from the well-mixed high bits of the hash.
    fn probes(hash: u64) -> [usize; 2] {
        [(hash >> 54) as usize, ((hash >> 44) & 1023) as usize]
    }

    fn may_contain(&self, hash: u64) -> bool {
        Self::probes(hash)
            .iter()
            .all(|bit| self.0[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// Whether some phrase of `set` may match within `within` of the sentence the filter was
    /// made from. Only spans that start and end between words keep the words whole.
    fn may_match(&self, set: &PhraseSet, lower: &str, within: Span) -> bool {
        let Some(words) = &set.words else {
            return true;
        };
        let inside_word = |at: usize| {
            let before = lower.get(..at).and_then(|head| head.chars().next_back());
            let after = lower.get(at..).and_then(|tail| tail.chars().next());
            before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
        };
        if inside_word(within.start) || inside_word(within.end) {
            return true;
        }
        words
            .iter()
            .any(|phrase| phrase.iter().all(|hash| self.may_contain(*hash)))
    }
}

/// Word-bounded, leftmost-longest matches of `automaton` in `slice`, in order. A match that
/// runs into a word ("state visit" in "state visits") is skipped by one byte rather than
/// jumped over, so a bounded match starting inside it ("visits to") is still found.
fn bounded_matches<'a>(
    automaton: &'a AhoCorasick,
    slice: &'a str,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    let mut position = 0;
    std::iter::from_fn(move || {
        while position < slice.len() {
            let found = automaton.find(aho_corasick::Input::new(slice).range(position..))?;
            if bounded(slice, found.start(), found.end()) {
                position = found.end();
                return Some(found);
            }
            position = found.start() + 1;
            while !slice.is_char_boundary(position) {
                position += 1;
            }
        }
        None
    })
}

/// A sentence lower-cased (ASCII only, so byte offsets are the original's), with the filter
/// of its words: the text the fact rules search for trigger phrases.
pub struct Lowered {
    text: String,
    words: WordFilter,
}

impl Lowered {
    pub fn new(text: &str) -> Self {
        let text = text.to_ascii_lowercase();
        let words = WordFilter::of(&text);
        Lowered { text, words }
    }

    /// [`find_any`], with searches the word filter rules out skipped.
    pub fn find_any(&self, phrases: &'static [&'static str], within: Span) -> Option<Span> {
        first_match(&self.text, Some(&self.words), phrases, within)
    }

    /// [`has_any`], with searches the word filter rules out skipped.
    pub fn has_any(&self, phrases: &'static [&'static str], within: Span) -> bool {
        self.find_any(phrases, within).is_some()
    }

    /// [`find_every`], with searches the word filter rules out skipped.
    pub fn find_every(&self, phrases: &'static [&'static str], within: Span) -> Vec<Span> {
        every_match(&self.text, Some(&self.words), phrases, within)
    }
}

impl std::ops::Deref for Lowered {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

/// The first word-bounded occurrence of any of `phrases` within `within`: leftmost, and
/// longest among those starting there.
pub fn find_any(lower: &str, phrases: &'static [&'static str], within: Span) -> Option<Span> {
    first_match(lower, None, phrases, within)
}

/// Every word-bounded occurrence of any of `phrases` within `within`, in order, without
/// overlaps.
pub fn find_every(lower: &str, phrases: &'static [&'static str], within: Span) -> Vec<Span> {
    every_match(lower, None, phrases, within)
}

/// Whether any of `phrases` occurs, word-bounded, within `within`.
pub fn has_any(lower: &str, phrases: &'static [&'static str], within: Span) -> bool {
    find_any(lower, phrases, within).is_some()
}

/// The word-bounded matches of `phrases` within `within`, as spans of `lower`, handed to
/// `take`; `None` when the span is not in `lower` or `filter` (made from `lower`) rules the
/// list out, so no search runs.
fn search<T>(
    lower: &str,
    filter: Option<&WordFilter>,
    phrases: &'static [&'static str],
    within: Span,
    take: impl FnOnce(&mut dyn Iterator<Item = Span>) -> T,
) -> Option<T> {
    let slice = lower.get(within.start..within.end)?;
    with_phrase_set(phrases, |set| {
        if filter.is_some_and(|filter| !filter.may_match(set, lower, within)) {
            return None;
        }
        let mut spans = bounded_matches(&set.automaton, slice)
            .map(|found| Span::new(found.start() + within.start, found.end() + within.start));
        Some(take(&mut spans))
    })?
}

/// [`find_any`], skipping the search when `filter` rules the list out.
fn first_match(
    lower: &str,
    filter: Option<&WordFilter>,
    phrases: &'static [&'static str],
    within: Span,
) -> Option<Span> {
    search(lower, filter, phrases, within, |spans| spans.next()).flatten()
}

/// [`find_every`], skipping the search when `filter` rules the list out.
fn every_match(
    lower: &str,
    filter: Option<&WordFilter>,
    phrases: &'static [&'static str],
    within: Span,
) -> Vec<Span> {
    search(lower, filter, phrases, within, |spans| spans.collect()).unwrap_or_default()
}

/// The regular English plural of a phrase's last word: "embassy" → "embassies", "treaty"
/// → "treaties", "consulate" → "consulates".
fn plural(phrase: &str) -> String {
    match phrase.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{phrase}s"),
    }
}

/// A table of phrases with a value each, searched leftmost-longest without overlaps: mission
/// nouns with their kinds, instrument nouns with theirs. Each phrase is also found in the
/// plural (see [`plural`]).
pub struct Lexicon<T: Copy> {
    automaton: Option<AhoCorasick>,
    values: Vec<T>,
}

impl<T: Copy> Lexicon<T> {
    pub fn new(entries: &[(&str, T)]) -> Self {
        let mut patterns = Vec::new();
        let mut values = Vec::new();
        for (phrase, value) in entries {
            patterns.push((*phrase).to_owned());
            values.push(*value);
            patterns.push(plural(phrase));
            values.push(*value);
        }
        let automaton = phrase_automaton(&patterns);
        Lexicon { automaton, values }
    }

    /// Word-bounded matches within `within`, in order, with their values.
    pub fn find(&self, lower: &str, within: Span) -> Vec<(Span, T)> {
        let (Some(automaton), Some(slice)) = (&self.automaton, lower.get(within.start..within.end))
        else {
            return Vec::new();
        };
        bounded_matches(automaton, slice)
            .filter_map(|found| {
                let value = *self.values.get(found.pattern().as_usize())?;
                Some((
                    Span::new(found.start() + within.start, found.end() + within.start),
                    value,
                ))
            })
            .collect()
    }
}

/// Splits a sentence into clauses at semicolons and at conjunctions that start a new
/// statement (", and ", ", while ", ", but ", ", followed by "...). Spans exclude the
/// separator.
pub fn clauses(lower: &str) -> Vec<Span> {
    /// Conjunctions that start a clause after a comma.
    const AFTER_COMMA: &[&str] = &[
        " and ",
        " while ",
        " but ",
        " followed by ",
        " after which ",
        " whereas ",
        " although ",
    ];
    /// Conjunctions that start a clause even without a comma.
    const ALONE: &[&str] = &[" while ", " although "];
    // One pass over the bytes: a separator starts at a ';', a ',' or a space (a bare
    // conjunction), all ASCII, so every cut falls on a character boundary.
    let bytes = lower.as_bytes();
    let mut cuts: Vec<Span> = Vec::new();
    for (at, &byte) in bytes.iter().enumerate() {
        let rest = &bytes[at + 1..];
        let length = match byte {
            b';' => rest.starts_with(b" ").then_some(2),
            b',' => AFTER_COMMA
                .iter()
                .find(|conjunction| rest.starts_with(conjunction.as_bytes()))
                .map(|conjunction| conjunction.len() + 1),
            b' ' => ALONE
                .iter()
                .find(|conjunction| bytes[at..].starts_with(conjunction.as_bytes()))
                .map(|conjunction| conjunction.len()),
            _ => None,
        };
        if let Some(length) = length {
            cuts.push(Span::new(at, at + length));
        }
    }
    cuts.sort_by_key(|cut| (cut.start, std::cmp::Reverse(cut.end)));
    let mut result = Vec::new();
    let mut start = 0;
    for cut in cuts {
        // A bare conjunction inside a comma's separator (", while ") is part of it.
        if cut.start < start {
            continue;
        }
        if cut.start > start {
            result.push(Span::new(start, cut.start));
        }
        start = cut.end;
    }
    if start < lower.len() {
        result.push(Span::new(start, lower.len()));
    }
    result
}

/// Every form of an English verb lemma, for trigger tables written as lemmas: "sign" →
/// "sign", "signs", "signed", "signing"; a particle stays after the verb ("break off" →
/// "broke off"). Irregular verbs the rules need are listed.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    const IRREGULAR: &[(&str, &[&str])] = &[
        ("break", &["break", "breaks", "broke", "broken", "breaking"]),
        ("cut", &["cut", "cuts", "cutting"]),
        ("have", &["have", "has", "had", "having"]),
        ("begin", &["begin", "begins", "began", "begun", "beginning"]),
        ("pay", &["pay", "pays", "paid", "paying"]),
        (
            "transfer",
            &["transfer", "transfers", "transferred", "transferring"],
        ),
        ("make", &["make", "makes", "made", "making"]),
        (
            "undertake",
            &[
                "undertake",
                "undertakes",
                "undertook",
                "undertaken",
                "undertaking",
            ],
        ),
        (
            "initial",
            &[
                "initial",
                "initials",
                "initialled",
                "initialed",
                "initialling",
            ],
        ),
    ];
    let (verb, particle) = match lemma.split_once(' ') {
        Some((verb, rest)) => (verb, format!(" {rest}")),
        None => (lemma, String::new()),
    };
    let forms: Vec<String> = match IRREGULAR.iter().find(|(base, _)| *base == verb) {
        Some((_, forms)) => forms.iter().map(|form| (*form).to_owned()).collect(),
        None if verb
            .strip_suffix('y')
            .is_some_and(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u'])) =>
        {
            let stem = &verb[..verb.len() - 1];
            vec![
                verb.to_owned(),
                format!("{stem}ies"),
                format!("{stem}ied"),
                format!("{verb}ing"),
            ]
        }
        None => {
            let stem = verb.strip_suffix('e').unwrap_or(verb);
            let third = if verb.ends_with("sh") || verb.ends_with('s') {
                format!("{verb}es")
            } else {
                format!("{verb}s")
            };
            vec![
                verb.to_owned(),
                third,
                format!("{stem}ed"),
                format!("{stem}ing"),
            ]
        }
    };
    forms.into_iter().map(|form| form + &particle).collect()
}

/// The past participle of a verb lemma: "establish" → "established", "break off" → "broken
/// off", "cut" → "cut".
pub fn past_participle(lemma: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("break", "broken"),
        ("cut", "cut"),
        ("have", "had"),
        ("begin", "begun"),
    ];
    let (verb, particle) = match lemma.split_once(' ') {
        Some((verb, rest)) => (verb, format!(" {rest}")),
        None => (lemma, String::new()),
    };
    let participle = match IRREGULAR.iter().find(|(base, _)| *base == verb) {
        Some((_, participle)) => (*participle).to_owned(),
        None => verb_forms(verb).swap_remove(2),
    };
    participle + &particle
}

/// A phrase table built once from lemmas and kept for the program's life, so that it can be
/// searched like a written-out list (see [`Lowered::find_any`]).
pub fn leak_phrases(phrases: Vec<String>) -> Vec<&'static str> {
    phrases.into_iter().map(|phrase| &*phrase.leak()).collect()
}

/// Number words and digits as counts: "five" → 5, "3" → 3.
pub fn count_word(word: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(index) = WORDS.iter().position(|candidate| *candidate == lower) {
        return u32::try_from(index).ok();
    }
    match lower.as_str() {
        "twice" => Some(2),
        "a dozen" | "dozen" => Some(12),
        _ => lower.parse().ok().filter(|&n| n > 0 && n < 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_entries_are_found_in_the_plural() {
        assert_eq!(plural("embassy"), "embassies");
        assert_eq!(plural("treaty"), "treaties");
        assert_eq!(plural("survey"), "surveys");
        assert_eq!(plural("high commission"), "high commissions");
        let lexicon = Lexicon::new(&[("embassy", 1), ("trade office", 2)]);
        let lower = "embassies and trade offices opened; the embassy too";
        let found: Vec<(&str, i32)> = lexicon
            .find(lower, Span::new(0, lower.len()))
            .into_iter()
            .map(|(span, value)| (&lower[span.start..span.end], value))
            .collect();
        assert_eq!(
            found,
            [("embassies", 1), ("trade offices", 2), ("embassy", 1)]
        );
    }

    /// The word filter only skips searches that could not match: on every span, cut at word
    /// edges or inside words, the filtered search finds exactly what the plain one finds.
    #[test]
    fn filtered_searches_find_what_plain_searches_find() {
        const LISTS: &[&[&str]] = &[
            &["state visit", "official visit", "visited"],
            &["re-established", "broke off relations", "relations between"],
            &["embassy", "consulate-general", "opened"],
            &["; ", ", and "],
            &["hà nội", "côte d'ivoire"],
        ];
        let sentences = [
            "The president visited Hanoi on an official visit; relations between them grew.",
            "They re-established ties, and the consulate-general opened in Hà Nội in 1999.",
            "A state visitor broke off relationships; the embassy's staff left Côte d'Ivoire.",
        ];
        for sentence in sentences {
            let lower = Lowered::new(sentence);
            let edges: Vec<usize> = (0..=lower.len())
                .filter(|at| lower.is_char_boundary(*at))
                .collect();
            for &start in &edges {
                for &end in edges.iter().filter(|end| **end >= start) {
                    let span = Span::new(start, end);
                    for list in LISTS {
                        assert_eq!(
                            lower.find_every(list, span),
                            find_every(&lower, list, span),
                            "{list:?} in {:?}",
                            &lower[start..end]
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn finds_bounded_phrases_only() {
        let lower = "the visit visited a revisit. visit";
        let found: Vec<_> = find_all(lower, "visit")
            .into_iter()
            .map(|span| span.start)
            .collect();
        assert_eq!(found, [4, 29]);
        assert!(has_any(lower, &["revisit"], Span::new(0, lower.len())));
        assert!(!has_any(lower, &["revisit"], Span::new(0, 10)));
    }

    #[test]
    fn splits_clauses_at_conjunctions() {
        let lower = "a went to b in 1954, and c followed in 1968; d stayed";
        let parts: Vec<_> = clauses(lower)
            .into_iter()
            .map(|span| &lower[span.start..span.end])
            .collect();
        assert_eq!(
            parts,
            ["a went to b in 1954", "c followed in 1968", "d stayed"]
        );
        let lower = "a signed, while b waited while c left; ; d, followed by e,and f";
        let parts: Vec<_> = clauses(lower)
            .into_iter()
            .map(|span| &lower[span.start..span.end])
            .collect();
        assert_eq!(parts, ["a signed", "b waited", "c left", "d", "e,and f"]);
    }

    #[test]
    fn verb_lemmas_give_every_form() {
        assert_eq!(verb_forms("sign"), ["sign", "signs", "signed", "signing"]);
        assert_eq!(
            verb_forms("conclude"),
            ["conclude", "concludes", "concluded", "concluding"]
        );
        assert_eq!(
            verb_forms("establish"),
            ["establish", "establishes", "established", "establishing"]
        );
        assert_eq!(
            verb_forms("ratify"),
            ["ratify", "ratifies", "ratified", "ratifying"]
        );
        assert_eq!(
            verb_forms("break off"),
            [
                "break off",
                "breaks off",
                "broke off",
                "broken off",
                "breaking off"
            ]
        );
    }

    #[test]
    fn participles_of_lemmas() {
        assert_eq!(past_participle("establish"), "established");
        assert_eq!(past_participle("sever"), "severed");
        assert_eq!(past_participle("normalise"), "normalised");
        assert_eq!(past_participle("break off"), "broken off");
        assert_eq!(past_participle("cut off"), "cut off");
    }

    #[test]
    fn counts_words() {
        assert_eq!(count_word("Five"), Some(5));
        assert_eq!(count_word("twice"), Some(2));
        assert_eq!(count_word("12"), Some(12));
        assert_eq!(count_word("1992"), None);
        assert_eq!(count_word("several"), None);
    }
}
