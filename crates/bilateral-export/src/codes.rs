//! The one table from fact types to the event codes of the field: CAMEO (1.1b3) and PLOVER
//! (event type and mode). `docs/exports.md` prints the same table, and a test holds the two
//! together.

/// The codes that best fit a type of fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventCode {
    /// The CAMEO code, leading zero kept (`"042"`).
    pub cameo: &'static str,
    /// The CAMEO code's name in the manual.
    pub cameo_name: &'static str,
    /// The PLOVER event type, upper case as POLECAT writes it.
    pub plover: &'static str,
    /// The PLOVER mode, or "" for none.
    pub mode: &'static str,
    /// Whether the codebook names this kind of event; otherwise the code is the nearest.
    pub exact: bool,
}

const fn code(
    cameo: &'static str,
    cameo_name: &'static str,
    plover: &'static str,
    mode: &'static str,
    exact: bool,
) -> EventCode {
    EventCode {
        cameo,
        cameo_name,
        plover,
        mode,
        exact,
    }
}

/// Fact type → codes. Actor 1 of an event row is the CAMEO source (the visitor, the
/// sending state), actor 2 the target. Population and trade figures are no events.
pub(crate) const TABLE: [(&str, EventCode); 9] = [
    (
        "relations_established",
        code("054", "Grant diplomatic recognition", "SUPPORT", "", true),
    ),
    (
        "relations_severed",
        code(
            "161",
            "Reduce or break diplomatic relations",
            "SANCTION",
            "",
            true,
        ),
    ),
    (
        "relations_restored",
        code("054", "Grant diplomatic recognition", "SUPPORT", "", false),
    ),
    (
        "mission_opened",
        code(
            "050",
            "Engage in diplomatic cooperation",
            "COOPERATE",
            "",
            false,
        ),
    ),
    (
        "mission_closed",
        code(
            "161",
            "Reduce or break diplomatic relations",
            "SANCTION",
            "",
            false,
        ),
    ),
    (
        "visit",
        code("042", "Make a visit", "CONSULT", "visit", true),
    ),
    (
        "visit_count",
        code("042", "Make a visit", "CONSULT", "visit", false),
    ),
    ("meeting", code("040", "Consult", "CONSULT", "", true)),
    (
        "agreement_signed",
        code("057", "Sign formal agreement", "SUPPORT", "", true),
    ),
];

/// The codes of a fact type, or `None` for a type that is no event (population, trade).
pub fn event_code(type_name: &str) -> Option<EventCode> {
    TABLE
        .iter()
        .find(|(name, _)| *name == type_name)
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_model::Fact;

    #[test]
    fn every_event_type_has_codes_and_figures_have_none() {
        for name in Fact::TYPES {
            let expected = !matches!(name, "population" | "trade");
            assert_eq!(event_code(name).is_some(), expected, "{name}");
        }
        assert_eq!(event_code("visit").map(|c| c.cameo), Some("042"));
        assert_eq!(event_code("agreement_signed").map(|c| c.cameo), Some("057"));
        assert_eq!(
            event_code("relations_severed").map(|c| c.cameo),
            Some("161")
        );
    }

    #[test]
    fn the_documented_table_is_this_table() {
        let docs = include_str!("../../../docs/exports.md");
        for (name, code) in TABLE {
            let exact = if code.exact { "yes" } else { "nearest" };
            let mode = if code.mode.is_empty() {
                "–"
            } else {
                code.mode
            };
            let row = format!(
                "| `{name}` | {} {} | {} | {mode} | {exact} |",
                code.cameo, code.cameo_name, code.plover
            );
            assert!(docs.contains(&row), "docs/exports.md lacks the row\n{row}");
        }
    }
}
