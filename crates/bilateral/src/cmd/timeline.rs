//! `bilateral timeline A [B]`: the dated facts about a country (and one partner), in order.

use std::process::ExitCode;

use bilateral_store::TimelineQuery;

use crate::db::DbArgs;
use crate::views;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A country: name, ISO code or variant, any case.
    country: String,
    /// Only facts about this partner too.
    other: Option<String>,
    /// First year to include.
    #[arg(long, value_name = "YEAR")]
    from: Option<i32>,
    /// Last year to include.
    #[arg(long, value_name = "YEAR")]
    to: Option<i32>,
    /// Only facts of these types (repeat or separate by commas): visit, mission_opened, ….
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    types: Vec<String>,
    /// Print JSON instead of lines.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    views::check_types(&args.types)?;
    views::check_years(args.from, args.to)?;
    if let Some(other) = &args.other {
        views::parse_pair(&args.country, other)?;
    }
    let query = TimelineQuery {
        country: views::parse_country(&args.country)?,
        other: args
            .other
            .as_deref()
            .map(views::parse_country)
            .transpose()?,
        from: args.from,
        to: args.to,
        types: args.types,
    };
    let store = args.db.open_existing()?;
    let facts = store.timeline(&query)?;
    views::print_fact_list(&facts, args.json)?;
    Ok(ExitCode::SUCCESS)
}
