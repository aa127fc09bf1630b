//! The page around an article in plain text: which shape the page has (the seed's scrape, a
//! Wikipedia page copied from a browser, a foreign ministry's page, heading-marked text),
//! where its title is, who published it, and where its body starts. Told from the content,
//! not the file name.

use super::{Line, looks_like_prose};

/// How many lines a page's header (menus, table of contents, site header) may take.
const PRELUDE_LINES: usize = 200;

/// The shapes of page the text reader knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Shape {
    /// The title on the first line, then "Last updated" and the infobox (the seed's form).
    Scrape,
    /// A Wikipedia page copied from a browser: menus, contents, tabs, then the article.
    Browser,
    /// A foreign ministry's page about one relationship: site header, breadcrumbs, title.
    Ministry,
    /// `= Title =`, `== Heading ==`, `- ` list items.
    Marked,
}

/// Where the article starts in a page.
pub(super) struct Prelude<'a> {
    pub shape: Shape,
    pub title: &'a str,
    /// Index of the first line after the title and the page's header.
    pub body_start: usize,
    /// The site header of a ministry's page, its lines joined by " / ".
    pub publisher: Option<String>,
    /// A browser copy's numbered table of contents: each heading with its level
    /// (`1.1 Imperial era` is level 3).
    pub contents: Vec<(&'a str, u8)>,
}

/// Page chrome that can stand anywhere in a page, even in its body.
const PAGE_CHROME: &[&str] = &[
    "from wikipedia, the free encyclopedia",
    "jump to navigation",
    "jump to search",
    "jump to navigation jump to search",
    "[edit]",
];

/// Banners that can stand anywhere in a page: an old revision's, a redirect's.
const BANNER_STARTS: &[&str] = &["this is an old revision of this page", "(redirected from "];

/// Lines of a browser copy's chrome before the article: menus, tabs, the contents box.
const BROWSER_CHROME: &[&str] = &[
    "jump to content",
    "main menu",
    "move to sidebar",
    "navigation",
    "contribute",
    "search",
    "appearance",
    "donate",
    "create account",
    "log in",
    "personal tools",
    "contents",
    "hide",
    "show",
    "contents hide",
    "(top)",
    "toggle the table of contents",
    "article",
    "talk",
    "read",
    "edit",
    "view source",
    "view history",
    "tools",
    "actions",
    "general",
    "print/export",
    "in other projects",
    "add languages",
    "article talk",
    "read edit view history",
    "article talk read edit view history",
    "article talk read edit view history tools",
];

/// Page chrome that can stand in the body: "From Wikipedia, the free encyclopedia", an old
/// revision's banner.
pub(super) fn is_body_chrome(text: &str) -> bool {
    is_one_of(text, PAGE_CHROME)
        || BANNER_STARTS
            .iter()
            .any(|start| starts_with_ignoring_case(text, start))
}

/// Chrome of the page before a browser copy's article, as well as what can stand anywhere.
pub(super) fn is_chrome(text: &str) -> bool {
    is_body_chrome(text)
        || (text.len() <= 60
            && (is_one_of(text, BROWSER_CHROME) || is_language_count(text) || is_toggle(text)))
}

fn is_one_of(text: &str, lines: &[&str]) -> bool {
    lines.iter().any(|line| text.eq_ignore_ascii_case(line))
}

/// "34 languages", "1 language".
fn is_language_count(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(
            text.get(digits..),
            Some(" languages" | " language" | " Languages")
        )
}

/// "Toggle History subsection".
fn is_toggle(text: &str) -> bool {
    starts_with_ignoring_case(text, "toggle ") && text.ends_with(" subsection")
}

/// The line that follows a browser copy's title: the language count or the first tab.
fn follows_title(text: &str) -> bool {
    is_language_count(text)
        || ["add languages", "article", "article talk"]
            .iter()
            .any(|tab| text.eq_ignore_ascii_case(tab))
        || starts_with_ignoring_case(text, "article talk read")
}

pub(super) fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Words that mark a line as a foreign ministry's or an embassy's, in the languages
/// ministries most often publish in.
const MINISTRY_WORDS: &[&str] = &[
    "ministry",
    "ministère",
    "ministerio",
    "ministero",
    "ministério",
    "ministerium",
    "ministerstvo",
    "министерство",
    "bakanlığı",
    "kementerian",
    "foreign affairs",
    "external affairs",
    "foreign office",
    "foreign relations",
    "department of state",
    "auswärtiges amt",
    "affaires étrangères",
    "affari esteri",
    "asuntos exteriores",
    "relações exteriores",
    "embassy of",
    "high commission of",
    "consulate",
    "ambassade",
    "embajada",
    "ambasciata",
    "embaixada",
    "botschaft",
];

/// Keys of the date lines a ministry's page shows under its title.
const DATELINE_KEYS: &[&str] = &[
    "updated",
    "last updated",
    "date of publication",
    "published",
    "last reviewed",
    "last modified",
    "date",
];

/// "Updated: February 2024", "Date of publication: 11.03.2024".
pub(super) fn is_dateline(text: &str) -> bool {
    text.len() <= 60
        && text.split_once(':').is_some_and(|(key, value)| {
            DATELINE_KEYS
                .iter()
                .any(|known| key.trim().eq_ignore_ascii_case(known))
                && value
                    .trim()
                    .starts_with(|c: char| c.is_ascii_alphanumeric())
        })
}

/// "Home > Foreign Policy > Africa", "Main / Bilateral relations": on a ministry's page any
/// short line joined by a separator is its breadcrumbs.
pub(super) fn is_breadcrumb(text: &str) -> bool {
    text.len() <= 200
        && [" > ", " / ", " » ", " › "]
            .iter()
            .any(|separator| text.contains(separator))
        && !text.ends_with('.')
}

/// Arrows that join the steps of a breadcrumb trail.
const TRAIL_ARROWS: &[&str] = &[" > ", " » ", " › "];

/// The most words one step of a breadcrumb trail has.
const MAX_TRAIL_STEP_WORDS: usize = 6;

/// A breadcrumb trail on a page of any shape: "Home > Countries > Laos",
/// "Bilateral Relations > Political Relations". Stricter than [`is_breadcrumb`]: every step
/// is a few words that start with a capital or a digit, so "exports > imports" stays text.
pub(super) fn is_trail(text: &str) -> bool {
    let Some(arrow) = TRAIL_ARROWS.iter().find(|arrow| text.contains(*arrow)) else {
        return false;
    };
    text.len() <= 200
        && text.split(arrow).all(|step| {
            let step = step.trim();
            (1..=MAX_TRAIL_STEP_WORDS).contains(&step.split_whitespace().count())
                && step.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !step.ends_with(super::SENTENCE_FINAL)
        })
}

fn is_ministry_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.len() <= 120 && MINISTRY_WORDS.iter().any(|word| lower.contains(word))
}

/// `= Title =` (one equals sign each side: deeper ones are headings).
pub(super) fn marked_title(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("= ")?.strip_suffix(" =")?;
    (!inner.starts_with('=') && !inner.ends_with('=')).then(|| inner.trim())
}

/// Finds the shape, title and body of a page; None when it has no text at all.
pub(super) fn prelude<'a>(lines: &[Line<'a>]) -> Option<Prelude<'a>> {
    // A breadcrumb trail above the title is no title.
    let first = lines
        .iter()
        .position(|line| !line.text.is_empty() && !is_trail(line.text))?;
    let first_text = lines.get(first)?.text;
    if let Some(title) = marked_title(first_text) {
        return Some(simple(Shape::Marked, title, first));
    }
    let head = lines.get(first..).unwrap_or(&[]);
    let head = head.get(..head.len().min(PRELUDE_LINES)).unwrap_or(head);
    if starts_with_ignoring_case(first_text, "jump to ")
        || head.iter().any(|line| {
            line.text
                .eq_ignore_ascii_case("from wikipedia, the free encyclopedia")
        })
    {
        return Some(browser(lines, first));
    }
    let header: Vec<&str> = head
        .iter()
        .take_while(|line| !line.text.is_empty())
        .map(|line| line.text)
        .collect();
    // A site header comes first: a page whose first line is its title is no ministry's.
    if header.len() <= 4 && is_ministry_line(first_text) {
        return Some(ministry(lines, first, &header));
    }
    Some(simple(Shape::Scrape, first_text, first))
}

fn simple<'a>(shape: Shape, title: &'a str, index: usize) -> Prelude<'a> {
    Prelude {
        shape,
        title,
        body_start: index + 1,
        publisher: None,
        contents: Vec::new(),
    }
}

/// A browser copy: the body starts after the last line of chrome before the article's
/// first paragraph; the title is the line before the language count or the tabs.
fn browser<'a>(lines: &[Line<'a>], first: usize) -> Prelude<'a> {
    let mut title = None;
    let mut previous: Option<&'a str> = None;
    let mut body_start = first;
    for (index, line) in lines.iter().enumerate().skip(first).take(PRELUDE_LINES) {
        let text = line.text;
        if text.is_empty() {
            continue;
        }
        if is_chrome(text) {
            // "From Wikipedia" right after a short line: that line is the title.
            let after_short_line = text
                .eq_ignore_ascii_case("from wikipedia, the free encyclopedia")
                && previous.is_some_and(|line| line.len() <= 100 && !looks_like_prose(line));
            if title.is_none() && (follows_title(text) || after_short_line) {
                title = previous;
            }
            body_start = index + 1;
            if text.eq_ignore_ascii_case("from wikipedia, the free encyclopedia") {
                break;
            }
        } else if looks_like_prose(text) {
            break;
        }
        previous = (!is_chrome(text)).then_some(text);
    }
    // Without a language count or tabs, a copy that starts at the title has it first; else
    // the infobox repeats it after "From Wikipedia".
    let first_text = lines.get(first).map_or("", |line| line.text);
    let title = title
        .or_else(|| (!is_chrome(first_text)).then_some(first_text))
        .unwrap_or_else(|| {
            lines
                .iter()
                .skip(body_start)
                .map(|line| line.text)
                .find(|text| !text.is_empty() && !is_chrome(text))
                .unwrap_or("")
        });
    let contents = lines
        .get(first..body_start)
        .unwrap_or(&[])
        .iter()
        .filter_map(|line| {
            let (level, heading) = super::rows::numbered_heading(line.text)?;
            Some((heading, level))
        })
        .collect();
    Prelude {
        shape: Shape::Browser,
        title,
        body_start,
        publisher: None,
        contents,
    }
}

/// A ministry's page: the site header, then breadcrumbs and datelines, then the title.
fn ministry<'a>(lines: &[Line<'a>], first: usize, header: &[&str]) -> Prelude<'a> {
    let after_header = first + header.len();
    let found = lines
        .iter()
        .enumerate()
        .skip(after_header)
        .take(PRELUDE_LINES)
        .find(|(_, line)| {
            !line.text.is_empty() && !is_breadcrumb(line.text) && !is_dateline(line.text)
        });
    let (index, title) = match found {
        Some((index, line)) if !looks_like_prose(line.text) => (index, line.text),
        _ => (after_header.saturating_sub(1), ""),
    };
    Prelude {
        shape: Shape::Ministry,
        title,
        body_start: index + 1,
        publisher: Some(
            header
                .iter()
                .filter(|line| !is_trail(line))
                .copied()
                .collect::<Vec<_>>()
                .join(" / "),
        ),
        contents: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_lines;

    fn shape_of(text: &str) -> (Shape, String, Option<String>) {
        let lines = split_lines(text);
        let prelude = prelude(&lines).expect("text");
        (prelude.shape, prelude.title.to_owned(), prelude.publisher)
    }

    #[test]
    fn tells_the_shapes_apart() {
        assert_eq!(
            shape_of("= Chile–Norway relations =\n\nText."),
            (Shape::Marked, "Chile–Norway relations".into(), None)
        );
        assert_eq!(
            shape_of("Jump to content\nMain menu\nContents\n(Top)\nHistory\nToggle History subsection\nChile–Norway relations\n3 languages\nArticle\nTalk\nFrom Wikipedia, the free encyclopedia\nChile and Norway are far apart, but they have traded since the 1800s.").1,
            "Chile–Norway relations"
        );
        assert_eq!(
            shape_of(
                "Ministry of Foreign Affairs\nKingdom of Norway\n\nHome > Countries > Chile\n\nBilateral relations: Chile\n\nUpdated: May 2024\n\nText."
            ),
            (
                Shape::Ministry,
                "Bilateral relations: Chile".into(),
                Some("Ministry of Foreign Affairs / Kingdom of Norway".into())
            )
        );
        assert_eq!(
            shape_of("Chile–Norway relations\n\nLast updated").0,
            Shape::Scrape
        );
        assert_eq!(
            shape_of("CONSULATE GENERAL OF BRAZIL IN JAPAN\n\nBilateral Relations\n\nText."),
            (
                Shape::Ministry,
                "Bilateral Relations".into(),
                Some("CONSULATE GENERAL OF BRAZIL IN JAPAN".into())
            )
        );
    }

    #[test]
    fn chrome_and_datelines() {
        for chrome in [
            "Jump to content",
            "34 languages",
            "Toggle Trade subsection",
            "hide",
        ] {
            assert!(is_chrome(chrome), "{chrome}");
        }
        for text in ["History", "Trade languages", "Article 5 of the treaty"] {
            assert!(!is_chrome(text), "{text}");
        }
        assert!(is_dateline("Date of publication: 11.03.2024"));
        assert!(!is_dateline("Diplomatic relations: established 1964"));
        assert!(is_breadcrumb("Home > Foreign Policy > Africa"));
        assert!(marked_title("== History ==").is_none());
    }

    #[test]
    fn breadcrumb_trails_on_any_page() {
        for trail in [
            "Home > Countries > Laos",
            "Bilateral Relations > Political Relations",
            "Start » Foreign Policy » Asia » Viet Nam",
            "Main › 2024 › Visits",
        ] {
            assert!(is_trail(trail), "{trail}");
        }
        for text in [
            "Exports > imports in 2019",
            "Home > Countries > Laos.",
            "The ratio of exports to imports was > 2 in the year the treaty was signed",
            "Trade | Investment",
            "Home",
        ] {
            assert!(!is_trail(text), "{text}");
        }
    }

    #[test]
    fn a_trail_above_the_title_or_in_the_header_is_left_out() {
        assert_eq!(
            shape_of("Home > Countries > Laos\n\nJapan-Laos Relations\n\nText.").1,
            "Japan-Laos Relations"
        );
        assert_eq!(
            shape_of(
                "Embassy of Chile in Norway\nHome > Relations\n\nPolitical Relations\n\nText."
            ),
            (
                Shape::Ministry,
                "Political Relations".into(),
                Some("Embassy of Chile in Norway".into())
            )
        );
    }
}
