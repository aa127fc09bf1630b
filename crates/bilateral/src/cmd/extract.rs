//! `bilateral extract FILE...`: facts and citations as a JSON array with an object per file,
//! or in the answer-key schema with `--format gold`; `--jsonl` prints JSON Lines instead, and
//! with no files runs as a map step over JSON lines on stdin.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use bilateral_model::{Analysis, Document, Format};
use serde_json::{Value, json};

use crate::json_out::JsonOut;
use crate::pipeline;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutputFormat {
    /// Facts with evidence and confidence, and parsed citations.
    Json,
    /// Exactly the answer-key schema of shared/spec/gold-format.md.
    Gold,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    dyad: pipeline::DyadArgs,
    /// Article files: scraped text, wikitext or HTML. Printed as one JSON array.
    #[arg(required_unless_present = "jsonl")]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Write NAME.json per input NAME.* into this folder instead of printing.
    #[arg(long, conflicts_with = "jsonl")]
    out: Option<PathBuf>,
    /// JSON Lines: one line per file; with no files, read `{"title":..,"text":..,"format":..}`
    /// lines on stdin and write one line each.
    #[arg(long)]
    jsonl: bool,
}

/// The facts a key-shaped output keeps: those at or above the reporting threshold.
pub fn reported_facts(analysis: &Analysis) -> Vec<bilateral_model::Fact> {
    analysis
        .facts
        .iter()
        .filter(|fact| fact.confidence >= bilateral_extract::REPORT_THRESHOLD)
        .map(|fact| fact.fact.clone())
        .collect()
}

fn render(document: &Document, analysis: &Analysis, format: OutputFormat) -> anyhow::Result<Value> {
    Ok(match format {
        OutputFormat::Json => json!({
            "title": document.title,
            "format": document.format,
            "dyad": analysis.dyad,
            "facts": analysis.facts,
            "citations": analysis.citations,
        }),
        OutputFormat::Gold => {
            let dyad = analysis
                .dyad
                .context("no dyad: the title, infobox and lead name no two states")?;
            serde_json::to_value(bilateral_eval::to_gold(
                &document.title,
                dyad,
                &reported_facts(analysis),
                &analysis.citations,
            ))?
        }
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.jsonl && args.files.is_empty() {
        return run_jsonl(args.format);
    }
    if let Some(out) = &args.out {
        std::fs::create_dir_all(out).with_context(|| format!("{}", out.display()))?;
    }
    let given = args.dyad.given()?;
    let mut printed = JsonOut::stdout(args.jsonl);
    let mut failed = false;
    for path in &args.files {
        let result = pipeline::load(path, given).and_then(|loaded| {
            pipeline::require_dyad(&loaded)?;
            render(&loaded.document, &loaded.analysis, args.format)
                .with_context(|| format!("{}", path.display()))
        });
        let value = match result {
            Ok(value) => value,
            Err(error) => {
                crate::report::warn(&error);
                failed = true;
                continue;
            }
        };
        match &args.out {
            Some(out) => {
                let target = out.join(output_name(path));
                std::fs::write(&target, serde_json::to_string_pretty(&value)? + "\n")
                    .with_context(|| format!("{}", target.display()))?;
            }
            None => printed.push(&value)?,
        }
    }
    if args.out.is_none() {
        printed.finish()?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `NAME.txt` → `NAME.json`.
fn output_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "article".into(), |stem| stem.to_string_lossy());
    format!("{stem}.json")
}

#[derive(serde::Deserialize)]
struct Line {
    title: String,
    text: String,
    #[serde(default)]
    format: Option<String>,
}

fn parse_format(name: Option<&str>) -> anyhow::Result<Format> {
    Ok(match name.unwrap_or("wikitext") {
        "wikitext" | "wiki" => Format::Wikitext,
        "html" => Format::Html,
        "text" | "txt" => Format::Text,
        other => anyhow::bail!("unknown format {other:?} (wikitext, html or text)"),
    })
}

/// One JSON line in, one JSON line out; a bad line gets an `error` line, and the run goes on.
fn run_jsonl(format: OutputFormat) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut out = JsonOut::stdout(true);
    let mut failed = false;
    for (index, line) in stdin.lines().enumerate() {
        let line = line.context("reading stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str::<Line>(&line)
            .with_context(|| format!("stdin line {}", index + 1))
            .and_then(|input| {
                let format_kind = parse_format(input.format.as_deref())?;
                let (document, analysis) =
                    pipeline::analyse_text(&input.text, format_kind, &input.title);
                render(&document, &analysis, format)
            });
        let value = value.unwrap_or_else(|error| {
            failed = true;
            json!({ "line": index + 1, "error": crate::report::message(&error) })
        });
        out.push(&value)?;
    }
    out.finish()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
