//! `bilateral show A B`: the dossier of a pair of states — relations, missions, visits,
//! meetings, agreements and figures, each with its references, then the references and
//! their problems.

use std::io::Write;
use std::process::ExitCode;

use bilateral_model::{Citation, CountryCode, Dyad, Fact, Office};
use bilateral_store::{Dossier, StoredFact};

use crate::db::DbArgs;
use crate::views::{self, DossierView, Family, Sources};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// One country: name, ISO code or variant, any case.
    a: String,
    /// The other country.
    b: String,
    /// Print the sentence each fact was taken from under it.
    #[arg(long)]
    evidence: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (pair, [a, b]) = views::parse_pair(&args.a, &args.b)?;
    let dossier = args.db.open_existing()?.dossier(pair)?;
    let sources = Sources::of_documents(&dossier.documents);
    let mut out = std::io::stdout().lock();
    if args.json {
        let view = DossierView::new(&dossier, &sources);
        writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} – {}", flagged(a), flagged(b))?;
    if dossier.documents.is_empty() {
        writeln!(out, "\nNothing is stored about this pair.")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut printer = Printer {
        out,
        sources: &sources,
        evidence: args.evidence,
    };
    printer.documents()?;
    printer.sections(&dossier, [a, b])?;
    printer.references(&dossier)?;
    Ok(ExitCode::SUCCESS)
}

/// "🇯🇵 Japan".
fn flagged(code: CountryCode) -> String {
    match bilateral_gazetteer::flag_emoji(code) {
        Some(flag) => format!("{flag} {}", views::country_name(code)),
        None => views::country_name(code),
    }
}

/// Who sent a mission, for grouping missions by direction.
fn mission_sender(fact: &Fact) -> Option<CountryCode> {
    match fact {
        Fact::MissionOpened { sender, .. } | Fact::MissionClosed { sender, .. } => Some(*sender),
        _ => None,
    }
}

fn visit_office(fact: &Fact) -> Option<Office> {
    match fact {
        Fact::Visit { office, .. } => Some(*office),
        _ => None,
    }
}

/// A fact as one or several documents state it.
struct Stated<'a> {
    fact: &'a Fact,
    pair: Option<Dyad>,
    by: Vec<&'a StoredFact>,
}

/// Groups the facts that say the same thing, in order of first appearance.
fn merge_same<'a>(facts: impl Iterator<Item = &'a StoredFact>) -> Vec<Stated<'a>> {
    let mut merged: Vec<Stated<'a>> = Vec::new();
    for stored in facts {
        match merged.iter_mut().find(|stated| *stated.fact == stored.fact) {
            Some(stated) => stated.by.push(stored),
            None => merged.push(Stated {
                fact: &stored.fact,
                pair: stored.pair,
                by: vec![stored],
            }),
        }
    }
    merged
}

/// Prints a dossier as text.
struct Printer<'a, W: Write> {
    out: W,
    sources: &'a Sources,
    evidence: bool,
}

impl<W: Write> Printer<'_, W> {
    fn documents(&mut self) -> std::io::Result<()> {
        let entries: Vec<_> = self.sources.entries().collect();
        if let [(_, source, title)] = entries.as_slice() {
            writeln!(self.out, "from {source} ({title})")?;
            return Ok(());
        }
        writeln!(self.out, "from {} documents:", entries.len())?;
        for (number, source, title) in entries {
            writeln!(self.out, "  {number}: {source} ({title})")?;
        }
        Ok(())
    }

    /// One line for a fact, with the references of every document that states it.
    fn fact(&mut self, stated: &Stated<'_>, indent: &str) -> std::io::Result<()> {
        let labels: String = stated
            .by
            .iter()
            .map(|stored| self.sources.label(stored.document_id, &stored.references))
            .collect();
        let line = format!(
            "{indent}{}  {}  {labels}",
            views::date_column(stated.fact.date()),
            views::summary(stated.fact, stated.pair),
        );
        writeln!(self.out, "{}", line.trim_end())?;
        if self.evidence {
            let mut sentences: Vec<&str> = stated.by.iter().map(|s| s.sentence.trim()).collect();
            sentences.dedup();
            for sentence in sentences {
                writeln!(self.out, "{indent}            “{sentence}”")?;
            }
        }
        Ok(())
    }

    fn sections(&mut self, dossier: &Dossier, [a, b]: [CountryCode; 2]) -> std::io::Result<()> {
        for family in Family::ALL {
            let facts = merge_same(
                dossier
                    .facts
                    .iter()
                    .filter(|f| Family::of(&f.fact) == family),
            );
            if facts.is_empty() {
                continue;
            }
            writeln!(self.out, "\n{}", family.heading())?;
            match family {
                Family::Missions => {
                    for (sender, host) in [(a, b), (b, a)] {
                        let heading = format!(
                            "{} in {}",
                            views::country_name(sender),
                            views::country_name(host)
                        );
                        self.group(&heading, &facts, |f| mission_sender(f) == Some(sender))?;
                    }
                    let others =
                        |f: &Fact| !matches!(mission_sender(f), Some(c) if c == a || c == b);
                    self.group("Others", &facts, others)?;
                }
                Family::Visits => {
                    let mut offices: Vec<Office> =
                        facts.iter().filter_map(|f| visit_office(f.fact)).collect();
                    offices.sort();
                    offices.dedup();
                    for office in offices {
                        let wanted = |f: &Fact| visit_office(f) == Some(office);
                        let count = facts.iter().filter(|f| wanted(f.fact)).count();
                        let heading = format!("{} ({count})", views::office_heading(office));
                        self.group(&heading, &facts, wanted)?;
                    }
                }
                _ => {
                    for stated in &facts {
                        self.fact(stated, "  ")?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A subheading and the facts under it, when there are any.
    fn group(
        &mut self,
        heading: &str,
        facts: &[Stated<'_>],
        wanted: impl Fn(&Fact) -> bool,
    ) -> std::io::Result<()> {
        let members: Vec<&Stated<'_>> = facts.iter().filter(|f| wanted(f.fact)).collect();
        if members.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "  {heading}")?;
        for stated in members {
            self.fact(stated, "    ")?;
        }
        Ok(())
    }

    fn references(&mut self, dossier: &Dossier) -> std::io::Result<()> {
        if dossier.citations.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "\nReferences")?;
        let mut current_document = None;
        for stored in &dossier.citations {
            if self.sources.len() > 1 && current_document != Some(stored.document_id) {
                current_document = Some(stored.document_id);
                if let Some(source) = self.sources.source(stored.document_id) {
                    let number = self.sources.number(stored.document_id);
                    writeln!(self.out, "  {number}: {source}")?;
                }
            }
            writeln!(
                self.out,
                "  {} {}",
                self.sources.label(stored.document_id, &[stored.citation.n]),
                describe(&stored.citation)
            )?;
        }
        Ok(())
    }
}

/// A reference in one line: title, where and when it appeared, its link, and its problems.
fn describe(citation: &Citation) -> String {
    let mut parts = Vec::new();
    if !citation.authors.is_empty() {
        parts.push(citation.authors.join("; "));
    }
    parts.push(match &citation.title {
        Some(title) => format!("“{title}”"),
        None => "(untitled)".to_owned(),
    });
    parts.extend(citation.work.clone());
    parts.extend(citation.publisher.clone());
    parts.extend(citation.date.map(|date| date.to_string()));
    if let Some(isbn) = &citation.isbn {
        let validity = if isbn.valid { "" } else { " (invalid)" };
        parts.push(format!("ISBN {}{validity}", isbn.printed));
    }
    parts.extend(citation.url.clone());
    let mut line = parts.join(". ");
    if !citation.problems.is_empty() {
        let problems: Vec<&str> = citation.problems.iter().map(|p| p.as_str()).collect();
        line.push_str(&format!("  ⚠ {}", problems.join(", ")));
    }
    line
}
