//! Builds a [`Document`] piece by piece, keeping the map from clean text back to the source.
//! Every reader appends through this one builder, so whitespace folding, block spans and
//! source offsets work the same way for every format.

use bilateral_model::{
    Block, BlockKind, Diagnostic, Document, Format, List, Marker, RawReference, Row, Section, Span,
    Table, fold_whitespace,
};

/// The longest line that introduces a list or table without ending in a colon: "Visits to
/// Japan", "Bilateral agreements (selected)".
const MAX_INTRO: usize = 100;

/// Appends clean text, blocks, markers and references to a document under construction.
pub struct DocumentBuilder {
    document: Document,
    /// The kind and clean start offset of the block being written.
    open_block: Option<(BlockKind, usize)>,
    /// Whether whitespace was seen since the last character written to the open block.
    pending_space: bool,
    /// The last `(clean, source)` anchor written to the source map.
    last_anchor: Option<(usize, usize)>,
    /// The cells closed so far in the open table row, and where the open cell starts.
    cells: Vec<Span>,
    cell_start: usize,
    /// The open table row names its table's columns.
    header_row: bool,
    /// Whether references past [`MAX_REFERENCES`] were met (and said so once).
    references_capped: bool,
}

/// The most references one article keeps. Wikipedia's most cited articles have a few
/// thousand; more is a generated or hostile page, whose references would cost the reference
/// checks and the store time and rows for nothing.
pub const MAX_REFERENCES: usize = 10_000;

impl DocumentBuilder {
    pub fn new(title: &str, format: Format) -> Self {
        DocumentBuilder {
            document: Document {
                sections: vec![Section {
                    heading: String::new(),
                    level: 1,
                }],
                ..Document::new(title.trim(), format, String::new())
            },
            open_block: None,
            pending_space: false,
            last_anchor: None,
            cells: Vec::new(),
            cell_start: 0,
            header_row: false,
            references_capped: false,
        }
    }

    /// Sets the title when a reader learns it after starting.
    pub fn set_title(&mut self, title: &str) {
        self.document.title = title.trim().to_owned();
    }

    pub fn title(&self) -> &str {
        &self.document.title
    }

    /// Starts a new section with a heading block. `level` is 2 for `== H ==`.
    pub fn heading(&mut self, text: &str, level: u8, source_offset: usize) {
        self.end_block();
        self.document.sections.push(Section {
            heading: fold_whitespace(text),
            level,
        });
        self.begin_block(BlockKind::Heading { level });
        self.push_text(text, source_offset);
        self.end_block();
    }

    /// Opens a block, closing any open one.
    pub fn begin_block(&mut self, kind: BlockKind) {
        self.end_block();
        if !self.document.text.is_empty() {
            self.document.text.push_str("\n\n");
        }
        self.open_block = Some((kind, self.document.text.len()));
        self.pending_space = false;
        self.cells.clear();
        self.cell_start = self.document.text.len();
        self.header_row = false;
    }

    /// Ends a cell of the open table row and starts the next, writing " | " between them.
    pub fn cell_break(&mut self, source_offset: usize) {
        self.close_cell();
        self.push_text(" | ", source_offset);
        self.cell_start = self.document.text.len();
    }

    /// Marks the open table row as its table's header.
    pub fn mark_header_row(&mut self) {
        self.header_row = true;
    }

    /// Records the span of the open cell, without the spaces at its ends.
    fn close_cell(&mut self) {
        let end = self.document.text.len();
        let cell = self.document.text.get(self.cell_start..end).unwrap_or("");
        let start = self.cell_start + (cell.len() - cell.trim_start().len());
        let end = start.max(end - (cell.len() - cell.trim_end().len()));
        self.cells.push(Span::new(start, end));
    }

    /// Whether a block is open.
    pub fn in_block(&self) -> bool {
        self.open_block.is_some()
    }

    /// Appends text copied from `source_offset` in the source, folding runs of whitespace into
    /// one space. Opens a paragraph if no block is open.
    pub fn push_text(&mut self, text: &str, source_offset: usize) {
        if self.open_block.is_none() {
            self.begin_block(BlockKind::Paragraph);
        }
        let mut index = 0;
        while index < text.len() {
            let (space, width) = space_at(text, index);
            if space {
                self.pending_space = true;
                index += width;
                continue;
            }
            let start = index;
            while index < text.len() {
                let (space, width) = space_at(text, index);
                if space {
                    break;
                }
                index += width;
            }
            if self.pending_space {
                if !self.block_is_empty() {
                    self.document.text.push(' ');
                }
                self.pending_space = false;
            }
            self.anchor(source_offset + start);
            self.document.text.push_str(&text[start..index]);
        }
    }

    /// Anchors the end of the text to `source_offset`, unless the last anchor already maps it
    /// there (a single space between words needs no anchor of its own, which keeps the map
    /// small on long articles).
    fn anchor(&mut self, source_offset: usize) {
        let clean_offset = self.document.text.len();
        if self
            .last_anchor
            .and_then(|(clean, source)| Some(source + clean_offset.checked_sub(clean)?))
            .is_some_and(|mapped| mapped == source_offset)
        {
            return;
        }
        self.document.source_map.anchor(clean_offset, source_offset);
        self.last_anchor = Some((clean_offset, source_offset));
    }

    /// Records a citation marker at the current end of the text.
    pub fn push_marker(&mut self, label: &str, reference: Option<u32>) {
        self.document.markers.push(Marker {
            at: self.document.text.len(),
            label: label.to_owned(),
            reference,
        });
    }

    /// Closes the open block, if any. An empty block is dropped.
    pub fn end_block(&mut self) {
        let Some((kind, start)) = self.open_block.take() else {
            return;
        };
        self.pending_space = false;
        let end = self.document.text.len();
        if end == start {
            // Drop the separator written for the empty block; markers recorded in it move back
            // to the end of the text so they stay inside it.
            let trimmed = self.document.text.trim_end_matches('\n').len();
            self.document.text.truncate(trimmed);
            for marker in self.document.markers.iter_mut().rev() {
                if marker.at <= trimmed {
                    break;
                }
                marker.at = trimmed;
            }
            return;
        }
        if kind == BlockKind::TableRow {
            self.close_cell();
        }
        let block = self.document.blocks.len();
        self.document.blocks.push(Block {
            kind,
            span: Span::new(start, end),
            section: self.document.sections.len() - 1,
        });
        match kind {
            BlockKind::ListItem => self.add_list_item(block),
            BlockKind::TableRow => self.add_table_row(block),
            _ => {}
        }
    }

    /// Adds an item to the list the block before it belongs to, or starts a list.
    fn add_list_item(&mut self, block: usize) {
        let lists = &mut self.document.structure.lists;
        match lists.last_mut() {
            Some(list) if list.items.last().is_some_and(|&last| last + 1 == block) => {
                list.items.push(block);
            }
            _ => {
                let heading = self.intro(block);
                self.document.structure.lists.push(List {
                    heading,
                    items: vec![block],
                });
            }
        }
    }

    /// Adds a row to the table the block before it belongs to, or starts a table.
    fn add_table_row(&mut self, block: usize) {
        let row = Row {
            block,
            cells: std::mem::take(&mut self.cells),
            header: std::mem::take(&mut self.header_row),
        };
        let tables = &mut self.document.structure.tables;
        match tables.last_mut() {
            Some(table)
                if table
                    .rows
                    .last()
                    .is_some_and(|last| last.block + 1 == block) =>
            {
                table.rows.push(row);
            }
            _ => {
                let heading = self.intro(block);
                self.document.structure.tables.push(Table {
                    heading,
                    rows: vec![row],
                });
            }
        }
    }

    /// What introduces a list or table starting at `block`: the table's caption, or the short
    /// line just before it ("From Brazil to Angola:"), else the heading of its section.
    fn intro(&self, block: usize) -> String {
        let document = &self.document;
        let before = block
            .checked_sub(1)
            .and_then(|index| document.blocks.get(index))
            .filter(|before| matches!(before.kind, BlockKind::Paragraph | BlockKind::Caption));
        let caption = before.is_some_and(|before| before.kind == BlockKind::Caption);
        let line = before.map(|before| document.slice(before.span));
        match line {
            Some(line)
                if caption
                    || line.ends_with(':')
                    || (line.len() <= MAX_INTRO && !line.ends_with('.')) =>
            {
                without_enumerator(line.trim_end_matches(':').trim()).to_owned()
            }
            _ => {
                let section = document.blocks.get(block).map_or(0, |block| block.section);
                document
                    .sections
                    .get(section)
                    .map_or_else(String::new, |section| section.heading.clone())
            }
        }
    }

    /// Adds a reference, unless the article has [`MAX_REFERENCES`] already: then the first
    /// one past the limit gets a diagnostic, and it and the rest are left out.
    pub fn push_reference(&mut self, reference: RawReference) {
        let count = self.document.references.len();
        if count >= MAX_REFERENCES {
            if !self.references_capped {
                self.references_capped = true;
                self.diagnostic(
                    reference.source.start,
                    format!("more than {MAX_REFERENCES} references; the rest are not read"),
                );
            }
            return;
        }
        self.document.references.push(reference);
    }

    pub fn push_infobox_country(&mut self, name: &str) {
        let name = fold_whitespace(name);
        if !name.is_empty() && !self.document.infobox_countries.contains(&name) {
            self.document.infobox_countries.push(name);
        }
    }

    /// Records the site that published the page, from its header.
    pub fn set_publisher(&mut self, publisher: &str) {
        let publisher = fold_whitespace(publisher);
        if !publisher.is_empty() {
            self.document.publisher = Some(publisher);
        }
    }

    pub fn diagnostic(&mut self, at: usize, message: impl Into<String>) {
        self.document.diagnostics.push(Diagnostic {
            at,
            message: message.into(),
        });
    }

    pub fn finish(mut self) -> Document {
        self.end_block();
        self.document
    }

    fn block_is_empty(&self) -> bool {
        self.open_block
            .is_some_and(|(_, start)| start == self.document.text.len())
    }
}

/// A line without the enumerator that opens it: "(a) From Zambia to Tanzania" is "From
/// Zambia to Tanzania".
fn without_enumerator(line: &str) -> &str {
    line.strip_prefix('(')
        .and_then(|rest| rest.split_once(") "))
        .filter(|(label, _)| {
            (1..=3).contains(&label.len()) && label.chars().all(char::is_alphanumeric)
        })
        .map_or(line, |(_, rest)| rest.trim_start())
}

/// Whether the character at byte `index` is white space, and its width. ASCII is tested
/// byte by byte; only other characters (a no-break space, say) are decoded.
fn space_at(text: &str, index: usize) -> (bool, usize) {
    match text.as_bytes().get(index) {
        Some(byte) if byte.is_ascii() => (char::from(*byte).is_whitespace(), 1),
        _ => text
            .get(index..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |ch| (ch.is_whitespace(), ch.len_utf8())),
    }
}

#[cfg(test)]
mod tests {
    use bilateral_model::ReferenceBody;

    use super::*;

    #[test]
    fn references_past_the_limit_are_left_out_and_said_once() {
        let mut builder = DocumentBuilder::new("T", Format::Text);
        for n in 1..=MAX_REFERENCES + 5 {
            let n32 = u32::try_from(n).unwrap();
            builder.push_reference(RawReference {
                n: n32,
                body: ReferenceBody::Rendered {
                    text: format!("Report {n}"),
                    template: None,
                    messages: Vec::new(),
                },
                source: Span::new(n * 10, n * 10 + 9),
            });
        }
        let document = builder.finish();
        assert_eq!(document.references.len(), MAX_REFERENCES);
        assert_eq!(document.diagnostics.len(), 1);
        assert_eq!(document.diagnostics[0].at, (MAX_REFERENCES + 1) * 10);
        assert!(
            document.diagnostics[0]
                .message
                .contains("references; the rest are not read")
        );
    }

    #[test]
    fn blocks_fold_whitespace_and_map_to_source() {
        let mut builder = DocumentBuilder::new("T", Format::Text);
        builder.push_text("  Hello\n  world.", 100);
        builder.push_marker("1", Some(1));
        builder.heading("History", 2, 200);
        builder.push_text("Next", 300);
        let document = builder.finish();
        assert_eq!(document.text, "Hello world.\n\nHistory\n\nNext");
        assert_eq!(document.blocks.len(), 3);
        assert_eq!(document.slice(document.blocks[0].span), "Hello world.");
        assert_eq!(document.blocks[2].section, 1);
        assert_eq!(document.markers[0].at, 12);
        // "world" starts at clean offset 6 and at source offset 100 + 10.
        assert_eq!(document.source_map.to_source(6), 110);
        assert_eq!(document.source_map.to_source(0), 102);
    }

    #[test]
    fn empty_blocks_leave_no_trace() {
        let mut builder = DocumentBuilder::new("T", Format::Text);
        builder.push_text("A", 0);
        builder.begin_block(BlockKind::Paragraph);
        builder.push_text("   ", 5);
        builder.end_block();
        let document = builder.finish();
        assert_eq!(document.text, "A");
        assert_eq!(document.blocks.len(), 1);
    }

    #[test]
    fn markers_of_a_dropped_block_stay_inside_the_text() {
        let mut builder = DocumentBuilder::new("T", Format::Text);
        builder.push_text("A", 0);
        builder.begin_block(BlockKind::Paragraph);
        builder.push_marker("1", Some(1));
        let document = builder.finish();
        assert_eq!(document.text, "A");
        assert_eq!(document.markers[0].at, 1);
    }

    #[test]
    fn every_clean_offset_maps_to_its_source_byte() {
        let source = "  Grüße an  alle\n und\tjeden ";
        let mut builder = DocumentBuilder::new("T", Format::Text);
        builder.push_text(source, 0);
        let document = builder.finish();
        assert_eq!(document.text, "Grüße an alle und jeden");
        for (clean, ch) in document.text.char_indices() {
            let mapped = document.source_map.to_source(clean);
            if ch == ' ' {
                assert!(source[mapped..].starts_with(char::is_whitespace));
            } else {
                assert!(source[mapped..].starts_with(ch), "{clean} -> {mapped}");
            }
        }
    }
}
