//! References as BibTeX entries, for reference managers that read `.bib` files.

use std::io::Write;

use bilateral_model::{CitationKind, PartialDate};
use bilateral_store::StoredCitation;

use crate::ExportError;
use crate::csl::reference_id;

/// The entry type of a kind of reference.
fn entry_type(kind: CitationKind) -> &'static str {
    match kind {
        CitationKind::Book => "book",
        CitationKind::Journal | CitationKind::News => "article",
        CitationKind::Web | CitationKind::Other => "misc",
    }
}

/// A field value in braces. Braces in the text are balanced or dropped, so the value
/// always closes where it should; a backslash would start a command, so it becomes a slash.
fn braced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => continue,
            '}' => depth -= 1,
            '\\' => {
                out.push('/');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out.extend(std::iter::repeat_n('}', depth));
    format!("{{{out}}}")
}

fn iso(date: PartialDate) -> String {
    date.to_string()
}

/// The fields of an entry, in the order written.
fn fields(stored: &StoredCitation) -> Vec<(&'static str, String)> {
    let citation = &stored.citation;
    let mut fields = Vec::new();
    if !citation.authors.is_empty() {
        let authors: Vec<String> = citation
            .authors
            .iter()
            .map(|author| {
                if crate::csl::split_name(author).is_some() {
                    author.clone()
                } else {
                    // An institution: braces keep BibTeX from splitting it into names.
                    format!("{{{author}}}")
                }
            })
            .collect();
        fields.push(("author", authors.join(" and ")));
    }
    let container = match citation.kind {
        CitationKind::Journal | CitationKind::News => "journal",
        CitationKind::Book | CitationKind::Web | CitationKind::Other => "howpublished",
    };
    let mut text = |name: &'static str, value: &Option<String>| {
        if let Some(value) = value {
            fields.push((name, value.clone()));
        }
    };
    text("title", &citation.title);
    text(container, &citation.work);
    text("publisher", &citation.publisher);
    text("address", &citation.place);
    text("language", &citation.language);
    text("pages", &citation.pages);
    text("url", &citation.url);
    if let Some(date) = citation.date {
        fields.push(("year", date.year().to_string()));
        if !matches!(date, PartialDate::Year(_) | PartialDate::Decade(_)) {
            fields.push(("date", iso(date)));
        }
    }
    if let Some(isbn) = &citation.isbn {
        fields.push(("isbn", isbn.printed.clone()));
    }
    if let Some(retrieved) = citation.retrieved {
        fields.push(("urldate", iso(retrieved)));
    }
    if let Some(archive) = &citation.archive_url {
        fields.push(("note", format!("Archived at {archive}")));
    }
    fields
}

/// References as BibTeX, one entry each, keyed as the CSL-JSON ids (`d2-3`).
pub struct Bibtex<W: Write> {
    out: W,
}

impl<W: Write> Bibtex<W> {
    pub fn new(out: W) -> Self {
        Bibtex { out }
    }

    pub fn write(&mut self, stored: &StoredCitation) -> Result<(), ExportError> {
        let kind = entry_type(stored.citation.kind);
        writeln!(self.out, "@{kind}{{{},", reference_id(stored))?;
        for (name, value) in fields(stored) {
            writeln!(self.out, "  {name} = {},", braced(&value))?;
        }
        self.out.write_all(b"}\n\n")?;
        Ok(())
    }

    /// Flushes and hands the writer back.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csl::tests::{book, web};

    #[test]
    fn a_book_entry_has_every_field() {
        let mut writer = Bibtex::new(Vec::new());
        writer.write(&book()).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert!(text.starts_with("@book{d2-3,\n"), "{text}");
        assert!(text.contains("  author = {Rao, Anjali and {Ministry of Foreign Affairs}},\n"));
        assert!(text.contains("  title = {Steppe and Archipelago: {A} Study},\n"));
        assert!(text.contains("  isbn = {9965-27-753-2},\n"));
        assert!(text.contains("  year = {2004},\n"));
        assert!(text.ends_with("}\n\n"));
    }

    #[test]
    fn a_web_page_is_misc_with_its_url_and_access_date() {
        let mut writer = Bibtex::new(Vec::new());
        writer.write(&web()).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert!(text.starts_with("@misc{d2-4,\n"), "{text}");
        assert!(text.contains("  howpublished = {Ministry of Foreign Affairs of Japan},\n"));
        assert!(text.contains("  urldate = {2020-01-02},\n"));
        assert!(text.contains("  date = {2006-08},\n"));
    }

    #[test]
    fn unbalanced_braces_and_backslashes_cannot_break_an_entry() {
        assert_eq!(braced("a } b { c"), "{a  b { c}}");
        assert_eq!(braced("C:\\path"), "{C:/path}");
        assert_eq!(braced("{x}"), "{{x}}");
    }
}
