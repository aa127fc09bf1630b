//! A read document: clean body text with a map back to the source bytes, its blocks
//! (headings, paragraphs, captions, list items, table rows), citation markers and raw
//! references. Readers build it; the segmenter cuts its blocks into sentences.

use serde::Serialize;

use crate::structure::Structure;

/// A half-open byte range `[start, end)` into `Document::text`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// The input formats `bilateral` reads.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text as scraped from a rendered page (the seed's form).
    Text,
    /// MediaWiki source.
    Wikitext,
    Html,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Wikitext => "wikitext",
            Format::Html => "html",
        }
    }
}

/// Maps byte offsets of the clean text back to byte offsets of the source. Readers append
/// clean text in pieces; each piece records where in the source it came from. Within a piece
/// offsets advance together; text a reader synthesised (a space, a paragraph break) maps to
/// the source offset of what follows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// `(clean_offset, source_offset)` at the start of each piece, in increasing order.
    anchors: Vec<(usize, usize)>,
    /// The source's length, when the reader gave it: no offset maps past it, even where a
    /// piece's clean text came out longer than its source (decoded entities).
    source_len: Option<usize>,
}

impl SourceMap {
    /// Records that clean text from `clean_offset` on was copied from `source_offset` on.
    pub fn anchor(&mut self, clean_offset: usize, source_offset: usize) {
        if let Some(last) = self.anchors.last_mut()
            && last.0 == clean_offset
        {
            *last = (clean_offset, source_offset);
            return;
        }
        self.anchors.push((clean_offset, source_offset));
    }

    /// Bounds every mapped offset by the source's length.
    pub fn bound(&mut self, source_len: usize) {
        self.source_len = Some(source_len);
    }

    /// The source offset of a clean-text offset.
    pub fn to_source(&self, clean_offset: usize) -> usize {
        let index = self
            .anchors
            .partition_point(|&(clean, _)| clean <= clean_offset);
        let mapped = match index.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(clean, source)) => source + (clean_offset - clean),
            None => clean_offset,
        };
        self.source_len.map_or(mapped, |len| mapped.min(len))
    }

    /// A clean-text span as a source span.
    pub fn span_to_source(&self, span: Span) -> Span {
        let start = self.to_source(span.start);
        let end = self.to_source(span.end).max(start);
        Span::new(start, end)
    }
}

/// What a block of text is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BlockKind {
    Heading {
        level: u8,
    },
    Paragraph,
    /// An image caption: kept, since captions state facts too.
    Caption,
    ListItem,
    /// One row of a table, its cells joined by " | ".
    TableRow,
}

/// A block of clean text: a heading, paragraph, caption, list item or table row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Index into `Document::sections` of the section the block belongs to.
    pub section: usize,
}

/// A section of the article. Section 0 is the lead, with an empty heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: String,
    /// 1 for the lead, 2 for `== H ==`, 3 for `=== H ===`, and so on.
    pub level: u8,
}

/// A citation marker such as `[1]`, `[a]` or `[note 1]`, removed from the clean text but kept
/// here at the clean offset where it stood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Marker {
    pub at: usize,
    /// The label as printed, without brackets: `1`, `a`, `note 1`.
    pub label: String,
    /// The number of the reference it points to, when it points to one.
    pub reference: Option<u32>,
}

/// A reference as the reader found it, before citation parsing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RawReference {
    /// Its number in the reference list (order of first use for wikitext).
    pub n: u32,
    pub body: ReferenceBody,
    /// Where it came from in the source.
    pub source: Span,
}

/// The two shapes a reference comes in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "shape")]
pub enum ReferenceBody {
    /// A rendered citation (scraped text or HTML): its text, plus the citation template's
    /// name when the rendering reveals it (`cite web` from a CS1 message, or from HTML's
    /// `class="citation web"`), and CS1 messages shown to readers, each without the
    /// template prefix: `CS1 maint: url-status (link)`.
    Rendered {
        text: String,
        template: Option<String>,
        messages: Vec<String>,
    },
    /// A citation template from wikitext: its name (`cite web`, lower-cased) and parameters
    /// in order, values with markup already stripped to text.
    Template {
        name: String,
        params: Vec<(String, String)>,
    },
}

/// A problem in the input that did not stop reading, with where it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Byte offset in the source.
    pub at: usize,
    pub message: String,
}

/// A read article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    pub title: String,
    pub format: Format,
    /// The clean body text; blocks are separated by blank lines.
    pub text: String,
    #[serde(skip)]
    pub source_map: SourceMap,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
    pub markers: Vec<Marker>,
    pub references: Vec<RawReference>,
    /// Country names the page's infobox gives, as written, to find the dyad when the title
    /// does not name it.
    pub infobox_countries: Vec<String>,
    /// The site that published the page, from its header ("Ministry of External Affairs /
    /// Government of India"): a ministry's page about one relationship names only the other
    /// state in its title.
    pub publisher: Option<String>,
    /// Lists and tables, over the blocks above.
    pub structure: Structure,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A document of `text` with nothing read from it yet: no sections, blocks, markers,
    /// references or structure. Readers and tests fill in what they find.
    pub fn new(title: impl Into<String>, format: Format, text: impl Into<String>) -> Self {
        Document {
            title: title.into(),
            format,
            text: text.into(),
            source_map: SourceMap::default(),
            sections: Vec::new(),
            blocks: Vec::new(),
            markers: Vec::new(),
            references: Vec::new(),
            infobox_countries: Vec::new(),
            publisher: None,
            structure: Structure::default(),
            diagnostics: Vec::new(),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// A sentence of a block, with the references its citation markers point to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::blocks`.
    pub block: usize,
    /// Reference numbers of the markers that close this sentence, in order, without repeats.
    pub references: Vec<u32>,
}

/// Folds runs of whitespace of every kind (scraped text has runs of spaces, HTML no-break
/// ones) into single spaces and trims the ends.
pub fn fold_whitespace(text: &str) -> String {
    if is_folded(text) {
        return text.to_owned();
    }
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Whether `text` is already folded: single ASCII spaces between words and none at the
/// ends. Most text is, and a byte scan says so far faster than splitting it.
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous_space = false;
    for (index, &byte) in bytes.iter().enumerate() {
        let space = match byte {
            b' ' => true,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => return false,
            0xC2 | 0xE1..=0xE3 if is_unicode_space(&bytes[index..]) => return false,
            _ => false,
        };
        if space && previous_space {
            return false;
        }
        previous_space = space;
    }
    true
}

/// Whether `bytes` start with the UTF-8 of a white-space character other than ASCII:
/// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
fn is_unicode_space(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_of_every_kind_folds_to_single_spaces() {
        assert_eq!(fold_whitespace("  a\u{a0}\u{a0}b\n\t c\u{2003}"), "a b c");
        assert_eq!(fold_whitespace("Tô  Lâm"), "Tô Lâm");
        assert_eq!(fold_whitespace(" \u{3000} "), "");
        assert_eq!(fold_whitespace("a\u{2009}b – “c”"), "a b – “c”");
        assert_eq!(fold_whitespace("a\u{202f}b"), "a b");
        assert_eq!(
            fold_whitespace("already folded – “quoted”"),
            "already folded – “quoted”"
        );
        assert_eq!(fold_whitespace("Hà Nội «x» a\u{1680}b"), "Hà Nội «x» a b");
    }

    #[test]
    fn unicode_spaces_are_told_by_their_bytes() {
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let encoded = ch.encode_utf8(&mut buffer).as_bytes();
            assert_eq!(
                is_unicode_space(encoded),
                !ch.is_ascii() && ch.is_whitespace(),
                "{ch:?}"
            );
        }
    }

    #[test]
    fn source_map_follows_pieces() {
        let mut map = SourceMap::default();
        map.anchor(0, 10);
        map.anchor(5, 40);
        assert_eq!(map.to_source(0), 10);
        assert_eq!(map.to_source(4), 14);
        assert_eq!(map.to_source(5), 40);
        assert_eq!(map.to_source(7), 42);
        assert_eq!(map.span_to_source(Span::new(2, 6)), Span::new(12, 41));
    }

    #[test]
    fn empty_source_map_is_identity() {
        assert_eq!(SourceMap::default().to_source(7), 7);
    }
}
