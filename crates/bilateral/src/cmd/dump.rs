//! `bilateral dump FILE`: read a whole Wikipedia XML dump (plain, bzip2, or multistream with
//! its index) and pick the articles about the relations of two states. `--jsonl` writes them
//! for `bilateral extract --jsonl`; `--extract` analyses them here without storing; otherwise
//! a summary says how much was read, and how fast.

use std::io::{BufWriter, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use bilateral_dump::{DumpItem, DumpPage, DumpStats, Selection};
use bilateral_model::Format;
use indicatif::{ProgressBar, ProgressStyle};

use crate::json_out::JsonOut;
use crate::pipeline;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The dump: `.xml`, `.xml.bz2`, or a multistream `.xml.bz2` (with its
    /// `…-index.txt.bz2` beside it, streams without a selected title are skipped).
    file: PathBuf,
    /// The multistream index, when it is not beside the dump under Wikipedia's name.
    #[arg(long)]
    index: Option<PathBuf>,
    /// Read every article, not only relations articles.
    #[arg(long, conflicts_with = "titles")]
    all: bool,
    /// Read the articles titled in this file, one title a line.
    #[arg(long)]
    titles: Option<PathBuf>,
    /// Write the selected articles as `{"title":..,"text":..,"format":"wikitext"}` lines.
    #[arg(long, conflicts_with = "extract")]
    jsonl: bool,
    /// Extract facts from the selected articles (in parallel) and count them; store nothing.
    #[arg(long)]
    extract: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let selection = selection(&args)?;
    let started = Instant::now();
    let size = std::fs::metadata(&args.file)
        .with_context(|| format!("{}", args.file.display()))?
        .len();
    let bar = progress_bar(size);
    let mut out = JsonOut::new(BufWriter::new(std::io::stdout().lock()), true);
    let mut facts = 0_usize;
    let mut last = DumpStats::default();
    let analyse = |page: &DumpPage| {
        args.extract.then(|| {
            pipeline::analyse_text(&page.text, Format::Wikitext, &page.title)
                .1
                .facts
                .len()
        })
    };
    let result = bilateral_dump::read_dump_file(
        &args.file,
        args.index.as_deref(),
        &selection,
        analyse,
        |item| -> anyhow::Result<()> {
            if let DumpItem::Page(page, found) = item {
                facts += found.unwrap_or(0);
                if args.jsonl {
                    let line = serde_json::json!({
                        "title": page.title,
                        "text": page.text,
                        "format": "wikitext",
                    });
                    out.push(&line)?;
                }
            }
            Ok(())
        },
        |stats| {
            last = *stats;
            bar.set_position(stats.input_bytes);
            bar.set_message(format!(
                "{} pages, {} selected",
                stats.pages_seen + stats.pages_skipped,
                stats.pages_selected
            ));
        },
    );
    bar.finish_and_clear();
    out.finish()?;
    let stats = result.as_ref().copied().unwrap_or(last);
    let summary = summary(
        &stats,
        started.elapsed().as_secs_f64(),
        args.extract.then_some(facts),
    );
    // The summary keeps out of the way of JSON lines, and of an error's partial count; an
    // error before the first page needs no count.
    let pages = stats.pages_seen + stats.pages_skipped;
    if result.is_ok() && !args.jsonl {
        outln!("{summary}")?;
    } else if result.is_ok() || pages > 0 {
        eprintln!("{summary}");
    }
    result.with_context(|| format!("{}", args.file.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn selection(args: &Args) -> anyhow::Result<Selection> {
    if args.all {
        return Ok(Selection::all());
    }
    match &args.titles {
        Some(path) => {
            let titles =
                std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
            Ok(Selection::titles(titles.lines()))
        }
        None => Ok(Selection::dyads()),
    }
}

fn summary(stats: &DumpStats, seconds: f64, facts: Option<usize>) -> String {
    let megabytes = stats.input_bytes as f64 / 1e6;
    let pages = stats.pages_seen + stats.pages_skipped;
    let seconds = seconds.max(1e-9);
    let mut summary = format!(
        "{pages} pages ({} read, {} in {} streams skipped by the index), \
         {} articles and {} aliases selected; {megabytes:.1} MB ({:.1} MB of XML) in {seconds:.2} s: \
         {:.0} pages/s, {:.1} MB/s",
        stats.pages_seen,
        stats.pages_skipped,
        stats.streams_skipped,
        stats.pages_selected,
        stats.aliases,
        stats.xml_bytes as f64 / 1e6,
        pages as f64 / seconds,
        megabytes / seconds,
    );
    if let Some(facts) = facts {
        summary.push_str(&format!("; {facts} facts"));
    }
    summary
}

/// A bar on stderr, in input bytes, when someone is there to see it.
fn progress_bar(size: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(size);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {elapsed} {wide_msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_pages_and_rates() {
        let stats = DumpStats {
            input_bytes: 2_000_000,
            xml_bytes: 8_000_000,
            pages_seen: 300,
            pages_selected: 4,
            aliases: 2,
            streams_skipped: 7,
            pages_skipped: 700,
        };
        let summary = summary(&stats, 2.0, Some(9));
        assert_eq!(
            summary,
            "1000 pages (300 read, 700 in 7 streams skipped by the index), 4 articles and 2 \
             aliases selected; 2.0 MB (8.0 MB of XML) in 2.00 s: 500 pages/s, 1.0 MB/s; 9 facts"
        );
    }
}
