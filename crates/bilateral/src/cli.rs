//! The command-line interface: clap definitions and dispatch to one module per subcommand.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Turn what is written about two countries into a sourced, dated, queryable record.
#[derive(Parser, Debug)]
#[command(name = "bilateral", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest the shipped example articles into a temporary database and show what came out.
    Demo(cmd::demo::Args),
    /// Print an article as bilateral reads it: title, dyad, sections, sentences, references.
    Read(cmd::read::Args),
    /// Check the references of articles like Wikipedia's citation checks; exit 1 on problems.
    Refs(cmd::refs::Args),
    /// Extract facts and citations as JSON (or in the answer-key schema with --format gold).
    Extract(cmd::extract::Args),
    /// Measure extraction accuracy on a folder of articles with answer keys.
    Eval(cmd::eval::Args),
    /// Measure whole-pipeline throughput on a folder of articles.
    Bench(cmd::bench::Args),
    /// Read, analyse and store articles (files or folders) in the database.
    Ingest(cmd::ingest::Args),
    /// Read a whole Wikipedia XML dump (.xml, .bz2, multistream with its index) and pick
    /// the relations articles: a summary, `--jsonl` lines for `extract --jsonl`, or `--extract`.
    Dump(cmd::dump::Args),
    /// Everything stored about a pair of countries, with references.
    Show(cmd::show::Args),
    /// Dated facts about a country, or a pair, in order.
    Timeline(cmd::timeline::Args),
    /// Facts across all pairs, by country, type, person, place and years.
    Facts(cmd::facts::Args),
    /// How much the database holds.
    Stats(cmd::stats::Args),
    /// Facts or references in a field format: events-csv, events-jsonl, dyad-year,
    /// csl-json, bibtex, quickstatements, turtle, events-parquet with the feature parquet
    /// (see docs/exports.md).
    Export(cmd::export::Args),
    /// Serve the database as web pages and a JSON API (read-only, loopback by default).
    Serve(cmd::serve::Args),
    /// Measure `serve` under load: a synthetic store of a million facts, the pair JSON and
    /// the pair page asked by concurrent clients on loopback, requests/s and latencies.
    BenchServe(cmd::bench_serve::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Demo(args) => cmd::demo::run(args),
        Command::Read(args) => cmd::read::run(args),
        Command::Refs(args) => cmd::refs::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Dump(args) => cmd::dump::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Timeline(args) => cmd::timeline::run(args),
        Command::Facts(args) => cmd::facts::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::BenchServe(args) => cmd::bench_serve::run(args),
    }
}
