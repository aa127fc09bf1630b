//! When a clause happened: its own date, or a date the text gives relative to the last one
//! ("the same year", "ten years later", "that December", "the following day").

use bilateral_model::{PartialDate, Span};
use bilateral_recognise::date::month_from_name;

use crate::text::{Lowered, count_word, find_all};
use crate::view::View;

/// A point in time with an optional end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct When {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

/// The date of a clause: the first date written in it, else a relative phrase resolved
/// against `last`.
pub fn clause_date(view: &View, clause: Span, last: Option<PartialDate>) -> Option<When> {
    if let Some(date) = view.dates_in(clause).next() {
        return Some(When {
            start: date.start,
            end: date.end,
        });
    }
    relative_date(&view.lower, clause, last?).map(|start| When { start, end: None })
}

/// The date nearest after `offset` in `clause`, else the nearest before it, else the
/// clause's relative date.
pub fn date_near(
    view: &View,
    clause: Span,
    offset: usize,
    last: Option<PartialDate>,
) -> Option<When> {
    let point = |date: &crate::view::DateRef| When {
        start: date.start,
        end: date.end,
    };
    let after_span = Span::new(offset.min(clause.end), clause.end);
    let before = view
        .dates_in(clause)
        .filter(|date| date.span.end <= offset)
        .last();
    // "In March 2007 X led a delegation to Caracas to review the agreements the two
    // governments had signed in 2006": a date after a perfect of its own is that verb's.
    let own_perfect = |date: &crate::view::DateRef| {
        view.lower
            .get(offset..date.span.start)
            .unwrap_or("")
            .split_whitespace()
            .any(|word| matches!(word, "had" | "has" | "have"))
    };
    if let Some(date) = view
        .dates_in(after_span)
        .next()
        .filter(|date| !own_perfect(date))
    {
        return Some(point(date));
    }
    // "... opened the legation that December": a relative date after the verb beats an
    // explicit one before it.
    if let Some(start) = last.and_then(|last| relative_date(&view.lower, after_span, last)) {
        return Some(When { start, end: None });
    }
    if let Some(date) = before {
        return Some(point(date));
    }
    relative_date(&view.lower, clause, last?).map(|start| When { start, end: None })
}

fn add_days(date: PartialDate, days: u8) -> PartialDate {
    match date {
        PartialDate::Day(year, month, day) => {
            let next = day.saturating_add(days);
            PartialDate::day(year, month, next)
                .or_else(|_| {
                    PartialDate::day(
                        year,
                        month.saturating_add(1),
                        next - bilateral_model::date::days_in_month(year, month),
                    )
                })
                .unwrap_or(date)
        }
        other => other,
    }
}

/// The day before a day; a month or year stays as it is.
fn day_before(date: PartialDate) -> PartialDate {
    match date {
        PartialDate::Day(year, month, day) if day > 1 => {
            PartialDate::day(year, month, day - 1).unwrap_or(date)
        }
        PartialDate::Day(year, month, _) if month > 1 => PartialDate::day(
            year,
            month - 1,
            bilateral_model::date::days_in_month(year, month - 1),
        )
        .unwrap_or(date),
        PartialDate::Day(year, ..) => PartialDate::day(year - 1, 12, 31).unwrap_or(date),
        other => other,
    }
}

/// Words every relative phrase below contains; a clause without any has none.
const RELATIVE_WORDS: &[&str] = &["day", "date", "that", "month", "year", "years", "time"];

/// A relative date phrase in `clause`, resolved against `last`.
pub fn relative_date(lower: &Lowered, clause: Span, last: PartialDate) -> Option<PartialDate> {
    if !lower.has_any(RELATIVE_WORDS, clause) {
        return None;
    }
    let slice = lower.get(clause.start..clause.end)?;
    let year = last.year();
    let has = |phrases: &'static [&'static str]| lower.has_any(phrases, clause);
    if has(&[
        "the same day",
        "that day",
        "that same day",
        "the same date",
        "on the same day",
    ]) {
        return Some(last);
    }
    if has(&[
        "the following day",
        "the next day",
        "a day later",
        "the day after",
        "the second day",
    ]) {
        return Some(add_days(last, 1));
    }
    if has(&["the day before", "the previous day", "a day earlier"]) {
        return Some(day_before(last));
    }
    // "that December", "in October of that year".
    for span in find_all(slice, "that") {
        let tail = &slice[span.end..];
        if let Some(word) = tail.split_whitespace().next()
            && let Some(month) = month_from_name(word.trim_matches(|ch: char| !ch.is_alphabetic()))
        {
            return PartialDate::month(year, month).ok();
        }
    }
    for span in find_all(slice, "of that year") {
        let head = slice[..span.start].trim_end();
        if let Some(word) = head.split_whitespace().last()
            && let Some(month) = month_from_name(word)
        {
            return PartialDate::month(year, month).ok();
        }
    }
    if has(&[
        "the same month",
        "that month",
        "that same month",
        "later that month",
    ]) {
        return match last {
            PartialDate::Month(y, m) | PartialDate::Day(y, m, _) => Some(PartialDate::Month(y, m)),
            _ => None,
        };
    }
    if has(&[
        "the same year",
        "that year",
        "that spring",
        "that summer",
        "that autumn",
        "that fall",
        "that winter",
        "that same year",
        "later that year",
        "earlier that year",
        "before the year was out",
        "within the year",
        "by the end of the year",
        "the same time",
    ]) {
        return Some(PartialDate::Year(year));
    }
    if has(&[
        "the following year",
        "the next year",
        "a year later",
        "one year later",
    ]) {
        return Some(PartialDate::Year(year + 1));
    }
    if has(&["the previous year", "a year earlier", "the year before"]) {
        return Some(PartialDate::Year(year - 1));
    }
    for (phrase, sign) in [
        ("years later", 1),
        ("years earlier", -1),
        ("years before", -1),
    ] {
        for span in find_all(slice, phrase) {
            let head = slice[..span.start].trim_end();
            if let Some(count) = head.split_whitespace().last().and_then(count_word) {
                return Some(PartialDate::Year(year + sign * i32::try_from(count).ok()?));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(text: &str, last: &str) -> Option<String> {
        let lower = Lowered::new(text);
        relative_date(&lower, Span::new(0, lower.len()), last.parse().unwrap())
            .map(|date| date.to_string())
    }

    #[test]
    fn resolves_relative_phrases() {
        assert_eq!(
            resolve("a legation followed ten years later", "1926").as_deref(),
            Some("1936")
        );
        assert_eq!(
            resolve("three years earlier trade had stood at X", "2022").as_deref(),
            Some("2019")
        );
        assert_eq!(
            resolve("it was shut that December", "1941").as_deref(),
            Some("1941-12")
        );
        assert_eq!(
            resolve("reopened the same year", "1952-05").as_deref(),
            Some("1952")
        );
        assert_eq!(
            resolve("met the following day", "2015-07-30").as_deref(),
            Some("2015-07-31")
        );
        assert_eq!(
            resolve("met the following day", "2015-07-31").as_deref(),
            Some("2015-08-01")
        );
        assert_eq!(
            resolve("in October of that year", "1977").as_deref(),
            Some("1977-10")
        );
        assert_eq!(
            resolve("opened the following year", "1957-04-10").as_deref(),
            Some("1958")
        );
        assert_eq!(
            resolve("the day before, they signed", "2024-02-14").as_deref(),
            Some("2024-02-13")
        );
        assert_eq!(
            resolve("on the previous day", "2024-03-01").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            resolve("a day earlier", "1990-01-01").as_deref(),
            Some("1989-12-31")
        );
        assert_eq!(
            resolve("began work that summer", "1992-01-14").as_deref(),
            Some("1992")
        );
        assert_eq!(resolve("nothing relative here", "1957"), None);
        assert_eq!(resolve("that is all", "1957"), None);
    }
}
