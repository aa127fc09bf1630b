//! One module per subcommand. Each has an `Args` (clap) and a `run` returning the exit code.

pub mod read;
