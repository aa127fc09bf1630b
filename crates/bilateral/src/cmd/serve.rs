//! `bilateral serve`: browse the store in a web browser, or query it as JSON, read-only.

use std::net::SocketAddr;
use std::process::ExitCode;

use crate::db::DbArgs;
use crate::serve;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The address to listen on; port 0 picks a free port, printed at start. Anything but
    /// a loopback address lets other machines read the store.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "bilateral serve: listening on {}, which other machines can reach",
            args.addr
        );
    }
    serve::run(args.db.existing_path()?, args.addr)?;
    Ok(ExitCode::SUCCESS)
}
