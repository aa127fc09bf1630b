//! `bilateral read FILE`: the parsed document, for checking what the readers understood.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Article files: scraped text, wikitext or HTML.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    for path in &args.files {
        let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
        let text = bilateral_read::decode(&bytes).with_context(|| format!("{}", path.display()))?;
        println!("{}: {} bytes", path.display(), text.len());
    }
    Ok(ExitCode::SUCCESS)
}
