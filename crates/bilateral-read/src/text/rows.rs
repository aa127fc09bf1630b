//! The shapes of one body line of plain text beyond prose: headings marked with `==`, numbered
//! (`1.1 Imperial era`, `1. OVERVIEW`) or in capitals; enumerated lines (`5. VIP Visits`,
//! `(1) From Japan to Laos`, `b) Visits to Laos`) whose words may title a section; table
//! rows whose cells are split by tabs, runs of spaces or bars (`2000 | Prime Minister A`);
//! year-by-year list lines (`1957  Vice President …`) and `Key: value` notes.

/// A run of this many spaces splits the cells of a space-aligned table row.
const CELL_GAP_SPACES: &str = "   ";
const CELL_GAP: usize = CELL_GAP_SPACES.len();

/// The most words a numbered or capitalised heading has.
const MAX_HEADING_WORDS: usize = 10;

/// The longest key of a `Key: value` note.
const MAX_KEY_WORDS: usize = 6;

/// `== History ==` as `(2, "History")`.
pub(super) fn marked_heading(text: &str) -> Option<(u8, &str)> {
    let level = text.bytes().take_while(|&byte| byte == b'=').count();
    if !(2..=6).contains(&level) {
        return None;
    }
    let closing = text.bytes().rev().take_while(|&byte| byte == b'=').count();
    let inner = text.get(level..text.len().checked_sub(level)?)?.trim();
    (closing == level && !inner.is_empty() && !inner.contains('='))
        .then(|| (u8::try_from(level).unwrap_or(6), inner))
}

/// A numbered heading: `1.1 Imperial era` (level 3), `2 Since 2010` (level 2) when the number
/// has no dot after it, and `1. OVERVIEW` when the words are in capitals.
pub(super) fn numbered_heading(text: &str) -> Option<(u8, &str)> {
    let number_len = text
        .bytes()
        .take_while(|byte| byte.is_ascii_digit() || *byte == b'.')
        .count();
    let number = text.get(..number_len)?;
    let words = text.get(number_len..)?;
    if number.is_empty()
        || !number.starts_with(|c: char| c.is_ascii_digit())
        || number.contains("..")
        || !words.starts_with(' ')
    {
        return None;
    }
    let words = words.trim();
    let parts = number.trim_end_matches('.').split('.').count();
    let capitals = is_capitalised(words);
    let plain = !number.ends_with('.') && words.starts_with(char::is_uppercase);
    if !(capitals || plain) || !heading_words(words) {
        return None;
    }
    Some((u8::try_from(parts + 1).unwrap_or(6).min(6), words))
}

/// The most words of a title an enumerated line gives the section after it.
const MAX_TITLE_WORDS: usize = 8;

/// The longest title an enumerated line gives the section after it, in bytes.
const MAX_TITLE_BYTES: usize = 80;

/// How a line is enumerated.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Enumeration {
    /// `5. VIP Visits`: a number and a dot.
    Dotted,
    /// `(1) From Japan to Laos`, `b) Visits to Laos`: a number or a letter and a bracket.
    Bracketed,
}

/// A line that opens with an enumerator: its style, its ordinal and the words after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Enumerated<'a> {
    pub style: Enumeration,
    pub ordinal: u32,
    pub words: &'a str,
}

impl Enumerated<'_> {
    /// Whether `next` is the item after this one in a run: the same style, the next ordinal.
    pub fn is_followed_by(&self, next: &Enumerated<'_>) -> bool {
        self.style == next.style && self.ordinal.checked_add(1) == Some(next.ordinal)
    }
}

/// The most digits of an enumerator; a longer number is a year or a figure.
const MAX_ENUMERATOR_DIGITS: usize = 3;

/// `5. VIP Visits`, `(1) From Japan to Laos` or `b) Visits to Laos` as its enumerator (a
/// letter counts from `a`, 1) and words.
pub(super) fn enumerated(text: &str) -> Option<Enumerated<'_>> {
    let (label, rest) = text.split_once(['.', ')'])?;
    let (style, label) = if text.as_bytes().get(label.len()) == Some(&b'.') {
        (Enumeration::Dotted, label)
    } else {
        (
            Enumeration::Bracketed,
            label.strip_prefix('(').unwrap_or(label),
        )
    };
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let ordinal = match label.as_bytes() {
        [letter] if style == Enumeration::Bracketed && letter.is_ascii_alphabetic() => {
            u32::from(letter.to_ascii_lowercase() - b'a') + 1
        }
        digits
            if (1..=MAX_ENUMERATOR_DIGITS).contains(&digits.len())
                && digits.iter().all(u8::is_ascii_digit) =>
        {
            label.parse().ok()?
        }
        _ => return None,
    };
    Some(Enumerated {
        style,
        ordinal,
        words: rest.trim(),
    })
}

/// Words that can title a section: a few, from a capital, with no figure and no sentence end.
/// "VIP Visits", "Economic and Technical Cooperation"; not "Agreement on Trade (2005)" nor
/// "The agreements signed are:".
pub(super) fn is_title(words: &str) -> bool {
    (1..=MAX_TITLE_WORDS).contains(&words.split_whitespace().count())
        && words.len() <= MAX_TITLE_BYTES
        && words.starts_with(char::is_uppercase)
        && !words.bytes().any(|byte| byte.is_ascii_digit())
        && !words.ends_with(super::SENTENCE_FINAL)
}

/// A heading in capitals: `BASIC DATA`, `REFERENCES`.
pub(super) fn capital_heading(text: &str) -> Option<&str> {
    (is_capitalised(text)
        && heading_words(text)
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .then_some(text)
}

fn heading_words(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=MAX_HEADING_WORDS).contains(&words)
        && !text.ends_with(['.', ',', ';', ':'])
        && text.len() <= 100
}

/// Every letter in capitals, and at least one letter.
fn is_capitalised(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// The cells of a table row: split at tabs, or at runs of three or more spaces. None for a
/// line with one cell.
pub(super) fn cells(text: &str) -> Option<Vec<(usize, &str)>> {
    // Most lines are prose: no tab and no wide gap, found by two fast substring searches.
    if !text.contains('\t') && !text.contains(CELL_GAP_SPACES) {
        return None;
    }
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let gap = match bytes.get(index) {
            Some(b'\t') => bytes.get(index..).map_or(1, |rest| {
                rest.iter()
                    .take_while(|b| matches!(b, b'\t' | b' '))
                    .count()
            }),
            Some(b' ') => {
                let run = bytes
                    .get(index..)
                    .map_or(1, |rest| rest.iter().take_while(|b| **b == b' ').count());
                let tab = bytes.get(index + run) == Some(&b'\t');
                if run >= CELL_GAP || tab { run } else { 0 }
            }
            _ => 0,
        };
        if gap == 0 {
            index += 1;
            continue;
        }
        cells.push((start, text.get(start..index).unwrap_or("")));
        index += gap;
        start = index;
    }
    if cells.is_empty() {
        return None;
    }
    cells.push((start, text.get(start..).unwrap_or("")));
    Some(cells)
}

/// The cells of a table row copied with bars between them, `2000 January | Prime Minister A`
/// or `| Year | Name |` (bars at the ends frame the row). None for a line with no bar between
/// two cells. One bar in prose makes no table: the reader asks the lines beside it too.
pub(super) fn bar_cells(text: &str) -> Option<Vec<(usize, &str)>> {
    if !text.contains('|') {
        return None;
    }
    let start = usize::from(text.starts_with('|'));
    let end = if text.len() > start && text.ends_with('|') {
        text.len() - 1
    } else {
        text.len()
    };
    let mut cells = Vec::new();
    let mut at = start;
    for cell in text.get(start..end)?.split('|') {
        let lead = cell.len() - cell.trim_start().len();
        cells.push((at + lead, cell.trim()));
        at += cell.len() + 1;
    }
    (cells.len() >= 2 && cells.iter().any(|(_, cell)| !cell.is_empty())).then_some(cells)
}

/// The rule a text copy of a table draws under its header: `|---|:---:|`, `---+---`.
pub(super) fn is_bar_rule(text: &str) -> bool {
    text.contains(['|', '+'])
        && text.contains('-')
        && text
            .chars()
            .all(|c| matches!(c, '|' | '+' | '-' | ':' | ' '))
}

/// A header row names columns: none of its cells is a figure, though years may head columns.
pub(super) fn is_header_row(cells: &[(usize, &str)]) -> bool {
    cells.iter().all(|(_, cell)| {
        let digits = cell.bytes().filter(u8::is_ascii_digit).count();
        digits == 0 || (digits == 4 && cell.trim().len() == 4)
    })
}

/// A year-by-year list line: a year, two or more spaces or a tab, then what happened in
/// words (not another figure, as in a table's row of years).
pub(super) fn is_year_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > 6
        && bytes.iter().take(4).all(u8::is_ascii_digit)
        && matches!(bytes.get(4..6), Some([b' ', b' '] | [b'\t', _]))
        && text
            .get(4..)
            .is_some_and(|rest| rest.trim_start().starts_with(char::is_alphabetic))
}

/// A telegraphic note, `Diplomatic relations: established 19 August 1964`: a short key in
/// words, a colon, a value.
/// The longest key of a `Key: value` note worth looking for, in bytes.
const MAX_KEY_BYTES: usize = 80;

pub(super) fn is_key_value(text: &str) -> bool {
    // A key is a few words: look for its colon near the start only, not along a paragraph.
    let colon = text
        .bytes()
        .take(MAX_KEY_BYTES)
        .position(|byte| byte == b':')
        .filter(|&at| text.as_bytes().get(at + 1) == Some(&b' '));
    colon.is_some_and(|at| {
        let (key, value) = (&text[..at], &text[at + 2..]);
        let words = key.split_whitespace().count();
        (1..=MAX_KEY_WORDS).contains(&words)
            && key.starts_with(char::is_uppercase)
            && !key.contains(['.', ';', '"', '('])
            && !value.trim().is_empty()
            && !value.ends_with('.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_every_marking() {
        assert_eq!(marked_heading("== History =="), Some((2, "History")));
        assert_eq!(marked_heading("=== 1990s ==="), Some((3, "1990s")));
        assert_eq!(marked_heading("== Uneven ==="), None);
        assert_eq!(marked_heading("= Title ="), None);
        assert_eq!(
            numbered_heading("1.1 Imperial era"),
            Some((3, "Imperial era"))
        );
        assert_eq!(numbered_heading("2 Since 2010"), Some((2, "Since 2010")));
        assert_eq!(numbered_heading("1. OVERVIEW"), Some((2, "OVERVIEW")));
        assert_eq!(numbered_heading("1. Treaty of Friendship"), None);
        assert_eq!(numbered_heading("1990 was a good year."), None);
        assert_eq!(capital_heading("BASIC DATA"), Some("BASIC DATA"));
        assert_eq!(capital_heading("NATO"), Some("NATO"));
        assert_eq!(capital_heading("Basic data"), None);
    }

    #[test]
    fn enumerated_lines_and_title_words() {
        let dotted = |ordinal, words| Enumerated {
            style: Enumeration::Dotted,
            ordinal,
            words,
        };
        assert_eq!(enumerated("5. VIP Visits"), Some(dotted(5, "VIP Visits")));
        assert_eq!(
            enumerated("12.\tAgreement on Trade (2005)"),
            Some(dotted(12, "Agreement on Trade (2005)"))
        );
        let bracketed = |ordinal, words| Enumerated {
            style: Enumeration::Bracketed,
            ordinal,
            words,
        };
        assert_eq!(
            enumerated("(1) From Japan to Laos"),
            Some(bracketed(1, "From Japan to Laos"))
        );
        assert_eq!(
            enumerated("(b) Visits to Laos"),
            Some(bracketed(2, "Visits to Laos"))
        );
        assert_eq!(enumerated("C) Trade"), Some(bracketed(3, "Trade")));
        for other in [
            "1990. A year",
            "1.1 Imperial era",
            "5.VIP",
            "No. 5. Visits",
            "a. Note",
            "(ab) Trade",
            "(1)Trade",
            "Trade (1) and aid",
            "(Basic Data) Japan",
        ] {
            assert_eq!(enumerated(other), None, "{other}");
        }
        assert!(dotted(1, "").is_followed_by(&dotted(2, "")));
        assert!(!dotted(1, "").is_followed_by(&dotted(3, "")));
        assert!(bracketed(1, "").is_followed_by(&bracketed(2, "")));
        assert!(!dotted(1, "").is_followed_by(&bracketed(2, "")));
        for title in [
            "VIP Visits",
            "Diplomatic Relations",
            "Economic and Technical Cooperation",
        ] {
            assert!(is_title(title), "{title}");
        }
        for words in [
            "Agreement on Trade (2005)",
            "The agreements signed are:",
            "visits",
            "The two sides agreed to expand trade and to meet again next year in the capital",
        ] {
            assert!(!is_title(words), "{words}");
        }
    }

    #[test]
    fn cells_split_at_tabs_and_wide_gaps() {
        let texts =
            |text| cells(text).map(|cells| cells.into_iter().map(|(_, c)| c).collect::<Vec<_>>());
        assert_eq!(
            texts("Mission\tCity\tOpened"),
            Some(vec!["Mission", "City", "Opened"])
        );
        assert_eq!(texts("Total      71.4"), Some(vec!["Total", "71.4"]));
        assert_eq!(texts("Two  spaces only"), None);
        assert_eq!(texts("plain words"), None);
        assert!(is_header_row(&cells("2021      2022").unwrap_or_default()));
        assert!(!is_header_row(
            &cells("Total      71.4").unwrap_or_default()
        ));
        assert!(is_header_row(
            &cells("Date\tAgreement\tPlace").unwrap_or_default()
        ));
    }

    #[test]
    fn cells_split_at_bars() {
        let texts = |text| {
            bar_cells(text).map(|cells| cells.into_iter().map(|(_, c)| c).collect::<Vec<_>>())
        };
        assert_eq!(texts("Year | Name"), Some(vec!["Year", "Name"]));
        assert_eq!(
            texts("| 2000 January | Prime Minister A |"),
            Some(vec!["2000 January", "Prime Minister A"])
        );
        assert_eq!(texts("a || b"), Some(vec!["a", "", "b"]));
        assert_eq!(texts("| only |"), None);
        assert_eq!(texts("plain words"), None);
        let row = "Date|  Event";
        let offsets: Vec<usize> = bar_cells(row)
            .unwrap_or_default()
            .iter()
            .map(|&(at, _)| at)
            .collect();
        assert_eq!(offsets, [0, 7]);
        assert!(is_bar_rule("|---|:---:|"));
        assert!(is_bar_rule("----+----"));
        assert!(!is_bar_rule("-----"));
        assert!(!is_bar_rule("| a | b |"));
    }

    #[test]
    fn list_lines() {
        assert!(is_year_line("1957  Vice President Radhakrishnan"));
        assert!(is_year_line("2011\tVisit"));
        assert!(!is_year_line("1957 was the year"));
        assert!(!is_year_line("2022      2023"));
        assert!(is_key_value(
            "Diplomatic relations: established 19 August 1964"
        ));
        assert!(is_key_value("Capital: Dodoma"));
        assert!(!is_key_value("He said: no."));
        assert!(!is_key_value(
            "The talks in Rome, which lasted a week and ended well: yes"
        ));
    }
}
