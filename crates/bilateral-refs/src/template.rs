//! Wikitext citation templates (`{{cite web |url=… |title=…}}`), already split into named
//! parameters, and what Citation Style 1 would show a reader about them.

use bilateral_model::{Citation, CitationKind, Problem};

use crate::language::first_language_code;
use crate::{kind_for_template, parse_date, parse_isbn};

/// A template's parameters, looked up by any of a field's aliases.
struct Params<'a> {
    params: &'a [(String, String)],
}

impl<'a> Params<'a> {
    /// The value of the first alias given, trimmed; empty counts as absent. A parameter given
    /// twice takes its last value, as MediaWiki does.
    fn get(&self, aliases: &[&str]) -> Option<&'a str> {
        aliases.iter().find_map(|alias| {
            self.params
                .iter()
                .rev()
                .find(|(key, _)| key.trim().eq_ignore_ascii_case(alias))
                .map(|(_, value)| value.trim())
                .filter(|value| !value.is_empty())
        })
    }

    fn has(&self, aliases: &[&str]) -> bool {
        self.get(aliases).is_some()
    }

    /// The given name beside the `number`th surname: `first2`, `given2`, or unnumbered for
    /// the first.
    fn given_name(&self, number: u32) -> Option<&'a str> {
        let numbered = [format!("first{number}"), format!("given{number}")];
        let unnumbered: &[&str] = if number == 1 {
            &["first", "given"]
        } else {
            &[]
        };
        self.get(&[numbered[0].as_str(), numbered[1].as_str()])
            .or_else(|| self.get(unnumbered))
    }

    /// Authors in order: `last`/`first` pairs (numbered or not), `author`, `authors`.
    fn authors(&self) -> Vec<String> {
        let mut names: Vec<(u32, String)> = Vec::new();
        for (key, value) in self.params {
            let key = key.trim().to_lowercase();
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let stem = key.trim_end_matches(|c: char| c.is_ascii_digit());
            let suffix = key.get(stem.len()..).unwrap_or_default();
            let number = suffix.parse().unwrap_or(1);
            let name = match stem {
                "last" | "surname" => match self.given_name(number) {
                    Some(given) => format!("{value}, {given}"),
                    None => value.to_owned(),
                },
                "author" => value.to_owned(),
                "authors" | "vauthors" => {
                    names.extend(
                        value
                            .split(';')
                            .filter(|name| !name.trim().is_empty())
                            .map(|name| (number, name.trim().to_owned())),
                    );
                    continue;
                }
                _ => continue,
            };
            names.push((number, name));
        }
        names.sort_by_key(|(number, _)| *number);
        names.into_iter().map(|(_, name)| name).collect()
    }
}

const PERIODICALS: &[&str] = &[
    "website",
    "work",
    "newspaper",
    "journal",
    "magazine",
    "periodical",
    "encyclopedia",
    "encyclopaedia",
];

/// Parses a citation template: `name` as written (`cite web`, `Cite news`, `citation`).
pub(crate) fn parse(n: u32, name: &str, params: &[(String, String)]) -> Citation {
    let params = Params { params };
    let name = normalise_name(name);
    let kind = kind_for_template(&name).unwrap_or_else(|| infer_kind(&params));
    let mut citation = Citation::new(n, kind);
    citation.authors = params.authors();
    let script_title = params.get(&["script-title"]);
    citation.title = params
        .get(&["title"])
        .or_else(|| script_title.map(strip_language_prefix))
        .map(str::to_owned);
    citation.work = params.get(PERIODICALS).map(str::to_owned);
    citation.language = params
        .get(&["language", "lang"])
        .and_then(first_language_code)
        .or_else(|| {
            script_title
                .and_then(|title| title.split_once(':'))
                .and_then(|(code, _)| first_language_code(code))
        })
        .map(str::to_owned);
    citation.publisher = params
        .get(&["publisher"])
        .filter(|publisher| !publisher.eq_ignore_ascii_case("none"))
        .map(str::to_owned);
    citation.place = params
        .get(&["location", "place", "publication-place"])
        .map(str::to_owned);
    citation.date = params
        .get(&["date"])
        .and_then(parse_date)
        .or_else(|| params.get(&["year"]).and_then(parse_date));
    citation.pages = params
        .get(&["pages", "page", "pp", "p", "at"])
        .map(str::to_owned);
    let isbn_text = params.get(&["isbn", "isbn13"]);
    citation.isbn = isbn_text.and_then(parse_isbn);
    citation.url = params.get(&["url"]).map(str::to_owned);
    citation.archive_url = params
        .get(&["archive-url", "archiveurl"])
        .map(str::to_owned);
    citation.retrieved = params
        .get(&["access-date", "accessdate"])
        .and_then(parse_date);
    citation.archived = params
        .get(&["archive-date", "archivedate"])
        .and_then(parse_date);

    let mut problems = Vec::new();
    if citation.title.is_none() {
        problems.push(Problem::MissingTitle);
    }
    if citation.archive_url.is_none() && params.has(&["url-status", "dead-url", "deadurl"]) {
        problems.push(Problem::UrlStatus);
    }
    if name == "cite web" && citation.url.is_none() {
        problems.push(Problem::MissingUrl);
    }
    if location_missing_publisher(&name, &params, &citation) {
        problems.push(Problem::MissingPublisher);
    }
    if isbn_text.is_some() && citation.isbn.is_none() {
        problems.push(Problem::InvalidIsbn);
    }
    citation.problems = problems;
    citation
}

/// `Cite_web` → `cite web`.
fn normalise_name(name: &str) -> String {
    name.trim()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `ru:Заголовок` → `Заголовок`: a `script-title` opens with its language code.
fn strip_language_prefix(title: &str) -> &str {
    match title.split_once(':') {
        Some((code, rest)) if code.len() <= 3 && code.chars().all(|c| c.is_ascii_lowercase()) => {
            rest.trim()
        }
        _ => title,
    }
}

/// The kind of a `{{citation}}` or an unknown template, from the parameters it has.
fn infer_kind(params: &Params) -> CitationKind {
    if params.has(&["journal"]) {
        CitationKind::Journal
    } else if params.has(&["newspaper", "magazine"]) {
        CitationKind::News
    } else if params.has(&["website"]) {
        CitationKind::Web
    } else if params.has(&["isbn", "isbn13"])
        || (params.has(&["publisher"]) && !params.has(&["url"]))
    {
        CitationKind::Book
    } else if params.has(&["url"]) {
        CitationKind::Web
    } else {
        CitationKind::Other
    }
}

/// CS1's "location missing publisher": a book or encyclopedia citation (or a `{{citation}}`
/// of neither a periodical nor a web page) with a place, a date from 1850 on, and no publisher.
/// `publisher=none` says there is none to give.
fn location_missing_publisher(name: &str, params: &Params, citation: &Citation) -> bool {
    let bookish = match name {
        "cite book" | "cite encyclopedia" | "cite encyclopaedia" => true,
        "citation" => !params.has(PERIODICALS),
        _ => false,
    };
    bookish
        && citation.place.is_some()
        && !params.has(&["publisher"])
        && citation.year().is_some_and(|year| year >= 1850)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::template;
    use bilateral_model::PartialDate;

    #[test]
    fn reads_a_web_template() {
        let citation = template(
            "Cite web",
            &[
                ("url", "https://example.org/harbour"),
                ("title", "Harbour Talks Resume"),
                ("website", "Lagoon Daily"),
                ("date", "12 March 2019"),
                ("access-date", "5 June 2024"),
                ("archive-url", "https://archive.example/harbour"),
                ("archive-date", "2 April 2019"),
                ("url-status", "dead"),
            ],
        );
        assert_eq!(citation.kind, CitationKind::Web);
        assert_eq!(citation.title.as_deref(), Some("Harbour Talks Resume"));
        assert_eq!(citation.work.as_deref(), Some("Lagoon Daily"));
        assert_eq!(citation.language.as_deref(), Some("en"));
        assert_eq!(citation.date, Some(PartialDate::Day(2019, 3, 12)));
        assert_eq!(citation.retrieved, Some(PartialDate::Day(2024, 6, 5)));
        assert_eq!(citation.archived, Some(PartialDate::Day(2019, 4, 2)));
        assert!(citation.problems.is_empty());
    }

    #[test]
    fn flags_what_cs1_would_show() {
        let citation = template(
            "cite web",
            &[
                ("website", "Lagoon Daily"),
                ("url-status", "live"),
                ("date", "2020"),
            ],
        );
        assert_eq!(
            citation.problems,
            [
                Problem::MissingUrl,
                Problem::UrlStatus,
                Problem::MissingTitle
            ]
        );
    }

    #[test]
    fn a_book_with_a_place_and_no_publisher() {
        let citation = template(
            "cite book",
            &[
                ("last", "Quill"),
                ("first", "Maren"),
                ("last2", "Oduya"),
                ("first2", "Tam"),
                ("title", "Rivers of Salt"),
                ("location", "Port Elden"),
                ("year", "2004"),
                ("isbn", "978-0-306-40615-3"),
                ("language", "Portuguese"),
            ],
        );
        assert_eq!(citation.kind, CitationKind::Book);
        assert_eq!(citation.authors, ["Quill, Maren", "Oduya, Tam"]);
        assert_eq!(citation.language.as_deref(), Some("pt"));
        assert_eq!(citation.date, Some(PartialDate::Year(2004)));
        assert_eq!(
            citation.problems,
            [Problem::MissingPublisher, Problem::InvalidIsbn]
        );
    }

    #[test]
    fn an_old_book_or_publisher_none_is_not_flagged() {
        let old = template(
            "cite book",
            &[("title", "Old"), ("location", "X"), ("year", "1801")],
        );
        assert!(old.problems.is_empty());
        let none = template(
            "cite book",
            &[
                ("title", "T"),
                ("location", "X"),
                ("year", "1990"),
                ("publisher", "none"),
            ],
        );
        assert!(none.problems.is_empty());
        assert_eq!(none.publisher, None);
    }

    #[test]
    fn a_news_story_without_a_date_is_flagged() {
        let citation = template(
            "cite news",
            &[
                ("url", "https://example.org/story"),
                ("title", "Story"),
                ("work", "Herald"),
            ],
        );
        assert_eq!(citation.kind, CitationKind::News);
        assert_eq!(citation.problems, [Problem::MissingDate]);
    }

    #[test]
    fn the_script_of_the_title_gives_the_language() {
        let citation = template("cite web", &[("url", "u"), ("title", "Новости порта")]);
        assert_eq!(citation.language.as_deref(), Some("ru"));
        let citation = template(
            "cite web",
            &[("url", "u"), ("script-title", "ja:港のニュース")],
        );
        assert_eq!(citation.title.as_deref(), Some("港のニュース"));
        assert_eq!(citation.language.as_deref(), Some("ja"));
    }

    #[test]
    fn citation_template_kind_comes_from_its_parameters() {
        let journal = template(
            "citation",
            &[("title", "T"), ("journal", "J"), ("year", "2000")],
        );
        assert_eq!(journal.kind, CitationKind::Journal);
        let book = template(
            "citation",
            &[("title", "T"), ("publisher", "P"), ("year", "2000")],
        );
        assert_eq!(book.kind, CitationKind::Book);
    }
}
