//! One sentence with everything the recognisers found in it: countries, dates, people,
//! numbers and money, and its clauses. Fact rules read this view; they never re-scan text
//! for entities themselves.

use std::cell::OnceCell;

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Dyad, Office, PartialDate, Span};
use bilateral_recognise::date::{DateContext, find_dates};
use bilateral_recognise::office::TitleMention;
use bilateral_recognise::person::find_people_and_titles;
use bilateral_recognise::quantity::{Money, Quantity, find_money, find_numbers};

use crate::people::Registry;
use crate::text;

/// A country named in the sentence.
#[derive(Clone, Debug)]
pub struct CountryRef {
    pub span: Span,
    pub code: CountryCode,
    pub via: MentionVia,
}

/// A date in the sentence: a point or a range.
#[derive(Clone, Debug)]
pub struct DateRef {
    pub span: Span,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

/// A person in the sentence, resolved against the document's registry.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonRef {
    pub span: Span,
    /// Index in the registry.
    pub id: usize,
    /// The office written at this mention (a title, "as president"), before the registry's.
    pub office: Option<Office>,
    pub country: Option<CountryCode>,
    /// "he", "she": resolved to the last subject.
    pub pronoun: bool,
}

/// A sentence and its mentions.
pub struct View<'a> {
    pub text: &'a str,
    /// The sentence lower-cased, with the same byte offsets, for phrase searches.
    pub lower: text::Lowered,
    pub countries: Vec<CountryRef>,
    pub dates: Vec<DateRef>,
    pub people: Vec<PersonRef>,
    /// Every title ("Prime Minister", "heads of government"), whether or not a name follows.
    pub titles: Vec<TitleMention>,
    /// Found on first use: only sentences that speak of trade or people need them.
    money: OnceCell<Vec<Money>>,
    numbers: OnceCell<Vec<Quantity>>,
    pub clauses: Vec<Span>,
}

/// Phrases that put a country for "the two countries" and the like.
const DYAD_PHRASES: &[&str] = &[
    "the two countries",
    "the two states",
    "the two governments",
    "the two nations",
    "the two sides",
    "both countries",
    "both governments",
    "both sides",
    "the two kingdoms",
    "the two republics",
];

impl<'a> View<'a> {
    pub fn new(
        text: &'a str,
        dyad: Option<Dyad>,
        date_context: &DateContext,
        registry: &mut Registry,
        last_subject: Option<usize>,
    ) -> Self {
        let lower = text::Lowered::new(text);
        let mut countries: Vec<CountryRef> = bilateral_gazetteer::find_mentions(text)
            .into_iter()
            .map(|mention| CountryRef {
                span: mention.span,
                code: mention.code,
                via: mention.via,
            })
            .collect();
        if let Some(dyad) = dyad {
            countries.extend(cities_of(text, dyad, &countries));
            countries.sort_by_key(|country| country.span.start);
        }
        // Dates written without a year ("on 10 July", "the 15th") take it from the nearest full
        // date before them in the sentence, else from the sentences before. Most sentences
        // write every year out, and skip the second and third scans.
        let mut mentions = find_dates(text, date_context);
        let has_year = |span: Span| {
            text.get(span.start..span.end).is_some_and(|slice| {
                slice
                    .as_bytes()
                    .windows(4)
                    .any(|w| w.iter().all(u8::is_ascii_digit))
            })
        };
        let ordinal_day = text
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(&w[1..], b"th" | b"st" | b"nd" | b"rd"));
        // With no year before the sentence, a yearless date is not even found in the first
        // scan: the sentence's own full dates must give it one.
        let no_year_before = date_context.year.is_none() && !mentions.is_empty();
        if ordinal_day || no_year_before || mentions.iter().any(|mention| !has_year(mention.span)) {
            let explicit = find_dates(text, &DateContext::default());
            let sentence_context = explicit.first().and_then(|full| context_of(full.start));
            mentions = find_dates(text, &sentence_context.unwrap_or(*date_context));
            mentions.retain_mut(|mention| {
                if explicit.iter().any(|full| full.span == mention.span) {
                    return true;
                }
                let context = explicit
                    .iter()
                    .rfind(|full| full.span.end <= mention.span.start)
                    .and_then(|full| context_of(full.start))
                    .unwrap_or(*date_context);
                match find_dates(&text[..mention.span.end], &context)
                    .into_iter()
                    .find(|again| again.span == mention.span)
                {
                    Some(again) => {
                        *mention = again;
                        true
                    }
                    None => false,
                }
            });
        }
        let dates: Vec<DateRef> = mentions
            .into_iter()
            .map(|mention| DateRef {
                span: mention.span,
                start: mention.start,
                end: mention.end,
            })
            .collect();
        let mut blocked: Vec<Span> = countries.iter().map(|country| country.span).collect();
        blocked.extend(dates.iter().map(|date| date.span));
        let mut people = Vec::new();
        let (mentions, titles) =
            find_people_and_titles(text, &blocked, &|word| registry.knows_word(word));
        let attached: Vec<Span> = mentions
            .iter()
            .filter_map(|mention| mention.title.as_ref().map(|title| title.span))
            .collect();
        for mention in mentions {
            let title_office = mention
                .title
                .as_ref()
                .map(|title| parliaments_own(title, &lower).unwrap_or(title.office))
                .or_else(|| bracketed_office(mention.span.end, &titles, text))
                .or_else(|| tenure_held(mention.span.start, &lower));
            let country = mention
                .title
                .as_ref()
                .and_then(|title| title_country(title, &countries, text))
                .or_else(|| adjective_country(mention.span.start, &countries, text))
                .or_else(|| postfix_country(mention.span.end, &countries, text));
            let id = registry.resolve(&mention.name, title_office, country);
            people.push(PersonRef {
                span: mention.span,
                id,
                office: title_office,
                country,
                pronoun: false,
            });
        }
        let roles = title_roles(&lower, &titles, &attached, &countries, &people, registry);
        people.extend(roles);
        people.sort_by_key(|person| person.span.start);
        let roles = counterparts(&lower, &countries, &people, dyad, registry, last_subject);
        people.extend(roles);
        people.sort_by_key(|person| person.span.start);
        // "he" and "she" stand for the last person named before them in the sentence, else
        // the subject of the sentence before.
        for span in pronouns(&lower) {
            let overlaps = people
                .iter()
                .any(|person| person.span.start <= span.start && span.end <= person.span.end);
            let antecedent = people
                .iter()
                .rfind(|person| !person.pronoun && person.span.end <= span.start)
                .map(|person| person.id)
                .or(last_subject);
            if let (false, Some(id)) = (overlaps, antecedent) {
                people.push(PersonRef {
                    span,
                    id,
                    office: None,
                    country: None,
                    pronoun: true,
                });
            }
        }
        people.sort_by_key(|person| person.span.start);
        if let Some(dyad) = dyad {
            let phrases = if lower.contains("two ") || lower.contains("both ") {
                lower.find_every(DYAD_PHRASES, Span::new(0, lower.len()))
            } else {
                Vec::new()
            };
            for span in phrases {
                for code in dyad.codes() {
                    countries.push(CountryRef {
                        span,
                        code,
                        via: MentionVia::Name,
                    });
                }
            }
            countries.sort_by_key(|country| country.span.start);
        }
        let clauses = text::clauses(&lower);
        View {
            text,
            lower,
            countries,
            dates,
            people,
            titles,
            money: OnceCell::new(),
            numbers: OnceCell::new(),
            clauses,
        }
    }

    pub fn money(&self) -> &[Money] {
        self.money.get_or_init(|| find_money(self.text))
    }

    pub fn numbers(&self) -> &[Quantity] {
        self.numbers.get_or_init(|| find_numbers(self.text))
    }

    pub fn whole(&self) -> Span {
        Span::new(0, self.text.len())
    }

    /// Whether the mention ending at `end` is in the possessive ("Lula's", "Chile’s").
    pub fn possessive_at(&self, end: usize) -> bool {
        self.text
            .get(end..)
            .is_some_and(|after| after.starts_with("'s") || after.starts_with("’s"))
    }

    /// Whether the possessive ending at `end` heads the phrase at `head`: "Lula's second
    /// visit", not "Lula's successor, X, went".
    pub fn possessive_heads(&self, end: usize, head: Span) -> bool {
        self.possessive_at(end)
            && self
                .lower
                .get(end..head.start)
                .is_some_and(|gap| gap.split_whitespace().count() <= 2)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Dates within `span` that can date an event: not reference points such as "since
    /// 1945" or "until 2018", nor when a treaty took effect.
    pub fn dates_in(&self, span: Span) -> impl Iterator<Item = &DateRef> {
        self.dates.iter().filter(move |date| {
            span.start <= date.span.start
                && date.span.end <= span.end
                && !self.is_reference_point(date)
        })
    }

    /// The last date before `offset` that can date an event: what a clause without a date
    /// of its own shares with the one before it ("On 3 March X arrived, and ...").
    pub fn date_before(&self, offset: usize) -> Option<PartialDate> {
        self.dates_in(Span::new(0, offset))
            .last()
            .map(|date| date.start)
    }

    fn is_reference_point(&self, date: &DateRef) -> bool {
        let head = self.lower.get(..date.span.start).unwrap_or("").trim_end();
        let mut words = head.rsplit(|ch: char| ch.is_whitespace());
        let last = words.next().unwrap_or("");
        let before_last = words.next().unwrap_or("");
        // "has operated since 1995" dates the opening; "the first visit since 1945" does not.
        let since_opening = last == "since"
            && matches!(
                before_last,
                "operated" | "operating" | "opened" | "open" | "existed" | "worked" | "functioned"
            );
        if matches!(last, "since" | "before" | "after" | "by") && !since_opening {
            return true;
        }
        // "since assuming office in August 2021", "since taking power in 1994"; not "the
        // first visit since the coup on 9 June 2016", whose date is the visit's.
        let recent_words: Vec<&str> = head.rsplit(|ch: char| ch.is_whitespace()).take(4).collect();
        let since_start = recent_words
            .windows(2)
            .skip(1)
            .any(|pair| pair[1] == "since" && pair[0].ends_with("ing"));
        if since_start && !since_opening && !head.trim_end().ends_with(',') {
            return true;
        }
        // "entered into force on 1 October 2006", "took effect in March 2019".
        let recent: Vec<&str> = head.rsplit(' ').take(5).collect();
        recent
            .iter()
            .any(|word| matches!(*word, "force" | "effect" | "ratified" | "ratification"))
    }

    pub fn countries_in(&self, span: Span) -> impl Iterator<Item = &CountryRef> {
        self.countries
            .iter()
            .filter(move |country| span.start <= country.span.start && country.span.end <= span.end)
    }

    pub fn people_in(&self, span: Span) -> impl Iterator<Item = &PersonRef> {
        self.people
            .iter()
            .filter(move |person| span.start <= person.span.start && person.span.end <= span.end)
    }

    /// The office written in a clause as "as president", "the first German chancellor" or "the
    /// first visit by a Turkish foreign minister".
    pub fn office_phrase(&self, clause: Span) -> Option<Office> {
        self.office_after(
            clause,
            &["as", "first", "becoming", "became", "become", "by"],
        )
    }

    /// The office a person acts in, written after them: "who had come as defence minister".
    pub fn capacity_phrase(&self, clause: Span) -> Option<Office> {
        self.office_after(clause, &["as", "becoming", "became", "become"])
    }

    /// The first title of `clause` at most one adjective after one of `markers` ("by" only as
    /// "by a" or "by an": a class, not "received by the president").
    fn office_after(&self, clause: Span, markers: &[&str]) -> Option<Office> {
        self.titles_in(clause)
            .find(|title| {
                let head = self.lower.get(clause.start..title.span.start).unwrap_or("");
                let head = head.rsplit([',', '.', ';']).next().unwrap_or(head);
                let words: Vec<&str> = head.split_whitespace().rev().take(4).collect();
                words
                    .iter()
                    .enumerate()
                    .position(|(at, word)| {
                        markers.contains(word)
                            && (*word != "by"
                                || at > 0 && matches!(words.get(at - 1), Some(&"a" | &"an")))
                    })
                    .is_some_and(|at| {
                        words[..at].iter().all(|word| {
                            matches!(*word, "a" | "the" | "serving" | "sitting") || word.len() > 2
                        }) && at <= 3
                    })
            })
            .map(|title| title.office)
    }

    /// The office a tenure names: "the only foreign trip of his presidency".
    pub fn tenure_office(&self, span: Span) -> Option<Office> {
        const TENURES: &[&str] = &[
            "his presidency",
            "her presidency",
            "his reign",
            "her reign",
            "his premiership",
            "her premiership",
            "his chancellorship",
            "her chancellorship",
            "presidency of",
            "reign of",
            "premiership of",
            "chancellorship of",
        ];
        let found = self.lower.find_any(TENURES, span)?;
        office_of_tenure(self.lower.get(found.start..found.end)?)
    }

    pub fn titles_in(&self, span: Span) -> impl Iterator<Item = &TitleMention> {
        self.titles
            .iter()
            .filter(move |title| span.start <= title.span.start && title.span.end <= span.end)
    }
}

/// "a delegation of the Congress led by its president, X": a chair said to be "its", after a
/// parliament named just before, is that parliament's.
fn parliaments_own(title: &TitleMention, lower: &str) -> Option<Office> {
    let head = lower.get(..title.span.start)?.trim_end();
    let before_its = head.strip_suffix("its")?;
    let near = before_its
        .get(before_its.len().saturating_sub(80)..)
        .unwrap_or(before_its);
    let near = near.rsplit(['.', ';']).next().unwrap_or(near);
    near.split(|ch: char| !ch.is_alphanumeric())
        .any(bilateral_recognise::office::is_parliament_word)
        .then_some(Office::Parliament)
}

/// The office in brackets right after a name, as a tenure gives it: "Rafael Correa (president
/// 2007–2017)", "X (prime minister, 1992–1999)".
fn bracketed_office(name_end: usize, titles: &[TitleMention], text: &str) -> Option<Office> {
    let rest = text.get(name_end..)?;
    let inside = name_end + rest.strip_prefix(" (")?.as_ptr() as usize - rest.as_ptr() as usize;
    titles
        .iter()
        .find(|title| title.span.start == inside)
        .map(|title| title.office)
}

/// The office of a tenure a name is written as the holder of: "the presidency of X", "the
/// presidencies of X (2010–2015) and Y (2004–2012)", "the premiership of X".
fn tenure_held(name_start: usize, lower: &str) -> Option<Office> {
    let head = lower.get(..name_start)?.trim_end();
    // The first holder stands right after "... of"; a second after " and", with the first
    // (and its years) between.
    let tenure = match head.strip_suffix(" and") {
        Some(before) => {
            let near = before
                .get(before.len().saturating_sub(60)..)
                .unwrap_or(before);
            let at = near.rfind(" of ").filter(|_| !near.contains(['.', ';']))?;
            near[..at].rsplit(' ').next()?
        }
        None => head.strip_suffix(" of")?.rsplit(' ').next()?,
    };
    office_of_tenure(tenure)
}

/// The office a tenure is the holding of: a presidency or a reign is the head of state's, a
/// premiership or chancellorship the head of government's.
fn office_of_tenure(tenure: &str) -> Option<Office> {
    const TENURES: &[(&str, Office)] = &[
        ("presidenc", Office::HeadOfState),
        ("reign", Office::HeadOfState),
        ("premiership", Office::HeadOfGovernment),
        ("chancellorship", Office::HeadOfGovernment),
    ];
    TENURES
        .iter()
        .find(|(stem, _)| tenure.contains(stem))
        .map(|(_, office)| *office)
}

/// Cities of the pair's states named where a place is expected ("visited Bogor"), keyed to the
/// member of the pair: a city of today's Germany in an article on East Germany is East German.
fn cities_of(text: &str, dyad: Dyad, countries: &[CountryRef]) -> Vec<CountryRef> {
    let mut within: Vec<CountryCode> = dyad.codes().to_vec();
    let successors: Vec<(CountryCode, CountryCode)> = dyad
        .codes()
        .iter()
        .filter_map(|code| bilateral_gazetteer::successor(*code).map(|next| (next, *code)))
        .collect();
    within.extend(successors.iter().map(|(next, _)| *next));
    let taken: Vec<Span> = countries.iter().map(|country| country.span).collect();
    bilateral_gazetteer::find_cities(text, &within, &taken)
        .into_iter()
        .map(|mention| CountryRef {
            span: mention.span,
            code: successors
                .iter()
                .find(|(next, _)| *next == mention.code && !dyad.contains(mention.code))
                .map_or(mention.code, |(_, member)| *member),
            via: mention.via,
        })
        .collect()
}

/// Titles of monarchs, which stand for the ruler named before even without the title.
const MONARCH_TITLES: &[&str] = &[
    "king", "queen", "emir", "amir", "sultan", "emperor", "empress", "shah", "tsar", "monarch",
];

/// Offices a bare title such as "the President" can stand for a person by.
const ROLE_OFFICES: &[Office] = &[
    Office::HeadOfState,
    Office::HeadOfGovernment,
    Office::ForeignMinister,
];

/// People first named in the sentence after `offset`: what a role there cannot refer back to.
fn named_after(people: &[PersonRef], offset: usize) -> Vec<usize> {
    people
        .iter()
        .filter(|person| person.span.start > offset)
        .filter(|person| {
            !people
                .iter()
                .any(|earlier| earlier.id == person.id && earlier.span.start < offset)
        })
        .map(|person| person.id)
        .collect()
}

/// People the sentence names by a title alone: "the President", "the Australian premier".
/// Each stands for the person the document mentioned most recently in that office, and is
/// kept as a pronoun is: a reference, not a name.
fn title_roles(
    lower: &text::Lowered,
    titles: &[TitleMention],
    attached: &[Span],
    countries: &[CountryRef],
    people: &[PersonRef],
    registry: &mut Registry,
) -> Vec<PersonRef> {
    let mut found = Vec::new();
    for title in titles {
        if attached.contains(&title.span) || !ROLE_OFFICES.contains(&title.office) {
            continue;
        }
        let written = lower.get(title.span.start..title.span.end).unwrap_or("");
        if written
            .split_whitespace()
            .any(|word| word.ends_with('s') && word != "affairs")
        {
            continue;
        }
        let head = lower.get(..title.span.start).unwrap_or("");
        let mut words = head.split_whitespace().rev();
        let before = words.next().unwrap_or("");
        let demonym = countries
            .iter()
            .find(|country| {
                country.span.end <= title.span.start && title.span.start - country.span.end <= 1
            })
            .filter(|country| matches!(country.via, MentionVia::Demonym));
        let article = if demonym.is_some() {
            words.next().unwrap_or("")
        } else {
            before
        };
        if article != "the" {
            continue;
        }
        let complement_country = title.complement.map(|complement| {
            countries
                .iter()
                .find(|country| {
                    complement.start <= country.span.start && country.span.end <= complement.end
                })
                .map(|country| country.code)
        });
        // "the President of the Commission" is no state's president.
        let country = match complement_country {
            Some(None) => continue,
            Some(Some(code)) => Some(code),
            None => demonym.map(|country| country.code),
        };
        // Nor is anyone named before it in the sentence: "he held talks with the Emir".
        let mut skip = named_after(people, title.span.start);
        skip.extend(
            people
                .iter()
                .filter(|person| person.span.end <= title.span.start)
                .map(|person| person.id),
        );
        let of_country = |person: &crate::people::Person| {
            country.is_none_or(|code| person.country == Some(code))
        };
        // "The Emir" is the ruler the text named, even where it never gave his title: a
        // monarch's title names no elected office another person could hold.
        let monarch = MONARCH_TITLES.contains(&written);
        let office_fits = |person: &crate::people::Person| {
            person.office == Some(title.office) || monarch && person.office.is_none()
        };
        // "The Polish president": one the text made Polish, else one whose state it never gave.
        let Some(id) = registry
            .latest(&skip, |person| office_fits(person) && of_country(person))
            .or_else(|| {
                country?;
                registry.latest(&skip, |person| {
                    office_fits(person) && person.country.is_none()
                })
            })
        else {
            continue;
        };
        registry.touch(id);
        found.push(PersonRef {
            span: title.span,
            id,
            office: Some(title.office),
            country,
            pronoun: true,
        });
    }
    found
}

/// "His counterpart", "her Georgian counterpart", "his host", "the Turkish leader": the person
/// of the other state (or of the state the demonym names) mentioned most recently; a
/// counterpart in the subject's office if there is one.
fn counterparts(
    lower: &text::Lowered,
    countries: &[CountryRef],
    people: &[PersonRef],
    dyad: Option<Dyad>,
    registry: &mut Registry,
    last_subject: Option<usize>,
) -> Vec<PersonRef> {
    let mut found = Vec::new();
    for span in lower.find_every(
        &["counterpart", "host", "leader"],
        Span::new(0, lower.len()),
    ) {
        let word = lower.get(span.start..span.end).unwrap_or("");
        let head = lower.get(..span.start).unwrap_or("");
        let possessed = matches!(
            head.split_whitespace().last(),
            Some("his" | "her" | "their")
        );
        let demonym = adjective_country(span.start, countries, lower);
        // "his host"; "the Turkish leader" (a leader needs a state); "his counterpart".
        let reads_as_role = match word {
            "host" => possessed,
            "leader" => demonym.is_some(),
            _ => true,
        };
        if !reads_as_role {
            continue;
        }
        let subject = people
            .iter()
            .rfind(|person| person.span.end <= span.start)
            .map(|person| person.id)
            .or(last_subject);
        // "his Finnish counterpart Ana Lopes" names the counterpart, who holds the subject's
        // office.
        let named = people.iter().find(|person| {
            person.span.start >= span.end
                && lower
                    .get(span.end..person.span.start)
                    .is_some_and(|gap| gap.trim_matches([' ', ',']).is_empty())
        });
        if let Some(named) = named {
            let office = subject
                .and_then(|id| registry.get(id))
                .and_then(|person| person.office);
            if word == "counterpart"
                && let Some(counterpart) = registry.get_mut(named.id)
            {
                counterpart.office = counterpart.office.or(office);
            }
            continue;
        }
        let subject_person = subject.and_then(|id| registry.get(id));
        let country = demonym.or_else(|| {
            let own = subject_person.and_then(|person| person.country)?;
            dyad.and_then(|dyad| dyad.other(own))
        });
        let Some(country) = country else {
            continue;
        };
        let office = subject_person
            .and_then(|person| person.office)
            .filter(|_| word == "counterpart");
        let mut skip = named_after(people, span.start);
        if word != "leader" {
            skip.extend(subject);
        }
        let in_country = |person: &crate::people::Person| person.country == Some(country);
        // A leader heads a state or a government; a counterpart holds the subject's office.
        let fits = |person: &crate::people::Person| match word {
            "leader" => matches!(
                person.office,
                Some(Office::HeadOfState | Office::HeadOfGovernment)
            ),
            _ => person.office == office,
        };
        let Some(id) = registry
            .latest(&skip, |person| in_country(person) && fits(person))
            .or_else(|| {
                registry
                    .latest(&skip, in_country)
                    .filter(|_| word != "leader")
            })
        else {
            continue;
        };
        registry.touch(id);
        found.push(PersonRef {
            span,
            id,
            office: registry.get(id).and_then(|person| person.office),
            country: Some(country),
            pronoun: true,
        });
    }
    found
}

/// The spans of "he" and "she" as words. Both end in "he", which a substring search finds
/// fast; most hits are inside "the", "when" or "there" and fail the word-boundary test.
fn pronouns(lower: &str) -> Vec<Span> {
    let bytes = lower.as_bytes();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices("he") {
        let start = if at > 0 && bytes[at - 1] == b's' {
            at - 1
        } else {
            at
        };
        if text::bounded(lower, start, at + 2) {
            found.push(Span::new(start, at + 2));
        }
    }
    found
}

/// The year and month a full date gives to dates written without them.
fn context_of(date: PartialDate) -> Option<DateContext> {
    match date {
        PartialDate::Month(year, month) | PartialDate::Day(year, month, _) => Some(DateContext {
            year: Some(year),
            month: Some(month),
        }),
        PartialDate::Year(year) => Some(DateContext {
            year: Some(year),
            month: None,
        }),
        PartialDate::Decade(_) => None,
    }
}

/// The country a title names: "Prime Minister of Freedonia", or a demonym right before it.
fn title_country(
    title: &bilateral_recognise::office::TitleMention,
    countries: &[CountryRef],
    text: &str,
) -> Option<CountryCode> {
    if let Some(complement) = title.complement
        && let Some(country) = countries.iter().find(|country| {
            complement.start <= country.span.start && country.span.end <= complement.end
        })
    {
        return Some(country.code);
    }
    adjective_country(title.span.start, countries, text)
}

/// A state named right after a name: "Ana Lopes of Chile".
fn postfix_country(offset: usize, countries: &[CountryRef], text: &str) -> Option<CountryCode> {
    let rest = text.get(offset..)?;
    let gap = rest.len() - rest.strip_prefix(" of ")?.len();
    countries
        .iter()
        .find(|country| country.span.start == offset + gap)
        .filter(|country| matches!(country.via, MentionVia::Name))
        .map(|country| country.code)
}

/// A demonym or possessive country name just before `offset`: "Spanish Prime Minister",
/// "Japan's prime minister", "his Finnish counterpart".
fn adjective_country(offset: usize, countries: &[CountryRef], text: &str) -> Option<CountryCode> {
    countries
        .iter()
        .filter(|country| country.span.end <= offset)
        .max_by_key(|country| country.span.end)
        .filter(|country| {
            let between = text.get(country.span.end..offset).unwrap_or("");
            let between = between.trim_start_matches("'s").trim_start_matches("’s");
            let words: Vec<&str> = between.split_whitespace().collect();
            !between.contains([',', ';', '.', '('])
                && (words.is_empty() || words == ["counterpart"])
        })
        .map(|country| country.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_are_whole_words_only() {
        let lower = "she said the theme was his; then he left. ashe, he";
        let found: Vec<&str> = pronouns(lower)
            .into_iter()
            .map(|span| &lower[span.start..span.end])
            .collect();
        assert_eq!(found, ["she", "he", "he"]);
    }
}
