//! Reads every wikitext and HTML article of the shared evaluation data and checks the readers
//! against the answer keys: titles, the numbering of references, infobox countries, markup
//! left in the clean text, and the map back to the source.

use std::path::{Path, PathBuf};

use bilateral_model::{Document, ReferenceBody};
use bilateral_read::{read_html, read_wikitext};

struct Article {
    path: PathBuf,
    source: String,
    document: Document,
    key: serde_json::Value,
}

/// Every `.wiki` and `.html` article of the dev set, read, with its answer key.
fn articles(shared: &Path) -> Vec<Article> {
    let dir = shared.join("eval/dev");
    let mut articles = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .expect("a readable dev set")
        .flatten()
    {
        let path = entry.path();
        let read: fn(&str) -> Document = match path.extension().and_then(|e| e.to_str()) {
            Some("wiki") => |source| read_wikitext(source, None),
            Some("html") => read_html,
            _ => continue,
        };
        let source = std::fs::read_to_string(&path).expect("readable article");
        let key = std::fs::read_to_string(path.with_extension("gold.json")).expect("a key");
        articles.push(Article {
            document: read(&source),
            source,
            key: serde_json::from_str(&key).expect("a JSON key"),
            path,
        });
    }
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    let has = |extension: &str| {
        articles
            .iter()
            .any(|article| article.path.extension().is_some_and(|e| e == extension))
    };
    assert!(
        has("wiki") && has("html"),
        "no .wiki or .html in {}",
        dir.display()
    );
    articles
}

fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// All the text of a raw reference: its rendered text, or its template's values.
fn reference_text(body: &ReferenceBody) -> String {
    match body {
        ReferenceBody::Rendered { text, .. } => fold(text),
        ReferenceBody::Template { params, .. } => fold(
            &params
                .iter()
                .map(|(_, value)| value.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        ),
    }
}

#[test]
fn titles_match_the_keys() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for article in articles(&shared) {
        assert_eq!(
            article.document.title,
            article.key["title"].as_str().unwrap_or_default(),
            "{}",
            article.path.display()
        );
    }
}

#[test]
fn references_are_numbered_as_the_keys_number_them() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for article in articles(&shared) {
        let name = article.path.display();
        let citations = article.key["citations"].as_array().expect("citations");
        let references = &article.document.references;
        assert_eq!(references.len(), citations.len(), "{name}");
        for (index, (reference, citation)) in references.iter().zip(citations).enumerate() {
            assert_eq!(reference.n as usize, index + 1, "{name}");
            assert_eq!(
                citation["n"].as_u64(),
                Some(u64::from(reference.n)),
                "{name}"
            );
            let title = fold(citation["title"].as_str().unwrap_or_default());
            assert!(
                reference_text(&reference.body).contains(&title),
                "{name}: reference {} lacks {title:?}: {:?}",
                reference.n,
                reference.body
            );
            let source = &article.source[reference.source.start..reference.source.end];
            assert!(
                !source.is_empty(),
                "{name}: reference {} has no source",
                reference.n
            );
        }
        // Every reference is cited from the body, and every marker points into the list.
        for n in 1..=references.len() as u32 {
            assert!(
                article
                    .document
                    .markers
                    .iter()
                    .any(|m| m.reference == Some(n)),
                "{name}: no marker for reference {n}"
            );
        }
        assert!(
            article.document.markers.iter().all(|m| m
                .reference
                .is_none_or(|n| n as usize <= references.len())
                && m.at <= article.document.text.len()),
            "{name}"
        );
    }
}

#[test]
fn no_markup_survives_in_the_clean_text() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for article in articles(&shared) {
        for markup in [
            "{{", "}}", "[[", "]]", "<ref", "&nbsp;", "'''", "<!--", "|}",
        ] {
            assert!(
                !article.document.text.contains(markup),
                "{}: {markup:?} in the clean text",
                article.path.display()
            );
        }
        // No page furniture either.
        for furniture in [
            "Jump to content",
            "[edit]",
            "Retrieved",
            "Foreign relations of",
        ] {
            assert!(
                !article.document.text.contains(furniture),
                "{}: {furniture:?} in the clean text",
                article.path.display()
            );
        }
        assert!(
            article.document.diagnostics.is_empty(),
            "{}: {:?}",
            article.path.display(),
            article.document.diagnostics
        );
    }
}

#[test]
fn infobox_countries_name_the_dyad() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for article in articles(&shared) {
        let countries = &article.document.infobox_countries;
        assert_eq!(countries.len(), 2, "{}", article.path.display());
        for country in countries {
            assert!(
                article.document.title.contains(country.as_str()),
                "{}: {country}",
                article.path.display()
            );
        }
    }
}

#[test]
fn every_block_maps_back_to_its_source() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    for article in articles(&shared) {
        let document = &article.document;
        assert!(document.blocks.len() >= 8, "{}", article.path.display());
        for block in &document.blocks {
            let text = document.slice(block.span);
            let word: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
            if word.is_empty() {
                continue;
            }
            let at = document.source_map.to_source(block.span.start);
            assert_eq!(
                article.source.get(at..at + word.len()),
                Some(word.as_str()),
                "{}: block {text:?} maps to {at}",
                article.path.display()
            );
        }
    }
}
