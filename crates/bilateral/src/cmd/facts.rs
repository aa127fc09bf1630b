//! `bilateral facts`: facts across all pairs, narrowed by country, type, person, place and
//! years.

use std::process::ExitCode;

use bilateral_store::FactQuery;

use crate::db::DbArgs;
use crate::views;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only facts about this country: name, ISO code or variant, any case.
    #[arg(long)]
    country: Option<String>,
    /// Only facts of these types (repeat or separate by commas): visit, mission_opened, ….
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    types: Vec<String>,
    /// Only facts naming a person whose name contains this, any case.
    #[arg(long, value_name = "NAME")]
    person: Option<String>,
    /// Only facts at a place (a mission's city, a meeting's place) containing this.
    #[arg(long)]
    place: Option<String>,
    /// First year to include (leaves out undated facts).
    #[arg(long, value_name = "YEAR")]
    from: Option<i32>,
    /// Last year to include (leaves out undated facts).
    #[arg(long, value_name = "YEAR")]
    to: Option<i32>,
    /// At most this many facts.
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
    /// Print JSON instead of lines.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    views::check_types(&args.types)?;
    views::check_years(args.from, args.to)?;
    let query = FactQuery {
        country: args
            .country
            .as_deref()
            .map(views::parse_country)
            .transpose()?,
        types: args.types,
        person: args.person,
        place: args.place,
        from: args.from,
        to: args.to,
        after: None,
        limit: args.limit,
    };
    let store = args.db.open_existing()?;
    let facts = store.facts(&query)?;
    views::print_fact_list(&facts, args.json)?;
    Ok(ExitCode::SUCCESS)
}
