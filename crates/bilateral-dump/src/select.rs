//! Which pages of a dump to read, decided by title alone, so that it can be decided from the
//! multistream index before a stream is decompressed.

use std::collections::HashSet;

/// The titles to read. Only namespace-0 pages are ever read, whatever the selection.
#[derive(Clone, Debug)]
pub struct Selection(Rule);

#[derive(Clone, Debug)]
enum Rule {
    Dyads,
    All,
    Titles(HashSet<String>),
}

impl Selection {
    /// Pages whose title names the relations of two states ("Chile–Japan relations").
    pub fn dyads() -> Self {
        Selection(Rule::Dyads)
    }

    /// Every page.
    pub fn all() -> Self {
        Selection(Rule::All)
    }

    /// The pages with these titles; `_` and spaces are the same, as in page addresses.
    pub fn titles<I, S>(titles: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let titles = titles
            .into_iter()
            .map(|title| normalise(title.as_ref()))
            .filter(|title| !title.is_empty())
            .collect();
        Selection(Rule::Titles(titles))
    }

    /// Whether a page with this title is read.
    pub fn picks(&self, title: &str) -> bool {
        match &self.0 {
            Rule::Dyads => bilateral_gazetteer::dyad_from_title(title).is_some(),
            Rule::All => true,
            Rule::Titles(titles) => titles.contains(&normalise(title)),
        }
    }

    /// Whether every page is read, so no stream can be skipped.
    pub fn picks_everything(&self) -> bool {
        matches!(self.0, Rule::All)
    }
}

fn normalise(title: &str) -> String {
    title.trim().replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyads_are_picked_by_title() {
        let selection = Selection::dyads();
        assert!(selection.picks("Chile–Japan relations"));
        assert!(selection.picks("Relations between Kenya and Norway"));
        assert!(!selection.picks("Chile"));
        assert!(!selection.picks("Glass harmonica"));
        assert!(!selection.picks_everything());
    }

    #[test]
    fn titles_ignore_underscores_and_outer_space() {
        let selection = Selection::titles(["Glass_harmonica ", "", "  "]);
        assert!(selection.picks("Glass harmonica"));
        assert!(!selection.picks("Glass"));
        assert!(!selection.picks(""));
    }

    #[test]
    fn all_picks_everything() {
        assert!(Selection::all().picks("Anything at all"));
        assert!(Selection::all().picks_everything());
    }
}
