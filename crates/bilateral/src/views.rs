//! What the query commands (`show`, `timeline`, `facts`) share: countries named on the
//! command line, facts as one readable line, reference labels that tell documents apart,
//! and the JSON views they print, which the API serves and `read` and `refs` print
//! references in.

use std::collections::BTreeMap;
use std::io::Write;

use bilateral_model::{
    AgreementKind, Citation, CountryCode, Direction, Dyad, Fact, MissionKind, Office, PartialDate,
    VisitLevel,
};
use bilateral_store::{DocumentInfo, Dossier, DyadCount, Stats, StoredCitation, StoredFact};
use serde::Serialize;

/// A country as typed on the command line: a name, a variant or an ISO code, any case.
pub fn parse_country(text: &str) -> anyhow::Result<CountryCode> {
    if let Some(country) = bilateral_gazetteer::lookup(text) {
        return Ok(country.code);
    }
    match bilateral_gazetteer::suggest(text).first() {
        Some(suggestion) => {
            anyhow::bail!("unknown country \"{text}\" — did you mean {suggestion}?")
        }
        None => anyhow::bail!("unknown country \"{text}\""),
    }
}

/// Two countries as typed on the command line, which must be two different states: their
/// pair, and the two in the order typed.
pub fn parse_pair(a: &str, b: &str) -> anyhow::Result<(Dyad, [CountryCode; 2])> {
    let typed = [parse_country(a)?, parse_country(b)?];
    let pair = Dyad::new(typed[0], typed[1])
        .map_err(|_| anyhow::anyhow!("\"{a}\" and \"{b}\" are the same country"))?;
    Ok((pair, typed))
}

/// Checks that `--from` is not after `--to`, which would match nothing.
pub fn check_years(from: Option<i32>, to: Option<i32>) -> anyhow::Result<()> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        anyhow::bail!("--from {from} is after --to {to}: no year is both");
    }
    Ok(())
}

/// A country's common name, or its code when the gazetteer does not know it.
pub fn country_name(code: CountryCode) -> String {
    bilateral_gazetteer::by_code(code)
        .map(|country| country.name.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// "Japan–Kazakhstan".
pub fn pair_name(pair: Dyad) -> String {
    format!(
        "{}–{}",
        country_name(pair.first()),
        country_name(pair.second())
    )
}

/// A date as a fixed-width column, blank when there is none.
pub fn date_column(date: Option<PartialDate>) -> String {
    format!("{:<10}", date.map(|d| d.to_string()).unwrap_or_default())
}

fn office_name(office: Office) -> &'static str {
    match office {
        Office::HeadOfState => "head of state",
        Office::HeadOfGovernment => "head of government",
        Office::ForeignMinister => "foreign minister",
        Office::Minister => "minister",
        Office::Parliament => "parliament",
        Office::Other => "official",
    }
}

/// The heading `show` groups visits under.
pub fn office_heading(office: Office) -> &'static str {
    match office {
        Office::HeadOfState => "Heads of state",
        Office::HeadOfGovernment => "Heads of government",
        Office::ForeignMinister => "Foreign ministers",
        Office::Minister => "Ministers",
        Office::Parliament => "Parliamentarians",
        Office::Other => "Other officials",
    }
}

fn mission_name(kind: MissionKind) -> &'static str {
    match kind {
        MissionKind::Embassy => "an embassy",
        MissionKind::Consulate => "a consulate",
        MissionKind::ConsulateGeneral => "a consulate-general",
        MissionKind::HonoraryConsulate => "an honorary consulate",
        MissionKind::TradeMission => "a trade mission",
        MissionKind::Other => "a diplomatic office",
    }
}

fn agreement_name(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::Treaty => "a treaty",
        AgreementKind::Agreement => "an agreement",
        AgreementKind::JointStatement => "a joint statement",
        AgreementKind::JointDeclaration => "a joint declaration",
        AgreementKind::Memorandum => "a memorandum",
        AgreementKind::Protocol => "a protocol",
        AgreementKind::Convention => "a convention",
        AgreementKind::ActionPlan => "an action plan",
        AgreementKind::Other => "an instrument",
    }
}

fn level_name(level: VisitLevel) -> Option<&'static str> {
    match level {
        VisitLevel::State => Some("state visit"),
        VisitLevel::Official => Some("official visit"),
        VisitLevel::Working => Some("working visit"),
        VisitLevel::Private => Some("private visit"),
        VisitLevel::Unspecified => None,
    }
}

/// 1400000000 as "1.4 billion", 5300 as "5,300".
fn amount(value: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value.abs() >= scale {
            let scaled = format!("{:.2}", value / scale);
            let scaled = scaled.trim_end_matches('0').trim_end_matches('.');
            return format!("{scaled} {word}");
        }
    }
    grouped(value.round().to_string())
}

/// "120000" as "120,000".
fn grouped(digits: String) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest.to_owned()),
        None => ("", digits),
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    format!("{sign}{out}")
}

/// "A", "A and B", "A, B and C".
fn listed(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Who visited: "Ana Ruiz (head of state of Chile)", or "the head of state of Chile".
fn visitor(name: Option<&str>, office: Office, country: CountryCode) -> String {
    let role = format!("{} of {}", office_name(office), country_name(country));
    match name {
        Some(name) => format!("{name} ({role})"),
        None => format!("the {role}"),
    }
}

/// A fact as a short English sentence. `pair` orients undirected trade figures.
pub fn summary(fact: &Fact, pair: Option<Dyad>) -> String {
    let both = |parties: &[CountryCode; 2]| {
        format!(
            "{} and {}",
            country_name(parties[0]),
            country_name(parties[1])
        )
    };
    match fact {
        Fact::RelationsEstablished { parties, .. } => {
            format!("{} establish diplomatic relations", both(parties))
        }
        Fact::RelationsSevered { parties, .. } => {
            format!("{} sever diplomatic relations", both(parties))
        }
        Fact::RelationsRestored { parties, .. } => {
            format!("{} restore diplomatic relations", both(parties))
        }
        Fact::MissionOpened {
            sender,
            host,
            kind,
            city,
            ..
        }
        | Fact::MissionClosed {
            sender,
            host,
            kind,
            city,
            ..
        } => {
            let verb = if matches!(fact, Fact::MissionOpened { .. }) {
                "opens"
            } else {
                "closes"
            };
            let place = match city {
                Some(city) => format!("{city}, {}", country_name(*host)),
                None => country_name(*host),
            };
            format!(
                "{} {verb} {} in {place}",
                country_name(*sender),
                mission_name(*kind)
            )
        }
        Fact::Visit {
            visitor_country,
            host,
            visitor: name,
            office,
            level,
            end,
            ..
        } => {
            let mut text = format!(
                "{} visits {}",
                visitor(name.as_deref(), *office, *visitor_country),
                country_name(*host)
            );
            if let Some(level) = level_name(*level) {
                text.push_str(&format!(" ({level})"));
            }
            if let Some(end) = end {
                text.push_str(&format!(", until {end}"));
            }
            text
        }
        Fact::VisitCount {
            visitor_country,
            host,
            visitor: name,
            office,
            count,
        } => format!(
            "{} visited {} {count} time{}",
            visitor(name.as_deref(), *office, *visitor_country),
            country_name(*host),
            if *count == 1 { "" } else { "s" }
        ),
        Fact::Meeting {
            participants,
            place,
            ..
        } => {
            let mut text = format!("meeting of {}", listed(participants));
            if let Some(place) = place {
                text.push_str(&format!(" in {place}"));
            }
            text
        }
        Fact::AgreementSigned {
            parties,
            kind,
            title,
            topic,
            ..
        } => {
            let mut text = format!("{} sign {}", both(parties), agreement_name(*kind));
            if let Some(title) = title {
                text.push_str(&format!(": {title}"));
            }
            // A title usually says the topic already.
            if let Some(topic) = topic.as_ref().filter(|topic| {
                !title
                    .as_ref()
                    .is_some_and(|title| title.to_lowercase().contains(&topic.to_lowercase()))
            }) {
                text.push_str(&format!(" (on {topic})"));
            }
            text
        }
        Fact::Population {
            group,
            count,
            country,
            place,
            ..
        } => {
            let mut text = format!("{} {group}", grouped(count.to_string()));
            let place = place.clone().or_else(|| country.map(country_name));
            if let Some(place) = place {
                text.push_str(&format!(" in {place}"));
            }
            text
        }
        Fact::Trade {
            year,
            value,
            currency,
            direction,
            from,
            to,
        } => {
            let flow = match (direction, from, to, pair) {
                (Direction::Total, ..) => "total trade".to_owned(),
                (_, Some(from), Some(to), _) => {
                    format!("{} to {}", country_name(*from), country_name(*to))
                }
                (Direction::AToB, _, _, Some(pair)) => format!(
                    "{} to {}",
                    country_name(pair.first()),
                    country_name(pair.second())
                ),
                (Direction::BToA, _, _, Some(pair)) => format!(
                    "{} to {}",
                    country_name(pair.second()),
                    country_name(pair.first())
                ),
                _ => "exports".to_owned(),
            };
            format!("{flow} in {year}: {} {currency}", amount(*value))
        }
    }
}

/// Numbers the documents a result draws on, so that reference labels can tell them apart.
pub struct Sources {
    /// Document ids in the order they are numbered (from 1).
    ids: Vec<i64>,
    /// `(source, title)` by number.
    names: Vec<(String, String)>,
}

impl Sources {
    pub fn of_documents(documents: &[DocumentInfo]) -> Sources {
        Sources {
            ids: documents.iter().map(|d| d.id).collect(),
            names: documents
                .iter()
                .map(|d| (d.source.clone(), d.title.clone()))
                .collect(),
        }
    }

    /// The documents of some facts, numbered by id.
    pub fn of_facts(facts: &[StoredFact]) -> Sources {
        let by_id: BTreeMap<i64, (String, String)> = facts
            .iter()
            .map(|f| (f.document_id, (f.source.clone(), f.title.clone())))
            .collect();
        Sources {
            ids: by_id.keys().copied().collect(),
            names: by_id.into_values().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// A document's number, from 1.
    pub fn number(&self, document_id: i64) -> usize {
        self.ids
            .iter()
            .position(|&id| id == document_id)
            .map_or(0, |i| i + 1)
    }

    /// `[1][2]`, or `[2:1][2:2]` when the result draws on several documents, or
    /// `[no reference]` when the sentence cites nothing: weak sourcing should show at once.
    pub fn label(&self, document_id: i64, references: &[u32]) -> String {
        if references.is_empty() {
            return "[no reference]".to_owned();
        }
        let prefix = if self.len() > 1 {
            format!("{}:", self.number(document_id))
        } else {
            String::new()
        };
        references
            .iter()
            .map(|n| format!("[{prefix}{n}]"))
            .collect()
    }

    /// `(number, source, title)` of each document.
    pub fn entries(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.names
            .iter()
            .enumerate()
            .map(|(i, (source, title))| (i + 1, source.as_str(), title.as_str()))
    }

    /// A document's source, by id.
    pub fn source(&self, document_id: i64) -> Option<&str> {
        let index = self.ids.iter().position(|&id| id == document_id)?;
        self.names.get(index).map(|(source, _)| source.as_str())
    }

    /// The documents as `--json` lists them.
    pub fn views(&self) -> Vec<DocumentView<'_>> {
        self.entries()
            .map(|(number, source, title)| DocumentView {
                number,
                source,
                title,
            })
            .collect()
    }

    /// Says which document each number is, when labels carry numbers.
    pub fn write_key(&self, out: &mut impl Write) -> std::io::Result<()> {
        if self.len() > 1 {
            writeln!(out)?;
            for (number, source, title) in self.entries() {
                writeln!(out, "{number}: {source} ({title})")?;
            }
        }
        Ok(())
    }
}

/// A fact as `timeline` and `facts` print it, and as every `--json` lists it.
#[derive(Serialize)]
pub struct FactView<'a> {
    /// Its id in the store: `/facts/{id}` and `/api/facts/{id}` on `bilateral serve`.
    pub id: i64,
    pub date: Option<PartialDate>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub pair: Option<Dyad>,
    pub summary: String,
    pub fact: &'a Fact,
    pub references: &'a [u32],
    /// The number of its document in `documents`.
    pub document: usize,
    pub sentence: &'a str,
    pub confidence: f32,
}

impl<'a> FactView<'a> {
    pub fn new(stored: &'a StoredFact, sources: &Sources) -> FactView<'a> {
        FactView {
            id: stored.id,
            date: stored.fact.date(),
            kind: stored.fact.type_name(),
            pair: stored.pair,
            summary: summary(&stored.fact, stored.pair),
            fact: &stored.fact,
            references: &stored.references,
            document: sources.number(stored.document_id),
            sentence: &stored.sentence,
            confidence: stored.confidence,
        }
    }
}

/// A document as `--json` lists it.
#[derive(Serialize)]
pub struct DocumentView<'a> {
    pub number: usize,
    pub source: &'a str,
    pub title: &'a str,
}

/// Facts with the documents they come from, as `timeline --json` and `facts --json` print.
#[derive(Serialize)]
pub struct FactListView<'a> {
    pub facts: Vec<FactView<'a>>,
    pub documents: Vec<DocumentView<'a>>,
}

/// A reference as every `--json` and the API list it: its document's number and the
/// citation's fields.
#[derive(Serialize)]
pub struct ReferenceView<'a> {
    /// The number of its document in `documents`; where a command prints an object per file
    /// (`read --json`, `refs --json`), the number of that file's object among those printed.
    pub document: usize,
    #[serde(flatten)]
    pub citation: &'a Citation,
}

impl<'a> ReferenceView<'a> {
    /// A stored reference, its document numbered as `sources` numbers it.
    pub fn stored(stored: &'a StoredCitation, sources: &Sources) -> ReferenceView<'a> {
        ReferenceView {
            document: sources.number(stored.document_id),
            citation: &stored.citation,
        }
    }

    /// The references of one document, the one numbered `document`.
    pub fn of_document(document: usize, citations: &'a [Citation]) -> Vec<ReferenceView<'a>> {
        citations
            .iter()
            .map(|citation| ReferenceView { document, citation })
            .collect()
    }
}

/// A pair's dossier, as `show --json` prints it and the API serves it.
#[derive(Serialize)]
pub struct DossierView<'a> {
    pub pair: Dyad,
    pub names: [String; 2],
    pub documents: Vec<DocumentView<'a>>,
    pub facts: Vec<FactView<'a>>,
    pub references: Vec<ReferenceView<'a>>,
}

impl<'a> DossierView<'a> {
    /// The view of a dossier whose documents `sources` numbers.
    pub fn new(dossier: &'a Dossier, sources: &'a Sources) -> DossierView<'a> {
        DossierView {
            pair: dossier.pair,
            names: dossier.pair.codes().map(country_name),
            documents: sources.views(),
            facts: dossier
                .facts
                .iter()
                .map(|fact| FactView::new(fact, sources))
                .collect(),
            references: dossier
                .citations
                .iter()
                .map(|stored| ReferenceView::stored(stored, sources))
                .collect(),
        }
    }
}

/// How much is stored, as `stats --json` prints it and the API serves it.
#[derive(Serialize)]
pub struct StatsView {
    pub documents: u64,
    pub revisions: u64,
    pub sentences: u64,
    pub facts: u64,
    pub citations: u64,
    pub facts_by_type: Vec<Count>,
    pub pairs: Vec<PairView>,
    pub citation_problems: Vec<Count>,
}

impl StatsView {
    pub fn new(stats: &Stats) -> StatsView {
        StatsView {
            documents: stats.documents,
            revisions: stats.revisions,
            sentences: stats.sentences,
            facts: stats.facts,
            citations: stats.citations,
            facts_by_type: stats
                .facts_by_type
                .iter()
                .map(|(name, count)| Count {
                    name: name.clone(),
                    count: *count,
                })
                .collect(),
            pairs: stats.dyads.iter().map(PairView::new).collect(),
            citation_problems: stats
                .problems
                .iter()
                .map(|(problem, count)| Count {
                    name: problem.to_string(),
                    count: *count,
                })
                .collect(),
        }
    }
}

/// A named count.
#[derive(Serialize)]
pub struct Count {
    pub name: String,
    pub count: u64,
}

/// A pair with how much is stored about it.
#[derive(Serialize)]
pub struct PairView {
    pub pair: Dyad,
    pub name: String,
    pub facts: u64,
    pub documents: u64,
}

impl PairView {
    pub fn new(dyad: &DyadCount) -> PairView {
        PairView {
            pair: dyad.pair,
            name: pair_name(dyad.pair),
            facts: dyad.facts,
            documents: dyad.documents,
        }
    }
}

/// The family of a fact: the part of a dossier it is printed in, and the lane of a
/// timeline it is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Relations,
    Missions,
    Visits,
    VisitCounts,
    Meetings,
    Agreements,
    Figures,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Family::Relations,
        Family::Missions,
        Family::Visits,
        Family::VisitCounts,
        Family::Meetings,
        Family::Agreements,
        Family::Figures,
    ];

    pub fn of(fact: &Fact) -> Family {
        match fact {
            Fact::RelationsEstablished { .. }
            | Fact::RelationsSevered { .. }
            | Fact::RelationsRestored { .. } => Family::Relations,
            Fact::MissionOpened { .. } | Fact::MissionClosed { .. } => Family::Missions,
            Fact::Visit { .. } => Family::Visits,
            Fact::VisitCount { .. } => Family::VisitCounts,
            Fact::Meeting { .. } => Family::Meetings,
            Fact::AgreementSigned { .. } => Family::Agreements,
            Fact::Population { .. } | Fact::Trade { .. } => Family::Figures,
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Family::Relations => "Relations",
            Family::Missions => "Missions",
            Family::Visits => "Visits",
            Family::VisitCounts => "Visit counts",
            Family::Meetings => "Meetings",
            Family::Agreements => "Agreements",
            Family::Figures => "Figures",
        }
    }
}

/// Prints facts one a line (`1992-01-26  relations_established  Japan–Kazakhstan  …  [1]`),
/// or as JSON.
pub fn print_fact_list(facts: &[StoredFact], json: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let sources = Sources::of_facts(facts);
    if json {
        let view = FactListView {
            facts: facts.iter().map(|f| FactView::new(f, &sources)).collect(),
            documents: sources.views(),
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
        return Ok(());
    }
    let pairs: Vec<String> = facts
        .iter()
        .map(|stored| stored.pair.map(pair_name).unwrap_or_default())
        .collect();
    let width = pairs.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    for (stored, pair) in facts.iter().zip(&pairs) {
        let line = format!(
            "{}  {:<21}  {pair:<width$}  {}  {}",
            date_column(stored.fact.date()),
            stored.fact.type_name(),
            summary(&stored.fact, stored.pair),
            sources.label(stored.document_id, &stored.references)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    sources.write_key(&mut out)?;
    Ok(())
}

/// Checks `--type` values against the fact types there are.
pub fn check_types(types: &[String]) -> anyhow::Result<()> {
    for name in types {
        if !Fact::TYPES.contains(&name.as_str()) {
            anyhow::bail!(
                "unknown fact type \"{name}\"; the types are {}",
                Fact::TYPES.join(", ")
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_words() {
        assert_eq!(amount(1_400_000_000.0), "1.4 billion");
        assert_eq!(amount(2_000_000.0), "2 million");
        assert_eq!(amount(5_300.0), "5,300");
        assert_eq!(grouped("-120000".into()), "-120,000");
    }

    #[test]
    fn labels_carry_document_numbers_only_when_needed() {
        let fact = |document_id| StoredFact {
            id: document_id,
            document_id,
            fact: Fact::Meeting {
                participants: vec!["A".into()],
                date: None,
                place: None,
            },
            pair: None,
            sentence: String::new(),
            references: vec![3],
            source: format!("{document_id}.txt"),
            title: String::new(),
            confidence: 1.0,
        };
        let one = Sources::of_facts(&[fact(7)]);
        assert_eq!(one.label(7, &[1, 2]), "[1][2]");
        let two = Sources::of_facts(&[fact(9), fact(7)]);
        assert_eq!(two.label(9, &[3]), "[2:3]");
    }

    #[test]
    fn a_pair_is_two_states_and_years_run_forward() {
        assert!(parse_pair("Japan", "mn").is_ok());
        let error = parse_pair("Japan", "JPN").unwrap_err().to_string();
        assert_eq!(error, "\"Japan\" and \"JPN\" are the same country");
        assert!(check_years(Some(2010), Some(2020)).is_ok());
        assert!(check_years(Some(2010), Some(2010)).is_ok());
        assert!(check_years(None, Some(1900)).is_ok());
        assert!(check_years(Some(2020), Some(2010)).is_err());
    }

    #[test]
    fn unknown_types_are_refused() {
        assert!(check_types(&["visit".into()]).is_ok());
        assert!(check_types(&["visits".into()]).is_err());
    }
}
