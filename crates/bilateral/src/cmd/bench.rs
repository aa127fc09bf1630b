//! `bilateral bench [DIR]`: whole-pipeline throughput on a folder of articles, single thread
//! and all cores, reported in MB/s and articles/s and as a ratio to a baseline pass (UTF-8
//! validation and a line count) measured in the same run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use bilateral_model::Format;

use crate::cmd::demo::EXAMPLES;
use crate::pipeline;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A folder of articles (.txt, .wiki, .html). Defaults to the examples shipped in the
    /// binary.
    dir: Option<PathBuf>,
    /// How long to run each measurement, in seconds.
    #[arg(long, default_value_t = 2.0)]
    seconds: f64,
    /// Also measure read → extract on one thread for each format's articles alone.
    #[arg(long)]
    by_format: bool,
}

/// The work a stage does per article; it returns a count so the optimiser cannot skip it.
type Work<'a> = &'a (dyn Fn(&Article) -> usize + Sync);

/// One measured stage: a name, how many threads run it, and its work.
type Stage<'a> = (&'a str, usize, Work<'a>);

#[derive(Clone)]
struct Article {
    bytes: Vec<u8>,
    format: Format,
}

impl Article {
    fn new(name: &str, bytes: Vec<u8>) -> anyhow::Result<Self> {
        let text = bilateral_read::decode(&bytes).with_context(|| name.to_owned())?;
        let format = bilateral_read::detect_format(name, text);
        Ok(Article { bytes, format })
    }
}

/// The examples built into the binary, so `bench` runs from any folder.
fn shipped_articles() -> anyhow::Result<Vec<Article>> {
    EXAMPLES
        .iter()
        .map(|(name, text)| Article::new(name, text.as_bytes().to_vec()))
        .collect()
}

fn load_articles(dir: &Path) -> anyhow::Result<Vec<Article>> {
    let mut articles = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| matches!(extension, "txt" | "wiki" | "html" | "htm"))
        })
        .collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
        articles.push(Article::new(&path.to_string_lossy(), bytes)?);
    }
    if articles.is_empty() {
        anyhow::bail!("{}: no .txt, .wiki or .html articles", dir.display());
    }
    Ok(articles)
}

/// Runs `work` over every article, again and again, for at least `budget`, on `threads`
/// threads that share the articles out; returns bytes and articles processed per second.
/// Each thread's speed is that of its median round (one pass over its share), so a pause of
/// the machine during a few rounds does not move the figure; the threads' speeds add up.
fn measure(articles: &[Article], budget: Duration, threads: usize, work: Work<'_>) -> (f64, f64) {
    let start = Instant::now();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                scope.spawn(move || {
                    let share: Vec<&Article> =
                        articles.iter().skip(thread).step_by(threads).collect();
                    let bytes: usize = share.iter().map(|article| article.bytes.len()).sum();
                    // One untimed pass first: tables built on first use (the gazetteer's
                    // automaton, the city table, phrase automata) are no part of a round.
                    for article in &share {
                        std::hint::black_box(work(article));
                    }
                    let mut rounds = Vec::new();
                    while start.elapsed() < budget || rounds.is_empty() {
                        let round = Instant::now();
                        for article in &share {
                            std::hint::black_box(work(article));
                        }
                        rounds.push(round.elapsed().as_secs_f64());
                    }
                    rounds.sort_by(f64::total_cmp);
                    let median = rounds[rounds.len() / 2].max(f64::MIN_POSITIVE);
                    (bytes as f64 / median, share.len() as f64 / median)
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|handle| handle.join().ok())
            .fold((0.0, 0.0), |total, part| {
                (total.0 + part.0 / 1e6, total.1 + part.1)
            })
    })
}

fn text_of(article: &Article) -> &str {
    bilateral_read::decode(&article.bytes).unwrap_or("")
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (articles, from) = match &args.dir {
        Some(dir) => (load_articles(dir)?, dir.display().to_string()),
        None => (shipped_articles()?, "the shipped examples".to_owned()),
    };
    let total: usize = articles.iter().map(|article| article.bytes.len()).sum();
    let budget = Duration::from_secs_f64(args.seconds.max(0.1));
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    outln!(
        "{} articles, {:.1} KB, from {}; {:.1} s per measurement, {cores} cores",
        articles.len(),
        total as f64 / 1e3,
        from,
        budget.as_secs_f64()
    )?;
    let baseline = |article: &Article| text_of(article).lines().count();
    let read = |article: &Article| {
        pipeline::read_document(text_of(article), article.format, None)
            .text
            .len()
    };
    let read_refs = |article: &Article| {
        let document = pipeline::read_document(text_of(article), article.format, None);
        bilateral_segment::segment(&document).len()
            + bilateral_refs::parse_references(&document.references).len()
    };
    let analyse = |article: &Article| {
        let document = pipeline::read_document(text_of(article), article.format, None);
        bilateral_extract::analyse(&document).facts.len()
    };
    let stages: [Stage; 5] = [
        ("baseline: UTF-8 check + line count", 1, &baseline),
        ("read", 1, &read),
        ("read + segment + references", 1, &read_refs),
        ("read → extract, 1 thread", 1, &analyse),
        ("read → extract, all cores", cores, &analyse),
    ];
    let mut baseline_speed = None;
    outln!(
        "{:<38} {:>10} {:>12} {:>12}",
        "stage",
        "MB/s",
        "articles/s",
        "× baseline"
    )?;
    for (name, threads, work) in stages {
        let (megabytes, per_second) = measure(&articles, budget, threads, work);
        let base = *baseline_speed.get_or_insert(megabytes);
        outln!(
            "{name:<38} {megabytes:>10.1} {per_second:>12.0} {:>12.4}",
            megabytes / base
        )?;
    }
    if args.by_format {
        for (format, label) in [
            (Format::Text, "text"),
            (Format::Wikitext, "wikitext"),
            (Format::Html, "HTML"),
        ] {
            let alike: Vec<Article> = articles
                .iter()
                .filter(|article| article.format == format)
                .cloned()
                .collect();
            if alike.is_empty() {
                continue;
            }
            let (megabytes, per_second) = measure(&alike, budget, 1, &analyse);
            let name = format!("  {label} only, 1 thread");
            outln!(
                "{name:<38} {megabytes:>10.1} {per_second:>12.0} {:>12.4}",
                megabytes / baseline_speed.unwrap_or(megabytes)
            )?;
        }
    }
    let facts: usize = articles.iter().map(analyse).sum();
    outln!(
        "{facts} facts from one pass over the {} articles",
        articles.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
