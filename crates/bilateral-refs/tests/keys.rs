//! Every reference of every article in `shared/eval` parses to what its answer key says: kind,
//! title, language, year, ISBN, ISBN validity, access and archive dates, and problems.
//!
//! The readers live in another crate, so this test builds the raw references itself, crudely:
//! the numbered lines after `References` in scraped text, the `{{cite …}}` templates inside
//! `<ref>` tags of wikitext (numbered by first use), and the `<li>` items of HTML's
//! `<ol class="references">`.

use std::path::PathBuf;

use bilateral_model::{Citation, RawReference, ReferenceBody, Span};
use bilateral_refs::parse_references;
use serde_json::{Value, json};

/// Fields of particular references left out of the comparison, with the reason.
const EXCLUDED: &[(&str, u32, &str, &str)] = &[];

/// `(article path, key path)` for every key, or `None` (with a note) when the shared folder
/// is absent outside CI.
fn articles() -> Option<Vec<(PathBuf, PathBuf)>> {
    let shared = bilateral_testkit::shared_dir()?;
    let pairs = bilateral_testkit::answer_keys(&shared);
    assert!(!pairs.is_empty(), "no answer keys in {}", shared.display());
    Some(pairs)
}

#[test]
fn citations_agree_with_the_answer_keys() {
    let Some(articles) = articles() else {
        return;
    };
    let mut disagreements = Vec::new();
    let mut compared = 0;
    for (article, key) in &articles {
        let name = article
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let source = std::fs::read_to_string(article).unwrap();
        let raws = match article.extension().and_then(|e| e.to_str()) {
            Some("txt") => text_references(&source),
            Some("wiki") => wikitext_references(&source),
            _ => html_references(&source),
        };
        let citations = parse_references(&raws);
        let key: Value = serde_json::from_str(&std::fs::read_to_string(key).unwrap()).unwrap();
        let expected = key["citations"].as_array().cloned().unwrap_or_default();
        if citations.len() != expected.len() {
            disagreements.push(format!(
                "{name}: {} references read, {} in the key",
                citations.len(),
                expected.len()
            ));
        }
        for want in &expected {
            let n = want["n"].as_u64().unwrap_or_default() as u32;
            let Some(got) = citations.iter().find(|c| c.n == n) else {
                disagreements.push(format!("{name} [{n}]: not read"));
                continue;
            };
            let got = as_key(got);
            for field in [
                "kind",
                "title",
                "language",
                "year",
                "isbn",
                "isbn_valid",
                "retrieved",
                "archived",
                "problems",
            ] {
                let excluded = EXCLUDED
                    .iter()
                    .any(|&(a, en, f, _)| a == name && en == n && f == field);
                compared += 1;
                if !excluded && got[field] != want[field] {
                    disagreements.push(format!(
                        "{name} [{n}] {field}: got {} want {}",
                        got[field], want[field]
                    ));
                }
            }
        }
    }
    println!("{compared} fields compared");
    for line in &disagreements {
        println!("{line}");
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements",
        disagreements.len()
    );
}

/// A citation in the key's shape.
fn as_key(citation: &Citation) -> Value {
    let date = |date: Option<bilateral_model::PartialDate>| date.map(|d| d.to_string());
    json!({
        "kind": citation.kind,
        "title": citation.title,
        "language": citation.language,
        "year": citation.year(),
        "isbn": citation.isbn.as_ref().map(|isbn| isbn.isbn13.clone()),
        "isbn_valid": citation.isbn.as_ref().map(|isbn| isbn.valid),
        "retrieved": date(citation.retrieved),
        "archived": date(citation.archived),
        "problems": citation.problems,
    })
}

fn raw(n: u32, body: ReferenceBody) -> RawReference {
    RawReference {
        n,
        body,
        source: Span::default(),
    }
}

/// The lines `  4. …` after the line `References`.
fn text_references(source: &str) -> Vec<RawReference> {
    source
        .lines()
        .skip_while(|line| line.trim() != "References")
        .filter_map(|line| {
            let (number, text) = line.trim_start().split_once(". ")?;
            let n = number.parse().ok()?;
            Some(raw(
                n,
                ReferenceBody::Rendered {
                    text: text.to_owned(),
                    template: None,
                    messages: Vec::new(),
                },
            ))
        })
        .collect()
}

/// The citation templates of `<ref>` tags, numbered by first use; `<ref name=x/>` reuses the
/// number of `x`.
fn wikitext_references(source: &str) -> Vec<RawReference> {
    let mut names: Vec<String> = Vec::new();
    let mut bodies: Vec<Option<ReferenceBody>> = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find("<ref") {
        let after = &rest[open + 4..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let name = attribute(tag, "name");
        let self_closing = tag.ends_with('/');
        let (body, next) = if self_closing {
            (None, &after[tag_end + 1..])
        } else {
            let inner = &after[tag_end + 1..];
            let close = inner.find("</ref>").unwrap_or(inner.len());
            (Some(&inner[..close]), &inner[close..])
        };
        rest = next;
        let index = match name
            .as_ref()
            .and_then(|n| names.iter().position(|k| k == n))
        {
            Some(index) => index,
            None => {
                names.push(name.unwrap_or_default());
                bodies.push(None);
                bodies.len() - 1
            }
        };
        if let Some(body) = body
            && bodies[index].is_none()
        {
            bodies[index] = template(body);
        }
    }
    bodies
        .into_iter()
        .enumerate()
        .filter_map(|(i, body)| Some(raw(i as u32 + 1, body?)))
        .collect()
}

/// `name="x"`, `name=x` in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}="))?;
    let value = &tag[at + name.len() + 1..];
    let value = value.trim_start_matches(['"', '\'']);
    let end = value.find(['"', '\'', ' ', '/']).unwrap_or(value.len());
    Some(value[..end].to_owned())
}

/// The first `{{…}}` in a ref, split into its name and parameters, markup stripped.
fn template(body: &str) -> Option<ReferenceBody> {
    let start = body.find("{{")?;
    let inner = &body[start + 2..];
    let end = top_level(inner, "}}").into_iter().next()?;
    let inner = &inner[..end];
    let mut parts = split_top_level(inner, '|').into_iter();
    let name = parts.next()?.trim().to_lowercase();
    let params = parts
        .enumerate()
        .map(|(i, part)| match part.split_once('=') {
            Some((key, value)) => (key.trim().to_owned(), strip_markup(value)),
            None => ((i + 1).to_string(), strip_markup(part)),
        })
        .collect();
    Some(ReferenceBody::Template { name, params })
}

/// Byte offsets of `needle` outside nested `{{ }}` and `[[ ]]`.
fn top_level(text: &str, needle: &str) -> Vec<usize> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if depth == 0 && rest.starts_with(needle) {
            found.push(i);
            i += needle.len();
        } else if rest.starts_with("{{") || rest.starts_with("[[") {
            depth += 1;
            i += 2;
        } else if rest.starts_with("}}") || rest.starts_with("]]") {
            depth = depth.saturating_sub(1);
            i += 2;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

fn split_top_level(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for at in top_level(text, &separator.to_string()) {
        parts.push(&text[start..at]);
        start = at + separator.len_utf8();
    }
    parts.push(&text[start..]);
    parts
}

/// `[[A|B]]` → B, `[[A]]` → A, `{{lang|ru|X}}` → X, `''X''` → X.
fn strip_markup(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    loop {
        let next = [rest.find("[["), rest.find("{{")]
            .into_iter()
            .flatten()
            .min();
        let Some(open) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..open]);
        let inner = &rest[open + 2..];
        let close = top_level(
            inner,
            if rest[open..].starts_with("[[") {
                "]]"
            } else {
                "}}"
            },
        )
        .into_iter()
        .next()
        .unwrap_or(inner.len());
        let parts = split_top_level(&inner[..close], '|');
        out.push_str(&strip_markup(parts.last().copied().unwrap_or_default()));
        rest = inner.get(close + 2..).unwrap_or_default();
    }
    out.replace("'''", "").replace("''", "").trim().to_owned()
}

/// The `<li>` items of `<ol class="references">`: the text of `<cite>`, the template from its
/// class, and the CS1 message spans.
fn html_references(source: &str) -> Vec<RawReference> {
    let Some(list_start) = source.find("<ol class=\"references\">") else {
        return Vec::new();
    };
    let list = &source[list_start..];
    let list = &list[..list.find("</ol>").unwrap_or(list.len())];
    let mut references = Vec::new();
    let mut rest = list;
    while let Some(open) = rest.find("<li") {
        let item = &rest[open..];
        let end = item.find("</li>").unwrap_or(item.len());
        let item_html = &item[..end];
        rest = &item[end..];
        let (text, template) = match item_html.find("<cite") {
            Some(cite) => {
                let tag_end = item_html[cite..].find('>').map_or(cite, |e| cite + e);
                let class = attribute_quoted(&item_html[cite..tag_end], "class");
                let template = class.split_whitespace().nth(1).map(|kind| {
                    if kind.starts_with("cs") {
                        "citation".to_owned()
                    } else {
                        format!("cite {kind}")
                    }
                });
                let close = item_html[cite..]
                    .find("</cite>")
                    .map_or(item_html.len(), |c| cite + c);
                (text_of(&item_html[tag_end + 1..close]), template)
            }
            None => (text_of(item_html), None),
        };
        let messages = ["cs1-maint", "cs1-visible-error"]
            .iter()
            .flat_map(|class| spans_with_class(item_html, class))
            .collect();
        references.push(raw(
            references.len() as u32 + 1,
            ReferenceBody::Rendered {
                text,
                template,
                messages,
            },
        ));
    }
    references
}

fn attribute_quoted(tag: &str, name: &str) -> String {
    let pattern = format!("{name}=\"");
    tag.find(&pattern)
        .map(|at| {
            let value = &tag[at + pattern.len()..];
            value[..value.find('"').unwrap_or(value.len())].to_owned()
        })
        .unwrap_or_default()
}

/// The text of every `<span>` whose class has `class`, nested spans included.
fn spans_with_class(html: &str, class: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<span") {
        let open = from + at;
        let tag_end = html[open..].find('>').map_or(html.len(), |e| open + e);
        from = tag_end;
        if !attribute_quoted(&html[open..tag_end], "class")
            .split_whitespace()
            .any(|c| c == class)
        {
            continue;
        }
        let mut depth = 1;
        let mut i = tag_end + 1;
        while depth > 0 && i < html.len() {
            let rest = &html[i..];
            if rest.starts_with("<span") {
                depth += 1;
            } else if rest.starts_with("</span>") {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        texts.push(text_of(&html[tag_end + 1..i]));
        from = i;
    }
    texts
}

/// Tags dropped, entities decoded.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&nbsp;", "\u{a0}")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
