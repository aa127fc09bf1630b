//! Succession: which state of today a former state preceded, and which state held a seat at
//! a date, so that facts are keyed to the state that existed when they happened, as the answer
//! keys do ("a fact is keyed to the state that existed at its date when it has its own code").

use bilateral_model::{CountryCode, PartialDate};

/// The state of today that a former state preceded (East Germany → Germany, the Soviet
/// Union → Russia, Yugoslavia → Serbia, Czechoslovakia → the Czech Republic); `None` for a
/// state that is not a former one.
pub fn successor(code: CountryCode) -> Option<CountryCode> {
    let successor = match code.as_str() {
        "DDR" => "DEU",
        "SUN" => "RUS",
        "YUG" | "SCG" => "SRB",
        "CSK" => "CZE",
        "YMD" => "YEM",
        _ => return None,
    };
    CountryCode::new(successor).ok()
}

/// Whether a former state still existed at a date (at the date's precision: East Germany
/// existed in "1990" and in "1990-10", not in "1990-11").
pub fn existed_at(former: CountryCode, date: PartialDate) -> bool {
    let (last_year, last_month) = match former.as_str() {
        "DDR" => (1990, 10),
        "SUN" => (1991, 12),
        "YUG" => (2003, 2),
        "SCG" => (2006, 6),
        "CSK" => (1992, 12),
        "YMD" => (1990, 5),
        _ => return false,
    };
    let (year, month) = match date {
        PartialDate::Decade(year) | PartialDate::Year(year) => (year, 1),
        PartialDate::Month(year, month) | PartialDate::Day(year, month, _) => (year, month),
    };
    (year, month) <= (last_year, last_month)
}

/// When a Soviet republic was part of the Soviet Union: from its joining to the month it
/// declared itself independent (a state that establishes relations of its own in August 1991
/// is no longer the Union's part).
fn soviet_republic_until(code: CountryCode) -> Option<((i32, u8), (i32, u8))> {
    let union = (1923, 1);
    let baltic = (1940, 8);
    let until = match code.as_str() {
        "LTU" => (baltic, (1990, 3)),
        "LVA" => (baltic, (1990, 5)),
        "EST" => (baltic, (1991, 8)),
        "GEO" => (union, (1991, 4)),
        "UKR" | "BLR" | "MDA" | "AZE" | "KGZ" | "UZB" => (union, (1991, 8)),
        "TJK" | "ARM" => (union, (1991, 9)),
        "TKM" => (union, (1991, 10)),
        "RUS" | "KAZ" => (union, (1991, 12)),
        _ => return None,
    };
    Some(until)
}

/// The state that held a member's seat at a date, when it has a code of its own: Russia and
/// the other Soviet republics from 1923 until their independence are the Soviet Union (a
/// consulate opened in Alma-Ata in 1989 was hosted by the Soviet Union, as the keys have it), the Czech Republic and Slovakia from 1919 to 1992 are
/// Czechoslovakia, Serbia and the other Yugoslav republics from 1919 until their
/// independence are Yugoslavia, Serbia and Montenegro until mid-2006 Serbia and Montenegro.
/// (The Russian Empire keeps Russia's code, as the keys do.)
pub fn state_at(code: CountryCode, date: PartialDate) -> CountryCode {
    let (year, month) = match date {
        PartialDate::Decade(year) | PartialDate::Year(year) => (year, 12),
        PartialDate::Month(year, month) | PartialDate::Day(year, month, _) => (year, month),
    };
    let at = (year, month);
    let former = match code.as_str() {
        _ if soviet_republic_until(code)
            .is_some_and(|(joined, left)| (joined..left).contains(&at)) =>
        {
            "SUN"
        }
        "CZE" | "SVK" if (1919..1993).contains(&year) => "CSK",
        "SRB" | "MNE" if (1919..2003).contains(&year) => "YUG",
        "SRB" | "MNE" if (2003..2006).contains(&year) || (year == 2006 && month < 6) => "SCG",
        "HRV" | "SVN" if ((1919, 1)..(1991, 6)).contains(&at) => "YUG",
        "MKD" if ((1919, 1)..(1991, 9)).contains(&at) => "YUG",
        "BIH" if ((1919, 1)..(1992, 3)).contains(&at) => "YUG",
        _ => return code,
    };
    CountryCode::new(former).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CountryCode {
        CountryCode::new(text).unwrap()
    }

    #[test]
    fn former_states_existed_until_their_end() {
        let date = |text: &str| text.parse::<PartialDate>().unwrap();
        assert!(existed_at(code("DDR"), date("1990-10-02")));
        assert!(existed_at(code("DDR"), date("1990")));
        assert!(!existed_at(code("DDR"), date("1990-11")));
        assert!(!existed_at(code("SUN"), date("1992")));
        assert!(!existed_at(code("DEU"), date("1980")));
    }

    #[test]
    fn facts_are_keyed_to_the_state_of_their_time() {
        let date = |text: &str| text.parse::<PartialDate>().unwrap();
        assert_eq!(state_at(code("RUS"), date("1990-09-30")), code("SUN"));
        assert_eq!(state_at(code("RUS"), date("1991-12-26")), code("RUS"));
        assert_eq!(state_at(code("RUS"), date("1991")), code("RUS"));
        assert_eq!(state_at(code("SVK"), date("1992")), code("CSK"));
        assert_eq!(state_at(code("SRB"), date("2004")), code("SCG"));
        assert_eq!(state_at(code("JPN"), date("1950")), code("JPN"));
        assert_eq!(state_at(code("RUS"), date("1884")), code("RUS"));
        assert_eq!(state_at(code("KAZ"), date("1989")), code("SUN"));
        assert_eq!(state_at(code("KAZ"), date("1991-12-16")), code("KAZ"));
        assert_eq!(state_at(code("UKR"), date("1991")), code("UKR"));
        assert_eq!(state_at(code("LVA"), date("1976-07")), code("SUN"));
        assert_eq!(state_at(code("LVA"), date("1921")), code("LVA"));
        assert_eq!(state_at(code("LTU"), date("1991-08-26")), code("LTU"));
        assert_eq!(state_at(code("MDA"), date("1991-08-29")), code("MDA"));
        assert_eq!(state_at(code("HRV"), date("1985")), code("YUG"));
        assert_eq!(state_at(code("HRV"), date("1992")), code("HRV"));
        assert_eq!(state_at(code("MNE"), date("2005")), code("SCG"));
    }
}
