//! Typed facts about a pair of states, as the answer-key format defines them, and the
//! evidence each extracted fact carries.

use serde::{Deserialize, Serialize};

use crate::{CountryCode, PartialDate, Span};

/// What kind of diplomatic mission.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissionKind {
    /// Also a high commission.
    Embassy,
    Consulate,
    ConsulateGeneral,
    HonoraryConsulate,
    /// A trade office run by a government agency.
    TradeMission,
    /// A legation, liaison office, interests section, or an unnamed "diplomatic office".
    Other,
}

/// The office a person holds, coarsely.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    /// President, monarch, emperor.
    HeadOfState,
    /// Prime minister, premier, chancellor.
    HeadOfGovernment,
    ForeignMinister,
    /// Any other minister.
    Minister,
    /// Speaker, parliamentary delegation.
    Parliament,
    Other,
}

/// The protocol level of a visit.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitLevel {
    State,
    Official,
    Working,
    Private,
    Unspecified,
}

/// What kind of instrument was signed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    Treaty,
    Agreement,
    /// Also a joint communiqué.
    JointStatement,
    JointDeclaration,
    Memorandum,
    Protocol,
    Convention,
    ActionPlan,
    Other,
}

/// Which way a trade figure flows, relative to the dyad's alphabetical order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum Direction {
    #[serde(rename = "total")]
    Total,
    /// Exports of `dyad.first()` to `dyad.second()`.
    #[serde(rename = "A_to_B")]
    AToB,
    #[serde(rename = "B_to_A")]
    BToA,
}

/// The answer key's names of the enums' values, as serde writes them, for writers that
/// name a value without serialising a whole fact.
macro_rules! names {
    ($($kind:ident { $($variant:ident => $name:literal),* $(,)? })*) => {$(
        impl $kind {
            /// The value's name in the answer key.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($kind::$variant => $name,)*
                }
            }
        }
    )*};
}

names! {
    MissionKind {
        Embassy => "embassy",
        Consulate => "consulate",
        ConsulateGeneral => "consulate_general",
        HonoraryConsulate => "honorary_consulate",
        TradeMission => "trade_mission",
        Other => "other",
    }
    Office {
        HeadOfState => "head_of_state",
        HeadOfGovernment => "head_of_government",
        ForeignMinister => "foreign_minister",
        Minister => "minister",
        Parliament => "parliament",
        Other => "other",
    }
    VisitLevel {
        State => "state",
        Official => "official",
        Working => "working",
        Private => "private",
        Unspecified => "unspecified",
    }
    AgreementKind {
        Treaty => "treaty",
        Agreement => "agreement",
        JointStatement => "joint_statement",
        JointDeclaration => "joint_declaration",
        Memorandum => "memorandum",
        Protocol => "protocol",
        Convention => "convention",
        ActionPlan => "action_plan",
        Other => "other",
    }
    Direction {
        Total => "total",
        AToB => "A_to_B",
        BToA => "B_to_A",
    }
}

/// A fact about a pair of states. Serialises to one entry of the answer key's `facts`.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Fact {
    RelationsEstablished {
        parties: [CountryCode; 2],
        #[serde(default)]
        date: Option<PartialDate>,
    },
    RelationsSevered {
        parties: [CountryCode; 2],
        #[serde(default)]
        date: Option<PartialDate>,
    },
    RelationsRestored {
        parties: [CountryCode; 2],
        #[serde(default)]
        date: Option<PartialDate>,
    },
    MissionOpened {
        sender: CountryCode,
        host: CountryCode,
        kind: MissionKind,
        #[serde(default)]
        city: Option<String>,
        #[serde(default)]
        date: Option<PartialDate>,
    },
    MissionClosed {
        sender: CountryCode,
        host: CountryCode,
        kind: MissionKind,
        #[serde(default)]
        city: Option<String>,
        #[serde(default)]
        date: Option<PartialDate>,
    },
    Visit {
        visitor_country: CountryCode,
        host: CountryCode,
        #[serde(default)]
        visitor: Option<String>,
        office: Office,
        #[serde(default = "unspecified_level")]
        level: VisitLevel,
        #[serde(default)]
        start: Option<PartialDate>,
        #[serde(default)]
        end: Option<PartialDate>,
    },
    VisitCount {
        visitor_country: CountryCode,
        host: CountryCode,
        #[serde(default)]
        visitor: Option<String>,
        office: Office,
        count: u32,
    },
    Meeting {
        participants: Vec<String>,
        #[serde(default)]
        date: Option<PartialDate>,
        #[serde(default)]
        place: Option<String>,
    },
    AgreementSigned {
        parties: [CountryCode; 2],
        kind: AgreementKind,
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        topic: Option<String>,
        #[serde(default)]
        date: Option<PartialDate>,
    },
    Population {
        group: String,
        count: u64,
        #[serde(default)]
        country: Option<CountryCode>,
        #[serde(default)]
        place: Option<String>,
        #[serde(default)]
        date: Option<PartialDate>,
    },
    Trade {
        year: i32,
        /// In units of `currency`: 1.5 billion is 1500000000.
        value: f64,
        /// ISO 4217.
        currency: String,
        direction: Direction,
        #[serde(default)]
        from: Option<CountryCode>,
        #[serde(default)]
        to: Option<CountryCode>,
    },
}

fn unspecified_level() -> VisitLevel {
    VisitLevel::Unspecified
}

impl Fact {
    /// Every fact type, in the order the spec lists them.
    pub const TYPES: [&'static str; 11] = [
        "relations_established",
        "relations_severed",
        "relations_restored",
        "mission_opened",
        "mission_closed",
        "visit",
        "visit_count",
        "meeting",
        "agreement_signed",
        "population",
        "trade",
    ];

    /// The answer key's name for this fact's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Fact::RelationsEstablished { .. } => "relations_established",
            Fact::RelationsSevered { .. } => "relations_severed",
            Fact::RelationsRestored { .. } => "relations_restored",
            Fact::MissionOpened { .. } => "mission_opened",
            Fact::MissionClosed { .. } => "mission_closed",
            Fact::Visit { .. } => "visit",
            Fact::VisitCount { .. } => "visit_count",
            Fact::Meeting { .. } => "meeting",
            Fact::AgreementSigned { .. } => "agreement_signed",
            Fact::Population { .. } => "population",
            Fact::Trade { .. } => "trade",
        }
    }

    /// The date a timeline sorts this fact by, if it has one.
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            Fact::RelationsEstablished { date, .. }
            | Fact::RelationsSevered { date, .. }
            | Fact::RelationsRestored { date, .. }
            | Fact::MissionOpened { date, .. }
            | Fact::MissionClosed { date, .. }
            | Fact::Meeting { date, .. }
            | Fact::AgreementSigned { date, .. }
            | Fact::Population { date, .. } => *date,
            Fact::Visit { start, .. } => *start,
            Fact::VisitCount { .. } => None,
            Fact::Trade { year, .. } => Some(PartialDate::Year(*year)),
        }
    }

    /// The states this fact names.
    pub fn countries(&self) -> Vec<CountryCode> {
        match self {
            Fact::RelationsEstablished { parties, .. }
            | Fact::RelationsSevered { parties, .. }
            | Fact::RelationsRestored { parties, .. }
            | Fact::AgreementSigned { parties, .. } => parties.to_vec(),
            Fact::MissionOpened { sender, host, .. } | Fact::MissionClosed { sender, host, .. } => {
                vec![*sender, *host]
            }
            Fact::Visit {
                visitor_country,
                host,
                ..
            }
            | Fact::VisitCount {
                visitor_country,
                host,
                ..
            } => vec![*visitor_country, *host],
            Fact::Meeting { .. } => Vec::new(),
            Fact::Population { country, .. } => country.iter().copied().collect(),
            Fact::Trade { from, to, .. } => from.iter().chain(to.iter()).copied().collect(),
        }
    }

    /// The people this fact names.
    pub fn people(&self) -> Vec<&str> {
        match self {
            Fact::Visit { visitor, .. } | Fact::VisitCount { visitor, .. } => {
                visitor.iter().map(String::as_str).collect()
            }
            Fact::Meeting { participants, .. } => participants.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

/// Where a fact came from: the sentence, and the references that back it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Evidence {
    /// The sentence's span in `Document::text`.
    pub sentence: Span,
    /// The sentence's span in the source bytes.
    pub source: Span,
    /// The sentence as written (clean text).
    pub text: String,
    /// Numbers of the references whose markers close the sentence (or, when it has none,
    /// the paragraph it ends).
    pub references: Vec<u32>,
}

/// A fact with its evidence and how sure the extractor is of it (0–1).
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct ExtractedFact {
    #[serde(flatten)]
    pub fact: Fact,
    pub evidence: Evidence,
    pub confidence: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_names_are_the_ones_serde_writes() {
        fn check<T: Serialize>(values: &[T], name: impl Fn(&T) -> &'static str) {
            for value in values {
                let json = serde_json::to_string(value).unwrap();
                assert_eq!(json, format!("\"{}\"", name(value)));
            }
        }
        use MissionKind as M;
        check(
            &[
                M::Embassy,
                M::Consulate,
                M::ConsulateGeneral,
                M::HonoraryConsulate,
            ],
            M::as_str,
        );
        check(&[M::TradeMission, M::Other], M::as_str);
        use Office as O;
        check(
            &[
                O::HeadOfState,
                O::HeadOfGovernment,
                O::ForeignMinister,
                O::Minister,
            ],
            O::as_str,
        );
        check(&[O::Parliament, O::Other], O::as_str);
        use VisitLevel as V;
        check(
            &[
                V::State,
                V::Official,
                V::Working,
                V::Private,
                V::Unspecified,
            ],
            V::as_str,
        );
        use AgreementKind as A;
        check(
            &[
                A::Treaty,
                A::Agreement,
                A::JointStatement,
                A::JointDeclaration,
            ],
            A::as_str,
        );
        check(
            &[
                A::Memorandum,
                A::Protocol,
                A::Convention,
                A::ActionPlan,
                A::Other,
            ],
            A::as_str,
        );
        check(
            &[Direction::Total, Direction::AToB, Direction::BToA],
            Direction::as_str,
        );
    }

    #[test]
    fn gold_entries_parse_and_print_back() {
        let entries = [
            r#"{"type":"relations_established","parties":["JPN","KAZ"],"date":"1992-01-26"}"#,
            r#"{"type":"mission_opened","sender":"JPN","host":"KAZ","kind":"embassy","city":null,"date":"1993"}"#,
            r#"{"type":"visit","visitor_country":"JPN","host":"KAZ","visitor":"A B","office":"head_of_government","level":"official","start":"2006-08-28","end":"2006-08-29"}"#,
            r#"{"type":"trade","year":2022,"value":1400000000.0,"currency":"AUD","direction":"B_to_A","from":"AUS","to":"ARG"}"#,
        ];
        for entry in entries {
            let fact: Fact = serde_json::from_str(entry).unwrap();
            assert_eq!(serde_json::to_string(&fact).unwrap(), entry);
        }
    }

    #[test]
    fn fact_types_are_named_as_in_the_spec() {
        let fact: Fact =
            serde_json::from_str(r#"{"type":"meeting","participants":["X"],"date":null}"#).unwrap();
        assert_eq!(fact.type_name(), "meeting");
        assert!(Fact::TYPES.contains(&fact.type_name()));
    }
}
