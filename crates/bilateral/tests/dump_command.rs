//! `bilateral dump` end to end on generated dumps: the summary, `--jsonl` piped into
//! `extract --jsonl`, `--extract`, the index found beside the dump, and a damaged dump.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use bilateral_dump::Selection;
use bilateral_dump::generate::{generate_dump, page_spec};

const PAGES: usize = 700;
const SEED: u64 = 5;

/// A dump and its index, named as Wikipedia names them, in a temporary folder.
struct Files {
    _folder: tempfile::TempDir,
    dump: PathBuf,
    xml: PathBuf,
}

fn files() -> Files {
    let folder = tempfile::tempdir().unwrap();
    let generated = generate_dump(PAGES, SEED);
    let dump = folder
        .path()
        .join("examplewiki-pages-articles-multistream.xml.bz2");
    let index = folder
        .path()
        .join("examplewiki-pages-articles-multistream-index.txt.bz2");
    let xml = folder.path().join("examplewiki-pages-articles.xml");
    std::fs::write(&dump, &generated.multistream).unwrap();
    std::fs::write(&index, &generated.index).unwrap();
    std::fs::write(&xml, &generated.xml).unwrap();
    Files {
        _folder: folder,
        dump,
        xml,
    }
}

/// The relations articles the generator wrote, in order.
fn relations_titles() -> Vec<String> {
    let selection = Selection::dyads();
    (0..PAGES)
        .map(|number| page_spec(SEED, number))
        .filter(|spec| spec.namespace == 0 && spec.redirect.is_none())
        .filter(|spec| selection.picks(&spec.title))
        .map(|spec| spec.title)
        .collect()
}

fn bilateral(args: &[&str], file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .arg("dump")
        .arg(file)
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_summary_counts_pages_and_selected_articles() {
    let files = files();
    let output = bilateral(&[], &files.dump);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let articles = relations_titles().len();
    assert!(articles >= 3, "{articles}");
    assert!(stdout.starts_with(&format!("{PAGES} pages (")), "{stdout}");
    assert!(
        stdout.contains(&format!(", {articles} articles and ")),
        "{stdout}"
    );
    assert!(stdout.contains("skipped by the index"), "{stdout}");
}

#[test]
fn jsonl_lines_feed_extract() {
    let files = files();
    let output = bilateral(&["--jsonl"], &files.dump);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let lines: Vec<serde_json::Value> = text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let titles: Vec<&str> = lines
        .iter()
        .map(|line| line["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, relations_titles());
    assert!(lines.iter().all(|line| line["format"] == "wikitext"));
    assert!(
        lines
            .iter()
            .all(|line| !line["text"].as_str().unwrap().contains("&lt;"))
    );

    let mut extract = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    extract
        .stdin
        .take()
        .unwrap()
        .write_all(&output.stdout)
        .unwrap();
    let extracted = extract.wait_with_output().unwrap();
    assert!(extracted.status.success());
    let results: Vec<serde_json::Value> = text(&extracted.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(results.len(), titles.len());
    assert!(
        results.iter().all(|result| !result["dyad"].is_null()),
        "{results:?}"
    );
}

#[test]
fn extract_analyses_the_selected_articles() {
    let files = files();
    let output = bilateral(&["--extract"], &files.xml);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let facts: usize = stdout
        .rsplit("; ")
        .next()
        .and_then(|last| last.trim().strip_suffix(" facts"))
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(facts >= relations_titles().len(), "{stdout}");
}

#[test]
fn a_truncated_dump_fails_naming_where_after_the_pages_before() {
    let files = files();
    let bytes = std::fs::read(&files.dump).unwrap();
    std::fs::write(&files.dump, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let output = bilateral(&["--all", "--jsonl"], &files.dump);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains(": stream "), "{stderr}");
    assert!(text(&output.stdout).lines().count() > 100);
}

/// `bilateral ingest DUMP --db DB`.
fn ingest(dump: &Path, db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .arg("ingest")
        .arg(dump)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

fn stats(db: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(["stats", "--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    text(&output.stdout)
}

#[test]
fn ingesting_a_dump_stores_its_relations_articles_once() {
    let files = files();
    let db = files.dump.with_file_name("store.db");
    let first = ingest(&files.dump, &db);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let articles = relations_titles().len();
    assert!(articles > 0);
    let summary = text(&first.stdout);
    assert!(
        summary.contains(&format!("({articles} new, 0 replaced, 0 unchanged)")),
        "{summary}"
    );
    let before = stats(&db);
    let again = ingest(&files.dump, &db);
    assert!(text(&again.stdout).contains(&format!("(0 new, 0 replaced, {articles} unchanged)")));
    assert_eq!(stats(&db), before, "the same dump twice changes nothing");
}

#[test]
fn a_truncated_dump_keeps_the_pages_before_the_damage_and_fails() {
    let files = files();
    let bytes = std::fs::read(&files.dump).unwrap();
    let cut = files
        .dump
        .with_file_name("cut-pages-articles-multistream.xml.bz2");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let db = files.dump.with_file_name("cut.db");
    let output = ingest(&cut, &db);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("stream"),
        "{}",
        text(&output.stderr)
    );
    let stored: serde_json::Value = serde_json::from_str(&stats(&db)).unwrap();
    let documents = stored["documents"].as_u64().unwrap();
    assert!(
        documents > 0 && documents < relations_titles().len() as u64,
        "{documents}"
    );
}

#[test]
fn a_file_that_is_no_dump_is_refused_naming_it() {
    let folder = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.txt", b"", "it is empty"),
        (
            "program",
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            "neither XML nor bzip2",
        ),
        ("notes.xml", b"Chile and Norway\n", "neither XML nor bzip2"),
    ];
    for (name, bytes, reason) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = bilateral(&[], &path);
        let message = text(&output.stderr);
        assert!(!output.status.success(), "{name}");
        assert!(
            message.contains(name) && message.contains(reason) && !message.contains("0 pages ("),
            "{name}: {message}"
        );
    }
}
