//! The embedded country table: `data/countries.tsv` parsed into [`Country`] rows, plus the
//! list of phrases that look like country words but name no state.

use bilateral_model::CountryCode;
use bilateral_model::country::BadCountryCode;

use crate::Country;

/// The country table as shipped with the crate.
pub(crate) const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");

/// Phrases that contain a country word but mention no state ("New Mexico").
pub(crate) const NOT_COUNTRIES: &str = include_str!("../data/not-countries.txt");

/// The header row the parser expects, so a column added in the data is not silently misread.
const HEADER: &str =
    "code\tiso2\tcow\tname\tofficial\thistorical\tnames\tdemonyms\tcapitals\tcombining";

/// Marks an entry that look-ups know but running text never matches ("~Victoria").
const QUIET_MARK: char = '~';

/// Why the country table could not be read, with the 1-based line number.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TableError {
    #[error("line {line}: the header row is not {HEADER:?}")]
    Header { line: usize },
    #[error("line {line}: expected 10 tab-separated columns, found {found}")]
    Columns { line: usize, found: usize },
    #[error("line {line}: {source}")]
    Code {
        line: usize,
        #[source]
        source: BadCountryCode,
    },
    #[error("line {line}: the COW code {text:?} is not a number")]
    Cow { line: usize, text: String },
    #[error("line {line}: `historical` must be yes or no, found {text:?}")]
    Historical { line: usize, text: String },
    #[error("the table has no header row")]
    NoHeader,
}

/// One parsed row: the public record plus what only the matchers need.
#[derive(Debug)]
pub(crate) struct Row {
    pub country: Country,
    /// Entries of `names`, `demonyms` and `capitals` never matched in running text.
    pub quiet: Vec<&'static str>,
    /// Prefix forms used in titles ("Sino" in "Sino-Japanese relations").
    pub combining: Vec<&'static str>,
}

/// Parses the table: `#` lines are comments, the first other line is the header.
pub(crate) fn parse(text: &'static str) -> Result<Vec<Row>, TableError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty());
    let (header_line, header) = lines.next().ok_or(TableError::NoHeader)?;
    if header != HEADER {
        return Err(TableError::Header { line: header_line });
    }
    lines.map(|(line, text)| parse_row(line, text)).collect()
}

fn parse_row(line: usize, text: &'static str) -> Result<Row, TableError> {
    let columns: Vec<&'static str> = text.split('\t').collect();
    let [
        code,
        iso2,
        cow,
        name,
        official,
        historical,
        names,
        demonyms,
        capitals,
        combining,
    ] = columns[..]
    else {
        return Err(TableError::Columns {
            line,
            found: columns.len(),
        });
    };
    let code = CountryCode::new(code).map_err(|source| TableError::Code { line, source })?;
    let cow = match cow {
        "" => None,
        digits => Some(digits.parse::<u16>().map_err(|_| TableError::Cow {
            line,
            text: digits.to_owned(),
        })?),
    };
    let historical = match historical {
        "yes" => true,
        "no" => false,
        other => {
            return Err(TableError::Historical {
                line,
                text: other.to_owned(),
            });
        }
    };
    let mut quiet = Vec::new();
    let mut all_names = vec![name, official];
    all_names.extend(entries(names, &mut quiet));
    dedup_in_order(&mut all_names);
    Ok(Row {
        country: Country {
            code,
            iso2,
            cow,
            name,
            official,
            historical,
            names: all_names,
            demonyms: entries(demonyms, &mut quiet),
            capitals: entries(capitals, &mut quiet),
        },
        quiet,
        combining: entries(combining, &mut Vec::new()),
    })
}

/// Splits a `;`-separated field, stripping the quiet mark and noting which entries had it.
fn entries(field: &'static str, quiet: &mut Vec<&'static str>) -> Vec<&'static str> {
    field
        .split(';')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| match entry.strip_prefix(QUIET_MARK) {
            Some(bare) => {
                quiet.push(bare);
                bare
            }
            None => entry,
        })
        .collect()
}

fn dedup_in_order(items: &mut Vec<&'static str>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| seen.insert(*item));
}

/// The phrases of `not-countries.txt`, without comments and blank lines.
pub(crate) fn not_countries() -> impl Iterator<Item = &'static str> {
    NOT_COUNTRIES
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}
