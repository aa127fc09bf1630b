//! A dyad-year panel in the manner of the Correlates of War Diplomatic Exchange data: one
//! row per pair of states and year, from the pair's first dated fact to a last year, with
//! whether relations stand, the mission each keeps in the other, visits by office and
//! agreements signed. Undirected (one row per pair and year, side 1 the lower COW code) or
//! directed (a row each way).
//!
//! Facts arrive in any order; each pair keeps its dated changes and its per-year counts, so
//! memory grows with pairs and years, not with facts.

use std::collections::BTreeMap;
use std::io::Write;

use bilateral_model::{CountryCode, Fact, MissionKind, Office, PartialDate};
use bilateral_store::StoredFact;

use crate::ExportError;
use crate::actor::Actor;
use crate::cell::{Cell, write_csv_header, write_csv_row};

/// The columns of the panel.
pub const DYAD_YEAR_COLUMNS: [&str; 20] = [
    "ccode1",
    "ccode2",
    "iso1",
    "iso2",
    "name1",
    "name2",
    "year",
    "relations",
    "mission_1_in_2",
    "mission_2_in_1",
    "dr_at_1",
    "dr_at_2",
    "de",
    "visits_head_of_state",
    "visits_head_of_government",
    "visits_foreign_minister",
    "visits_minister",
    "visits_parliament",
    "visits_other",
    "agreements",
];

/// Offices in the order of the visit columns.
const OFFICES: [Office; 6] = [
    Office::HeadOfState,
    Office::HeadOfGovernment,
    Office::ForeignMinister,
    Office::Minister,
    Office::Parliament,
    Office::Other,
];

/// The highest mission one state keeps in another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mission {
    None,
    /// A trade office, legation, liaison office or other.
    Other,
    /// A consulate of any rank, honorary included.
    Consulate,
    /// An embassy or high commission.
    Embassy,
}

impl Mission {
    const ALL: [Mission; 4] = [
        Mission::None,
        Mission::Other,
        Mission::Consulate,
        Mission::Embassy,
    ];

    fn of(kind: MissionKind) -> Mission {
        match kind {
            MissionKind::Embassy => Mission::Embassy,
            MissionKind::Consulate
            | MissionKind::ConsulateGeneral
            | MissionKind::HonoraryConsulate => Mission::Consulate,
            MissionKind::TradeMission | MissionKind::Other => Mission::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mission::None => "none",
            Mission::Other => "other",
            Mission::Consulate => "consulate",
            Mission::Embassy => "embassy",
        }
    }

    /// The COW level: 0 none, 3 ambassador (an embassy), 9 other.
    pub fn cow_level(self) -> u8 {
        match self {
            Mission::None => 0,
            Mission::Embassy => 3,
            Mission::Other | Mission::Consulate => 9,
        }
    }
}

/// A dated change of a pair's standing.
#[derive(Clone, Copy, Debug)]
enum Change {
    Relations(bool),
    /// The first state's mission in the second (`first_sends`), or the reverse.
    Mission {
        first_sends: bool,
        mission: Mission,
        open: bool,
    },
}

/// What is known of one pair (in code order).
#[derive(Debug)]
struct History {
    first_year: i32,
    last_year: i32,
    /// Sorted when written.
    changes: Vec<((i32, u8, u8), Change)>,
    /// (year, whether the first state visits) → visits by office, in `OFFICES` order.
    visits: BTreeMap<(i32, bool), [u32; 6]>,
    agreements: BTreeMap<i32, u32>,
}

/// The panel being gathered.
#[derive(Debug, Default)]
pub struct DyadYear {
    pairs: BTreeMap<[CountryCode; 2], History>,
}

/// Whether a state held its own seat at some time in `year`, for a pair whose panel begins
/// in `first_year`: a state of today not while a former state held its seat (Russia from
/// 1923 to 1990 is the Soviet Union), a former state not once its seat passed back to its
/// successor (the Soviet Union until 1991). A former state whose end the succession table
/// does not know (East Germany, South Yemen) runs to the panel's end.
fn held(code: CountryCode, year: i32, first_year: i32) -> bool {
    let Some(successor) = bilateral_gazetteer::successor(code) else {
        return bilateral_gazetteer::state_at(code, PartialDate::Month(year, 12)) == code;
    };
    let holder = |year| bilateral_gazetteer::state_at(successor, PartialDate::Month(year, 1));
    holder(first_year) != code || holder(year) == code
}

/// A year, or `None` for no date or a decade (too vague for a yearly panel).
fn year(date: Option<PartialDate>) -> Option<i32> {
    match date? {
        PartialDate::Decade(_) => None,
        date => Some(date.year()),
    }
}

impl DyadYear {
    pub fn new() -> Self {
        DyadYear::default()
    }

    /// Takes in a fact: its date widens its pair's years; relations, missions, visits and
    /// agreements fill them. Facts without a pair or a year are left out.
    pub fn add(&mut self, stored: &StoredFact) {
        let (Some(pair), Some(year)) = (stored.pair, year(stored.fact.date())) else {
            return;
        };
        let first = pair.first();
        let history = self.pairs.entry(pair.codes()).or_insert(History {
            first_year: year,
            last_year: year,
            changes: Vec::new(),
            visits: BTreeMap::new(),
            agreements: BTreeMap::new(),
        });
        history.first_year = history.first_year.min(year);
        history.last_year = history.last_year.max(year);
        let key = stored
            .fact
            .date()
            .map_or((year, 0, 0), |date| date.sort_key());
        let change = match &stored.fact {
            Fact::RelationsEstablished { .. } | Fact::RelationsRestored { .. } => {
                Some(Change::Relations(true))
            }
            Fact::RelationsSevered { .. } => Some(Change::Relations(false)),
            Fact::MissionOpened { sender, kind, .. } | Fact::MissionClosed { sender, kind, .. } => {
                Some(Change::Mission {
                    first_sends: *sender == first,
                    mission: Mission::of(*kind),
                    open: matches!(stored.fact, Fact::MissionOpened { .. }),
                })
            }
            Fact::Visit {
                visitor_country,
                office,
                ..
            } => {
                let counts = history
                    .visits
                    .entry((year, *visitor_country == first))
                    .or_default();
                if let Some(i) = OFFICES.iter().position(|o| o == office) {
                    counts[i] += 1;
                }
                None
            }
            Fact::AgreementSigned { .. } => {
                *history.agreements.entry(year).or_default() += 1;
                None
            }
            Fact::VisitCount { .. }
            | Fact::Meeting { .. }
            | Fact::Population { .. }
            | Fact::Trade { .. } => None,
        };
        if let Some(change) = change {
            history.changes.push((key, change));
        }
    }

    /// Writes the panel as CSV, each pair from its first year to `to` (else the last year
    /// of any fact). Returns the number of rows.
    pub fn write(
        mut self,
        mut out: impl Write,
        to: Option<i32>,
        directed: bool,
    ) -> Result<u64, ExportError> {
        write_csv_header(&mut out, &DYAD_YEAR_COLUMNS)?;
        let last = to.or_else(|| self.pairs.values().map(|h| h.last_year).max());
        let mut rows = 0;
        for (codes, history) in &mut self.pairs {
            history.changes.sort_by_key(|(key, _)| *key);
            let actors = codes.map(Actor::new);
            // Side 1 is the lower COW code (then ISO code), as COW orders a pair.
            let swap = (actors[1].cow, actors[1].iso3) < (actors[0].cow, actors[0].iso3);
            let sides = if swap { [1, 0] } else { [0, 1] };
            let mut state = Standing::before(&history.changes);
            let mut changes = history.changes.iter().peekable();
            for year in history.first_year..=last.unwrap_or(history.last_year) {
                while let Some((_, change)) = changes.next_if(|((y, _, _), _)| *y <= year) {
                    state.apply(*change);
                }
                if !codes
                    .iter()
                    .all(|&code| held(code, year, history.first_year))
                {
                    continue;
                }
                let directions: &[[usize; 2]] = if directed {
                    &[sides, [sides[1], sides[0]]]
                } else {
                    &[sides]
                };
                for &[one, two] in directions {
                    let visits = |from: usize| {
                        history
                            .visits
                            .get(&(year, from == 0))
                            .copied()
                            .unwrap_or_default()
                    };
                    let mut counts = visits(one);
                    if !directed {
                        for (count, other) in counts.iter_mut().zip(visits(two)) {
                            *count += other;
                        }
                    }
                    let agreements = history.agreements.get(&year).copied().unwrap_or(0);
                    let row = state.row(&actors, [one, two], year, counts, agreements);
                    write_csv_row(&mut out, &row)?;
                    rows += 1;
                }
            }
        }
        out.flush()?;
        Ok(rows)
    }
}

/// A pair's standing at the end of a year.
struct Standing {
    relations: Option<bool>,
    /// `open[s][m]`: whether state `s` (0 the first in code order) keeps a mission of level
    /// `Mission::ALL[m]` in the other.
    open: [[bool; 4]; 2],
}

impl Standing {
    /// Before any change: relations the opposite of what the first relations change makes
    /// them (unknown without one), no missions.
    fn before(changes: &[((i32, u8, u8), Change)]) -> Standing {
        let relations = changes.iter().find_map(|(_, change)| match change {
            Change::Relations(active) => Some(!active),
            Change::Mission { .. } => None,
        });
        Standing {
            relations,
            open: [[false; 4]; 2],
        }
    }

    fn apply(&mut self, change: Change) {
        match change {
            Change::Relations(active) => self.relations = Some(active),
            Change::Mission {
                first_sends,
                mission,
                open,
            } => {
                let sender = usize::from(!first_sends);
                if let Some(i) = Mission::ALL.iter().position(|m| *m == mission) {
                    self.open[sender][i] = open;
                }
            }
        }
    }

    /// The highest mission `sender` keeps in the other state.
    fn mission(&self, sender: usize) -> Mission {
        Mission::ALL
            .iter()
            .zip(self.open[sender])
            .filter(|(_, open)| *open)
            .map(|(mission, _)| *mission)
            .max()
            .unwrap_or(Mission::None)
    }

    fn row(
        &self,
        actors: &[Actor; 2],
        [one, two]: [usize; 2],
        year: i32,
        visits: [u32; 6],
        agreements: u32,
    ) -> Vec<Cell<'static>> {
        let (one_in_two, two_in_one) = (self.mission(one), self.mission(two));
        let mut row = vec![
            Cell::int(actors[one].cow),
            Cell::int(actors[two].cow),
            Cell::Owned(actors[one].iso3.to_string()),
            Cell::Owned(actors[two].iso3.to_string()),
            Cell::Text(actors[one].name),
            Cell::Text(actors[two].name),
            Cell::Int(i64::from(year)),
            Cell::int(self.relations.map(i64::from)),
            Cell::Text(one_in_two.as_str()),
            Cell::Text(two_in_one.as_str()),
            // COW: DR_at_1 is the level of side 2's representation at side 1.
            Cell::Int(i64::from(two_in_one.cow_level())),
            Cell::Int(i64::from(one_in_two.cow_level())),
            Cell::Int(i64::from(
                one_in_two != Mission::None || two_in_one != Mission::None,
            )),
        ];
        row.extend(visits.iter().map(|&n| Cell::Int(i64::from(n))));
        row.push(Cell::Int(i64::from(agreements)));
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::tests::{code, stored, visit};

    fn at(text: &str) -> Option<PartialDate> {
        Some(text.parse().unwrap())
    }

    fn seed_like() -> DyadYear {
        let mut panel = DyadYear::new();
        let facts = [
            Fact::RelationsEstablished {
                parties: [code("JPN"), code("KAZ")],
                date: at("1992-01-26"),
            },
            Fact::MissionOpened {
                sender: code("JPN"),
                host: code("KAZ"),
                kind: MissionKind::Embassy,
                city: None,
                date: at("1993"),
            },
            Fact::MissionOpened {
                sender: code("KAZ"),
                host: code("JPN"),
                kind: MissionKind::Embassy,
                city: None,
                date: at("1996"),
            },
            visit(),
            Fact::VisitCount {
                visitor_country: code("KAZ"),
                host: code("JPN"),
                visitor: None,
                office: Office::HeadOfState,
                count: 5,
            },
        ];
        // In reverse, to show order does not matter.
        for (i, fact) in facts.into_iter().enumerate().rev() {
            panel.add(&stored(i64::try_from(i).unwrap(), fact, vec![]));
        }
        panel
    }

    fn rows(panel: DyadYear, to: Option<i32>, directed: bool) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        panel.write(&mut out, to, directed).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|line| line.split(',').map(str::to_owned).collect())
            .collect()
    }

    fn column(name: &str) -> usize {
        DYAD_YEAR_COLUMNS.iter().position(|c| *c == name).unwrap()
    }

    #[test]
    fn the_undirected_panel_follows_relations_missions_and_visits() {
        let rows = rows(seed_like(), Some(2008), false);
        assert_eq!(rows[0].join(","), DYAD_YEAR_COLUMNS.join(","));
        let body = &rows[1..];
        assert_eq!(body.len(), 2008 - 1992 + 1);
        let get = |year: i32, name: &str| {
            body[usize::try_from(year - 1992).unwrap()][column(name)].clone()
        };
        // Kazakhstan (705) is side 1, Japan (740) side 2.
        assert_eq!(get(1992, "ccode1"), "705");
        assert_eq!(get(1992, "iso2"), "JPN");
        assert_eq!(get(1992, "relations"), "1");
        assert_eq!(get(1992, "mission_2_in_1"), "none");
        assert_eq!(get(1993, "mission_2_in_1"), "embassy");
        assert_eq!(get(1993, "dr_at_1"), "3");
        assert_eq!(get(1995, "mission_1_in_2"), "none");
        assert_eq!(get(1996, "mission_1_in_2"), "embassy");
        assert_eq!(get(1996, "de"), "1");
        assert_eq!(get(2006, "visits_head_of_government"), "1");
        assert_eq!(get(2005, "visits_head_of_government"), "0");
        // A count over years has no year to go in.
        assert_eq!(get(2006, "visits_head_of_state"), "0");
    }

    #[test]
    fn the_directed_panel_gives_each_way_its_own_visits() {
        let rows = rows(seed_like(), None, true);
        let body = &rows[1..];
        // To the last fact's year (2006), two rows a year.
        assert_eq!(body.len(), 2 * (2006 - 1992 + 1));
        let of_2006: Vec<&Vec<String>> = body
            .iter()
            .filter(|row| row[column("year")] == "2006")
            .collect();
        let japan_first = of_2006.iter().find(|row| row[2] == "JPN").unwrap();
        let kazakhstan_first = of_2006.iter().find(|row| row[2] == "KAZ").unwrap();
        assert_eq!(japan_first[column("visits_head_of_government")], "1");
        assert_eq!(kazakhstan_first[column("visits_head_of_government")], "0");
        assert_eq!(japan_first[column("mission_1_in_2")], "embassy");
    }

    #[test]
    fn severance_and_closing_end_what_they_end() {
        let mut panel = DyadYear::new();
        let severed = Fact::RelationsSevered {
            parties: [code("JPN"), code("KAZ")],
            date: at("2000-05"),
        };
        let closed = Fact::MissionClosed {
            sender: code("JPN"),
            host: code("KAZ"),
            kind: MissionKind::Embassy,
            city: None,
            date: at("2001"),
        };
        let opened = Fact::MissionOpened {
            sender: code("JPN"),
            host: code("KAZ"),
            kind: MissionKind::Embassy,
            city: None,
            date: at("1999"),
        };
        for (i, fact) in [severed, closed, opened].into_iter().enumerate() {
            panel.add(&stored(i64::try_from(i).unwrap(), fact, vec![]));
        }
        let rows = rows(panel, Some(2001), false);
        let relations: Vec<&str> = rows[1..]
            .iter()
            .map(|r| r[column("relations")].as_str())
            .collect();
        // Relations stood before the first news of them is their severance.
        assert_eq!(relations, ["1", "0", "0"]);
        let missions: Vec<&str> = rows[1..]
            .iter()
            .map(|r| r[column("mission_2_in_1")].as_str())
            .collect();
        assert_eq!(missions, ["embassy", "embassy", "none"]);
    }

    #[test]
    fn former_states_keep_their_own_rows_while_they_stood() {
        let mut panel = DyadYear::new();
        let soviet = Fact::RelationsEstablished {
            parties: [code("JPN"), code("SUN")],
            date: at("1956-12"),
        };
        let russia = Fact::MissionOpened {
            sender: code("RUS"),
            host: code("JPN"),
            kind: MissionKind::Consulate,
            city: None,
            date: at("1993"),
        };
        for (i, fact) in [soviet, russia].into_iter().enumerate() {
            let mut fact = stored(i64::try_from(i).unwrap(), fact, vec![]);
            fact.pair = Some(
                bilateral_model::Dyad::new(fact.fact.countries()[0], fact.fact.countries()[1])
                    .unwrap(),
            );
            panel.add(&fact);
        }
        let rows = rows(panel, Some(1995), false);
        let years = |iso: &str| -> Vec<i32> {
            rows[1..]
                .iter()
                .filter(|r| r[2] == iso || r[3] == iso)
                .map(|r| r[column("year")].parse().unwrap())
                .collect()
        };
        assert_eq!(years("SUN"), (1956..=1991).collect::<Vec<_>>());
        assert_eq!(years("RUS"), (1993..=1995).collect::<Vec<_>>());
        let soviet = rows[1..]
            .iter()
            .find(|r| r[2] == "SUN" || r[3] == "SUN")
            .unwrap();
        assert_eq!(soviet[column("ccode1")], "365");
    }

    #[test]
    fn who_held_a_seat_follows_the_succession_table() {
        assert!(held(code("SUN"), 1991, 1956));
        assert!(!held(code("SUN"), 1992, 1956));
        assert!(!held(code("RUS"), 1990, 1993));
        assert!(held(code("RUS"), 1991, 1993));
        assert!(held(code("CSK"), 1992, 1960));
        assert!(!held(code("CSK"), 1993, 1960));
        assert!(held(code("DDR"), 1995, 1973));
        assert!(held(code("JPN"), 1900, 1900));
    }

    #[test]
    fn a_pair_without_relations_facts_leaves_relations_unknown() {
        let mut panel = DyadYear::new();
        panel.add(&stored(1, visit(), vec![]));
        let rows = rows(panel, None, false);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][column("relations")], "");
    }
}
