//! Rendered references: the text a reader sees (scraped, or the text of an HTML `<cite>`), in
//! the shapes Citation Style 1 prints them:
//!
//! ```text
//! Author, A. (2016). Book Title (in Lang). Place: Publisher. p. 12. ISBN 978-….
//! "Web Title" (in Lang). Work. Publisher. 1 May 2020. Archived from the original on …. Retrieved ….
//! Author, A. (2009). "Article". Journal. 12 (3): 45–67.
//! ```
//!
//! plus the CS1 messages the page shows (`{{cite web}}: CS1 maint: url-status (link)`), which
//! scraped text keeps inside the line and HTML gives apart.

use bilateral_model::{Citation, CitationKind, PartialDate, Problem, fold_whitespace};

use crate::language::first_language_code;
use crate::{kind_for_template, parse_date, parse_isbn};

/// Parses a rendered reference. `template` and `messages` are what the reader found beside
/// the text; whatever the text itself still carries of them is taken out and added.
pub(crate) fn parse(n: u32, text: &str, template: Option<&str>, messages: &[String]) -> Citation {
    let text = fold_whitespace(text);
    let (body, mut notes) = split_messages(strip_backlink(&text));
    for message in messages {
        let (before, more) = split_messages(message.trim());
        if !before.is_empty() {
            notes.messages.push(before.to_owned());
        }
        notes.messages.extend(more.messages);
        notes.template = notes.template.or(more.template);
    }
    let template = template.map(str::to_owned).or(notes.template.take());
    let (body, tags) = take_inline_tags(body);

    let mut problems: Vec<Problem> = notes
        .messages
        .iter()
        .filter_map(|message| problem_of_message(message))
        .collect();
    problems.extend(tags);
    let template_kind = template.as_deref().and_then(kind_for_template);
    let title_missing = problems.contains(&Problem::MissingTitle);
    let place_only = problems.contains(&Problem::MissingPublisher);

    let mut reading = Reading::read(&body, title_missing, template_kind);
    if reading.isbn_unreadable {
        problems.push(Problem::InvalidIsbn);
    }
    let kind = template_kind.unwrap_or_else(|| reading.inferred_kind());
    reading.assign_texts(kind, place_only);

    let mut citation = Citation::new(n, kind);
    citation.authors = reading.authors;
    citation.title = reading.title;
    citation.work = reading.work;
    citation.language = reading.language.map(str::to_owned);
    citation.publisher = reading.publisher;
    citation.place = reading.place;
    citation.date = reading.date;
    citation.pages = reading.pages;
    citation.isbn = reading.isbn;
    citation.url = reading.url;
    citation.retrieved = reading.retrieved;
    citation.archived = reading.archived;
    citation.problems = problems;
    citation
}

/// What a CS1 message tells a checker, if anything in its vocabulary.
fn problem_of_message(message: &str) -> Option<Problem> {
    let message = message.to_lowercase();
    let problem = if message.contains("maint: url-status") {
        Problem::UrlStatus
    } else if message.contains("location missing publisher") {
        Problem::MissingPublisher
    } else if message.contains("|isbn=") {
        Problem::InvalidIsbn
    } else if message.contains("missing or empty |title=") {
        Problem::MissingTitle
    } else if message.contains("missing or empty |url=") {
        Problem::MissingUrl
    } else {
        return None;
    };
    Some(problem)
}

/// Drops a leading backlink: `^ ` for a reference cited once, `^ a b c ` for one cited more
/// often (the letters run from `a` in order, so a title starting "a " is left alone).
fn strip_backlink(text: &str) -> &str {
    let Some(rest) = text.strip_prefix(['^', '↑']) else {
        return text;
    };
    let rest = rest.trim_start();
    let mut after_letters = rest;
    let mut letters = 0;
    for expected in 'a'..='z' {
        let mut chars = after_letters.chars();
        if chars.next() != Some(expected) {
            break;
        }
        match chars.next() {
            Some(' ') => after_letters = chars.as_str(),
            None => after_letters = "",
            Some(_) => break,
        }
        letters += 1;
    }
    if letters >= 2 { after_letters } else { rest }
}

/// CS1 messages taken out of a text, and the template they name.
#[derive(Default)]
struct Notes {
    template: Option<String>,
    messages: Vec<String>,
}

/// Splits `… text.{{cite web}}: CS1 maint: url-status (link)` into the text and its messages.
/// Several messages may follow one another, with or without their own template prefix; each
/// ends in `(link)` or `(help)`.
fn split_messages(text: &str) -> (&str, Notes) {
    let mut notes = Notes::default();
    let Some((start, _)) = next_prefix(text, 0) else {
        return (text.trim(), notes);
    };
    let mut at = start;
    while let Some((open, close)) = next_prefix(text, at) {
        let name = text.get(open + 2..close).unwrap_or_default();
        notes.template = notes.template.or_else(|| Some(name.trim().to_lowercase()));
        let after = close + 3;
        let end = next_prefix(text, after).map_or(text.len(), |(next, _)| next);
        split_message_run(
            text.get(after..end).unwrap_or_default(),
            &mut notes.messages,
        );
        at = end;
    }
    (text.get(..start).unwrap_or_default().trim(), notes)
}

/// The next `{{name}}:` at or after `from`, as the offsets of `{{` and of `}}`.
fn next_prefix(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    loop {
        let open = search + text.get(search..)?.find("{{")?;
        let close = open + text.get(open..)?.find("}}")?;
        let name_is_short = close - open < 48;
        if name_is_short && text.get(close + 2..)?.starts_with(':') {
            return Some((open, close));
        }
        search = open + 2;
    }
}

/// Cuts `CS1 maint: a (link) CS1 maint: b (link)` into its messages.
fn split_message_run(run: &str, messages: &mut Vec<String>) {
    let mut rest = run.trim();
    while !rest.is_empty() {
        let end = ["(link)", "(help)"]
            .iter()
            .filter_map(|close| rest.find(close).map(|at| at + close.len()))
            .min()
            .unwrap_or(rest.len());
        let (message, after) = rest.split_at(end);
        messages.push(message.trim().to_owned());
        rest = after.trim_start();
    }
}

/// Takes out the bracketed tags a page adds inline (`[permanent dead link]`, `[bare URL]`),
/// with the problems they show. A bare URL has nothing but its address, so it lacks a title.
fn take_inline_tags(text: &str) -> (String, Vec<Problem>) {
    const TAGS: &[(&str, Option<Problem>)] = &[
        ("permanent dead link", Some(Problem::UrlStatus)),
        ("dead link", Some(Problem::UrlStatus)),
        ("bare url", Some(Problem::MissingTitle)),
        ("bare url pdf", Some(Problem::MissingTitle)),
        ("failed verification", None),
        ("better source needed", None),
        ("self-published source", None),
        ("unreliable source?", None),
        ("page needed", None),
        ("full citation needed", None),
    ];
    let mut kept = String::with_capacity(text.len());
    let mut problems = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from_open) = rest.split_at(open);
        kept.push_str(before);
        let tag = from_open
            .find(']')
            .and_then(|close| Some((from_open.get(1..close)?, close)))
            .and_then(|(inner, close)| {
                let inner = inner.trim().to_lowercase();
                TAGS.iter()
                    .find(|(known, _)| *known == inner)
                    .map(|&(_, problem)| (problem, close))
            });
        match tag {
            Some((problem, close)) => {
                problems.extend(problem);
                rest = from_open.get(close + 1..).unwrap_or_default();
            }
            None => {
                kept.push('[');
                rest = from_open.get(1..).unwrap_or_default();
            }
        }
    }
    kept.push_str(rest);
    (fold_whitespace(&kept), problems)
}

/// The fields read off a rendered reference, before its loose text parts get their roles.
#[derive(Default)]
struct Reading {
    authors: Vec<String>,
    title: Option<String>,
    /// Whether the title was printed in quotes (an article, a page) or bare (a book).
    quoted: bool,
    /// Whether the reference opened with `Author (date).`.
    author_year: bool,
    work: Option<String>,
    language: Option<&'static str>,
    publisher: Option<String>,
    place: Option<String>,
    date: Option<PartialDate>,
    pages: Option<String>,
    isbn: Option<bilateral_model::Isbn>,
    isbn_unreadable: bool,
    /// Whether a `12 (3): 45–67` volume and issue was printed.
    volume: bool,
    url: Option<String>,
    retrieved: Option<PartialDate>,
    archived: Option<PartialDate>,
    /// Parts that are none of the above, in order: work, publisher, place.
    texts: Vec<String>,
}

impl Reading {
    fn read(body: &str, title_missing: bool, template_kind: Option<CitationKind>) -> Reading {
        let mut reading = Reading::default();
        let body = body.trim();
        if is_url(body) {
            reading.url = Some(body.to_owned());
            return reading;
        }
        let rest = match split_author_year(body) {
            Some((authors, date, rest)) => {
                reading.authors = authors;
                reading.date = date;
                reading.author_year = true;
                rest
            }
            None => match split_undated_authors(body) {
                Some((authors, rest)) => {
                    reading.authors = authors;
                    rest
                }
                None => body,
            },
        };
        let rest = reading.read_title(rest.trim_start(), title_missing);
        let (rest, language) = take_notes(&rest);
        reading.language = reading.language.or(language);
        let place_publisher_allowed = !matches!(
            template_kind,
            Some(CitationKind::Web | CitationKind::News | CitationKind::Journal)
        );
        for part in segments(&rest) {
            reading.read_part(part, place_publisher_allowed);
        }
        reading
    }

    /// Reads the title at the start of `rest` and returns what follows it.
    fn read_title(&mut self, rest: &str, title_missing: bool) -> String {
        if let Some(inside) = rest.strip_prefix(['"', '“'])
            && let Some(close) = inside.find(['"', '”'])
        {
            let (title, after) = inside.split_at(close);
            let after = after.get(1..).unwrap_or_default();
            self.title = non_empty(title);
            self.quoted = true;
            return skip_translated_title(after).to_owned();
        }
        // An opening quote with no closing one is read as if there were none.
        let rest = rest.strip_prefix(['"', '“']).unwrap_or(rest);
        if title_missing {
            return rest.to_owned();
        }
        // A bare (book) title runs to its language note when it has one, dots and all;
        // otherwise to the first full stop.
        if let Some(note) = find_language_note(rest) {
            self.title = non_empty(strip_format_note(
                rest.get(..note.start).unwrap_or_default(),
            ));
            self.language = Some(note.code);
            return rest.get(note.end..).unwrap_or_default().to_owned();
        }
        let mut parts = segments(rest).into_iter();
        self.title = parts
            .next()
            .and_then(|first| non_empty(strip_format_note(first)));
        parts.collect::<Vec<_>>().join(". ")
    }

    fn read_part(&mut self, part: &str, place_publisher_allowed: bool) {
        if let Some(date) = strip_word(part, "Retrieved") {
            let date = date.strip_prefix("on ").unwrap_or(date);
            self.retrieved = parse_date(cut_via(date));
        } else if let Some(archived) = strip_word(part, "Archived") {
            let archived = archived
                .strip_prefix("from the original")
                .map_or(archived, str::trim_start);
            let archived = archived.strip_prefix("on ").unwrap_or(archived);
            let archived = archived.split(" at ").next().unwrap_or_default();
            self.archived = parse_date(archived);
        } else if part.starts_with("ISBN") {
            match parse_isbn(part) {
                Some(isbn) if self.isbn.is_none() => self.isbn = Some(isbn),
                Some(_) => {}
                None => self.isbn_unreadable = true,
            }
        } else if let Some(pages) = part
            .strip_prefix("pp. ")
            .or_else(|| part.strip_prefix("p. "))
        {
            self.pages = non_empty(pages);
        } else if is_volume(part) {
            self.volume = true;
            self.pages = part
                .split_once(": ")
                .and_then(|(_, pages)| non_empty(pages));
        } else if is_identifier(part) {
            // OCLC, DOI and the like identify the source but fill no field here.
        } else if is_url(part) {
            self.url = Some(part.to_owned());
        } else if let Some((place, publisher)) =
            split_place_publisher(part).filter(|_| place_publisher_allowed)
        {
            self.place = Some(place.to_owned());
            self.publisher = Some(publisher.to_owned());
        } else if let Some(date) = parse_date(part) {
            self.date = self.date.or(Some(date));
        } else {
            self.texts.push(part.to_owned());
        }
    }

    /// The kind a reference shows when no template name says it.
    fn inferred_kind(&self) -> CitationKind {
        let book_like = !self.quoted
            && self.title.is_some()
            && (self.place.is_some() || self.author_year || self.pages.is_some());
        if self.volume {
            CitationKind::Journal
        } else if self.isbn.is_some() || self.isbn_unreadable || book_like {
            CitationKind::Book
        } else if self.quoted
            || self.retrieved.is_some()
            || self.archived.is_some()
            || self.url.is_some()
        {
            CitationKind::Web
        } else {
            CitationKind::Other
        }
    }

    /// Gives the loose text parts their roles. A book prints `Place: Publisher` or just one
    /// of them: the publisher, unless CS1 said the location lacks one. Other kinds print
    /// the work, then the publisher.
    fn assign_texts(&mut self, kind: CitationKind, place_only: bool) {
        let mut texts = std::mem::take(&mut self.texts).into_iter();
        match kind {
            CitationKind::Book => {
                if self.publisher.is_none() {
                    let first = texts.next();
                    if place_only {
                        self.place = self.place.take().or(first);
                    } else {
                        self.publisher = first;
                    }
                }
            }
            _ => {
                self.work = texts.next();
                self.publisher = self.publisher.take().or_else(|| texts.next());
            }
        }
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn is_url(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://")) && !text.contains(' ')
}

/// `Retrieved 5 May 2020` → `5 May 2020`; CS2 writes the word in lower case.
fn strip_word<'a>(part: &'a str, word: &str) -> Option<&'a str> {
    let head = part.get(..word.len())?;
    let rest = part.get(word.len()..)?;
    (head.eq_ignore_ascii_case(word) && rest.starts_with(' ')).then(|| rest.trim())
}

/// `5 May 2020 – via JSTOR` → `5 May 2020`.
fn cut_via(text: &str) -> &str {
    [" – via ", " — via ", " - via ", " via "]
        .iter()
        .filter_map(|via| text.find(via))
        .min()
        .map_or(text, |at| text.get(..at).unwrap_or(text))
}

/// `Quill, Maren; Oduya, Tam (2004). Rest…` → the authors, the date and the rest. The date
/// is the first parenthesised date followed by a full stop before any quoted title.
fn split_author_year(text: &str) -> Option<(Vec<String>, Option<PartialDate>, &str)> {
    let before_quote = text.find(['"', '“']).unwrap_or(text.len());
    let head = text.get(..before_quote)?;
    let mut from = 0;
    while let Some(found) = head.get(from..).and_then(|rest| rest.find(" (")) {
        let open = from + found;
        from = open + 2;
        let Some(close) = head.get(from..).and_then(|rest| rest.find(')')) else {
            break;
        };
        let close = from + close;
        let inside = head.get(from..close)?;
        let Some(after) = text.get(close + 1..)?.strip_prefix('.') else {
            continue;
        };
        let date = parse_date(inside);
        if date.is_none() && !inside.eq_ignore_ascii_case("n.d.") {
            continue;
        }
        let authors = head.get(..open)?;
        if authors.trim().is_empty() {
            return None;
        }
        let authors = authors
            .split("; ")
            .filter_map(non_empty)
            .collect::<Vec<_>>();
        return Some((authors, date, after.trim_start()));
    }
    None
}

/// `Quill, Maren. "Title". …`: authors with no date print a full stop before the quoted title.
fn split_undated_authors(text: &str) -> Option<(Vec<String>, &str)> {
    let quote = text.find(['"', '“'])?;
    let authors = text.get(..quote)?.trim_end().strip_suffix('.')?;
    // Names have no digits or colons; a book's `Place: Publisher "Name"` does.
    let not_names = authors.contains(':') || authors.chars().any(|c| c.is_ascii_digit());
    if authors.trim().is_empty() || not_names || find_language_note(authors).is_some() {
        return None;
    }
    let authors = authors.split("; ").filter_map(non_empty).collect();
    Some((authors, text.get(quote..)?))
}

/// A CS1 `[translated title]` right after the title is passed over.
fn skip_translated_title(text: &str) -> &str {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[')
        && let Some(close) = trimmed.find(']')
    {
        return trimmed.get(close + 1..).unwrap_or_default();
    }
    text
}

/// A `(in Russian)` note: where it stands and the language it names.
struct LanguageNote {
    start: usize,
    end: usize,
    code: &'static str,
}

fn find_language_note(text: &str) -> Option<LanguageNote> {
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find("(in ")) {
        let start = from + found;
        from = start + 4;
        let Some(close) = text.get(from..).and_then(|rest| rest.find(')')) else {
            break;
        };
        let end = from + close + 1;
        if let Some(code) = text.get(from..end - 1).and_then(first_language_code) {
            return Some(LanguageNote { start, end, code });
        }
    }
    None
}

/// Parenthesised formats CS1 prints after a title: `(PDF)`, `(Press release)`.
const FORMATS: &[&str] = &[
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "rtf",
    "video",
    "audio",
    "press release",
    "report",
    "speech",
    "podcast",
    "map",
    "thesis",
    "interview",
];

fn is_format_note(inside: &str) -> bool {
    let inside = inside.trim().to_lowercase();
    FORMATS.contains(&inside.as_str())
}

/// `Title (PDF)` → `Title`.
fn strip_format_note(text: &str) -> &str {
    let text = text.trim();
    if let Some(open) = text.rfind(" (")
        && text.ends_with(')')
        && text
            .get(open + 2..text.len() - 1)
            .is_some_and(is_format_note)
    {
        return text.get(..open).unwrap_or(text).trim_end();
    }
    text
}

/// Takes every language note and format note out of `text`, with the language of the first
/// language note.
fn take_notes(text: &str) -> (String, Option<&'static str>) {
    let mut kept = String::with_capacity(text.len());
    let mut language = None;
    let mut rest = text;
    loop {
        if let Some(note) = find_language_note(rest) {
            let (before, after) = (
                rest.get(..note.start).unwrap_or_default(),
                rest.get(note.end..).unwrap_or_default(),
            );
            kept.push_str(&strip_format_notes(before));
            language = language.or(Some(note.code));
            rest = after;
        } else {
            kept.push_str(&strip_format_notes(rest));
            break;
        }
    }
    (fold_whitespace(&kept), language)
}

/// Takes every format note out of a text that has no language note.
fn strip_format_notes(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let (before, from_open) = rest.split_at(open);
        kept.push_str(before);
        match from_open.find(')') {
            Some(close) if from_open.get(1..close).is_some_and(is_format_note) => {
                rest = from_open.get(close + 1..).unwrap_or_default();
            }
            _ => {
                kept.push('(');
                rest = from_open.get(1..).unwrap_or_default();
            }
        }
    }
    kept.push_str(rest);
    kept
}

/// Cuts rendered text at its full stops ("A. B. C." → A, B, C), but not after an initial, a
/// dotted abbreviation (`T.C.`, `U.S.`), `p.`, `pp.` or a title such as `Mr.`.
fn segments(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if c != '.' {
            continue;
        }
        let next = text.get(at + 1..).and_then(|rest| rest.chars().next());
        if !matches!(next, None | Some(' ')) {
            continue;
        }
        let before = text.get(start..at).unwrap_or_default();
        let word = before.rsplit(' ').next().unwrap_or_default();
        if is_abbreviation(word) {
            continue;
        }
        parts.push(before);
        start = at + 1;
    }
    parts.push(text.get(start..).unwrap_or_default());
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

fn is_abbreviation(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "p", "pp", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Nos", "Vol", "vol", "ed",
        "eds", "Prof", "Rev", "Gen",
    ];
    let word = word.trim_start_matches(['(', '[', '"', '“']);
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // `T.C`, `U.S`, but not a domain name such as `example.org`.
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|piece| piece.chars().count() <= 2 && piece.chars().all(char::is_alphabetic));
    single_capital || dotted || WORDS.contains(&word)
}

/// `12 (3): 45–67`, `12: 5–9`, `12 (3)`: a volume, with issue or pages.
fn is_volume(part: &str) -> bool {
    let digits = part.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let rest = part.get(digits..).unwrap_or_default();
    if rest.starts_with(": ") {
        return true;
    }
    let Some(issue) = rest.strip_prefix(" (") else {
        return false;
    };
    match issue.find(')') {
        Some(close) => {
            let after = issue.get(close + 1..).unwrap_or_default();
            after.is_empty() || after.starts_with(": ")
        }
        None => false,
    }
}

/// Identifiers CS1 prints that this crate does not keep: `OCLC 123`, `doi:10.…`.
fn is_identifier(part: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "OCLC ",
        "ISSN ",
        "eISSN ",
        "doi:",
        "JSTOR ",
        "PMID ",
        "PMC ",
        "LCCN ",
        "S2CID ",
        "Bibcode:",
        "arXiv:",
        "hdl:",
        "OL ",
        "ASIN ",
        "SSRN ",
        "ProQuest ",
    ];
    PREFIXES.iter().any(|prefix| part.starts_with(prefix))
}

/// `Port Elden: Heron Books` → place and publisher. The place is a few words without
/// digits, so a subtitle or a journal reference is not taken for one.
fn split_place_publisher(part: &str) -> Option<(&str, &str)> {
    let (place, publisher) = part.split_once(": ")?;
    let place = place.trim();
    let publisher = publisher.trim();
    let short = place.split(' ').count() <= 4 && place.chars().count() <= 40;
    let plain = !place
        .chars()
        .any(|c| c.is_ascii_digit() || c == '"' || c == '(');
    (short && plain && !place.is_empty() && !publisher.is_empty()).then_some((place, publisher))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::rendered;

    fn parse_text(text: &str) -> Citation {
        rendered(text, None, &[])
    }

    #[test]
    fn strips_backlinks() {
        assert_eq!(strip_backlink("^ \"T\". W."), "\"T\". W.");
        assert_eq!(strip_backlink("^ a b c \"T\". W."), "\"T\". W.");
        assert_eq!(strip_backlink("^ a b Author (2000)."), "Author (2000).");
        assert_eq!(strip_backlink("^ a short note"), "a short note");
        assert_eq!(strip_backlink("\"T\"."), "\"T\".");
    }

    #[test]
    fn splits_messages_off_the_text() {
        let (body, notes) = split_messages(
            "\"T\". Retrieved 1 May 2020.{{cite web}}: CS1 maint: url-status (link) CS1 maint: others (link)",
        );
        assert_eq!(body, "\"T\". Retrieved 1 May 2020.");
        assert_eq!(notes.template.as_deref(), Some("cite web"));
        assert_eq!(
            notes.messages,
            ["CS1 maint: url-status (link)", "CS1 maint: others (link)"]
        );
    }

    #[test]
    fn cuts_segments_but_not_abbreviations() {
        assert_eq!(
            segments("Smith, J. R. T.C. Ministry. p. 5. Example.org. 2020."),
            ["Smith, J. R. T.C. Ministry", "p. 5", "Example.org", "2020"]
        );
    }

    #[test]
    fn reads_a_web_reference() {
        let citation = rendered(
            "^ a b \"Harbour Talks Resume\" (in Portuguese). Lagoon Daily. Lagoon Media Group. 12 March 2019. Archived from the original on 2 April 2019. Retrieved 5 June 2024.",
            None,
            &[],
        );
        assert_eq!(citation.kind, CitationKind::Web);
        assert_eq!(citation.title.as_deref(), Some("Harbour Talks Resume"));
        assert_eq!(citation.language.as_deref(), Some("pt"));
        assert_eq!(citation.work.as_deref(), Some("Lagoon Daily"));
        assert_eq!(citation.publisher.as_deref(), Some("Lagoon Media Group"));
        assert_eq!(citation.date, Some(PartialDate::Day(2019, 3, 12)));
        assert_eq!(citation.archived, Some(PartialDate::Day(2019, 4, 2)));
        assert_eq!(citation.retrieved, Some(PartialDate::Day(2024, 6, 5)));
        assert!(citation.problems.is_empty());
    }

    #[test]
    fn reads_a_book_with_author_place_and_isbn() {
        let citation = parse_text(
            "Quill, Maren; Oduya, Tam (2004). Rivers of Salt: A Trade History. Port Elden: Heron Books. pp. 10–12. ISBN 0-306-40615-2.",
        );
        assert_eq!(citation.kind, CitationKind::Book);
        assert_eq!(citation.authors, ["Quill, Maren", "Oduya, Tam"]);
        assert_eq!(
            citation.title.as_deref(),
            Some("Rivers of Salt: A Trade History")
        );
        assert_eq!(citation.place.as_deref(), Some("Port Elden"));
        assert_eq!(citation.publisher.as_deref(), Some("Heron Books"));
        assert_eq!(citation.date, Some(PartialDate::Year(2004)));
        assert_eq!(citation.pages.as_deref(), Some("10–12"));
        assert_eq!(
            citation.isbn.as_ref().map(|isbn| isbn.isbn13.as_str()),
            Some("9780306406157")
        );
    }

    #[test]
    fn a_language_note_ends_a_bare_title_with_dots_in_it() {
        let citation = rendered(
            "1999. Год перемен (in Russian). Северск. 2001. p. 40.{{cite book}}: CS1 maint: location missing publisher (link)",
            None,
            &[],
        );
        assert_eq!(citation.kind, CitationKind::Book);
        assert_eq!(citation.title.as_deref(), Some("1999. Год перемен"));
        assert_eq!(citation.language.as_deref(), Some("ru"));
        assert_eq!(citation.place.as_deref(), Some("Северск"));
        assert_eq!(citation.publisher, None);
        assert_eq!(citation.date, Some(PartialDate::Year(2001)));
        assert_eq!(citation.problems, [Problem::MissingPublisher]);
    }

    #[test]
    fn reads_a_journal_article() {
        let citation = parse_text(
            "Ilves, Kaia (1998). \"Tides and Tariffs\". Review of Coastal Studies. 7 (3): 101–119.",
        );
        assert_eq!(citation.kind, CitationKind::Journal);
        assert_eq!(citation.title.as_deref(), Some("Tides and Tariffs"));
        assert_eq!(citation.work.as_deref(), Some("Review of Coastal Studies"));
        assert_eq!(citation.pages.as_deref(), Some("101–119"));
        assert_eq!(citation.language.as_deref(), Some("en"));
    }

    #[test]
    fn messages_and_tags_become_problems() {
        let citation = rendered(
            "Port Statistics. Harbour Office. 2020. Retrieved 1 May 2021.[permanent dead link]",
            Some("cite web"),
            &["Missing or empty |title= (help)"],
        );
        assert_eq!(citation.title, None);
        assert_eq!(citation.work.as_deref(), Some("Port Statistics"));
        assert_eq!(
            citation.problems,
            [Problem::UrlStatus, Problem::MissingTitle]
        );
    }

    #[test]
    fn reads_authors_without_a_date() {
        let citation =
            parse_text("Quill, Maren. \"Harbour Notes\". Lagoon Daily. Retrieved 5 June 2024.");
        assert_eq!(citation.authors, ["Quill, Maren"]);
        assert_eq!(citation.title.as_deref(), Some("Harbour Notes"));
        assert_eq!(citation.work.as_deref(), Some("Lagoon Daily"));
        assert_eq!(citation.kind, CitationKind::Web);
        let book = parse_text("Salt Roads. Port Elden: Press \"Heron\". 2004. p. 9.");
        assert_eq!(book.authors, Vec::<String>::new());
        assert_eq!(book.title.as_deref(), Some("Salt Roads"));
        assert_eq!(book.kind, CitationKind::Book);
    }

    #[test]
    fn a_bare_url_has_no_title() {
        let citation = parse_text("https://example.org/report.html [bare URL]");
        assert_eq!(
            citation.url.as_deref(),
            Some("https://example.org/report.html")
        );
        assert_eq!(citation.title, None);
        assert_eq!(citation.problems, [Problem::MissingTitle]);
        assert_eq!(citation.kind, CitationKind::Web);
        assert_eq!(crate::finish(citation).language, None);
    }

    #[test]
    fn a_bad_isbn_is_flagged_without_a_message() {
        let citation =
            parse_text("Quill, Maren (2004). Rivers. Heron Books. ISBN 978-0-306-40615-3.");
        assert_eq!(citation.problems, [Problem::InvalidIsbn]);
        assert_eq!(citation.isbn.as_ref().map(|isbn| isbn.valid), Some(false));
    }

    #[test]
    fn the_template_from_html_sets_the_kind() {
        let citation = rendered(
            "\"Fleet Visit Ends\". The Lagoon Herald. 3 July 1990.",
            Some("cite news"),
            &["{{cite news}}: CS1 maint: url-status (link)"],
        );
        assert_eq!(citation.kind, CitationKind::News);
        assert_eq!(citation.problems, [Problem::UrlStatus]);
    }
}
