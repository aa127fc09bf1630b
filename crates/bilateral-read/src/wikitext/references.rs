//! Numbering references the way the Cite extension does: in order of first use, a named
//! reference keeping its number wherever it is reused, notes (`group=note`, `{{efn}}`)
//! counted apart with their own labels, and list-defined references (`{{Reflist|refs=…}}`)
//! supplying the content of names used without any.

use std::collections::HashMap;

use bilateral_model::Span;

use super::parse::{Node, Template};

/// What a numbered reference holds.
#[derive(Clone, Copy, Debug)]
pub(super) enum Content<'t> {
    /// The nodes between `<ref>` and `</ref>`.
    Nodes(&'t [Node]),
    /// A short citation template standing for its reference (`{{sfn}}`).
    Short(&'t Template),
    /// A name used but never given content.
    Missing,
}

/// A numbered reference; its number is its index in the registry plus one.
#[derive(Debug)]
pub(super) struct Entry<'t> {
    pub name: Option<String>,
    pub source: Span,
    pub content: Content<'t>,
}

/// The result of citing something at one place in the text.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Use<'t> {
    /// A numbered reference.
    Reference(u32),
    /// A note, with its label and, the first time it is given content, that content.
    Note {
        label: String,
        first_content: Option<&'t [Node]>,
    },
}

#[derive(Default)]
struct NoteGroup {
    count: u32,
    by_name: HashMap<String, u32>,
}

#[derive(Default)]
pub(super) struct Registry<'t> {
    entries: Vec<Entry<'t>>,
    by_key: HashMap<String, usize>,
    notes: HashMap<String, NoteGroup>,
    list_defined: HashMap<String, (&'t [Node], Span)>,
}

/// The key of a named reference within its group.
fn key(group: Option<&str>, name: &str) -> String {
    format!("{}\u{1f}{name}", group.unwrap_or(""))
}

/// A group counts as the main, numbered list when it is absent or empty.
fn note_group(group: Option<&str>) -> Option<&str> {
    group.map(str::trim).filter(|group| !group.is_empty())
}

impl<'t> Registry<'t> {
    /// Records a use of a reference: `<ref>`, `<ref name=…/>`, `{{efn}}`, `{{r}}`.
    pub(super) fn cite(
        &mut self,
        group: Option<&str>,
        name: Option<&str>,
        content: Option<&'t [Node]>,
        source: Span,
    ) -> Use<'t> {
        let name = name.map(str::trim).filter(|name| !name.is_empty());
        if let Some(group) = note_group(group) {
            return self.note(group, name, content);
        }
        let Some(name) = name else {
            return Use::Reference(self.push(None, source, content));
        };
        match self.by_key.get(&key(None, name)).copied() {
            Some(index) => {
                if let (Some(entry), Some(content)) = (self.entries.get_mut(index), content)
                    && matches!(entry.content, Content::Missing)
                {
                    entry.content = Content::Nodes(content);
                    entry.source = source;
                }
                Use::Reference(index as u32 + 1)
            }
            None => {
                let n = self.push(Some(name), source, content);
                self.by_key.insert(key(None, name), n as usize - 1);
                Use::Reference(n)
            }
        }
    }

    /// Records a short citation; identical ones share a number.
    pub(super) fn short(&mut self, identity: String, template: &'t Template) -> u32 {
        if let Some(&index) = self.by_key.get(&identity) {
            return index as u32 + 1;
        }
        self.entries.push(Entry {
            name: None,
            source: template.span,
            content: Content::Short(template),
        });
        self.by_key.insert(identity, self.entries.len() - 1);
        self.entries.len() as u32
    }

    /// Records a list-defined reference: content for a name, used or not.
    pub(super) fn define(
        &mut self,
        group: Option<&str>,
        name: &str,
        content: &'t [Node],
        source: Span,
    ) {
        self.list_defined
            .entry(key(note_group(group), name.trim()))
            .or_insert((content, source));
    }

    /// Gives names used without content the content the reference list defines for them.
    pub(super) fn resolve(&mut self) {
        for entry in &mut self.entries {
            if let (Content::Missing, Some(name)) = (entry.content, &entry.name)
                && let Some(&(content, source)) = self.list_defined.get(&key(None, name))
            {
                entry.content = Content::Nodes(content);
                entry.source = source;
            }
        }
    }

    pub(super) fn entries(&self) -> &[Entry<'t>] {
        &self.entries
    }

    fn push(&mut self, name: Option<&str>, source: Span, content: Option<&'t [Node]>) -> u32 {
        self.entries.push(Entry {
            name: name.map(str::to_owned),
            source,
            content: content.map_or(Content::Missing, Content::Nodes),
        });
        self.entries.len() as u32
    }

    fn note(&mut self, group: &str, name: Option<&str>, content: Option<&'t [Node]>) -> Use<'t> {
        let notes = self.notes.entry(group.to_owned()).or_default();
        if let Some(&number) = name.and_then(|name| notes.by_name.get(name)) {
            return Use::Note {
                label: note_label(group, number),
                first_content: None,
            };
        }
        notes.count += 1;
        let number = notes.count;
        if let Some(name) = name {
            notes.by_name.insert(name.to_owned(), number);
        }
        Use::Note {
            label: note_label(group, number),
            first_content: content,
        }
    }
}

/// The label of the `number`th note of a group, as the page prints it: `a` for the first
/// `{{efn}}`, `note 1` for the first `<ref group=note>`.
pub(super) fn note_label(group: &str, number: u32) -> String {
    match group {
        "lower-alpha" => alphabetic(number, 'a'),
        "upper-alpha" => alphabetic(number, 'A'),
        "lower-roman" => roman(number),
        "upper-roman" => roman(number).to_uppercase(),
        "lower-greek" => char::from_u32(0x3b1 + (number.saturating_sub(1) % 24))
            .map_or_else(|| number.to_string(), String::from),
        _ => format!("{group} {number}"),
    }
}

/// 1 → a, 26 → z, 27 → aa.
fn alphabetic(number: u32, first: char) -> String {
    let mut letters = Vec::new();
    let mut rest = number;
    while rest > 0 {
        rest -= 1;
        letters.push(char::from_u32(first as u32 + rest % 26).unwrap_or(first));
        rest /= 26;
    }
    letters.iter().rev().collect()
}

fn roman(number: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut rest = number;
    let mut text = String::new();
    for (value, numeral) in NUMERALS {
        while rest >= value {
            text.push_str(numeral);
            rest -= value;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_first_use_and_reuses_names() {
        let mut registry = Registry::default();
        let span = Span::new(0, 1);
        assert_eq!(
            registry.cite(None, Some("a"), None, span),
            Use::Reference(1)
        );
        assert_eq!(
            registry.cite(None, None, Some(&[]), span),
            Use::Reference(2)
        );
        assert_eq!(
            registry.cite(Some(""), Some("a"), Some(&[]), Span::new(5, 9)),
            Use::Reference(1)
        );
        // The later definition fills the first use's content.
        assert!(matches!(registry.entries()[0].content, Content::Nodes(_)));
        assert_eq!(registry.entries()[0].source, Span::new(5, 9));
    }

    #[test]
    fn notes_count_apart_with_labels() {
        let mut registry = Registry::default();
        let span = Span::new(0, 1);
        let label = |used: Use| match used {
            Use::Note { label, .. } => label,
            Use::Reference(n) => format!("ref {n}"),
        };
        assert_eq!(
            label(registry.cite(Some("note"), None, None, span)),
            "note 1"
        );
        assert_eq!(
            label(registry.cite(Some("lower-alpha"), Some("x"), None, span)),
            "a"
        );
        assert_eq!(
            label(registry.cite(Some("lower-alpha"), Some("x"), None, span)),
            "a"
        );
        assert_eq!(label(registry.cite(None, None, None, span)), "ref 1");
        assert!(registry.entries().len() == 1);
    }

    #[test]
    fn labels_in_every_style() {
        assert_eq!(note_label("lower-alpha", 27), "aa");
        assert_eq!(note_label("upper-alpha", 2), "B");
        assert_eq!(note_label("lower-roman", 14), "xiv");
        assert_eq!(note_label("upper-roman", 4), "IV");
        assert_eq!(note_label("lower-greek", 2), "β");
        assert_eq!(note_label("n", 3), "n 3");
    }

    #[test]
    fn list_defined_content_resolves_names() {
        let mut registry = Registry::default();
        registry.cite(None, Some("x"), None, Span::new(0, 1));
        registry.define(None, "x", &[], Span::new(10, 20));
        registry.resolve();
        assert_eq!(registry.entries()[0].source, Span::new(10, 20));
    }
}
