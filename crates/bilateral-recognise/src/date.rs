//! Dates in the forms articles write them, normalised with their precision: "26 January
//! 1992", "January 26, 1992", "1992-01-26", "26.01.1992", "the 1990s", "early 2004", ranges
//! such as "28–29 August 2006", "April–June 1982" and "2004–05", and days or months whose
//! year (or month) comes from the sentences before, through a [`DateContext`].
//!
//! The scanner is written by hand over a light tokenisation (words, numbers, punctuation)
//! because it runs on every sentence of whole dumps; the quantity recogniser shares that
//! tokenisation. A bare four-digit number is a year unless what surrounds it says it is a
//! count, a page or part of a code: "in 1500" is a year, "1948 kilometres", "pp. 1990–1995"
//! and "ISBN 978-1-2345-1990-2" are not.

use bilateral_model::date::MONTH_NAMES;
use bilateral_model::{PartialDate, Span};

/// A date expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the text searched, including words that qualify the date ("early",
    /// "mid-", "the spring of") but not prepositions ("in", "on", "from").
    pub span: Span,
    pub start: PartialDate,
    /// The last day, month, year or decade of a range.
    pub end: Option<PartialDate>,
    /// Qualified as inexact: "around", "about", "c.", "early", "late", "mid-", a season.
    pub approximate: bool,
}

/// What earlier sentences said about when: lets "on 18 November" and "on the 25th" be
/// dated. `Default` knows nothing, and then such mentions are not reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateContext {
    pub year: Option<i32>,
    pub month: Option<u8>,
}

/// Every date expression in `text`, in order and not overlapping.
pub fn find_dates(text: &str, context: &DateContext) -> Vec<DateMention> {
    find_dates_in(&tokenize(text), context)
}

/// [`find_dates`] over a text already cut into tokens.
pub(crate) fn find_dates_in(tokens: &Tokens, context: &DateContext) -> Vec<DateMention> {
    Scanner {
        tokens,
        lenient: false,
    }
    .mentions(context)
}

/// The whole (trimmed) text as one date: "14 May 2024", "May 14, 2024", "2023-05-01",
/// "January 2020", "2011", "c. 1500". Month names may be in any case. For a range ("May–June
/// 2010", "2004–2005") this is its start. `None` when the text is anything more or less than
/// a date, or a day or month without a year.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim().trim_end_matches(['.', ',']).trim_end();
    let tokens = tokenize(text);
    let mentions = Scanner {
        tokens: &tokens,
        lenient: true,
    }
    .mentions(&DateContext::default());
    match mentions.as_slice() {
        [only] if only.span == Span::new(0, text.len()) => Some(only.start),
        _ => None,
    }
}

/// English month names, full or abbreviated to three letters ("Sept" too), in any case, with
/// or without a final period: "March", "mar", "Sept." → 3, 3, 9.
pub fn month_from_name(word: &str) -> Option<u8> {
    let word = word.strip_suffix('.').unwrap_or(word);
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .zip(1u8..)
        .find(|(name, _)| {
            name.eq_ignore_ascii_case(word)
                || (word.len() == 3
                    && name
                        .get(..3)
                        .is_some_and(|head| head.eq_ignore_ascii_case(word)))
        })
        .map(|(_, number)| number)
}

// ---------------------------------------------------------------------------------------
// Tokens, shared with the quantity recogniser.
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, in any script.
    Word,
    /// ASCII digits, with inner groupings ("15,735") and decimal or date dots ("1.5",
    /// "26.01.1992").
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    pub span: Span,
    /// No white space between this token and the one before.
    pub glued: bool,
}

/// A text cut into tokens, with look-ups that answer `false`/`None` past either end.
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub list: Vec<Token>,
}

pub(crate) fn tokenize(text: &str) -> Tokens<'_> {
    let bytes = text.as_bytes();
    let mut list = Vec::with_capacity(text.len() / 5);
    let mut index = 0;
    let mut glued = false;
    while let Some(&byte) = bytes.get(index) {
        let start = index;
        let kind = if byte.is_ascii_whitespace() {
            index += 1;
            glued = false;
            continue;
        } else if byte.is_ascii_digit() {
            index = number_end(bytes, index);
            Kind::Number
        } else if byte.is_ascii_alphabetic() {
            index = word_end(text, index);
            Kind::Word
        } else if byte.is_ascii() {
            index += 1;
            Kind::Punct
        } else {
            let ch = text
                .get(index..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or(' ');
            if ch.is_whitespace() {
                index += ch.len_utf8();
                glued = false;
                continue;
            }
            if ch.is_alphabetic() {
                index = word_end(text, index);
                Kind::Word
            } else {
                index += ch.len_utf8();
                Kind::Punct
            }
        };
        list.push(Token {
            kind,
            span: Span::new(start, index),
            glued,
        });
        glued = true;
    }
    Tokens { text, list }
}

/// Digits, taking in a comma before exactly three digits ("15,735") and a period before a
/// digit ("1.5", "26.01.1992").
fn number_end(bytes: &[u8], mut index: usize) -> usize {
    let is_digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    while index < bytes.len() {
        if is_digit(index) {
            index += 1;
        } else if bytes.get(index) == Some(&b',')
            && (1..=3).all(|offset| is_digit(index + offset))
            && !is_digit(index + 4)
        {
            index += 4;
        } else if bytes.get(index) == Some(&b'.') && is_digit(index + 1) {
            index += 2;
        } else {
            break;
        }
    }
    index
}

fn word_end(text: &str, start: usize) -> usize {
    let mut index = start;
    while let Some(&byte) = text.as_bytes().get(index) {
        // ASCII is tested byte by byte; only other characters are decoded.
        let (alphabetic, width) = if byte.is_ascii() {
            (byte.is_ascii_alphabetic(), 1)
        } else {
            let ch = text.get(index..).and_then(|rest| rest.chars().next());
            (
                ch.is_some_and(char::is_alphabetic),
                ch.map_or(1, char::len_utf8),
            )
        };
        if !alphabetic {
            return index;
        }
        index += width;
    }
    text.len()
}

pub(crate) const DASHES: &[char] = &['-', '–', '—', '‐', '‑', '‒', '−'];

impl<'a> Tokens<'a> {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn kind(&self, index: usize) -> Option<Kind> {
        self.list.get(index).map(|token| token.kind)
    }

    pub fn span(&self, index: usize) -> Option<Span> {
        self.list.get(index).map(|token| token.span)
    }

    /// The token's text; empty past either end.
    pub fn str(&self, index: usize) -> &'a str {
        self.list
            .get(index)
            .and_then(|token| self.text.get(token.span.start..token.span.end))
            .unwrap_or("")
    }

    /// Token `index` touches the token before it.
    pub fn glued(&self, index: usize) -> bool {
        self.list.get(index).is_some_and(|token| token.glued)
    }

    pub fn is_word(&self, index: usize, word: &str) -> bool {
        self.kind(index) == Some(Kind::Word) && self.str(index).eq_ignore_ascii_case(word)
    }

    pub fn word_in(&self, index: usize, words: &[&str]) -> bool {
        if self.kind(index) != Some(Kind::Word) {
            return false;
        }
        let token = self.str(index);
        // Lengths differ for most pairs, and comparing them first is a single test.
        words
            .iter()
            .any(|word| word.len() == token.len() && word.eq_ignore_ascii_case(token))
    }

    pub fn punct(&self, index: usize) -> Option<char> {
        if self.kind(index) == Some(Kind::Punct) {
            self.str(index).chars().next()
        } else {
            None
        }
    }

    pub fn is_punct(&self, index: usize, ch: char) -> bool {
        self.punct(index) == Some(ch)
    }

    pub fn is_dash(&self, index: usize) -> bool {
        self.punct(index).is_some_and(|ch| DASHES.contains(&ch))
    }

    /// The token's text when it is a number made of digits only.
    pub fn digits(&self, index: usize) -> Option<&'a str> {
        let text = self.str(index);
        (self.kind(index) == Some(Kind::Number) && text.bytes().all(|byte| byte.is_ascii_digit()))
            .then_some(text)
    }

    /// The end of a run of numbers joined by dashes with no space ("978-601-273-091-3",
    /// "1992-01-26"): the token after it, and how many numbers it holds.
    pub fn number_chain(&self, start: usize) -> (usize, usize) {
        let mut end = start + 1;
        let mut count = 1;
        while self.is_dash(end)
            && self.glued(end)
            && self.kind(end + 1) == Some(Kind::Number)
            && self.glued(end + 1)
        {
            end += 2;
            count += 1;
        }
        (end, count)
    }

    /// A number written where it names a page, an issue, a code or a model rather than a
    /// quantity or a year: after "p.", "pp.", "ISBN", "No.", a currency sign, letters
    /// ("G20", "A380") or a word and a hyphen ("F-16").
    pub fn is_reference_number(&self, index: usize) -> bool {
        let before = index.wrapping_sub(1);
        if self.glued(index) {
            match self.kind(before) {
                Some(Kind::Word) => return true,
                Some(Kind::Punct) => {
                    let word = before.wrapping_sub(1);
                    // "F-16" is a code; the "s" of "1980s–1990s" is not a word.
                    let joined_to_word = self.glued(before)
                        && self.kind(word) == Some(Kind::Word)
                        && !(self.glued(word)
                            && self.kind(word.wrapping_sub(1)) == Some(Kind::Number));
                    if self.is_dash(before) {
                        return joined_to_word
                            && !self.word_in(before.wrapping_sub(1), HYPHEN_PREFIXES);
                    }
                    if self
                        .punct(before)
                        .is_some_and(|ch| GLUED_CODE_MARKS.contains(&ch))
                    {
                        return true;
                    }
                }
                _ => {}
            }
        }
        if self.punct(before).is_some_and(is_currency_sign) {
            return true;
        }
        // "p. 313", "No. 5", "pp 12–40", "ISBN 9780…", "Resolution 1973".
        let marker = if self.is_punct(before, '.') {
            before.wrapping_sub(1)
        } else {
            before
        };
        self.word_in(marker, REFERENCE_MARKERS)
            || (self.is_punct(before, '.') && self.word_in(marker, ABBREVIATED_MARKERS))
    }
}

/// Currency signs: a number right after one is money.
pub(crate) fn is_currency_sign(ch: char) -> bool {
    matches!(
        ch,
        '$' | '€'
            | '£'
            | '¥'
            | '₩'
            | '₹'
            | '₽'
            | '₺'
            | '₴'
            | '₦'
            | '₱'
            | '₸'
            | '฿'
            | '₪'
    )
}

/// Punctuation that, touching a number before it, makes it a code, a time or a fraction.
const GLUED_CODE_MARKS: &[char] = &['#', '№', '§', '+', '/', ':', '.', ',', '@', '_'];

/// Words joined by a hyphen to a year that leave it a year: "mid-1990s", "post-2008".
const HYPHEN_PREFIXES: &[&str] = &["mid", "pre", "post", "early", "late", "circa"];

/// Words after which a number is a reference, not a year or a count.
const REFERENCE_MARKERS: &[&str] = &[
    "page",
    "pages",
    "pp",
    "volume",
    "issue",
    "isbn",
    "issn",
    "chapter",
    "section",
    "article",
    "doi",
    "resolution",
    "figure",
    "table",
    "route",
    "flight",
    "number",
    "no",
    "nos",
    "nr",
];

/// Abbreviations that make a reference marker only with their period ("p. 313", "vol. 4").
const ABBREVIATED_MARKERS: &[&str] = &["p", "vol", "vols", "ch", "sec", "art", "fig", "ed"];

// ---------------------------------------------------------------------------------------
// The date scanner.
// ---------------------------------------------------------------------------------------

/// Nouns that make a number before them a count: "1948 kilometres", "2000 soldiers".
pub(crate) const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "men",
    "women",
    "children",
    "students",
    "workers",
    "employees",
    "members",
    "residents",
    "inhabitants",
    "citizens",
    "nationals",
    "tourists",
    "visitors",
    "refugees",
    "prisoners",
    "migrants",
    "immigrants",
    "emigrants",
    "pilgrims",
    "deaths",
    "dead",
    "casualties",
    "victims",
    "families",
    "households",
    "units",
    "vehicles",
    "tanks",
    "aircraft",
    "planes",
    "ships",
    "vessels",
    "cars",
    "trucks",
    "tons",
    "tonnes",
    "kilometres",
    "kilometers",
    "km",
    "miles",
    "metres",
    "meters",
    "m",
    "hectares",
    "ha",
    "acres",
    "feet",
    "ft",
    "kg",
    "kilograms",
    "barrels",
    "copies",
    "pages",
    "words",
    "votes",
    "seats",
    "delegates",
    "participants",
    "officers",
    "police",
    "personnel",
    "staff",
    "jobs",
    "companies",
    "firms",
    "enterprises",
    "businesses",
    "projects",
    "scholarships",
    "teachers",
    "doctors",
    "nurses",
    "beds",
    "houses",
    "homes",
    "buildings",
    "apartments",
    "cases",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "square",
    "dollars",
    "euros",
    "yen",
    "yuan",
    "rupees",
    "won",
    "baht",
    "roubles",
    "rubles",
    "pesos",
    "francs",
    "kroner",
    "kronor",
    "tenge",
    "lira",
    "marks",
    "pounds",
    "percent",
    "per",
    "times",
    "horses",
    "cattle",
    "sheep",
    "head",
    "guns",
    "rifles",
    "missiles",
    "items",
    "books",
    "volumes",
    "titles",
    "films",
    "applicants",
    "graduates",
    "descendants",
    "speakers",
    "sailors",
    "settlers",
    "workers",
    "volunteers",
    "fighters",
    "scholars",
    "experts",
    "specialists",
    "engineers",
    "officials",
    "diplomats",
    "passengers",
    "flights",
    "km²",
    "mi²",
    "sq",
];

/// Words after which a bare number is a year even when a plural noun follows ("in 2015 talks
/// began"): prepositions of time and determiners of an adjectival year ("the 2016 census").
const YEAR_LEADS: &[&str] = &[
    "in",
    "since",
    "from",
    "until",
    "till",
    "by",
    "of",
    "during",
    "year",
    "before",
    "after",
    "between",
    "through",
    "throughout",
    "circa",
    "to",
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "this",
    "that",
    "whose",
    "our",
    "fiscal",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words after which a number is a count: "more than 1500", "some 2000".
const COUNT_LEADS: &[&str] = &[
    "than",
    "some",
    "nearly",
    "almost",
    "over",
    "under",
    "only",
    "just",
    "total",
    "totalling",
    "totaling",
    "estimated",
    "approximately",
    "roughly",
    "least",
    "exactly",
];

/// Words after which a lone capitalised month is a month: "in May", "by early March".
const MONTH_LEADS: &[&str] = &[
    "in",
    "during",
    "by",
    "since",
    "until",
    "till",
    "from",
    "of",
    "early",
    "late",
    "mid",
    "through",
    "throughout",
    "before",
    "after",
];

/// Modifiers that make a date approximate when written before it.
const APPROXIMATE_LEADS: &[&str] = &["around", "about", "approximately", "roughly", "circa"];
const PERIOD_LEADS: &[&str] = &["early", "late", "mid"];
const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];
const PART_OF: &[&str] = &["beginning", "start", "end", "middle", "turn"];

const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Words that may follow a date ending a phrase: "on the 25th he left", "around 1900 the
/// town grew"; after a number, other words are what it counts.
const FUNCTION_WORDS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "the", "a", "an", "and", "but", "when", "while", "at",
    "in", "on", "with", "by", "as", "to", "after", "before", "both", "there", "his", "her",
    "their", "its", "was", "were", "had", "for", "from", "that", "this",
];

/// Words that never make a bare number before them a count although they end in "s".
const NOT_PLURALS: &[&str] = &[
    "this",
    "thus",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "whereas",
    "across",
    "unless",
    "besides",
    "various",
    "previous",
    "numerous",
    "its",
    "his",
    "has",
    "was",
    "as",
    "is",
    "us",
    "yes",
    "plus",
    "less",
    "whereupon",
];

/// A date as written, before a missing year is borrowed or taken from the context.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Point {
    decade: bool,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// Which parts a [`Point`] has: decides which points can make a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Decade,
    Year,
    Month,
    MonthYear,
    Day,
    DayMonth,
    DayMonthYear,
    Other,
}

impl Point {
    fn shape(&self) -> Shape {
        match (self.decade, self.year, self.month, self.day) {
            (true, Some(_), None, None) => Shape::Decade,
            (false, Some(_), None, None) => Shape::Year,
            (false, None, Some(_), None) => Shape::Month,
            (false, Some(_), Some(_), None) => Shape::MonthYear,
            (false, None, None, Some(_)) => Shape::Day,
            (false, None, Some(_), Some(_)) => Shape::DayMonth,
            (false, Some(_), Some(_), Some(_)) => Shape::DayMonthYear,
            _ => Shape::Other,
        }
    }

    fn date(&self) -> Option<PartialDate> {
        let year = self.year?;
        match (self.decade, self.month, self.day) {
            (true, None, None) => Some(PartialDate::Decade(year)),
            (false, None, None) => Some(PartialDate::Year(year)),
            (false, Some(month), None) => PartialDate::month(year, month).ok(),
            (false, Some(month), Some(day)) => PartialDate::day(year, month, day).ok(),
            _ => None,
        }
    }

    /// Orders points of the same shape; years may be missing on both.
    fn key(&self) -> (Option<i32>, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

/// A mention before missing years are filled in.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// First and one-past-last token.
    first: usize,
    last: usize,
    start: Point,
    end: Option<Point>,
    approximate: bool,
}

struct Scanner<'t, 'a> {
    tokens: &'t Tokens<'a>,
    /// Whole-string parsing: month names in any case.
    lenient: bool,
}

impl Scanner<'_, '_> {
    fn mentions(&self, context: &DateContext) -> Vec<DateMention> {
        let mut candidates = self.candidates(context);
        self.borrow_years(&mut candidates);
        candidates
            .iter()
            .filter(|candidate| !self.names_an_event(candidate))
            .filter_map(|candidate| self.finish(candidate, context))
            .collect()
    }

    /// "the 25 April Revolution", "the 14 July Revolution": a day and month with no year,
    /// after "the" and before a capitalised word, name an event rather than date one.
    fn names_an_event(&self, candidate: &Candidate) -> bool {
        let tokens = self.tokens;
        let text = tokens.text;
        let written = |index: usize| {
            tokens
                .list
                .get(index)
                .and_then(|token| text.get(token.span.start..token.span.end))
        };
        let has_year = (candidate.first..candidate.last)
            .filter_map(written)
            .any(|word| word.len() == 4 && word.bytes().all(|byte| byte.is_ascii_digit()));
        let after_the = candidate
            .first
            .checked_sub(1)
            .and_then(written)
            .is_some_and(|word| word.eq_ignore_ascii_case("the"));
        let before_name = written(candidate.last).is_some_and(|word| {
            word.starts_with(|ch: char| ch.is_uppercase())
                && self.month_at(candidate.last).is_none()
        });
        !has_year && after_the && before_name
    }

    fn candidates(&self, context: &DateContext) -> Vec<Candidate> {
        let tokens = self.tokens;
        let mut found: Vec<Candidate> = Vec::new();
        let mut index = 0;
        let mut floor = 0;
        while index < tokens.len() {
            let next = match tokens.kind(index) {
                Some(Kind::Number) => self.at_number(index, floor, found.last(), context),
                Some(Kind::Word) if self.month_at(index).is_some() => {
                    self.at_anchor(index, floor, found.last()).ok_or(index + 1)
                }
                _ => Err(index + 1),
            };
            match next {
                Ok(candidate) => {
                    index = candidate.last;
                    floor = candidate.last;
                    found.push(candidate);
                }
                Err(skip_to) => index = skip_to.max(index + 1),
            }
        }
        found
    }

    /// A candidate starting at a number, or the index to resume scanning from.
    fn at_number(
        &self,
        index: usize,
        floor: usize,
        previous: Option<&Candidate>,
        context: &DateContext,
    ) -> Result<Candidate, usize> {
        let tokens = self.tokens;
        let (chain_end, chain_count) = tokens.number_chain(index);
        if tokens.is_reference_number(index) {
            // Skip a page range or an ISBN whole.
            let after = if chain_count == 1 && tokens.is_dash(chain_end) {
                chain_end + 2
            } else {
                chain_end
            };
            return Err(after);
        }
        let simple = |point: Point, last: usize| Candidate {
            first: index,
            last,
            start: point,
            end: None,
            approximate: false,
        };
        if let Some(candidate) = self.year_first_slashed(index) {
            return Ok(candidate);
        }
        if let Some((point, last)) = self.numeric_date(index) {
            return Ok(simple(point, last));
        }
        match chain_count {
            1 => {}
            2 => {
                if let Some(candidate) = self.year_and_two_digits(index, floor, previous) {
                    return Ok(candidate);
                }
            }
            3 => {
                return self
                    .iso_day(index)
                    .map(|point| simple(point, chain_end))
                    .ok_or(chain_end);
            }
            _ => return Err(chain_end),
        }
        if let Some(candidate) = self.ordinal_day(index, context) {
            return Ok(candidate);
        }
        self.at_anchor(index, floor, previous).ok_or(index + 1)
    }

    /// "26.01.1992" (day first) and "26/01/1992" when the order is plain.
    fn numeric_date(&self, index: usize) -> Option<(Point, usize)> {
        let tokens = self.tokens;
        let text = tokens.str(index);
        let (parts, last): (Vec<&str>, usize) = if text.contains('.') {
            (text.split('.').collect(), index + 1)
        } else if tokens.is_punct(index + 1, '/') && tokens.glued(index + 1) {
            let glued_number = |at: usize| tokens.glued(at) && tokens.digits(at).is_some();
            let slashed = glued_number(index + 2)
                && tokens.is_punct(index + 3, '/')
                && tokens.glued(index + 3)
                && glued_number(index + 4);
            if !slashed {
                return None;
            }
            (
                vec![text, tokens.str(index + 2), tokens.str(index + 4)],
                index + 5,
            )
        } else {
            return None;
        };
        let [first, second, year] = parts.as_slice() else {
            return None;
        };
        if !(1..=2).contains(&first.len()) || !(1..=2).contains(&second.len()) || year.len() != 4 {
            return None;
        }
        let first: u8 = first.parse().ok()?;
        let second: u8 = second.parse().ok()?;
        let year: i32 = year.parse().ok()?;
        // Dots are day-first; slashes only where the order cannot be mistaken.
        let (day, month) = if text.contains('.') || first > 12 || first == second {
            (first, second)
        } else if second > 12 {
            (second, first)
        } else {
            return None;
        };
        PartialDate::day(year, month, day).ok()?;
        let point = Point {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            decade: false,
        };
        Some((point, last))
    }

    /// "2002/07", "2016/07/04" and "2016/07/04–07", as East Asian ministries write dates: year
    /// first, then a two-digit month, then perhaps a day and a last day.
    fn year_first_slashed(&self, index: usize) -> Option<Candidate> {
        let tokens = self.tokens;
        let year: i32 = tokens
            .digits(index)
            .filter(|text| text.len() == 4)?
            .parse()
            .ok()?;
        let glued_part = |slash: usize| -> Option<u8> {
            let glued =
                tokens.is_punct(slash, '/') && tokens.glued(slash) && tokens.glued(slash + 1);
            glued.then(|| tokens.digits(slash + 1))??.parse().ok()
        };
        let month = glued_part(index + 1).filter(|month| (1..=12).contains(month))?;
        let day = glued_part(index + 3);
        let point = Point {
            year: Some(year),
            month: Some(month),
            day,
            decade: false,
        };
        point.date()?;
        let mut last = if day.is_some() { index + 5 } else { index + 3 };
        let end = day.and_then(|_| {
            let last_day: u8 = tokens.digits(last + 1)?.parse().ok()?;
            let end = Point {
                day: Some(last_day),
                ..point
            };
            (tokens.is_dash(last) && end.date().is_some() && end.key() > point.key()).then(|| {
                last += 2;
                end
            })
        });
        Some(Candidate {
            first: index,
            last,
            start: point,
            end,
            approximate: false,
        })
    }

    /// "1992-01-26".
    fn iso_day(&self, index: usize) -> Option<Point> {
        let tokens = self.tokens;
        let year = tokens.digits(index).filter(|text| text.len() == 4)?;
        let month = tokens.digits(index + 2).filter(|text| text.len() == 2)?;
        let day = tokens.digits(index + 4).filter(|text| text.len() == 2)?;
        let hyphens = tokens.is_punct(index + 1, '-') && tokens.is_punct(index + 3, '-');
        if !hyphens {
            return None;
        }
        let point = Point {
            year: year.parse().ok(),
            month: month.parse().ok(),
            day: day.parse().ok(),
            decade: false,
        };
        point.date().map(|_| point)
    }

    /// "2004–05" (a range of years) or the ISO month "2023-05".
    fn year_and_two_digits(
        &self,
        index: usize,
        floor: usize,
        previous: Option<&Candidate>,
    ) -> Option<Candidate> {
        let tokens = self.tokens;
        let year = self.year_at(index)?;
        let short = tokens.digits(index + 2).filter(|text| text.len() == 2)?;
        let short: i32 = short.parse().ok()?;
        let century = year - year.rem_euclid(100);
        let point = |year: i32, month: Option<u8>| Point {
            year: Some(year),
            month,
            ..Point::default()
        };
        let (start, end) = if short > year.rem_euclid(100) {
            (point(year, None), Some(point(century + short, None)))
        } else if tokens.is_punct(index + 1, '-') && (1..=12).contains(&short) {
            (point(year, u8::try_from(short).ok()), None)
        } else {
            return None;
        };
        let (first, approximate, strong_modifier) = self.modifiers_before(index, floor);
        let candidate = Candidate {
            first,
            last: index + 3,
            start,
            end,
            approximate,
        };
        self.year_is_date(&candidate, strong_modifier, previous)
            .then_some(candidate)
    }

    /// "the 25th": a day of the context's month.
    fn ordinal_day(&self, index: usize, context: &DateContext) -> Option<Candidate> {
        let tokens = self.tokens;
        let (day, after) = self.day_at(index)?;
        let is_ordinal = after == index + 2;
        let follows_well = tokens.kind(after) != Some(Kind::Word)
            || tokens.word_in(after, FUNCTION_WORDS) && !tokens.is_word(after + 1, "of");
        if !is_ordinal || !tokens.is_word(index.wrapping_sub(1), "the") || !follows_well {
            return None;
        }
        if self.month_at(after).is_some()
            || tokens.is_word(after, "of") && self.month_at(after + 1).is_some()
        {
            return None;
        }
        let start = Point {
            year: context.year,
            month: context.month,
            day: Some(day),
            decade: false,
        };
        start.date().map(|_| Candidate {
            first: index,
            last: after,
            start,
            end: None,
            approximate: false,
        })
    }

    /// A date (or range) whose first day, month or year is at `anchor`.
    fn at_anchor(
        &self,
        anchor: usize,
        floor: usize,
        previous: Option<&Candidate>,
    ) -> Option<Candidate> {
        let tokens = self.tokens;
        let (first_point, after_first) = self.point_at(anchor)?;
        let (first, approximate, strong_modifier) = self.modifiers_before(anchor, floor);
        let between = first > floor && tokens.is_word(first - 1, "between");
        let (start, end, last) = match self.range_after(first_point, after_first, between) {
            Some((start, end, last)) => (start, Some(end), last),
            None => (first_point, None, after_first),
        };
        let candidate = Candidate {
            first,
            last,
            start,
            end,
            approximate,
        };
        let accepted = match start.shape() {
            Shape::Day | Shape::Other => false,
            Shape::Year => self.year_is_date(&candidate, strong_modifier, previous),
            Shape::Month if end.is_none() => self.lone_month_is_date(&candidate, floor, previous),
            _ => true,
        };
        accepted.then_some(candidate)
    }

    /// A day, month and year in any written order, a month with its year, a year or a
    /// decade; a bare day ("28" of "28–29 August") only as a range's start.
    fn point_at(&self, index: usize) -> Option<(Point, usize)> {
        let tokens = self.tokens;
        if let Some((day, after_day)) = self.day_at(index) {
            let month_index = if tokens.is_word(after_day, "of") {
                after_day + 1
            } else {
                after_day
            };
            let Some((month, after_month)) = self.month_at(month_index) else {
                let point = Point {
                    day: Some(day),
                    ..Point::default()
                };
                return Some((point, after_day));
            };
            let (year, after) = self
                .year_after(after_month)
                .map_or((None, after_month), |(year, after)| (Some(year), after));
            let point = Point {
                year,
                month: Some(month),
                day: Some(day),
                decade: false,
            };
            return Some((point, after));
        }
        if let Some((month, after_month)) = self.month_at(index) {
            let counted = |after: usize| self.is_count_word(after) || self.is_plural_noun(after);
            if let Some((day, after_day)) = self
                .day_at(after_month)
                .filter(|(_, after)| !counted(*after))
            {
                let (year, after) = self
                    .year_after(after_day)
                    .map_or((None, after_day), |(year, after)| (Some(year), after));
                let point = Point {
                    year,
                    month: Some(month),
                    day: Some(day),
                    decade: false,
                };
                return Some((point, after));
            }
            let year_index = if tokens.is_word(after_month, "of") {
                after_month + 1
            } else {
                after_month
            };
            let point = Point {
                month: Some(month),
                ..Point::default()
            };
            return Some(match self.year_at(year_index) {
                Some(year) => (
                    Point {
                        year: Some(year),
                        ..point
                    },
                    year_index + 1,
                ),
                None => (point, after_month),
            });
        }
        if let Some((year, after)) = self.decade_at(index) {
            let point = Point {
                decade: true,
                year: Some(year),
                ..Point::default()
            };
            return Some((point, after));
        }
        let year = self.year_at(index)?;
        // "2000 January", as Japanese and Korean ministries order a month: the month name
        // capitalised, so that "in 2010 may" stays a year.
        if let Some((month, after_month)) = self
            .month_at(index + 1)
            .filter(|_| self.tokens.str(index + 1).starts_with(char::is_uppercase))
        {
            let point = Point {
                year: Some(year),
                month: Some(month),
                ..Point::default()
            };
            return Some((point, after_month));
        }
        let point = Point {
            year: Some(year),
            ..Point::default()
        };
        Some((point, index + 1))
    }

    /// A range's second point after `first`, when a dash, "to", "until" or ("between … and",
    /// "28 and 29 August") "and" follows; the two points complete each other: "3 to 5 May",
    /// "April–June 1982", "August 28–29, 2006", "28 August – 2 September 2006".
    fn range_after(
        &self,
        first: Point,
        after_first: usize,
        between: bool,
    ) -> Option<(Point, Point, usize)> {
        let tokens = self.tokens;
        let and_joins = between || first.shape() == Shape::Day;
        let is_connector = tokens.is_dash(after_first)
            || tokens.word_in(after_first, &["to", "until", "till", "through"])
            || and_joins && tokens.is_word(after_first, "and");
        if !is_connector {
            return None;
        }
        let (mut second, mut last) = self.point_at(after_first + 1)?;
        let mut first = first;
        let take_year = |first: &mut Point, second: &Point| {
            first.year = second.year.map(|year| {
                if first.month > second.month {
                    year - 1
                } else {
                    year
                }
            });
        };
        match (first.shape(), second.shape()) {
            (Shape::Decade, Shape::Decade)
            | (Shape::Year, Shape::Year)
            | (Shape::MonthYear, Shape::MonthYear)
            | (Shape::DayMonthYear, Shape::DayMonthYear)
            | (Shape::Month, Shape::Month)
            | (Shape::DayMonth, Shape::DayMonth) => {}
            (Shape::Month, Shape::MonthYear) | (Shape::DayMonth, Shape::DayMonthYear) => {
                take_year(&mut first, &second);
            }
            (Shape::Day, Shape::DayMonth | Shape::DayMonthYear) => {
                first.month = second.month;
                first.year = second.year;
            }
            (Shape::DayMonth, Shape::Day) => {
                second.month = first.month;
                if let Some((year, after)) = self.year_after(last) {
                    first.year = Some(year);
                    second.year = Some(year);
                    last = after;
                }
            }
            _ => return None,
        }
        let ordered = match (first.year, second.year) {
            (Some(_), Some(_)) | (None, None) => first.key() < second.key(),
            _ => false,
        };
        ordered.then_some((first, second, last))
    }

    /// Words before a date that qualify it: "early", "late", "mid-", "around", "c.", "the
    /// spring of", "the end of". Returns the first token of the mention, whether it is
    /// approximate, and whether the modifier makes a bare number a year.
    fn modifiers_before(&self, anchor: usize, floor: usize) -> (usize, bool, bool) {
        let tokens = self.tokens;
        let at = |back: usize| anchor.checked_sub(back).filter(|index| *index >= floor);
        let word_at = |back: usize, words: &[&str]| {
            at(back).is_some_and(|index| tokens.word_in(index, words))
        };
        // "mid-1990s", "early-2004", "pre-1990".
        if let Some(dash) = at(1)
            && tokens.is_dash(dash)
            && tokens.glued(anchor)
            && tokens.glued(dash)
            && word_at(2, PERIOD_LEADS)
        {
            return (dash - 1, true, true);
        }
        if let Some(index) = at(1).filter(|index| tokens.word_in(*index, PERIOD_LEADS)) {
            return (index, true, true);
        }
        if let Some(index) = at(1).filter(|index| tokens.word_in(*index, APPROXIMATE_LEADS)) {
            return (index, true, false);
        }
        // "c. 1500", "ca. 1500".
        if let Some(dot) = at(1)
            && tokens.is_punct(dot, '.')
            && tokens.glued(dot)
            && word_at(2, &["c", "ca"])
        {
            return (dot - 1, true, true);
        }
        // "the spring of 1995", "summer 2010", "the end of 2004".
        if let Some(index) = at(1).filter(|index| tokens.word_in(*index, SEASONS)) {
            return (index, true, true);
        }
        if at(1).is_some_and(|index| tokens.is_word(index, "of"))
            && let Some(index) = at(2)
                .filter(|index| tokens.word_in(*index, SEASONS) || tokens.word_in(*index, PART_OF))
        {
            return (index, true, true);
        }
        (anchor, false, false)
    }

    /// Whether a bare year (or range of years) is a date rather than a count.
    fn year_is_date(
        &self,
        candidate: &Candidate,
        strong_modifier: bool,
        previous: Option<&Candidate>,
    ) -> bool {
        let tokens = self.tokens;
        if self.lenient {
            return true;
        }
        let before = candidate.first.wrapping_sub(1);
        let in_parentheses = tokens.is_punct(before, '(') && tokens.is_punct(candidate.last, ')');
        let strong = strong_modifier
            || tokens.word_in(before, YEAR_LEADS)
            || in_parentheses
            || self.listed_after(previous, candidate);
        if strong {
            return true;
        }
        // "around 1900, the town grew" but "about 1900 Japanese lived there".
        let ends_clause = tokens.kind(candidate.last) != Some(Kind::Word)
            || tokens.word_in(candidate.last, FUNCTION_WORDS);
        let counted = self.is_plural_noun(candidate.last)
            || tokens.word_in(before, COUNT_LEADS)
            || candidate.approximate && !ends_clause;
        !counted
    }

    /// The candidate continues a list begun by the previous mention: "in 1983, 1995 and
    /// 2010", "in May and June".
    fn listed_after(&self, previous: Option<&Candidate>, candidate: &Candidate) -> bool {
        let tokens = self.tokens;
        previous.is_some_and(|previous| {
            let gap = previous.last..candidate.first;
            gap.len() <= 2
                && gap.clone().all(|index| {
                    tokens
                        .punct(index)
                        .is_some_and(|ch| matches!(ch, ',' | '&' | '/' | ';'))
                        || tokens.word_in(index, &["and", "or"])
                })
        })
    }

    /// A capitalised month on its own is a date only after "in", "by", "since", "early"…,
    /// and only written in full: "in May" but not "May" the verb or "Jan" the name.
    fn lone_month_is_date(
        &self,
        candidate: &Candidate,
        floor: usize,
        previous: Option<&Candidate>,
    ) -> bool {
        let tokens = self.tokens;
        let anchor_word = tokens.str(candidate.last.saturating_sub(1));
        let full = MONTH_NAMES
            .iter()
            .any(|name| name.eq_ignore_ascii_case(anchor_word));
        let before = candidate.first.wrapping_sub(1);
        let led = before >= floor && tokens.word_in(before, MONTH_LEADS);
        full && (candidate.approximate || led || self.listed_after(previous, candidate))
    }

    /// A day number, 1–31, with an optional ordinal suffix: "28", "25th".
    fn day_at(&self, index: usize) -> Option<(u8, usize)> {
        let tokens = self.tokens;
        let digits = tokens.digits(index).filter(|text| text.len() <= 2)?;
        let day: u8 = digits.parse().ok()?;
        if !(1..=31).contains(&day) || tokens.is_reference_number(index) {
            return None;
        }
        let next = index + 1;
        if tokens.glued(next) && tokens.kind(next) == Some(Kind::Word) {
            return tokens
                .word_in(next, ORDINAL_SUFFIXES)
                .then_some((day, next + 1));
        }
        if tokens.glued(next) && tokens.kind(next) == Some(Kind::Number) {
            return None;
        }
        Some((day, next))
    }

    /// A month name, capitalised unless parsing leniently; an abbreviation takes its period.
    fn month_at(&self, index: usize) -> Option<(u8, usize)> {
        let tokens = self.tokens;
        if tokens.kind(index) != Some(Kind::Word) {
            return None;
        }
        let word = tokens.str(index);
        if !self.lenient && !word.starts_with(|ch: char| ch.is_ascii_uppercase()) {
            return None;
        }
        let month = month_from_name(word)?;
        let abbreviated = !MONTH_NAMES
            .iter()
            .any(|name| name.eq_ignore_ascii_case(word));
        let after = if abbreviated && tokens.is_punct(index + 1, '.') && tokens.glued(index + 1) {
            index + 2
        } else {
            index + 1
        };
        Some((month, after))
    }

    /// A four-digit year, 1000–2100, that is not a count ("2000 soldiers") or part of a
    /// longer token ("1500-strong", "1990s", "2000m", "45%").
    fn year_at(&self, index: usize) -> Option<i32> {
        let tokens = self.tokens;
        let digits = tokens.digits(index).filter(|text| text.len() == 4)?;
        let year: i32 = digits.parse().ok()?;
        if !(1000..=2100).contains(&year) || tokens.is_reference_number(index) {
            return None;
        }
        let next = index + 1;
        if tokens.glued(next) {
            let joined_word = tokens.is_dash(next)
                && tokens.glued(next + 1)
                && tokens.kind(next + 1) == Some(Kind::Word);
            if matches!(tokens.kind(next), Some(Kind::Word | Kind::Number))
                || tokens.is_punct(next, '%')
                || joined_word
            {
                return None;
            }
        }
        if self.is_count_word(next) || tokens.word_in(next, &["bc", "bce"]) {
            return None;
        }
        Some(year)
    }

    /// A year after an optional comma: the "2006" of "28 August, 2006".
    fn year_after(&self, index: usize) -> Option<(i32, usize)> {
        let index = if self.tokens.is_punct(index, ',') {
            index + 1
        } else {
            index
        };
        self.year_at(index).map(|year| (year, index + 1))
    }

    /// "1990s", "1990's": the year the decade starts.
    fn decade_at(&self, index: usize) -> Option<(i32, usize)> {
        let tokens = self.tokens;
        let digits = tokens
            .digits(index)
            .filter(|text| text.len() == 4 && text.ends_with('0'))?;
        let year: i32 = digits.parse().ok()?;
        if !(1000..=2100).contains(&year) || tokens.is_reference_number(index) {
            return None;
        }
        let glued_s = |at: usize| {
            tokens.glued(at) && tokens.str(at) == "s" && tokens.kind(at) == Some(Kind::Word)
        };
        if glued_s(index + 1) {
            return Some((year, index + 2));
        }
        let apostrophe = tokens
            .punct(index + 1)
            .is_some_and(|ch| matches!(ch, '\'' | '’'));
        (apostrophe && tokens.glued(index + 1) && glued_s(index + 2)).then_some((year, index + 3))
    }

    fn is_count_word(&self, index: usize) -> bool {
        let tokens = self.tokens;
        tokens.word_in(index, COUNT_NOUNS) || tokens.is_punct(index, '%')
    }

    /// A lower-case word that looks like a plural noun: after a bare number it makes the
    /// number a count ("had 1500 employees") unless a word before says "year".
    fn is_plural_noun(&self, index: usize) -> bool {
        let tokens = self.tokens;
        let word = tokens.str(index);
        tokens.kind(index) == Some(Kind::Word)
            && word.len() >= 4
            && word.starts_with(|ch: char| ch.is_ascii_lowercase())
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !tokens.word_in(index, NOT_PLURALS)
    }

    /// Fills missing years from the next mention of a list ("14 May and 2 June 2006"),
    /// working from the end so a list of several borrows the one year written.
    fn borrow_years(&self, candidates: &mut [Candidate]) {
        for index in (0..candidates.len().saturating_sub(1)).rev() {
            let (head, tail) = candidates.split_at_mut(index + 1);
            let (Some(current), Some(next)) = (head.last_mut(), tail.first()) else {
                continue;
            };
            if current.start.year.is_some() || !self.listed_after(Some(current), next) {
                continue;
            }
            let Some(year) = next.start.year else {
                continue;
            };
            current.start.year = Some(year);
            if let Some(end) = current.end.as_mut() {
                end.year = Some(year);
            }
        }
    }

    /// The mention, with missing years from the context; `None` when there is no year to be
    /// had or the date does not exist ("31 June").
    fn finish(&self, candidate: &Candidate, context: &DateContext) -> Option<DateMention> {
        let with_year = |point: Point| Point {
            year: point.year.or(context.year),
            ..point
        };
        let start = with_year(candidate.start).date()?;
        let end = match candidate.end {
            Some(end) => Some(with_year(end).date()?),
            None => None,
        };
        let first = self.tokens.span(candidate.first)?;
        let last = self.tokens.span(candidate.last.checked_sub(1)?)?;
        Some(DateMention {
            span: Span::new(first.start, last.end),
            start,
            end,
            approximate: candidate.approximate,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        text.parse().unwrap()
    }

    /// Each mention as (covered text, start, end).
    fn found_in(text: &str, context: DateContext) -> Vec<(String, String, Option<String>)> {
        find_dates(text, &context)
            .into_iter()
            .map(|mention| {
                (
                    text[mention.span.start..mention.span.end].to_owned(),
                    mention.start.to_string(),
                    mention.end.map(|end| end.to_string()),
                )
            })
            .collect()
    }

    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        found_in(text, DateContext::default())
    }

    fn one(covered: &str, start: &str) -> (String, String, Option<String>) {
        (covered.to_owned(), start.to_owned(), None)
    }

    fn range(covered: &str, start: &str, end: &str) -> (String, String, Option<String>) {
        (covered.to_owned(), start.to_owned(), Some(end.to_owned()))
    }

    fn starts(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(_, start, _)| start).collect()
    }

    const IN_2006: DateContext = DateContext {
        year: Some(2006),
        month: Some(8),
    };

    #[test]
    fn parses_whole_string_dates() {
        assert_eq!(parse_date("14 May 2024"), Some(d("2024-05-14")));
        assert_eq!(parse_date("May 14, 2024"), Some(d("2024-05-14")));
        assert_eq!(parse_date("2023-05-01"), Some(d("2023-05-01")));
        assert_eq!(parse_date("January 2020"), Some(d("2020-01")));
        assert_eq!(parse_date(" October 2017 "), Some(d("2017-10")));
        assert_eq!(parse_date("2011"), Some(d("2011")));
        assert_eq!(parse_date("1 June 2016."), Some(d("2016-06-01")));
        assert_eq!(parse_date("2023-05"), Some(d("2023-05")));
        assert_eq!(parse_date("14 may 2024"), Some(d("2024-05-14")));
        assert_eq!(parse_date("Sept. 3, 1999"), Some(d("1999-09-03")));
        assert_eq!(parse_date("c. 1500"), Some(d("1500")));
        assert_eq!(parse_date("May–June 2010"), Some(d("2010-05")));
    }

    #[test]
    fn refuses_whole_strings_that_are_not_one_date() {
        for text in [
            "31 June 2016",
            "page 12",
            "",
            "14 May",
            "2011 and 2012",
            "Retrieved 14 May 2024",
            "1,500",
            "12",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn month_names_full_and_abbreviated() {
        assert_eq!(month_from_name("March"), Some(3));
        assert_eq!(month_from_name("mar"), Some(3));
        assert_eq!(month_from_name("SEPT."), Some(9));
        assert_eq!(month_from_name("Dec."), Some(12));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(month_from_name("Marc"), None);
        assert_eq!(month_from_name("Mayday"), None);
        assert_eq!(month_from_name("Décembre"), None);
    }

    #[test]
    fn days_in_every_written_order() {
        assert_eq!(
            found("Signed on 26 January 1992 in Kyiv."),
            [one("26 January 1992", "1992-01-26")]
        );
        assert_eq!(
            found("Signed January 26, 1992, in Kyiv."),
            [one("January 26, 1992", "1992-01-26")]
        );
        assert_eq!(
            found("Signed Jan. 26, 1992."),
            [one("Jan. 26, 1992", "1992-01-26")]
        );
        assert_eq!(
            found("Signed 26 Jan 1992."),
            [one("26 Jan 1992", "1992-01-26")]
        );
        assert_eq!(
            found("Signed 1992-01-26."),
            [one("1992-01-26", "1992-01-26")]
        );
        assert_eq!(
            found("Signed 26.01.1992."),
            [one("26.01.1992", "1992-01-26")]
        );
        assert_eq!(
            found("Signed 26/01/1992."),
            [one("26/01/1992", "1992-01-26")]
        );
        assert_eq!(
            found("Signed on the 25th of May 2006."),
            [one("25th of May 2006", "2006-05-25")]
        );
        assert_eq!(
            found("On Monday, 3 May 1948, it rained."),
            [one("3 May 1948", "1948-05-03")]
        );
        assert_eq!(
            found("It closed 3\u{a0}May\u{a0}1948."),
            [one("3\u{a0}May\u{a0}1948", "1948-05-03")]
        );
    }

    #[test]
    fn a_day_that_names_an_event_dates_nothing() {
        let context = DateContext {
            year: Some(1975),
            month: None,
        };
        for text in [
            "after the 25 April Revolution",
            "since the 14 July Revolution, relations",
            "the 6 October War ended it",
        ] {
            assert!(found_in(text, context).is_empty(), "{text}");
        }
        // A date with its year, or before a lower-case word or a name after "on", still dates.
        assert_eq!(found_in("the 25 April 1974 Revolution", context).len(), 1);
        assert_eq!(found_in("the 25 April meeting", context).len(), 1);
        assert_eq!(
            found_in("on 25 April President Soto arrived", context).len(),
            1
        );
    }

    #[test]
    fn impossible_and_ambiguous_days_are_not_reported() {
        assert!(found("on 31 June 2016").is_empty());
        assert!(found("Signed 05/06/1992.").is_empty());
        assert_eq!(
            starts("Signed 31 February 2001 or 1 March 2001."),
            ["2001-03-01"]
        );
    }

    #[test]
    fn months_years_and_decades() {
        assert_eq!(
            found("In January 1992 the talks began."),
            [one("January 1992", "1992-01")]
        );
        assert_eq!(found("by December 1961"), [one("December 1961", "1961-12")]);
        assert_eq!(found("in March of 2012"), [one("March of 2012", "2012-03")]);
        assert_eq!(found("It was founded in 1993."), [one("1993", "1993")]);
        assert_eq!(
            found("Portuguese sailors arrived in 1500 while bound elsewhere."),
            [one("1500", "1500")]
        );
        assert_eq!(
            found("throughout the 1950s and 1960s"),
            [one("1950s", "1950s"), one("1960s", "1960s")]
        );
        assert_eq!(found("the 1990's"), [one("1990's", "1990s")]);
    }

    #[test]
    fn slashed_dates_may_start_with_the_year() {
        assert_eq!(found("2002/07 President X"), [one("2002/07", "2002-07")]);
        assert_eq!(
            found("on 2023/10/10, where"),
            [one("2023/10/10", "2023-10-10")]
        );
        assert_eq!(
            found("2016/07/04–07 state visit"),
            [range("2016/07/04–07", "2016-07-04", "2016-07-07")]
        );
        // No thirteenth month: the year alone.
        assert_eq!(found("in 2016/13"), [one("2016", "2016")]);
    }

    #[test]
    fn a_year_may_lead_its_month() {
        assert_eq!(
            found("2004 November | Prime Minister"),
            [one("2004 November", "2004-11")]
        );
        assert_eq!(found("(2019 May)"), [one("2019 May", "2019-05")]);
        assert_eq!(
            found("2023 December: talks"),
            [one("2023 December", "2023-12")]
        );
        // A modal verb after a year is no month.
        assert_eq!(found("by 2010 may rise"), [one("2010", "2010")]);
    }

    #[test]
    fn approximate_dates() {
        let mentions = find_dates(
            "in the mid-1990s and early 2004, around 1870, c. 1500",
            &DateContext::default(),
        );
        let summary: Vec<(String, bool)> = mentions
            .iter()
            .map(|mention| (mention.start.to_string(), mention.approximate))
            .collect();
        assert_eq!(
            summary,
            [
                ("1990s".to_owned(), true),
                ("2004".to_owned(), true),
                ("1870".to_owned(), true),
                ("1500".to_owned(), true),
            ]
        );
        assert_eq!(found("the mid-1990s")[0].0, "mid-1990s");
        assert_eq!(
            found("in the spring of 1995")[0],
            one("spring of 1995", "1995")
        );
        assert_eq!(found("late 1998")[0], one("late 1998", "1998"));
        assert_eq!(found("by the end of 2004")[0], one("end of 2004", "2004"));
        assert_eq!(
            found("in mid-January 1992")[0],
            one("mid-January 1992", "1992-01")
        );
        assert!(!find_dates("in 1993", &DateContext::default())[0].approximate);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            found("on 28–29 August 2006"),
            [range("28–29 August 2006", "2006-08-28", "2006-08-29")]
        );
        assert_eq!(
            found("on 28-29 August 2006"),
            [range("28-29 August 2006", "2006-08-28", "2006-08-29")]
        );
        assert_eq!(
            found("on 28 and 29 August 2006"),
            [range("28 and 29 August 2006", "2006-08-28", "2006-08-29")]
        );
        assert_eq!(
            found("ran from 24 to 27 January 2020"),
            [range("24 to 27 January 2020", "2020-01-24", "2020-01-27")]
        );
        assert_eq!(
            found("from 14 to 16 October 2015"),
            [range("14 to 16 October 2015", "2015-10-14", "2015-10-16")]
        );
        assert_eq!(
            found("on 6–7 July 2014,"),
            [range("6–7 July 2014", "2014-07-06", "2014-07-07")]
        );
        assert_eq!(
            found("from 28 August – 2 September 2006"),
            [range(
                "28 August – 2 September 2006",
                "2006-08-28",
                "2006-09-02"
            )]
        );
        assert_eq!(
            found("from 28 February to 2 March 2016"),
            [range(
                "28 February to 2 March 2016",
                "2016-02-28",
                "2016-03-02"
            )]
        );
        assert_eq!(
            found("from 30 December 2005 to 2 January 2006"),
            [range(
                "30 December 2005 to 2 January 2006",
                "2005-12-30",
                "2006-01-02"
            )]
        );
        assert_eq!(
            found("August 28–29, 2006"),
            [range("August 28–29, 2006", "2006-08-28", "2006-08-29")]
        );
        assert_eq!(found("in 2004–2005"), [range("2004–2005", "2004", "2005")]);
        assert_eq!(
            found("Ukraine, 1991–2010."),
            [range("1991–2010", "1991", "2010")]
        );
        assert_eq!(
            found("the 1950–1953 war"),
            [range("1950–1953", "1950", "1953")]
        );
        assert_eq!(
            found("from 2015 to 2018"),
            [range("2015 to 2018", "2015", "2018")]
        );
        assert_eq!(
            found("between 1998 and 2002"),
            [range("1998 and 2002", "1998", "2002")]
        );
        assert_eq!(
            found("in the 2004–05 season"),
            [range("2004–05", "2004", "2005")]
        );
        assert_eq!(
            found("April–June 1982"),
            [range("April–June 1982", "1982-04", "1982-06")]
        );
        assert_eq!(
            found("from April to June 1982"),
            [range("April to June 1982", "1982-04", "1982-06")]
        );
        assert_eq!(
            found("December 1991 – January 1992"),
            [range("December 1991 – January 1992", "1991-12", "1992-01")]
        );
        assert_eq!(
            found("the 1980s–1990s"),
            [range("1980s–1990s", "1980s", "1990s")]
        );
    }

    #[test]
    fn lists_are_separate_dates() {
        assert_eq!(
            starts("In 1998 and 2002 loans were made."),
            ["1998", "2002"]
        );
        assert_eq!(
            starts("visits in 1983, 1995 and 2010"),
            ["1983", "1995", "2010"]
        );
        assert_eq!(starts("1998 and 2002 saw loans."), ["1998", "2002"]);
        assert_eq!(
            starts("on 14 May and 2 June 2006"),
            ["2006-05-14", "2006-06-02"]
        );
        assert_eq!(
            starts("on 14 May, 20 May and 2 June 2006"),
            ["2006-05-14", "2006-05-20", "2006-06-02"]
        );
    }

    #[test]
    fn reversed_or_unmatched_ranges_fall_apart() {
        assert_eq!(starts("from 2018 to 2015"), ["2018", "2015"]);
        assert_eq!(starts("May 2006 – 2008"), ["2006-05", "2008"]);
    }

    #[test]
    fn yearless_days_and_months_take_the_context_year() {
        assert_eq!(
            found_in("on 18 November", IN_2006),
            [one("18 November", "2006-11-18")]
        );
        assert_eq!(
            found_in("on November 18 they met", IN_2006),
            [one("November 18", "2006-11-18")]
        );
        assert_eq!(
            found_in("from 3 to 5 May", IN_2006),
            [range("3 to 5 May", "2006-05-03", "2006-05-05")]
        );
        assert_eq!(
            found_in("in May the ministers met", IN_2006),
            [one("May", "2006-05")]
        );
        assert_eq!(
            found_in("by early March", IN_2006),
            [one("early March", "2006-03")]
        );
        assert!(found("on 18 November").is_empty());
        assert!(found("from 3 to 5 May").is_empty());
        assert!(found("in May").is_empty());
    }

    #[test]
    fn approximate_years_followed_by_a_noun_are_counts() {
        assert_eq!(starts("Around 1900, the port grew."), ["1900"]);
        assert_eq!(starts("around 1900 the port grew"), ["1900"]);
        assert!(found("about 1900 Japanese lived there").is_empty());
    }

    #[test]
    fn us_order_days_are_not_counts() {
        let march = [one("March", "2006-03")];
        assert_eq!(found_in("in March 2 ministers resigned", IN_2006), march);
        assert_eq!(found_in("in March 12 soldiers died", IN_2006), march);
    }

    #[test]
    fn listed_months_share_the_leading_word() {
        assert_eq!(
            found_in("in May and June", IN_2006),
            [one("May", "2006-05"), one("June", "2006-06")]
        );
        assert_eq!(
            found_in("between May and June 2010", IN_2006),
            [range("May and June 2010", "2010-05", "2010-06")]
        );
    }

    #[test]
    fn lone_months_need_a_leading_word_and_a_capital() {
        assert!(found_in("May the talks succeed.", IN_2006).is_empty());
        assert!(found_in("they may meet in june", IN_2006).is_empty());
        assert!(found_in("Jan Novak arrived.", IN_2006).is_empty());
        assert!(found_in("in Jan", IN_2006).is_empty());
    }

    #[test]
    fn ordinal_days_use_the_context_month() {
        assert_eq!(
            found_in("On the 25th he held talks.", IN_2006),
            [one("25th", "2006-08-25")]
        );
        assert_eq!(
            found_in("It ended on the 15th.", IN_2006),
            [one("15th", "2006-08-15")]
        );
        assert!(found_in("the 25th anniversary", IN_2006).is_empty());
        assert!(found_in("the 20th century", IN_2006).is_empty());
        assert!(found("On the 25th he held talks.").is_empty());
        assert!(
            found_in(
                "the 31st",
                DateContext {
                    year: Some(2006),
                    month: Some(6)
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn counts_are_not_years() {
        assert!(found("It held 15,735 prisoners.").is_empty());
        assert!(found("some 2,000 people").is_empty());
        assert!(found("a road of 1948 kilometres").is_empty());
        assert!(found("it sent 2500 soldiers").is_empty());
        assert!(found("it sent 1900 soldiers").is_empty());
        assert!(found("the 2,500-strong army").is_empty());
        assert!(found("a 1500-strong army").is_empty());
        assert!(found("more than 1500 Japanese").is_empty());
        assert!(found("the company had 1850 employees").is_empty());
        assert!(found("a rise of 1200%").is_empty());
        assert!(found("founded in 1500 BC").is_empty());
        assert!(found("in 57 years").is_empty());
    }

    #[test]
    fn adjectival_and_leading_years_are_years() {
        assert_eq!(starts("the 2016 census counted them"), ["2016"]);
        assert_eq!(starts("A 2013 survey found"), ["2013"]);
        assert_eq!(starts("A visit planned for 2023 was cancelled."), ["2023"]);
        assert_eq!(starts("In 2015 talks began."), ["2015"]);
        assert_eq!(starts("2011, a year of change"), ["2011"]);
        assert_eq!(starts("Smith, Ann (2016). Title."), ["2016"]);
        assert_eq!(starts("Astana. 2007. p. 522-525."), ["2007"]);
        assert_eq!(starts("the post-2008 order"), ["2008"]);
    }

    #[test]
    fn pages_codes_and_isbns_are_not_dates() {
        assert!(found("see pp. 12–40 and p. 313").is_empty());
        assert!(found("see pp. 1990–1995").is_empty());
        assert!(found("see p. 1995").is_empty());
        assert!(found("ISBN 978-601-273-091-3").is_empty());
        assert!(found("ISBN 5-1990-0123-4").is_empty());
        assert!(found("ISBN 9781990123456").is_empty());
        assert!(found("Studies. 4 (2): 57–89.").is_empty());
        assert!(found("the G20 and the A380 and the F-1990").is_empty());
        assert!(found("cost $2000 or €1500").is_empty());
        assert!(found("at 10:30 on platform 12").is_empty());
        assert!(found("[12] May be so.").is_empty());
    }

    #[test]
    fn citation_lines() {
        assert_eq!(
            starts("Ministry. 2022-03-18. Retrieved 2025-05-08."),
            ["2022-03-18", "2025-05-08"]
        );
        assert_eq!(
            starts("Archived from the original on 3 March 2016. Retrieved 14 May 2024."),
            ["2016-03-03", "2024-05-14"]
        );
    }

    /// Date, number and money spans (which share the tokens) on generated text with
    /// multi-byte characters: no panic, spans on char boundaries, in order, not overlapping.
    #[test]
    fn spans_stay_on_char_boundaries_for_any_text() {
        use crate::quantity::{find_money, find_numbers};

        let pieces = [
            "1992", "–", "-", " ", "\u{a0}", "May", "mai", "é", "日本", "28", "3", ",", ".", "th",
            "s", "'", "’", "of", "the", "early", "mid", "to", "and", "$", "ISBN", "p", "(", ")",
            "1,500", "26.01", "/", "0", "1990", "ß", "🙂", "Ⅻ", "between", "in", "c", "\u{301}",
            "US", "million", "bn", "€", "five", "hundred", "over", "a", "dozen", "won", "%", "[",
            "]", ":", "st", "₹",
        ];
        // A linear congruential generator: deterministic, no dependency.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0)
        };
        let check = |text: &str, spans: Vec<Span>| {
            let mut previous_end = 0;
            for span in spans {
                assert!(text.is_char_boundary(span.start), "{text:?}");
                assert!(text.is_char_boundary(span.end), "{text:?}");
                assert!(previous_end <= span.start, "overlap in {text:?}");
                assert!(span.start < span.end, "{text:?}");
                previous_end = span.end;
            }
        };
        for _ in 0..20_000 {
            let length = next() % 12;
            let text: String = (0..length).map(|_| pieces[next() % pieces.len()]).collect();
            for context in [DateContext::default(), IN_2006] {
                let mentions = find_dates(&text, &context);
                for mention in &mentions {
                    if let Some(end) = mention.end {
                        assert!(mention.start.sort_key() < end.sort_key(), "{text:?}");
                    }
                }
                check(&text, mentions.iter().map(|mention| mention.span).collect());
            }
            check(
                &text,
                find_numbers(&text)
                    .iter()
                    .map(|number| number.span)
                    .collect(),
            );
            check(
                &text,
                find_money(&text).iter().map(|money| money.span).collect(),
            );
            let _ = parse_date(&text);
        }
    }
}
