//! Dates in the forms articles write them, normalised with their precision.

use bilateral_model::PartialDate;

/// English month names, full and abbreviated, case-insensitive: "March", "mar", "Sept" → 3/9.
pub fn month_from_name(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ];
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|name| *name == lower || (lower.len() == 3 && name.starts_with(&lower)))
        .and_then(|index| u8::try_from(index + 1).ok())
}

/// The whole (trimmed) text as one date: "14 May 2024", "May 14, 2024", "2023-05-01",
/// "January 2020", "2011". `None` when the text is anything more or less than a date.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim().trim_end_matches('.');
    if let Some(date) = parse_iso(text) {
        return Some(date);
    }
    let tokens: Vec<&str> = text
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|token| !token.is_empty())
        .collect();
    let year = |token: &str| {
        (token.len() == 4 && token.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| token.parse::<i32>().ok())
            .flatten()
    };
    let day = |token: &str| {
        (token.len() <= 2 && token.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| token.parse::<u8>().ok())
            .flatten()
    };
    match tokens.as_slice() {
        [y] => year(y).map(PartialDate::Year),
        [m, y] => PartialDate::month(year(y)?, month_from_name(m)?).ok(),
        [first, second, y] => {
            let (month, day_of_month) = match month_from_name(first) {
                Some(month) => (month, day(second)?),
                None => (month_from_name(second)?, day(first)?),
            };
            PartialDate::day(year(y)?, month, day_of_month).ok()
        }
        _ => None,
    }
}

/// "2023-05-01" or "2023-05".
fn parse_iso(text: &str) -> Option<PartialDate> {
    let bytes = text.as_bytes();
    let shape_ok = match bytes.len() {
        7 | 10 => bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        }),
        _ => false,
    };
    if shape_ok { text.parse().ok() } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        text.parse().unwrap()
    }

    #[test]
    fn parses_whole_string_dates() {
        assert_eq!(parse_date("14 May 2024"), Some(d("2024-05-14")));
        assert_eq!(parse_date("May 14, 2024"), Some(d("2024-05-14")));
        assert_eq!(parse_date("2023-05-01"), Some(d("2023-05-01")));
        assert_eq!(parse_date("January 2020"), Some(d("2020-01")));
        assert_eq!(parse_date(" October 2017 "), Some(d("2017-10")));
        assert_eq!(parse_date("2011"), Some(d("2011")));
        assert_eq!(parse_date("1 June 2016."), Some(d("2016-06-01")));
        assert_eq!(parse_date("31 June 2016"), None);
        assert_eq!(parse_date("page 12"), None);
    }
}
