//! `bilateral bench-serve`: how fast `bilateral serve` answers over a large store. Fills a
//! store with synthetic facts in one transaction (or takes one filled before), starts
//! `bilateral serve` on a loopback port as a child process, times its first whole-store
//! answers (`/api/stats`, `/api/pairs`, before it has kept any counts), then drives the pair
//! JSON (`/api/dyads/A/B`) and the pair page (`/dyads/A/B`) with concurrent keep-alive
//! clients for a bounded time each: requests/s and p50/p95/p99 latency.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use bilateral_model::{Dyad, Format};
use bilateral_store::{IngestRecord, Store};

/// Facts of each synthetic pair: about what a real relations article gives.
const FACTS_PER_PAIR: usize = 60;
/// References of each synthetic article.
const CITATIONS_PER_PAIR: u32 = 10;
/// Pairs the load is spread over, so that no one answer stays in a cache.
const PAIRS_DRIVEN: usize = 64;
/// The most seconds of load on one route, and the most facts, that may be asked for.
const MAX_SECONDS: f64 = 300.0;
const MAX_FACTS: usize = 10_000_000;
/// How long the server may take to start.
const START_DEADLINE: Duration = Duration::from_secs(60);

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Facts in the synthetic store (60 a pair).
    #[arg(long, default_value_t = 1_000_000)]
    facts: usize,
    /// Concurrent clients, each on its own kept-alive connection.
    #[arg(long, default_value_t = 8)]
    clients: usize,
    /// Seconds of load on each route, after one untimed second.
    #[arg(long, default_value_t = 10.0)]
    seconds: f64,
    /// Keep the store here: filled when the file does not exist, used as it is when it does.
    /// Without it the store is made in a temporary folder and removed.
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(args.seconds > 0.0 && args.seconds <= MAX_SECONDS) {
        bail!("--seconds must be more than 0 and at most {MAX_SECONDS}");
    }
    if !(FACTS_PER_PAIR..=MAX_FACTS).contains(&args.facts) {
        bail!("--facts must be from {FACTS_PER_PAIR} to {MAX_FACTS}");
    }
    if !(1..=256).contains(&args.clients) {
        bail!("--clients must be from 1 to 256");
    }
    let pairs = synthetic_pairs(args.facts.div_ceil(FACTS_PER_PAIR))?;
    let folder = tempfile::tempdir()?;
    let db = args
        .db
        .clone()
        .unwrap_or_else(|| folder.path().join("bench.db"));
    if db.exists() {
        outln!("store: {} (as it is)", db.display())?;
    } else {
        let started = Instant::now();
        fill(&db, &pairs)?;
        outln!(
            "store: {} facts over {} pairs, filled in one transaction in {:.1} s",
            pairs.len() * FACTS_PER_PAIR,
            pairs.len(),
            started.elapsed().as_secs_f64()
        )?;
    }
    let server = Server::start(&db)?;
    for path in ["/api/stats", "/api/pairs", "/api/stats"] {
        let mut client = Client::connect(&server.addr)?;
        let started = Instant::now();
        client.get(path)?;
        outln!(
            "first answers: {path} {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        )?;
    }
    let driven = &pairs[..PAIRS_DRIVEN.min(pairs.len())];
    for (name, prefix) in [("pair JSON", "/api/dyads"), ("pair page", "/dyads")] {
        let paths: Vec<String> = driven
            .iter()
            .map(|pair| format!("{prefix}/{}/{}", pair.first(), pair.second()))
            .collect();
        drive(&server.addr, &paths, args.clients, 1.0)?;
        let load = drive(&server.addr, &paths, args.clients, args.seconds)?;
        outln!(
            "{name} ({prefix}/A/B), {} clients, {:.0} s: {} requests, {:.0} requests/s, \
             p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms",
            args.clients,
            args.seconds,
            load.latencies.len(),
            load.latencies.len() as f64 / args.seconds,
            load.percentile(0.50),
            load.percentile(0.95),
            load.percentile(0.99),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `count` distinct pairs of current states, in a fixed order.
fn synthetic_pairs(count: usize) -> anyhow::Result<Vec<Dyad>> {
    let states: Vec<_> = bilateral_gazetteer::countries()
        .iter()
        .filter(|country| !country.historical)
        .map(|country| country.code)
        .collect();
    let mut pairs = Vec::with_capacity(count);
    'all: for (i, &a) in states.iter().enumerate() {
        for &b in &states[i + 1..] {
            if pairs.len() == count {
                break 'all;
            }
            pairs.extend(Dyad::new(a, b).ok());
        }
    }
    if pairs.len() < count {
        bail!(
            "{} states make only {} pairs of {FACTS_PER_PAIR} facts",
            states.len(),
            pairs.len()
        );
    }
    Ok(pairs)
}

/// Stores one synthetic article per pair, all in one transaction.
fn fill(db: &Path, pairs: &[Dyad]) -> anyhow::Result<()> {
    let mut store = Store::open(db).with_context(|| format!("{}", db.display()))?;
    store.ingest_batch(|batch| {
        for (number, &pair) in pairs.iter().enumerate() {
            let [a, b] = pair.codes().map(crate::views::country_name);
            let (document, analysis) = bilateral_store::synthetic::article(
                pair,
                [a.as_str(), b.as_str()],
                FACTS_PER_PAIR,
                CITATIONS_PER_PAIR,
            );
            let source = format!("synthetic/{number}.txt");
            let record = IngestRecord {
                source: &source,
                format: Format::Text,
                title: &document.title,
                content_hash: &source,
            };
            batch.ingest(&record, &document, &analysis)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `bilateral serve` on the store, as a child process on a free loopback port; killed when
/// dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(db: &Path) -> anyhow::Result<Server> {
        let mut child = Command::new(std::env::current_exe()?)
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("bilateral serve did not start")?;
        let stdout = child
            .stdout
            .take()
            .context("no output from bilateral serve")?;
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver.recv_timeout(START_DEADLINE).unwrap_or_default();
        // Made before the address is checked, so that a server that said nothing is killed.
        let mut server = Server {
            child,
            addr: String::new(),
        };
        match line.trim().strip_prefix("listening on http://") {
            Some(addr) => server.addr = addr.to_owned(),
            None => bail!("bilateral serve did not say where it listens: {line:?}"),
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A kept-alive HTTP/1.1 connection that sends GETs and reads their answers whole.
struct Client {
    writer: TcpStream,
    reader: BufReader<TcpStream>,
    host: String,
    body: Vec<u8>,
}

impl Client {
    fn connect(addr: &str) -> anyhow::Result<Client> {
        let writer = TcpStream::connect(addr).with_context(|| format!("connecting to {addr}"))?;
        writer.set_nodelay(true)?;
        writer.set_read_timeout(Some(START_DEADLINE))?;
        Ok(Client {
            reader: BufReader::new(writer.try_clone()?),
            writer,
            host: addr.to_owned(),
            body: Vec::new(),
        })
    }

    /// Asks for `path`; an answer other than 200 is an error.
    fn get(&mut self, path: &str) -> anyhow::Result<()> {
        write!(
            self.writer,
            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host
        )?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line.split(' ').nth(1).unwrap_or_default().to_owned();
        let mut length = None;
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                bail!("{path}: the server closed the connection");
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let length = length.with_context(|| format!("{path}: no Content-Length"))?;
        self.body.resize(length, 0);
        self.reader.read_exact(&mut self.body)?;
        if status != "200" {
            bail!("{path}: status {status}");
        }
        Ok(())
    }
}

/// The latencies of one load run.
struct Load {
    /// In milliseconds, sorted.
    latencies: Vec<f64>,
}

impl Load {
    /// The latency `fraction` of requests took at most.
    fn percentile(&self, fraction: f64) -> f64 {
        let rank = (fraction * self.latencies.len() as f64).ceil() as usize;
        self.latencies
            .get(rank.saturating_sub(1))
            .copied()
            .unwrap_or(f64::NAN)
    }
}

/// `clients` connections asking for `paths` in turn, each as soon as the last answer is
/// read, for `seconds`.
fn drive(addr: &str, paths: &[String], clients: usize, seconds: f64) -> anyhow::Result<Load> {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let runs: Vec<anyhow::Result<Vec<f64>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|number| {
                scope.spawn(move || {
                    let mut client = Client::connect(addr)?;
                    let mut latencies = Vec::new();
                    let mut turn = number;
                    while Instant::now() < deadline {
                        let started = Instant::now();
                        client.get(&paths[turn % paths.len()])?;
                        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
                        turn += clients;
                    }
                    Ok(latencies)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a client thread panicked")))
            })
            .collect()
    });
    let mut latencies = Vec::new();
    for run in runs {
        latencies.extend(run?);
    }
    latencies.sort_by(f64::total_cmp);
    Ok(Load { latencies })
}
