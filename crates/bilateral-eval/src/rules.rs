//! When an extracted fact matches a key entry: its type and every field the spec's
//! "matched on" column names agree. A `null` in the key's field accepts anything; a value in
//! the key and none in ours does not agree.
//!
//! | type | matched on |
//! |---|---|
//! | `relations_*` | parties (as a set), date |
//! | `mission_*` | sender, host, kind, date |
//! | `visit` | visitor_country, host, office, start |
//! | `visit_count` | visitor_country, host, office, count |
//! | `meeting` | participants (as a set of names, see [`crate::names`]), date |
//! | `agreement_signed` | parties (as a set), kind, date |
//! | `population` | count, and the country or the place (see [`population_location_agrees`]) |
//! | `trade` | year, value within 1% of the key's, direction |

use bilateral_model::{CountryCode, Fact, PartialDate};

use crate::names::{participants_agree, places_agree};

/// Whether `ours` matches the key entry `key`.
pub fn fact_matches(key: &Fact, ours: &Fact) -> bool {
    use Fact::*;
    match (key, ours) {
        (
            RelationsEstablished { parties, date },
            RelationsEstablished {
                parties: our_parties,
                date: our_date,
            },
        )
        | (
            RelationsSevered { parties, date },
            RelationsSevered {
                parties: our_parties,
                date: our_date,
            },
        )
        | (
            RelationsRestored { parties, date },
            RelationsRestored {
                parties: our_parties,
                date: our_date,
            },
        ) => same_parties(parties, our_parties) && date_agrees(date, our_date),
        (
            MissionOpened {
                sender,
                host,
                kind,
                date,
                ..
            },
            MissionOpened {
                sender: our_sender,
                host: our_host,
                kind: our_kind,
                date: our_date,
                ..
            },
        )
        | (
            MissionClosed {
                sender,
                host,
                kind,
                date,
                ..
            },
            MissionClosed {
                sender: our_sender,
                host: our_host,
                kind: our_kind,
                date: our_date,
                ..
            },
        ) => {
            (sender, host, kind) == (our_sender, our_host, our_kind) && date_agrees(date, our_date)
        }
        (
            Visit {
                visitor_country,
                host,
                office,
                start,
                ..
            },
            Visit {
                visitor_country: our_visitor_country,
                host: our_host,
                office: our_office,
                start: our_start,
                ..
            },
        ) => {
            (visitor_country, host, office) == (our_visitor_country, our_host, our_office)
                && date_agrees(start, our_start)
        }
        (
            VisitCount {
                visitor_country,
                host,
                office,
                count,
                ..
            },
            VisitCount {
                visitor_country: our_visitor_country,
                host: our_host,
                office: our_office,
                count: our_count,
                ..
            },
        ) => {
            (visitor_country, host, office, count)
                == (our_visitor_country, our_host, our_office, our_count)
        }
        (
            Meeting {
                participants, date, ..
            },
            Meeting {
                participants: our_participants,
                date: our_date,
                ..
            },
        ) => participants_agree(participants, our_participants) && date_agrees(date, our_date),
        (
            AgreementSigned {
                parties,
                kind,
                date,
                ..
            },
            AgreementSigned {
                parties: our_parties,
                kind: our_kind,
                date: our_date,
                ..
            },
        ) => same_parties(parties, our_parties) && kind == our_kind && date_agrees(date, our_date),
        (
            Population {
                count,
                country,
                place,
                ..
            },
            Population {
                count: our_count,
                country: our_country,
                place: our_place,
                ..
            },
        ) => {
            count == our_count
                && population_location_agrees(
                    (*country, place.as_deref()),
                    (*our_country, our_place.as_deref()),
                )
        }
        (
            Trade {
                year,
                value,
                direction,
                ..
            },
            Trade {
                year: our_year,
                value: our_value,
                direction: our_direction,
                ..
            },
        ) => year == our_year && direction == our_direction && value_agrees(*value, *our_value),
        _ => false,
    }
}

/// Two pairs of states agree as sets.
fn same_parties(key: &[CountryCode; 2], ours: &[CountryCode; 2]) -> bool {
    let (mut key, mut ours) = (*key, *ours);
    key.sort_unstable();
    ours.sort_unstable();
    key == ours
}

/// Ours falls within the key's date at the key's precision; a key without a date accepts
/// anything, a key with one refuses a fact without one.
pub fn date_agrees(key: &Option<PartialDate>, ours: &Option<PartialDate>) -> bool {
    match (key, ours) {
        (None, _) => true,
        (Some(key), Some(ours)) => ours.within(key),
        (Some(_), None) => false,
    }
}

/// The spec's "the country or the place", read as: a key that names both accepts a fact that
/// agrees on either (the same country, or a place that agrees); a key that names one needs
/// that one to agree; a key that names neither accepts any.
pub fn population_location_agrees(
    (key_country, key_place): (Option<CountryCode>, Option<&str>),
    (our_country, our_place): (Option<CountryCode>, Option<&str>),
) -> bool {
    let country_agrees = key_country.is_some() && key_country == our_country;
    let place_agrees = key_place
        .zip(our_place)
        .is_some_and(|(key, ours)| places_agree(key, ours));
    match (key_country, key_place) {
        (None, None) => true,
        _ => country_agrees || place_agrees,
    }
}

/// Ours is within 1% of the key's value, both edges included. Comparing `diff * 100` with
/// the key's value keeps the edges exact in floating point.
pub fn value_agrees(key: f64, ours: f64) -> bool {
    (ours - key).abs() * 100.0 <= key.abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(json: &str) -> Fact {
        serde_json::from_str(json).unwrap()
    }

    fn matches(key: &str, ours: &str) -> bool {
        fact_matches(&fact(key), &fact(ours))
    }

    #[test]
    fn types_must_agree() {
        assert!(!matches(
            r#"{"type":"relations_established","parties":["ATL","LEM"],"date":"1971"}"#,
            r#"{"type":"relations_restored","parties":["ATL","LEM"],"date":"1971"}"#,
        ));
    }

    #[test]
    fn relations_match_on_parties_as_a_set_and_date() {
        let key = r#"{"type":"relations_severed","parties":["ATL","LEM"],"date":"1971-03"}"#;
        assert!(matches(
            key,
            r#"{"type":"relations_severed","parties":["LEM","ATL"],"date":"1971-03-02"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"relations_severed","parties":["ATL","MUV"],"date":"1971-03"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"relations_severed","parties":["ATL","LEM"],"date":"1971"}"#
        ));
    }

    #[test]
    fn dates_agree_at_the_keys_precision() {
        let d = |text: &str| Some(text.parse::<PartialDate>().unwrap());
        assert!(date_agrees(&d("1971-03"), &d("1971-03-02")));
        assert!(!date_agrees(&d("1971-03-02"), &d("1971-03")));
        assert!(date_agrees(&d("1971"), &d("1971-12-31")));
        assert!(!date_agrees(&d("1971"), &d("1972")));
        assert!(date_agrees(&d("1970s"), &d("1979")));
        assert!(!date_agrees(&d("1979"), &d("1970s")));
        assert!(date_agrees(&None, &d("1971")));
        assert!(date_agrees(&None, &None));
        assert!(!date_agrees(&d("1971"), &None));
    }

    #[test]
    fn missions_match_on_sender_host_kind_and_date() {
        let key = r#"{"type":"mission_opened","sender":"ATL","host":"LEM","kind":"embassy","city":"Northport","date":"1980"}"#;
        let ours = |sender: &str, host: &str, kind: &str, date: &str| {
            format!(
                r#"{{"type":"mission_opened","sender":"{sender}","host":"{host}","kind":"{kind}","city":null,"date":{date}}}"#
            )
        };
        assert!(matches(key, &ours("ATL", "LEM", "embassy", r#""1980-05""#)));
        assert!(!matches(key, &ours("LEM", "ATL", "embassy", r#""1980""#)));
        assert!(!matches(key, &ours("ATL", "LEM", "consulate", r#""1980""#)));
        assert!(!matches(key, &ours("ATL", "LEM", "embassy", "null")));
        let closed = ours("ATL", "LEM", "embassy", r#""1980""#).replace("opened", "closed");
        assert!(!matches(key, &closed));
    }

    #[test]
    fn visits_match_on_countries_office_and_start() {
        let key = r#"{"type":"visit","visitor_country":"ATL","host":"LEM","visitor":"Tomas Varga","office":"head_of_state","level":"state","start":"1999-04","end":null}"#;
        // Visitor, level and end are not matched on.
        assert!(matches(
            key,
            r#"{"type":"visit","visitor_country":"ATL","host":"LEM","visitor":null,"office":"head_of_state","start":"1999-04-10","end":"1999-04-12"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"visit","visitor_country":"ATL","host":"LEM","office":"head_of_government","start":"1999-04-10"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"visit","visitor_country":"LEM","host":"ATL","office":"head_of_state","start":"1999-04"}"#
        ));
        let undated = r#"{"type":"visit","visitor_country":"ATL","host":"LEM","office":"minister","start":null}"#;
        assert!(matches(
            undated,
            r#"{"type":"visit","visitor_country":"ATL","host":"LEM","office":"minister","start":"2001"}"#
        ));
    }

    #[test]
    fn visit_counts_match_on_the_count() {
        let key = r#"{"type":"visit_count","visitor_country":"ATL","host":"LEM","visitor":"Varga","office":"head_of_state","count":4}"#;
        assert!(matches(
            key,
            r#"{"type":"visit_count","visitor_country":"ATL","host":"LEM","visitor":null,"office":"head_of_state","count":4}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"visit_count","visitor_country":"ATL","host":"LEM","visitor":"Varga","office":"head_of_state","count":5}"#
        ));
    }

    #[test]
    fn meetings_match_on_participants_and_date() {
        let key = r#"{"type":"meeting","participants":["Tomas Varga","Han Seo-yun"],"date":"2010-06","place":"Northport"}"#;
        assert!(matches(
            key,
            r#"{"type":"meeting","participants":["President Han","Varga"],"date":"2010-06-03","place":null}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"meeting","participants":["Han"],"date":"2010-06-03"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"meeting","participants":["Han","Varga"],"date":"2010"}"#
        ));
        let undated = r#"{"type":"meeting","participants":["Han"],"date":null}"#;
        assert!(matches(
            undated,
            r#"{"type":"meeting","participants":["Han Seo-yun"],"date":"2011"}"#
        ));
    }

    #[test]
    fn agreements_match_on_parties_kind_and_date() {
        let key = r#"{"type":"agreement_signed","parties":["ATL","LEM"],"kind":"memorandum","title":"On fish","topic":"fisheries","date":"2004-11-02"}"#;
        assert!(matches(
            key,
            r#"{"type":"agreement_signed","parties":["LEM","ATL"],"kind":"memorandum","title":null,"topic":null,"date":"2004-11-02"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"agreement_signed","parties":["ATL","LEM"],"kind":"agreement","date":"2004-11-02"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"agreement_signed","parties":["ATL","LEM"],"kind":"memorandum","date":"2004-11"}"#
        ));
    }

    #[test]
    fn population_matches_on_count_and_the_country_or_the_place() {
        let atl = CountryCode::new("ATL").ok();
        let lem = CountryCode::new("LEM").ok();
        let agrees = population_location_agrees;
        // Both in the key: either agreeing is enough.
        assert!(agrees((atl, Some("Northport")), (atl, None)));
        assert!(agrees((atl, Some("Northport")), (None, Some("Northport"))));
        assert!(agrees((atl, Some("Northport")), (lem, Some("Northport"))));
        assert!(!agrees((atl, Some("Northport")), (lem, Some("Southport"))));
        assert!(!agrees((atl, Some("Northport")), (None, None)));
        // One in the key: that one must agree.
        assert!(agrees((atl, None), (atl, Some("Southport"))));
        assert!(!agrees((atl, None), (lem, None)));
        assert!(!agrees((atl, None), (None, Some("Northport"))));
        assert!(agrees((None, Some("Northport")), (lem, Some("northport"))));
        assert!(!agrees((None, Some("Northport")), (atl, None)));
        // Neither: anything.
        assert!(agrees((None, None), (None, None)));
        assert!(agrees((None, None), (lem, Some("Southport"))));

        let key = r#"{"type":"population","group":"settlers","count":1200,"country":"ATL","place":null,"date":"1990"}"#;
        assert!(matches(
            key,
            r#"{"type":"population","group":"people","count":1200,"country":"ATL"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"population","group":"settlers","count":1201,"country":"ATL"}"#
        ));
    }

    #[test]
    fn trade_values_agree_within_one_percent_both_edges_included() {
        assert!(value_agrees(1_000_000_000.0, 1_010_000_000.0));
        assert!(value_agrees(1_000_000_000.0, 990_000_000.0));
        assert!(!value_agrees(1_000_000_000.0, 1_010_000_001.0));
        assert!(!value_agrees(1_000_000_000.0, 989_999_999.0));
        assert!(value_agrees(250.0, 252.5));
        assert!(!value_agrees(250.0, 252.6));
        assert!(value_agrees(0.0, 0.0));
        assert!(!value_agrees(0.0, 1.0));
    }

    #[test]
    fn trade_matches_on_year_value_and_direction() {
        let key = r#"{"type":"trade","year":2019,"value":1500000000.0,"currency":"USD","direction":"A_to_B","from":"ATL","to":"LEM"}"#;
        assert!(matches(
            key,
            r#"{"type":"trade","year":2019,"value":1510000000.0,"currency":"EUR","direction":"A_to_B"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"trade","year":2019,"value":1500000000.0,"currency":"USD","direction":"total"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"trade","year":2018,"value":1500000000.0,"currency":"USD","direction":"A_to_B"}"#
        ));
        assert!(!matches(
            key,
            r#"{"type":"trade","year":2019,"value":1600000000.0,"currency":"USD","direction":"A_to_B"}"#
        ));
    }
}
