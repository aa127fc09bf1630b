//! The `bilateral` command: read, extract, evaluate, store and query facts about the relations
//! of two states. Only this crate parses arguments, touches the file system and prints.

/// `println!` that returns the write error instead of panicking, so that a reader closing our
/// stdout early (`bilateral bench | head -3`) ends the command quietly through `main`.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod cli;
mod cmd;
mod db;
mod json_out;
mod pipeline;
mod report;
mod serve;
mod views;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = <cli::Cli as clap::Parser>::parse();
    match cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            crate::report::warn(&error);
            ExitCode::from(2)
        }
    }
}

/// A reader that closed our stdout early (`bilateral show ... | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
