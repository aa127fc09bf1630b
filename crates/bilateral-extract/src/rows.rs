//! Agreements listed rather than told: table rows ("2004-03-12 | Agreement on Air Services |
//! Lima"), numbered treaty lists ("1. Agreement on ... (12 March 2004)") and data lines
//! ("Treaty of Friendship – Lima, 3 May 1990", "Convention on ..., signed in Lima on ...").
//! A row names one instrument by its title and one date; it has no verb of its own but
//! "signed", and nothing that says the instrument is not (yet) signed. A table whose header
//! names its columns is read by column: the title under "Agreement", the date under "Date" or
//! "Signed" (not "In force"), a count under "Agreements signed" (one fact, as a bare count).

use bilateral_model::{Fact, Span};

use crate::agreements::{Instrument, covers_a_period, instruments_in, topic_of};
use std::sync::LazyLock;

use crate::lexicon;
use crate::view::View;
use crate::{Found, State};

/// Words a sentence has and a row has not: finite verbs of prose.
const PROSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "been", "be", "will", "would", "did", "does",
];

/// Words that say a listed instrument is not signed: it was initialled, is pending or awaits
/// ratification.
static UNSIGNED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "unsigned rows"));

/// Words a title does not start with: a sentence about an instrument does.
const NOT_TITLE_HEADS: &[&str] = &["The", "A", "An", "This", "That", "Its", "Their", "Under"];

/// One row: the instrument, its title's span and the row's date.
struct Row {
    instrument: Instrument,
    title: Span,
}

/// Reads the sentence as rows, one agreement each; whether it was read so (then the prose
/// rules have nothing to add).
pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) -> bool {
    if view.text.contains(" | ") {
        let cells: Vec<&str> = view.text.split(" | ").map(str::trim).collect();
        if is_header(&cells) {
            state.table_header = Some(cells.iter().map(|cell| cell.to_lowercase()).collect());
            return true;
        }
        if let Some(fact) = by_column(view, &cells, state) {
            found.push(Found {
                fact,
                confidence: 0.75,
            });
            return true;
        }
    }
    let mut read = false;
    for piece in pieces(view) {
        let Some(row) = row_in(view, piece) else {
            continue;
        };
        read = true;
        if view.lower.has_any(&UNSIGNED, piece) || third_state_in(view, piece, state) {
            continue;
        }
        // "signed on 4 April 1987; in force since 1 January 1990": the signing date.
        let mut dates = view
            .dates_in(piece)
            .filter(|date| !covers_a_period(view, date));
        let (Some(date), None) = (dates.next(), dates.next()) else {
            continue;
        };
        let title = view.slice(row.title).trim().to_owned();
        let topic = topic_of(view, &row.instrument, row.title);
        found.push(Found {
            fact: Fact::AgreementSigned {
                parties: state.dyad.codes(),
                kind: row.instrument.kind,
                title: (title.split_whitespace().count() >= 2).then_some(title),
                topic,
                date: Some(date.start),
            },
            confidence: 0.75,
        });
    }
    read
}

/// Words of a header cell over the title of an instrument, or over a count of them.
static TITLE_HEADERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "title headers"));
static COUNT_HEADERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::AGREEMENTS, "count headers"));

/// A header row: several short cells of words, none a number or a date.
fn is_header(cells: &[&str]) -> bool {
    cells.len() >= 2
        && cells.iter().all(|cell| {
            !cell.is_empty()
                && cell.split_whitespace().count() <= 4
                && !cell.chars().any(|ch| ch.is_ascii_digit())
        })
}

/// The agreement a table row gives by its header's columns: the instrument titled under an
/// "Agreement" column, or the count under "Agreements signed", dated under "Date".
fn by_column(view: &View, cells: &[&str], state: &State) -> Option<Fact> {
    let header = state.table_header.as_ref()?;
    if header.len() != cells.len() {
        return None;
    }
    let column = |wanted: &[&str]| {
        header.iter().position(|name| {
            name.split(|ch: char| !ch.is_alphanumeric())
                .any(|word| wanted.contains(&word))
        })
    };
    let dated = header
        .iter()
        .position(|name| name.contains("date") || name == "signed")?;
    let offset = |index: usize| {
        cells[..index]
            .iter()
            .map(|cell| cell.len() + " | ".len())
            .sum::<usize>()
    };
    let date_start = offset(dated);
    let date = view.dates.iter().find(|date| {
        date.span.start >= date_start && date.span.end <= date_start + cells[dated].len() + 1
    })?;
    let parties = state.dyad.codes();
    if let Some(count) = column(&COUNT_HEADERS) {
        let number: u32 = cells[count].parse().ok()?;
        return (number > 0).then_some(Fact::AgreementSigned {
            parties,
            kind: bilateral_model::AgreementKind::Agreement,
            title: None,
            topic: None,
            date: Some(date.start),
        });
    }
    let titled = column(&TITLE_HEADERS)?;
    let start = offset(titled);
    let span = Span::new(start, start + cells[titled].len());
    let instrument = instruments_in(&view.lower, span).into_iter().next()?;
    if view.lower.has_any(&UNSIGNED, span) {
        return None;
    }
    let topic = topic_of(view, &instrument, span);
    Some(Fact::AgreementSigned {
        parties,
        kind: instrument.kind,
        title: Some(cells[titled].to_owned()),
        topic,
        date: Some(date.start),
    })
}

/// The sentence cut before each list item a reader left inside it ("... - 1956-03-22 –
/// Agreement ... - 1965-10-07 – Treaty ..."): at a bullet followed by a date.
fn pieces(view: &View) -> Vec<Span> {
    let mut cuts = vec![0];
    for date in &view.dates {
        let head = view.text.get(..date.span.start).unwrap_or("");
        // The date leads an item when a title follows it ("- 1965-10-07 – Treaty ..."), and
        // closes one when nothing does ("Treaty of Friendship - 1994-02-22").
        let after = view.text.get(date.span.end..).unwrap_or("");
        let leads = after
            .trim_start_matches([' ', '\t', '|', '–', '-', ':', ','])
            .starts_with(char::is_uppercase);
        if leads
            && date.span.start > 0
            && [" - ", " * ", " • ", " – "]
                .iter()
                .any(|bullet| head.ends_with(bullet))
            && !head.trim_end_matches([' ', '-', '*', '•', '–']).is_empty()
        {
            cuts.push(date.span.start);
        }
    }
    cuts.push(view.text.len());
    cuts.windows(2)
        .map(|pair| Span::new(pair[0], pair[1]))
        .collect()
}

/// The row a piece of text is, if it is one: after an optional number or bullet and an
/// optional leading date, a title of capitalised words that holds an instrument noun, and no
/// finite verb anywhere.
fn row_in(view: &View, piece: Span) -> Option<Row> {
    if view.lower.has_any(PROSE_VERBS, piece) {
        return None;
    }
    let text = view.slice(piece);
    // "1. ", "2) ", "- ", "* ".
    let mut start = piece.start + (text.len() - text.trim_start().len());
    let rest = view.text.get(start..piece.end)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && rest[digits..].starts_with([')', '.'])
        && rest[digits + 1..].starts_with(' ')
    {
        start += digits + 2;
    } else if let Some(bullet) = rest.chars().next().filter(|ch| "-*•–—".contains(*ch)) {
        start += bullet.len_utf8() + 1;
    }
    // A leading date and the separator after it.
    let leading = view.dates.iter().find(|date| date.span.start == start);
    if let Some(date) = leading {
        let after = view.text.get(date.span.end..piece.end)?;
        let skipped = after.len()
            - after
                .trim_start_matches([' ', '\t', '|', '–', '-', ':', ','])
                .len();
        start = date.span.end + skipped;
    }
    let head = view.text.get(start..piece.end)?;
    let first = head.split_whitespace().next()?;
    if !first.starts_with(|ch: char| ch.is_uppercase()) || NOT_TITLE_HEADS.contains(&first) {
        return None;
    }
    let instrument = instruments_in(&view.lower, Span::new(start, piece.end))
        .into_iter()
        .next()?;
    // Capitalised words only before the noun: "Bilateral Air Services Agreement", "Boundary
    // treaty"; "Ghana signed a treaty" is a sentence.
    let before = view.text.get(start..instrument.span.start)?;
    let words: Vec<&str> = before.split_whitespace().collect();
    if words.len() > 6
        || words
            .iter()
            .any(|word| !word.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()))
    {
        return None;
    }
    let end = title_end(view, instrument.span.end, piece.end);
    Some(Row {
        instrument,
        title: Span::new(start, end),
    })
}

/// Where a title that starts before `from` ends: at the next cell, bracket, dash, comma or
/// date.
fn title_end(view: &View, from: usize, end: usize) -> usize {
    let tail = view.text.get(from..end).unwrap_or("");
    let mut stop = [" | ", " (", " – ", " - ", ", ", "\t"]
        .iter()
        .filter_map(|separator| tail.find(separator))
        .min()
        .unwrap_or(tail.len());
    if let Some(date) = view.dates.iter().find(|date| {
        from <= date.span.start && date.span.end <= end && !covers_a_period(view, date)
    }) {
        stop = stop.min(date.span.start - from);
    }
    from + tail[..stop].trim_end().len()
}

/// Whether the row names a state beyond the pair by its name or people.
fn third_state_in(view: &View, piece: Span, state: &State) -> bool {
    view.countries_in(piece).any(|country| {
        !state.dyad.contains(country.code)
            && bilateral_gazetteer::successor(country.code)
                .is_none_or(|successor| !state.dyad.contains(successor))
            && !matches!(country.via, bilateral_gazetteer::MentionVia::Capital)
    })
}

#[cfg(test)]
mod tests {
    use crate::testing;

    #[test]
    fn every_phrase_list_of_the_row_lexicon_holds_phrases() {
        use super::{COUNT_HEADERS, TITLE_HEADERS, UNSIGNED};
        for list in [&UNSIGNED, &TITLE_HEADERS, &COUNT_HEADERS] {
            assert!(!list.is_empty());
        }
    }

    fn check(body: &str, expected: &str) {
        testing::assert_facts(TYPES, &testing::text_article(TITLE, body), expected);
    }

    const TYPES: &[&str] = &["agreement_signed"];
    const TITLE: &str = "Chile–Ghana relations";

    fn signed(kind: &str, title: &str, topic: &str, date: &str) -> String {
        let title = if title.is_empty() {
            "null".to_owned()
        } else {
            format!("{title:?}")
        };
        let topic = if topic.is_empty() {
            "null".to_owned()
        } else {
            format!("{topic:?}")
        };
        format!(
            r#"{{"type":"agreement_signed","parties":["CHL","GHA"],"kind":"{kind}","title":{title},"topic":{topic},"date":"{date}"}}"#
        )
    }

    #[test]
    fn table_rows_and_list_items_are_read_as_rows() {
        for body in [
            "Agreements\n\n2004-03-12 | Agreement on Air Services | Accra",
            "Agreements\n\n1. Agreement on Air Services (12 March 2004)",
            "Agreements\n\nAgreement on Air Services – Accra, 12 March 2004",
            "Agreements\n\n- Agreement on Air Services, signed in Accra on 12 March 2004",
            "Agreements\n\n3) Agreement on Air Services - 2004-03-12",
            "Agreements\n\n– Agreement on Air Services (Accra, 12 March 2004);",
        ] {
            check(
                body,
                &signed(
                    "agreement",
                    "Agreement on Air Services",
                    "Air Services",
                    "2004-03-12",
                ),
            );
        }
        check(
            "Agreements\n\n1998-06 | Boundary treaty | Santiago",
            &signed("treaty", "Boundary treaty", "", "1998-06"),
        );
        check(
            "Agreements\n\n2021-10-09 | Green Partnership Action Plan 2021–2026 | Accra",
            &signed(
                "action_plan",
                "Green Partnership Action Plan 2021–2026",
                "",
                "2021-10-09",
            ),
        );
    }

    /// A wikitext table under an "Agreements" heading: the readers keep one block per row.
    fn check_table(rows: &[&str], expected: &str) {
        let cells: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let mark = if index == 0 { "!" } else { "|" };
                format!(
                    "|-\n{mark} {}",
                    row.replace(" | ", &format!(" {mark}{mark} "))
                )
            })
            .collect();
        let wikitext = format!(
            "Chile and Ghana.\n\n== Agreements ==\n{{| class=\"wikitable\"\n{}\n|}}\n",
            cells.join("\n")
        );
        let document = bilateral_read::read_wikitext(&wikitext, Some(TITLE));
        testing::assert_facts(TYPES, &document, expected);
    }

    #[test]
    fn tables_with_a_header_are_read_by_column() {
        let air = signed(
            "agreement",
            "Agreement on Air Services",
            "Air Services",
            "2004-03-12",
        );
        for rows in [
            &[
                "No. | Agreement | Date signed | Date in force",
                "1 | Agreement on Air Services | 12 March 2004 | 1 May 2005",
            ][..],
            &[
                "Title | Date of signature | Place",
                "Agreement on Air Services | 2004-03-12 | Accra",
            ][..],
            &[
                "Date | Instrument | Remarks",
                "12 March 2004 | Agreement on Air Services | in force since 1 May 2005",
            ][..],
        ] {
            check_table(rows, &air);
        }
        // A count of agreements under its column is one fact; a visit table without such a
        // column, or a row left unsigned, gives none.
        check_table(
            &[
                "Session | Date | Venue | Agreements signed",
                "3rd | 2 December 2015 | Accra | 7",
            ],
            &signed("agreement", "", "", "2015-12-02"),
        );
        check_table(
            &[
                "Date | Visitor | Place",
                "2 December 2015 | President Mahama | Santiago",
            ],
            "",
        );
        check_table(
            &[
                "Agreement | Date",
                "Agreement on Readmission (initialled) | 2019",
            ],
            "",
        );
    }

    #[test]
    fn a_row_dated_twice_takes_its_signing_date() {
        for body in [
            "Cultural Agreement, signed in Accra on 4 April 1987; entered into force on 1 January 1990",
            "Cultural Agreement (4 April 1987, in force since 1 January 1990)",
            "Cultural Agreement – Accra, 4 April 1987, ratified in 1989",
        ] {
            check(
                &format!("Agreements\n\n{body}"),
                &signed("agreement", "Cultural Agreement", "cultural", "1987-04-04"),
            );
        }
        // Two dates of which neither is a reference point: no telling which was the signing.
        check(
            "Agreements\n\nCultural Agreement (4 April 1987, 1 January 1990)",
            "",
        );
    }

    #[test]
    fn a_list_left_in_one_line_is_cut_at_its_dates() {
        check(
            "Principal agreements: - 1956-03-22 – Agreement on trade (Accra) - 1965-10-07 – Consular Convention (Santiago)",
            &[
                signed("agreement", "Agreement on trade", "trade", "1956-03-22"),
                signed("convention", "Consular Convention", "", "1965-10-07"),
            ]
            .join("\n"),
        );
    }

    #[test]
    fn rows_not_signed_or_not_rows_give_nothing_of_their_own() {
        for body in [
            // Initialled, pending, a third state's.
            "7. Agreement on Readmission - initialled in 2019, signature under way",
            "8. Treaty on Legal Assistance - text finalised in 2023; signature pending",
            "2001-05-04 | Treaty of Lima between Chile and Peru | Lima",
            // A sentence is no row: its verb decides.
            "Agreement on Air Services: negotiations began on 12 March 2004 and have not ended.",
        ] {
            check(body, "");
        }
    }
}
