//! Throughput of the pure pipeline on real articles: reading plus reference parsing (the
//! citation linter's path) and reading through extraction (what every ingest pays). Runs on
//! `../shared/eval/dev` when it is there, else on the project's own `examples/`.

use std::path::{Path, PathBuf};

use bilateral_model::{Document, Format};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The articles to measure, as (text, format).
fn articles() -> Vec<(String, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/eval/dev");
    let dir: PathBuf = if shared.is_dir() {
        shared
    } else {
        root.join("examples")
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.to_string_lossy().into_owned();
            let format = match path.extension()?.to_str()? {
                "txt" => Format::Text,
                "wiki" => Format::Wikitext,
                "html" => Format::Html,
                _ => return None,
            };
            Some((std::fs::read_to_string(&path).ok()?, format))
                .filter(|_| !name.ends_with(".json"))
        })
        .collect()
}

fn read(text: &str, format: Format) -> Document {
    match format {
        Format::Text => bilateral_read::read_text(text),
        Format::Wikitext => bilateral_read::read_wikitext(text, None),
        Format::Html => bilateral_read::read_html(text),
    }
}

fn total_bytes(articles: &[(String, Format)]) -> usize {
    articles.iter().map(|(text, _)| text.len()).sum()
}

/// Reader plus reference parsing and checks, over every article.
#[divan::bench]
fn read_and_check_references(bencher: divan::Bencher) {
    let articles = articles();
    bencher
        .counter(BytesCount::new(total_bytes(&articles)))
        .bench(|| {
            articles
                .iter()
                .map(|(text, format)| {
                    bilateral_refs::parse_references(&read(text, *format).references).len()
                })
                .sum::<usize>()
        });
}

/// Reader through segmentation, recognition and extraction, over every article.
#[divan::bench]
fn read_and_extract(bencher: divan::Bencher) {
    let articles = articles();
    // Build the gazetteer and phrase tables once, outside the timing.
    if let Some((text, format)) = articles.first() {
        bilateral_extract::analyse(&read(text, *format));
    }
    bencher
        .counter(BytesCount::new(total_bytes(&articles)))
        .bench(|| {
            articles
                .iter()
                .map(|(text, format)| bilateral_extract::analyse(&read(text, *format)).facts.len())
                .sum::<usize>()
        });
}
