//! One module per subcommand. Each has an `Args` (clap) and a `run` returning the exit code.

pub mod bench;
pub mod bench_serve;
pub mod demo;
pub mod dump;
pub mod eval;
pub mod export;
pub mod extract;
pub mod facts;
pub mod ingest;
pub mod read;
pub mod refs;
pub mod serve;
pub mod show;
pub mod stats;
pub mod timeline;
