//! Dates known only to the precision a text gives: a decade, a year, a month or a day.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date cut to the precision its source states. Serialises as ISO 8601 cut to that
/// precision (`"1993"`, `"2006-08"`, `"2006-08-28"`) or, for a decade, `"1990s"`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum PartialDate {
    /// The first year of the decade: `1990` for "the 1990s".
    Decade(i32),
    Year(i32),
    /// Year and month (1–12).
    Month(i32, u8),
    /// Year, month (1–12) and day (1–31, checked against the month).
    Day(i32, u8, u8),
}

/// Why a string or a set of numbers is not a date.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BadDate {
    #[error("not an ISO 8601 date: {0:?}")]
    Syntax(String),
    #[error("no such day: {year:04}-{month:02}-{day:02}")]
    NoSuchDay { year: i32, month: u8, day: u8 },
    #[error("no such month: {0}")]
    NoSuchMonth(u8),
}

/// English month names, January first: the one list readers, recognisers and generators share.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// A checked month.
    pub fn month(year: i32, month: u8) -> Result<Self, BadDate> {
        if (1..=12).contains(&month) {
            Ok(PartialDate::Month(year, month))
        } else {
            Err(BadDate::NoSuchMonth(month))
        }
    }

    /// A checked day: "31 February" is refused rather than stored.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, BadDate> {
        if !(1..=12).contains(&month) {
            return Err(BadDate::NoSuchMonth(month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(BadDate::NoSuchDay { year, month, day });
        }
        Ok(PartialDate::Day(year, month, day))
    }

    pub fn year(&self) -> i32 {
        match *self {
            PartialDate::Decade(y)
            | PartialDate::Year(y)
            | PartialDate::Month(y, _)
            | PartialDate::Day(y, _, _) => y,
        }
    }

    /// The number of days from the earliest day `self` can mean to the latest day `end` can
    /// mean, counting every month as 31 days: how long a span may be at most.
    pub fn widest_days_to(&self, end: &PartialDate) -> i64 {
        let first = |date: &PartialDate| -> i64 {
            let (year, month, day) = match *date {
                PartialDate::Decade(y) | PartialDate::Year(y) => (y, 1, 1),
                PartialDate::Month(y, m) => (y, m, 1),
                PartialDate::Day(y, m, d) => (y, m, d),
            };
            i64::from(year) * 372 + i64::from(month - 1) * 31 + i64::from(day - 1)
        };
        let last = |date: &PartialDate| -> i64 {
            let (year, month, day) = match *date {
                PartialDate::Decade(y) => (y + 9, 12, 31),
                PartialDate::Year(y) => (y, 12, 31),
                PartialDate::Month(y, m) => (y, m, 31),
                PartialDate::Day(y, m, d) => (y, m, d),
            };
            i64::from(year) * 372 + i64::from(month - 1) * 31 + i64::from(day - 1)
        };
        last(end) - first(self)
    }

    /// Whether `self` falls within `other` at `other`'s precision: `2006-08-28` is within
    /// `2006-08`, but `2006-08` is not within `2006-08-28`. This is the answer keys' rule.
    pub fn within(&self, other: &PartialDate) -> bool {
        use PartialDate::*;
        match (*self, *other) {
            (_, Decade(d)) => match *self {
                Decade(s) => s == d,
                _ => self.year() >= d && self.year() < d + 10,
            },
            (Decade(_), _) => false,
            (_, Year(y)) => self.year() == y,
            (Year(_), _) => false,
            (Month(y, m), Month(oy, om)) | (Day(y, m, _), Month(oy, om)) => y == oy && m == om,
            (Month(..), Day(..)) => false,
            (Day(y, m, d), Day(oy, om, od)) => (y, m, d) == (oy, om, od),
        }
    }

    /// A sort key that puts coarse dates at the start of their period.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        match *self {
            PartialDate::Decade(y) | PartialDate::Year(y) => (y, 0, 0),
            PartialDate::Month(y, m) => (y, m, 0),
            PartialDate::Day(y, m, d) => (y, m, d),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Decade(y) => write!(f, "{y}s"),
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl FromStr for PartialDate {
    type Err = BadDate;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let syntax = || BadDate::Syntax(text.to_owned());
        if let Some(decade) = text.strip_suffix('s') {
            let year: i32 = decade.parse().map_err(|_| syntax())?;
            return if year % 10 == 0 {
                Ok(PartialDate::Decade(year))
            } else {
                Err(syntax())
            };
        }
        let mut parts = text.splitn(3, '-');
        let year_text = parts.next().ok_or_else(syntax)?;
        if year_text.len() != 4 {
            return Err(syntax());
        }
        let year: i32 = year_text.parse().map_err(|_| syntax())?;
        let Some(month_text) = parts.next() else {
            return Ok(PartialDate::Year(year));
        };
        let month: u8 = month_text.parse().map_err(|_| syntax())?;
        let Some(day_text) = parts.next() else {
            return PartialDate::month(year, month);
        };
        let day: u8 = day_text.parse().map_err(|_| syntax())?;
        PartialDate::day(year, month, day)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        text.parse().unwrap()
    }

    #[test]
    fn round_trips_every_precision() {
        for text in ["1990s", "1993", "2006-08", "2006-08-28", "0800"] {
            assert_eq!(d(text).to_string(), text);
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!("2023-02-29".parse::<PartialDate>().is_err());
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2006-13".parse::<PartialDate>().is_err());
        assert!("1995s".parse::<PartialDate>().is_err());
        assert!("06-08".parse::<PartialDate>().is_err());
    }

    #[test]
    fn within_follows_the_keys_rule() {
        assert!(d("2006-08-28").within(&d("2006-08")));
        assert!(!d("2006-08").within(&d("2006-08-28")));
        assert!(d("2006-08").within(&d("2006")));
        assert!(d("1993").within(&d("1990s")));
        assert!(!d("1990s").within(&d("1993")));
        assert!(!d("2007").within(&d("2006")));
    }
}
