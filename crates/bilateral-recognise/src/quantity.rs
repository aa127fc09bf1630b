//! Numbers, counts and money amounts: "15,735", "about 3,500", "over 120,000", "1.5 million",
//! "five", "a dozen"; "US$15.2 billion", "€40m", "KZT 1 trillion", "2.5 billion Norwegian
//! kroner". Years, days, page numbers, ordinals, percentages and codes are not counts: the
//! date scanner decides what is a year, and its tokens are reused here.

use bilateral_model::Span;

use crate::date::{DateContext, Kind, Tokens, find_dates_in, is_currency_sign, tokenize};

/// A number written in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Includes a qualifier before it ("about", "over").
    pub span: Span,
    pub value: f64,
    /// "about", "around", "nearly", "some", "up to", "fewer than", or a range ("2–3 million").
    pub approximate: bool,
    /// "over", "more than", "at least", "in excess of".
    pub at_least: bool,
}

/// An amount of money.
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    /// From any qualifier or currency sign to the last word of the amount or currency.
    pub span: Span,
    /// In whole units: "US$15.2 billion" is 15 200 000 000.
    pub value: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// Qualified as inexact ("about", "over", "more than") or written as a range.
    pub approximate: bool,
}

/// Whether `text` may hold a number of twenty or more: one with digits, or with a tens or
/// scale word ("forty", "thousand"). Smaller number words alone never reach twenty, so this
/// rules most sentences out before the far costlier [`find_numbers`].
pub fn may_hold_twenty_or_more(text: &str) -> bool {
    text.bytes().any(|byte| byte.is_ascii_digit())
        || text
            .split(|ch: char| !ch.is_ascii_alphabetic())
            .any(|word| match number_word(word) {
                Some(NumberWord::Small(value)) => value >= 20,
                Some(NumberWord::Scale(_)) => true,
                None => false,
            })
}

/// Every count or measure written as a number in `text`, in order.
pub fn find_numbers(text: &str) -> Vec<Quantity> {
    let tokens = tokenize(text);
    // Days and months are excluded whatever the year, so any context will do.
    let any_context = DateContext {
        year: Some(2000),
        month: Some(1),
    };
    let mut taken: Vec<Span> = find_dates_in(&tokens, &any_context)
        .iter()
        .map(|date| date.span)
        .collect();
    taken.extend(money_in(&tokens).iter().map(|money| money.span));
    taken.sort_by_key(|span| span.start);
    // Both lists run in text order, so a cursor over the taken spans suffices.
    let mut cursor = 0;
    let mut is_taken = |index: usize| {
        let Some(span) = tokens.span(index) else {
            return false;
        };
        while taken
            .get(cursor)
            .is_some_and(|other| other.end <= span.start)
        {
            cursor += 1;
        }
        taken
            .get(cursor)
            .is_some_and(|other| other.start <= span.start && span.end <= other.end)
    };
    let mut found = Vec::new();
    let mut floor = 0;
    let mut index = 0;
    while index < tokens.len() {
        if is_taken(index) {
            index += 1;
            floor = index;
            continue;
        }
        if tokens.kind(index) == Some(Kind::Number) && !is_plain_count(&tokens, index) {
            // Skip an ISBN or a phone number whole.
            index = tokens.number_chain(index).0.max(index + 1);
            continue;
        }
        let Some(amount) = amount_at(&tokens, index, false) else {
            index += 1;
            continue;
        };
        if !is_counted(&tokens, amount.end) || (amount.end > index + 1 && is_taken(amount.end - 1))
        {
            index = amount.end;
            continue;
        }
        let (first, qualifier) = qualifier_before(&tokens, index, floor);
        let (Some(start), Some(end)) = (tokens.span(first), tokens.span(amount.end - 1)) else {
            break;
        };
        found.push(Quantity {
            span: Span::new(start.start, end.end),
            value: amount.value,
            approximate: qualifier == Some(Qualifier::Approximate) || amount.ranged,
            at_least: qualifier == Some(Qualifier::AtLeast),
        });
        index = amount.end;
        floor = index;
    }
    found
}

/// Every amount of money in `text`, in order.
pub fn find_money(text: &str) -> Vec<Money> {
    money_in(&tokenize(text))
}

fn money_in(tokens: &Tokens) -> Vec<Money> {
    let mut found = Vec::new();
    let mut index = 0;
    let mut floor = 0;
    while index < tokens.len() {
        match money_at(tokens, index, floor) {
            Some((money, next)) => {
                found.push(money);
                index = next;
                floor = next;
            }
            None => index += 1,
        }
    }
    found
}

/// Money starting at `index`: a currency sign or code and an amount, or an amount and a
/// currency name or code. Returns it and the token after it.
fn money_at(tokens: &Tokens, index: usize, floor: usize) -> Option<(Money, usize)> {
    let (currency, amount, last) =
        if let Some((currency, amount_index)) = currency_before_amount(tokens, index) {
            let amount = amount_at(tokens, amount_index, true)?;
            let last = amount.end;
            (currency, amount, last)
        } else {
            if !matches!(tokens.kind(index), Some(Kind::Number | Kind::Word)) {
                return None;
            }
            if tokens.kind(index) == Some(Kind::Number) && !is_plain_count(tokens, index) {
                return None;
            }
            let amount = amount_at(tokens, index, false)?;
            let (currency, last) = currency_after_amount(tokens, &amount)?;
            (currency, amount, last)
        };
    let (first, qualifier) = qualifier_before(tokens, index, floor);
    let start = tokens.span(first)?;
    let end = tokens.span(last.checked_sub(1)?)?;
    let money = Money {
        span: Span::new(start.start, end.end),
        value: amount.value,
        currency: currency.to_owned(),
        approximate: qualifier.is_some() || amount.ranged,
    };
    Some((money, last))
}

/// Codes accepted before or after an amount: "USD 5 million", "5 million NOK".
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "KRW", "BRL", "AUD", "CAD", "CHF", "SEK", "NOK",
    "DKK", "PLN", "RUB", "TRY", "EGP", "KZT", "THB", "MXN", "ZAR", "SGD", "HKD", "NZD", "IDR",
    "MYR", "PHP", "VND", "SAR", "AED", "QAR", "KWD", "ILS", "UAH", "HUF", "CZK", "RON", "ARS",
    "CLP", "COP", "PEN", "NGN", "KES", "PKR", "BDT", "LKR", "UZS", "AZN", "GEL", "BYN", "MNT",
    "TWD", "ISK", "IRR", "IQD", "OMR", "BHD", "JOD", "LBP", "MAD", "DZD", "TND", "LYD", "SDG",
    "ETB", "GHS", "XOF", "XAF", "ZMW", "MZN", "AOA", "BWP", "MUR", "NAD", "TZS", "UGX", "RWF",
    "MWK", "FJD", "PGK", "KHR", "LAK", "MMK", "NPR", "AFN", "KGS", "TJS", "TMT", "AMD", "MDL",
    "RSD", "BAM", "MKD", "ALL", "BGN", "SYP", "YER", "CUP", "VES", "BOB", "PYG", "UYU", "DOP",
    "GTQ", "JMD", "TTD", "BND", "MVR",
];

/// Letters glued before "$" or "£" that name the currency: "US$", "A$", "R$", "E£".
const SIGN_PREFIXES: &[(&str, char, &str)] = &[
    ("US", '$', "USD"),
    ("A", '$', "AUD"),
    ("AU", '$', "AUD"),
    ("C", '$', "CAD"),
    ("CA", '$', "CAD"),
    ("Can", '$', "CAD"),
    ("R", '$', "BRL"),
    ("NZ", '$', "NZD"),
    ("HK", '$', "HKD"),
    ("S", '$', "SGD"),
    ("NT", '$', "TWD"),
    ("Mex", '$', "MXN"),
    ("N", '$', "NAD"),
    ("F", '$', "FJD"),
    ("FJ", '$', "FJD"),
    ("J", '$', "JMD"),
    ("TT", '$', "TTD"),
    ("E", '£', "EGP"),
];

/// Abbreviations written before an amount: "Rs 500 crore", "RMB 3 billion".
const WORD_PREFIXES: &[(&str, &str)] = &[
    ("Rs", "INR"),
    ("RMB", "CNY"),
    ("RM", "MYR"),
    ("Rp", "IDR"),
    ("KSh", "KES"),
    ("Ksh", "KES"),
    ("TSh", "TZS"),
    ("USh", "UGX"),
    ("Tk", "BDT"),
    ("R", "ZAR"),
];

/// The currency a unit written alone names, as a table caption gives it ("US$ million",
/// "€ billion", "USD million", "KSh million").
pub fn currency_of_unit(word: &str) -> Option<&'static str> {
    if let Some(code) = ISO_CODES.iter().find(|code| **code == word) {
        return Some(code);
    }
    if let Some((_, code)) = WORD_PREFIXES.iter().find(|(prefix, _)| *prefix == word) {
        return Some(code);
    }
    let mut chars = word.chars();
    let sign = chars.next_back()?;
    let prefix = chars.as_str();
    if prefix.is_empty() {
        return sign_currency(sign);
    }
    SIGN_PREFIXES
        .iter()
        .find(|(letters, letter_sign, _)| *letters == prefix && *letter_sign == sign)
        .map(|(_, _, code)| *code)
}

fn sign_currency(sign: char) -> Option<&'static str> {
    Some(match sign {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₩' => "KRW",
        '₹' => "INR",
        '₽' => "RUB",
        '₺' => "TRY",
        '₴' => "UAH",
        '₦' => "NGN",
        '₱' => "PHP",
        '₸' => "KZT",
        '฿' => "THB",
        '₪' => "ILS",
        _ => return None,
    })
}

/// A currency written before an amount, starting at `index`: its code and where the
/// amount starts.
fn currency_before_amount(tokens: &Tokens, index: usize) -> Option<(&'static str, usize)> {
    let word = tokens.str(index);
    match tokens.kind(index)? {
        Kind::Word => {
            if let Some(sign) = tokens
                .punct(index + 1)
                .filter(|sign| tokens.glued(index + 1) && is_currency_sign(*sign))
            {
                return SIGN_PREFIXES
                    .iter()
                    .find(|(prefix, prefix_sign, _)| *prefix == word && *prefix_sign == sign)
                    .map(|(_, _, code)| (*code, index + 2));
            }
            if word.len() > 3 || !word.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                return None;
            }
            let after = if tokens.is_punct(index + 1, '.') {
                index + 2
            } else {
                index + 1
            };
            let code = ISO_CODES
                .iter()
                .find(|code| **code == word)
                .copied()
                .or_else(|| {
                    WORD_PREFIXES
                        .iter()
                        .find(|(prefix, _)| *prefix == word)
                        .map(|(_, code)| *code)
                })?;
            (tokens.kind(after) == Some(Kind::Number)).then_some((code, after))
        }
        Kind::Punct => {
            // A sign glued after letters is handled from the letters ("US$"), or unknown.
            if tokens.glued(index) && tokens.kind(index.wrapping_sub(1)) == Some(Kind::Word) {
                return None;
            }
            let code = tokens.punct(index).and_then(sign_currency)?;
            Some((code, index + 1))
        }
        Kind::Number => None,
    }
}

/// A sign written after an amount ("40 €"), when it does not start the next amount.
fn suffix_sign(tokens: &Tokens, index: usize) -> Option<usize> {
    let is_sign = tokens.punct(index).is_some_and(is_currency_sign);
    (is_sign && tokens.kind(index + 1) != Some(Kind::Number)).then_some(index + 1)
}

/// Currency names after an amount, longest first where one contains another.
const CURRENCY_NAMES: &[(&[&str], &str)] = &[
    (&["new", "zealand", "dollars"], "NZD"),
    (&["hong", "kong", "dollars"], "HKD"),
    (&["new", "taiwan", "dollars"], "TWD"),
    (&["sri", "lankan", "rupees"], "LKR"),
    (&["south", "african", "rand"], "ZAR"),
    (&["south", "korean", "won"], "KRW"),
    (&["norwegian", "kroner"], "NOK"),
    (&["norwegian", "krone"], "NOK"),
    (&["danish", "kroner"], "DKK"),
    (&["danish", "krone"], "DKK"),
    (&["swedish", "kronor"], "SEK"),
    (&["swedish", "krona"], "SEK"),
    (&["mexican", "pesos"], "MXN"),
    (&["argentine", "pesos"], "ARS"),
    (&["chilean", "pesos"], "CLP"),
    (&["colombian", "pesos"], "COP"),
    (&["philippine", "pesos"], "PHP"),
    (&["egyptian", "pounds"], "EGP"),
    (&["lebanese", "pounds"], "LBP"),
    (&["british", "pounds"], "GBP"),
    (&["pounds", "sterling"], "GBP"),
    (&["us", "dollars"], "USD"),
    (&["american", "dollars"], "USD"),
    (&["australian", "dollars"], "AUD"),
    (&["canadian", "dollars"], "CAD"),
    (&["singapore", "dollars"], "SGD"),
    (&["indian", "rupees"], "INR"),
    (&["pakistani", "rupees"], "PKR"),
    (&["swiss", "francs"], "CHF"),
    (&["saudi", "riyals"], "SAR"),
    (&["qatari", "riyals"], "QAR"),
    (&["uae", "dirhams"], "AED"),
    (&["moroccan", "dirhams"], "MAD"),
    (&["brazilian", "reais"], "BRL"),
    (&["turkish", "lira"], "TRY"),
    (&["korean", "won"], "KRW"),
    (&["sterling"], "GBP"),
    (&["dollars"], "USD"),
    (&["euros"], "EUR"),
    (&["euro"], "EUR"),
    (&["yen"], "JPY"),
    (&["yuan"], "CNY"),
    (&["renminbi"], "CNY"),
    (&["rupees"], "INR"),
    (&["rupiah"], "IDR"),
    (&["baht"], "THB"),
    (&["zloty"], "PLN"),
    (&["zlotys"], "PLN"),
    (&["złoty"], "PLN"),
    (&["złotys"], "PLN"),
    (&["roubles"], "RUB"),
    (&["rubles"], "RUB"),
    (&["tenge"], "KZT"),
    (&["kronor"], "SEK"),
    (&["lira"], "TRY"),
    (&["liras"], "TRY"),
    (&["hryvnias"], "UAH"),
    (&["hryvnia"], "UAH"),
    (&["forints"], "HUF"),
    (&["forint"], "HUF"),
    (&["shekels"], "ILS"),
    (&["ringgit"], "MYR"),
    (&["naira"], "NGN"),
    (&["reais"], "BRL"),
    (&["won"], "KRW"),
    (&["rand"], "ZAR"),
    (&["dong"], "VND"),
];

/// Single currency words that are also common English words: they need a large amount
/// ("4 billion won", not "3 won").
const AMBIGUOUS_NAMES: &[&str] = &["won", "rand", "dong"];

/// The currency after an amount: its code and the token after it.
fn currency_after_amount(tokens: &Tokens, amount: &Amount) -> Option<(&'static str, usize)> {
    let start = amount.end;
    if let Some(after) = suffix_sign(tokens, start) {
        return tokens
            .punct(start)
            .and_then(sign_currency)
            .map(|code| (code, after));
    }
    let word = tokens.str(start);
    if let Some(code) = ISO_CODES.iter().find(|code| **code == word) {
        return Some((code, start + 1));
    }
    if word == "RMB" {
        return Some(("CNY", start + 1));
    }
    // "U.S. dollars": the abbreviation is four tokens.
    let dotted_us = tokens.is_word(start, "u")
        && tokens.is_punct(start + 1, '.')
        && tokens.is_word(start + 2, "s")
        && tokens.is_punct(start + 3, '.');
    if dotted_us && tokens.is_word(start + 4, "dollars") {
        return Some(("USD", start + 5));
    }
    let (name, code) = CURRENCY_NAMES.iter().find(|(name, _)| {
        name.iter()
            .enumerate()
            .all(|(offset, expected)| tokens.is_word(start + offset, expected))
    })?;
    let large = amount.value >= 1000.0 || amount.scaled;
    let ambiguous = matches!(name, [single] if AMBIGUOUS_NAMES.contains(single));
    if ambiguous && !large {
        return None;
    }
    Some((code, start + name.len()))
}

/// An amount as written: digits or number words, an optional range and multiplier.
struct Amount {
    value: f64,
    /// The token after it.
    end: usize,
    /// Written as a range ("2–3 million"): the value is the lower bound.
    ranged: bool,
    /// Has a multiplier word ("million").
    scaled: bool,
}

/// Words of a number: their value, or how they scale the words before them.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NumberWord {
    /// "one" to "nineteen" and the tens "twenty" to "ninety".
    Small(u32),
    /// "thousand", "million", "lakh", "crore"… ("hundred" too, which scales only the
    /// small number before it).
    Scale(f64),
}

/// Classifies a word without allocating: this runs on every word of every sentence.
fn number_word(word: &str) -> Option<NumberWord> {
    let mut buffer = [0u8; 9];
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(match &*lower {
        b"one" => NumberWord::Small(1),
        b"two" => NumberWord::Small(2),
        b"three" => NumberWord::Small(3),
        b"four" => NumberWord::Small(4),
        b"five" => NumberWord::Small(5),
        b"six" => NumberWord::Small(6),
        b"seven" => NumberWord::Small(7),
        b"eight" => NumberWord::Small(8),
        b"nine" => NumberWord::Small(9),
        b"ten" => NumberWord::Small(10),
        b"eleven" => NumberWord::Small(11),
        b"twelve" => NumberWord::Small(12),
        b"thirteen" => NumberWord::Small(13),
        b"fourteen" => NumberWord::Small(14),
        b"fifteen" => NumberWord::Small(15),
        b"sixteen" => NumberWord::Small(16),
        b"seventeen" => NumberWord::Small(17),
        b"eighteen" => NumberWord::Small(18),
        b"nineteen" => NumberWord::Small(19),
        b"twenty" => NumberWord::Small(20),
        b"thirty" => NumberWord::Small(30),
        b"forty" => NumberWord::Small(40),
        b"fifty" => NumberWord::Small(50),
        b"sixty" => NumberWord::Small(60),
        b"seventy" => NumberWord::Small(70),
        b"eighty" => NumberWord::Small(80),
        b"ninety" => NumberWord::Small(90),
        b"hundred" => NumberWord::Scale(1e2),
        b"thousand" => NumberWord::Scale(1e3),
        b"lakh" | b"lakhs" => NumberWord::Scale(1e5),
        b"million" => NumberWord::Scale(1e6),
        b"crore" | b"crores" => NumberWord::Scale(1e7),
        b"billion" => NumberWord::Scale(1e9),
        b"trillion" => NumberWord::Scale(1e12),
        _ => return None,
    })
}

/// Short multipliers, only after a currency: "$3bn", "€40m", "$5 mn".
fn short_multiplier(word: &str) -> Option<f64> {
    Some(match word {
        "k" | "K" => 1e3,
        "m" | "M" | "mn" | "mln" => 1e6,
        "b" | "B" | "bn" | "Bn" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// A multiplier word at `index` other than "hundred" ("million", "bn" when `short`).
fn multiplier_at(tokens: &Tokens, index: usize, short: bool) -> Option<f64> {
    if tokens.kind(index) != Some(Kind::Word) {
        return None;
    }
    let word = tokens.str(index);
    match number_word(word) {
        Some(NumberWord::Scale(scale)) if scale > 100.0 => Some(scale),
        _ if short => short_multiplier(word),
        _ => None,
    }
}

fn small_number(tokens: &Tokens, index: usize) -> Option<u32> {
    if tokens.kind(index) != Some(Kind::Word) {
        return None;
    }
    match number_word(tokens.str(index)) {
        Some(NumberWord::Small(value)) => Some(value),
        _ => None,
    }
}

/// The amount at `index`, in digits ("1,500", "1.5 million", "2–3 billion") or words
/// ("fifteen", "a dozen", "two million"). `short` allows "m" and "bn".
fn amount_at(tokens: &Tokens, index: usize, short: bool) -> Option<Amount> {
    let (mut value, mut end) = match tokens.kind(index)? {
        Kind::Number => (number_value(tokens.str(index))?, index + 1),
        Kind::Word => words_value(tokens, index)?,
        Kind::Punct => return None,
    };
    if tokens.glued(end) && tokens.word_in(end, &["st", "nd", "rd", "th"]) {
        return None;
    }
    let mut ranged = false;
    if tokens.is_dash(end)
        && tokens.kind(end + 1) == Some(Kind::Number)
        && multiplier_at(tokens, end + 2, short).is_some()
    {
        ranged = true;
        end += 2;
    }
    let multiplier = multiplier_at(tokens, end, short);
    if let Some(multiplier) = multiplier {
        value *= multiplier;
        end += 1;
    }
    Some(Amount {
        value,
        end,
        ranged,
        scaled: multiplier.is_some(),
    })
}

/// "15,735" → 15735, "1.5" → 1.5; `None` for "26.01.1992".
fn number_value(text: &str) -> Option<f64> {
    if text.matches('.').count() > 1 {
        return None;
    }
    if !text.contains(',') {
        return text.parse().ok();
    }
    let digits: String = text.chars().filter(|ch| *ch != ',').collect();
    digits.parse().ok()
}

/// A number in words and the token after it: "fifteen", "twenty-five", "two hundred and
/// forty", "a dozen", "a thousand". A lone "one" is left alone: it is more often a pronoun
/// or an article ("one of the", "one another") than a count.
fn words_value(tokens: &Tokens, index: usize) -> Option<(f64, usize)> {
    if number_word(tokens.str(index)).is_none() && !tokens.is_word(index, "a") {
        return None;
    }
    if tokens.is_word(index, "a") || tokens.is_word(index, "one") {
        if tokens.is_word(index + 1, "dozen") {
            return Some((12.0, index + 2));
        }
        if tokens.is_word(index, "a") {
            return match number_word(tokens.str(index + 1)) {
                Some(NumberWord::Scale(scale)) => Some((scale, index + 2)),
                _ => None,
            };
        }
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut end = index;
    let mut after_small = false;
    let mut at = index;
    loop {
        if let Some(small) = small_number(tokens, at).filter(|_| !after_small) {
            current += f64::from(small);
            at += 1;
            // "twenty-five"
            if small >= 20
                && tokens.is_dash(at)
                && tokens.glued(at)
                && tokens.glued(at + 1)
                && let Some(unit) = small_number(tokens, at + 1).filter(|unit| *unit < 10)
            {
                current += f64::from(unit);
                at += 2;
            }
            after_small = true;
            end = at;
        } else if tokens.is_word(at, "hundred") && after_small {
            current *= 100.0;
            at += 1;
            after_small = false;
            end = at;
        } else if let Some(scale) = multiplier_at(tokens, at, false).filter(|_| end > index) {
            total += current.max(1.0) * scale;
            current = 0.0;
            at += 1;
            after_small = false;
            end = at;
        } else if tokens.is_word(at, "and")
            && !after_small
            && end > index
            && small_number(tokens, at + 1).is_some()
        {
            at += 1;
        } else {
            break;
        }
    }
    let lone_one = end == index + 1 && tokens.is_word(index, "one");
    (end > index && !lone_one).then_some((total + current, end))
}

/// A number that can be a count: not a code ("G20", "p. 313", "ISBN 978-…"), a footnote
/// ("\[12\]"), a time ("10:30") or a fraction.
fn is_plain_count(tokens: &Tokens, index: usize) -> bool {
    let next = index + 1;
    let chained = tokens.number_chain(index).1 > 2;
    let footnote = tokens.is_punct(index.wrapping_sub(1), '[') && tokens.is_punct(next, ']');
    let joined = tokens.glued(next)
        && tokens.punct(next).is_some_and(|ch| matches!(ch, ':' | '/'))
        && tokens.kind(next + 1) == Some(Kind::Number);
    !(chained || footnote || joined || tokens.is_reference_number(index))
}

/// Not a percentage: "16%", "16 percent", "16 per cent".
fn is_counted(tokens: &Tokens, end: usize) -> bool {
    !(tokens.is_punct(end, '%')
        || tokens.is_word(end, "percent")
        || tokens.word_in(end, &["per", "pc"]) && tokens.is_word(end + 1, "cent"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    Approximate,
    AtLeast,
}

/// Qualifiers before an amount, longest first where one ends another.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::AtLeast),
    (&["just", "over"], Qualifier::AtLeast),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["an", "estimated"], Qualifier::Approximate),
    (&["up", "to"], Qualifier::Approximate),
    (&["less", "than"], Qualifier::Approximate),
    (&["fewer", "than"], Qualifier::Approximate),
    (&["just", "under"], Qualifier::Approximate),
    (&["under"], Qualifier::Approximate),
    (&["estimated"], Qualifier::Approximate),
    (&["about"], Qualifier::Approximate),
    (&["around"], Qualifier::Approximate),
    (&["approximately"], Qualifier::Approximate),
    (&["roughly"], Qualifier::Approximate),
    (&["nearly"], Qualifier::Approximate),
    (&["almost"], Qualifier::Approximate),
    (&["some"], Qualifier::Approximate),
    (&["circa"], Qualifier::Approximate),
    (&["c"], Qualifier::Approximate),
];

/// The qualifier ending just before `index` (not before `floor`): its first token and kind.
fn qualifier_before(tokens: &Tokens, index: usize, floor: usize) -> (usize, Option<Qualifier>) {
    // "c. 500" and "~500" put punctuation between.
    let words_end = if tokens.is_punct(index.wrapping_sub(1), '.')
        && tokens.is_word(index.wrapping_sub(2), "c")
    {
        index - 1
    } else if index > floor && tokens.is_punct(index - 1, '~') {
        return (index - 1, Some(Qualifier::Approximate));
    } else {
        index
    };
    for (words, qualifier) in QUALIFIERS {
        let Some(first) = words_end
            .checked_sub(words.len())
            .filter(|first| *first >= floor)
        else {
            continue;
        };
        let matches = words
            .iter()
            .enumerate()
            .all(|(offset, word)| tokens.is_word(first + offset, word));
        if matches && (*words != ["c"] || words_end < index) {
            return (first, Some(*qualifier));
        }
    }
    (index, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_test_never_misses_a_number_of_twenty_or_more() {
        for text in [
            "some 15,735 prisoners",
            "twenty-five seats",
            "about two hundred people",
            "nineteen ministers and a dozen aides",
            "half a million visitors",
            "three lakh workers",
            "eleven ships",
            "no numbers here at all",
        ] {
            let large = find_numbers(text).iter().any(|number| number.value >= 20.0);
            assert!(!large || may_hold_twenty_or_more(text), "{text}");
        }
        assert!(!may_hold_twenty_or_more("eleven ships and a dozen aides"));
    }

    /// Each number as (covered text, value, approximate, at least).
    fn numbers(text: &str) -> Vec<(String, f64, bool, bool)> {
        find_numbers(text)
            .into_iter()
            .map(|number| {
                (
                    text[number.span.start..number.span.end].to_owned(),
                    number.value,
                    number.approximate,
                    number.at_least,
                )
            })
            .collect()
    }

    fn values(text: &str) -> Vec<f64> {
        find_numbers(text)
            .into_iter()
            .map(|number| number.value)
            .collect()
    }

    /// Each amount as (covered text, value, currency).
    fn money(text: &str) -> Vec<(String, f64, String)> {
        find_money(text)
            .into_iter()
            .map(|money| {
                (
                    text[money.span.start..money.span.end].to_owned(),
                    money.value,
                    money.currency,
                )
            })
            .collect()
    }

    fn amount(covered: &str, value: f64, currency: &str) -> (String, f64, String) {
        (covered.to_owned(), value, currency.to_owned())
    }

    #[test]
    fn numbers_in_digits() {
        assert_eq!(values("The camps held 15,735 prisoners."), [15_735.0]);
        assert_eq!(
            values("4,000 and 7,500 and 16,137"),
            [4_000.0, 7_500.0, 16_137.0]
        );
        assert_eq!(values("a fleet of 30,000"), [30_000.0]);
        assert_eq!(values("1.5 million visitors"), [1_500_000.0]);
        assert_eq!(values("2 billion"), [2e9]);
        assert_eq!(values("it sent 1900 soldiers"), [1_900.0]);
        assert_eq!(values("a road of 1948 kilometres"), [1_948.0]);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(values("five ministers and two envoys"), [5.0, 2.0]);
        assert_eq!(values("Fifteen students"), [15.0]);
        assert_eq!(values("twenty-five seats"), [25.0]);
        assert_eq!(values("two hundred and forty people"), [240.0]);
        assert_eq!(values("a dozen projects"), [12.0]);
        assert_eq!(values("a thousand people"), [1000.0]);
        assert_eq!(values("two million people"), [2e6]);
        assert_eq!(values("one million people"), [1e6]);
        assert!(values("one of the largest, and one another").is_empty());
    }

    #[test]
    fn qualifiers() {
        assert_eq!(
            numbers("over 120,000 people"),
            [("over 120,000".to_owned(), 120_000.0, false, true)]
        );
        assert_eq!(
            numbers("about 3,500 Egyptians"),
            [("about 3,500".to_owned(), 3_500.0, true, false)]
        );
        assert_eq!(
            numbers("more than 40,000 troops"),
            [("more than 40,000".to_owned(), 40_000.0, false, true)]
        );
        assert_eq!(
            numbers("Around 90,000 tourists"),
            [("Around 90,000".to_owned(), 90_000.0, true, false)]
        );
        assert_eq!(
            numbers("at least five"),
            [("at least five".to_owned(), 5.0, false, true)]
        );
        assert_eq!(
            numbers("c. 500 people"),
            [("c. 500".to_owned(), 500.0, true, false)]
        );
        assert!(numbers("2–3 million people")[0].2);
    }

    #[test]
    fn dates_ordinals_and_codes_are_not_counts() {
        assert!(values("It was founded in 1993.").is_empty());
        assert!(values("on 18 November and on the 25th").is_empty());
        assert!(values("The first and the fiftieth visit; the 25th anniversary").is_empty());
        assert!(values("see pp. 12–40 and p. 313").is_empty());
        assert!(values("ISBN 978-601-273-091-3").is_empty());
        assert!(values("the G20 summit[12]").is_empty());
        assert!(values("a rise of 16% or 12 percent or 3 per cent").is_empty());
        assert!(values("at 10:30").is_empty());
        assert_eq!(
            values("In October 2009, 1,051 residents were counted."),
            [1_051.0]
        );
        assert_eq!(values("the 2,500-strong army"), [2_500.0]);
    }

    #[test]
    fn money_is_not_a_count() {
        assert!(values("it lent US$15.2 billion").is_empty());
        assert_eq!(values("3 ships costing €40m"), [3.0]);
    }

    #[test]
    fn money_with_signs() {
        assert_eq!(
            money("a loan of $2.3 billion"),
            [amount("$2.3 billion", 2.3e9, "USD")]
        );
        assert_eq!(
            money("US$ 46 million"),
            [amount("US$ 46 million", 46e6, "USD")]
        );
        assert_eq!(
            money("a record US$15.2 billion in"),
            [amount("US$15.2 billion", 15.2e9, "USD")]
        );
        assert_eq!(
            money("€13.8 million and €100 million"),
            [
                amount("€13.8 million", 13.8e6, "EUR"),
                amount("€100 million", 100e6, "EUR"),
            ]
        );
        assert_eq!(money("£5,000"), [amount("£5,000", 5_000.0, "GBP")]);
        assert_eq!(
            money("goods worth ¥139.6 billion"),
            [amount("¥139.6 billion", 139.6e9, "JPY")]
        );
        assert_eq!(
            money("A$1.4 billion"),
            [amount("A$1.4 billion", 1.4e9, "AUD")]
        );
        assert_eq!(
            money("C$438 million and CA$4 billion"),
            [
                amount("C$438 million", 438e6, "CAD"),
                amount("CA$4 billion", 4e9, "CAD"),
            ]
        );
        assert_eq!(money("R$ 2 billion"), [amount("R$ 2 billion", 2e9, "BRL")]);
        assert_eq!(money("₩3 trillion"), [amount("₩3 trillion", 3e12, "KRW")]);
        assert_eq!(money("₹500 crore"), [amount("₹500 crore", 5e9, "INR")]);
        assert_eq!(
            money("$3bn and €40m"),
            [amount("$3bn", 3e9, "USD"), amount("€40m", 40e6, "EUR")]
        );
        assert_eq!(money("$5 mn"), [amount("$5 mn", 5e6, "USD")]);
        assert_eq!(
            money("OMR 86.5 million"),
            [amount("OMR 86.5 million", 86.5e6, "OMR")]
        );
        assert_eq!(
            money("N$12.4 million"),
            [amount("N$12.4 million", 12.4e6, "NAD")]
        );
        assert_eq!(
            money("R 9.4 billion"),
            [amount("R 9.4 billion", 9.4e9, "ZAR")]
        );
    }

    #[test]
    fn money_with_codes_and_names() {
        assert_eq!(
            money("USD 5 million"),
            [amount("USD 5 million", 5e6, "USD")]
        );
        assert_eq!(
            money("KZT 1 trillion"),
            [amount("KZT 1 trillion", 1e12, "KZT")]
        );
        assert_eq!(
            money("1 trillion tenge"),
            [amount("1 trillion tenge", 1e12, "KZT")]
        );
        assert_eq!(
            money("NOK 2.5 billion"),
            [amount("NOK 2.5 billion", 2.5e9, "NOK")]
        );
        assert_eq!(
            money("2.5 billion Norwegian kroner"),
            [amount("2.5 billion Norwegian kroner", 2.5e9, "NOK")]
        );
        assert_eq!(
            money("2.5 billion kronor"),
            [amount("2.5 billion kronor", 2.5e9, "SEK")]
        );
        assert!(money("2.5 billion kroner").is_empty());
        assert_eq!(
            money("4 billion won"),
            [amount("4 billion won", 4e9, "KRW")]
        );
        assert_eq!(
            money("900 million rupees"),
            [amount("900 million rupees", 900e6, "INR")]
        );
        assert_eq!(
            money("12 billion baht"),
            [amount("12 billion baht", 12e9, "THB")]
        );
        assert_eq!(
            money("3 billion zloty"),
            [amount("3 billion zloty", 3e9, "PLN")]
        );
        assert_eq!(
            money("7 billion roubles or rubles"),
            [amount("7 billion roubles", 7e9, "RUB")]
        );
        assert_eq!(
            money("8 billion yuan"),
            [amount("8 billion yuan", 8e9, "CNY")]
        );
        assert_eq!(
            money("RMB 8 billion"),
            [amount("RMB 8 billion", 8e9, "CNY")]
        );
        assert_eq!(
            money("2 million Mexican pesos"),
            [amount("2 million Mexican pesos", 2e6, "MXN")]
        );
        assert!(money("2 million pesos").is_empty());
        assert_eq!(
            money("5 billion lira"),
            [amount("5 billion lira", 5e9, "TRY")]
        );
        assert_eq!(
            money("9 million Egyptian pounds"),
            [amount("9 million Egyptian pounds", 9e6, "EGP")]
        );
        assert!(money("9 million pounds of rice").is_empty());
        assert_eq!(
            money("five million dollars"),
            [amount("five million dollars", 5e6, "USD")]
        );
        assert_eq!(
            money("300 million euros"),
            [amount("300 million euros", 300e6, "EUR")]
        );
        assert_eq!(
            money("5 million U.S. dollars"),
            [amount("5 million U.S. dollars", 5e6, "USD")]
        );
        assert_eq!(
            money("5 million USD"),
            [amount("5 million USD", 5e6, "USD")]
        );
    }

    #[test]
    fn money_words_that_are_ordinary_words() {
        assert!(money("the team won 3 games and 3 won").is_empty());
        assert!(money("the price was 40").is_empty());
    }

    #[test]
    fn approximate_money() {
        let found =
            find_money("more than US$3.5 billion, about $2 million and $2–3 billion, exactly $5");
        let flags: Vec<(f64, bool)> = found
            .iter()
            .map(|money| (money.value, money.approximate))
            .collect();
        assert_eq!(
            flags,
            [(3.5e9, true), (2e6, true), (2e9, true), (5.0, false)]
        );
        assert_eq!(
            text_of("more than US$3.5 billion", &found[0].span),
            "more than US$3.5 billion"
        );
    }

    fn text_of<'a>(text: &'a str, span: &Span) -> &'a str {
        &text[span.start..span.end]
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "$",
            "US$",
            "€m",
            "$ 5 bn bn",
            "a",
            "one",
            "1,",
            "–5 million",
            "1.2.3",
            "½ ¾ ₩",
            "c.",
            "~",
            "ninety hundred ninety hundred ninety hundred ninety hundred ninety hundred ninety",
        ] {
            let _ = find_money(text);
            let _ = find_numbers(text);
        }
    }

    #[test]
    fn units_written_alone_name_their_currency() {
        assert_eq!(currency_of_unit("US$"), Some("USD"));
        assert_eq!(currency_of_unit("$"), Some("USD"));
        assert_eq!(currency_of_unit("€"), Some("EUR"));
        assert_eq!(currency_of_unit("A$"), Some("AUD"));
        assert_eq!(currency_of_unit("NOK"), Some("NOK"));
        assert_eq!(currency_of_unit("KSh"), Some("KES"));
        assert_eq!(currency_of_unit("million"), None);
        assert_eq!(currency_of_unit("Q$"), None);
    }

    #[test]
    fn shilling_and_taka_abbreviations_are_money() {
        let found = find_money("goods worth KSh 11.4 billion and Tk 500 crore");
        assert_eq!(
            found.first().map(|money| money.currency.as_str()),
            Some("KES")
        );
        assert_eq!(
            found.first().map(|money| money.value),
            Some(11_400_000_000.0)
        );
        assert!(find_money("the Ksh river").is_empty());
    }
}
