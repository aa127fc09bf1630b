//! Figures: populations (diaspora, nationals, prisoners, students) and trade flows.

use bilateral_gazetteer::MentionVia;
use bilateral_model::{CountryCode, Direction, Fact, PartialDate, Span};
use bilateral_recognise::quantity::{Money, may_hold_twenty_or_more};

use std::sync::LazyLock;

use crate::lexicon;
use crate::missions::capitalised_run;
use crate::text::find_all;
use crate::view::View;
use crate::{Found, State};

/// Nouns for groups of people who live somewhere.
static GROUPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "groups"));

/// Words that say the group lives (or was held) somewhere.
static RESIDENCE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "residence"));

/// Verbs that make a number in their clause something other than a population.
static NOT_POPULATION: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "not population"));

/// Nouns that, counted, are something other than a population: "a million Australian
/// visitors", "200 Danish companies".
static NOT_GROUPS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "not groups"));

/// Words before a state that say the group comes from it rather than lives in it.
static ORIGIN_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "origin cues"));

/// Words before a state after the group that say the group lives there.
const RESIDENCE_CUES: &[&str] = &[" in", " to", " at", " on", " across", " throughout"];

/// Group nouns a demonym can head for a number that follows: "the Angolan community in
/// Brazil ... was put at some 25,000 people".
static COLLECTIVES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "collectives"));

pub(crate) fn extract(view: &View, state: &mut State, found: &mut Vec<Found>) {
    population(view, state, found);
    trade(view, state, found);
}

fn population(view: &View, state: &State, found: &mut Vec<Found>) {
    if !view.lower.has_any(&RESIDENCE, view.whole()) {
        return;
    }
    for clause in view.clauses.clone() {
        if view.lower.find_any(&RESIDENCE, clause).is_none()
            || view.lower.find_any(&NOT_POPULATION, clause).is_some()
            || !may_hold_twenty_or_more(view.slice(clause))
        {
            continue;
        }
        for number in view
            .numbers()
            .iter()
            .filter(|number| clause.start <= number.span.start && number.span.end <= clause.end)
        {
            if number.value < 20.0 || number.value.fract() != 0.0 {
                continue;
            }
            let date = view
                .dates_in(clause)
                .next()
                .map(|date| date.start)
                .or_else(|| view.dates.first().map(|date| date.start));
            let push = |found: &mut Vec<Found>, group: String, country, place| {
                found.push(Found {
                    fact: Fact::Population {
                        group,
                        count: number.value as u64,
                        country,
                        place,
                        date,
                    },
                    confidence: 0.7,
                });
            };
            // "Zambian nationals resident in Tanzania: about 8,000": the group labels the number.
            if let Some((group, country)) = labelled_group(view, clause, number.span.start, state) {
                push(found, group, Some(country), None);
                continue;
            }
            let after = view.text.get(number.span.end..clause.end).unwrap_or("");
            let Some((group, group_end)) =
                group_after(after).or_else(|| demonym_group(view, number.span.end, clause))
            else {
                // "The Ghanaian community in Norway numbers about 3,000 (in 2019)".
                let rest = after.trim_start();
                let dated = rest.starts_with("in ")
                    && view
                        .dates
                        .iter()
                        .any(|date| date.span.start == clause.end - rest.len() + 3);
                if (rest.is_empty() || rest.starts_with(['.', ',', ';', '(']) || dated)
                    && let Some((community, country)) =
                        collective_before(view, clause, number.span.start, state)
                {
                    push(found, community, Some(country), None);
                }
                // "15,000 Thai citizens lived in Norway, some 110 of them on Svalbard": a
                // part of the group just counted, in a place of its own.
                if let Some(place_at) = rest
                    .strip_prefix("of them ")
                    .and_then(|tail| {
                        tail.strip_prefix("on ")
                            .or_else(|| tail.strip_prefix("in "))
                    })
                    .map(|tail| clause.end - tail.len())
                    && let Some(Fact::Population { group, country, .. }) = found
                        .iter()
                        .rev()
                        .map(|item| &item.fact)
                        .find(|fact| matches!(fact, Fact::Population { .. }))
                    && let Some(place) = capitalised_run(view.text, place_at)
                {
                    let (group, country) = (group.clone(), *country);
                    push(found, group, country, Some(place));
                }
                continue;
            };
            let group_span = Span::new(number.span.end, number.span.end + group_end);
            let counted = Span::new(
                number.span.start,
                (group_span.end + 2).min(clause.end).max(group_span.end),
            );
            if view.lower.find_any(&NOT_GROUPS, counted).is_some() {
                continue;
            }
            // "The Angolan community in Brazil was put at some 25,000 people".
            if group.eq_ignore_ascii_case("people")
                && let Some((community, country)) =
                    collective_before(view, clause, number.span.start, state)
            {
                push(found, community, Some(country), None);
                continue;
            }
            // "About 2,000 people in Arequipa": a city of the pair gives the place and its state.
            if let Some(city) = view.countries.iter().find(|country| {
                country.via == MentionVia::City
                    && view
                        .text
                        .get(group_span.end..country.span.start)
                        .is_some_and(|gap| gap == " in ")
            }) {
                push(
                    found,
                    group,
                    Some(city.code),
                    Some(view.slice(city.span).to_owned()),
                );
                continue;
            }
            match residence_country(view, clause, group_span, state) {
                Some(country) => push(found, group, Some(country), None),
                // "About 10,000 people in Lagos": a place the gazetteer does not know.
                None => {
                    if let Some(place) = view
                        .text
                        .get(group_span.end..clause.end)
                        .and_then(|rest| rest.strip_prefix(" in "))
                        .and_then(|_| capitalised_run(view.text, group_span.end + 4))
                    {
                        push(found, group, None, Some(place));
                    }
                }
            }
        }
    }
}

/// A group that labels the number after it: "Zambian nationals resident in Tanzania: about
/// 8,000", "Mongolian students in Indian universities: 150". The group is the label; it lives
/// in the state named after "in", else in the member its demonym does not name.
fn labelled_group(
    view: &View,
    clause: Span,
    number_start: usize,
    state: &State,
) -> Option<(String, CountryCode)> {
    let head = view.text.get(clause.start..number_start)?.trim_end();
    let label = head.strip_suffix(':')?.trim();
    let label_start = clause.start + (head.len() - head.trim_start().len());
    let label_span = Span::new(label_start, label_start + label.len());
    let lower = label.to_ascii_lowercase();
    if !GROUPS.iter().any(|noun| !find_all(&lower, noun).is_empty())
        || view.lower.find_any(&NOT_GROUPS, label_span).is_some()
    {
        return None;
    }
    let in_at = find_all(&view.lower[..label_span.end], "in")
        .into_iter()
        .find(|span| span.start >= label_span.start)?;
    let host = view
        .countries_in(Span::new(in_at.end, label_span.end))
        .next()?;
    let country = host.code;
    let group = label
        .split(" resident in")
        .next()
        .unwrap_or(label)
        .split(" living in")
        .next()
        .unwrap_or(label)
        .trim()
        .to_owned();
    in_pair(country, state).then_some((group, country))
}

/// "The Angolan community in Brazil": a demonym heading a collective noun before the number,
/// and where the community lives ("in X", else the other member).
fn collective_before(
    view: &View,
    clause: Span,
    number_start: usize,
    state: &State,
) -> Option<(String, CountryCode)> {
    let before = Span::new(clause.start, number_start);
    let noun = view.lower.find_any(&COLLECTIVES, before)?;
    let demonym = view
        .countries_in(Span::new(clause.start, noun.start))
        .filter(|country| {
            country.via == MentionVia::Demonym
                && view.text[country.span.end..noun.start].trim().is_empty()
        })
        .last()?;
    let group = view.text[demonym.span.start..noun.end].to_owned();
    let lives_in = view
        .lower
        .get(noun.end..)
        .filter(|rest| rest.starts_with(" in "))
        .and_then(|_| {
            view.countries_in(Span::new(noun.end + 4, number_start))
                .next()
        })
        .filter(|country| country.span.start == noun.end + 4)
        .map(|country| country.code);
    let country = match lives_in {
        Some(code) => code,
        None => state.other(demonym.code)?,
    };
    in_pair(country, state).then_some((group, country))
}

/// The group named right after a number: "Japanese prisoners of war", "Indian nationals",
/// "people of Polish descent". Returns the group text and its length in `after`.
fn group_after(after: &str) -> Option<(String, usize)> {
    let trimmed = after.trim_start().trim_start_matches(['"', '“']);
    let offset = after.len() - trimmed.len();
    let lower = trimmed.to_ascii_lowercase();
    // Up to three words (demonyms, "-born") before the group noun.
    let mut best: Option<(usize, usize)> = None;
    for noun in GROUPS.iter() {
        if let Some(span) = find_all(&lower, noun).first() {
            let words_before = lower[..span.start].split_whitespace().count();
            if words_before <= 3
                && !lower[..span.start].contains([',', '.', ';'])
                && best.is_none_or(|(start, _)| span.start < start)
            {
                best = Some((span.start, span.end));
            }
        }
    }
    // "people of Polish descent", "Canadians of Ukrainian ancestry".
    let end = match best {
        Some((_, end)) => descent_tail(&lower, end).unwrap_or(end),
        // No group noun: a plural word with such a tail ("Hispanics of Cuban origin").
        None => {
            let word_end = lower
                .find(|ch: char| !ch.is_alphabetic())
                .filter(|end| lower[..*end].ends_with('s'))?;
            descent_tail(&lower, word_end)?
        }
    };
    let group = trimmed[..end]
        .trim()
        .trim_end_matches(['"', '”'])
        .to_owned();
    Some((group, offset + end))
}

/// The end of a descent tail after a group word ending at `end`: " of Polish descent",
/// " from Cuban backgrounds"... `None` when none follows.
fn descent_tail(lower: &str, end: usize) -> Option<usize> {
    [" of ", " from "].iter().find_map(|tail| {
        let rest = lower.get(end..)?.strip_prefix(tail)?;
        let words: Vec<&str> = rest.split_whitespace().take(2).collect();
        let last = words.last()?.trim_end_matches([',', '.']);
        matches!(
            last,
            "descent" | "origin" | "ancestry" | "background" | "nationality" | "heritage"
        )
        .then(|| end + tail.len() + rest.find(last).unwrap_or(0) + last.len())
    })
}

/// Where the group lives: "in X" after it (or a state whose capital or city is named), else
/// the dyad member the group does not come from.
/// A plural demonym right after a number: "1,300 South Koreans", "30,000 Thais", "153,000
/// ethnic Koreans".
fn demonym_group(view: &View, after_number: usize, clause: Span) -> Option<(String, usize)> {
    let country = view
        .countries_in(Span::new(after_number, clause.end))
        .next()
        .filter(|country| matches!(country.via, MentionVia::Demonym))?;
    let gap = view.text.get(after_number..country.span.start)?.trim();
    let text = view.slice(country.span);
    ((gap.is_empty() || gap == "ethnic") && text.ends_with('s')).then(|| {
        let group = view
            .text
            .get(after_number..country.span.end)
            .unwrap_or(text)
            .trim();
        (group.to_owned(), country.span.end - after_number)
    })
}

fn residence_country(view: &View, clause: Span, group: Span, state: &State) -> Option<CountryCode> {
    // "In the 2018 New Zealand census ...": the state that counted them.
    if let Some(census) = census_country(view, clause) {
        return in_pair(census, state).then_some(census);
    }
    // "... in X" after the group; "born in X", "from X" name where it comes from.
    let mut origin_after = None;
    for country in view
        .countries_in(Span::new(group.end, clause.end))
        .filter(|country| !matches!(country.via, MentionVia::Demonym))
    {
        let head = view.lower[..country.span.start].trim_end();
        if ORIGIN_CUES.iter().any(|cue| head.ends_with(cue)) {
            origin_after.get_or_insert(country.code);
            continue;
        }
        // "live in X", "moved to the X"; not "the largest community outside X".
        let head = head.strip_suffix(" the").unwrap_or(head);
        if !RESIDENCE_CUES.iter().any(|cue| head.ends_with(cue)) {
            continue;
        }
        return in_pair(country.code, state).then_some(country.code);
    }
    if let Some(origin) = origin_after {
        return state.counterpart(origin);
    }
    let origin = view
        .countries_in(group)
        .next()
        .map(|country| country.code)?;
    // "1,359,655 Canadians reported Ukrainian ancestry": the group lives where its name says.
    if view
        .lower
        .find_any(
            &["ancestry", "descent", "origin", "heritage"],
            Span::new(group.end, clause.end),
        )
        .is_some()
    {
        return in_pair(origin, state).then_some(origin);
    }
    state.other(origin)
}

/// The state whose census a clause cites: "the 2018 New Zealand census", "the Polish census".
fn census_country(view: &View, clause: Span) -> Option<CountryCode> {
    let census = view.lower.find_any(&["census"], clause)?;
    view.countries_in(Span::new(clause.start, census.start))
        .last()
        .filter(|country| {
            view.text[country.span.end..census.start].trim().is_empty()
                && country.via != MentionVia::Capital
        })
        .map(|country| country.code)
}

/// Words that mark a money figure as trade.
static TRADE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "trade words"));

/// Words that make a money figure something other than trade.
static NOT_TRADE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "not trade"));

static TOTAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "total"));

fn trade(view: &View, state: &mut State, found: &mut Vec<Found>) {
    let trade_before = std::mem::take(&mut state.trade_before);
    // "Bilateral trade stood at X in 2008. In 2023 it amounted to Y": "it" is the trade.
    let it_is_trade = trade_before && view.lower.has_any(&TRADE_PRONOUNS, view.whole());
    // Money is looked for only in sentences that speak of trade: most do not.
    if !(it_is_trade || view.lower.has_any(&TRADE_WORDS, view.whole())) {
        return;
    }
    if view.money().is_empty() {
        // "Trade between the two countries is modest. It amounted to X in 2010": the pair's
        // trade, spoken of without a figure, is what "it" stands for next.
        state.trade_before = view.lower.has_any(&TOTAL, view.whole());
        return;
    }
    let inherited = currency_carried(view);
    for clause in view.clauses.clone() {
        let mut money: Vec<&Money> = view
            .money()
            .iter()
            .chain(&inherited)
            .filter(|money| clause.start <= money.span.start && money.span.end <= clause.end)
            .collect();
        money.sort_by_key(|money| money.span.start);
        if money.is_empty() {
            continue;
        }
        if !(it_is_trade || view.lower.has_any(&TRADE_WORDS, clause))
            || view.lower.find_any(&NOT_TRADE, clause).is_some()
            || !between_the_pair(view, clause, state)
            || ones_own_trade(view, clause, money[0], state)
        {
            continue;
        }
        // "X, of which A's exports accounted for Y": what follows "of which" is a part; the
        // clause's direction is read before it.
        let whole = view
            .lower
            .find_any(&["of which"], clause)
            .map_or(clause, |part| Span::new(clause.start, part.start));
        let clause_direction = direction_of(view, whole, state)
            .or_else(|| subject_flow(view, whole, state))
            .or_else(|| it_is_trade.then_some((Direction::Total, None, None)));
        let respective = respective_flows(view, clause, &money, state);
        let mut direction = None;
        for (index, amount) in money.iter().enumerate() {
            // Each amount takes the direction its own words give ("of which Thai exports to
            // Peru accounted for X"), else the one before it ("from X in 2003 to Y in 2004").
            let context_start = index
                .checked_sub(1)
                .and_then(|previous| money.get(previous))
                .map_or(clause.start, |previous| previous.span.end);
            let context = Span::new(context_start, amount.span.start);
            // "by 2022 the total had fallen to X": the total, whatever else the clause says.
            // "It reached US$1.38 billion in 2023, with Malaysian exports ... worth X": "it",
            // the trade of the sentence before, is the total.
            let total = (view
                .lower
                .has_any(&["the total", "total trade", "the turnover"], context)
                || it_is_trade && index == 0 && view.lower.has_any(&TRADE_PRONOUNS, context))
            .then_some((Direction::Total, None, None));
            let own = direction_of(view, context, state).filter(|_| has_cue(view, context));
            let respective_flow = respective
                .as_ref()
                .and_then(|flows| flows.get(index).copied());
            // "(export – USD 12.3 million, import – ...)": a flow whose way the words do not
            // say is no total either.
            if respective_flow.is_none()
                && total.is_none()
                && own.is_none()
                && index > 0
                && view
                    .lower
                    .has_any(&["export", "exports", "import", "imports"], context)
            {
                continue;
            }
            direction = respective_flow
                .or(total)
                .or(own)
                .or(direction)
                .or(clause_direction);
            // Each amount takes the year written after it ("US$5 billion in 2004"), else the
            // clause's, the sentence's or the last trade year ("of that total").
            let until = money
                .get(index + 1)
                .map_or(clause.end, |next| next.span.start);
            // "by 2022 the total had fallen to X": a date "by" which the figure held.
            let by_year = view.dates.iter().rfind(|date| {
                context.start <= date.span.start
                    && date.span.end <= context.end
                    && view.lower[..date.span.start].ends_with("by ")
            });
            // "three years earlier total trade had stood at X", "rose to Y in the following
            // year": a year told against the last one.
            let relative = state.last_trade_year.and_then(|last| {
                crate::when::relative_date(
                    &view.lower,
                    Span::new(context.start, until),
                    PartialDate::Year(last),
                )
            });
            let year = view
                .dates_in(Span::new(amount.span.end, until))
                .next()
                .map(|date| date.start)
                .or(by_year.map(|date| date.start))
                .or(relative)
                // A year written before the amount in its clause is the latest one said
                // ("€14.6 million in 2022, when exports were €13.1 million"); with none in
                // the clause, the sentence's latest before it ("...in 2022; in the latter year
                // exports were X").
                .or_else(|| {
                    view.dates_in(Span::new(clause.start, amount.span.start))
                        .last()
                        .or_else(|| view.dates_in(clause).next())
                        .or_else(|| view.dates_in(Span::new(0, amount.span.start)).last())
                        .or_else(|| view.dates.first())
                        .map(|date| date.start)
                })
                .map(|date| date.year())
                .or(state.last_trade_year);
            let Some(year) = year else {
                continue;
            };
            let Some((direction, from, to)) = direction else {
                continue;
            };
            if direction != Direction::Total && !to_the_partner(view, clause, state) {
                continue;
            }
            state.last_trade_year = Some(year);
            state.trade_before = true;
            found.push(Found {
                fact: Fact::Trade {
                    year,
                    value: amount.value,
                    currency: amount.currency.clone(),
                    direction,
                    from,
                    to,
                },
                confidence: 0.75,
            });
        }
    }
    if let Some(date) = view.dates.first()
        && let PartialDate::Year(year) | PartialDate::Month(year, _) | PartialDate::Day(year, _, _) =
            date.start
    {
        state.last_trade_year = state.last_trade_year.or(Some(year));
    }
}

/// The flows of "A's exports to B and B's exports to A were worth X and Y respectively":
/// one per amount, in order, from the phrases before the first amount.
fn respective_flows(
    view: &View,
    clause: Span,
    money: &[&Money],
    state: &State,
) -> Option<Vec<Flow>> {
    let first = money.first()?;
    if money.len() < 2 || !view.lower.has_any(&["respectively"], clause) {
        return None;
    }
    let head = Span::new(clause.start, first.span.start);
    let mut flows = Vec::new();
    let mut start = head.start;
    let cuts = find_all(&view.lower[..head.end], "and")
        .into_iter()
        .filter(|cut| cut.start >= head.start)
        .map(|cut| cut.start)
        .chain([head.end]);
    for cut in cuts {
        let piece = Span::new(start, cut);
        if has_cue(view, piece)
            && let Some(flow) = direction_of(view, piece, state)
        {
            flows.push(flow);
        }
        start = cut;
    }
    (flows.len() == money.len()).then_some(flows)
}

/// "X exported ..., and imported goods worth Y from it": a clause with a trade verb and no
/// state of its own, whose subject is the first member the sentence names.
fn subject_flow(view: &View, clause: Span, state: &State) -> Option<Flow> {
    let subject = view
        .countries_in(Span::new(0, clause.start))
        .find(|country| state.dyad.contains(country.code))?;
    if view.countries_in(clause).any(|_| true) {
        return None;
    }
    let exporter = if view.lower.has_any(
        &["exported", "exports", "sold", "shipped", "supplied"],
        clause,
    ) {
        subject.code
    } else if view
        .lower
        .has_any(&["imported", "imports", "bought"], clause)
    {
        state.dyad.other(subject.code)?
    } else {
        return None;
    };
    let direction = if exporter == state.dyad.first() {
        Direction::AToB
    } else {
        Direction::BToA
    };
    Some((direction, Some(exporter), state.dyad.other(exporter)))
}

/// A flow of goods: total, or from one member to the other.
pub(crate) type Flow = (Direction, Option<CountryCode>, Option<CountryCode>);

/// Words right before a bare amount that make it a share of a figure just given: "of which
/// Turkish exports accounted for 2.9 billion".
static SHARE_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "share verbs"));

/// Amounts written without a currency after one written with it in the same sentence, which
/// carry its currency: "US$6.1 billion, of which Turkish exports accounted for 2.9 billion".
/// Only a scaled amount ("billion", "million") closing its phrase counts.
fn currency_carried(view: &View) -> Vec<Money> {
    let money = view.money();
    let Some(first) = money.first() else {
        return Vec::new();
    };
    view.numbers()
        .iter()
        .filter(|number| {
            number.span.start > first.span.end
                && number.value >= 1_000_000.0
                && !money.iter().any(|amount| {
                    amount.span.start <= number.span.start && number.span.start < amount.span.end
                })
        })
        .filter(|number| {
            let head = view.lower[..number.span.start].trim_end();
            let tail = view.lower[number.span.end..].trim_start();
            SHARE_VERBS.iter().any(|verb| head.ends_with(verb))
                && (tail.is_empty()
                    || tail.starts_with(['.', ',', ';', ')', '['])
                    || tail.starts_with("in ")
                    || tail.starts_with("respectively"))
        })
        .filter_map(|number| {
            let currency = money
                .iter()
                .rfind(|amount| amount.span.end <= number.span.start)?
                .currency
                .clone();
            Some(Money {
                span: number.span,
                value: number.value,
                currency,
                approximate: number.approximate,
            })
        })
        .collect()
}

/// Words that make a figure the pair's own trade even where one member goes unnamed.
static BILATERAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "bilateral"));

static NOT_BILATERAL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "not bilateral"));

/// Whether a clause gives one state's own trade rather than the pair's: with the world or a
/// region ("to all destinations"), or a member's own total ("Kazakhstan's total foreign trade
/// reached X", "India's total trade with Latin America was X") in a sentence that names no
/// other member; "fell as Peru's copper exports fell" after the figure owns nothing.
fn ones_own_trade(view: &View, clause: Span, figure: &Money, state: &State) -> bool {
    if view.lower.find_any(&NOT_BILATERAL, clause).is_some() {
        return true;
    }
    let possessive = |country: &crate::view::CountryRef| view.possessive_at(country.span.end);
    // "Hungary's total exports", "Bulgaria's worldwide exports": a member's own total,
    // whatever else the sentence names.
    let owns_a_total = view
        .countries_in(Span::new(clause.start, figure.span.start))
        .filter(|country| in_pair(country.code, state) && possessive(country))
        .any(|country| {
            view.lower
                .get(country.span.end..figure.span.start)
                .unwrap_or("")
                .split_whitespace()
                .skip(1)
                .take(2)
                .any(|word| matches!(word, "total" | "worldwide" | "overall" | "global"))
        });
    if owns_a_total {
        return true;
    }
    let mut members = view
        .countries
        .iter()
        .filter(|country| in_pair(country.code, state));
    let Some(first) = members.next() else {
        return false;
    };
    let alone = members.all(|other| other.code == first.code);
    alone
        && possessive(first)
        && clause.start <= first.span.start
        && first.span.end <= figure.span.start
        && !view.lower.has_any(&BILATERAL, view.whole())
}

/// Words by which a sentence speaks of the trade the sentence before gave a figure of.
static TRADE_PRONOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::phrases(lexicon::FIGURES, "trade pronouns"));

/// Whether a clause's figure can be trade between the pair: no third state named in it
/// ("trade between Kenya and Uganda").
fn between_the_pair(view: &View, clause: Span, state: &State) -> bool {
    !view
        .countries_in(clause)
        .any(|country| country.via != MentionVia::Demonym && !in_pair(country.code, state))
}

/// A member of the pair, or a former state of one ("the GDR" in a Germany–Ghana article).
fn in_pair(code: CountryCode, state: &State) -> bool {
    state.dyad.contains(code)
        || bilateral_gazetteer::successor(code).is_some_and(|next| state.dyad.contains(next))
}

/// Whether a flow from one member is to the other: the sentence names both, or says the
/// trade is the pair's ("bilateral", "two-way"), or the clause names no member at all (the
/// section speaks of the pair). "Ethiopia's total exports reached US$3 billion" is not.
fn to_the_partner(view: &View, clause: Span, state: &State) -> bool {
    if !view
        .countries_in(clause)
        .any(|country| in_pair(country.code, state))
    {
        return true;
    }
    let members: Vec<CountryCode> = view
        .countries
        .iter()
        .filter(|country| in_pair(country.code, state))
        .map(|country| {
            bilateral_gazetteer::successor(country.code)
                .filter(|next| state.dyad.contains(*next))
                .unwrap_or(country.code)
        })
        .collect();
    members.windows(2).any(|pair| pair[0] != pair[1])
        || view.lower.has_any(&BILATERAL, view.whole())
}

/// Whether a stretch of text says anything about which way goods flow.
fn has_cue(view: &View, span: Span) -> bool {
    view.lower.find_any(&TRADE_WORDS, span).is_some()
}

/// The flow a clause describes: total, or from one member to the other.
pub(crate) fn direction_of(view: &View, clause: Span, state: &State) -> Option<Flow> {
    let dyad = state.dyad;
    let directed =
        |from: CountryCode| -> Option<(Direction, Option<CountryCode>, Option<CountryCode>)> {
            let to = dyad.other(from)?;
            let direction = if from == dyad.first() {
                Direction::AToB
            } else {
                Direction::BToA
            };
            Some((direction, Some(from), Some(to)))
        };
    let members: Vec<&crate::view::CountryRef> = view
        .countries_in(clause)
        .filter(|country| dyad.contains(country.code))
        .collect();
    // The first member after `verb` that follows `word` ("exports to Y", "imports from Y").
    let after_word = |verb: Span, word: &str| {
        members.iter().find(|country| {
            country.span.start >= verb.end
                && view
                    .lower
                    .get(..country.span.start)
                    .is_some_and(|head| head.trim_end().ends_with(word))
        })
    };
    if let Some(verb) = view.lower.find_any(
        &[
            "exports",
            "exported",
            "export",
            "sold",
            "supplied",
            "shipped",
            "deliveries",
        ],
        clause,
    ) {
        // "X exports to Y", "X exported ... to Y", "X sold", "exports of X".
        let before = members
            .iter()
            .rev()
            .find(|country| country.span.end <= verb.start);
        if let Some(exporter) = before {
            return directed(exporter.code);
        }
        if let Some(importer) = after_word(verb, " to") {
            return directed(dyad.other(importer.code)?);
        }
        let of_after = members
            .iter()
            .find(|country| country.span.start >= verb.end);
        return of_after.and_then(|exporter| directed(exporter.code));
    }
    if let Some(verb) = view
        .lower
        .find_any(&["imports", "imported", "import", "bought"], clause)
    {
        // "X imports from Y", "X bought Y-ian goods", "imports to X from Y": Y exports to X.
        if let Some(exporter) = after_word(verb, " from") {
            return directed(exporter.code);
        }
        if let Some(importer) = after_word(verb, " to") {
            return directed(dyad.other(importer.code)?);
        }
        let after = members
            .iter()
            .find(|country| country.span.start >= verb.end);
        if let Some(exporter) = after {
            return directed(exporter.code);
        }
        let before = members
            .iter()
            .rev()
            .find(|country| country.span.end <= verb.start);
        return before.and_then(|importer| directed(dyad.other(importer.code)?));
    }
    if view.lower.find_any(&TOTAL, clause).is_some()
        || view.lower.find_any(&["trade"], clause).is_some()
    {
        return Some((Direction::Total, None, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_list_of_the_figure_lexicon_holds_phrases() {
        for list in [
            &GROUPS,
            &RESIDENCE,
            &NOT_POPULATION,
            &NOT_GROUPS,
            &ORIGIN_CUES,
            &COLLECTIVES,
            &TRADE_WORDS,
            &NOT_TRADE,
            &TOTAL,
            &SHARE_VERBS,
            &BILATERAL,
            &NOT_BILATERAL,
            &TRADE_PRONOUNS,
        ] {
            assert!(!list.is_empty());
        }
    }
}
