//! Country codes (ISO 3166-1 alpha-3, or ISO 3166-3 for former states) and the dyad an article
//! is about.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An upper-case three-letter country code: `JPN`, `KAZ`, or `SUN` for the Soviet Union.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 3]);

/// Why a string is not a country code.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a three-letter country code: {0:?}")]
pub struct BadCountryCode(pub String);

impl CountryCode {
    /// Builds a code from three ASCII letters, upper-casing them.
    pub fn new(code: &str) -> Result<Self, BadCountryCode> {
        let bytes = code.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(BadCountryCode(code.to_owned()));
        }
        Ok(CountryCode([
            bytes[0].to_ascii_uppercase(),
            bytes[1].to_ascii_uppercase(),
            bytes[2].to_ascii_uppercase(),
        ]))
    }

    pub fn as_str(&self) -> &str {
        // The constructor admits only ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for CountryCode {
    type Err = BadCountryCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CountryCode::new(s)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CountryCode::new(&text).map_err(serde::de::Error::custom)
    }
}

/// The two states an article is about, kept in alphabetical order of their codes as the
/// answer keys write them. `first()` is `dyad[0]` of the key, which fixes what `A_to_B` means.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(into = "[CountryCode; 2]", try_from = "[CountryCode; 2]")]
pub struct Dyad([CountryCode; 2]);

/// A dyad needs two different states.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("a dyad needs two different countries, got {0} twice")]
pub struct SameCountryTwice(pub CountryCode);

impl Dyad {
    pub fn new(a: CountryCode, b: CountryCode) -> Result<Self, SameCountryTwice> {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => Ok(Dyad([a, b])),
            std::cmp::Ordering::Greater => Ok(Dyad([b, a])),
            std::cmp::Ordering::Equal => Err(SameCountryTwice(a)),
        }
    }
    pub fn first(&self) -> CountryCode {
        self.0[0]
    }
    pub fn second(&self) -> CountryCode {
        self.0[1]
    }
    pub fn codes(&self) -> [CountryCode; 2] {
        self.0
    }
    pub fn contains(&self, code: CountryCode) -> bool {
        self.0.contains(&code)
    }
    /// The member of the dyad that is not `code`, if `code` is a member.
    pub fn other(&self, code: CountryCode) -> Option<CountryCode> {
        if code == self.0[0] {
            Some(self.0[1])
        } else if code == self.0[1] {
            Some(self.0[0])
        } else {
            None
        }
    }
}

impl From<Dyad> for [CountryCode; 2] {
    fn from(dyad: Dyad) -> Self {
        dyad.0
    }
}

impl TryFrom<[CountryCode; 2]> for Dyad {
    type Error = SameCountryTwice;
    fn try_from(codes: [CountryCode; 2]) -> Result<Self, Self::Error> {
        Dyad::new(codes[0], codes[1])
    }
}

impl fmt::Display for Dyad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.0[0], self.0[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_upper_cased_and_checked() {
        assert_eq!(CountryCode::new("jpn").unwrap().as_str(), "JPN");
        assert!(CountryCode::new("JP").is_err());
        assert!(CountryCode::new("J1N").is_err());
        assert!(CountryCode::new("ÄBC").is_err());
    }

    #[test]
    fn dyads_sort_their_members() {
        let kaz = CountryCode::new("KAZ").unwrap();
        let jpn = CountryCode::new("JPN").unwrap();
        let dyad = Dyad::new(kaz, jpn).unwrap();
        assert_eq!(dyad.first(), jpn);
        assert_eq!(dyad.other(jpn), Some(kaz));
        assert!(Dyad::new(jpn, jpn).is_err());
        assert_eq!(serde_json::to_string(&dyad).unwrap(), r#"["JPN","KAZ"]"#);
    }
}
