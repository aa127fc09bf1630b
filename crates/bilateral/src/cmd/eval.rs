//! `bilateral eval DIR`: extraction accuracy against answer keys (shared/spec/gold-format.md).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use bilateral_eval::{Report, parse_gold, score_article};

use crate::cmd::extract::reported_facts;
use crate::pipeline;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A folder of NAME.txt / NAME.wiki / NAME.html articles, each with NAME.gold.json.
    dir: PathBuf,
    /// List missed and spurious facts, and citation disagreements, per article.
    #[arg(long)]
    verbose: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// The article beside a key: NAME.txt, NAME.wiki or NAME.html.
fn article_for(key: &Path) -> Option<PathBuf> {
    let name = key.file_name()?.to_str()?.strip_suffix(".gold.json")?;
    ["txt", "wiki", "html", "htm"]
        .iter()
        .map(|extension| key.with_file_name(format!("{name}.{extension}")))
        .find(|candidate| candidate.is_file())
}

/// Scores every article with a key in `dir`.
pub fn evaluate(dir: &Path) -> anyhow::Result<Report> {
    let mut keys: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".gold.json"))
        .collect();
    keys.sort();
    if keys.is_empty() {
        anyhow::bail!("{}: no NAME.gold.json answer keys here", dir.display());
    }
    let mut articles = Vec::new();
    for key in keys {
        let article = article_for(&key)
            .with_context(|| format!("{}: no NAME.txt, .wiki or .html beside it", key.display()))?;
        let json = std::fs::read_to_string(&key).with_context(|| format!("{}", key.display()))?;
        let gold = parse_gold(&json).with_context(|| format!("{}", key.display()))?;
        let loaded = pipeline::load(&article, None)?;
        let name = article
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        articles.push(score_article(
            &name,
            &gold,
            &reported_facts(&loaded.analysis),
            &loaded.analysis.citations,
        ));
    }
    Ok(Report { articles })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let report = evaluate(&args.dir)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report.to_json())?)?;
    } else {
        print!("{}", report.render_text(args.verbose));
    }
    Ok(ExitCode::SUCCESS)
}
