//! Trade written as a table rather than in prose: a caption that gives the unit ("Mutual
//! trade (US$ million)", "Bilateral trade, 2023 (US$ million; ...)"), then rows read one
//! sentence each, as cells joined by " | " or by spaces. Two layouts: years across
//! ("2021 2022 2023", then "Zambian exports to Tanzania 612.4 655.0 701.3") or years down
//! ("Year | Chinese exports to Bangladesh | Bangladeshi exports to China", then "2016 |
//! 14.3 | 0.81"). Each row label or column heading names its flow; the first line that is
//! neither ends the table.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{Direction, Fact, Span};
use bilateral_recognise::date::{DateContext, find_dates};
use bilateral_recognise::quantity::currency_of_unit;

use std::sync::LazyLock;

use crate::figures::{Flow, direction_of};
use crate::lexicon;
use crate::view::View;
use crate::{Found, State};

/// A trade table being read.
#[derive(Clone, Debug)]
pub(crate) struct TradeTable {
    currency: &'static str,
    scale: f64,
    /// The years of the value columns, or the caption's one year.
    years: Vec<i32>,
    /// The flow of each value column, when years run down the rows.
    columns: Vec<Option<Flow>>,
}

/// Scale words of a caption's unit, and their factor.
const SCALES: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("bn", 1e9),
    ("million", 1e6),
    ("mn", 1e6),
    ("m", 1e6),
    ("thousand", 1e3),
    ("mln", 1e6),
];

/// Currency names a caption may give in full: "(millions of US dollars)".
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
];

/// Words that make a caption a trade table's.
static CAPTION_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "caption words"));

/// Words of a row label for the sum of both flows.
static TOTAL_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "table total words"));

/// Words of a row label for no flow at all: a balance is a difference.
static NOT_FLOWS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "not flows"));

pub(crate) fn extract(
    view: &View,
    table_heading: Option<&str>,
    state: &mut State,
    found: &mut Vec<Found>,
) {
    if let Some(table) = caption(view.text, false) {
        state.trade_table = Some(table);
        return;
    }
    // A table the reader kept whole carries its caption as its heading: "Trade between Denmark
    // and Ghana, 2019–2022 (DKK million)".
    if state.trade_table.is_none() {
        state.trade_table = table_heading.and_then(|heading| caption(heading, true));
    }
    let Some(mut table) = state.trade_table.take() else {
        return;
    };
    let cells = cells(view.text);
    let Some(first) = cells.first() else {
        return;
    };
    let numbers: Vec<f64> = cells.iter().filter_map(|cell| number(cell.1)).collect();
    let years: Vec<i32> = cells.iter().filter_map(|cell| year(cell.1)).collect();
    if !years.is_empty() && years.len() == numbers.len() {
        // "2021 2022 2023": the years of the columns.
        table.years = years;
        table.columns.clear();
    } else if first.1.eq_ignore_ascii_case("year") && numbers.is_empty() {
        // "Year | Chinese exports to Bangladesh | ...": the flow of each column.
        table.columns = column_flows(view, first.0.end, state);
    } else if let Some(row_year) = year(first.1).filter(|_| !table.columns.is_empty()) {
        let values: Vec<f64> = cells[1..]
            .iter()
            .filter_map(|cell| number(cell.1))
            .collect();
        if values.len() != table.columns.len() {
            return;
        }
        for (flow, value) in table.columns.iter().zip(values) {
            if let Some(flow) = flow {
                push(found, &table, row_year, value, *flow);
            }
        }
    } else if number(first.1).is_none() {
        // "Zambian exports to Tanzania 612.4 655.0 701.3": a labelled row.
        let Some(label_end) = cells.iter().find(|cell| number(cell.1).is_some()) else {
            return;
        };
        let values: Vec<f64> = cells.iter().filter_map(|cell| number(cell.1)).collect();
        if values.len() != table.years.len() {
            return;
        }
        let Some(flow) = label_flow(view, Span::new(0, label_end.0.start), state) else {
            state.trade_table = Some(table);
            return;
        };
        for (&row_year, value) in table.years.iter().zip(values) {
            push(found, &table, row_year, value, flow);
        }
    } else {
        return;
    }
    state.trade_table = Some(table);
}

fn push(found: &mut Vec<Found>, table: &TradeTable, year: i32, value: f64, flow: Flow) {
    let (direction, from, to) = flow;
    found.push(Found {
        fact: Fact::Trade {
            year,
            value: (value * table.scale).round(),
            currency: table.currency.to_owned(),
            direction,
            from,
            to,
        },
        confidence: 0.75,
    });
}

/// A caption: a trade word and a unit in brackets, "(US$ million)"; its year, if it gives
/// one, dates a table without a row of years.
fn caption(text: &str, a_tables_heading: bool) -> Option<TradeTable> {
    // "(US$ million)", "(million US$)", "(in € billion)", "(USD, millions)", "(millions of US
    // dollars; source: ...)": a currency and a scale among the first few words in brackets;
    // a table's own heading may also say it in its words ("Bilateral trade, in millions of
    // euro, has developed as follows"), where prose would be a sentence with a figure.
    let unit_of = |words: &[&str]| {
        let currency = words.iter().find_map(|word| {
            currency_of_unit(word).or_else(|| {
                CURRENCY_WORDS
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(word))
                    .map(|(_, code)| *code)
            })
        })?;
        Some((currency, words.iter().find_map(|word| scale_of(word))?))
    };
    let bracketed = text.find('(').and_then(|open| {
        let inside = text[open + 1..].split([')', ';']).next()?;
        Some((open, unit_of(&first_words(inside, 5))?))
    });
    let (open, (currency, scale)) = match bracketed {
        Some(found) => found,
        None if a_tables_heading => {
            // The heading's last sentence introduces the table.
            let last = text.rsplit(". ").next().unwrap_or(text);
            (text.len(), unit_of(&first_words(last, 16))?)
        }
        None => return None,
    };
    let head = text[..open].to_lowercase();
    if !crate::text::has_any(&head, &CAPTION_WORDS, Span::new(0, head.len())) {
        return None;
    }
    let years = find_dates(&text[..open], &DateContext::default())
        .iter()
        .map(|date| date.start.year())
        .take(1)
        .collect();
    Some(TradeTable {
        currency,
        scale,
        years,
        columns: Vec::new(),
    })
}

/// The first `count` words of `part`, split at spaces and commas.
fn first_words(part: &str, count: usize) -> Vec<&str> {
    part.split([' ', ','])
        .filter(|word| !word.is_empty())
        .take(count)
        .collect()
}

fn scale_of(word: &str) -> Option<f64> {
    let word = word.to_ascii_lowercase();
    let word = word
        .strip_suffix('s')
        .filter(|stem| stem.len() > 2)
        .unwrap_or(&word);
    SCALES
        .iter()
        .find(|(scale, _)| *scale == word)
        .map(|(_, factor)| *factor)
}

/// The cells of a row: split at " | " where the reader kept them, else at spaces. Each with
/// its span in the sentence.
fn cells(text: &str) -> Vec<(Span, &str)> {
    let separator: &[char] = if text.contains('|') { &['|'] } else { &[' '] };
    let mut cells = Vec::new();
    let mut start = 0;
    for piece in text.split(separator) {
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let offset = start + (piece.len() - piece.trim_start().len());
            cells.push((Span::new(offset, offset + trimmed.len()), trimmed));
        }
        start += piece.len() + 1;
    }
    cells
}

/// A cell that holds a number: "1,975", "61.6", "1,065.2".
fn number(cell: &str) -> Option<f64> {
    let digits = cell.replace(',', "");
    (!digits.is_empty() && digits.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A cell that holds a year.
fn year(cell: &str) -> Option<i32> {
    (cell.len() == 4)
        .then(|| cell.parse().ok())
        .flatten()
        .filter(|year| (1900..2100).contains(year))
}

/// The flows of the column headings after "Year": each heading starts at a state named
/// before "exports" or "imports", or at a total word.
fn column_flows(view: &View, after: usize, state: &State) -> Vec<Option<Flow>> {
    let text = &view.lower[after..];
    let mut starts: Vec<usize> = if view.text.contains('|') {
        cells(view.text)
            .iter()
            .skip(1)
            .map(|cell| cell.0.start)
            .collect()
    } else {
        let mut starts: Vec<usize> = view
            .countries
            .iter()
            .filter(|country| country.span.start >= after && country.via != MentionVia::Capital)
            .filter(|country| {
                let rest = view.lower[country.span.end..].trim_start_matches("'s");
                rest.starts_with(" export") || rest.starts_with(" import")
            })
            .map(|country| country.span.start)
            .collect();
        starts.extend(
            TOTAL_WORDS
                .iter()
                .chain(NOT_FLOWS.iter())
                .flat_map(|word| crate::text::find_all(text, word))
                .map(|span| after + span.start)
                .filter(|start| {
                    // "exports to X Total": a total word that is not part of a heading.
                    !view.lower[..*start].trim_end().ends_with("trade")
                }),
        );
        starts
    };
    starts.sort_unstable();
    starts.dedup();
    starts
        .iter()
        .enumerate()
        .map(|(index, &start)| {
            let end = starts.get(index + 1).copied().unwrap_or(view.text.len());
            label_flow(view, Span::new(start, end), state)
        })
        .collect()
}

/// The flow a row label or column heading names: a total, or one member's exports.
fn label_flow(view: &View, label: Span, state: &State) -> Option<Flow> {
    if view.lower.find_any(&NOT_FLOWS, label).is_some() {
        return None;
    }
    if view
        .lower
        .find_any(&["export", "exports", "import", "imports"], label)
        .is_some()
    {
        return direction_of(view, label, state)
            .filter(|(direction, _, _)| *direction != Direction::Total);
    }
    view.lower
        .find_any(&TOTAL_WORDS, label)
        .map(|_| (Direction::Total, None, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_list_of_the_trade_table_lexicon_holds_phrases() {
        for list in [&CAPTION_WORDS, &TOTAL_WORDS, &NOT_FLOWS] {
            assert!(!list.is_empty());
        }
    }
}
