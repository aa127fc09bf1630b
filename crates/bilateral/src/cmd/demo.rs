//! `bilateral demo`: ingests the example articles the project ships (built into the binary,
//! so it runs from anywhere) into a temporary database, then prints one dossier and one
//! timeline — the first thing a newcomer runs.

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use crate::cli::{self, Cli};

/// The shipped examples: our own texts about several pairs, in every format we read. `bench`
/// measures them when given no folder.
pub const EXAMPLES: [(&str, &str); 5] = [
    (
        "japan-mongolia-relations.txt",
        include_str!("../../../../examples/japan-mongolia-relations.txt"),
    ),
    (
        "cuba-united-states-relations.txt",
        include_str!("../../../../examples/cuba-united-states-relations.txt"),
    ),
    (
        "russia-south-korea-relations.wiki",
        include_str!("../../../../examples/russia-south-korea-relations.wiki"),
    ),
    (
        "australia-japan-relations.wiki",
        include_str!("../../../../examples/australia-japan-relations.wiki"),
    ),
    (
        "germany-israel-relations.html",
        include_str!("../../../../examples/germany-israel-relations.html"),
    ),
];

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print the source sentence under each fact of the dossier.
    #[arg(long)]
    evidence: bool,
}

/// Runs one `bilateral …` command line as if typed.
fn run_command(words: &[&str]) -> anyhow::Result<ExitCode> {
    let cli = Cli::try_parse_from(std::iter::once("bilateral").chain(words.iter().copied()))
        .with_context(|| format!("bilateral {}", words.join(" ")))?;
    cli::run(cli)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = tempfile::tempdir().context("creating a temporary folder")?;
    let articles = dir.path().join("examples");
    std::fs::create_dir(&articles).context("creating a temporary folder")?;
    for (name, text) in EXAMPLES {
        std::fs::write(articles.join(name), text).with_context(|| name.to_owned())?;
    }
    let db = dir.path().join("demo.db");
    let (articles, db) = (articles.to_string_lossy(), db.to_string_lossy());
    outln!(
        "$ bilateral ingest examples/   ({} articles shipped with bilateral)",
        EXAMPLES.len()
    )?;
    run_command(&["ingest", &articles, "--db", &db])?;
    outln!(
        "\n$ bilateral show Japan Mongolia{}",
        if args.evidence { " --evidence" } else { "" }
    )?;
    let mut show = vec!["show", "Japan", "Mongolia", "--db", &db];
    if args.evidence {
        show.push("--evidence");
    }
    run_command(&show)?;
    outln!("\n$ bilateral timeline Japan --from 2000")?;
    run_command(&["timeline", "Japan", "--from", "2000", "--db", &db])?;
    outln!(
        "\nNext: `bilateral show Cuba \"United States\" --evidence`, `bilateral refs FILE`, `bilateral eval DIR`."
    )?;
    Ok(ExitCode::SUCCESS)
}
