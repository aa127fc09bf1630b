//! A state as exports name it: ISO 3166 alpha-3, Correlates of War code and short name.

use bilateral_model::CountryCode;

/// A state with the codes researchers join on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    /// ISO 3166-1 alpha-3, or ISO 3166-3 for a former state.
    pub iso3: CountryCode,
    /// The Correlates of War state code, where the state has one.
    pub cow: Option<u16>,
    /// Short English name; the code itself for a code the gazetteer does not know.
    pub name: &'static str,
}

impl Actor {
    pub fn new(iso3: CountryCode) -> Actor {
        match bilateral_gazetteer::by_code(iso3) {
            Some(country) => Actor {
                iso3,
                cow: country.cow,
                name: country.name,
            },
            None => Actor {
                iso3,
                cow: None,
                name: "",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_carry_their_cow_codes_and_former_states_their_own_iso_code() {
        let japan = Actor::new(CountryCode::new("JPN").unwrap());
        assert_eq!((japan.cow, japan.name), (Some(740), "Japan"));
        let soviet = Actor::new(CountryCode::new("SUN").unwrap());
        assert_eq!((soviet.cow, soviet.name), (Some(365), "Soviet Union"));
        let unknown = Actor::new(CountryCode::new("QQQ").unwrap());
        assert_eq!((unknown.cow, unknown.name), (None, ""));
    }
}
