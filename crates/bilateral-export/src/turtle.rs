//! Facts as RDF in Turtle, with their provenance in PROV-O: every fact is a `prov:Entity`
//! that `prov:wasDerivedFrom` the sentence it was read from and that sentence's document.
//! The fact's fields are the event columns as `bl:` properties; its states link to their
//! Wikidata items where the table has them. Written by hand: Turtle output needs only
//! escaping, not an RDF library.

use std::collections::HashSet;
use std::hash::Hasher;
use std::io::Write;

use bilateral_model::PartialDate;
use bilateral_model::fnv::FnvHasher;
use bilateral_store::StoredFact;

use crate::ExportError;
use crate::cell::Cell;
use crate::events::{COLUMNS, actors, cells};
use crate::quickstatements::wikidata_item;

/// The vocabulary of the fields (a placeholder namespace: `.example` is reserved).
pub const NAMESPACE: &str = "https://bilateral.example/ns#";

const PREFIXES: &str = "@prefix bl: <https://bilateral.example/ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix wd: <http://www.wikidata.org/entity/> .
";

/// A Turtle string literal.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An IRI in angle brackets, characters Turtle forbids there percent-encoded.
fn iri(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('<');
    for c in text.chars() {
        if c.is_control() || c == ' ' || "<>\"{}|^`\\".contains(c) {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

/// A date typed at its precision; a decade as plain text.
fn date_literal(date: PartialDate) -> String {
    let datatype = match date {
        PartialDate::Day(..) => "xsd:date",
        PartialDate::Month(..) => "xsd:gYearMonth",
        PartialDate::Year(_) => "xsd:gYear",
        PartialDate::Decade(_) => return literal(&date.to_string()),
    };
    format!("{}^^{datatype}", literal(&date.to_string()))
}

/// A document's IRI: its source when that is a web address, else a name in the database.
fn document_iri(stored: &StoredFact) -> String {
    if stored.source.starts_with("http://") || stored.source.starts_with("https://") {
        iri(&stored.source)
    } else {
        format!("<urn:bilateral:document:{}>", stored.document_id)
    }
}

/// Facts as Turtle, one block per fact, each document described once.
pub struct Turtle<W: Write> {
    out: W,
    documents: HashSet<i64>,
}

impl<W: Write> Turtle<W> {
    /// Writes the prefixes.
    pub fn new(mut out: W) -> Result<Self, ExportError> {
        out.write_all(PREFIXES.as_bytes())?;
        Ok(Turtle {
            out,
            documents: HashSet::new(),
        })
    }

    pub fn write(&mut self, stored: &StoredFact) -> Result<(), ExportError> {
        let document = document_iri(stored);
        if self.documents.insert(stored.document_id) {
            writeln!(
                self.out,
                "\n{document} a prov:Entity, dcterms:BibliographicResource ;\n    \
                 dcterms:title {} ;\n    dcterms:source {} .",
                literal(&stored.title),
                literal(&stored.source)
            )?;
        }
        let mut hasher = FnvHasher::default();
        hasher.write(stored.sentence.as_bytes());
        let sentence = format!(
            "<urn:bilateral:document:{}:sentence:{:016x}>",
            stored.document_id,
            hasher.finish()
        );
        writeln!(
            self.out,
            "\n{sentence} a prov:Entity ;\n    bl:text {} ;\n    dcterms:isPartOf {document} .",
            literal(&stored.sentence)
        )?;
        writeln!(
            self.out,
            "<urn:bilateral:fact:{}> a bl:Fact, prov:Entity ;",
            stored.id
        )?;
        let fact = &stored.fact;
        for (column, cell) in COLUMNS.iter().zip(cells(stored).iter()) {
            let object = match (*column, cell) {
                // The provenance nodes carry these.
                ("sentence" | "document" | "document_title" | "document_id", _) => None,
                ("date", _) => fact.date().map(date_literal),
                ("end_date", Cell::Owned(text)) => {
                    Some(text.parse().map_or_else(|_| literal(text), date_literal))
                }
                (_, Cell::Null) => None,
                (_, Cell::Text(text)) => Some(literal(text)),
                (_, Cell::Owned(text)) => Some(literal(text)),
                (_, Cell::Int(n)) => Some(n.to_string()),
                (_, Cell::Float32(x)) if x.is_finite() => Some(format!("\"{x}\"^^xsd:float")),
                (_, Cell::Float(x)) if x.is_finite() => Some(format!("\"{x}\"^^xsd:double")),
                (_, Cell::Float32(_) | Cell::Float(_)) => None,
                (_, Cell::Numbers([])) => None,
                (_, Cell::Numbers(numbers)) => Some(
                    numbers
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            if let Some(object) = object {
                writeln!(self.out, "    bl:{column} {object} ;")?;
            }
        }
        if let Some((a, b)) = actors(stored) {
            for (property, code) in [("actor1", a), ("actor2", b)] {
                if let Some(item) = wikidata_item(code) {
                    writeln!(self.out, "    bl:{property} wd:{item} ;")?;
                }
            }
        }
        writeln!(self.out, "    prov:wasDerivedFrom {sentence}, {document} .")?;
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
    use crate::events::tests::{stored, visit};

    #[test]
    fn literals_and_iris_escape_what_turtle_forbids() {
        assert_eq!(literal("a \"b\"\\\n"), "\"a \\\"b\\\"\\\\\\n\"");
        assert_eq!(literal("\u{7}"), "\"\\u0007\"");
        assert_eq!(iri("https://x.org/a b<c>"), "<https://x.org/a%20b%3Cc%3E>");
        assert_eq!(
            date_literal(PartialDate::Month(2006, 8)),
            "\"2006-08\"^^xsd:gYearMonth"
        );
    }

    #[test]
    fn a_fact_derives_from_its_sentence_and_document_described_once() {
        let mut turtle = Turtle::new(Vec::new()).unwrap();
        turtle.write(&stored(7, visit(), vec![4, 2])).unwrap();
        turtle.write(&stored(8, visit(), vec![])).unwrap();
        let text = String::from_utf8(turtle.finish().unwrap()).unwrap();
        assert!(text.contains("<urn:bilateral:fact:7> a bl:Fact, prov:Entity ;\n"));
        assert!(text.contains("    bl:date \"2006-08-28\"^^xsd:date ;\n"));
        assert!(text.contains("    bl:cameo_code \"042\" ;\n"));
        assert!(text.contains("    bl:references 4, 2 ;\n"));
        assert!(text.contains("    bl:actor1 wd:Q17 ;\n    bl:actor2 wd:Q232 ;\n"));
        assert_eq!(
            text.matches("prov:wasDerivedFrom <urn:bilateral:document:1:sentence:")
                .count(),
            2
        );
        assert_eq!(text.matches("dcterms:title").count(), 1);
        assert!(text.contains("bl:text \"Koizumi, then prime minister, went to \\\"Astana\\\".\""));
        assert!(!text.contains("bl:sentence"));
    }
}
