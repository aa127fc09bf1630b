//! HTML pages (a saved Wikipedia article, a ministry or news page) into a [`Document`]: the
//! article's prose in blocks, without navigation, edit links, infoboxes or the reference list;
//! citation markers from `<sup class="reference">`; and the numbered reference list with the
//! citation template each `<cite>` reveals and the CS1 messages the page shows.
//!
//! html5ever gives no byte positions, so each text node is found again in the source by
//! searching forward for its first characters from the last place found: cheap, monotonic,
//! and close enough to quote the source.

use bilateral_model::{
    BlockKind, Document, Format, RawReference, ReferenceBody, Span, fold_whitespace,
};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use crate::DocumentBuilder;
use crate::wikitext::is_back_matter;

/// Reads an HTML page.
pub fn read_html(text: &str) -> Document {
    let html = Html::parse_document(text);
    let title = page_title(&html);
    let mut reader = Reader {
        source: text,
        builder: DocumentBuilder::new(&title, Format::Html),
        cursor: 0,
        back_matter: None,
        in_block: false,
        title,
    };
    let root = content_root(&html);
    reader.cursor = reader.find_element(root, 0).unwrap_or(0);
    reader.children(root, 0);
    reader.builder.end_block();
    reader.references(&html);
    let mut document = reader.builder.finish();
    document.source_map.bound(text.len());
    document
}

/// Elements never read as article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "head", "nav", "header", "footer", "script", "style", "noscript", "template", "button", "form",
    "input", "select", "textarea", "svg", "math", "meta", "link", "audio", "video", "iframe",
    "object",
];

/// Classes of page furniture: navigation, edit links, boxes, the reference list.
const SKIPPED_CLASSES: &[&str] = &[
    "navbox",
    "navbox-styles",
    "vertical-navbox",
    "sidebar",
    "mw-editsection",
    "reflist",
    "references",
    "mw-references-wrap",
    "infobox",
    "mw-jump-link",
    "toc",
    "catlinks",
    "hatnote",
    "metadata",
    "ambox",
    "mbox-small",
    "noprint",
    "mw-empty-elt",
    "sistersitebox",
    "portalbox",
    "shortdescription",
    "mw-cite-backlink",
    "printfooter",
    "mw-indicators",
];

const SKIPPED_IDS: &[&str] = &[
    "toc",
    "catlinks",
    "siteSub",
    "contentSub",
    "jump-to-nav",
    "mw-navigation",
    "footer",
    "mw-head",
    "mw-panel",
    "siteNotice",
];

/// Elements that hold blocks: text loose in them is a paragraph of its own.
const BLOCK_CONTAINERS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "center",
    "figure",
    "ul",
    "ol",
    "dl",
    "hr",
];

/// How deeply elements are walked one by one; deeper content is read as plain text, so a
/// pathological page cannot exhaust the stack.
const MAX_DEPTH: usize = 200;

/// How far ahead a text node is looked for in the source.
const SEARCH_WINDOW: usize = 32 * 1024;

/// The longest prefix of a text node searched for in the source.
const SEARCH_KEY_BYTES: usize = 24;

fn has_class(element: &Element, class: &str) -> bool {
    element.classes().any(|name| name == class)
}

fn is_skipped(element: &Element) -> bool {
    SKIPPED_ELEMENTS.contains(&element.name())
        || element
            .classes()
            .any(|class| SKIPPED_CLASSES.contains(&class))
        || element.id().is_some_and(|id| SKIPPED_IDS.contains(&id))
        || element.attr("style").is_some_and(|style| {
            style
                .split(';')
                .any(|rule| rule.replace(' ', "").eq_ignore_ascii_case("display:none"))
        })
        || element.attr("hidden").is_some()
}

fn is_reference_marker(element: &Element) -> bool {
    element.name() == "sup" && has_class(element, "reference")
}

/// The text of an element, folded, leaving out page furniture, markers and the elements
/// `also_skip` accepts.
fn plain_text(element: ElementRef, also_skip: &dyn Fn(&Element) -> bool) -> String {
    let mut text = String::new();
    collect_text(element, also_skip, &mut text, 0);
    fold_whitespace(&text)
}

fn collect_text(
    element: ElementRef,
    also_skip: &dyn Fn(&Element) -> bool,
    text: &mut String,
    depth: usize,
) {
    for child in element.children() {
        match child.value() {
            Node::Text(piece) => text.push_str(piece),
            Node::Element(inner)
                if !is_skipped(inner) && !is_reference_marker(inner) && !also_skip(inner) =>
            {
                let Some(inner) = ElementRef::wrap(child) else {
                    continue;
                };
                if depth < MAX_DEPTH {
                    collect_text(inner, also_skip, text, depth + 1);
                } else {
                    text.extend(inner.text());
                }
            }
            _ => {}
        }
    }
}

fn page_title(html: &Html) -> String {
    let root = html.root_element();
    let element_text = |predicate: &dyn Fn(&Element) -> bool| {
        root.descendent_elements()
            .find(|element| predicate(element.value()))
            .map(|element| fold_whitespace(&element.text().collect::<String>()))
            .filter(|text| !text.is_empty())
    };
    element_text(&|element| element.name() == "h1" && element.id() == Some("firstHeading"))
        .or_else(|| element_text(&|element| has_class(element, "mw-page-title-main")))
        .or_else(|| {
            element_text(&|element| element.name() == "title").map(|title| {
                [" - Wikipedia", " – Wikipedia", " — Wikipedia"]
                    .iter()
                    .find_map(|suffix| title.strip_suffix(suffix))
                    .unwrap_or(&title)
                    .to_owned()
            })
        })
        .or_else(|| element_text(&|element| element.name() == "h1"))
        .unwrap_or_default()
}

/// The element holding the article: MediaWiki's parser output, else `<main>`, `<article>`,
/// `<body>`.
fn content_root(html: &Html) -> ElementRef<'_> {
    let root = html.root_element();
    let find = |predicate: &dyn Fn(&Element) -> bool| {
        root.descendent_elements()
            .find(|element| predicate(element.value()))
    };
    let parser_output = find(&|element| element.id() == Some("mw-content-text")).and_then(|text| {
        text.descendent_elements()
            .find(|element| has_class(element.value(), "mw-parser-output"))
    });
    parser_output
        .or_else(|| find(&|element| element.name() == "main"))
        .or_else(|| find(&|element| element.name() == "article"))
        .or_else(|| find(&|element| element.name() == "body"))
        .unwrap_or(root)
}

struct Reader<'a> {
    source: &'a str,
    builder: DocumentBuilder,
    /// Where the last text was found in the source; searches go forward from here.
    cursor: usize,
    /// The level of the back-matter heading we are under, whose text is left out.
    back_matter: Option<u8>,
    /// Whether a block element (paragraph, list item, caption, row) is open.
    in_block: bool,
    title: String,
}

impl<'a> Reader<'a> {
    fn children(&mut self, element: ElementRef<'a>, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'a>, depth: usize) {
        let value = element.value();
        if is_reference_marker(value) {
            self.marker(element);
            return;
        }
        if is_skipped(value) {
            if has_class(value, "infobox") {
                self.infobox(element);
            }
            return;
        }
        if depth > MAX_DEPTH {
            self.builder.diagnostic(
                self.cursor,
                "elements nested too deeply; read as plain text",
            );
            for text in element.text() {
                self.text(text);
            }
            return;
        }
        match value.name() {
            "br" => self.text(" "),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = value.name().as_bytes()[1] - b'0';
                self.heading(element, level);
            }
            "p" | "pre" => self.block(element, BlockKind::Paragraph, depth),
            "li" | "dd" | "dt" => self.block(element, BlockKind::ListItem, depth),
            "figcaption" | "caption" => self.block(element, BlockKind::Caption, depth),
            _ if has_class(value, "thumbcaption") => self.block(element, BlockKind::Caption, depth),
            "table" => self.table(element, depth),
            name if BLOCK_CONTAINERS.contains(&name) => self.container(element, depth),
            _ => self.children(element, depth),
        }
    }

    /// A `<div>`, `<section>` or list: text loose in it is a paragraph of its own.
    fn container(&mut self, element: ElementRef<'a>, depth: usize) {
        if self.in_block {
            self.text(" ");
            self.children(element, depth);
            self.text(" ");
        } else {
            self.builder.end_block();
            self.children(element, depth);
            self.builder.end_block();
        }
    }

    fn text(&mut self, text: &str) {
        if self.back_matter.is_some() || (!self.builder.in_block() && text.trim().is_empty()) {
            return;
        }
        let offset = self.locate(text);
        self.builder.push_text(text, offset);
    }

    /// The source offset of a text node, found by searching forward for its first
    /// characters; the last place found when it cannot be found.
    fn locate(&mut self, text: &str) -> usize {
        let trimmed = text.trim_start();
        let key_len = trimmed
            .char_indices()
            .find(|&(index, ch)| {
                index >= SEARCH_KEY_BYTES
                    || matches!(ch, '&' | '<' | '>' | '"' | '\'' | '\u{a0}')
                    || (ch.is_whitespace() && ch != ' ')
            })
            .map_or(trimmed.len(), |(index, _)| index);
        let key = &trimmed[..key_len];
        if key.is_empty() {
            return self.cursor;
        }
        let window_end = self.floor_char_boundary(self.cursor + SEARCH_WINDOW);
        let mut search_from = self.cursor;
        let found = loop {
            let Some(at) = self
                .source
                .get(search_from..window_end)
                .and_then(|window| window.find(key))
            else {
                break None;
            };
            let candidate = search_from + at;
            if !self.inside_tag(candidate) {
                break Some(candidate - self.cursor);
            }
            search_from = candidate + key.len();
        };
        match found {
            Some(at) => {
                let start = self.cursor + at;
                self.cursor = start + key.len();
                start.saturating_sub(text.len() - trimmed.len())
            }
            None => self.cursor,
        }
    }

    /// Whether a source offset falls inside a tag (an attribute value) rather than in text:
    /// the nearest angle bracket before it opens a tag.
    fn inside_tag(&self, at: usize) -> bool {
        const LOOK_BACK: usize = 4096;
        let start = at.saturating_sub(LOOK_BACK);
        self.source
            .as_bytes()
            .get(start..at)
            .and_then(|before| before.iter().rev().find(|&&b| b == b'<' || b == b'>'))
            == Some(&b'<')
    }

    fn floor_char_boundary(&self, at: usize) -> usize {
        let mut at = at.min(self.source.len());
        while !self.source.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// Where an element starts in the source, searched from `from` by its id or class.
    fn find_element(&self, element: ElementRef, from: usize) -> Option<usize> {
        let value = element.value();
        let needle = match (value.id(), value.attr("class")) {
            (Some(id), _) => format!("id=\"{id}\""),
            (None, Some(class)) => format!("class=\"{class}\""),
            (None, None) => format!("<{}", value.name()),
        };
        let found = from + self.source.get(from..)?.find(&needle)?;
        // Back up to the tag's `<`.
        Some(self.source.get(..found)?.rfind('<').unwrap_or(found))
    }

    fn block(&mut self, element: ElementRef<'a>, kind: BlockKind, depth: usize) {
        if self.in_block {
            self.text(" ");
            self.children(element, depth);
            self.text(" ");
            return;
        }
        self.builder.begin_block(kind);
        self.in_block = true;
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(inner) => {
                    let Some(inner_ref) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if kind == BlockKind::ListItem && matches!(inner.name(), "ul" | "ol" | "dl") {
                        // A nested list: its items are blocks of their own.
                        self.builder.end_block();
                        self.in_block = false;
                        self.element(inner_ref, depth + 1);
                        self.builder.begin_block(kind);
                        self.in_block = true;
                    } else {
                        self.element(inner_ref, depth + 1);
                    }
                }
                _ => {}
            }
        }
        self.in_block = false;
        self.builder.end_block();
    }

    fn heading(&mut self, element: ElementRef<'a>, level: u8) {
        let text = plain_text(element, &|_| false);
        if level == 1 && text == self.title {
            return;
        }
        self.builder.end_block();
        self.in_block = false;
        if is_back_matter(&text) {
            self.back_matter = Some(self.back_matter.map_or(level, |outer| outer.min(level)));
            return;
        }
        if self.back_matter.is_some_and(|outer| level > outer) {
            return;
        }
        self.back_matter = None;
        if !text.is_empty() {
            let offset = self.locate(&text);
            self.builder.heading(&text, level, offset);
        }
    }

    /// One table-row block per `<tr>`, cells joined by " | ".
    fn table(&mut self, table: ElementRef<'a>, depth: usize) {
        if self.in_block {
            // A table inside a cell or paragraph: its text joins the enclosing block.
            self.children(table, depth);
            return;
        }
        self.builder.end_block();
        for part in table.child_elements() {
            match part.value().name() {
                "caption" => self.block(part, BlockKind::Caption, depth + 1),
                "tr" => self.row(part, depth + 1),
                "thead" | "tbody" | "tfoot" => {
                    for row in part
                        .child_elements()
                        .filter(|row| row.value().name() == "tr")
                    {
                        self.row(row, depth + 2);
                    }
                }
                _ => {}
            }
        }
    }

    fn row(&mut self, row: ElementRef<'a>, depth: usize) {
        if self.back_matter.is_some() {
            return;
        }
        self.builder.begin_block(BlockKind::TableRow);
        self.in_block = true;
        let cells = row
            .child_elements()
            .filter(|cell| matches!(cell.value().name(), "td" | "th"));
        for (index, cell) in cells.enumerate() {
            if index == 0 && cell.value().name() == "th" {
                self.builder.mark_header_row();
            }
            if index > 0 {
                self.builder.cell_break(self.cursor);
            }
            self.children(cell, depth + 1);
        }
        self.in_block = false;
        self.builder.end_block();
    }

    /// `<sup class="reference"><a href="#cite_note-x-1">[1]</a></sup>`.
    fn marker(&mut self, sup: ElementRef<'a>) {
        if self.back_matter.is_some() {
            return;
        }
        let (label, number) = marker_label(sup);
        if !label.is_empty() {
            self.builder.push_marker(&label, number);
        }
    }

    /// The two countries of a bilateral-relations infobox: the links after its flags.
    fn infobox(&mut self, infobox: ElementRef<'a>) {
        let mut countries = Vec::new();
        let mut after_flag = false;
        for element in infobox.descendent_elements() {
            let value = element.value();
            let is_flag = has_class(value, "flagicon")
                || (value.name() == "img"
                    && value.attr("src").is_some_and(|src| src.contains("Flag_of")));
            let in_flag = element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|ancestor| has_class(ancestor.value(), "flagicon"));
            if is_flag {
                after_flag = true;
            } else if after_flag && value.name() == "a" && !in_flag {
                let name = fold_whitespace(&element.text().collect::<String>());
                if !name.is_empty() {
                    countries.push(name);
                    after_flag = false;
                }
            }
        }
        if countries.is_empty() {
            // No flags: the full-width cells that hold a single link.
            countries = infobox
                .descendent_elements()
                .filter(|cell| has_class(cell.value(), "infobox-full-data"))
                .filter_map(|cell| {
                    let mut links = cell
                        .descendent_elements()
                        .filter(|element| element.value().name() == "a");
                    let link = links.next()?;
                    let text = fold_whitespace(&link.text().collect::<String>());
                    let cell_text = fold_whitespace(&cell.text().collect::<String>());
                    (links.next().is_none() && text == cell_text && !text.is_empty())
                        .then_some(text)
                })
                .collect();
        }
        for country in countries.iter().take(2) {
            self.builder.push_infobox_country(country);
        }
    }

    /// The numbered reference lists: `<ol class="references">` outside note lists, each item
    /// numbered by its position.
    fn references(&mut self, html: &Html) {
        let root = html.root_element();
        let note_targets: Vec<String> = root
            .descendent_elements()
            .filter(|element| is_reference_marker(element.value()))
            .filter(|sup| marker_label(*sup).1.is_none())
            .filter_map(|sup| {
                sup.descendent_elements()
                    .find_map(|link| link.value().attr("href"))
                    .and_then(|href| href.strip_prefix('#'))
                    .map(str::to_owned)
            })
            .collect();
        let lists = root.descendent_elements().filter(|element| {
            element.value().name() == "ol" && has_class(element.value(), "references")
        });
        let mut cursor = 0;
        let mut n = 0;
        for list in lists {
            if is_note_list(list, &note_targets) {
                continue;
            }
            for item in list
                .child_elements()
                .filter(|item| item.value().name() == "li")
            {
                n += 1;
                let source = self.item_span(item, &mut cursor);
                self.builder.push_reference(RawReference {
                    n,
                    body: reference_body(item),
                    source,
                });
            }
        }
    }

    /// Where a reference-list item is in the source, found by its id.
    fn item_span(&self, item: ElementRef, cursor: &mut usize) -> Span {
        let Some(start) = self.find_element(item, *cursor) else {
            return Span::new(*cursor, *cursor);
        };
        let end = self
            .source
            .get(start..)
            .and_then(|rest| rest.find("</li>"))
            .map_or(start, |at| start + at + "</li>".len());
        *cursor = end;
        Span::new(start, end)
    }
}

/// A marker's label without brackets (`1`, `a`, `note 1`) and the reference number it gives.
fn marker_label(sup: ElementRef) -> (String, Option<u32>) {
    let text = fold_whitespace(&sup.text().collect::<String>());
    let label = text
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim()
        .to_owned();
    let from_href = || {
        sup.descendent_elements()
            .find_map(|link| link.value().attr("href"))
            .and_then(|href| href.rsplit('-').next())
            .and_then(|number| number.parse::<u32>().ok())
    };
    let number = if label.is_empty() {
        from_href()
    } else {
        label.parse().ok()
    };
    match (label.is_empty(), number) {
        (true, Some(number)) => (number.to_string(), Some(number)),
        _ => (label, number),
    }
}

/// Whether a reference list holds notes (lettered footnotes) rather than references.
fn is_note_list(list: ElementRef, note_targets: &[String]) -> bool {
    const NOTE_CLASSES: &[&str] = &[
        "notelist",
        "reflist-lower-alpha",
        "reflist-upper-alpha",
        "reflist-lower-roman",
        "reflist-upper-roman",
        "reflist-lower-greek",
    ];
    let in_note_block = list
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|ancestor| {
            ancestor
                .value()
                .classes()
                .any(|class| NOTE_CLASSES.contains(&class))
        });
    let targeted_as_note = list.child_elements().any(|item| {
        item.value()
            .id()
            .is_some_and(|id| note_targets.iter().any(|target| target == id))
    });
    in_note_block || targeted_as_note
}

/// What a reference-list item says: its citation's text, the template its classes reveal,
/// and the messages the page shows beside it.
fn reference_body(item: ElementRef) -> ReferenceBody {
    let content = item
        .descendent_elements()
        .find(|element| has_class(element.value(), "reference-text"))
        .unwrap_or(item);
    let cite = content
        .descendent_elements()
        .find(|element| element.value().name() == "cite");
    let text = match cite {
        Some(cite) => plain_text(cite, &|_| false),
        None => plain_text(content, &is_message),
    };
    let template = cite.and_then(|cite| citation_template(cite.value()));
    let messages = content
        .descendent_elements()
        .filter(|element| is_message(element.value()))
        .filter(|element| {
            // Only the outermost message element, not its parts.
            !element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|ancestor| is_message(ancestor.value()))
        })
        .map(|element| {
            let text = fold_whitespace(&element.text().collect::<String>());
            match text.split_once("}}:") {
                Some((_, message)) if text.starts_with("{{") => message.trim().to_owned(),
                _ => text,
            }
        })
        .filter(|message| !message.is_empty())
        .collect();
    ReferenceBody::Rendered {
        text,
        template,
        messages,
    }
}

/// CS1 maintenance and error messages, and inline tags such as `[permanent dead link]`.
fn is_message(element: &Element) -> bool {
    has_class(element, "cs1-maint")
        || has_class(element, "cs1-visible-error")
        || has_class(element, "Inline-Template")
}

/// The citation template named by a `<cite class="citation web cs1">`.
fn citation_template(cite: &Element) -> Option<String> {
    let classes: Vec<&str> = cite.attr("class")?.split_whitespace().collect();
    let position = classes.iter().position(|class| *class == "citation")?;
    let kind = classes
        .get(position + 1)
        .filter(|class| !class.starts_with("cs1") && !class.starts_with("cs2"));
    let name = match kind.copied() {
        None if classes.contains(&"cs2") => "citation".to_owned(),
        None => return None,
        Some("pressrelease") => "cite press release".to_owned(),
        Some("av-media") => "cite av media".to_owned(),
        Some("techreport") => "cite tech report".to_owned(),
        Some("mailinglist") => "cite mailing list".to_owned(),
        Some("encyclopaedia") => "cite encyclopedia".to_owned(),
        Some(kind) => format!("cite {kind}"),
    };
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(document: &Document) -> Vec<(BlockKind, &str)> {
        document
            .blocks
            .iter()
            .map(|block| (block.kind, document.slice(block.span)))
            .collect()
    }

    const PAGE: &str = r##"<!DOCTYPE html><html><head><title>Freedonia–Sylvania relations - Wikipedia</title>
<style>p { color: red }</style></head><body>
<a class="mw-jump-link" href="#c">Jump to content</a>
<header>Site header</header><nav>Menu</nav>
<main><h1 id="firstHeading"><span class="mw-page-title-main">Freedonia–Sylvania relations</span></h1>
<div id="mw-content-text"><div class="mw-parser-output">
<div class="hatnote">Not to be confused with something.</div>
<table class="infobox"><tr><td class="infobox-full-data"><span class="flagicon"><img src="//x/Flag_of_Freedonia.svg"></span><br><a href="/wiki/Freedonia">Freedonia</a></td>
<td class="infobox-full-data"><span class="flagicon"><img src="//x/Flag_of_Sylvania.svg"></span><br><a href="/wiki/Sylvania">Sylvania</a></td></tr>
<tr><td class="infobox-full-data"><a href="/wiki/E">Embassy of Freedonia</a></td></tr></table>
<p><b>Freedonia–Sylvania relations</b> are the <a href="/wiki/B">bilateral relations</a> between the two states.<sup id="r1" class="reference"><a href="#cite_note-a-1"><span class="cite-bracket">[</span>1<span class="cite-bracket">]</span></a></sup> Ties date to&nbsp;1921.<sup class="reference"><a href="#cite_note-n-2">[a]</a></sup><sup class="noprint Inline-Template">[citation needed]</sup></p>
<div class="mw-heading mw-heading2"><h2 id="History">History</h2><span class="mw-editsection">[<a href="#">edit</a>]</span></div>
<p>Chancellor Firefly visited Ostburg in 1933.<sup class="reference"><a href="#cite_note-b-3">[2]</a></sup></p>
<figure><img src="x.jpg"><figcaption>The embassy in Ostburg</figcaption></figure>
<ul><li>First item<ul><li>Nested item</li></ul></li><li>Second item</li></ul>
<table class="wikitable"><tbody><tr><th>Date</th><th>Visitor</th></tr><tr><td>1933</td><td><a href="/wiki/F">Firefly</a></td></tr></tbody></table>
<div class="navbox"><a href="/wiki/X">Foreign relations of Freedonia</a></div>
<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>
<p>Back matter text.</p>
<div class="reflist notelist"><ol class="references"><li id="cite_note-n-2"><span class="reference-text">A note.</span></li></ol></div>
<div class="reflist"><ol class="references">
<li id="cite_note-a-1"><span class="mw-cite-backlink"><b><a href="#r1">^</a></b></span> <span class="reference-text"><cite class="citation web cs1"><a href="http://mfa.example">"Relations"</a>. Ministry. 2020<span class="reference-accessdate">. Retrieved <span class="nowrap">2&nbsp;May 2024</span></span>.</cite><span class="cs1-maint citation-comment"><code class="cs1-code">{{<a href="/wiki/Template:Cite_web">cite web</a>}}</code>: CS1 maint: url-status (<a href="#">link</a>)</span></span></li>
<li id="cite_note-b-3"><span class="mw-cite-backlink">^</span> <span class="reference-text">Firefly, R. <i>Memoirs</i>. 1933. <span class="noprint Inline-Template"><span>[<i><a href="#">permanent dead link</a></i>]</span></span></span></li>
</ol></div>
</div></div></main><footer>Footer text</footer></body></html>"##;

    #[test]
    fn offsets_map_inside_the_source_where_entities_decode_longer() {
        // Found by the property test: decoded text that cannot be located in the source.
        let source = "]&#x2014;<ref name=\"a\"/>    ]]—";
        let document = read_html(source);
        for block in &document.blocks {
            let mapped = document.source_map.span_to_source(block.span);
            assert!(
                mapped.end <= source.len(),
                "{mapped:?} past {}",
                source.len()
            );
        }
    }

    #[test]
    fn reads_a_wikipedia_page() {
        let document = read_html(PAGE);
        assert_eq!(document.title, "Freedonia–Sylvania relations");
        assert_eq!(document.infobox_countries, vec!["Freedonia", "Sylvania"]);
        assert_eq!(
            blocks(&document),
            vec![
                (
                    BlockKind::Paragraph,
                    "Freedonia–Sylvania relations are the bilateral relations between the two \
                     states. Ties date to 1921."
                ),
                (BlockKind::Heading { level: 2 }, "History"),
                (
                    BlockKind::Paragraph,
                    "Chancellor Firefly visited Ostburg in 1933."
                ),
                (BlockKind::Caption, "The embassy in Ostburg"),
                (BlockKind::ListItem, "First item"),
                (BlockKind::ListItem, "Nested item"),
                (BlockKind::ListItem, "Second item"),
                (BlockKind::TableRow, "Date | Visitor"),
                (BlockKind::TableRow, "1933 | Firefly"),
            ]
        );
        let lists = &document.structure.lists;
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].items.len(), 3);
        let table = &document.structure.tables[0];
        let rows: Vec<(bool, Vec<&str>)> = table
            .rows
            .iter()
            .map(|row| (row.header, document.cells(row)))
            .collect();
        assert_eq!(
            rows,
            [
                (true, vec!["Date", "Visitor"]),
                (false, vec!["1933", "Firefly"])
            ]
        );
        let row = document.table_row(table.rows[1].block).expect("a row");
        assert_eq!(
            row.header().map(|header| document.cells(header)),
            Some(vec!["Date", "Visitor"])
        );
    }

    #[test]
    fn markers_and_references() {
        let document = read_html(PAGE);
        let markers: Vec<(&str, Option<u32>)> = document
            .markers
            .iter()
            .map(|marker| (marker.label.as_str(), marker.reference))
            .collect();
        assert_eq!(markers, vec![("1", Some(1)), ("a", None), ("2", Some(2))]);
        let lead = document.slice(document.blocks[0].span);
        assert_eq!(
            document.markers[0].at,
            lead.find(" Ties").unwrap_or_default()
        );
        assert_eq!(document.references.len(), 2);
        assert_eq!(
            document.references[0].body,
            ReferenceBody::Rendered {
                text: "\"Relations\". Ministry. 2020. Retrieved 2 May 2024.".to_owned(),
                template: Some("cite web".to_owned()),
                messages: vec!["CS1 maint: url-status (link)".to_owned()],
            }
        );
        assert_eq!(
            document.references[1].body,
            ReferenceBody::Rendered {
                text: "Firefly, R. Memoirs. 1933.".to_owned(),
                template: None,
                messages: vec!["[permanent dead link]".to_owned()],
            }
        );
        let source = document.references[1].source;
        assert!(PAGE[source.start..source.end].starts_with("<li id=\"cite_note-b-3\">"));
        assert!(PAGE[source.start..source.end].ends_with("</li>"));
    }

    #[test]
    fn maps_text_back_to_the_source() {
        let document = read_html(PAGE);
        for word in [
            "bilateral relations",
            "Chancellor Firefly",
            "Nested item",
            "1933",
        ] {
            let clean = document.text.find(word).unwrap_or_default();
            let source = document.source_map.to_source(clean);
            assert_eq!(PAGE.get(source..source + word.len()), Some(word), "{word}");
        }
    }

    #[test]
    fn titles_from_other_pages() {
        let news = "<html><head><title>Talks held | Daily Planet</title></head><body>\
                    <article><h1>Leaders meet</h1><p>Text.</p></article></body></html>";
        let document = read_html(news);
        assert_eq!(document.title, "Talks held | Daily Planet");
        assert_eq!(
            blocks(&document),
            vec![
                (BlockKind::Heading { level: 1 }, "Leaders meet"),
                (BlockKind::Paragraph, "Text.")
            ]
        );
        let bare = read_html("<h1>Only heading</h1><div>Loose text</div>");
        assert_eq!(bare.title, "Only heading");
        assert_eq!(blocks(&bare), vec![(BlockKind::Paragraph, "Loose text")]);
    }

    #[test]
    fn loose_text_in_divisions_makes_paragraphs() {
        let page = "<body><div>Para one.</div><div>Para two<br>continues.</div>\
                    <ul><li>Item <div>with a division</div> inside</li></ul></body>";
        assert_eq!(
            blocks(&read_html(page)),
            vec![
                (BlockKind::Paragraph, "Para one."),
                (BlockKind::Paragraph, "Para two continues."),
                (BlockKind::ListItem, "Item with a division inside"),
            ]
        );
    }

    #[test]
    fn text_is_not_found_inside_tags() {
        let page = "<p><a href=\"/wiki/1933_Ostburg\">Ostburg</a> in 1933.</p>";
        let document = read_html(page);
        let clean = document.text.find("1933").unwrap_or_default();
        let source = document.source_map.to_source(clean);
        assert_eq!(page.get(source..source + 4), Some("1933"));
        assert!(page[..source].ends_with("</a> in "));
    }

    #[test]
    fn citation_templates_from_classes() {
        let template = |class: &str| {
            let page = format!("<cite class=\"{class}\">x</cite>");
            let html = Html::parse_fragment(&page);
            html.root_element()
                .descendent_elements()
                .find(|element| element.value().name() == "cite")
                .and_then(|cite| citation_template(cite.value()))
        };
        assert_eq!(template("citation book cs1").as_deref(), Some("cite book"));
        assert_eq!(
            template("citation pressrelease cs1").as_deref(),
            Some("cite press release")
        );
        assert_eq!(template("citation cs2").as_deref(), Some("citation"));
        assert_eq!(template("other").as_deref(), None);
    }

    #[test]
    fn malformed_and_deep_pages_never_panic() {
        let deep = "<div>".repeat(5000) + "deep text";
        let inputs = [
            "",
            "<",
            "<p>unclosed <b>bold",
            "<sup class=\"reference\"></sup>",
            "<ol class=\"references\"><li>x</li></ol>",
            "<table class=\"infobox\"><td class=\"infobox-full-data\"></td></table>",
            "<h2>References</h2><p>x</p><h3>Sub</h3><p>y</p>",
            deep.as_str(),
        ];
        for input in inputs {
            let document = read_html(input);
            assert!(document.markers.iter().all(|m| m.at <= document.text.len()));
        }
        assert!(read_html(&deep).text.contains("deep text"));
    }
}
