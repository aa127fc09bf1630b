//! QuickStatements (v1) commands that add P530 (diplomatic relation) between the Wikidata
//! items of two states, each way, with the date relations began (P580) at the precision
//! the text gives, and the fact's source as the reference (S854 URL, S813 retrieved).

use std::io::Write;

use bilateral_model::{Citation, CountryCode, Fact, PartialDate};
use bilateral_store::StoredFact;

use crate::ExportError;

/// State code → Wikidata item, shipped with the crate.
const ITEMS: &str = include_str!("../data/wikidata.tsv");

/// The Wikidata item (`Q17`) of a state, if the table has it.
pub fn wikidata_item(code: CountryCode) -> Option<&'static str> {
    ITEMS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .find(|(row, _)| *row == code.as_str())
        .map(|(_, item)| item)
}

/// A Wikidata time value with its precision: /11 day, /10 month, /9 year, /8 decade.
fn time(date: PartialDate) -> String {
    match date {
        PartialDate::Day(y, m, d) => format!("{y:+05}-{m:02}-{d:02}T00:00:00Z/11"),
        PartialDate::Month(y, m) => format!("{y:+05}-{m:02}-00T00:00:00Z/10"),
        PartialDate::Year(y) => format!("{y:+05}-00-00T00:00:00Z/9"),
        PartialDate::Decade(y) => format!("{y:+05}-00-00T00:00:00Z/8"),
    }
}

/// A URL as a QuickStatements string: quotes and white space percent-encoded.
fn quoted_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('"');
    for c in url.chars() {
        match c {
            '"' => out.push_str("%22"),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Why a fact gave no commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// Not a dated establishment of relations.
    NotApplicable,
    /// A state without a Wikidata item in the table.
    NoItem,
    /// No reference of the fact has a URL to cite.
    NoSource,
}

/// Writes P530 statements, two lines per dated `relations_established` fact with a source.
pub struct QuickStatements<W: Write> {
    out: W,
}

impl<W: Write> QuickStatements<W> {
    pub fn new(out: W) -> Self {
        QuickStatements { out }
    }

    /// The commands for a fact, given the references it cites (in its order); the first
    /// with a URL is the source. `Ok(Err(why))` when the fact gives none.
    pub fn write(
        &mut self,
        stored: &StoredFact,
        references: &[Citation],
    ) -> Result<Result<(), Skipped>, ExportError> {
        let Fact::RelationsEstablished {
            parties,
            date: Some(date),
        } = &stored.fact
        else {
            return Ok(Err(Skipped::NotApplicable));
        };
        let (Some(a), Some(b)) = (wikidata_item(parties[0]), wikidata_item(parties[1])) else {
            return Ok(Err(Skipped::NoItem));
        };
        let Some((url, retrieved)) = references
            .iter()
            .find_map(|citation| Some((citation.url.as_deref()?, citation.retrieved)))
        else {
            return Ok(Err(Skipped::NoSource));
        };
        let mut reference = format!("S854\t{}", quoted_url(url));
        if let Some(retrieved) = retrieved {
            reference.push_str(&format!("\tS813\t{}", time(retrieved)));
        }
        let start = time(*date);
        for (from, to) in [(a, b), (b, a)] {
            writeln!(self.out, "{from}\tP530\t{to}\tP580\t{start}\t{reference}")?;
        }
        Ok(Ok(()))
    }

    /// Flushes and hands the writer back.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::tests::{code, stored, visit};
    use bilateral_model::CitationKind;

    #[test]
    fn the_table_has_the_common_states_and_every_code_is_the_gazetteers() {
        assert_eq!(wikidata_item(code("JPN")), Some("Q17"));
        assert_eq!(wikidata_item(code("KAZ")), Some("Q232"));
        assert_eq!(wikidata_item(code("USA")), Some("Q30"));
        assert_eq!(wikidata_item(code("DEU")), Some("Q183"));
        assert_eq!(wikidata_item(code("SUN")), Some("Q15180"));
        assert_eq!(wikidata_item(code("QQQ")), None);
        let mut items = std::collections::HashSet::new();
        for line in ITEMS.lines().filter(|line| !line.starts_with('#')) {
            let (country, item) = line.split_once('\t').unwrap();
            assert!(
                bilateral_gazetteer::by_code(code(country)).is_some(),
                "{country}"
            );
            assert!(
                item.starts_with('Q') && item[1..].parse::<u64>().is_ok(),
                "{item}"
            );
            assert!(items.insert(item), "{item} twice");
        }
    }

    #[test]
    fn times_carry_their_precision() {
        assert_eq!(
            time(PartialDate::Day(1992, 1, 26)),
            "+1992-01-26T00:00:00Z/11"
        );
        assert_eq!(
            time(PartialDate::Month(1992, 1)),
            "+1992-01-00T00:00:00Z/10"
        );
        assert_eq!(time(PartialDate::Year(1992)), "+1992-00-00T00:00:00Z/9");
        assert_eq!(time(PartialDate::Decade(1990)), "+1990-00-00T00:00:00Z/8");
    }

    fn established() -> StoredFact {
        let fact = Fact::RelationsEstablished {
            parties: [code("JPN"), code("KAZ")],
            date: Some(PartialDate::Day(1992, 1, 26)),
        };
        stored(1, fact, vec![1, 2])
    }

    fn web(url: Option<&str>) -> Citation {
        let mut citation = Citation::new(2, CitationKind::Web);
        citation.url = url.map(str::to_owned);
        citation.retrieved = Some(PartialDate::Day(2020, 1, 2));
        citation
    }

    #[test]
    fn relations_established_become_two_sourced_statements() {
        let mut writer = QuickStatements::new(Vec::new());
        let book = Citation::new(1, CitationKind::Book);
        let result = writer
            .write(
                &established(),
                &[book, web(Some("https://example.go.jp/a \"b\""))],
            )
            .unwrap();
        assert_eq!(result, Ok(()));
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let reference =
            "S854\t\"https://example.go.jp/a%20%22b%22\"\tS813\t+2020-01-02T00:00:00Z/11";
        assert_eq!(
            text,
            format!(
                "Q17\tP530\tQ232\tP580\t+1992-01-26T00:00:00Z/11\t{reference}\n\
                 Q232\tP530\tQ17\tP580\t+1992-01-26T00:00:00Z/11\t{reference}\n"
            )
        );
    }

    #[test]
    fn facts_without_a_source_or_of_other_types_give_nothing() {
        let mut writer = QuickStatements::new(Vec::new());
        let result = writer.write(&established(), &[web(None)]).unwrap();
        assert_eq!(result, Err(Skipped::NoSource));
        let result = writer.write(&stored(2, visit(), vec![]), &[]).unwrap();
        assert_eq!(result, Err(Skipped::NotApplicable));
        assert!(writer.finish().unwrap().is_empty());
    }
}
