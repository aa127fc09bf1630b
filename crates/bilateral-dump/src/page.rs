//! The `<page>` elements of a MediaWiki XML export: title, namespace, id, redirect target and
//! the text of the last revision. Text is only decoded for pages the selection picks, since
//! most pages of a dump are passed over.

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
#[error("bad XML at byte {position} of the decompressed text: {message}")]
pub struct XmlError {
    /// Counted from the start of the parsed piece (a stream's text, or a block of plain XML).
    pub position: u64,
    pub message: String,
}

/// The selected pages in XML text holding whole `<page>` elements (the text between them is
/// passed over, so a whole export or any run of its pages will do).
pub fn pages<'x>(xml: &'x str, selection: &'x Selection) -> Pages<'x> {
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
    /// Whether the selection picks the title, asked once and only for namespace 0.
    picked: Option<bool>,
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

    fn in_main_namespace(&self) -> bool {
        self.namespace.trim() == "0"
    }

    fn picked(&mut self, selection: &Selection) -> bool {
        let title = self.title.trim();
        *self.picked.get_or_insert_with(|| selection.picks(title))
    }

    /// Title, namespace and redirect come before the text in the export schema, so whether
    /// the text is wanted is known when it starts.
    fn wants_text(&mut self, selection: &Selection) -> bool {
        self.in_main_namespace() && self.redirect.is_none() && self.picked(selection)
    }
}

/// Reads `<page>` elements one at a time from XML text.
pub(crate) struct PageParser<'x> {
    reader: Reader<&'x [u8]>,
    selection: &'x Selection,
    /// Pages read so far, in every namespace.
    pub seen: u64,
}

impl<'x> PageParser<'x> {
    pub fn new(xml: &'x str, selection: &'x Selection) -> Self {
        PageParser {
            reader: Reader::from_str(xml),
            selection,
            seen: 0,
        }
    }

    /// The next page, or None at the end of the text.
    pub fn next_page(&mut self) -> Result<Option<Outcome>, XmlError> {
        loop {
            match self.event()? {
                Event::Start(start) if start.name().as_ref() == "page" => {
                    self.seen += 1;
                    return self.read_page().map(Some);
                }
                Event::Eof => return Ok(None),
                _ => {}
            }
        }
    }

    fn event(&mut self) -> Result<Event<'x>, XmlError> {
        self.reader.read_event().map_err(|error| XmlError {
            position: self.reader.error_position(),
            message: error.to_string(),
        })
    }

    fn error(&self, message: String) -> XmlError {
        XmlError {
            position: self.reader.buffer_position(),
            message,
        }
    }

    /// Reads up to the `</page>` matching the `<page>` just read.
    fn read_page(&mut self) -> Result<Outcome, XmlError> {
        let mut page = PageFields::default();
        // Elements open below <page>: 1 for <title>, <revision>…, 2 for <revision><text>.
        let mut depth = 0_usize;
        let mut in_revision = false;
        let mut field = None;
        loop {
            match self.event()? {
                Event::Start(start) => {
                    depth += 1;
                    field = None;
                    match (depth, start.name().as_ref()) {
                        (1, "title") => field = Some(Field::Title),
                        (1, "ns") => field = Some(Field::Namespace),
                        (1, "id") => field = Some(Field::Id),
                        (1, "redirect") => page.redirect = Some(self.redirect_target(&start)?),
                        (1, "revision") => in_revision = true,
                        (2, "text") if in_revision && page.wants_text(self.selection) => {
                            // A later revision replaces an earlier one's text.
                            page.text.clear();
                            field = Some(Field::Text);
                        }
                        _ => {}
                    }
                }
                Event::Empty(start) => match (depth + 1, start.name().as_ref()) {
                    (1, "redirect") => page.redirect = Some(self.redirect_target(&start)?),
                    (2, "text") if in_revision => page.text.clear(),
                    _ => {}
                },
                Event::End(_) => {
                    if depth == 0 {
                        return self.finish(page);
                    }
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
                Event::Eof => return Err(self.error("the text ends inside a page".into())),
                _ => {}
            }
        }
    }

    fn redirect_target(&self, start: &BytesStart<'_>) -> Result<String, XmlError> {
        let attribute = start
            .try_get_attribute("title")
            .map_err(|error| self.error(error.to_string()))?;
        match attribute {
            Some(attribute) => attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|value| value.into_owned())
                .map_err(|error| self.error(error.to_string())),
            None => Ok(String::new()),
        }
    }

    fn finish(&self, mut page: PageFields) -> Result<Outcome, XmlError> {
        if page.namespace.trim().is_empty() {
            return Err(self.error(format!("page {:?} has no <ns>", page.title.trim())));
        }
        if !page.in_main_namespace() || !page.picked(self.selection) {
            return Ok(Outcome::Passed);
        }
        let title = page.title.trim().to_owned();
        if let Some(target) = page.redirect {
            return Ok(Outcome::Alias(Alias {
                from: title,
                to: target,
            }));
        }
        let id = page
            .id
            .trim()
            .parse()
            .map_err(|_| self.error(format!("page {title:?} has no numeric <id>")))?;
        Ok(Outcome::Page(DumpPage {
            title,
            id,
            text: page.text,
        }))
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
        pages(xml, selection).collect::<Result<_, _>>().unwrap()
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
        let mut iterator = pages(&xml, &selection);
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
            let results: Vec<_> = pages(xml, &selection).collect();
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
