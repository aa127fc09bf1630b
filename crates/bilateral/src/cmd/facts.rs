//! `bilateral facts`: facts across all pairs, narrowed by country, type, person, place and
//! years. Its filters are shared with `bilateral export`.

use std::process::ExitCode;

use bilateral_store::FactQuery;

use crate::db::DbArgs;
use crate::views;

/// The filters of a fact search, as `facts` and `export` take them.
#[derive(clap::Args, Debug)]
pub struct Filters {
    /// Only facts about this country: name, ISO code or variant, any case.
    #[arg(long)]
    country: Option<String>,
    /// Only facts of these types (repeat or separate by commas): visit, mission_opened, ….
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
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
    pub to: Option<i32>,
    /// At most this many facts.
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
}

impl Filters {
    /// The store query, once the types and the country are checked.
    pub fn query(&self) -> anyhow::Result<FactQuery> {
        views::check_types(&self.types)?;
        views::check_years(self.from, self.to)?;
        Ok(FactQuery {
            country: self
                .country
                .as_deref()
                .map(views::parse_country)
                .transpose()?,
            types: self.types.clone(),
            person: self.person.clone(),
            place: self.place.clone(),
            agreement: None,
            from: self.from,
            to: self.to,
            after: None,
            limit: self.limit,
        })
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    filters: Filters,
    /// Print JSON instead of lines.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let query = args.filters.query()?;
    let store = args.db.open_existing()?;
    let facts = store.facts(&query)?;
    views::print_fact_list(&facts, args.json)?;
    Ok(ExitCode::SUCCESS)
}
