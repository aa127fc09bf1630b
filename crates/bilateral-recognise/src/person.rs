//! People: names written as runs of capitalised words, found after a title ("President Ana
//! Lopes"), before an appositive title ("Ana Lopes, Speaker of the Storting,"), as a bare
//! two-or-more-word name, or as one word already known from earlier in the document.

use std::sync::LazyLock;

use bilateral_model::Span;
use bilateral_model::date::MONTH_NAMES;
use bilateral_model::fnv::{WordSet, word_set};

use crate::office::{TitleMention, find_titles_in};
use crate::words::{Word, gap, without_possessive, words};

/// A person named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    /// The name's span, without title or possessive.
    pub span: Span,
    /// The name as written, possessive stripped: "Ana Lopes".
    pub name: String,
    /// The title written next to the name, before it or in apposition after it.
    pub title: Option<TitleMention>,
}

/// Particles that may stand inside a name in lower case.
pub const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter",
    "bin", "binti", "ibn", "bint", "al", "el", "la", "le", "y", "zu", "arap",
];

/// Honorifics and ranks that may stand between a title and a name, or before a name alone:
/// "Prime Minister Sir A", "Lieutenant-Colonel B".
const HONORIFICS: &[&str] = &[
    "Sir",
    "Dame",
    "Dr",
    "H.E",
    "Lord",
    "Ratu",
    "Hon",
    "Shri",
    "Sri",
    "Smt",
    "Shrimati",
    "Lieutenant-Colonel",
    "Colonel",
    "Major-General",
    "Brigadier",
    "Commodore",
    "Admiral",
    "Rear-Admiral",
    "Vice-Admiral",
    "Captain",
    "Lieutenant",
];

/// Capitalised words that never start or stand in a person's name.
const NOT_NAME: &[&str] = &[
    // Function words that are capitalised at the start of a sentence.
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "By",
    "From",
    "To",
    "With",
    "And",
    "But",
    "Or",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "While",
    "When",
    "Where",
    "Which",
    "Who",
    "Whose",
    "That",
    "This",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "It",
    "He",
    "She",
    "They",
    "We",
    "Both",
    "Each",
    "Every",
    "All",
    "Some",
    "Many",
    "Most",
    "Several",
    "Later",
    "Earlier",
    "Then",
    "Also",
    "However",
    "Although",
    "Though",
    "Even",
    "Only",
    "Among",
    "Between",
    "Under",
    "Over",
    "Around",
    "About",
    "Roughly",
    "Nearly",
    "Almost",
    "There",
    "Here",
    "Since",
    "Within",
    "Without",
    "Despite",
    "Following",
    "According",
    "Through",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Former",
    "Late",
    "New",
    "Old",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "H.E",
    "His",
    "Her",
    "Majesty",
    "Highness",
    "Excellency",
    "Saint",
    "St",
    "Communist",
    "Socialist",
    "Democratic",
    "People's",
    "Federal",
    "National",
    "Royal",
    "Imperial",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Upper",
    "Lower",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "President",
    "Minister",
    "Prime",
    "King",
    "Queen",
    "Emperor",
    "Prince",
    "Princess",
    "Chancellor",
    "Premier",
    "Speaker",
    "Ambassador",
    "Governor",
    "Secretary",
    "Vice",
    "Deputy",
    "Empress",
    "Latin",
    "Arab",
    "African",
    "Asian",
    "European",
    "Nordic",
    "Baltic",
    "Balkan",
    "Caribbean",
    "Pacific",
    "Atlantic",
    "Middle",
    "Sultan",
    "Emir",
    "Shah",
    "Chairman",
    "Chairwoman",
    "Governor-General",
    "Vice-President",
    "Speaker",
    "General",
    "Foreign",
    "State",
    "Crown",
];

/// Words that make a capitalised run an organisation, place or event rather than a person.
const NOT_PERSON_RUN: &[&str] = &[
    "Embassy",
    "Ministry",
    "Republic",
    "Union",
    "Council",
    "Assembly",
    "Parliament",
    "Senate",
    "Forum",
    "Summit",
    "Agreement",
    "Treaty",
    "Statement",
    "Declaration",
    "Memorandum",
    "Plan",
    "Party",
    "University",
    "Museum",
    "Palace",
    "House",
    "Station",
    "Airport",
    "Airlines",
    "Air",
    "Airways",
    "Bank",
    "Banco",
    "Fund",
    "Group",
    "Organization",
    "Organisation",
    "Association",
    "Institute",
    "Office",
    "Commission",
    "Committee",
    "Board",
    "Chamber",
    "Company",
    "Corporation",
    "Army",
    "Navy",
    "Forces",
    "War",
    "Olympics",
    "Games",
    "Day",
    "Cathedral",
    "Church",
    "Street",
    "Road",
    "Square",
    "Region",
    "Province",
    "States",
    "Kingdom",
    "Empire",
    "Dynasty",
    "Meeting",
    "Conference",
    "Centre",
    "Center",
    "School",
    "College",
    "Academy",
    "Hospital",
    "Stadium",
    "Bridge",
    "River",
    "Sea",
    "Ocean",
    "Lake",
    "Mountains",
    "Island",
    "Islands",
    "Cape",
    "Gulf",
    "Bay",
    "Peninsula",
    "Desert",
    "Valley",
    "Hall",
    "Tower",
    "Gate",
    "Library",
    "Theatre",
    "Opera",
    "Festival",
    "Expo",
    "Cup",
    "Championship",
    "League",
    "Club",
    "Times",
    "News",
    "Post",
    "Herald",
    "Journal",
    "Review",
    "Press",
    "Agency",
    "Service",
    "Services",
    "Authority",
    "Department",
    "Secretariat",
    "Court",
    "Tribunal",
    "Front",
    "Movement",
    "Revolution",
    "Accords",
    "Accord",
    "Convention",
    "Protocol",
    "Charter",
    "Act",
    "Law",
    "Initiative",
    "Programme",
    "Program",
    "Project",
    "Fleet",
    "Corps",
    "Guard",
    "Police",
    "Federation",
    "Confederation",
    "Community",
    "Area",
    "Zone",
    "Partnership",
    "Cooperation",
    "Economic",
    "Strategic",
    "Free",
    "Trade",
    "Joint",
    "Grand",
    "Great",
    "Metro",
    "Line",
    "Railway",
    "Highway",
    "Telecom",
    "Holdings",
    "Inc",
    "Ltd",
    "PT",
    "Technopolis",
    "Science",
    "Technology",
    "Massacre",
    "Crisis",
    "Conflict",
    "Incident",
    "Affair",
    "Plateau",
    "Nations",
    "Palácio",
    "Palacio",
    "Palais",
    "Palazzo",
    "Africa",
    "Asia",
    "Europe",
    "America",
    "Mountain",
    "Strait",
    "Canal",
    "Port",
    "Harbour",
    "Harbor",
    "Link",
    "Corridor",
    "Pipeline",
    "Relations",
    "Friendly",
    "Friendship",
    "Vibrant",
    "Network",
    "Market",
    "Peace",
    "Intervention",
    "Independence",
    "Reunification",
    "Pandemic",
    "Temple",
    "Mosque",
    "Shrine",
    "Monument",
    "Memorial",
    "Cemetery",
    "Camp",
    "Base",
    "Port",
    "Harbour",
    "Harbor",
    "Canal",
    "Province",
    "District",
    "County",
    "City",
    "Town",
    "Village",
    "Territory",
    "Territories",
    "Ministry",
    "Foundation",
    "Society",
    "Institution",
    "Bureau",
    "Unit",
    "Operation",
    "Exhibition",
    "Fair",
    "Week",
    "Year",
    "Prize",
    "Award",
    "Order",
    "Medal",
    "Dialogue",
    "Round",
    "Talks",
    "Framework",
    "Mission",
    "Consulate",
    "Legation",
    "Commerce",
    "Industry",
    "Industries",
    "Motors",
    "Energy",
    "Oil",
    "Gas",
    "Mining",
    "Steel",
    "Electric",
    "Electronics",
    "Network",
    "Channel",
    "Television",
    "Radio",
    "Magazine",
    "Gazette",
    "Daily",
    "Weekly",
    "Tribune",
    "Observer",
    "Guardian",
    "Telegraph",
    "Standard",
    "Nation",
    "Tribe",
    "Clan",
    "Crown",
    "Government",
    "Cabinet",
    "Congress",
    "Diet",
    "Khural",
    "Storting",
    "Bundestag",
    "Duma",
    "Sejm",
    "Majlis",
    "Knesset",
    "Legislature",
    "Centre",
    "Stock",
    "Exchange",
    "Villa",
    "Castle",
    "Battalion",
    "Brigade",
    "Regiment",
    "Division",
    "Heads",
    "Countries",
    "Nations",
    "Buddhism",
    "Christianity",
    "Hinduism",
    "Movement",
    "Front",
    "Alliance",
    "Programme",
    "Program",
    "Agency",
    "Authority",
    "Court",
    "Parliamentarians",
];

/// Every word that is never part of a name: function and title words, organisation and place
/// words, month names. One lookup per capitalised word.
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set = word_set(NOT_NAME);
    set.extend(NOT_PERSON_RUN);
    set.extend(MONTH_NAMES);
    set
});
/// The organisation and place words, for a name glued to one ("Ana Lopes Foundation").
static NOT_PERSON_RUN_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NOT_PERSON_RUN));

fn is_particle(word: &Word) -> bool {
    PARTICLES.contains(&word.text)
}

/// "el-Masri", "al-Rashid": a particle joined to a capitalised name by a hyphen.
fn is_prefixed_name(word: &Word) -> bool {
    word.text.bytes().any(|byte| byte == b'-')
        && word.text.split_once('-').is_some_and(|(prefix, rest)| {
            PARTICLES.contains(&prefix) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The cheap first test of [`is_name_word`]: a capital, or a particle joined to one.
fn may_be_name_word(word: &Word) -> bool {
    word.is_capitalised() || is_prefixed_name(word)
}

/// Could this word be part of a name?
fn is_name_word(word: &Word, blocked: &[Span]) -> bool {
    // Most words are lower case: the cheapest test goes first.
    if !may_be_name_word(word) {
        return false;
    }
    if blocked
        .iter()
        .any(|span| span.start < word.span.end && word.span.start < span.end)
    {
        return false;
    }
    let text = without_possessive(word.text);
    if text.bytes().any(|byte| byte.is_ascii_digit()) || HONORIFICS.contains(&text) {
        return false;
    }
    // All-capital words of three or more letters are acronyms (NATO, ASEAN), not names;
    // Roman numerals after a name are handled by the caller.
    let letters = text.chars().filter(|ch| ch.is_alphabetic()).count();
    if letters >= 3 && text.chars().all(|ch| !ch.is_lowercase()) && !is_regnal(text) {
        return false;
    }
    !NOT_NAME_SET.contains(text)
}

fn is_regnal(text: &str) -> bool {
    !text.is_empty() && text.len() <= 5 && text.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X'))
}

/// The name run starting at `index`: word range end, allowing particles between name words,
/// never crossing punctuation except a name-internal period ("J. Smith").
fn name_run(text: &str, words: &[Word], index: usize, blocked: &[Span]) -> usize {
    let mut end = index;
    while let Some(word) = words.get(end) {
        if end > index {
            let previous = &words[end - 1];
            let between = gap(text, previous, word);
            let is_initial = previous.text.chars().count() == 1 && previous.is_capitalised();
            let between = if is_initial {
                between.strip_prefix('.').unwrap_or(between)
            } else {
                between
            };
            if !between.chars().all(char::is_whitespace) || between.is_empty() {
                break;
            }
        }
        if is_name_word(word, blocked) {
            end += 1;
            // A possessive ends the name.
            if without_possessive(word.text).len() != word.text.len() {
                break;
            }
        } else if end > index
            && is_particle(word)
            && words
                .get(end + 1)
                .is_some_and(|next| is_name_word(next, blocked))
        {
            end += 1;
        } else {
            break;
        }
        if end - index >= 5 {
            break;
        }
    }
    end
}

fn mention(
    text: &str,
    words: &[Word],
    start: usize,
    end: usize,
    title: Option<TitleMention>,
) -> PersonMention {
    let span = Span::new(words[start].span.start, words[end - 1].span.end);
    let raw = &text[span.start..span.end];
    let name = without_possessive(raw).to_owned();
    PersonMention {
        span: Span::new(span.start, span.start + name.len()),
        name,
        title,
    }
}

/// Every person named in `text`. `blocked` are spans already known to be something else
/// (countries, dates); `is_known` says whether a single word is a name seen earlier in the
/// document (a family name), since one capitalised word alone is too weak a sign otherwise.
pub fn find_people(
    text: &str,
    blocked: &[Span],
    is_known: &dyn Fn(&str) -> bool,
) -> Vec<PersonMention> {
    find_people_and_titles(text, blocked, is_known).0
}

/// [`find_people`], also returning every title of the text, found on the way.
pub fn find_people_and_titles(
    text: &str,
    blocked: &[Span],
    is_known: &dyn Fn(&str) -> bool,
) -> (Vec<PersonMention>, Vec<TitleMention>) {
    let words = words(text);
    let titles = find_titles_in(text, &words);
    let mut people: Vec<PersonMention> = Vec::new();
    let mut taken = vec![false; words.len()];
    let index_of = |offset: usize| words.iter().position(|word| word.span.start >= offset);

    // Title words and their complements are never part of a bare name run ("Presidents Ana
    // Lopes", "Chairman of the Council of Ministers Ola Berg").
    for (index, word) in words.iter().enumerate() {
        if titles.iter().any(|title| {
            let end = title.complement.unwrap_or(title.span).end;
            title.span.start <= word.span.start && word.span.end <= end
        }) {
            taken[index] = true;
        }
    }
    // Names after a title: "President Ana Lopes", "Prime Minister of Freedonia, Ana Lopes".
    for title in &titles {
        let after = title.complement.unwrap_or(title.span).end;
        let Some(mut start) = index_of(after) else {
            continue;
        };
        let between = text.get(after..words[start].span.start).unwrap_or("");
        if !(between.trim().is_empty() || between.trim() == ",") {
            continue;
        }
        // Honorifics between a title and a name.
        while words
            .get(start)
            .is_some_and(|word| HONORIFICS.contains(&word.text))
        {
            start += 1;
        }
        let end = name_run(text, &words, start, blocked);
        if end > start {
            let end = with_regnal(text, &words, end);
            people.push(mention(text, &words, start, end, Some(title.clone())));
            taken[start..end].iter_mut().for_each(|flag| *flag = true);
            // A plural title covers both names: "Presidents Ana Lopes and Rui Costa".
            let plural = text
                .get(title.span.start..title.span.end)
                .is_some_and(|written| written.ends_with('s'));
            let next = end + 1;
            if plural
                && words.get(end).is_some_and(|word| word.text == "and")
                && next < words.len()
                && !taken[next]
            {
                let second_end = name_run(text, &words, next, blocked);
                if second_end > next {
                    let second_end = with_regnal(text, &words, second_end);
                    people.push(mention(text, &words, next, second_end, Some(title.clone())));
                    taken[next..second_end]
                        .iter_mut()
                        .for_each(|flag| *flag = true);
                }
            }
        }
    }

    let mut index = 0;
    while index < words.len() {
        // A name starts with a capital; most words are lower case and start none.
        if taken[index] || !may_be_name_word(&words[index]) {
            index += 1;
            continue;
        }
        let end = name_run(text, &words, index, blocked);
        let length = end - index;
        // "the South Stream pipeline", "the North American Leaders' Summit": a name run right
        // after "the", with no title, names a thing.
        let after_the = index
            .checked_sub(1)
            .and_then(|previous| words.get(previous))
            .is_some_and(|previous| previous.text.eq_ignore_ascii_case("the"));
        // "Jal Shakti Minister X": capitalised words right before a title name its portfolio.
        let before_title = words.get(end).is_some_and(|next| {
            titles
                .iter()
                .any(|title| title.span.start == next.span.start)
                && text
                    .get(words[end - 1].span.end..next.span.start)
                    .is_some_and(|gap| gap == " ")
        });
        if length >= 1
            && (after_the || before_title || part_of_longer_name(text, &words, index, end))
        {
            index = end.max(index + 1);
            continue;
        }
        let single = without_possessive(words[index].text);
        // A family name alone is a person if the document, or this sentence, named them in full.
        let known_single = length == 1
            && (is_known(single)
                || people
                    .iter()
                    .any(|person| person.name.split_whitespace().any(|token| token == single)));
        let end = if length >= 1 {
            with_regnal(text, &words, end)
        } else {
            end
        };
        // A single name with an office in brackets after it: "Sukarno (president 1945–1967)".
        let bracketed_title = length == 1
            && text
                .get(words[end - 1].span.end..)
                .and_then(|rest| rest.strip_prefix(" ("))
                .is_some_and(|inside| {
                    let at = text.len() - inside.len();
                    titles.iter().any(|title| title.span.start == at)
                });
        if length >= 2 || known_single || bracketed_title {
            let title = apposition_title(text, &words, end, &titles);
            people.push(mention(text, &words, index, end, title));
            index = end;
        } else {
            index += 1;
        }
    }
    people.sort_by_key(|person| person.span.start);
    (people, titles)
}

/// Whether a capitalised run is the tail or head of a longer proper name ("... a New World
/// Setting", "UN Security Council"): a capitalised word glued before it that is not a
/// sentence opener, or an organisation word glued after it.
fn part_of_longer_name(text: &str, words: &[Word], start: usize, end: usize) -> bool {
    let glued = |a: &Word, b: &Word| gap(text, a, b) == " ";
    if let Some(next) = words.get(end)
        && glued(&words[end - 1], next)
        && NOT_PERSON_RUN_SET.contains(without_possessive(next.text))
    {
        return true;
    }
    if let Some(previous) = start.checked_sub(1).and_then(|index| words.get(index))
        && glued(previous, &words[start])
        && previous.is_capitalised()
        && !HONORIFICS.contains(&previous.text)
        && start >= 2
    {
        return true;
    }
    false
}

/// Extends a name over a regnal numeral: "Juan Carlos I", "Felipe VI".
fn with_regnal(text: &str, words: &[Word], end: usize) -> usize {
    match words.get(end) {
        Some(word)
            if is_regnal(word.text)
                && gap(text, &words[end - 1], word)
                    .chars()
                    .all(char::is_whitespace) =>
        {
            end + 1
        }
        _ => end,
    }
}

/// A title in apposition after a name: "Ana Lopes, Speaker of the Storting," or "Ana Lopes,
/// the foreign minister,".
fn apposition_title(
    text: &str,
    words: &[Word],
    end: usize,
    titles: &[TitleMention],
) -> Option<TitleMention> {
    let last = words.get(end.checked_sub(1)?)?;
    let rest = text.get(last.span.end..)?;
    let after_comma = rest.strip_prefix(',')?;
    let skipped = after_comma.len() - after_comma.trim_start().len();
    let mut cursor = last.span.end + 1 + skipped;
    for article in ["the ", "his ", "her ", "its ", "then ", "then-"] {
        if text
            .get(cursor..)
            .is_some_and(|tail| tail.starts_with(article))
        {
            cursor += article.len();
        }
    }
    // Allow one demonym or adjective before the title ("the Norwegian State Secretary").
    titles
        .iter()
        .find(|title| title.span.start >= cursor && title.span.start <= cursor + 24)
        .filter(|title| !text[cursor..title.span.start].contains(','))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_model::Office;

    fn people(text: &str) -> Vec<(String, Option<Office>)> {
        find_people(text, &[], &|word| word == "Lopes")
            .into_iter()
            .map(|person| (person.name, person.title.map(|title| title.office)))
            .collect()
    }

    #[test]
    fn a_plural_title_covers_both_names() {
        assert_eq!(
            people("Presidents Ana Lopes and Rui Costa met."),
            [
                ("Ana Lopes".to_owned(), Some(Office::HeadOfState)),
                ("Rui Costa".to_owned(), Some(Office::HeadOfState))
            ]
        );
    }

    #[test]
    fn places_units_and_groups_are_no_people() {
        assert!(people("He was received at Aso Rock Villa.").is_empty());
        assert!(people("The Kagnew Battalion returned.").is_empty());
        assert!(people("Theravada Buddhism spread.").is_empty());
        assert_eq!(
            people("Islam Karimov came."),
            [("Islam Karimov".to_owned(), None)]
        );
    }

    #[test]
    fn a_single_name_with_an_office_in_brackets_is_a_person() {
        assert_eq!(
            people("Tarno (president 1950–1966) sailed."),
            [("Tarno".to_owned(), None)]
        );
        assert_eq!(
            people("Under Wirawa (prime minister, 1970–1978), ties grew."),
            [("Wirawa".to_owned(), None)]
        );
        assert_eq!(people("Talks in Bogor (foreign ministry) failed."), []);
        assert!(people("Then Java (1950–1966) grew.").is_empty());
    }

    #[test]
    fn names_after_titles() {
        assert_eq!(
            people("President Ana Maria Lopes visited the port."),
            [("Ana Maria Lopes".to_owned(), Some(Office::HeadOfState))]
        );
        assert_eq!(
            people("the Prime Minister of Freedonia, Rufus T. Firefly, arrived"),
            [(
                "Rufus T. Firefly".to_owned(),
                Some(Office::HeadOfGovernment)
            )]
        );
        assert_eq!(
            people("Governor-General Sir Hugh Blackwood landed"),
            [("Hugh Blackwood".to_owned(), Some(Office::Other))]
        );
        assert_eq!(
            people("King Olaf V and Crown Prince Harald came."),
            [
                ("Olaf V".to_owned(), Some(Office::HeadOfState)),
                ("Harald".to_owned(), Some(Office::Other))
            ]
        );
    }

    #[test]
    fn ranks_and_honorifics_are_no_part_of_a_name() {
        assert_eq!(
            people("the army chief, Lieutenant-Colonel Tomas Rivas, flew in"),
            [("Tomas Rivas".to_owned(), None)]
        );
        assert_eq!(
            people("Prime Minister Ratu Sir Pita Nailatikau arrived"),
            [("Pita Nailatikau".to_owned(), Some(Office::HeadOfGovernment))]
        );
        assert_eq!(
            people("Commodore Ana Vidal and Park Min-ho met"),
            [
                ("Ana Vidal".to_owned(), None),
                ("Park Min-ho".to_owned(), None)
            ]
        );
    }

    #[test]
    fn places_and_projects_are_no_people() {
        assert!(people("they met on the Kerinci Plateau").is_empty());
        assert!(people("the Baltic Grid Link was opened").is_empty());
        assert!(people("a Treaty on Friendly Relations was signed").is_empty());
    }

    #[test]
    fn a_kalenjin_particle_stands_inside_a_name() {
        assert_eq!(
            people("Samuel arap Ngeny met the envoy."),
            [("Samuel arap Ngeny".to_owned(), None)]
        );
    }

    #[test]
    fn names_with_particles_and_prefixes() {
        assert_eq!(
            people("Luis Ignacio da Costa met Omar el-Bashiri."),
            [
                ("Luis Ignacio da Costa".to_owned(), None),
                ("Omar el-Bashiri".to_owned(), None)
            ]
        );
    }

    #[test]
    fn appositive_titles() {
        assert_eq!(
            people("Erik Dahl, Speaker of the Storting, arrived."),
            [("Erik Dahl".to_owned(), Some(Office::Parliament))]
        );
        assert_eq!(
            people("Mara Voss, the foreign minister, left."),
            [("Mara Voss".to_owned(), Some(Office::ForeignMinister))]
        );
    }

    #[test]
    fn single_words_only_when_known() {
        assert_eq!(people("Lopes returned."), [("Lopes".to_owned(), None)]);
        assert_eq!(
            people("Ana Sousa left; Sousa came back."),
            [("Ana Sousa".to_owned(), None), ("Sousa".to_owned(), None)]
        );
        assert!(people("Telenor returned.").is_empty());
    }

    #[test]
    fn organisations_places_and_sentence_openers_are_not_people() {
        assert!(people("The Grand Harbour Museum opened. During March it rained.").is_empty());
        assert!(people("a pact for a New Trade Setting and UN Security Council reform").is_empty());
        assert!(people("In July the Joint Economic Commission met at State House.").is_empty());
        assert!(people("NATO and ASEAN met.").is_empty());
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(
            people("Ana Lopes's visit"),
            [("Ana Lopes".to_owned(), None)]
        );
    }

    #[test]
    fn honorifics_portfolios_and_chained_complements_stay_out_of_names() {
        assert_eq!(
            people("Prime Minister Shri Rui Vidal and Smt Eva Lund")[0].0,
            "Rui Vidal"
        );
        assert_eq!(people("Smt Eva Lund met them")[0].0, "Eva Lund");
        assert_eq!(
            people("Jal Shakti Minister Gajendra Singh travelled"),
            [("Gajendra Singh".to_owned(), Some(Office::Minister))]
        );
        assert_eq!(
            people("Minister of State for External Affairs V. Holm arrived")[0].0,
            "V. Holm"
        );
        // A name before a title after a comma is still a name.
        assert_eq!(
            people("Eva Lund, Prime Minister of Norway")[0].0,
            "Eva Lund"
        );
    }

    #[test]
    fn an_untitled_run_after_the_names_a_thing() {
        assert!(
            people("Putin promoted the South Stream pipeline")
                .iter()
                .all(|(name, _)| name != "South Stream")
        );
        assert!(people("at the North American Leaders' Summit").is_empty());
        assert!(people("signed by the Yang di-Pertuan Agong").is_empty());
        assert_eq!(
            people("the President Ana Lopes arrived")[0].0,
            "Ana Lopes",
            "a titled name after \"the\" is still a name"
        );
    }

    #[test]
    fn blocked_spans_are_not_names() {
        let text = "Costa Rica and Ana Lopes";
        let found = find_people(text, &[Span::new(0, 10)], &|_| false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Ana Lopes");
    }
}
