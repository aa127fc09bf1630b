//! Reads plain text of an article page: the seed's scrape (title on the first line, "Last
//! updated" and the infobox), a Wikipedia page copied from a browser (menus, contents, tabs,
//! `[edit]` links, `^ a b` references, footer), a foreign ministry's or an embassy's page
//! (site header, breadcrumbs, `Key: value` notes, numbered sections with bracketed
//! sub-headings, year-by-year lists, nested bullets, tables with bars between their cells, a
//! "Sources" list) and heading-marked text (`= Title =`, `== History ==`, `- ` items). The
//! shape is told from the content (`shape`); lines other than prose become headings, list
//! items and table rows (`rows`); citation markers come out of the text and references are
//! read from the list at the end.
//!
//! Plain text has lost its markup, so every rule here is a judgement about the shape of a
//! line; a line that fits no rule is kept as a paragraph rather than lost.

mod rows;
mod shape;

use bilateral_model::{BlockKind, Diagnostic, Document, Format, RawReference, ReferenceBody, Span};

use self::rows::Enumeration;
use self::shape::Shape;
use crate::DocumentBuilder;

/// Reads the text of an article page. Never fails: odd input gives whatever could be read,
/// with diagnostics saying what was odd.
pub fn read_text(text: &str) -> Document {
    read_text_with_title(text, None)
}

/// Reads scraped article text whose title is known apart from it (a `--jsonl` line): the
/// first line is body text then, unless it repeats the title.
pub fn read_text_with_title<'a>(text: &'a str, title: Option<&'a str>) -> Document {
    let lines = split_lines(text);
    let Some(mut prelude) = shape::prelude(&lines) else {
        let mut builder = DocumentBuilder::new(title.unwrap_or(""), Format::Text);
        builder.diagnostic(0, "no text");
        return builder.finish();
    };
    if let Some(title) = title {
        // A scrape's first line is body text then, unless it repeats the title.
        if prelude.shape == Shape::Scrape && prelude.title.trim() != title.trim() {
            prelude.body_start -= 1;
        }
        prelude.title = title;
    }
    let mut reader = TextReader::new(&lines, &prelude);
    for index in prelude.body_start..lines.len() {
        reader.read_line(index);
    }
    reader.finish()
}

/// Whether a first line is the title of heading-marked text, `= Title =`.
pub(crate) fn is_marked_title(line: &str) -> bool {
    shape::marked_title(line).is_some()
}

/// Sentence-final punctuation: a line ending in one is prose, not a heading or a name.
const SENTENCE_FINAL: &[char] = &['.', '!', '?', ':', ';', ',', '。'];

/// Headings after which the body has ended and a list of numbered references may follow.
const REFERENCE_LIST_HEADINGS: &[&str] = &[
    "references",
    "notes",
    "citations",
    "footnotes",
    "sources",
    "works cited",
    "notes and references",
    "references and notes",
    "notes and citations",
    "general references",
];

/// Headings after which the body has ended and nothing more is read.
const OTHER_END_HEADINGS: &[&str] = &[
    "see also",
    "external links",
    "further reading",
    "bibliography",
];

/// Lines that end a page after its article: a browser copy's footer, a site's copyright.
const FOOTER_STARTS: &[&str] = &[
    "categories:",
    "category:",
    "hidden categories:",
    "this page was last edited",
    "retrieved from \"http",
    "text is available under",
    "©",
    "copyright ©",
];

/// The longest cell of a table row; a longer run of text is prose.
const MAX_CELL: usize = 200;

/// The longest line of a list whose bullets were lost.
const MAX_BARE_ITEM: usize = 150;

/// File extensions of the images whose file names a scrape leaves behind.
const IMAGE_EXTENSIONS: &[&str] = &[
    ".jpg", ".jpeg", ".png", ".svg", ".gif", ".webp", ".tif", ".tiff",
];

/// Commons file names are at most 240 bytes; a longer line is prose that happens to end in
/// an extension.
const MAX_FILE_NAME: usize = 255;

/// Bullets a scrape renders list items with.
const BULLETS: &[&str] = &["•", "*", "-", "–", "◦", "·", "▪"];

/// Groups of footnote labels: `[note 1]`, `[nb 2]`, `[lower-alpha 3]`.
const NOTE_GROUPS: &[&str] = &[
    "note",
    "nb",
    "n",
    "fn",
    "lower-alpha",
    "upper-alpha",
    "lower-roman",
    "upper-roman",
    "lower-greek",
];

/// Inline maintenance tags that are not references, beyond the `[... needed]` and `[...?]`
/// families.
const MAINTENANCE_TAGS: &[&str] = &[
    "dubious – discuss",
    "disputed – discuss",
    "failed verification",
    "not in citation given",
    "dead link",
    "permanent dead link",
    "unreliable source",
    "original research",
    "improper synthesis",
    "update",
    "vague",
    "clarify",
];

/// Abbreviations a wrapped line of a reference may start with.
const CITATION_ABBREVIATIONS: &[&str] = &["p", "pp", "c", "ca", "ed", "no", "vs", "cf"];

/// The longest label between the brackets of a citation marker.
const MAX_MARKER_LABEL: usize = 40;

/// One line of the input, trimmed, with the source offset of its first byte.
#[derive(Clone, Copy)]
struct Line<'a> {
    offset: usize,
    text: &'a str,
    /// The bytes of white space the line was indented by, which nest bulleted lists.
    indent: usize,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let unmarked = raw.trim_start_matches('\u{feff}');
        let start = unmarked.trim_start();
        lines.push(Line {
            offset: offset + (raw.len() - start.len()),
            text: start.trim_end(),
            indent: unmarked.len() - start.len(),
        });
        offset += raw.len() + 1;
    }
    lines
}

/// Where in the page a line is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Body,
    /// After "References" and the like: numbered lines are references.
    ReferenceList,
    /// After "See also" and the like: nothing is read.
    OtherEndMatter,
}

/// A reference whose continuation lines may still follow.
struct OpenReference {
    n: u32,
    text: String,
    source: Span,
}

struct TextReader<'a> {
    lines: &'a [Line<'a>],
    shape: Shape,
    /// A browser copy's numbered table of contents, which gives its headings' levels.
    contents: Vec<(&'a str, u8)>,
    builder: DocumentBuilder,
    part: Part,
    /// Inside the line group that starts with "Last updated": the infobox.
    in_infobox: bool,
    /// The previous line was a flag's file name, so this one may name its country.
    after_flag: bool,
    /// The previous line was an image's file name, so this one is its caption.
    after_image: bool,
    /// The level of the last block written, when it was a heading.
    last_heading_level: Option<u8>,
    /// The level of the last heading that is no sub-heading: a sub-heading ("(1) From Japan
    /// to Laos") sits one below it.
    outline_level: u8,
    /// The bulleted labels written as sub-headings that may still hold nested lines: each
    /// label's indent and level, outermost first.
    bullet_labels: Vec<(usize, u8)>,
    body_started: bool,
    last_text_line: usize,
    open_reference: Option<OpenReference>,
    last_reference_number: u32,
    /// The last block written was a table row.
    in_table: bool,
}

impl<'a> TextReader<'a> {
    fn new(lines: &'a [Line<'a>], prelude: &shape::Prelude<'a>) -> Self {
        let mut builder = DocumentBuilder::new(prelude.title, Format::Text);
        if let Some(publisher) = &prelude.publisher {
            builder.set_publisher(publisher);
        }
        TextReader {
            lines,
            shape: prelude.shape,
            contents: prelude.contents.clone(),
            builder,
            part: Part::Body,
            // A browser copy's infobox follows "From Wikipedia, the free encyclopedia".
            in_infobox: prelude.shape == Shape::Browser,
            after_flag: false,
            after_image: false,
            last_heading_level: None,
            outline_level: 1,
            bullet_labels: Vec::new(),
            body_started: false,
            last_text_line: lines
                .iter()
                .rposition(|line| !line.text.is_empty())
                .unwrap_or(0),
            open_reference: None,
            last_reference_number: 0,
            in_table: false,
        }
    }

    fn read_line(&mut self, index: usize) {
        let Some(&line) = self.lines.get(index) else {
            return;
        };
        if line.text.is_empty() {
            self.in_infobox = false;
            self.after_flag = false;
            self.after_image = false;
            self.close_reference();
            return;
        }
        match self.part {
            Part::Body => self.read_body_line(index, line),
            Part::ReferenceList | Part::OtherEndMatter => self.read_end_matter_line(line),
        }
    }

    fn read_body_line(&mut self, index: usize, line: Line<'a>) {
        let text = line.text;
        if is_last_updated(text) || (self.shape == Shape::Marked && text == "Infobox") {
            self.in_infobox = true;
            return;
        }
        if is_flag_file(text) {
            self.after_flag = true;
            self.after_image = false;
            return;
        }
        if std::mem::take(&mut self.after_flag) && looks_like_name(text) {
            self.builder.push_infobox_country(text);
            return;
        }
        if is_image_file(text) {
            self.after_image = true;
            return;
        }
        let is_caption = std::mem::take(&mut self.after_image);
        if self.in_infobox {
            if !looks_like_prose(text) {
                self.infobox_line(text);
                return;
            }
            self.in_infobox = false;
        }
        if (!self.body_started && text.eq_ignore_ascii_case(self.builder.title()))
            || shape::is_body_chrome(text)
            || shape::is_trail(text)
            || (self.shape == Shape::Ministry
                && (shape::is_dateline(text) || shape::is_breadcrumb(text)))
        {
            return;
        }
        if is_footer(text) {
            self.part = Part::OtherEndMatter;
            return;
        }
        if is_caption {
            self.write_block(BlockKind::Caption, text, line.offset);
            return;
        }
        if rows::is_bar_rule(text) {
            return;
        }
        if self.read_bullet_label(index, line) || self.read_heading(index, line) {
            return;
        }
        self.read_item_or_paragraph(index, line);
    }

    /// A line of the infobox: the names of the two states, under their flags or (in a
    /// browser copy) on a line of their own, or `- Country 1: Brazil`.
    fn infobox_line(&mut self, text: &str) {
        if let Some(field) = strip_bullet(text) {
            if let Some((key, value)) = field.split_once(':')
                && shape::starts_with_ignoring_case(key.trim(), "country")
            {
                self.builder.push_infobox_country(value);
            }
            return;
        }
        if self.shape == Shape::Browser && !text.eq_ignore_ascii_case(self.builder.title()) {
            for cell in text.split('\t') {
                if looks_like_name(cell) && cell.split_whitespace().count() <= 3 {
                    self.builder.push_infobox_country(cell);
                }
            }
        }
    }

    /// Writes the line as a heading, or switches to the end matter it starts; false when
    /// it is no heading.
    fn read_heading(&mut self, index: usize, line: Line<'a>) -> bool {
        let text = line.text;
        let mut sub_heading = false;
        let (heading, level) = if let Some((level, heading)) = rows::marked_heading(text) {
            (heading, Some(level))
        } else if let Some(heading) = text.strip_suffix("[edit]") {
            (heading.trim_end(), None)
        } else if let Some((level, heading)) =
            rows::numbered_heading(text).filter(|&(_, heading)| {
                self.stands_alone(index)
                    || rows::capital_heading(heading).is_some()
                    || self.is_listed(heading)
            })
        {
            (heading, Some(level))
        } else if let Some(enumerated) = self.enumerated_heading(index) {
            let level = match enumerated.style {
                Enumeration::Dotted => 2,
                Enumeration::Bracketed => {
                    sub_heading = true;
                    (self.outline_level + 1).min(6)
                }
            };
            (enumerated.words, Some(level))
        } else if let Some(heading) =
            rows::capital_heading(text).filter(|_| self.row_cells(index).is_none())
        {
            (heading, Some(2))
        } else if (self.stands_alone(index)
            && rows::enumerated(text).is_none()
            && self.row_cells(index).is_none())
            || end_part(text).is_some()
        {
            (text, None)
        } else {
            return false;
        };
        let marked = level.is_some() || text.ends_with("[edit]");
        if let Some(part) = end_part(heading) {
            if index < self.last_text_line || marked {
                self.part = part;
                return true;
            }
            return false;
        }
        if !is_heading_like(heading) || (!marked && index >= self.last_text_line) {
            return false;
        }
        let level = level
            .or_else(|| self.listed_level(heading))
            .unwrap_or_else(|| {
                self.last_heading_level
                    .map_or(2, |level| (level + 1).min(6))
            });
        self.write_heading(
            heading,
            level,
            line.offset + text.find(heading).unwrap_or(0),
        );
        if !sub_heading {
            self.outline_level = level;
        }
        self.bullet_labels.clear();
        true
    }

    fn write_heading(&mut self, heading: &str, level: u8, offset: usize) {
        self.builder.heading(heading, level, offset);
        self.last_heading_level = Some(level);
        self.in_table = false;
    }

    /// Writes a bulleted label that has lines nested under it — indented deeper, or bulleted
    /// with another glyph — as a sub-heading ("• Mutual High-Level Visits"), one level below
    /// the label it is nested in, or, when it ends in a colon ("• From Mongolia:"), as the
    /// line that introduces the list under it; false for any other line. A line that goes on
    /// in lower case is the label's own text wrapped, not nested under it.
    fn read_bullet_label(&mut self, index: usize, line: Line<'a>) -> bool {
        let Some((bullet, label)) = split_bullet(line.text) else {
            return false;
        };
        let Some(next) = self.next_text_line(index) else {
            return false;
        };
        let nested = next.indent > line.indent
            || (next.indent == line.indent
                && split_bullet(next.text).is_some_and(|(inner, _)| inner != bullet));
        if !nested || next.text.starts_with(char::is_lowercase) {
            return false;
        }
        let offset = line.offset + (line.text.len() - label.len());
        if label
            .strip_suffix(':')
            .is_some_and(|intro| rows::is_title(intro.trim_end()))
        {
            self.write_block(BlockKind::Paragraph, label, offset);
            return true;
        }
        if !rows::is_title(label) {
            return false;
        }
        self.bullet_labels
            .retain(|&(indent, _)| indent < line.indent);
        let level = self
            .bullet_labels
            .last()
            .map_or(self.outline_level, |&(_, level)| level)
            .saturating_add(1)
            .min(6);
        self.bullet_labels.push((line.indent, level));
        self.write_heading(label, level, offset);
        true
    }

    /// An enumerated line that titles what follows it, "5. VIP Visits" or "(1) From Japan to
    /// Laos", rather than standing in a run of items ("1. Agreement on Trade" over "2. Protocol on
    /// Air Services"): its words are a title, it stands alone or content follows it directly,
    /// the next item of its run does not follow it, and it does not close a run or follow a
    /// line that introduces a list ("The agreements are:").
    fn enumerated_heading(&self, index: usize) -> Option<rows::Enumerated<'a>> {
        let line = self.lines.get(index)?;
        let this = rows::enumerated(line.text).filter(|this| rows::is_title(this.words))?;
        let next_is_adjacent = self
            .lines
            .get(index + 1)
            .is_some_and(|next| !next.text.is_empty());
        let alone = self.stands_alone(index);
        if !(next_is_adjacent || alone) {
            return None;
        }
        let continues = |before: &Line<'_>, after: &Line<'_>| {
            rows::enumerated(before.text)
                .zip(rows::enumerated(after.text))
                .is_some_and(|(before, after)| before.is_followed_by(&after))
        };
        if self
            .next_text_line(index)
            .is_some_and(|next| continues(line, next))
        {
            return None;
        }
        // A blank line above a line followed by content parts it from a run above.
        let previous = if alone {
            self.previous_text_line(index)
        } else {
            index
                .checked_sub(1)
                .and_then(|i| self.lines.get(i))
                .filter(|previous| !previous.text.is_empty())
        };
        if previous
            .is_some_and(|previous| previous.text.ends_with(':') || continues(previous, line))
        {
            return None;
        }
        Some(this)
    }

    /// The nearest line with text after line `index`.
    fn next_text_line(&self, index: usize) -> Option<&'a Line<'a>> {
        let lines: &'a [Line<'a>] = self.lines;
        lines
            .get(index + 1..)?
            .iter()
            .find(|line| !line.text.is_empty())
    }

    /// The nearest line with text before line `index`.
    fn previous_text_line(&self, index: usize) -> Option<&'a Line<'a>> {
        let lines: &'a [Line<'a>] = self.lines;
        lines
            .get(..index)?
            .iter()
            .rev()
            .find(|line| !line.text.is_empty())
    }

    /// The level the table of contents gives a heading, if it lists it.
    fn listed_level(&self, heading: &str) -> Option<u8> {
        self.contents
            .iter()
            .find(|(listed, _)| listed.eq_ignore_ascii_case(heading))
            .map(|&(_, level)| level)
    }

    fn is_listed(&self, heading: &str) -> bool {
        self.listed_level(heading).is_some()
    }

    /// Writes a list item, a table row or a paragraph.
    fn read_item_or_paragraph(&mut self, index: usize, line: Line<'a>) {
        let text = line.text;
        if let Some(item) = strip_bullet(text).or_else(|| numbered_item(text).map(|(_, item)| item))
        {
            let offset = line.offset + (text.len() - item.len());
            self.write_block(BlockKind::ListItem, item, offset);
            return;
        }
        let cells = self
            .row_cells(index)
            .filter(|cells| cells.iter().all(|(_, cell)| cell.len() <= MAX_CELL));
        // A year with a wide gap after it starts a table row when more cells follow, or when
        // the table goes on; otherwise it starts an item of a year-by-year list.
        if let Some(cells) =
            cells.filter(|cells| cells.len() > 2 || self.in_table || !rows::is_year_line(text))
        {
            self.write_row(&cells, line.offset);
            return;
        }
        if rows::is_year_line(text) || self.is_note(index) || self.is_bare_item(index) {
            self.write_block(BlockKind::ListItem, text, line.offset);
            return;
        }
        let text = if index == self.last_text_line {
            without_broken_end(text)
        } else {
            text
        };
        self.write_block(BlockKind::Paragraph, text, line.offset);
    }

    /// The cells of line `index` as a table row: split at tabs or wide gaps, or at bars when
    /// a line beside it (across blank lines) splits into as many cells at its bars.
    fn row_cells(&self, index: usize) -> Option<Vec<(usize, &'a str)>> {
        let text = self.lines.get(index)?.text;
        if let Some(cells) = rows::cells(text) {
            return Some(cells);
        }
        let cells = rows::bar_cells(text)?;
        let alike = |line: Option<&Line<'_>>| {
            line.and_then(|line| rows::bar_cells(line.text))
                .is_some_and(|other| other.len() == cells.len())
        };
        (alike(self.previous_text_line(index)) || alike(self.next_text_line(index)))
            .then_some(cells)
    }

    /// A `Key: value` note in a run of them, as ministries list basic data.
    fn is_note(&self, index: usize) -> bool {
        let note = |i: Option<usize>| {
            i.and_then(|i| self.lines.get(i))
                .is_some_and(|line| rows::is_key_value(line.text))
        };
        note(Some(index)) && (note(index.checked_sub(1)) || note(Some(index + 1)))
    }

    /// A line of a list whose bullets a browser copy or a ministry's page lost: short, no
    /// sentence, beside another such line or under one that ends in a colon.
    fn is_bare_item(&self, index: usize) -> bool {
        if self.shape == Shape::Scrape || self.shape == Shape::Marked {
            return false;
        }
        let bare = |i: Option<usize>| {
            i.and_then(|i| self.lines.get(i))
                .is_some_and(|line| is_bare_item(line.text))
        };
        let after_colon = self
            .previous_text_line(index)
            .is_some_and(|line| line.text.ends_with(':'));
        // A line right above a marked list introduces it.
        let introduces = self
            .lines
            .get(index + 1)
            .is_some_and(|next| is_marked_item(next.text) || rows::is_key_value(next.text));
        bare(Some(index))
            && !introduces
            && (after_colon || bare(index.checked_sub(1)) || bare(Some(index + 1)))
    }

    /// Writes a table row; the first row of a table is its header when it names columns.
    fn write_row(&mut self, cells: &[(usize, &str)], offset: usize) {
        self.builder.begin_block(BlockKind::TableRow);
        if !self.in_table && rows::is_header_row(cells) {
            self.builder.mark_header_row();
        }
        for (index, &(at, cell)) in cells.iter().enumerate() {
            if index > 0 {
                self.builder.cell_break(offset + at);
            }
            push_with_markers(&mut self.builder, cell, offset + at);
        }
        self.builder.end_block();
        self.last_heading_level = None;
        self.body_started = true;
        self.in_table = true;
    }

    fn read_end_matter_line(&mut self, line: Line<'a>) {
        let text = line.text;
        if let Some(part) = end_part(heading_text(text)) {
            self.close_reference();
            self.part = part;
            return;
        }
        if is_footer(text) {
            self.close_reference();
            self.part = Part::OtherEndMatter;
        }
        if self.part == Part::OtherEndMatter {
            return;
        }
        // A browser copy's list (`^ a b …`) and a bulleted one are not numbered: their
        // references count up from 1.
        let unnumbered = if text.starts_with(['^', '↑']) {
            Some(text)
        } else {
            strip_bullet(text)
        };
        if let Some(body) = unnumbered {
            self.close_reference();
            let start = line.offset + (text.len() - body.len());
            self.open_reference = Some(OpenReference {
                n: self.last_reference_number.saturating_add(1),
                text: body.to_owned(),
                source: Span::new(start, line.offset + text.len()),
            });
            return;
        }
        if let Some((n, body)) = numbered_item(text).or_else(|| bracketed_item(text)) {
            self.close_reference();
            let start = line.offset + (text.len() - body.len());
            self.open_reference = Some(OpenReference {
                n,
                text: body.to_owned(),
                source: Span::new(start, line.offset + text.len()),
            });
            return;
        }
        match &mut self.open_reference {
            Some(reference) if !is_list_label(text) && strip_bullet(text).is_none() => {
                if !reference.text.is_empty() {
                    reference.text.push(' ');
                }
                reference.text.push_str(text);
                reference.source.end = line.offset + text.len();
            }
            _ => self.close_reference(),
        }
    }

    /// Whether the line stands between blank lines (or the start of the article).
    fn stands_alone(&self, index: usize) -> bool {
        let blank = |line: Option<&Line<'_>>| line.is_none_or(|line| line.text.is_empty());
        let previous = index.checked_sub(1).and_then(|i| self.lines.get(i));
        blank(previous) && blank(self.lines.get(index + 1))
    }

    fn write_block(&mut self, kind: BlockKind, text: &str, offset: usize) {
        self.builder.begin_block(kind);
        push_with_markers(&mut self.builder, text, offset);
        self.builder.end_block();
        self.last_heading_level = None;
        self.body_started = true;
        self.in_table = false;
    }

    fn close_reference(&mut self) {
        let Some(reference) = self.open_reference.take() else {
            return;
        };
        if reference.n != self.last_reference_number.saturating_add(1) {
            self.builder.diagnostic(
                reference.source.start,
                format!(
                    "reference {} follows reference {}",
                    reference.n, self.last_reference_number
                ),
            );
        }
        self.last_reference_number = reference.n;
        self.builder.push_reference(RawReference {
            n: reference.n,
            body: ReferenceBody::Rendered {
                text: reference.text,
                template: None,
                messages: Vec::new(),
            },
            source: reference.source,
        });
    }

    fn finish(mut self) -> Document {
        self.close_reference();
        if !self.body_started {
            self.builder.diagnostic(0, "no body text found");
        }
        let mut document = self.builder.finish();
        check_markers(&mut document);
        document
    }
}

/// Notes each reference number that markers point to but the list lacks, once, where a
/// marker first points to it.
fn check_markers(document: &mut Document) {
    let mut listed: Vec<u32> = document.references.iter().map(|r| r.n).collect();
    listed.sort_unstable();
    let mut reported: Vec<u32> = Vec::new();
    for marker in &document.markers {
        let Some(n) = marker.reference else {
            continue;
        };
        if listed.binary_search(&n).is_ok() || reported.contains(&n) {
            continue;
        }
        reported.push(n);
        document.diagnostics.push(Diagnostic {
            at: document.source_map.to_source(marker.at),
            message: format!("citation marker [{n}] points to no reference in the list"),
        });
    }
}

/// Appends `text` to the open block, taking citation markers out of it. The whitespace before
/// a marker goes with it, so "war. \[1\] \[2\] Next" reads "war. Next" and "word \[3\]." reads
/// "word.".
fn push_with_markers(builder: &mut DocumentBuilder, text: &str, offset: usize) {
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = text.get(search..).and_then(|rest| rest.find('[')) {
        let open = search + found;
        let Some(first) = parse_marker(text, open) else {
            search = open + 1;
            continue;
        };
        let before = text.get(copied..open).unwrap_or("");
        let kept = before.trim_end();
        builder.push_text(kept, offset + copied);
        builder.push_marker(first.label, first.reference);
        let mut end = first.end;
        loop {
            let rest = text.get(end..).unwrap_or("");
            let next_open = end + (rest.len() - rest.trim_start().len());
            let Some(next) = parse_marker(text, next_open) else {
                break;
            };
            builder.push_marker(next.label, next.reference);
            end = next.end;
        }
        // A marker glued to the next word ("word [1]next") gives back the space it took.
        let glued = text
            .get(end..)
            .is_some_and(|rest| rest.starts_with(char::is_alphanumeric));
        if glued && kept.len() < before.len() {
            builder.push_text(" ", offset + copied + kept.len());
        }
        copied = end;
        search = end;
    }
    builder.push_text(text.get(copied..).unwrap_or(""), offset + copied);
}

/// A citation marker found in a line.
struct ParsedMarker<'a> {
    label: &'a str,
    reference: Option<u32>,
    /// Offset just past its closing bracket.
    end: usize,
}

/// The citation marker opening at `open` in `text`, if one does.
fn parse_marker(text: &str, open: usize) -> Option<ParsedMarker<'_>> {
    let inside = text.get(open..)?.strip_prefix('[')?;
    let close = inside
        .bytes()
        .take(MAX_MARKER_LABEL + 1)
        .position(|byte| byte == b']')?;
    let label = inside.get(..close)?;
    let reference = marker_reference(label)?;
    Some(ParsedMarker {
        label,
        reference,
        end: open + close + 2,
    })
}

/// `Some(Some(n))` for a reference marker `[n]`, `Some(None)` for a footnote or maintenance
/// marker (`[a]`, `[note 1]`, `[citation needed]`), `None` for brackets that are text.
fn marker_reference(label: &str) -> Option<Option<u32>> {
    if (1..=6).contains(&label.len()) && label.bytes().all(|byte| byte.is_ascii_digit()) {
        return label.parse().ok().filter(|&n| n > 0).map(Some);
    }
    (is_note_label(label) || is_maintenance_tag(label)).then_some(None)
}

fn is_note_label(label: &str) -> bool {
    if (1..=2).contains(&label.len()) && label.bytes().all(|byte| byte.is_ascii_lowercase()) {
        return true;
    }
    label.split_once(' ').is_some_and(|(group, key)| {
        NOTE_GROUPS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(group))
            && (1..=4).contains(&key.len())
            && key.bytes().all(|byte| byte.is_ascii_alphanumeric())
    })
}

fn is_maintenance_tag(label: &str) -> bool {
    let plain = label.starts_with(|c: char| c.is_ascii_lowercase())
        && label
            .chars()
            .all(|c| c.is_ascii_lowercase() || matches!(c, ' ' | '-' | '–' | '?' | '\''));
    plain
        && (label.ends_with(" needed") || label.ends_with('?') || MAINTENANCE_TAGS.contains(&label))
}

/// `Some((n, body))` for a numbered list line `12. body`.
fn numbered_item(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=6).contains(&digits) {
        return None;
    }
    let body = text.get(digits..)?.strip_prefix('.')?;
    if !body.is_empty() && !body.starts_with(char::is_whitespace) {
        return None;
    }
    let n = text.get(..digits)?.parse().ok()?;
    Some((n, body.trim_start()))
}

/// `Some((n, body))` for a reference line numbered in brackets, `[12] body`, as ministries'
/// "Sources" lists are.
fn bracketed_item(text: &str) -> Option<(u32, &str)> {
    let (number, body) = text.strip_prefix('[')?.split_once(']')?;
    if !(1..=6).contains(&number.len()) || !number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    if !body.starts_with(char::is_whitespace) {
        return None;
    }
    Some((number.parse().ok()?, body.trim_start()))
}

/// A lettered list line, `a. body`, as footnotes are numbered; not a wrapped reference line
/// that starts with an abbreviation ("pp. 12–40.").
fn is_list_label(text: &str) -> bool {
    let letters = text.bytes().take_while(u8::is_ascii_lowercase).count();
    let Some((label, rest)) = text.split_at_checked(letters) else {
        return false;
    };
    (1..=2).contains(&letters) && rest.starts_with(". ") && !CITATION_ABBREVIATIONS.contains(&label)
}

/// The part of the page a heading starts, when it ends the body.
fn end_part(heading: &str) -> Option<Part> {
    let matches = |names: &[&str]| names.iter().any(|name| heading.eq_ignore_ascii_case(name));
    if matches(REFERENCE_LIST_HEADINGS) {
        Some(Part::ReferenceList)
    } else if matches(OTHER_END_HEADINGS) {
        Some(Part::OtherEndMatter)
    } else {
        None
    }
}

fn is_footer(text: &str) -> bool {
    FOOTER_STARTS
        .iter()
        .any(|start| shape::starts_with_ignoring_case(text, start))
}

/// The words of a heading line however it is marked: `== Notes ==`, `Notes[edit]`,
/// `6. REFERENCES`, `7 References`.
fn heading_text(text: &str) -> &str {
    if let Some((_, heading)) = rows::marked_heading(text).or_else(|| rows::numbered_heading(text))
    {
        return heading;
    }
    text.strip_suffix("[edit]").unwrap_or(text).trim_end()
}

/// A line whose shape says it is a list item: a bullet, a number, a year and a gap.
fn is_marked_item(text: &str) -> bool {
    strip_bullet(text).is_some() || numbered_item(text).is_some() || rows::is_year_line(text)
}

/// A short line that is no sentence nor heading: an item of a list that lost its bullets.
fn is_bare_item(text: &str) -> bool {
    !text.is_empty()
        && rows::numbered_heading(text).is_none()
        && rows::capital_heading(text).is_none()
        && text.len() <= MAX_BARE_ITEM
        && !strip_trailing_markers(text).ends_with(SENTENCE_FINAL)
        && !text.ends_with("[edit]")
        && rows::cells(text).is_none()
}

/// A text cut off mid-sentence at its end, without the broken sentence: up to the last
/// sentence end, or nothing when no sentence ends in it.
fn without_broken_end(text: &str) -> &str {
    let trimmed = strip_trailing_markers(text);
    // A cut falls inside a word or after one; a line ending in a number or a capitalised name
    // ("Diplomatic relations: established 24 October 1964") is a complete note.
    let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let ends_whole = last_word.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
        && !last_word.ends_with(',');
    if trimmed.ends_with(SENTENCE_FINAL)
        || trimmed.ends_with(['"', '”', ')', '’', '\''])
        || ends_whole
    {
        return text;
    }
    let Some(end) = text
        .char_indices()
        .rev()
        .find(|&(at, ch)| {
            matches!(ch, '.' | '!' | '?')
                && text
                    .get(at + 1..)
                    .is_some_and(|rest| rest.starts_with([' ', '[']))
        })
        .map(|(at, _)| at + 1)
    else {
        return "";
    };
    // Markers right after the last full stop close that sentence and stay.
    let mut kept = end;
    loop {
        let rest = text.get(kept..).unwrap_or("");
        let gap = rest.len() - rest.trim_start().len();
        match parse_marker(text, kept + gap) {
            Some(marker) => kept = marker.end,
            None => return text.get(..kept).unwrap_or(""),
        }
    }
}

fn is_last_updated(text: &str) -> bool {
    text.len() < 40
        && text
            .get(..12)
            .is_some_and(|head| head.eq_ignore_ascii_case("last updated"))
}

fn is_image_file(text: &str) -> bool {
    text.len() <= MAX_FILE_NAME
        && IMAGE_EXTENSIONS.iter().any(|extension| {
            text.len() > extension.len()
                && text
                    .get(text.len() - extension.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(extension))
        })
}

fn is_flag_file(text: &str) -> bool {
    is_image_file(text)
        && text.get(..8).is_some_and(|head| {
            head.eq_ignore_ascii_case("flag of ") || head.eq_ignore_ascii_case("flag_of_")
        })
}

/// A bare name, as the infobox gives a country under its flag.
fn looks_like_name(text: &str) -> bool {
    text.len() <= 60
        && text.split_whitespace().count() <= 6
        && text.starts_with(char::is_uppercase)
        && !text.ends_with(SENTENCE_FINAL)
        && !is_image_file(text)
}

/// A line of running text rather than an infobox field.
fn looks_like_prose(text: &str) -> bool {
    text.len() > 120
        || (text.split_whitespace().count() >= 6
            && strip_trailing_markers(text).ends_with(SENTENCE_FINAL))
}

fn is_heading_like(text: &str) -> bool {
    text.len() <= 80
        && text.split_whitespace().count() <= 10
        && text.starts_with(|c: char| c.is_alphanumeric() && !c.is_lowercase())
        && !text.ends_with(SENTENCE_FINAL)
        && !text.ends_with(']')
}

/// The text of a list item without its bullet.
fn strip_bullet(text: &str) -> Option<&str> {
    split_bullet(text).map(|(_, item)| item)
}

/// The bullet of a list item and its text.
fn split_bullet(text: &str) -> Option<(&'static str, &str)> {
    BULLETS.iter().find_map(|&bullet| {
        let rest = text.strip_prefix(bullet)?;
        rest.starts_with(char::is_whitespace)
            .then(|| (bullet, rest.trim_start()))
    })
}

/// `text` without the citation markers and spaces at its end.
fn strip_trailing_markers(text: &str) -> &str {
    let mut text = text.trim_end();
    while let Some(open) = text.strip_suffix(']').and_then(|inner| inner.rfind('[')) {
        if parse_marker(text, open).is_none_or(|marker| marker.end != text.len()) {
            break;
        }
        text = text.get(..open).unwrap_or("").trim_end();
    }
    text
}

#[cfg(test)]
mod tests {
    use bilateral_model::Marker;

    use super::*;

    const ARTICLE: &str = "Atlantis–Lemuria relations

Last updated
Atlantean–Lemurian relations
Atlantis Lemuria Locator.png
Flag of Atlantis.svg
Atlantis
Flag of Lemuria.svg
Lemuria

Atlantis and Lemuria opened relations on 3 March 1901. [1] Both sank later. [2] [3]

History

Early period

The first envoy arrived in 1902 [4], and a treaty followed. [a] It lapsed. [citation needed]

Harbour of Atlantis 1905 xyzQuan .jpg
The harbour of Atlantis in 1905

• A bulleted point. [2]
Trade

Trade grew to US$3.5 million. [5]

References

  1. ^ a b \"First envoy\". The Atlantis Times. 1902. Retrieved 1 May 2020.
  2. Smith, J. (1950). A History of Sunken Lands. Mu Press.
     pp. 1–20.{{cite book}}: CS1 maint: location missing publisher (link)
  3. \"Harbour\" (in Lemurian). 1905.
  4. Ibid.
  5. \"Trade\". 2001.

External links

  1. Not a reference.
";

    fn block_texts(document: &Document, kind: BlockKind) -> Vec<&str> {
        document
            .blocks
            .iter()
            .filter(|block| block.kind == kind)
            .map(|block| document.slice(block.span))
            .collect()
    }

    #[test]
    fn drops_chrome_and_keeps_the_title() {
        let document = read_text(ARTICLE);
        assert_eq!(document.title, "Atlantis–Lemuria relations");
        assert_eq!(document.format, Format::Text);
        assert_eq!(document.infobox_countries, ["Atlantis", "Lemuria"]);
        for chrome in ["Last updated", "Flag of", ".png", ".jpg", "Atlantean"] {
            assert!(!document.text.contains(chrome), "{chrome} survived");
        }
        assert!(document.text.starts_with("Atlantis and Lemuria opened"));
    }

    #[test]
    fn finds_headings_and_their_levels() {
        let document = read_text(ARTICLE);
        let headings: Vec<_> = document
            .sections
            .iter()
            .map(|section| (section.heading.as_str(), section.level))
            .collect();
        // "Trade" follows a list item with no blank line between, so it is text.
        assert_eq!(headings, [("", 1), ("History", 2), ("Early period", 3)]);
        assert!(block_texts(&document, BlockKind::Paragraph).contains(&"Trade"));
    }

    #[test]
    fn keeps_captions_and_list_items() {
        let document = read_text(ARTICLE);
        assert_eq!(
            block_texts(&document, BlockKind::Caption),
            ["The harbour of Atlantis in 1905"]
        );
        assert_eq!(
            block_texts(&document, BlockKind::ListItem),
            ["A bulleted point."]
        );
    }

    #[test]
    fn takes_markers_out_without_leaving_spaces() {
        let document = read_text(ARTICLE);
        let first = document.slice(document.blocks[0].span);
        assert_eq!(
            first,
            "Atlantis and Lemuria opened relations on 3 March 1901. Both sank later."
        );
        let early = block_texts(&document, BlockKind::Paragraph)[1];
        assert_eq!(
            early,
            "The first envoy arrived in 1902, and a treaty followed. It lapsed."
        );
        let labels: Vec<(&str, Option<u32>)> = document
            .markers
            .iter()
            .map(|marker| (marker.label.as_str(), marker.reference))
            .collect();
        assert_eq!(
            labels,
            [
                ("1", Some(1)),
                ("2", Some(2)),
                ("3", Some(3)),
                ("4", Some(4)),
                ("a", None),
                ("citation needed", None),
                ("2", Some(2)),
                ("5", Some(5)),
            ]
        );
        // Markers sit where the text they close ends.
        let at = |marker: &Marker| &document.text[..marker.at];
        assert!(at(&document.markers[0]).ends_with("1901."));
        assert!(at(&document.markers[2]).ends_with("later."));
        assert!(at(&document.markers[3]).ends_with("1902"));
    }

    #[test]
    fn reads_the_numbered_reference_list() {
        let document = read_text(ARTICLE);
        let references: Vec<(u32, &str)> = document
            .references
            .iter()
            .map(|reference| match &reference.body {
                ReferenceBody::Rendered { text, .. } => (reference.n, text.as_str()),
                ReferenceBody::Template { name, .. } => (reference.n, name.as_str()),
            })
            .collect();
        assert_eq!(references.len(), 5);
        assert_eq!(
            references[0],
            (
                1,
                "^ a b \"First envoy\". The Atlantis Times. 1902. Retrieved 1 May 2020."
            )
        );
        assert_eq!(
            references[1].1,
            "Smith, J. (1950). A History of Sunken Lands. Mu Press. pp. 1–20.\
             {{cite book}}: CS1 maint: location missing publisher (link)"
        );
        let first = &document.references[0];
        assert!(ARTICLE[first.source.start..first.source.end].starts_with("^ a b"));
        assert!(
            document.diagnostics.is_empty(),
            "{:?}",
            document.diagnostics
        );
    }

    #[test]
    fn source_map_points_at_the_source_characters() {
        let document = read_text(ARTICLE);
        for block in &document.blocks {
            let clean = document.slice(block.span);
            for (offset, ch) in clean.char_indices().filter(|&(_, ch)| ch != ' ') {
                let source = document.source_map.to_source(block.span.start + offset);
                assert!(
                    ARTICLE
                        .get(source..)
                        .is_some_and(|rest| rest.starts_with(ch)),
                    "{ch:?} at {offset} of {clean:?}"
                );
            }
        }
    }

    #[test]
    fn marker_shapes() {
        assert_eq!(marker_reference("12"), Some(Some(12)));
        assert_eq!(marker_reference("a"), Some(None));
        assert_eq!(marker_reference("note 3"), Some(None));
        assert_eq!(marker_reference("citation needed"), Some(None));
        assert_eq!(marker_reference("when?"), Some(None));
        assert_eq!(marker_reference("sic"), None);
        assert_eq!(marker_reference("0"), None);
        assert_eq!(marker_reference("The"), None);
        assert_eq!(marker_reference("1234567"), None);
    }

    #[test]
    fn glued_markers_and_brackets_that_are_text() {
        let document = read_text("T\n\nA word [1]next to [sic] it [2].\n");
        assert_eq!(document.text, "A word next to [sic] it.");
        assert_eq!(document.markers.len(), 2);
    }

    #[test]
    fn odd_input_never_panics() {
        for input in [
            "",
            "\n\n\n",
            "Title only",
            "T\n\n[",
            "T\n\n[1",
            "T\n\nx [1]",
            "T\n\nReferences\n\n  1.",
            "T\r\n\r\nLine one. [2]\r\n\r\nReferences\r\n\r\n  2. Late.\r\n",
            "T\n\nFlag of X.svg",
            "T\n\nImage.jpg",
            "\u{feff}Ünïcödé\n\n日本語の文。[1]\n",
            "T\n\n]]][[[ [] [ 1] [１]",
        ] {
            let document = read_text(input);
            assert!(document.markers.iter().all(|m| m.at <= document.text.len()));
        }
        assert_eq!(read_text("").diagnostics.len(), 1);
        let out_of_order = read_text("T\n\nLine one. [2]\r\n\r\nReferences\r\n\r\n  2. Late.\r\n");
        assert_eq!(out_of_order.references.len(), 1);
        assert_eq!(out_of_order.diagnostics.len(), 1);
        let dangling = read_text("T\n\nLine one. [7]\n");
        assert_eq!(dangling.diagnostics.len(), 1);
    }

    fn headings(document: &Document) -> Vec<(&str, u8)> {
        document
            .sections
            .iter()
            .skip(1)
            .map(|section| (section.heading.as_str(), section.level))
            .collect()
    }

    fn lists(document: &Document) -> Vec<(&str, Vec<&str>)> {
        document
            .structure
            .lists
            .iter()
            .map(|list| (list.heading.as_str(), document.items(list)))
            .collect()
    }

    #[test]
    fn numbered_section_titles_packed_against_their_text_are_headings() {
        let document = read_text(
            "Ruritania-Japan Relations\n\n\
             1. Diplomatic Relations\n\
             Relations were opened in 1921.\n\
             They were never broken.\n\n\
             2. Bilateral Agreements\n\
             1. Agreement on Trade (1950)\n\
             2. Protocol on Air Services (1961)\n\
             3. Exchange of Notes on Grant Aid (1977)\n\
             3. VIP Visits\n\
             The King came in 1990.\n\n\
             4. Cultural Exchanges\n\n\
             Students travel both ways.\n",
        );
        assert_eq!(
            headings(&document),
            [
                ("Diplomatic Relations", 2),
                ("Bilateral Agreements", 2),
                ("VIP Visits", 2),
                ("Cultural Exchanges", 2)
            ]
        );
        assert_eq!(
            lists(&document),
            [(
                "Bilateral Agreements",
                vec![
                    "Agreement on Trade (1950)",
                    "Protocol on Air Services (1961)",
                    "Exchange of Notes on Grant Aid (1977)"
                ]
            )]
        );
    }

    #[test]
    fn a_title_after_a_blank_line_below_a_run_is_a_heading() {
        let document = read_text(
            "T\n\nSigned:\n1. Treaty of Commerce (1901)\n2. Treaty of Navigation (1903)\n\n\
             3. Culture and Education\nSchools teach both languages.\n",
        );
        assert_eq!(headings(&document), [("Culture and Education", 2)]);
    }

    #[test]
    fn runs_of_numbered_items_stay_items() {
        for (page, items) in [
            // Titles in a run; the last is followed by prose.
            (
                "T\n\nProse first.\n1. Treaty of Friendship\n2. Protocol on Air Services\nMore prose.\n",
                vec!["Treaty of Friendship", "Protocol on Air Services"],
            ),
            // After a line that introduces them.
            (
                "T\n\nThe agreements are:\n1. Treaty of Friendship\nMore prose.\n",
                vec!["Treaty of Friendship"],
            ),
            // A run with blank lines between its items.
            (
                "T\n\nProse first.\n\n1. Treaty of Friendship\n\n2. Protocol on Air Services\n\nMore prose.\n",
                vec!["Treaty of Friendship", "Protocol on Air Services"],
            ),
        ] {
            let document = read_text(page);
            assert!(headings(&document).is_empty(), "{page}");
            let listed: Vec<&str> = lists(&document)
                .into_iter()
                .flat_map(|(_, items)| items)
                .collect();
            assert_eq!(listed, items, "{page}");
        }
    }

    #[test]
    fn bracketed_titles_over_rows_are_sub_headings() {
        let document = read_text(
            "Ruritania-Japan Relations\n\n\
             3. VIP Visits\n\
             (1) From Japan to Ruritania\n\
             2000  Prime Minister A (official visit)\n\
             2016  Prime Minister B (summit)\n\
             (2) From Ruritania to Japan\n\
             2012  President C (state visit)\n\n\
             Cultural ties\n\n\
             b) Visits of Students\n\
             2019  A choir from the capital\n",
        );
        assert_eq!(
            headings(&document),
            [
                ("VIP Visits", 2),
                ("From Japan to Ruritania", 3),
                ("From Ruritania to Japan", 3),
                ("Cultural ties", 2),
                ("Visits of Students", 3)
            ]
        );
        assert_eq!(
            lists(&document),
            [
                (
                    "From Japan to Ruritania",
                    vec![
                        "2000 Prime Minister A (official visit)",
                        "2016 Prime Minister B (summit)"
                    ]
                ),
                (
                    "From Ruritania to Japan",
                    vec!["2012 President C (state visit)"]
                ),
                ("Visits of Students", vec!["2019 A choir from the capital"]),
            ]
        );
        // Standing alone, under no numbered heading.
        let document =
            read_text("T\n\nProse.\n\n(a) Visits to Japan\n\n2001  Envoy D\n2003  Envoy E\n");
        assert_eq!(headings(&document), [("Visits to Japan", 2)]);
    }

    #[test]
    fn bracketed_sentences_and_runs_are_no_headings() {
        for page in [
            "T\n\n(1) The two sides agreed to expand trade.\nThey met again.\n",
            "T\n\nProse.\n(a) Treaty of Friendship\n(b) Treaty of Commerce\nMore prose.\n",
        ] {
            assert!(headings(&read_text(page)).is_empty(), "{page}");
        }
    }

    /// A table as its heading and its rows, each a header flag and the cells' text.
    type TableText<'a> = (&'a str, Vec<(bool, Vec<&'a str>)>);

    fn tables(document: &Document) -> Vec<TableText<'_>> {
        document
            .structure
            .tables
            .iter()
            .map(|table| {
                let rows = table
                    .rows
                    .iter()
                    .map(|row| (row.header, document.cells(row)))
                    .collect();
                (table.heading.as_str(), rows)
            })
            .collect()
    }

    #[test]
    fn rows_with_bars_between_their_cells_are_tables() {
        let document = read_text(
            "Ruritania-Japan Relations\n\n\
             (1) From Japan to Ruritania\n\
             Year | Name\n\
             2000 January | Prime Minister A (official visit)\n\
             2016 September | Prime Minister B (summit)\n\n\
             Signed texts\n\n\
             | Date | Text |\n\
             |------|:-----|\n\
             | 1999 | Treaty of Friendship |\n\n\
             | 2004 |  |\n",
        );
        assert_eq!(
            tables(&document),
            [
                (
                    "From Japan to Ruritania",
                    vec![
                        (true, vec!["Year", "Name"]),
                        (
                            false,
                            vec!["2000 January", "Prime Minister A (official visit)"]
                        ),
                        (false, vec!["2016 September", "Prime Minister B (summit)"]),
                    ]
                ),
                (
                    "Signed texts",
                    vec![
                        (true, vec!["Date", "Text"]),
                        (false, vec!["1999", "Treaty of Friendship"]),
                        (false, vec!["2004", ""]),
                    ]
                ),
            ]
        );
        let row = document.structure.tables[0].rows[1].block;
        let row = document.table_row(row).expect("a row");
        assert_eq!(document.column_heading(row, 1), Some("Name"));
        assert!(!document.text.contains("---"));
    }

    #[test]
    fn a_bar_in_prose_makes_no_table() {
        for page in [
            "T\n\nTrade grew steadily | exports of cars led the way, officials said.\n",
            "T\n\nTrade | aid\nGrants | loans | credits\n",
        ] {
            let document = read_text(page);
            assert!(document.structure.tables.is_empty(), "{page}");
            assert!(document.text.contains(" | "), "{page}");
        }
    }

    #[test]
    fn bulleted_labels_head_what_is_nested_under_them() {
        let document = read_text(
            "Political Relations\n\n\
             The two states opened relations in 1990.\n\n\
             \x20 • Diplomatic Relations\n\n\
             \x20   Embassies opened in 1991.\n\n\
             \x20 • Mutual High-Level Visits\n\n\
             \x20   ◦ From Ruritania:\n\n\
             \x20     - 1991 – President of Ruritania (state visit)\n\n\
             \x20     - 1999 – Prime Minister of Ruritania (official visit)\n\n\
             \x20   ◦ From Japan:\n\
             \x20     - 2006 – Prime Minister of Japan (official visit)\n\
             \x20 • Cultural Exchanges\n\
             \x20   ▪ Scholarships\n\
             \x20     * 2010 – Ten students\n",
        );
        assert_eq!(
            headings(&document),
            [
                ("Diplomatic Relations", 2),
                ("Mutual High-Level Visits", 2),
                ("Cultural Exchanges", 2),
                ("Scholarships", 3)
            ]
        );
        assert_eq!(
            lists(&document),
            [
                (
                    "From Ruritania",
                    vec![
                        "1991 – President of Ruritania (state visit)",
                        "1999 – Prime Minister of Ruritania (official visit)"
                    ]
                ),
                (
                    "From Japan",
                    vec!["2006 – Prime Minister of Japan (official visit)"]
                ),
                ("Scholarships", vec!["2010 – Ten students"]),
            ]
        );
        // Flush left, a change of bullet nests the list.
        let document =
            read_text("T\n\nProse.\n• From Japan:\n- 2001 – Envoy A\n- 2003 – Envoy B\n");
        assert_eq!(
            lists(&document),
            [("From Japan", vec!["2001 – Envoy A", "2003 – Envoy B"])]
        );
    }

    #[test]
    fn bullets_without_nested_lines_stay_items() {
        for (page, items) in [
            // Siblings.
            (
                "T\n\nProse.\n  • Diplomatic Relations\n  • Trade and Aid\n",
                vec!["Diplomatic Relations", "Trade and Aid"],
            ),
            // A sentence over nested lines.
            (
                "T\n\nProse.\n• Relations were opened in 1990.\n   - Embassies followed\n",
                vec!["Relations were opened in 1990.", "Embassies followed"],
            ),
            // The label's own text wrapped onto an indented line.
            (
                "T\n\nProse.\n• Agreement on Trade and\n   economic cooperation (1995)\n",
                vec!["Agreement on Trade and"],
            ),
        ] {
            let document = read_text(page);
            assert!(headings(&document).is_empty(), "{page}");
            let listed: Vec<&str> = lists(&document)
                .into_iter()
                .flat_map(|(_, items)| items)
                .collect();
            assert_eq!(listed, items, "{page}");
        }
    }

    #[test]
    fn breadcrumb_trails_are_no_text_on_a_page_of_any_shape() {
        let document = read_text(
            "Home > Countries > Laos\n\nJapan-Laos Relations\n\n\
             Bilateral Relations > Political Relations\n\
             The two states met in 1955.\n\nExports > imports in 2019\n",
        );
        assert_eq!(document.title, "Japan-Laos Relations");
        assert_eq!(
            document.text,
            "The two states met in 1955.\n\nExports > imports in 2019"
        );
        assert_eq!(document.sections.len(), 1);
    }

    #[test]
    fn a_given_title_keeps_the_first_line_as_body() {
        let body = "Chile and Norway established relations in 1920.\n\nTrade grew.\n";
        let document = read_text_with_title(body, Some("Chile–Norway relations"));
        assert_eq!(document.title, "Chile–Norway relations");
        assert_eq!(document.blocks.len(), 2);
        assert!(document.text.starts_with("Chile and Norway established"));
        let repeated = format!("Chile–Norway relations\n\n{body}");
        let document = read_text_with_title(&repeated, Some("Chile–Norway relations"));
        assert_eq!(document.blocks.len(), 2);
        assert_eq!(
            read_text(body).title,
            "Chile and Norway established relations in 1920."
        );
    }
}
