//! ISBN reading and checking: ISBN-10 and ISBN-13 as printed, with hyphens or spaces, checked
//! against their check digit and normalised to ISBN-13.

use bilateral_model::Isbn;

/// Reads an ISBN as references print it: `ISBN 0-306-40615-2`, `978-0-306-40615-7`,
/// `0-8044-2957-X`. ISBN-10s are converted to ISBN-13 (prefix 978, check digit recomputed);
/// `valid` says whether the printed check digit is right. `None` if the text is not shaped like
/// an ISBN.
pub fn parse_isbn(text: &str) -> Option<Isbn> {
    let printed = strip_label(text.trim())
        .trim()
        .trim_end_matches(['.', ',', ';'])
        .trim();
    if printed.starts_with(['-', ' ']) || printed.ends_with(['-', ' ']) {
        return None;
    }
    let mut symbols = Vec::with_capacity(13);
    for c in printed.chars() {
        match c {
            '0'..='9' | 'X' | 'x' => symbols.push(c.to_ascii_uppercase()),
            '-' | ' ' | '\u{2010}' | '\u{2011}' | '\u{a0}' => {}
            _ => return None,
        }
    }
    // An X may only stand last, as the check digit of an ISBN-10.
    let (check, body) = symbols.split_last()?;
    if body.contains(&'X') {
        return None;
    }
    let digits: Vec<u32> = body.iter().filter_map(|c| c.to_digit(10)).collect();
    match digits.len() {
        9 => {
            let printed_check = if *check == 'X' {
                10
            } else {
                check.to_digit(10)?
            };
            let valid = isbn10_check(&digits) == printed_check;
            let mut thirteen: Vec<u32> = vec![9, 7, 8];
            thirteen.extend(&digits);
            let check13 = isbn13_check(&thirteen);
            thirteen.push(check13);
            Some(Isbn {
                printed: printed.to_owned(),
                isbn13: to_string(&thirteen),
                valid,
            })
        }
        12 => {
            let printed_check = check.to_digit(10)?;
            if !matches!(digits.get(..3), Some([9, 7, 8]) | Some([9, 7, 9])) {
                return None;
            }
            let valid = isbn13_check(&digits) == printed_check;
            let mut thirteen = digits;
            thirteen.push(printed_check);
            Some(Isbn {
                printed: printed.to_owned(),
                isbn13: to_string(&thirteen),
                valid,
            })
        }
        _ => None,
    }
}

/// Drops a leading `ISBN`, `ISBN-10`, `ISBN-13` and a colon after it.
fn strip_label(text: &str) -> &str {
    let Some(rest) = text
        .strip_prefix("ISBN")
        .or_else(|| text.strip_prefix("isbn"))
    else {
        return text;
    };
    let rest = rest
        .strip_prefix("-13")
        .or_else(|| rest.strip_prefix("-10"))
        .unwrap_or(rest);
    let rest = rest.trim_start();
    rest.strip_prefix(':').unwrap_or(rest)
}

/// The ISBN-10 check value (10 for X) of its first nine digits.
fn isbn10_check(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .zip((2..=10).rev())
        .map(|(digit, weight)| digit * weight)
        .sum();
    (11 - sum % 11) % 11
}

/// The ISBN-13 check digit of its first twelve digits.
fn isbn13_check(digits: &[u32]) -> u32 {
    let sum: u32 = digits
        .iter()
        .zip([1, 3].into_iter().cycle())
        .map(|(digit, weight)| digit * weight)
        .sum();
    (10 - sum % 10) % 10
}

fn to_string(digits: &[u32]) -> String {
    digits
        .iter()
        .filter_map(|&d| char::from_digit(d, 10))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isbn(text: &str) -> Isbn {
        parse_isbn(text).unwrap_or_else(|| panic!("not read as an ISBN: {text:?}"))
    }

    #[test]
    fn reads_a_valid_isbn13_with_hyphens() {
        let found = isbn("978-0-306-40615-7");
        assert_eq!(found.printed, "978-0-306-40615-7");
        assert_eq!(found.isbn13, "9780306406157");
        assert!(found.valid);
    }

    #[test]
    fn flags_a_wrong_isbn13_check_digit_and_keeps_the_digits() {
        let found = isbn("978-0-306-40615-3");
        assert_eq!(found.isbn13, "9780306406153");
        assert!(!found.valid);
    }

    #[test]
    fn converts_a_valid_isbn10() {
        let found = isbn("0-306-40615-2");
        assert_eq!(found.isbn13, "9780306406157");
        assert!(found.valid);
    }

    #[test]
    fn converts_an_isbn10_with_an_x_check_digit() {
        let found = isbn("0-8044-2957-X");
        assert!(found.valid);
        assert_eq!(found.isbn13, "9780804429573");
        assert!(isbn("0-8044-2957-x").valid);
    }

    #[test]
    fn flags_a_wrong_isbn10_check_digit_but_recomputes_the_isbn13_one() {
        let found = isbn("0-306-40615-5");
        assert!(!found.valid);
        assert_eq!(found.isbn13, "9780306406157");
    }

    #[test]
    fn reads_labels_spaces_and_trailing_punctuation() {
        assert_eq!(isbn("ISBN 0 306 40615 2").isbn13, "9780306406157");
        assert_eq!(
            isbn("ISBN-13: 978-0-306-40615-7.").printed,
            "978-0-306-40615-7"
        );
        assert!(isbn("isbn 0306406152").valid);
    }

    #[test]
    fn refuses_what_is_not_isbn_shaped() {
        for text in [
            "",
            "ISBN",
            "12345",
            "0-306-4X615-2",
            "123-4-567-89012-3",
            "978-0-306-40615-X",
            "-0306406152",
            "0306406152-",
            "ISBN 0-306-40615-2 and more",
            "٠١٢٣٤٥٦٧٨٩",
        ] {
            assert_eq!(parse_isbn(text), None, "{text:?}");
        }
    }
}
