//! `bilateral stats`: how much the store holds: documents, facts by type, pairs, and
//! citation problems by kind.

use std::io::Write;
use std::process::ExitCode;

use crate::db::DbArgs;
use crate::views::{Count, StatsView};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stats = args.db.open_existing()?.stats()?;
    let view = StatsView::new(&stats);
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} documents ({} revisions), {} sentences, {} facts, {} citations",
        view.documents, view.revisions, view.sentences, view.facts, view.citations
    )?;
    write_counts(&mut out, "facts by type", &view.facts_by_type)?;
    if !view.pairs.is_empty() {
        writeln!(out, "\npairs")?;
        for pair in &view.pairs {
            let documents = if pair.documents == 1 {
                "document"
            } else {
                "documents"
            };
            writeln!(
                out,
                "  {:<40} {:>6} facts from {} {documents}",
                pair.name, pair.facts, pair.documents
            )?;
        }
    }
    write_counts(&mut out, "citation problems", &view.citation_problems)?;
    Ok(ExitCode::SUCCESS)
}

fn write_counts(out: &mut impl Write, heading: &str, counts: &[Count]) -> std::io::Result<()> {
    if counts.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{heading}")?;
    for count in counts {
        writeln!(out, "  {:<24} {:>6}", count.name, count.count)?;
    }
    Ok(())
}
