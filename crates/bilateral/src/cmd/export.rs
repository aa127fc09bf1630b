//! `bilateral export FORMAT`: the stored facts or references in a format a field tool reads
//! (see docs/exports.md), streamed from the database to a file or standard output.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use bilateral_export::{
    Bibtex, CslJson, DyadYear, EventsCsv, EventsJsonl, QuickStatements, Skipped, Turtle,
};
use bilateral_store::{FactQuery, Store, StoredFact};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cmd::facts::Filters;
use crate::db::DbArgs;

/// The formats, as docs/exports.md describes them.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// One CSV row per fact, with CAMEO and PLOVER codes.
    EventsCsv,
    /// The same rows as JSON Lines.
    EventsJsonl,
    /// The same rows as Parquet, typed.
    #[cfg(feature = "parquet")]
    EventsParquet,
    /// A Correlates-of-War-style panel: one row per pair and year.
    DyadYear,
    /// Every reference as a CSL-JSON item.
    CslJson,
    /// Every reference as a BibTeX entry.
    Bibtex,
    /// QuickStatements v1 commands adding P530 with start time and source.
    Quickstatements,
    /// Facts as RDF (Turtle), each derived (PROV-O) from its sentence and document.
    Turtle,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(value_enum)]
    format: Format,
    /// Write here instead of to standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// dyad-year: a row each way for every pair and year, instead of one.
    #[arg(long)]
    directed: bool,
    #[command(flatten)]
    filters: Filters,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.directed && args.format != Format::DyadYear {
        anyhow::bail!("--directed is for the dyad-year format");
    }
    let mut query = args.filters.query()?;
    if args.format == Format::Quickstatements && query.types.is_empty() {
        query.types = vec!["relations_established".into()];
    }
    let store = args.db.open_existing()?;
    let out: Box<dyn Write + Send> = match &args.out {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let out = BufWriter::with_capacity(1 << 16, out);
    let summary = match args.format {
        Format::EventsCsv => {
            let mut writer = EventsCsv::new(out)?;
            let n = each_fact(&store, &query, |fact| Ok(writer.write(fact)?))?;
            writer.finish()?;
            format!("{n} facts")
        }
        Format::EventsJsonl => {
            let mut writer = EventsJsonl::new(out);
            let n = each_fact(&store, &query, |fact| Ok(writer.write(fact)?))?;
            writer.finish()?;
            format!("{n} facts")
        }
        #[cfg(feature = "parquet")]
        Format::EventsParquet => {
            let mut writer = bilateral_export::EventsParquet::new(out)?;
            let n = each_fact(&store, &query, |fact| Ok(writer.write(fact)?))?;
            writer.finish()?;
            format!("{n} facts")
        }
        Format::DyadYear => {
            let mut panel = DyadYear::new();
            let n = each_fact(&store, &query, |fact| {
                panel.add(fact);
                Ok(())
            })?;
            let rows = panel.write(out, args.filters.to, args.directed)?;
            format!("{rows} pair-years from {n} facts")
        }
        Format::Quickstatements => {
            let mut writer = QuickStatements::new(out);
            let (mut written, mut no_item, mut no_source) = (0u64, 0u64, 0u64);
            each_fact(&store, &query, |fact| {
                let references = store.citations_of(fact.document_id, &fact.references)?;
                match writer.write(fact, &references)? {
                    Ok(()) => written += 1,
                    Err(Skipped::NoItem) => no_item += 1,
                    Err(Skipped::NoSource) => no_source += 1,
                    Err(Skipped::NotApplicable) => {}
                }
                Ok(())
            })?;
            writer.finish()?;
            format!(
                "{written} relations as P530 statements (left out: {no_source} with no \
                 reference URL, {no_item} with a state that has no Wikidata item)"
            )
        }
        Format::Turtle => {
            let mut writer = Turtle::new(out)?;
            let n = each_fact(&store, &query, |fact| Ok(writer.write(fact)?))?;
            writer.finish()?;
            format!("{n} facts")
        }
        Format::CslJson => {
            let mut writer = CslJson::new(out)?;
            let n = each_citation(&store, &query, |citation| Ok(writer.write(citation)?))?;
            writer.finish()?;
            format!("{n} references")
        }
        Format::Bibtex => {
            let mut writer = Bibtex::new(out);
            let n = each_citation(&store, &query, |citation| Ok(writer.write(citation)?))?;
            writer.finish()?;
            format!("{n} references")
        }
    };
    let target = args
        .out
        .as_ref()
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    eprintln!("exported to {target}: {summary}");
    Ok(ExitCode::SUCCESS)
}

/// Hands the query's facts to `each` one at a time with a progress bar; returns how many.
fn each_fact(
    store: &Store,
    query: &FactQuery,
    mut each: impl FnMut(&StoredFact) -> anyhow::Result<()>,
) -> anyhow::Result<u64> {
    let bar = progress_bar(|| store.count_facts(query).ok(), "facts");
    let mut n = 0;
    store.for_each_fact(query, |fact| {
        each(&fact)?;
        n += 1;
        if n % 1024 == 0 {
            bar.set_position(n);
        }
        Ok::<(), anyhow::Error>(())
    })?;
    bar.finish_and_clear();
    Ok(n)
}

/// Hands the query's references to `each` one at a time; returns how many.
fn each_citation(
    store: &Store,
    query: &FactQuery,
    mut each: impl FnMut(&bilateral_store::StoredCitation) -> anyhow::Result<()>,
) -> anyhow::Result<u64> {
    let bar = progress_bar(|| None, "references");
    let mut n = 0;
    store.for_each_citation(query, |citation| {
        each(&citation)?;
        n += 1;
        if n % 1024 == 0 {
            bar.set_position(n);
        }
        Ok::<(), anyhow::Error>(())
    })?;
    bar.finish_and_clear();
    Ok(n)
}

/// A bar (or, without a total, a counter) on stderr when someone is there to see it; the
/// total is counted only then.
fn progress_bar(total: impl FnOnce() -> Option<u64>, unit: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total() {
        Some(total) => (
            ProgressBar::new(total),
            format!("{{bar:30}} {{pos}}/{{len}} {unit} {{per_sec}} {{elapsed}}"),
        ),
        None => (
            ProgressBar::new_spinner(),
            format!("{{spinner}} {{pos}} {unit} {{per_sec}} {{elapsed}}"),
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}
