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
    /// Print an article as bilateral reads it: title, dyad, sections, sentences, references.
    Read(cmd::read::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Read(args) => cmd::read::run(args),
    }
}
