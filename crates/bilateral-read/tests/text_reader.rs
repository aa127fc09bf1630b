//! Reads every scraped-text article of the shared evaluation data and checks the reader
//! against the answer keys: titles, reference lists, markers, captions, and no page chrome.

use std::path::{Path, PathBuf};

use bilateral_model::{BlockKind, Document};
use bilateral_read::read_text;

/// Every scraped-text article with its answer key.
fn articles(shared: &Path) -> Vec<(PathBuf, serde_json::Value)> {
    let mut articles = Vec::new();
    for dir in ["seed", "eval/dev"] {
        let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|extension| extension != "txt") {
                continue;
            }
            let key_name = path.with_extension("gold.json");
            let key_name = key_name.file_name().unwrap_or_default();
            let key_path = [dir, "eval/seed"]
                .iter()
                .map(|key_dir| shared.join(key_dir).join(key_name))
                .find(|key_path| key_path.is_file())
                .unwrap_or_else(|| panic!("no answer key for {}", path.display()));
            let key = std::fs::read_to_string(&key_path).expect("readable key");
            let key = serde_json::from_str(&key).expect("a JSON key");
            articles.push((path, key));
        }
    }
    articles.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        !articles.is_empty(),
        "no .txt articles in {}",
        shared.display()
    );
    articles
}

fn read(path: &Path) -> (String, Document) {
    let source = std::fs::read_to_string(path).expect("readable article");
    let document = read_text(&source);
    (source, document)
}

fn is_image_line(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    [".jpg", ".jpeg", ".png", ".svg", ".gif", ".webp"]
        .iter()
        .any(|extension| lower.ends_with(extension))
}

#[test]
fn titles_match_the_keys_and_no_chrome_survives() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for (path, key) in articles(&shared) {
        let (_, document) = read(&path);
        assert_eq!(document.title, key["title"], "{}", path.display());
        for chrome in ["Last updated", "Flag of", ".jpg", ".png", ".svg"] {
            assert!(
                !document.text.contains(chrome),
                "{}: {chrome:?} survived",
                path.display()
            );
        }
        assert_eq!(document.infobox_countries.len(), 2, "{}", path.display());
        assert!(
            document.diagnostics.is_empty(),
            "{}: {:?}",
            path.display(),
            document.diagnostics
        );
    }
}

#[test]
fn reference_lists_match_the_keys_and_markers_point_into_them() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for (path, key) in articles(&shared) {
        let (_, document) = read(&path);
        let citations = key["citations"].as_array().map_or(0, Vec::len);
        assert_eq!(document.references.len(), citations, "{}", path.display());
        let numbers: Vec<u32> = document.references.iter().map(|r| r.n).collect();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, expected, "{}", path.display());
        assert!(!document.markers.is_empty(), "{}", path.display());
        for marker in &document.markers {
            let n = marker.reference.expect("scraped markers are numbered");
            assert!(
                (1..=citations as u32).contains(&n),
                "{}: marker [{n}]",
                path.display()
            );
            assert!(marker.at <= document.text.len());
        }
        assert!(!document.text.contains(" ["), "{}", path.display());
        assert!(!document.text.contains(" ."), "{}", path.display());
    }
}

#[test]
fn image_lines_leave_their_captions() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for (path, _) in articles(&shared) {
        let (source, document) = read(&path);
        let captions: Vec<&str> = document
            .blocks
            .iter()
            .filter(|block| block.kind == BlockKind::Caption)
            .map(|block| document.slice(block.span))
            .collect();
        // Images of the body: after the first blank line that follows the infobox.
        let body = source
            .split("\n\n")
            .skip(2)
            .collect::<Vec<_>>()
            .join("\n\n");
        let lines: Vec<&str> = body.lines().map(str::trim).collect();
        let expected: Vec<&str> = lines
            .windows(2)
            .filter(|pair| is_image_line(pair[0]) && !pair[1].is_empty())
            .map(|pair| pair[1])
            .collect();
        assert_eq!(captions, expected, "{}", path.display());
    }
}

#[test]
fn headings_start_sections() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for (path, _) in articles(&shared) {
        let (_, document) = read(&path);
        let headings: Vec<&str> = document
            .sections
            .iter()
            .map(|s| s.heading.as_str())
            .collect();
        assert!(headings.len() >= 2, "{}: {headings:?}", path.display());
        assert!(
            headings.iter().all(|heading| heading.len() <= 80),
            "{}: {headings:?}",
            path.display()
        );
        assert!(
            !headings.contains(&"References"),
            "{}: {headings:?}",
            path.display()
        );
    }
}
