//! The `<page>` elements of a MediaWiki XML export: title, namespace, id, redirect target and
//! the text of the last revision. Text is only decoded for pages the selection picks, since
//! most pages of a dump are passed over.

use memchr::memmem;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::select::Selection;

/// A selected article: its title, page id and wikitext, entities decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DumpPage {
    pub title: String,
    pub id: u64,
    pub text: String,
}

/// A selected redirect: `from` is another name of the article titled `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    pub from: String,
    pub to: String,
}

/// What a dump yields, in dump order: a selected article with what the caller's analysis made
/// of it, or a selected redirect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DumpItem<T = ()> {
    Page(DumpPage, T),
    Alias(Alias),
}

/// Malformed XML, or a page without the fields every export has.
#[derive(Debug, thiserror::Error)]
#[error("bad XML at byte {position} of the XML text: {message}")]
pub struct XmlError {
    /// Counted from the start of the piece's text (a stream's, a block of plain XML, or the
    /// text joined across two pieces).
    pub position: u64,
    pub message: String,
}

/// The selected pages in XML text holding whole `<page>` elements (the text between them is
/// passed over, so a whole export or any run of its pages will do).
pub fn pages<'x>(xml: &'x [u8], selection: &'x Selection) -> Pages<'x> {
    Pages {
        parser: PageParser::new(xml, selection),
        failed: false,
    }
}

/// The iterator of [`pages`]; it ends after the first error.
pub struct Pages<'x> {
    parser: PageParser<'x>,
    failed: bool,
}

impl Pages<'_> {
    /// Pages read so far, selected or not, in every namespace.
    pub fn seen(&self) -> u64 {
        self.parser.seen
    }
}

impl Iterator for Pages<'_> {
    type Item = Result<DumpItem, XmlError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            match self.parser.next_page() {
                Ok(Some(Outcome::Passed)) => {}
                Ok(Some(Outcome::Page(page))) => return Some(Ok(DumpItem::Page(page, ()))),
                Ok(Some(Outcome::Alias(alias))) => return Some(Ok(DumpItem::Alias(alias))),
                Ok(None) => return None,
                Err(error) => {
                    self.failed = true;
                    return Some(Err(error));
                }
            }
        }
    }
}

/// What one `<page>` came to.
pub(crate) enum Outcome {
    /// Not selected, not in namespace 0, or an unselected redirect.
    Passed,
    Page(DumpPage),
    Alias(Alias),
}

/// The page-level elements whose text is kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Namespace,
    Id,
    Text,
}

/// One page as it is read.
#[derive(Default)]
struct PageFields {
    title: String,
    namespace: String,
    id: String,
    redirect: Option<String>,
    text: String,
}

impl PageFields {
    fn field(&mut self, field: Field) -> &mut String {
        match field {
            Field::Title => &mut self.title,
            Field::Namespace => &mut self.namespace,
            Field::Id => &mut self.id,
            Field::Text => &mut self.text,
        }
    }
}

const PAGE_START: &[u8] = b"<page>";
const PAGE_END: &[u8] = b"</page>";
/// Where a page's head (title, namespace, id, redirect) ends.
const REVISION_START: &[u8] = b"<revision";

/// Reads `<page>` elements one at a time from XML text. A page is found by its tags (escaped
/// text cannot hold a literal `<page>` or `</page>`), and only its head is parsed unless the
/// selection picks it, since most pages of a dump are passed over.
pub(crate) struct PageParser<'x> {
    xml: &'x [u8],
    /// Where to look for the next page.
    next: usize,
    selection: &'x Selection,
    /// Pages read so far, in every namespace.
    pub seen: u64,
}

impl<'x> PageParser<'x> {
    pub fn new(xml: &'x [u8], selection: &'x Selection) -> Self {
        PageParser {
            xml,
            next: 0,
            selection,
            seen: 0,
        }
    }

    /// The next page, or None at the end of the text.
    pub fn next_page(&mut self) -> Result<Option<Outcome>, XmlError> {
        let rest = self.xml.get(self.next..).unwrap_or_default();
        let Some(found) = memmem::find(rest, PAGE_START) else {
            self.next = self.xml.len();
            return Ok(None);
        };
        let start = self.next + found;
        let from_start = self.xml.get(start..).unwrap_or_default();
        let Some(end) = memmem::find(from_start, PAGE_END) else {
            self.next = self.xml.len();
            return Err(XmlError::at(start, "the text ends inside a page"));
        };
        let page = from_start.get(..end + PAGE_END.len()).unwrap_or_default();
        self.next = start + page.len();
        self.seen += 1;
        let head = memmem::find(page, REVISION_START)
            .and_then(|at| page.get(..at))
            .unwrap_or(page);
        let mut fields = read_fields(head, start, false)?;
        if fields.namespace.trim().is_empty() {
            let title = fields.title.trim();
            return Err(XmlError::at(start, format!("page {title:?} has no <ns>")));
        }
        if fields.namespace.trim() != "0" || !self.selection.picks(fields.title.trim()) {
            return Ok(Some(Outcome::Passed));
        }
        let title = fields.title.trim().to_owned();
        if let Some(target) = fields.redirect.take() {
            return Ok(Some(Outcome::Alias(Alias {
                from: title,
                to: target,
            })));
        }
        let id = fields
            .id
            .trim()
            .parse()
            .map_err(|_| XmlError::at(start, format!("page {title:?} has no numeric <id>")))?;
        let text = read_fields(page, start, true)?.text;
        Ok(Some(Outcome::Page(DumpPage { title, id, text })))
    }
}

impl XmlError {
    fn at(position: usize, message: impl Into<String>) -> Self {
        XmlError {
            position: u64::try_from(position).unwrap_or(u64::MAX),
            message: message.into(),
        }
    }
}

/// Reads the fields of one page from its XML, which starts at `offset` of the parsed text:
/// the head only (which ends without closing the page), or the whole page with the text of
/// its last revision.
fn read_fields(xml: &[u8], offset: usize, whole: bool) -> Result<PageFields, XmlError> {
    let text = std::str::from_utf8(xml)
        .map_err(|error| XmlError::at(offset + error.valid_up_to(), "the text is not UTF-8"))?;
    let mut reader = Reader::from_str(text);
    let position = |at: u64| offset + usize::try_from(at).unwrap_or(usize::MAX);
    let mut page = PageFields::default();
    // Elements open below <page>: 1 for <title>, <revision>…, 2 for <revision><text>.
    let mut depth = 0_usize;
    let mut in_page = false;
    let mut in_revision = false;
    let mut field = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| XmlError::at(position(reader.error_position()), error.to_string()))?;
        let redirect_target = |start: &BytesStart<'_>| {
            redirect_target(start)
                .map_err(|message| XmlError::at(position(reader.buffer_position()), message))
        };
        match event {
            Event::Start(start) if !in_page => in_page = start.name().as_ref() == "page",
            Event::Start(start) => {
                depth += 1;
                field = None;
                match (depth, start.name().as_ref()) {
                    (1, "title") => field = Some(Field::Title),
                    (1, "ns") => field = Some(Field::Namespace),
                    (1, "id") => field = Some(Field::Id),
                    (1, "redirect") => page.redirect = Some(redirect_target(&start)?),
                    (1, "revision") => in_revision = true,
                    (2, "text") if in_revision && whole => {
                        // A later revision replaces an earlier one's text.
                        page.text.clear();
                        field = Some(Field::Text);
                    }
                    _ => {}
                }
            }
            Event::Empty(start) => match (depth + 1, start.name().as_ref()) {
                (1, "redirect") => page.redirect = Some(redirect_target(&start)?),
                (2, "text") if in_revision => page.text.clear(),
                _ => {}
            },
            Event::End(_) if depth == 0 => return Ok(page),
            Event::End(_) => {
                if depth == 1 {
                    in_revision = false;
                }
                depth -= 1;
                field = None;
            }
            Event::Text(text) => {
                if let Some(field) = field {
                    page.field(field).push_str(&text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some(field) = field {
                    page.field(field).push_str(&data.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(field) = field {
                    push_reference(page.field(field), &reference);
                }
            }
            Event::Eof if whole => {
                let at = position(reader.buffer_position());
                return Err(XmlError::at(at, "the text ends inside a page"));
            }
            Event::Eof => return Ok(page),
            _ => {}
        }
    }
}

/// The `title` attribute of `<redirect title="…"/>`.
fn redirect_target(start: &BytesStart<'_>) -> Result<String, String> {
    let attribute = start
        .try_get_attribute("title")
        .map_err(|error| error.to_string())?;
    match attribute {
        Some(attribute) => attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|value| value.into_owned())
            .map_err(|error| error.to_string()),
        None => Ok(String::new()),
    }
}

/// Appends what `&name;` or `&#number;` stands for; an unknown name is kept as written.
fn push_reference(out: &mut String, reference: &BytesRef<'_>) {
    let name: &str = reference;
    if let Some(text) = quick_xml::escape::resolve_predefined_entity(name) {
        out.push_str(text);
    } else if let Ok(Some(character)) = reference.resolve_char_ref() {
        out.push(character);
    } else {
        out.push('&');
        out.push_str(name);
        out.push(';');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, ns: u32, id: u64, inner: &str) -> String {
        format!("<page>\n<title>{title}</title>\n<ns>{ns}</ns>\n<id>{id}</id>\n{inner}</page>\n")
    }

    fn revision(text: &str) -> String {
        format!(
            "<revision><id>9{0}</id><contributor><id>5</id></contributor>\
             <text bytes=\"{0}\" xml:space=\"preserve\">{text}</text></revision>\n",
            text.len()
        )
    }

    fn read(xml: &str, selection: &Selection) -> Vec<DumpItem> {
        pages(xml.as_bytes(), selection)
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn selected_articles_come_with_decoded_text() {
        let xml = page(
            "Chile–Japan relations",
            0,
            12,
            &revision("Ties grew.&lt;ref&gt;A &amp; B, &quot;Envoys&quot;&lt;/ref&gt; &#8364;5"),
        );
        let items = read(&xml, &Selection::dyads());
        assert_eq!(
            items,
            [DumpItem::Page(
                DumpPage {
                    title: "Chile–Japan relations".into(),
                    id: 12,
                    text: "Ties grew.<ref>A & B, \"Envoys\"</ref> €5".into(),
                },
                ()
            )]
        );
    }

    #[test]
    fn other_titles_and_namespaces_are_passed_over_but_counted() {
        let xml = [
            page("Glass harmonica", 0, 1, &revision("An instrument.")),
            page("Talk:Chile–Japan relations", 1, 2, &revision("Talk.")),
            page("Chile–Japan relations", 1, 3, &revision("Odd namespace.")),
        ]
        .concat();
        let selection = Selection::dyads();
        let mut iterator = pages(xml.as_bytes(), &selection);
        assert!(iterator.next().is_none());
        assert_eq!(iterator.seen(), 3);
    }

    #[test]
    fn selected_redirects_become_aliases() {
        let redirect = "<redirect title=\"Chile–Japan relations\" />\n";
        let xml = [
            page(
                "Japan–Chile relations",
                0,
                4,
                &format!(
                    "{redirect}{}",
                    revision("#REDIRECT [[Chile–Japan relations]]")
                ),
            ),
            page(
                "Glass harmonium",
                0,
                5,
                "<redirect title=\"Glass harmonica\"/><revision><text>#REDIRECT</text></revision>",
            ),
        ]
        .concat();
        assert_eq!(
            read(&xml, &Selection::dyads()),
            [DumpItem::Alias(Alias {
                from: "Japan–Chile relations".into(),
                to: "Chile–Japan relations".into()
            })]
        );
    }

    #[test]
    fn the_last_revision_wins_and_titles_decode_entities() {
        let xml = page(
            "Fish &amp; chips",
            0,
            6,
            &[revision("old"), revision("new &lt;b&gt;")].concat(),
        );
        let items = read(&xml, &Selection::all());
        let [DumpItem::Page(page, ())] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert_eq!(page.title, "Fish & chips");
        assert_eq!(page.text, "new <b>");
    }

    #[test]
    fn an_empty_text_element_gives_an_empty_text() {
        let xml = page("Blank", 0, 7, "<revision><text bytes=\"0\" /></revision>");
        let items = read(&xml, &Selection::all());
        assert!(matches!(&items[..], [DumpItem::Page(page, ())] if page.text.is_empty()));
    }

    #[test]
    fn text_between_pages_is_passed_over() {
        let xml = format!(
            "<mediawiki><siteinfo><sitename>W</sitename></siteinfo>{}</mediawiki>",
            page("Blank", 0, 7, &revision("x"))
        );
        assert_eq!(read(&xml, &Selection::all()).len(), 1);
    }

    #[test]
    fn broken_pages_are_errors_not_panics() {
        let selection = Selection::all();
        for xml in [
            "<page><title>A</title><ns>0</ns><id>1</id><revision><text>x",
            "<page><title>A</title><ns>0</ns><id>1</id></title></page>",
            "<page><title>A</title><id>1</id></page>",
            "<page><title>A</title><ns>0</ns><id>one</id></page>",
            "<page><title>A</title><ns>0</ns><redirect title=\"&bad\"/></page>",
        ] {
            let results: Vec<_> = pages(xml.as_bytes(), &selection).collect();
            assert!(matches!(results.last(), Some(Err(_))), "{xml}: {results:?}");
        }
    }

    #[test]
    fn unknown_entities_are_kept_as_written() {
        let xml = page("A", 0, 1, &revision("a &nbsp; b"));
        let items = read(&xml, &Selection::all());
        assert!(matches!(&items[..], [DumpItem::Page(page, ())] if page.text == "a &nbsp; b"));
    }
}
