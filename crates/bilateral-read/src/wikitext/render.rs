//! Parsed wikitext into the document: lines become headings, paragraphs, list items, table
//! rows and captions; inline nodes become the text a reader sees, each piece anchored at its
//! source offset; references are numbered as they are met and built into raw references at
//! the end.
//!
//! One walker serves three purposes, told apart by [`Out`]: writing the body, collecting
//! plain text (template parameters, headings, reference bodies), and walking text we do not
//! show (back matter, dropped templates) only to number the references inside it.

use std::collections::HashMap;

use bilateral_model::fnv::BuildFnv;
use bilateral_model::{
    BlockKind, Document, Format, RawReference, ReferenceBody, Span, fold_whitespace,
};

use super::entities::{self, Decoded};
use super::is_back_matter;
use super::parse::{ExtLink, Link, Node, Parsed, Template};
use super::references::{Content, Registry, Use};
use super::templates::{self, Action, Args, Which};
use crate::DocumentBuilder;

pub(super) fn render(source: &str, parsed: &Parsed, title: Option<&str>) -> Document {
    let mut renderer = Renderer {
        source,
        builder: DocumentBuilder::new(title.unwrap_or(""), Format::Wikitext),
        references: Registry::default(),
        table: TableState::default(),
        back_matter: None,
        infobox_name: None,
        diagnostics: Vec::new(),
        plain_cache: HashMap::default(),
    };
    let lead_title = match title {
        Some(_) => None,
        None => renderer.lead_bold_term(&parsed.nodes),
    };
    renderer.blocks(&parsed.nodes);
    if title.is_none() {
        let infobox_title = renderer
            .infobox_name
            .as_ref()
            .map(|name| format!("{name} relations"));
        let title = lead_title
            .filter(|term| looks_like_relations(term))
            .or(infobox_title)
            .unwrap_or_default();
        renderer.builder.set_title(&title);
    }
    for (at, message) in &parsed.diagnostics {
        renderer.builder.diagnostic(*at, message.clone());
    }
    renderer.finish()
}

/// Whether a bold lead term names a relationship: "Chile–China relations".
fn looks_like_relations(term: &str) -> bool {
    term.to_lowercase().ends_with("relations") && term.contains(['–', '—', '-'])
}

/// Where rendered text goes.
enum Out<'o> {
    /// Into the document body, with citation markers.
    Body,
    /// Nowhere: the walk only numbers the references it meets.
    Discard,
    /// Into a string, as plain text; references are not numbered.
    Text(&'o mut String),
}

impl Out<'_> {
    /// Whether a walk in this mode numbers the references it meets.
    fn numbers_references(&self) -> bool {
        !matches!(self, Out::Text(_))
    }
}

#[derive(Default)]
struct TableState {
    /// How many `{|` are open.
    depth: usize,
    /// Whether a row block is open, and whether it has a cell yet.
    row: Option<bool>,
}

/// A line of top-level nodes: `nodes[first..end]`, covering source `from..to`.
struct Line {
    first: usize,
    end: usize,
    from: usize,
    to: usize,
}

/// How a parameter is addressed.
#[derive(PartialEq, Eq)]
enum ParamKey {
    Positional(usize),
    Named(String),
}

struct Renderer<'t> {
    source: &'t str,
    builder: DocumentBuilder,
    references: Registry<'t>,
    table: TableState,
    /// The level of the back-matter heading ("References", "See also") we are under.
    back_matter: Option<u8>,
    /// The first parameter of a bilateral-relations infobox ("Chile–China").
    infobox_name: Option<String>,
    diagnostics: Vec<(usize, String)>,
    /// Plain text of node lists already rendered, by their address: a link's target is read
    /// as text to classify it and then shown, and without this each level of nested links
    /// would render everything below it twice (exponential on `[[[[[[…`).
    plain_cache: HashMap<(usize, usize), String, BuildFnv>,
}

impl<'t> Renderer<'t> {
    // ---- blocks ---------------------------------------------------------------------------

    fn blocks(&mut self, nodes: &'t [Node]) {
        for line in lines(nodes, self.source.len()) {
            let line_nodes = nodes.get(line.first..line.end).unwrap_or_default();
            self.line(line_nodes, line.from, line.to);
        }
        self.end_table();
        self.builder.end_block();
    }

    fn line(&mut self, nodes: &'t [Node], from: usize, to: usize) {
        if let Some((level, start, end)) = self.heading_bounds(nodes, from) {
            self.heading(nodes, level, start, end);
            return;
        }
        if self.back_matter.is_some() {
            self.discard(nodes);
            return;
        }
        let lead = self.leading_text(nodes, from);
        let trimmed = lead.trim_start_matches([' ', '\t']);
        let marker_at = from + (lead.len() - trimmed.len());
        if (self.table.depth > 0 || trimmed.trim_start_matches(':').starts_with("{|"))
            && self.table_line(nodes, trimmed, marker_at, from, to)
        {
            return;
        }
        if is_blank(self.source, nodes) {
            self.builder.end_block();
        } else if let Some(rest) = lead.strip_prefix("----") {
            self.builder.end_block();
            let dashes = 4 + rest.len() - rest.trim_start_matches('-').len();
            self.paragraph_line(nodes, from + dashes, to);
        } else if lead.starts_with(['*', '#', ':', ';']) {
            self.list_item(nodes, lead, from, to);
        } else {
            self.paragraph_line(nodes, from, to);
        }
    }

    /// The text of the line's first node when the line starts with text.
    fn leading_text(&self, nodes: &[Node], from: usize) -> &'t str {
        match nodes.first() {
            Some(Node::Text(span)) if span.start == from => {
                self.source.get(span.start..span.end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// `== Heading ==`: its level and the source range of its text.
    fn heading_bounds(&self, nodes: &[Node], from: usize) -> Option<(u8, usize, usize)> {
        let first = match nodes.first() {
            Some(Node::Text(span)) if span.start == from => *span,
            _ => return None,
        };
        let Some(Node::Text(last)) = nodes.last() else {
            return None;
        };
        let first_text = self.source.get(first.start..first.end)?;
        let last_text = self
            .source
            .get(last.start..last.end)?
            .trim_end_matches([' ', '\t', '\r']);
        let opening = first_text.bytes().take_while(|&b| b == b'=').count();
        let closing = last_text.bytes().rev().take_while(|&b| b == b'=').count();
        let level = opening.min(closing).min(6);
        let start = first.start + level;
        let end = last.start + last_text.len() - level;
        (level > 0 && start < end).then_some((level as u8, start, end))
    }

    fn heading(&mut self, nodes: &'t [Node], level: u8, start: usize, end: usize) {
        self.end_table();
        self.builder.end_block();
        let text = fold_whitespace(&self.plain_clipped(nodes, start, end));
        if is_back_matter(&text) {
            self.back_matter = Some(self.back_matter.map_or(level, |outer| outer.min(level)));
        } else if self.back_matter.is_some_and(|outer| level > outer) {
            // A subsection of the back matter.
        } else {
            self.back_matter = None;
            if !text.is_empty() {
                let offset = start + self.source.get(start..end).map_or(0, leading_space);
                self.builder.heading(&text, level, offset);
            }
        }
        self.discard(nodes);
    }

    fn paragraph_line(&mut self, nodes: &'t [Node], from: usize, to: usize) {
        if self.builder.in_block() {
            self.builder.push_text(" ", from);
        } else {
            self.builder.begin_block(BlockKind::Paragraph);
        }
        self.inline_clipped(nodes, from, to, &mut Out::Body);
    }

    /// `* item`, `# item`, `: indented`, `; term : definition`.
    fn list_item(&mut self, nodes: &'t [Node], lead: &str, from: usize, to: usize) {
        self.builder.end_block();
        let markers = lead.bytes().take_while(|b| b"*#:;".contains(b)).count();
        let start = from + markers;
        let definition = lead[..markers]
            .ends_with(';')
            .then(|| self.find_in_text(nodes, start, to, b':'))
            .flatten();
        let items = match definition {
            Some(colon) => vec![(start, colon), (colon + 1, to)],
            None => vec![(start, to)],
        };
        for (item_start, item_end) in items {
            self.builder.begin_block(BlockKind::ListItem);
            self.inline_clipped(nodes, item_start, item_end, &mut Out::Body);
            self.builder.end_block();
        }
    }

    /// The source offset of the first `byte` in the line's top-level text within `from..to`.
    fn find_in_text(&self, nodes: &[Node], from: usize, to: usize, byte: u8) -> Option<usize> {
        nodes.iter().find_map(|node| {
            let Node::Text(span) = node else {
                return None;
            };
            let (start, end) = (span.start.max(from), span.end.min(to));
            let text = self.source.as_bytes().get(start..end)?;
            text.iter().position(|&b| b == byte).map(|at| start + at)
        })
    }

    // ---- tables ---------------------------------------------------------------------------

    /// Handles a line inside a table (or opening one); false when it is not table syntax.
    fn table_line(
        &mut self,
        nodes: &'t [Node],
        text: &str,
        marker_at: usize,
        from: usize,
        to: usize,
    ) -> bool {
        if text.trim_start_matches(':').starts_with("{|") {
            self.builder.end_block();
            self.end_row();
            self.table.depth += 1;
            return true;
        }
        if self.table.depth == 0 {
            return false;
        }
        if text.starts_with("|}") {
            self.end_row();
            self.table.depth -= 1;
        } else if text.starts_with("|-") {
            self.end_row();
        } else if text.starts_with("|+") {
            self.end_row();
            let start = self.cell_content_start(nodes, marker_at + 2, to);
            self.builder.begin_block(BlockKind::Caption);
            self.inline_clipped(nodes, start, to, &mut Out::Body);
            self.builder.end_block();
        } else if text.starts_with(['|', '!']) {
            let header = text.starts_with('!');
            for (cell_from, cell_to) in self.cell_bounds(nodes, marker_at + 1, to, header) {
                let start = self.cell_content_start(nodes, cell_from, cell_to);
                self.cell(nodes, start, cell_to, header);
            }
        } else if self.table.row.is_some() {
            // A cell's content continues on this line.
            let markers = text.len() - text.trim_start_matches(['*', '#', ':', ';']).len();
            self.builder.push_text(" ", from);
            self.inline_clipped(nodes, marker_at + markers, to, &mut Out::Body);
        } else {
            self.discard(nodes);
        }
        true
    }

    /// The cells of a row line, split at `||` (and `!!` in a header line).
    fn cell_bounds(
        &self,
        nodes: &[Node],
        from: usize,
        to: usize,
        header: bool,
    ) -> Vec<(usize, usize)> {
        let mut bounds = Vec::new();
        let mut start = from;
        for node in nodes {
            let Node::Text(span) = node else {
                continue;
            };
            let (text_start, text_end) = (span.start.max(from), span.end.min(to));
            let Some(text) = self.source.as_bytes().get(text_start..text_end) else {
                continue;
            };
            let mut index = 0;
            while index + 1 < text.len() {
                let byte = text[index];
                if byte == text[index + 1] && (byte == b'|' || (header && byte == b'!')) {
                    bounds.push((start, text_start + index));
                    start = text_start + index + 2;
                    index += 2;
                } else {
                    index += 1;
                }
            }
        }
        bounds.push((start, to));
        bounds
    }

    /// Where a cell's content starts: after `attributes |` when the cell has attributes.
    /// As in MediaWiki, a link before the bar means the bar is content.
    fn cell_content_start(&self, nodes: &[Node], from: usize, to: usize) -> usize {
        for node in nodes {
            let span = node.span();
            if span.end <= from || span.start >= to {
                continue;
            }
            match node {
                Node::Link(_) => return from,
                Node::Text(span) => {
                    let start = span.start.max(from);
                    let end = span.end.min(to);
                    let bar = self
                        .source
                        .as_bytes()
                        .get(start..end)
                        .and_then(|text| text.iter().position(|&b| b == b'|'));
                    if let Some(bar) = bar {
                        return start + bar + 1;
                    }
                }
                _ => {}
            }
        }
        from
    }

    /// A cell of a row; a row that opens with a header cell (`!`) is its table's header.
    fn cell(&mut self, nodes: &'t [Node], from: usize, to: usize, header: bool) {
        match self.table.row {
            None => {
                self.builder.begin_block(BlockKind::TableRow);
                if header {
                    self.builder.mark_header_row();
                }
            }
            Some(true) => self.builder.cell_break(from),
            Some(false) => {}
        }
        self.table.row = Some(true);
        self.inline_clipped(nodes, from, to, &mut Out::Body);
    }

    fn end_row(&mut self) {
        if self.table.row.take().is_some() {
            self.builder.end_block();
        }
    }

    fn end_table(&mut self) {
        self.end_row();
        self.table.depth = 0;
    }

    // ---- inline ---------------------------------------------------------------------------

    fn inline(&mut self, nodes: &'t [Node], out: &mut Out) {
        for node in nodes {
            self.node(node, out);
        }
    }

    /// Renders the nodes within source range `from..to`, cutting text nodes at its ends.
    fn inline_clipped(&mut self, nodes: &'t [Node], from: usize, to: usize, out: &mut Out) {
        for node in nodes {
            match node {
                Node::Text(span) => {
                    let (start, end) = (span.start.max(from), span.end.min(to));
                    if start < end {
                        self.emit_source(Span::new(start, end), out);
                    }
                }
                other => {
                    let start = other.span().start;
                    if from <= start && start < to {
                        self.node(other, out);
                    }
                }
            }
        }
    }

    fn plain(&mut self, nodes: &'t [Node]) -> String {
        let key = (nodes.as_ptr() as usize, nodes.len());
        if let Some(text) = self.plain_cache.get(&key) {
            return text.clone();
        }
        let mut text = String::new();
        self.inline(nodes, &mut Out::Text(&mut text));
        self.plain_cache.insert(key, text.clone());
        text
    }

    fn plain_clipped(&mut self, nodes: &'t [Node], from: usize, to: usize) -> String {
        let mut text = String::new();
        self.inline_clipped(nodes, from, to, &mut Out::Text(&mut text));
        text
    }

    /// Walks nodes we do not show, only to number the references in them.
    fn discard(&mut self, nodes: &'t [Node]) {
        self.inline(nodes, &mut Out::Discard);
    }

    fn node(&mut self, node: &'t Node, out: &mut Out) {
        match node {
            Node::Text(span) => self.emit_source(*span, out),
            Node::Newline(at) | Node::Break(at) => self.emit(out, " ", *at),
            Node::Apostrophes(span) => {
                // Four apostrophes are one shown and bold; more than five show the excess.
                let shown = match span.len() {
                    4 => 1,
                    run if run > 5 => run - 5,
                    _ => 0,
                };
                self.emit_source(Span::new(span.start, span.start + shown), out);
            }
            Node::Template(template) => self.template(template, out),
            Node::Link(link) => self.link(link, out),
            Node::ExtLink(link) => self.external_link(link, out),
            Node::Ref(tag) => {
                let content = tag.content.as_deref();
                self.cite(
                    tag.group.as_deref(),
                    tag.name.as_deref(),
                    content,
                    tag.span,
                    out,
                );
            }
            Node::References(tag) => {
                if out.numbers_references() {
                    self.define_references(&tag.content);
                }
            }
            Node::Gallery(tag) => self.gallery(&tag.content, out),
        }
    }

    fn emit(&mut self, out: &mut Out, text: &str, source_offset: usize) {
        match out {
            Out::Body => self.builder.push_text(text, source_offset),
            Out::Discard => {}
            Out::Text(buffer) => buffer.push_str(text),
        }
    }

    /// Emits source text with its character references decoded.
    fn emit_source(&mut self, span: Span, out: &mut Out) {
        if matches!(out, Out::Discard) {
            return;
        }
        let Some(raw) = self.source.get(span.start..span.end) else {
            return;
        };
        let mut piece_start = 0;
        let mut search_from = 0;
        while let Some(found) = raw.get(search_from..).and_then(|rest| rest.find('&')) {
            let ampersand = search_from + found;
            let Some((decoded, len)) = raw.get(ampersand..).and_then(entities::decode_at) else {
                search_from = ampersand + 1;
                continue;
            };
            self.emit(out, &raw[piece_start..ampersand], span.start + piece_start);
            let mut buffer = [0; 4];
            let text = match decoded {
                Decoded::Char(ch) => &*ch.encode_utf8(&mut buffer),
                Decoded::Str(text) => text,
            };
            self.emit(out, text, span.start + ampersand);
            piece_start = ampersand + len;
            search_from = piece_start;
        }
        self.emit(
            out,
            raw.get(piece_start..).unwrap_or(""),
            span.start + piece_start,
        );
    }

    // ---- links ----------------------------------------------------------------------------

    fn link(&mut self, link: &'t Link, out: &mut Out) {
        let Some((target_nodes, labels)) = link.parts.split_first() else {
            return;
        };
        let target = fold_whitespace(&self.plain(target_nodes));
        let (shown_as_link, target) = match target.strip_prefix(':') {
            Some(rest) => (true, rest.trim_start().to_owned()),
            None => (false, target),
        };
        if !shown_as_link && let Some((prefix, _)) = target.split_once(':') {
            let prefix = prefix.trim().to_lowercase();
            if prefix == "file" || prefix == "image" {
                self.file(labels, out);
                return;
            }
            if prefix == "category" || is_language_code(&prefix) {
                return;
            }
        }
        match labels {
            [] if shown_as_link => self.emit(out, &target, link.span.start),
            // As text, the target was just rendered: reuse it rather than walk it again.
            [] if matches!(out, Out::Text(_)) => {
                let text = self.plain(target_nodes);
                self.emit(out, &text, link.span.start);
            }
            [] => self.inline(target_nodes, out),
            [label] if is_blank(self.source, label) => {
                // The pipe trick: `[[Kingdom (country)|]]` shows "Kingdom".
                let shown = target.split(" (").next().unwrap_or(&target);
                let shown = shown.rsplit(':').next().unwrap_or(shown).trim().to_owned();
                self.emit(out, &shown, link.span.start);
            }
            labels => {
                for (index, label) in labels.iter().enumerate() {
                    if index > 0 {
                        self.emit(
                            out,
                            "|",
                            label.first().map_or(link.span.start, |n| n.span().start),
                        );
                    }
                    self.inline(label, out);
                }
            }
        }
    }

    /// `[[File:x.jpg|thumb|Caption]]`: the caption becomes a caption block. Images inside
    /// tables are icons; their text is left out.
    fn file(&mut self, params: &'t [Vec<Node>], out: &mut Out) {
        let caption = match params.last() {
            Some(last) if !self.is_image_option(last) => Some(last.as_slice()),
            _ => None,
        };
        match out {
            Out::Body if self.table.row.is_none() => {
                if let Some(caption) = caption {
                    self.builder.end_block();
                    self.builder.begin_block(BlockKind::Caption);
                    self.inline(caption, out);
                    self.builder.end_block();
                }
            }
            Out::Text(_) => {}
            Out::Body | Out::Discard => {
                for param in params {
                    self.discard(param);
                }
            }
        }
    }

    fn is_image_option(&mut self, nodes: &'t [Node]) -> bool {
        let text = fold_whitespace(&self.plain(nodes)).to_lowercase();
        is_image_option(&text)
    }

    /// `[http://example.org label]` shows its label; without one, nothing.
    fn external_link(&mut self, link: &'t ExtLink, out: &mut Out) {
        let label_start = link.content.iter().find_map(|node| match node {
            Node::Text(span) => self
                .source
                .get(span.start..span.end)
                .and_then(|text| text.find(char::is_whitespace))
                .map(|at| span.start + at),
            _ => None,
        });
        if let Some(start) = label_start {
            self.inline_clipped(&link.content, start, link.span.end, out);
        }
    }

    /// `<gallery>`: each line's caption is a caption block.
    fn gallery(&mut self, content: &'t [Node], out: &mut Out) {
        if !matches!(out, Out::Body) || self.table.row.is_some() {
            if out.numbers_references() {
                self.discard(content);
            }
            return;
        }
        for line in lines(content, self.source.len()) {
            let nodes = content.get(line.first..line.end).unwrap_or_default();
            let Some(bar) = self.last_bar(nodes, line.from, line.to) else {
                continue;
            };
            let caption = self.plain_clipped(nodes, bar + 1, line.to);
            if is_image_option(&fold_whitespace(&caption).to_lowercase()) {
                continue;
            }
            self.builder.end_block();
            self.builder.begin_block(BlockKind::Caption);
            self.inline_clipped(nodes, bar + 1, line.to, &mut Out::Body);
            self.builder.end_block();
        }
    }

    fn last_bar(&self, nodes: &[Node], from: usize, to: usize) -> Option<usize> {
        nodes.iter().rev().find_map(|node| {
            let Node::Text(span) = node else {
                return None;
            };
            let (start, end) = (span.start.max(from), span.end.min(to));
            let text = self.source.as_bytes().get(start..end)?;
            text.iter().rposition(|&b| b == b'|').map(|at| start + at)
        })
    }

    // ---- templates ------------------------------------------------------------------------

    fn template(&mut self, template: &'t Template, out: &mut Out) {
        let name = templates::normalise_name(&self.plain(&template.name));
        let action = match name.split_once(':') {
            Some((function, argument)) => match (function.trim(), argument.trim()) {
                ("#tag", "ref") => Action::Footnote { group: None },
                ("formatnum", number) => {
                    self.emit(out, number, template.span.start);
                    return;
                }
                _ => Action::Drop,
            },
            None => templates::action(&name),
        };
        let at = template.span.start;
        match action {
            Action::Show(which) => {
                if let Some(nodes) = self.param(template, which) {
                    self.inline(nodes, out);
                }
            }
            Action::Fixed(text) => self.emit(out, text, at),
            Action::Compose(kind) => {
                if !matches!(out, Out::Discard) {
                    let args = self.args(template);
                    self.emit(out, &templates::compose(kind, &args), at);
                }
            }
            Action::BilateralInfobox => {
                if out.numbers_references() {
                    self.bilateral_infobox(template);
                }
            }
            Action::ReferenceList => {
                if out.numbers_references()
                    && let Some(refs) = self.param(template, Which::Key("refs"))
                {
                    self.define_references(refs);
                }
            }
            Action::Footnote { group } => {
                let args = self.args(template);
                let group = args.named("group").or(group);
                let name = args.named("name");
                let content = self.param(template, Which::Positional(1));
                self.cite(group, name, content, template.span, out);
            }
            Action::NamedReferences => {
                let args = self.args(template);
                let group = args.named("group");
                for name in args
                    .positional
                    .iter()
                    .filter(|name| !name.trim().is_empty())
                {
                    self.cite(group, Some(name), None, template.span, out);
                }
            }
            Action::ShortCitation => {
                if out.numbers_references() {
                    let args = self.args(template);
                    let mut identity = name.clone();
                    for value in &args.positional {
                        identity.push('|');
                        identity.push_str(value);
                    }
                    for (key, value) in &args.named {
                        identity.push_str(&format!("|{key}={value}"));
                    }
                    let n = self.references.short(identity, template);
                    if matches!(out, Out::Body) {
                        self.builder.push_marker(&n.to_string(), Some(n));
                    }
                }
            }
            Action::Drop => {
                if out.numbers_references() {
                    for param in &template.params {
                        self.discard(&param.value);
                    }
                }
            }
        }
    }

    /// Each parameter's key: positional ones numbered in order, `1=` counting as positional.
    fn param_keys(&mut self, template: &'t Template) -> Vec<ParamKey> {
        let mut position = 0;
        let mut keys = Vec::with_capacity(template.params.len());
        for param in &template.params {
            let key = match &param.key {
                None => {
                    position += 1;
                    ParamKey::Positional(position)
                }
                Some(key) => {
                    let key = fold_whitespace(&self.plain(key));
                    match key.parse::<usize>() {
                        Ok(number) => ParamKey::Positional(number),
                        Err(_) => ParamKey::Named(key),
                    }
                }
            };
            keys.push(key);
        }
        keys
    }

    /// The nodes of one parameter; a parameter given twice takes its last value.
    fn param(&mut self, template: &'t Template, which: Which) -> Option<&'t [Node]> {
        let keys = self.param_keys(template);
        let find = |wanted: &ParamKey| {
            keys.iter()
                .zip(&template.params)
                .rev()
                .find(|(key, _)| *key == wanted)
                .map(|(_, param)| param.value.as_slice())
        };
        match which {
            Which::Positional(index) => find(&ParamKey::Positional(index)),
            Which::Named(name, index) => find(&ParamKey::Named(name.to_owned()))
                .or_else(|| find(&ParamKey::Positional(index))),
            Which::Key(name) => find(&ParamKey::Named(name.to_owned())),
            Which::Last => {
                let last = keys
                    .iter()
                    .filter_map(|key| match key {
                        ParamKey::Positional(index) => Some(*index),
                        ParamKey::Named(_) => None,
                    })
                    .max()?;
                find(&ParamKey::Positional(last))
            }
        }
    }

    /// All parameters as plain text.
    fn args(&mut self, template: &'t Template) -> Args {
        let keys = self.param_keys(template);
        let mut args = Args {
            positional: Vec::new(),
            named: Vec::new(),
        };
        for (key, param) in keys.into_iter().zip(&template.params) {
            let value = fold_whitespace(&self.plain(&param.value));
            match key {
                ParamKey::Positional(index) => {
                    if args.positional.len() < index {
                        args.positional.resize(index, String::new());
                    }
                    if let Some(slot) = index
                        .checked_sub(1)
                        .and_then(|i| args.positional.get_mut(i))
                    {
                        *slot = value;
                    }
                }
                ParamKey::Named(name) => args.named.push((name, value)),
            }
        }
        args
    }

    /// The parameters in order as (key, plain value): positional ones keyed "1", "2"….
    fn ordered_params(&mut self, template: &'t Template) -> Vec<(String, String)> {
        let keys = self.param_keys(template);
        keys.into_iter()
            .zip(&template.params)
            .map(|(key, param)| {
                let key = match key {
                    ParamKey::Positional(index) => index.to_string(),
                    ParamKey::Named(name) => name,
                };
                (key, fold_whitespace(&self.plain(&param.value)))
            })
            .collect()
    }

    /// `{{Infobox bilateral relations | Chile–China | Chile | China | …}}`.
    fn bilateral_infobox(&mut self, template: &'t Template) {
        let args = self.args(template);
        let positional = |index: usize| {
            args.positional
                .get(index)
                .map(|value| value.trim())
                .filter(|value| !value.is_empty())
        };
        for (named, index) in [("country1", 1), ("country2", 2)] {
            if let Some(country) = args.named(named).or(positional(index)) {
                self.builder.push_infobox_country(country);
            }
        }
        if let Some(name) = positional(0) {
            self.infobox_name = Some(name.to_owned());
        }
        for param in &template.params {
            self.discard(&param.value);
        }
    }

    // ---- references -----------------------------------------------------------------------

    fn cite(
        &mut self,
        group: Option<&str>,
        name: Option<&str>,
        content: Option<&'t [Node]>,
        span: Span,
        out: &mut Out,
    ) {
        if !out.numbers_references() {
            return;
        }
        match self.references.cite(group, name, content, span) {
            Use::Reference(n) => {
                if matches!(out, Out::Body) {
                    self.builder.push_marker(&n.to_string(), Some(n));
                }
            }
            Use::Note {
                label,
                first_content,
            } => {
                if matches!(out, Out::Body) {
                    self.builder.push_marker(&label, None);
                }
                if let Some(content) = first_content {
                    self.discard(content);
                }
            }
        }
    }

    /// Records the list-defined references among `nodes`.
    fn define_references(&mut self, nodes: &'t [Node]) {
        for node in nodes {
            if let Node::Ref(tag) = node
                && let (Some(name), Some(content)) = (&tag.name, &tag.content)
            {
                self.references
                    .define(tag.group.as_deref(), name, content, tag.span);
            }
        }
    }

    /// Builds the raw references and the document.
    fn finish(mut self) -> Document {
        self.references.resolve();
        let entries: Vec<(Option<String>, Span, Content<'t>)> = self
            .references
            .entries()
            .iter()
            .map(|entry| (entry.name.clone(), entry.source, entry.content))
            .collect();
        for (index, (name, source, content)) in entries.into_iter().enumerate() {
            let body = match content {
                Content::Nodes(nodes) => self.reference_body(nodes),
                Content::Short(template) => ReferenceBody::Template {
                    name: templates::normalise_name(&self.plain(&template.name)),
                    params: self.ordered_params(template),
                },
                Content::Missing => {
                    let name = name.unwrap_or_default();
                    let message = format!(
                        "Cite error: The named reference \"{name}\" was invoked but never defined"
                    );
                    self.diagnostics.push((source.start, message.clone()));
                    ReferenceBody::Rendered {
                        text: String::new(),
                        template: None,
                        messages: vec![message],
                    }
                }
            };
            self.builder.push_reference(RawReference {
                n: index as u32 + 1,
                body,
                source,
            });
        }
        for (at, message) in std::mem::take(&mut self.diagnostics) {
            self.builder.diagnostic(at, message);
        }
        self.builder.finish()
    }

    /// A reference's content: its citation template when it has one, else its text.
    fn reference_body(&mut self, nodes: &'t [Node]) -> ReferenceBody {
        for node in nodes {
            if let Node::Template(template) = node {
                let name = templates::normalise_name(&self.plain(&template.name));
                if templates::is_citation(&name) {
                    return ReferenceBody::Template {
                        name,
                        params: self.ordered_params(template),
                    };
                }
            }
        }
        ReferenceBody::Rendered {
            text: fold_whitespace(&self.plain(nodes)),
            template: None,
            messages: Vec::new(),
        }
    }

    // ---- title ----------------------------------------------------------------------------

    /// The first bold term of the lead: `'''Chile–China relations'''`.
    fn lead_bold_term(&mut self, nodes: &'t [Node]) -> Option<String> {
        let mut start = None;
        for (index, node) in nodes.iter().enumerate() {
            match node {
                Node::Newline(_) if start.is_some() => return None,
                Node::Newline(_) => {
                    let heading_follows = matches!(nodes.get(index + 1),
                        Some(Node::Text(span)) if self.source.as_bytes().get(span.start) == Some(&b'='));
                    if heading_follows {
                        return None;
                    }
                }
                Node::Apostrophes(span) if span.len() == 3 || span.len() >= 5 => match start {
                    None => start = Some(index + 1),
                    Some(first) => {
                        let term = fold_whitespace(&self.plain(nodes.get(first..index)?));
                        return (!term.is_empty()).then_some(term);
                    }
                },
                _ => {}
            }
        }
        None
    }
}

/// Splits top-level nodes into lines at their newlines.
fn lines(nodes: &[Node], source_len: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut first = 0;
    let mut line_start = 0;
    for (index, node) in nodes.iter().enumerate() {
        if let Node::Newline(at) = node {
            lines.push(line(nodes, first, index, line_start, *at));
            first = index + 1;
            line_start = at + 1;
        }
    }
    let end = nodes.last().map_or(source_len, |node| node.span().end);
    lines.push(line(nodes, first, nodes.len(), line_start, end));
    lines
}

/// A line starts at its first node: markup removed before it (a comment) does not count.
fn line(nodes: &[Node], first: usize, end: usize, line_start: usize, to: usize) -> Line {
    let from = nodes
        .get(first..end)
        .and_then(<[Node]>::first)
        .map_or(line_start, |node| node.span().start.max(line_start));
    Line {
        first,
        end,
        from,
        to: to.max(from),
    }
}

/// Whether nodes hold nothing but whitespace.
fn is_blank(source: &str, nodes: &[Node]) -> bool {
    nodes.iter().all(|node| match node {
        Node::Text(span) => source
            .get(span.start..span.end)
            .is_none_or(|text| text.trim().is_empty()),
        _ => false,
    })
}

fn leading_space(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// `de`, `fr`, `zh-yue`: an interlanguage link prefix.
fn is_language_code(prefix: &str) -> bool {
    let mut parts = prefix.split('-');
    let head_is_code = parts.next().is_some_and(|head| {
        (2..=3).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_lowercase())
    });
    head_is_code
        && parts.all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()))
        || prefix == "simple"
}

/// Whether an image parameter is an option (`thumb`, `250px`, `alt=…`) rather than a caption.
fn is_image_option(text: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "thumb",
        "thumbnail",
        "frame",
        "framed",
        "frameless",
        "border",
        "left",
        "right",
        "center",
        "centre",
        "none",
        "upright",
        "baseline",
        "middle",
        "sub",
        "super",
        "text-top",
        "text-bottom",
        "top",
        "bottom",
    ];
    const KEYS: &[&str] = &[
        "alt=",
        "link=",
        "page=",
        "class=",
        "lang=",
        "thumb=",
        "thumbnail=",
        "upright=",
        "lossy=",
        "start=",
        "end=",
        "loop=",
        "muted=",
    ];
    let is_size = text.strip_suffix("px").is_some_and(|size| {
        !size.is_empty() && size.bytes().all(|b| b.is_ascii_digit() || b == b'x')
    });
    text.is_empty()
        || is_size
        || KEYWORDS.contains(&text)
        || KEYS.iter().any(|key| text.starts_with(key))
}
