//! References as CSL-JSON items (the input format of citeproc, Zotero and pandoc), written as
//! one JSON array.

use std::io::Write;

use bilateral_model::{Citation, CitationKind, PartialDate};
use bilateral_store::StoredCitation;
use serde_json::{Map, Value, json};

use crate::ExportError;

/// The CSL item type of a kind of reference.
fn item_type(kind: CitationKind) -> &'static str {
    match kind {
        CitationKind::Book => "book",
        CitationKind::Web => "webpage",
        CitationKind::News => "article-newspaper",
        CitationKind::Journal => "article-journal",
        CitationKind::Other => "document",
    }
}

/// The id of a stored reference, unique in one database: `d3-12` is reference 12 of
/// document 3. BibTeX keys are the same.
pub(crate) fn reference_id(stored: &StoredCitation) -> String {
    format!("d{}-{}", stored.document_id, stored.citation.n)
}

/// A CSL date: date parts at the precision known; a decade as a literal.
fn date(date: PartialDate) -> Value {
    match date {
        PartialDate::Decade(_) => json!({ "literal": date.to_string() }),
        PartialDate::Year(year) => json!({ "date-parts": [[year]] }),
        PartialDate::Month(year, month) => json!({ "date-parts": [[year, month]] }),
        PartialDate::Day(year, month, day) => json!({ "date-parts": [[year, month, day]] }),
    }
}

/// "Family, Given" as a structured name; anything else (an institution, one word) literal.
pub(crate) fn split_name(author: &str) -> Option<(&str, &str)> {
    let (family, given) = author.split_once(", ")?;
    let (family, given) = (family.trim(), given.trim());
    (!family.is_empty() && !given.is_empty() && !given.contains(',')).then_some((family, given))
}

fn name(author: &str) -> Value {
    match split_name(author) {
        Some((family, given)) => json!({ "family": family, "given": given }),
        None => json!({ "literal": author }),
    }
}

/// The CSL-JSON item of a stored reference.
pub fn csl_item(stored: &StoredCitation) -> Value {
    let citation: &Citation = &stored.citation;
    let mut item = Map::new();
    item.insert("id".into(), reference_id(stored).into());
    item.insert("type".into(), item_type(citation.kind).into());
    let mut text = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            item.insert(key.into(), value.as_str().into());
        }
    };
    text("title", &citation.title);
    text("container-title", &citation.work);
    text("publisher", &citation.publisher);
    text("publisher-place", &citation.place);
    text("language", &citation.language);
    text("page", &citation.pages);
    text("URL", &citation.url);
    if !citation.authors.is_empty() {
        let authors = citation.authors.iter().map(|a| name(a)).collect();
        item.insert("author".into(), Value::Array(authors));
    }
    if let Some(issued) = citation.date {
        item.insert("issued".into(), date(issued));
    }
    if let Some(accessed) = citation.retrieved {
        item.insert("accessed".into(), date(accessed));
    }
    if let Some(isbn) = &citation.isbn {
        let value = if isbn.valid {
            &isbn.isbn13
        } else {
            &isbn.printed
        };
        item.insert("ISBN".into(), value.as_str().into());
    }
    if let Some(archive) = &citation.archive_url {
        let note = match citation.archived {
            Some(day) => format!("Archived at {archive} on {day}"),
            None => format!("Archived at {archive}"),
        };
        item.insert("note".into(), note.into());
    }
    Value::Object(item)
}

/// References as one CSL-JSON array, an item per line.
pub struct CslJson<W: Write> {
    out: W,
    items: u64,
}

impl<W: Write> CslJson<W> {
    /// Opens the array.
    pub fn new(mut out: W) -> Result<Self, ExportError> {
        out.write_all(b"[")?;
        Ok(CslJson { out, items: 0 })
    }

    pub fn write(&mut self, stored: &StoredCitation) -> Result<(), ExportError> {
        let separator: &[u8] = if self.items == 0 { b"\n" } else { b",\n" };
        self.out.write_all(separator)?;
        serde_json::to_writer(&mut self.out, &csl_item(stored)).map_err(|source| {
            ExportError::Json {
                what: "a CSL item",
                source,
            }
        })?;
        self.items += 1;
        Ok(())
    }

    /// Closes the array, flushes and hands the writer back.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.out.write_all(b"\n]\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use bilateral_model::Isbn;

    pub(crate) fn book() -> StoredCitation {
        let mut citation = Citation::new(3, CitationKind::Book);
        citation.authors = vec!["Rao, Anjali".into(), "Ministry of Foreign Affairs".into()];
        citation.title = Some("Steppe and Archipelago: {A} Study".into());
        citation.publisher = Some("Example Press".into());
        citation.place = Some("Almaty".into());
        citation.date = Some(PartialDate::Year(2004));
        citation.pages = Some("12–15".into());
        citation.isbn = Some(Isbn {
            printed: "9965-27-753-2".into(),
            isbn13: "9789965277538".into(),
            valid: true,
        });
        StoredCitation {
            document_id: 2,
            citation,
        }
    }

    pub(crate) fn web() -> StoredCitation {
        let mut citation = Citation::new(4, CitationKind::Web);
        citation.title = Some("Visit of the Prime Minister".into());
        citation.work = Some("Ministry of Foreign Affairs of Japan".into());
        citation.url = Some("https://www.example.go.jp/visit_2006.html".into());
        citation.retrieved = Some(PartialDate::Day(2020, 1, 2));
        citation.date = Some(PartialDate::Month(2006, 8));
        citation.archive_url = Some("https://archive.example.org/x".into());
        StoredCitation {
            document_id: 2,
            citation,
        }
    }

    #[test]
    fn a_book_keeps_its_authors_isbn_and_date_at_its_precision() {
        let item = csl_item(&book());
        assert_eq!(item["id"], "d2-3");
        assert_eq!(item["type"], "book");
        assert_eq!(
            item["author"],
            json!([{"family": "Rao", "given": "Anjali"}, {"literal": "Ministry of Foreign Affairs"}])
        );
        assert_eq!(item["issued"], json!({"date-parts": [[2004]]}));
        assert_eq!(item["ISBN"], "9789965277538");
        assert_eq!(item["publisher-place"], "Almaty");
    }

    #[test]
    fn a_web_page_has_its_site_access_date_and_archive() {
        let item = csl_item(&web());
        assert_eq!(item["type"], "webpage");
        assert_eq!(
            item["container-title"],
            "Ministry of Foreign Affairs of Japan"
        );
        assert_eq!(item["accessed"], json!({"date-parts": [[2020, 1, 2]]}));
        assert_eq!(item["issued"], json!({"date-parts": [[2006, 8]]}));
        assert_eq!(item["note"], "Archived at https://archive.example.org/x");
        assert!(item.get("author").is_none());
    }

    #[test]
    fn the_array_reads_back_with_one_item_per_reference() {
        let mut writer = CslJson::new(Vec::new()).unwrap();
        writer.write(&book()).unwrap();
        writer.write(&web()).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let items: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(items.len(), 2);
        let empty = String::from_utf8(CslJson::new(Vec::new()).unwrap().finish().unwrap());
        assert!(
            serde_json::from_str::<Vec<Value>>(&empty.unwrap())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn only_family_comma_given_is_split() {
        assert_eq!(split_name("Rao, Anjali"), Some(("Rao", "Anjali")));
        assert_eq!(split_name("Anjali Rao"), None);
        assert_eq!(split_name("Rao, A., Jones, B."), None);
        assert_eq!(split_name(", Anjali"), None);
    }
}
