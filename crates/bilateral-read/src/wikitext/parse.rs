//! Wikitext into a tree of inline nodes (text, templates, links, external links, references),
//! every node keeping its byte span in the source.
//!
//! One pass over the bytes with an explicit stack of open brackets, in the manner of
//! MediaWiki's preprocessor. Nodes go into one flat arena; an open bracket leaves a placeholder
//! there, and closing it drains what followed into the new node. An unclosed bracket therefore
//! costs nothing to undo: its placeholder and separators already are literal text. With the
//! nesting capped and the searches for closing tags memoised, any input, however malformed,
//! is read in time linear in its length.

use bilateral_model::Span;

/// How deeply templates, links and tag contents may nest; deeper openers are read as text.
pub(super) const MAX_DEPTH: usize = 64;

/// How many problems one article reports before it stops counting them.
const MAX_DIAGNOSTICS: usize = 100;

/// The longest tag (`<ref name="…" group="…">`) we look for a closing `>` in.
const MAX_TAG_BYTES: usize = 1024;

/// A piece of parsed wikitext.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Node {
    /// Source text, still holding its character references (`&nbsp;`).
    Text(Span),
    /// A line break outside any bracket.
    Newline(usize),
    /// `<br>` or a block-level HTML tag: read as a space.
    Break(usize),
    /// A run of two or more apostrophes: italic or bold markup.
    Apostrophes(Span),
    // The larger variants are boxed so that the many text nodes stay small.
    Template(Box<Template>),
    Link(Box<Link>),
    ExtLink(Box<ExtLink>),
    Ref(Box<RefTag>),
    /// `<references>…</references>`, holding list-defined references.
    References(Box<TagContent>),
    /// `<gallery>…</gallery>`: one `File:x.jpg|caption` per line.
    Gallery(Box<TagContent>),
}

impl Node {
    pub(super) fn span(&self) -> Span {
        match self {
            Node::Text(span) | Node::Apostrophes(span) => *span,
            Node::Newline(at) | Node::Break(at) => Span::new(*at, at + 1),
            Node::Template(template) => template.span,
            Node::Link(link) => link.span,
            Node::ExtLink(link) => link.span,
            Node::Ref(tag) => tag.span,
            Node::References(tag) | Node::Gallery(tag) => tag.span,
        }
    }
}

/// `{{name|param|key=value}}`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Template {
    pub span: Span,
    pub name: Vec<Node>,
    pub params: Vec<Param>,
}

/// One parameter of a template: `key=value`, or a positional value.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Param {
    pub key: Option<Vec<Node>>,
    pub value: Vec<Node>,
}

/// `[[target|label]]`; `parts[0]` is the target.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Link {
    pub span: Span,
    pub parts: Vec<Vec<Node>>,
}

/// `[http://example.org label]`: the URL and the label, as written.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ExtLink {
    pub span: Span,
    pub content: Vec<Node>,
}

/// The content of a tag read as wikitext: `<references>`, `<gallery>`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct TagContent {
    pub span: Span,
    pub content: Vec<Node>,
}

/// `<ref name="a" group="note">content</ref>` or `<ref name="a"/>`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RefTag {
    pub span: Span,
    pub name: Option<String>,
    pub group: Option<String>,
    pub content: Option<Vec<Node>>,
}

/// The parse of a whole article.
pub(super) struct Parsed {
    pub nodes: Vec<Node>,
    /// Problems found, as (source offset, message).
    pub diagnostics: Vec<(usize, String)>,
}

pub(super) fn parse(source: &str) -> Parsed {
    let mut parser = Parser {
        source,
        bytes: source.as_bytes(),
        diagnostics: Vec::new(),
        closings: Vec::new(),
    };
    let nodes = parser.parse_region(0, source.len(), 0);
    Parsed {
        nodes,
        diagnostics: parser.diagnostics,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FrameKind {
    Template,
    Link,
    ExtLink,
}

impl FrameKind {
    fn opener(self) -> &'static str {
        match self {
            FrameKind::Template => "{{",
            FrameKind::Link => "[[",
            FrameKind::ExtLink => "[",
        }
    }
}

/// An open bracket: its placeholder's index in the arena and the separators found so far.
struct Frame {
    kind: FrameKind,
    slot: usize,
    /// Arena indices of `|` separators (and, for templates, `=` splitting a parameter).
    separators: Vec<(usize, Separator)>,
    part_has_equals: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    Pipe,
    Equals,
}

/// The nodes of one region (the article, or a tag's content) being built.
struct Tree {
    arena: Vec<Node>,
    frames: Vec<Frame>,
    /// Text may be merged into the last node only at or after this index, so placeholders and
    /// separators stay whole.
    merge_floor: usize,
    /// The nesting depth of the region itself.
    base_depth: usize,
}

impl Tree {
    fn depth(&self) -> usize {
        self.base_depth + self.frames.len()
    }

    fn top(&self) -> Option<FrameKind> {
        self.frames.last().map(|frame| frame.kind)
    }

    fn push_text(&mut self, span: Span) {
        if span.is_empty() {
            return;
        }
        let mergeable = self.arena.len() > self.merge_floor;
        if mergeable
            && let Some(Node::Text(last)) = self.arena.last_mut()
            && last.end == span.start
        {
            last.end = span.end;
            return;
        }
        self.arena.push(Node::Text(span));
    }

    fn push_node(&mut self, node: Node) {
        self.arena.push(node);
    }

    /// Pushes a node that later text must not merge into.
    fn push_fixed(&mut self, span: Span) -> usize {
        self.arena.push(Node::Text(span));
        self.merge_floor = self.arena.len();
        self.arena.len() - 1
    }

    fn open(&mut self, kind: FrameKind, at: usize) {
        let slot = self.push_fixed(Span::new(at, at + kind.opener().len()));
        self.frames.push(Frame {
            kind,
            slot,
            separators: Vec::new(),
            part_has_equals: false,
        });
    }

    fn separate(&mut self, at: usize, separator: Separator) {
        let index = self.push_fixed(Span::new(at, at + 1));
        if let Some(frame) = self.frames.last_mut() {
            frame.separators.push((index, separator));
            frame.part_has_equals = separator == Separator::Equals;
        }
    }

    /// Whether `=` here splits a template parameter into key and value.
    fn splits_parameter(&self) -> bool {
        self.frames.last().is_some_and(|frame| {
            frame.kind == FrameKind::Template
                && !frame.separators.is_empty()
                && !frame.part_has_equals
        })
    }

    /// The stack index of the innermost open frame of `kind`.
    fn innermost(&self, kind: FrameKind) -> Option<usize> {
        self.frames.iter().rposition(|frame| frame.kind == kind)
    }

    /// Closes the frame at `index` with its closer ending at `end`; frames opened inside it
    /// stay literal text.
    fn close(&mut self, index: usize, end: usize) {
        self.frames.truncate(index + 1);
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let start = self
            .arena
            .get(frame.slot)
            .map_or(end, |node| node.span().start);
        let span = Span::new(start, end);
        let parts = split_parts(self.arena.split_off(frame.slot + 1), &frame);
        let node = match frame.kind {
            FrameKind::Template => {
                let mut parts = parts.into_iter();
                let name = parts.next().map(|part| part.value).unwrap_or_default();
                Node::Template(Box::new(Template {
                    span,
                    name,
                    params: parts.collect(),
                }))
            }
            FrameKind::Link => Node::Link(Box::new(Link {
                span,
                parts: parts.into_iter().map(|part| part.value).collect(),
            })),
            FrameKind::ExtLink => Node::ExtLink(Box::new(ExtLink {
                span,
                content: parts.into_iter().flat_map(|part| part.value).collect(),
            })),
        };
        if let Some(slot) = self.arena.get_mut(frame.slot) {
            *slot = node;
        }
        self.merge_floor = self.arena.len();
    }

    /// Gives up on all open frames: what they hold stays as literal text.
    fn finish(mut self) -> Vec<Node> {
        self.frames.clear();
        self.arena
    }
}

/// Splits the nodes after a frame's placeholder at its separators.
fn split_parts(items: Vec<Node>, frame: &Frame) -> Vec<Param> {
    let first = frame.slot + 1;
    let mut separators = frame.separators.iter().peekable();
    let mut parts = vec![Param {
        key: None,
        value: Vec::new(),
    }];
    for (offset, node) in items.into_iter().enumerate() {
        let index = first + offset;
        if let Some(&&(at, separator)) = separators.peek()
            && at == index
        {
            separators.next();
            match separator {
                Separator::Pipe => parts.push(Param {
                    key: None,
                    value: Vec::new(),
                }),
                Separator::Equals => {
                    if let Some(part) = parts.last_mut() {
                        part.key = Some(std::mem::take(&mut part.value));
                    }
                }
            }
            continue;
        }
        if let Some(part) = parts.last_mut() {
            part.value.push(node);
        }
    }
    parts
}

/// What the byte at a position starts.
enum Token {
    OpenTemplate,
    CloseTemplate(usize),
    OpenLink,
    CloseLink(usize),
    OpenExtLink,
    CloseExtLink(usize),
    Separator(Separator),
    Apostrophes(usize),
    Newline,
    /// A comment, or a magic word like `__NOTOC__`: skipped up to the given offset, with text
    /// kept up to the first.
    Skip {
        keep_until: usize,
        resume: usize,
    },
    Tag(Tag),
}

/// An HTML or extension tag, as written.
struct Tag {
    name: &'static str,
    kind: TagKind,
    closing: bool,
    self_closing: bool,
    attributes: Span,
    end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Ref,
    References,
    /// `<nowiki>`, `<pre>`: content kept as literal text.
    Literal,
    Gallery,
    /// `<poem>`: content read as wikitext in place.
    Transparent,
    /// `<math>`, `<score>`…: dropped with their content.
    Dropped,
    /// `<br>`, `<div>`, `<p>`…: a space.
    Break,
    /// `<span>`, `<small>`, `<sup>`…: the tag is dropped, its content kept.
    Inline,
}

const TAGS: &[(&str, TagKind)] = &[
    ("ref", TagKind::Ref),
    ("references", TagKind::References),
    ("nowiki", TagKind::Literal),
    ("pre", TagKind::Literal),
    ("gallery", TagKind::Gallery),
    ("poem", TagKind::Transparent),
    ("math", TagKind::Dropped),
    ("chem", TagKind::Dropped),
    ("ce", TagKind::Dropped),
    ("score", TagKind::Dropped),
    ("timeline", TagKind::Dropped),
    ("graph", TagKind::Dropped),
    ("templatedata", TagKind::Dropped),
    ("templatestyles", TagKind::Dropped),
    ("syntaxhighlight", TagKind::Dropped),
    ("source", TagKind::Dropped),
    ("mapframe", TagKind::Dropped),
    ("maplink", TagKind::Dropped),
    ("hiero", TagKind::Dropped),
    ("imagemap", TagKind::Dropped),
    ("inputbox", TagKind::Dropped),
    ("categorytree", TagKind::Dropped),
    ("indicator", TagKind::Dropped),
    ("section", TagKind::Dropped),
    ("br", TagKind::Break),
    ("hr", TagKind::Break),
    ("p", TagKind::Break),
    ("div", TagKind::Break),
    ("blockquote", TagKind::Break),
    ("center", TagKind::Break),
    ("ul", TagKind::Break),
    ("ol", TagKind::Break),
    ("li", TagKind::Break),
    ("dl", TagKind::Break),
    ("dt", TagKind::Break),
    ("dd", TagKind::Break),
    ("table", TagKind::Break),
    ("tr", TagKind::Break),
    ("td", TagKind::Break),
    ("th", TagKind::Break),
    ("caption", TagKind::Break),
    ("h1", TagKind::Break),
    ("h2", TagKind::Break),
    ("h3", TagKind::Break),
    ("h4", TagKind::Break),
    ("h5", TagKind::Break),
    ("h6", TagKind::Break),
    ("span", TagKind::Inline),
    ("small", TagKind::Inline),
    ("big", TagKind::Inline),
    ("sup", TagKind::Inline),
    ("sub", TagKind::Inline),
    ("b", TagKind::Inline),
    ("i", TagKind::Inline),
    ("u", TagKind::Inline),
    ("s", TagKind::Inline),
    ("del", TagKind::Inline),
    ("ins", TagKind::Inline),
    ("em", TagKind::Inline),
    ("strong", TagKind::Inline),
    ("font", TagKind::Inline),
    ("abbr", TagKind::Inline),
    ("cite", TagKind::Inline),
    ("code", TagKind::Inline),
    ("q", TagKind::Inline),
    ("tt", TagKind::Inline),
    ("var", TagKind::Inline),
    ("kbd", TagKind::Inline),
    ("samp", TagKind::Inline),
    ("dfn", TagKind::Inline),
    ("bdi", TagKind::Inline),
    ("bdo", TagKind::Inline),
    ("mark", TagKind::Inline),
    ("time", TagKind::Inline),
    ("data", TagKind::Inline),
    ("wbr", TagKind::Inline),
    ("ruby", TagKind::Inline),
    ("rb", TagKind::Inline),
    ("rt", TagKind::Inline),
    ("rp", TagKind::Inline),
    ("strike", TagKind::Inline),
    ("onlyinclude", TagKind::Inline),
    ("includeonly", TagKind::Dropped),
    ("noinclude", TagKind::Inline),
];

/// Magic words rendered as nothing.
const BEHAVIOUR_SWITCHES: &[&str] = &[
    "NOTOC",
    "FORCETOC",
    "TOC",
    "NOEDITSECTION",
    "NEWSECTIONLINK",
    "NONEWSECTIONLINK",
    "NOGALLERY",
    "HIDDENCAT",
    "EXPECTUNUSEDCATEGORY",
    "NOCONTENTCONVERT",
    "NOCC",
    "NOTITLECONVERT",
    "NOTC",
    "INDEX",
    "NOINDEX",
    "STATICREDIRECT",
    "DISAMBIG",
];

/// URL schemes that open an external link after `[`.
const URL_SCHEMES: &[&str] = &[
    "http://",
    "https://",
    "//",
    "ftp://",
    "ftps://",
    "sftp://",
    "mailto:",
    "news:",
    "irc://",
    "ircs://",
    "git://",
    "svn://",
    "telnet://",
    "ssh://",
    "urn:",
    "magnet:",
    "tel:",
    "sip:",
    "xmpp:",
    "geo:",
];

/// Bytes that may start markup; everything else is plain text.
fn is_special(byte: u8) -> bool {
    matches!(
        byte,
        b'{' | b'}' | b'[' | b']' | b'|' | b'=' | b'<' | b'\'' | b'\n' | b'_'
    )
}

/// The last search for a closing tag, reused while later searches start before what it found.
struct ClosingSearch {
    tag: &'static str,
    from: usize,
    /// The closing tag's start and end, or `None` when there is none after `from`.
    found: Option<(usize, usize)>,
}

struct Parser<'s> {
    source: &'s str,
    bytes: &'s [u8],
    diagnostics: Vec<(usize, String)>,
    closings: Vec<ClosingSearch>,
}

impl Parser<'_> {
    fn diagnostic(&mut self, at: usize, message: impl Into<String>) {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagnostics.push((at, message.into()));
        } else if self.diagnostics.len() == MAX_DIAGNOSTICS {
            self.diagnostics
                .push((at, "further problems not reported".to_owned()));
        }
    }

    fn parse_region(&mut self, start: usize, end: usize, base_depth: usize) -> Vec<Node> {
        let mut tree = Tree {
            arena: Vec::new(),
            frames: Vec::new(),
            merge_floor: 0,
            base_depth,
        };
        let mut at = start;
        let mut text_from = start;
        while at < end {
            let byte = self.bytes.get(at).copied().unwrap_or(0);
            if !is_special(byte) {
                at += 1;
                continue;
            }
            let Some(token) = self.token(&tree, at, end) else {
                at += 1;
                continue;
            };
            let keep_until = match &token {
                Token::Skip { keep_until, .. } => *keep_until,
                _ => at,
            };
            tree.push_text(Span::new(text_from, keep_until.max(text_from)));
            at = self.apply(&mut tree, token, at, end);
            text_from = at;
        }
        tree.push_text(Span::new(text_from.min(end), end));
        if let Some(frame) = tree.frames.first() {
            let open_at = tree
                .arena
                .get(frame.slot)
                .map_or(start, |node| node.span().start);
            let opener = frame.kind.opener();
            self.diagnostic(open_at, format!("unclosed {opener} read as text"));
        }
        tree.finish()
    }

    fn byte(&self, at: usize, end: usize) -> u8 {
        if at < end {
            self.bytes.get(at).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// Classifies the special byte at `at`, or `None` when it is plain text here.
    fn token(&mut self, tree: &Tree, at: usize, end: usize) -> Option<Token> {
        let byte = self.byte(at, end);
        let next = self.byte(at + 1, end);
        let room = tree.depth() < MAX_DEPTH;
        match byte {
            b'{' if next == b'{' => {
                if !room {
                    self.diagnostic(at, "templates nested too deeply; read as text");
                }
                room.then_some(Token::OpenTemplate)
            }
            b'}' if next == b'}' => match tree.innermost(FrameKind::Template) {
                Some(index) => Some(Token::CloseTemplate(index)),
                None => {
                    self.diagnostic(at, "stray }} read as text");
                    None
                }
            },
            b']' if tree.top() == Some(FrameKind::ExtLink) => {
                Some(Token::CloseExtLink(tree.frames.len() - 1))
            }
            b']' if next == b']' => tree.innermost(FrameKind::Link).map(Token::CloseLink),
            b'[' if next == b'[' => {
                if !room {
                    self.diagnostic(at, "links nested too deeply; read as text");
                }
                room.then_some(Token::OpenLink)
            }
            b'[' => (room
                && tree.innermost(FrameKind::ExtLink).is_none()
                && self.starts_url(at + 1, end))
            .then_some(Token::OpenExtLink),
            b'|' => matches!(tree.top(), Some(FrameKind::Template | FrameKind::Link))
                .then_some(Token::Separator(Separator::Pipe)),
            b'=' => tree
                .splits_parameter()
                .then_some(Token::Separator(Separator::Equals)),
            b'\'' => {
                let run = self.bytes[at..end]
                    .iter()
                    .take_while(|&&b| b == b'\'')
                    .count();
                (run >= 2).then_some(Token::Apostrophes(run))
            }
            b'\n' => Some(Token::Newline),
            b'_' if next == b'_' => self.behaviour_switch(at, end),
            b'<' => self.angle(at, end),
            _ => None,
        }
    }

    fn starts_url(&self, at: usize, end: usize) -> bool {
        let rest = &self.bytes[at.min(end)..end];
        URL_SCHEMES.iter().any(|scheme| {
            rest.len() > scheme.len()
                && rest[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
                && !rest[scheme.len()].is_ascii_whitespace()
        })
    }

    fn behaviour_switch(&self, at: usize, end: usize) -> Option<Token> {
        let rest = &self.bytes[at + 2..end];
        let name_len = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let name = self.source.get(at + 2..at + 2 + name_len)?;
        let closed = rest.get(name_len..name_len + 2) == Some(b"__".as_slice());
        (closed && BEHAVIOUR_SWITCHES.contains(&name)).then_some(Token::Skip {
            keep_until: at,
            resume: at + 4 + name_len,
        })
    }

    /// A comment or a tag at `<`.
    fn angle(&mut self, at: usize, end: usize) -> Option<Token> {
        let rest = &self.bytes[at..end];
        if rest.starts_with(b"<!--") {
            return Some(self.comment(at, end));
        }
        self.tag(at, end).map(Token::Tag)
    }

    /// A comment runs to `-->` or to the end. One alone on its line takes the line with it,
    /// so it does not split a paragraph.
    fn comment(&mut self, at: usize, end: usize) -> Token {
        let close = self
            .source
            .get(at + 4..end)
            .and_then(|rest| rest.find("-->"))
            .map(|offset| at + 4 + offset + 3);
        let Some(after) = close else {
            self.diagnostic(at, "unclosed comment runs to the end");
            return Token::Skip {
                keep_until: at,
                resume: end,
            };
        };
        let blank = |b: &u8| *b == b' ' || *b == b'\t';
        let line_start = at
            - self.bytes[..at]
                .iter()
                .rev()
                .take_while(|b| blank(b))
                .count();
        let starts_line = line_start == 0 || self.bytes.get(line_start - 1) == Some(&b'\n');
        let trailing = self.bytes[after..end]
            .iter()
            .take_while(|b| blank(b))
            .count();
        let ends_line = self.bytes.get(after + trailing) == Some(&b'\n') && after + trailing < end;
        if starts_line && ends_line {
            Token::Skip {
                keep_until: line_start,
                resume: after + trailing + 1,
            }
        } else {
            Token::Skip {
                keep_until: at,
                resume: after,
            }
        }
    }

    fn tag(&mut self, at: usize, end: usize) -> Option<Tag> {
        let limit = end.min(at + MAX_TAG_BYTES);
        let mut cursor = at + 1;
        let closing = self.byte(cursor, limit) == b'/';
        if closing {
            cursor += 1;
        }
        let name_start = cursor;
        if !self.byte(cursor, limit).is_ascii_alphabetic() {
            return None;
        }
        while self.byte(cursor, limit).is_ascii_alphanumeric() {
            cursor += 1;
        }
        let written = self.source.get(name_start..cursor)?;
        let &(name, kind) = TAGS
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(written))?;
        let after_name = self.byte(cursor, limit);
        if !(after_name.is_ascii_whitespace() || after_name == b'/' || after_name == b'>') {
            return None;
        }
        let close = self.bytes[cursor..limit]
            .iter()
            .position(|&b| b == b'>' || b == b'<')
            .map(|offset| cursor + offset)
            .filter(|&gt| self.bytes.get(gt) == Some(&b'>'))?;
        let self_closing = self.bytes.get(close - 1) == Some(&b'/') && close > cursor;
        let attributes_end = if self_closing { close - 1 } else { close };
        Some(Tag {
            name,
            kind,
            closing,
            self_closing,
            attributes: Span::new(cursor, attributes_end.max(cursor)),
            end: close + 1,
        })
    }

    /// The first `</tag>` at or after `from` and ending by `end`: its start and end.
    fn find_closing(
        &mut self,
        tag: &'static str,
        from: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let memo = self.closings.iter().find(|search| search.tag == tag);
        let known = memo.and_then(|search| match search.found {
            _ if search.from > from => None,
            None => Some(None),
            Some(found) if found.0 >= from => Some(Some(found)),
            Some(_) => None,
        });
        let found = match known {
            Some(found) => found,
            None => {
                let found = self.search_closing(tag, from);
                match self.closings.iter_mut().find(|search| search.tag == tag) {
                    Some(search) => {
                        search.from = from;
                        search.found = found;
                    }
                    None => self.closings.push(ClosingSearch { tag, from, found }),
                }
                found
            }
        };
        found.filter(|&(_, close_end)| close_end <= end)
    }

    fn search_closing(&self, tag: &str, from: usize) -> Option<(usize, usize)> {
        let mut cursor = from;
        while let Some(offset) = self.source.get(cursor..)?.find("</") {
            let start = cursor + offset;
            let name_end = start + 2 + tag.len();
            let matches_name = self
                .bytes
                .get(start + 2..name_end)
                .is_some_and(|name| name.eq_ignore_ascii_case(tag.as_bytes()));
            if matches_name {
                let spaces = self.bytes[name_end..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                if self.bytes.get(name_end + spaces) == Some(&b'>') {
                    return Some((start, name_end + spaces + 1));
                }
            }
            cursor = start + 2;
        }
        None
    }

    /// Applies a token at `at`; returns where scanning resumes.
    fn apply(&mut self, tree: &mut Tree, token: Token, at: usize, end: usize) -> usize {
        match token {
            Token::OpenTemplate => {
                tree.open(FrameKind::Template, at);
                at + 2
            }
            Token::OpenLink => {
                tree.open(FrameKind::Link, at);
                at + 2
            }
            Token::OpenExtLink => {
                tree.open(FrameKind::ExtLink, at);
                at + 1
            }
            Token::CloseTemplate(index) | Token::CloseLink(index) => {
                if index + 1 < tree.frames.len() {
                    self.diagnostic(at, "bracket closed over an unclosed one");
                }
                tree.close(index, at + 2);
                at + 2
            }
            Token::CloseExtLink(index) => {
                tree.close(index, at + 1);
                at + 1
            }
            Token::Separator(separator) => {
                tree.separate(at, separator);
                at + 1
            }
            Token::Apostrophes(run) => {
                tree.push_node(Node::Apostrophes(Span::new(at, at + run)));
                at + run
            }
            Token::Newline => {
                if tree.top() == Some(FrameKind::ExtLink) {
                    tree.frames.pop();
                }
                tree.push_node(Node::Newline(at));
                at + 1
            }
            Token::Skip { resume, .. } => resume,
            Token::Tag(tag) => self.apply_tag(tree, tag, at, end),
        }
    }

    fn apply_tag(&mut self, tree: &mut Tree, tag: Tag, at: usize, end: usize) -> usize {
        if tag.closing {
            match tag.kind {
                TagKind::Break => tree.push_node(Node::Break(at)),
                TagKind::Inline => {}
                _ => self.diagnostic(at, format!("stray </{}> dropped", tag.name)),
            }
            return tag.end;
        }
        match tag.kind {
            TagKind::Break => {
                tree.push_node(Node::Break(at));
                return tag.end;
            }
            TagKind::Inline => return tag.end,
            _ => {}
        }
        let (content, resume) = if tag.self_closing {
            (None, tag.end)
        } else {
            match self.find_closing(tag.name, tag.end, end) {
                Some((close_start, close_end)) => {
                    (Some(Span::new(tag.end, close_start)), close_end)
                }
                None => {
                    self.diagnostic(at, format!("unclosed <{}> dropped", tag.name));
                    return tag.end;
                }
            }
        };
        let span = Span::new(at, resume);
        let depth = tree.depth() + 1;
        let parse_content = |parser: &mut Self| match content {
            Some(content) if depth < MAX_DEPTH => {
                parser.parse_region(content.start, content.end, depth)
            }
            Some(_) => {
                parser.diagnostic(at, format!("<{}> nested too deeply; dropped", tag.name));
                Vec::new()
            }
            None => Vec::new(),
        };
        match tag.kind {
            TagKind::Ref => {
                let (name, group) = self.ref_attributes(tag.attributes);
                let content = content.is_some().then(|| parse_content(self));
                tree.push_node(Node::Ref(Box::new(RefTag {
                    span,
                    name,
                    group,
                    content,
                })));
            }
            TagKind::References => {
                let content = parse_content(self);
                tree.push_node(Node::References(Box::new(TagContent { span, content })));
            }
            TagKind::Gallery => {
                let content = parse_content(self);
                tree.push_node(Node::Gallery(Box::new(TagContent { span, content })));
            }
            TagKind::Transparent => {
                for node in parse_content(self) {
                    tree.push_node(node);
                }
                tree.merge_floor = tree.arena.len();
            }
            TagKind::Literal => {
                if let Some(content) = content {
                    tree.push_fixed(content);
                }
            }
            TagKind::Dropped | TagKind::Break | TagKind::Inline => {}
        }
        resume
    }

    /// The `name` and `group` attributes of a `<ref>`.
    fn ref_attributes(&self, attributes: Span) -> (Option<String>, Option<String>) {
        let text = self
            .source
            .get(attributes.start..attributes.end)
            .unwrap_or("");
        let mut name = None;
        let mut group = None;
        for (key, value) in attribute_pairs(text) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if key.eq_ignore_ascii_case("name") {
                name = Some(value.to_owned());
            } else if key.eq_ignore_ascii_case("group") {
                group = Some(value.to_owned());
            }
        }
        (name, group)
    }
}

/// `key="value" key='value' key=value` pairs of an HTML tag's attributes.
fn attribute_pairs(text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        let key_len = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        if key_len == 0 {
            return pairs;
        }
        let (key, after_key) = rest.split_at(key_len);
        let after_key = after_key.trim_start();
        let Some(value_part) = after_key.strip_prefix('=') else {
            rest = after_key;
            continue;
        };
        let value_part = value_part.trim_start();
        let (value, after) = match value_part.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &value_part[1..];
                match inner.find(quote) {
                    Some(close) => (&inner[..close], &inner[close + 1..]),
                    None => (inner, ""),
                }
            }
            _ => {
                let len = value_part
                    .find(char::is_whitespace)
                    .unwrap_or(value_part.len());
                value_part.split_at(len)
            }
        };
        pairs.push((key, value));
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(source: &str, nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|node| match node {
                Node::Text(span) => source[span.start..span.end].to_owned(),
                Node::Newline(_) => "\n".to_owned(),
                Node::Template(_) => "<T>".to_owned(),
                Node::Link(_) => "<L>".to_owned(),
                Node::ExtLink(_) => "<X>".to_owned(),
                Node::Ref(_) => "<R>".to_owned(),
                Node::Apostrophes(_) => "<A>".to_owned(),
                Node::Break(_) => "<B>".to_owned(),
                Node::References(_) => "<RS>".to_owned(),
                Node::Gallery(_) => "<G>".to_owned(),
            })
            .collect()
    }

    #[test]
    fn templates_split_into_name_and_parameters() {
        let source = "a {{lang|xx|text=b [[c|d]]}} e";
        let parsed = parse(source);
        assert_eq!(text_of(source, &parsed.nodes), "a <T> e");
        let Some(Node::Template(template)) = parsed.nodes.get(1) else {
            panic!("no template: {:?}", parsed.nodes);
        };
        assert_eq!(template.span, Span::new(2, 28));
        assert_eq!(text_of(source, &template.name), "lang");
        assert_eq!(template.params.len(), 2);
        assert!(template.params[0].key.is_none());
        assert_eq!(text_of(source, &template.params[0].value), "xx");
        let key = template.params[1].key.as_deref().unwrap_or_default();
        assert_eq!(text_of(source, key), "text");
        assert_eq!(text_of(source, &template.params[1].value), "b <L>");
    }

    #[test]
    fn only_the_first_equals_splits_a_parameter() {
        let source = "{{x|url=http://a?b=c|=d}}";
        let parsed = parse(source);
        let Some(Node::Template(template)) = parsed.nodes.first() else {
            panic!("no template");
        };
        assert_eq!(text_of(source, &template.params[0].value), "http://a?b=c");
        let key = template.params[1].key.as_deref().unwrap_or_default();
        assert_eq!(text_of(source, key), "");
        assert_eq!(text_of(source, &template.params[1].value), "d");
    }

    #[test]
    fn unclosed_and_stray_brackets_stay_text() {
        let source = "a {{b|c [[d e}} f }} g [[h";
        let parsed = parse(source);
        // `}}` closes the template over the unclosed link; the second `}}` is stray.
        assert_eq!(text_of(source, &parsed.nodes), "a <T> f }} g [[h");
        assert!(parsed.diagnostics.len() >= 2);
    }

    #[test]
    fn tags_comments_and_refs() {
        let source = "a<!-- x -->b<ref name=\"n\">c {{d}}</ref><ref name=n/>\
                      <nowiki>{{e}}</nowiki><br/><math>x</math><span>f</span>__NOTOC__";
        let parsed = parse(source);
        assert_eq!(text_of(source, &parsed.nodes), "ab<R><R>{{e}}<B>f");
        let refs: Vec<&RefTag> = parsed
            .nodes
            .iter()
            .filter_map(|node| match node {
                Node::Ref(tag) => Some(&**tag),
                _ => None,
            })
            .collect();
        assert_eq!(refs[0].name.as_deref(), Some("n"));
        assert_eq!(
            text_of(source, refs[0].content.as_deref().unwrap_or_default()),
            "c <T>"
        );
        assert!(refs[1].content.is_none());
    }

    #[test]
    fn a_comment_alone_on_its_line_takes_the_line() {
        let source = "a\n<!-- note -->\nb";
        assert_eq!(text_of(source, &parse(source).nodes), "a\nb");
    }

    #[test]
    fn external_links_end_at_the_line() {
        let source = "[http://x.org y] [http://z no\n[notalink]";
        let parsed = parse(source);
        assert_eq!(
            text_of(source, &parsed.nodes),
            "<X> [http://z no\n[notalink]"
        );
    }

    #[test]
    fn ref_attributes_in_all_quotings() {
        assert_eq!(
            attribute_pairs(r#"name="a b" group=note x='y'"#),
            vec![("name", "a b"), ("group", "note"), ("x", "y")]
        );
    }

    #[test]
    fn pathological_nesting_is_linear_and_safe() {
        let source = "{{".repeat(300_000) + &"[[".repeat(100_000) + &"<ref>".repeat(1000);
        let started = std::time::Instant::now();
        let parsed = parse(&source);
        assert!(!parsed.nodes.is_empty());
        assert!(started.elapsed().as_secs_f64() < 2.0);
    }
}
