//! `bilateral ingest PATH...`: read, analyse and store articles, one transaction per
//! document. A file that fails is reported and skipped; the others go on.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use bilateral_model::{Analysis, Document, Dyad, Format};
use bilateral_store::{IngestOutcome, IngestRecord, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::db::DbArgs;
use crate::pipeline;

/// File name extensions of articles, looked for in folders.
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "wiki", "html", "htm"];

/// Above this many files, a terminal gets a progress bar.
const PROGRESS_FROM: usize = 4;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    dyad: pipeline::DyadArgs,
    /// Article files, or folders searched recursively for .txt, .wiki, .html and .htm files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
}

/// What an ingest run did, for its summary line.
#[derive(Default)]
struct Tally {
    inserted: usize,
    replaced: usize,
    unchanged: usize,
    failed: usize,
    facts: usize,
    problems: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut files = Vec::new();
    for path in &args.paths {
        let before = files.len();
        let collected = collect_articles(path, &mut files).and_then(|()| {
            if files.len() == before {
                anyhow::bail!(
                    "{}: no articles in this folder (.{} files)",
                    path.display(),
                    ARTICLE_EXTENSIONS.join(", .")
                );
            }
            Ok(())
        });
        if let Err(error) = collected {
            crate::report::warn(&error);
            tally.failed += 1;
        }
    }
    if files.is_empty() {
        // Each path has been reported; there is nothing to store, so no database is made.
        return Ok(ExitCode::FAILURE);
    }
    let given = args.dyad.given()?;
    let mut store = args.db.open_or_create()?;
    let progress = progress_bar(files.len());
    for file in &files {
        progress.set_message(file.display().to_string());
        let result = if bilateral_dump::is_dump_path(file) {
            progress.suspend(|| ingest_dump(&mut store, file, &mut tally))
        } else {
            ingest_file(&mut store, file, given, &mut tally)
        };
        match result {
            Ok(()) => {}
            Err(error) => {
                progress.suspend(|| crate::report::warn(&error));
                tally.failed += 1;
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    outln!(
        "ingested {} documents ({} new, {} replaced, {} unchanged), {} facts, {} citation problems in {:.2} s",
        tally.inserted + tally.replaced + tally.unchanged,
        tally.inserted,
        tally.replaced,
        tally.unchanged,
        tally.facts,
        tally.problems,
        started.elapsed().as_secs_f64()
    )?;
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Adds `path` (a file as given) or the articles under it (a folder) to `files`, in name order.
fn collect_articles(path: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(path).with_context(|| format!("{}", path.display()))?;
    if !metadata.is_dir() {
        files.push(path.to_owned());
        return Ok(());
    }
    let mut entries = std::fs::read_dir(path)
        .with_context(|| format!("{}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .with_context(|| format!("{}", path.display()))?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let entry_path = entry.path();
        // Symbolic links to folders are not followed, so a link cycle cannot loop.
        let is_real_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if is_real_folder {
            collect_articles(&entry_path, files)?;
        } else if is_article(&entry_path) && entry_path.is_file() {
            files.push(entry_path);
        }
    }
    Ok(())
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            ARTICLE_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(extension))
        })
}

fn ingest_file(
    store: &mut Store,
    path: &Path,
    given: Option<Dyad>,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let loaded = pipeline::load(path, given)?;
    pipeline::require_dyad(&loaded)?;
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy())
        .unwrap_or_default();
    let title = if loaded.document.title.is_empty() {
        stem.as_ref()
    } else {
        loaded.document.title.as_str()
    };
    let record = IngestRecord {
        source: &loaded.source,
        format: loaded.format,
        title,
        content_hash: &loaded.content_hash,
    };
    store_document(store, &record, &loaded.document, &loaded.analysis, tally)
        .with_context(|| format!("{}", path.display()))
}

/// Stores one analysed document in its own transaction and counts what happened.
fn store_document(
    store: &mut Store,
    record: &IngestRecord<'_>,
    document: &Document,
    analysis: &Analysis,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    match store.ingest(record, document, analysis)? {
        IngestOutcome::Inserted => tally.inserted += 1,
        IngestOutcome::Replaced { .. } => tally.replaced += 1,
        IngestOutcome::Unchanged | IngestOutcome::Duplicate => tally.unchanged += 1,
    }
    tally.facts += analysis.facts.len();
    tally.problems += analysis
        .citations
        .iter()
        .map(|citation| citation.problems.len())
        .sum::<usize>();
    Ok(())
}

/// Streams a whole Wikipedia dump: the relations articles are read and analysed in parallel
/// and stored in dump order, one transaction each, so an interrupted run keeps every page
/// stored before it. Redirects to them are stored as other names of the articles, which a
/// search of `bilateral serve` finds. A page's source is `wiki:TITLE (page ID)`, so a later dump of the same
/// page is a new revision of it. A damaged dump stores every page before the damage, then fails.
fn ingest_dump(store: &mut Store, path: &Path, tally: &mut Tally) -> anyhow::Result<()> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("{}", path.display()))?
        .len();
    let bar = dump_progress_bar(size);
    let started = Instant::now();
    let result = bilateral_dump::read_dump_file(
        path,
        None,
        &bilateral_dump::Selection::dyads(),
        |page| pipeline::analyse_text(&page.text, Format::Wikitext, &page.title),
        |item| -> anyhow::Result<()> {
            let (page, (document, analysis)) = match item {
                bilateral_dump::DumpItem::Page(page, analysed) => (page, analysed),
                bilateral_dump::DumpItem::Alias(alias) => {
                    return store
                        .add_alias(&alias.from, &alias.to)
                        .with_context(|| format!("{}: redirect {}", path.display(), alias.from));
                }
            };
            if analysis.dyad.is_none() {
                return Ok(());
            }
            let source = format!("wiki:{} (page {})", page.title, page.id);
            let content_hash = pipeline::content_hash(page.text.as_bytes());
            let record = IngestRecord {
                source: &source,
                format: Format::Wikitext,
                title: &page.title,
                content_hash: &content_hash,
            };
            store_document(store, &record, &document, &analysis, tally)
                .with_context(|| format!("{}: {}", path.display(), page.title))
        },
        |stats| {
            let seconds = started.elapsed().as_secs_f64().max(1e-9);
            bar.set_position(stats.input_bytes);
            bar.set_message(format!(
                "{} pages ({:.0}/s), {} selected",
                stats.pages_seen + stats.pages_skipped,
                (stats.pages_seen + stats.pages_skipped) as f64 / seconds,
                stats.pages_selected
            ));
        },
    );
    bar.finish_and_clear();
    result.with_context(|| format!("{}", path.display()))?;
    Ok(())
}

/// A bar in input bytes, with MB/s and pages/s, for a dump.
fn dump_progress_bar(size: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(size);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {wide_msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// A bar on stderr when there is enough to wait for and someone to see it.
fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(u64::try_from(files).unwrap_or(u64::MAX));
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_yield_articles_in_name_order() {
        let folder = tempfile::tempdir().unwrap();
        let nested = folder.path().join("b");
        std::fs::create_dir(&nested).unwrap();
        for name in ["c.wiki", "a.txt", "notes.md", "a.gold.json"] {
            std::fs::write(folder.path().join(name), "x").unwrap();
        }
        std::fs::write(nested.join("d.HTML"), "x").unwrap();
        let mut files = Vec::new();
        collect_articles(folder.path(), &mut files).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(folder.path()).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a.txt"),
                PathBuf::from("b/d.HTML"),
                PathBuf::from("c.wiki")
            ]
        );
    }
}
