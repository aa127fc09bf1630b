//! Citation parsing and checking. Turns each raw reference a reader found (rendered text, or a
//! wikitext citation template) into a `Citation`: its kind, authors, title, language, dates,
//! ISBN, and the problems a citation checker such as Wikipedia's CS1 would flag.
//!
//! **Invariant:** parsing never fails: whatever cannot be read stays `None`. No I/O.
//!
//! Rules the answer keys follow, beyond what CS1 itself shows (see `finish`):
//! - a title in Latin script with no language named is English;
//! - a news story with no date has `missing_date`;
//! - `url-status` without an archive URL is `url_status` whatever its value, `dead` included.

mod isbn;
mod language;
mod rendered;
mod template;

use bilateral_model::{Citation, CitationKind, PartialDate, Problem, RawReference, ReferenceBody};

pub use isbn::parse_isbn;
pub use language::{language_code, language_from_script};

/// Parses one reference. Never fails: whatever it cannot parse stays `None`.
pub fn parse_reference(raw: &RawReference) -> Citation {
    let citation = match &raw.body {
        ReferenceBody::Rendered {
            text,
            template,
            messages,
        } => rendered::parse(raw.n, text, template.as_deref(), messages),
        ReferenceBody::Template { name, params } => template::parse(raw.n, name, params),
    };
    finish(citation)
}

/// Parses a reference list, in its order.
pub fn parse_references(raws: &[RawReference]) -> Vec<Citation> {
    raws.iter().map(parse_reference).collect()
}

/// What both forms share once their fields are read: the default language (English, but
/// none for a bare URL) and the checks
/// that need no message to show them.
fn finish(mut citation: Citation) -> Citation {
    if citation.language.is_none() {
        // A bare URL, with no title, work or publisher, shows no language.
        let script_text = citation.title.as_deref().or(citation.work.as_deref());
        let bare = script_text.is_none() && citation.publisher.is_none();
        citation.language = (!bare).then(|| {
            script_text
                .and_then(language_from_script)
                .unwrap_or("en")
                .to_owned()
        });
    }
    if citation.isbn.as_ref().is_some_and(|isbn| !isbn.valid) {
        citation.problems.push(Problem::InvalidIsbn);
    }
    if citation.kind == CitationKind::News && citation.date.is_none() {
        citation.problems.push(Problem::MissingDate);
    }
    citation.problems.sort();
    citation.problems.dedup();
    citation
}

/// The kind a citation template's name says (`cite web` → web). `None` for `citation` and
/// unknown names, whose kind the parameters or the text must show.
fn kind_for_template(name: &str) -> Option<CitationKind> {
    let name = name.trim().to_lowercase().replace('_', " ");
    let kind = match name.strip_prefix("cite ")?.trim() {
        "web" | "press release" | "podcast" | "mailing list" | "tweet" | "blog" => {
            CitationKind::Web
        }
        "news" | "magazine" | "newsgroup" => CitationKind::News,
        "journal" | "conference" | "arxiv" | "biorxiv" | "ssrn" | "citeseerx" => {
            CitationKind::Journal
        }
        "book" | "encyclopedia" | "encyclopaedia" => CitationKind::Book,
        "report" | "thesis" | "av media" | "episode" | "interview" | "map" | "speech" | "sign"
        | "techreport" | "document" | "serial" | "av media notes" => CitationKind::Other,
        _ => return None,
    };
    Some(kind)
}

/// A date as references print them, through the recogniser's date parser.
fn parse_date(text: &str) -> Option<PartialDate> {
    bilateral_recognise::date::parse_date(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_model::Span;

    /// Parses a template reference built from `(key, value)` pairs.
    pub(crate) fn template(name: &str, params: &[(&str, &str)]) -> Citation {
        parse_reference(&RawReference {
            n: 1,
            body: ReferenceBody::Template {
                name: name.to_owned(),
                params: params
                    .iter()
                    .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
                    .collect(),
            },
            source: Span::default(),
        })
    }

    /// Parses a rendered reference with what a reader found beside its text.
    pub(crate) fn rendered(text: &str, template: Option<&str>, messages: &[&str]) -> Citation {
        parse_reference(&RawReference {
            n: 1,
            body: ReferenceBody::Rendered {
                text: text.to_owned(),
                template: template.map(str::to_owned),
                messages: messages.iter().map(|m| (*m).to_owned()).collect(),
            },
            source: Span::default(),
        })
    }

    #[test]
    fn template_names_give_kinds() {
        assert_eq!(kind_for_template("cite web"), Some(CitationKind::Web));
        assert_eq!(kind_for_template("Cite_news"), Some(CitationKind::News));
        assert_eq!(
            kind_for_template("cite journal"),
            Some(CitationKind::Journal)
        );
        assert_eq!(kind_for_template("cite book"), Some(CitationKind::Book));
        assert_eq!(kind_for_template("cite report"), Some(CitationKind::Other));
        assert_eq!(kind_for_template("citation"), None);
    }

    #[test]
    fn references_keep_their_numbers_and_order() {
        let raws: Vec<RawReference> = [4, 9]
            .into_iter()
            .map(|n| RawReference {
                n,
                body: ReferenceBody::Rendered {
                    text: "\"Title\". Work.".to_owned(),
                    template: None,
                    messages: Vec::new(),
                },
                source: Span::default(),
            })
            .collect();
        let numbers: Vec<u32> = parse_references(&raws).iter().map(|c| c.n).collect();
        assert_eq!(numbers, [4, 9]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let odd = [
            "",
            " ",
            "^",
            "^ a b",
            "...",
            ". . .",
            "\"",
            "\"\"",
            "\"unclosed title. Work. 2020",
            "“",
            "(",
            ")",
            "( (in",
            "(in )",
            "(in Russian",
            "{{",
            "{{}}:",
            "}}{{cite web}}:",
            "[",
            "[]",
            "]][[",
            "ISBN",
            "ISBN X",
            "p.",
            "pp. ",
            "Retrieved",
            "Archived from the original on",
            "Author (",
            "Author ().",
            "Author (2020).",
            "9 (",
            "9 (2",
            ": ",
            "港と船：",
            "é\u{301}\u{a0}\u{a0}ñ",
            "🦀🦀. 🦀: 🦀 (🦀)",
            "«Заголовок» (in Русский).",
            "ภาษา ^ a b",
        ];
        for text in odd {
            let _ = rendered(text, None, &[]);
            let _ = rendered(text, Some(text), &[text]);
            let _ = template(text, &[(text, text), ("isbn", text), ("date", text)]);
            let _ = parse_isbn(text);
            let _ = language_code(text);
            let _ = language_from_script(text);
        }
    }
}
