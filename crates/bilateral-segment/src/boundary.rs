//! Where sentences end in a block of text: at `.`, `!`, `?` (and the full-width `。！？`),
//! with any closing quotes or brackets, before whitespace and a letter that can start a
//! sentence; but not after an abbreviation, an initial or a dotted acronym inside a sentence.
//! No sentence is longer than [`MAX_SENTENCE_BYTES`]: a longer run without an end is cut at
//! its last space before the limit, so the work of later stages per sentence stays bounded.

/// Characters that may close a sentence after its final punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '」', '』', '）'];

/// Characters that may open a sentence before its first letter.
const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '(', '[', '«', '„', '¿', '¡', '「', '『',
];

const TERMINATORS: &[char] = &['.', '!', '?', '。', '！', '？'];

/// The longest sentence, in bytes. Real sentences stay far below it (the longest in the
/// answer-key articles has under 600 bytes); a longer run of text without a sentence end (a
/// flattened table, a hostile page) is cut into pieces of at most this length, so the
/// recognisers and rules, which look at a sentence as a whole, do bounded work per piece and
/// linear work per document.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// How an abbreviation behaves before a capitalised word.
#[derive(Clone, Copy)]
enum Abbreviation {
    /// A title or a word that needs a complement: never ends a sentence.
    Title,
    /// `No.`, `Nos.`: an abbreviation only before a number ("No. 1"), else a word ("said no.").
    BeforeNumber,
    /// Often ends a sentence ("... Ltd. The deal"): ends one before a sentence opener.
    MayEnd,
}

/// Abbreviations without their final period. Entries in lower case also match with a
/// capital first letter ("Vol.").
const ABBREVIATIONS: &[(&str, Abbreviation)] = {
    use Abbreviation::{BeforeNumber, MayEnd, Title};
    &[
        ("Mr", Title),
        ("Mrs", Title),
        ("Ms", Title),
        ("Dr", Title),
        ("Gen", Title),
        ("Lt", Title),
        ("Col", Title),
        ("Maj", Title),
        ("Brig", Title),
        ("Adm", Title),
        ("Sgt", Title),
        ("Capt", Title),
        ("Cmdr", Title),
        ("Gov", Title),
        ("Sen", Title),
        ("Rep", Title),
        ("Pres", Title),
        ("Prof", Title),
        ("Rev", Title),
        ("Hon", Title),
        ("Fr", Title),
        ("Mt", Title),
        ("Ft", Title),
        ("vol", Title),
        ("vols", Title),
        ("pp", Title),
        ("p", Title),
        ("ed", Title),
        ("eds", Title),
        ("e.g", Title),
        ("i.e", Title),
        ("vs", Title),
        ("cf", Title),
        ("approx", Title),
        ("c", Title),
        ("ca", Title),
        ("No", BeforeNumber),
        ("Nos", BeforeNumber),
        ("no", BeforeNumber),
        ("St", MayEnd),
        ("Sr", MayEnd),
        ("Jr", MayEnd),
        ("etc", MayEnd),
        ("al", MayEnd),
        ("Inc", MayEnd),
        ("Ltd", MayEnd),
        ("Co", MayEnd),
        ("Corp", MayEnd),
        ("Bros", MayEnd),
        ("Jan", MayEnd),
        ("Feb", MayEnd),
        ("Mar", MayEnd),
        ("Apr", MayEnd),
        ("Jun", MayEnd),
        ("Jul", MayEnd),
        ("Aug", MayEnd),
        ("Sep", MayEnd),
        ("Sept", MayEnd),
        ("Oct", MayEnd),
        ("Nov", MayEnd),
        ("Dec", MayEnd),
    ]
};

/// Words that commonly open a sentence: after an abbreviation that may end one, they mark
/// the end ("... to the U.S. The next ...").
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "In",
    "On",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "This",
    "That",
    "These",
    "Those",
    "During",
    "After",
    "Before",
    "Since",
    "When",
    "While",
    "But",
    "However",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "We",
    "As",
    "At",
    "By",
    "For",
    "From",
    "Following",
    "Later",
    "Both",
];

/// The sentences of `text`, as byte ranges without surrounding whitespace, in order.
pub(crate) fn sentence_spans(text: &str) -> SentenceSpans<'_> {
    SentenceSpans { text, position: 0 }
}

pub(crate) struct SentenceSpans<'a> {
    text: &'a str,
    position: usize,
}

impl Iterator for SentenceSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let rest = text.get(self.position..)?;
        let start = text.len() - rest.trim_start().len();
        if start >= text.len() {
            self.position = text.len();
            return None;
        }
        let bytes = text.as_bytes();
        let limit = start.saturating_add(MAX_SENTENCE_BYTES);
        let mut index = start;
        while index < bytes.len() {
            if index >= limit {
                let end = cut_before(text, start, limit);
                self.position = end;
                return Some((start, start + text.get(start..end)?.trim_end().len()));
            }
            let Some(terminator_len) = terminator_at(bytes, index) else {
                index += 1;
                continue;
            };
            if let Some(end) = boundary_after(text, start, index, terminator_len) {
                self.position = end;
                return Some((start, end));
            }
            // The marks of a run share what follows them, so when one ends nothing, neither
            // do the marks after it, save a full-width mark after an ASCII one (it needs no
            // space after it). Skipping them keeps a run like "!!!!…" linear.
            index += terminator_len;
            while let Some(len) = terminator_at(bytes, index)
                && (len == 1 || terminator_len > 1)
            {
                index += len;
            }
        }
        self.position = text.len();
        Some((start, start + text.get(start..)?.trim_end().len()))
    }
}

/// Where a sentence longer than the limit is cut: after its last whitespace before `limit`,
/// or at the character boundary at or before `limit` when the run has no whitespace.
fn cut_before(text: &str, start: usize, limit: usize) -> usize {
    let mut boundary = limit.min(text.len());
    while !text.is_char_boundary(boundary) {
        boundary -= 1;
    }
    match text
        .get(start..boundary)
        .and_then(|run| run.rfind(char::is_whitespace))
    {
        Some(space) if space > 0 => start + space,
        _ => boundary,
    }
}

/// The length of the sentence-ending mark at `index`, if one starts there.
fn terminator_at(bytes: &[u8], index: usize) -> Option<usize> {
    // Lead bytes and ASCII never occur inside another character's encoding, so a byte scan
    // finds terminators without decoding.
    let len = match bytes.get(index)? {
        b'.' | b'!' | b'?' => 1,
        0xE3 | 0xEF => full_width_terminator_len(bytes.get(index..).unwrap_or(&[])),
        _ => 0,
    };
    (len > 0).then_some(len)
}

fn full_width_terminator_len(bytes: &[u8]) -> usize {
    let full_width = ["。", "！", "？"];
    if full_width
        .iter()
        .any(|mark| bytes.starts_with(mark.as_bytes()))
    {
        3
    } else {
        0
    }
}

/// The end of the sentence whose final punctuation starts at `at`, if it ends there.
fn boundary_after(text: &str, start: usize, at: usize, terminator_len: usize) -> Option<usize> {
    let after_terminator = text.get(at + terminator_len..)?;
    let after_run = after_terminator.trim_start_matches(TERMINATORS);
    let lone_period =
        text.as_bytes().get(at) == Some(&b'.') && after_run.len() == after_terminator.len();
    let after_closers = after_run.trim_start_matches(CLOSERS);
    let end = text.len() - after_closers.len();
    let next_text = after_closers.trim_start();
    let next = next_text.chars().next()?;
    if terminator_len > 1 {
        // Full-width punctuation needs no space after it, and the scripts that use it have
        // no capitals.
        return Some(end);
    }
    if next_text.len() == after_closers.len() || !can_start_sentence(next) {
        return None;
    }
    if lone_period && !period_ends_sentence(text.get(start..at)?, next_text) {
        return None;
    }
    Some(end)
}

fn can_start_sentence(ch: char) -> bool {
    (ch.is_alphanumeric() && !ch.is_lowercase()) || OPENERS.contains(&ch)
}

/// Whether a period after `before` (the sentence so far) ends the sentence, given the text
/// that follows it.
fn period_ends_sentence(before: &str, next_text: &str) -> bool {
    let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if last_word.len() == before.len() && last_word.bytes().all(|byte| byte.is_ascii_digit()) {
        // An enumerator at the start of a block: "1. The first point".
        return false;
    }
    let token = last_word.trim_start_matches(OPENERS);
    if token.is_empty() {
        return true;
    }
    match abbreviation(token) {
        Some(Abbreviation::Title) => false,
        Some(Abbreviation::BeforeNumber) => !next_text.starts_with(|c: char| c.is_ascii_digit()),
        Some(Abbreviation::MayEnd) => starts_with_opener(next_text),
        None if is_initial(token) || is_dotted_acronym(token) => starts_with_opener(next_text),
        None => true,
    }
}

fn abbreviation(token: &str) -> Option<Abbreviation> {
    ABBREVIATIONS
        .iter()
        .find(|(entry, _)| *entry == token || is_capitalised(entry, token))
        .map(|&(_, kind)| kind)
}

/// Whether `token` is the lower-case `entry` with a capital first letter.
fn is_capitalised(entry: &str, token: &str) -> bool {
    let (Some((entry_head, entry_tail)), Some((token_head, token_tail))) =
        (entry.split_at_checked(1), token.split_at_checked(1))
    else {
        return false;
    };
    entry_head.bytes().all(|byte| byte.is_ascii_lowercase())
        && entry_head.eq_ignore_ascii_case(token_head)
        && entry_tail == token_tail
}

/// A single capital letter: "J" of "J. Smith".
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Letters in short runs between periods: "U.S", "Ph.D", "J.-P".
fn is_dotted_acronym(token: &str) -> bool {
    token.contains('.')
        && token.split(['.', '-']).all(|run| {
            run.len() <= 6 && run.chars().count() <= 3 && run.chars().all(char::is_alphabetic)
        })
}

/// Whether `text` starts with a word that commonly opens a sentence.
fn starts_with_opener(text: &str) -> bool {
    let word_len = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let (word, after) = text.split_at(word_len);
    !after.starts_with('.') && SENTENCE_OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_spans(text)
            .map(|(start, end)| &text[start..end])
            .collect()
    }

    #[test]
    fn splits_at_sentence_ends() {
        assert_eq!(
            sentences("It rained. Then it snowed! Did it? Yes."),
            ["It rained.", "Then it snowed!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_titles_inside() {
        assert_eq!(
            sentences("Mr. Rao met Gen. Okafor and Prof. Lindqvist at St. Olaf. They talked."),
            [
                "Mr. Rao met Gen. Okafor and Prof. Lindqvist at St. Olaf.",
                "They talked."
            ]
        );
        assert_eq!(
            sentences("See Vol. 2, pp. 10–12, e.g. Chapter 3. Done."),
            ["See Vol. 2, pp. 10–12, e.g. Chapter 3.", "Done."]
        );
        assert_eq!(
            sentences("It was built c. 1900 for Acme Ltd. The firm later failed."),
            [
                "It was built c. 1900 for Acme Ltd.",
                "The firm later failed."
            ]
        );
    }

    #[test]
    fn number_abbreviation_needs_a_number() {
        assert_eq!(
            sentences("Resolution No. 12 passed. He said no. We left."),
            ["Resolution No. 12 passed.", "He said no.", "We left."]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            sentences("J. Smith and Anna-Maria K. Berg signed. Talks ended."),
            ["J. Smith and Anna-Maria K. Berg signed.", "Talks ended."]
        );
        assert_eq!(
            sentences("He fought in World War I. The war ended."),
            ["He fought in World War I.", "The war ended."]
        );
    }

    #[test]
    fn dotted_acronyms_end_sentences_only_before_openers() {
        assert_eq!(
            sentences(
                "Ties with the U.S. and Japan grew. Aid went to the U.S. The next year it fell."
            ),
            [
                "Ties with the U.S. and Japan grew.",
                "Aid went to the U.S.",
                "The next year it fell."
            ]
        );
        assert_eq!(
            sentences("The U.N. Security Council met."),
            ["The U.N. Security Council met."]
        );
    }

    #[test]
    fn numbers_and_decimals_stay_whole() {
        assert_eq!(
            sentences("Trade grew 3.5 percent in 1992. 1993 was worse."),
            ["Trade grew 3.5 percent in 1992.", "1993 was worse."]
        );
        assert_eq!(sentences("1. The first point."), ["1. The first point."]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said \"we agree.\" Then he left. (It was late.) \"Next,\" she said."),
            [
                "He said \"we agree.\"",
                "Then he left.",
                "(It was late.)",
                "\"Next,\" she said."
            ]
        );
        assert_eq!(
            sentences("They called it “a new era.” Trade rose."),
            ["They called it “a new era.”", "Trade rose."]
        );
    }

    #[test]
    fn lower_case_after_a_period_continues() {
        assert_eq!(
            sentences("The figure (approx. half) rose etc. and fell."),
            ["The figure (approx. half) rose etc. and fell."]
        );
    }

    #[test]
    fn a_block_without_final_punctuation_is_one_sentence() {
        assert_eq!(
            sentences("  The embassy in Hanoi  "),
            ["The embassy in Hanoi"]
        );
        assert_eq!(
            sentences("One. Two without end"),
            ["One.", "Two without end"]
        );
        assert!(sentences("").is_empty());
        assert!(sentences("   ").is_empty());
    }

    #[test]
    fn multibyte_text() {
        assert_eq!(
            sentences("Die Gespräche in Ülan-Bator endeten. Österreich folgte."),
            ["Die Gespräche in Ülan-Bator endeten.", "Österreich folgte."]
        );
        assert_eq!(
            sentences("両国は国交を樹立した。大使館が開設された！"),
            ["両国は国交を樹立した。", "大使館が開設された！"]
        );
        assert_eq!(
            sentences("Посольство открыто. Дипломаты прибыли."),
            ["Посольство открыто.", "Дипломаты прибыли."]
        );
    }

    #[test]
    fn ellipses_and_runs_of_marks() {
        assert_eq!(
            sentences("Really?! Yes... And then it ended."),
            ["Really?!", "Yes...", "And then it ended."]
        );
    }

    #[test]
    fn a_run_without_an_end_is_cut_at_spaces_below_the_limit() {
        let text = "trade grew and ".repeat(1000);
        let pieces = sentences(&text);
        assert!(pieces.len() >= 4, "{} pieces", pieces.len());
        assert!(pieces.iter().all(|piece| piece.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces.iter().all(|piece| piece.ends_with("and")));
        assert_eq!(
            pieces.concat().len() + pieces.len() - 1,
            text.trim_end().len()
        );
    }

    #[test]
    fn a_run_without_spaces_is_cut_at_character_boundaries() {
        let text = "ü".repeat(5000);
        let pieces = sentences(&text);
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|piece| piece.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn runs_of_marks_keep_their_meaning() {
        assert_eq!(sentences("Wait.。次だ"), ["Wait.。", "次だ"]);
        assert_eq!(sentences("Stop!!! Go."), ["Stop!!!", "Go."]);
        assert_eq!(sentences(&"!".repeat(10_000)).concat().len(), 10_000);
    }
}
