//! `bilateral serve` end to end: articles ingested into a temporary store, the server started
//! on an ephemeral loopback port, and every route asked over plain HTTP/1.1: status, content
//! type, security headers, redirects, errors, and that text from an article comes back
//! escaped; then hostile clients: paths that climb out, oversized and malformed parameters,
//! a client that stalls half-way through its request, and many connections at once.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the server may take to start and answer.
const DEADLINE: Duration = Duration::from_secs(30);

/// An article of our own with markup planted in its text, its title and a reference.
const PLANTED: &str = "Chile–Norway relations\n\n\
    Chile–Norway relations are the relations between Chile and Norway.\n\n\
    History\n\n\
    The two states established diplomatic relations on 4 June 1955 <script>alert(1)</script>.[1]\n\n\
    Norway opened an embassy in Santiago in 1961 \"><img src=x onerror=alert(1)>.[1]\n\n\
    References\n\n  \
    1. \"Exchange of envoys <script>alert(1)</script>\". Example Daily \"><img src=x onerror=alert(1)>. 1955. Retrieved 2020-01-02.\n";

fn bilateral(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .env_remove("BILATERAL_DB")
        .output()
        .unwrap()
}

/// A running server, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Starts `bilateral serve` on port 0 and waits, up to the deadline, for the address it
    /// prints and for its first answer.
    fn start(db: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver.recv_timeout(DEADLINE).unwrap_or_default();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .map(str::to_owned);
        let mut server = Server {
            child,
            addr: String::new(),
        };
        server.addr = addr.unwrap_or_else(|| panic!("the server printed {line:?}"));
        let started = Instant::now();
        loop {
            match server.try_get("/api/stats") {
                Ok(reply) if reply.status == 200 => break,
                _ if started.elapsed() > DEADLINE => panic!("the server never answered"),
                _ => std::thread::yield_now(),
            }
        }
        server
    }

    fn try_get(&self, path: &str) -> std::io::Result<Reply> {
        self.try_send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ))
    }

    /// Sends `request` as it is and reads the answer to the end of the connection.
    fn try_send(&self, request: &str) -> std::io::Result<Reply> {
        let mut stream = TcpStream::connect(&self.addr)?;
        stream.set_read_timeout(Some(DEADLINE))?;
        stream.write_all(request.as_bytes())?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw)?;
        Ok(Reply::parse(&String::from_utf8_lossy(&raw)))
    }

    fn get(&self, path: &str) -> Reply {
        self.try_get(path).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    /// Names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn parse(raw: &str) -> Reply {
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_lowercase(), value.trim().to_owned()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_owned(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> serde_json::Value {
        assert_eq!(self.header("content-type"), Some("application/json"));
        serde_json::from_str(&self.body).unwrap()
    }
}

/// A store of the shipped examples and the planted article, in `folder`.
fn example_store(folder: &Path) -> std::path::PathBuf {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let planted = folder.join("chile-norway-relations.txt");
    std::fs::write(&planted, PLANTED).unwrap();
    let db = folder.join("serve.db");
    let output = bilateral(&[
        "ingest",
        examples.to_str().unwrap(),
        planted.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    db
}

#[test]
fn every_route_answers_with_its_status_headers_and_content() {
    let folder = tempfile::tempdir().unwrap();
    let server = Server::start(&example_store(folder.path()));

    // Every route, its redirects and its errors carry the security headers.
    for path in [
        "/",
        "/search?q=Japan",
        "/search?q=Nobody",
        "/dyads/JPN/MNG",
        "/dyads/MNG/JPN",
        "/countries/JPN",
        "/facts/1",
        "/documents/1",
        "/static/style.css",
        "/api/pairs",
        "/api/dyads/JPN/MNG",
        "/api/facts",
        "/api/facts/1",
        "/api/citations",
        "/api/stats",
        "/api/search?q=Obama",
        "/api/documents/1",
        "/api/openapi.json",
        "/api/facts?limit=0",
        "/nowhere",
        "/api/nowhere",
    ] {
        assert_security_headers(&server.get(path), path);
    }

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.body
            .contains(r#"<form class="search" action="/search" method="get""#)
    );
    assert!(
        home.body
            .contains(r#"<a href="/dyads/JPN/MNG">Japan–Mongolia</a>"#)
    );
    assert!(!home.body.contains("<script"), "pages carry no script");

    let style = server.get("/static/style.css");
    assert_eq!(style.status, 200);
    assert!(
        style
            .header("content-type")
            .unwrap()
            .starts_with("text/css")
    );

    // Any order, any form of a country: one canonical URL.
    for path in ["/dyads/MNG/JPN", "/dyads/mongolia/Japanese", "/dyads/jp/MN"] {
        let reply = server.get(path);
        assert_eq!(reply.status, 308, "{path}");
        assert_eq!(reply.header("location"), Some("/dyads/JPN/MNG"), "{path}");
    }
    let api_redirect = server.get("/api/dyads/Mongolia/JPN");
    assert_eq!(api_redirect.status, 308);
    assert_eq!(api_redirect.header("location"), Some("/api/dyads/JPN/MNG"));
    assert_eq!(
        server.get("/countries/japanese").header("location"),
        Some("/countries/JPN")
    );

    let pair = server.get("/dyads/JPN/MNG");
    assert_eq!(pair.status, 200);
    assert!(
        pair.body
            .contains("<h1><a href=\"/countries/JPN\">Japan</a>")
    );
    assert!(pair.body.contains("<svg class=\"timeline\""));
    assert!(pair.body.contains("<h2>References</h2>"));
    let country = server.get("/countries/MNG");
    assert_eq!(country.status, 200);
    assert!(country.body.contains("Japan–Mongolia"));
    assert!(!country.body.contains("Cuba"));

    for path in [
        "/dyads/JPN/Atlantis",
        "/dyads/JPN/japan",
        "/countries/Atlantis",
        "/facts/999999",
        "/facts/abc",
        "/documents/999999",
        "/documents/abc",
        "/nowhere",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            reply
                .header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
    }

    // The API.
    let pairs = server.get("/api/pairs").json();
    let first = &pairs.as_array().unwrap()[0];
    assert!(first["facts"].as_u64().unwrap() > 0 && first["name"].is_string());
    let dossier = server.get("/api/dyads/JPN/MNG").json();
    assert_eq!(dossier["names"], serde_json::json!(["Japan", "Mongolia"]));
    assert!(dossier["facts"][0]["sentence"].is_string());
    assert!(
        dossier["references"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    let stats = server.get("/api/stats").json();
    assert_eq!(stats["documents"], 6);

    let facts = server
        .get("/api/facts?country=Mongolian&type=visit&from=1990&to=2030")
        .json();
    let listed = facts["facts"].as_array().unwrap();
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|f| f["type"] == "visit"));
    // Pages of two, followed by their cursors, list every fact once, in order.
    let all = server.get("/api/facts?limit=500").json();
    let all_summaries: Vec<String> = all["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["summary"].to_string())
        .collect();
    let mut paged = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = server
            .get(&format!("/api/facts?limit=7&cursor={cursor}"))
            .json();
        paged.extend(
            page["facts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["summary"].to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(paged, all_summaries);

    // References: a pair's are the ones its dossier lists, in the same shape.
    let without_document_number = |references: &serde_json::Value| {
        let mut listed: Vec<serde_json::Value> = references
            .as_array()
            .unwrap()
            .iter()
            .cloned()
            .map(|mut reference| {
                reference.as_object_mut().unwrap().remove("document");
                reference
            })
            .collect();
        listed.sort_by_key(|reference| reference.to_string());
        listed
    };
    let pair_references = server.get("/api/citations?dyad=Mongolia,jp").json();
    assert_eq!(
        without_document_number(&pair_references["references"]),
        without_document_number(&dossier["references"])
    );
    assert!(!pair_references["documents"].as_array().unwrap().is_empty());
    let all = server.get("/api/citations?limit=500").json();
    let mut paged = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = server
            .get(&format!("/api/citations?limit=3&cursor={cursor}"))
            .json();
        paged.extend(without_document_number(&page["references"]));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    paged.sort_by_key(|reference| reference.to_string());
    assert_eq!(paged, without_document_number(&all["references"]));
    let problem = stats["citation_problems"][0]["name"].as_str().unwrap();
    let with_problem = server
        .get(&format!("/api/citations?problem={problem},invalid_isbn"))
        .json();
    let listed = with_problem["references"].as_array().unwrap();
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|reference| {
        let problems = reference["problems"].as_array().unwrap();
        problems.contains(&problem.into()) || problems.contains(&"invalid_isbn".into())
    }));
    for path in [
        "/api/citations?dyad=Japan",
        "/api/citations?dyad=Japan,Atlantis",
        "/api/citations?dyad=Japan,JPN",
        "/api/citations?problem=typo",
        "/api/citations?cursor=7",
        "/api/citations?cursor=-1.2",
        "/api/citations?limit=0",
        "/api/citations?country=JPN",
    ] {
        assert_refused(&server.get(path), 400, path);
    }

    let document_page = server.get("/documents/1");
    assert_eq!(document_page.status, 200);
    assert!(document_page.body.contains("<mark>"));
    assert!(
        document_page
            .body
            .contains("<a class=\"fact-link\" href=\"/facts/")
    );
    let fact_page = server.get("/facts/1");
    assert!(fact_page.body.contains("<a href=\"/documents/"));
    let fact = server.get("/api/facts/1").json();
    assert!(fact["fact"]["summary"].is_string());
    let document = server.get("/api/documents/1").json();
    assert!(document["title"].is_string() && document["references"].is_array());

    // The description names every route of the API, and no other.
    let openapi = server.get("/api/openapi.json").json();
    assert_eq!(openapi["openapi"], "3.1.0");
    let mut described: Vec<&str> = openapi["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    described.sort_unstable();
    assert_eq!(
        described,
        [
            "/api/citations",
            "/api/documents/{id}",
            "/api/dyads/{a}/{b}",
            "/api/facts",
            "/api/facts/{id}",
            "/api/openapi.json",
            "/api/pairs",
            "/api/search",
            "/api/stats",
        ]
    );

    for path in [
        "/api/facts?limit=501",
        "/api/facts?limit=0",
        "/api/facts?country=Atlantis",
        "/api/facts?type=visits",
        "/api/facts?from=1990&to=1980",
        "/api/facts?from=soon",
        "/api/facts?cursor=x",
        "/api/facts?colour=red",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 400, "{path}");
        let body = reply.json();
        assert_eq!(body["status"], 400);
        assert!(body["error"].is_string());
    }
    for path in ["/api/dyads/%FF/JPN", "/api/facts/%FF", "/api/documents/%FF"] {
        let reply = server.get(path);
        assert_eq!(reply.status, 400, "{path}");
        assert_eq!(reply.json()["status"], 400);
    }
    assert_eq!(server.get("/dyads/%FF/JPN").status, 400);
    let long = format!("/api/facts?person={}", "a".repeat(2100));
    assert_eq!(server.get(&long).status, 414);
    for path in [
        "/api/facts/999999",
        "/api/documents/999999",
        "/api/documents/x",
        "/api/dyads/JPN/Atlantis",
        "/api/nowhere",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.json()["status"], 404);
    }

    // Search: a country, a pair, a person.
    assert_eq!(
        server.get("/search?q=Mongolian").header("location"),
        Some("/countries/MNG")
    );
    assert_eq!(
        server
            .get("/search?q=Japan+and+Mongolia")
            .header("location"),
        Some("/dyads/JPN/MNG")
    );
    let nobody = server.get("/search?q=Nobody+Atall");
    assert_eq!(nobody.status, 200);
    assert!(
        nobody
            .body
            .contains("No country, pair, title, agreement or person matches")
    );
}

#[test]
fn markup_from_an_article_comes_back_as_text() {
    let folder = tempfile::tempdir().unwrap();
    let server = Server::start(&example_store(folder.path()));
    let pair = server.get("/dyads/CHL/NOR");
    assert_eq!(pair.status, 200);
    let dossier = server.get("/api/dyads/CHL/NOR").json();
    let facts = dossier["facts"].as_array().unwrap();
    assert!(!facts.is_empty(), "{dossier}");
    let mut pages = vec![pair.body];
    for fact in facts {
        let reply = server.get(&format!("/facts/{}", fact["id"]));
        assert_eq!(reply.status, 200);
        pages.push(reply.body);
    }
    for id in 1..=6 {
        let reply = server.get(&format!("/documents/{id}"));
        assert_eq!(reply.status, 200, "/documents/{id}");
        pages.push(reply.body);
    }
    let search = server.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(search.status, 200);
    pages.push(search.body);
    assert!(pages.len() > 2);
    for page in &pages {
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
    }
    // Escaped as numeric character references.
    let escaped = |text: &str| pages.iter().any(|page| page.contains(text));
    assert!(escaped("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(escaped("&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"));
}

#[test]
fn an_ingest_while_serving_shows_at_once() {
    let folder = tempfile::tempdir().unwrap();
    let db = example_store(folder.path());
    let server = Server::start(&db);
    let before = server.get("/api/stats").json();
    assert_eq!(before["documents"], 6);
    assert!(!server.get("/").body.contains("Chile–Peru"));
    let article = folder.path().join("chile-peru-relations.txt");
    let text = PLANTED.replace("Norway", "Peru").replace("1955", "1956");
    std::fs::write(&article, text).unwrap();
    let output = bilateral(&[
        "ingest",
        article.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    // The counts the server keeps are taken again after the store changed.
    assert_eq!(server.get("/api/stats").json()["documents"], 7);
    assert!(server.get("/").body.contains("Chile–Peru"));
    let pairs = server.get("/api/pairs").json();
    assert!(
        pairs
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Chile–Peru")
    );
}

#[test]
fn the_seed_pair_page_draws_its_events_on_the_timeline() {
    let Some(shared) = bilateral_testkit::shared_dir() else {
        return;
    };
    let seed = shared.join("seed/japan-kazakhstan-relations.txt");
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("seed.db");
    let output = bilateral(&[
        "ingest",
        seed.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let server = Server::start(&db);
    let reply = server.get("/dyads/kazakhstan/Japanese");
    assert_eq!(reply.header("location"), Some("/dyads/JPN/KAZ"));
    let page = server.get("/dyads/JPN/KAZ");
    assert_eq!(page.status, 200);
    let svg = &page.body[page.body.find("<svg").unwrap()..page.body.find("</svg>").unwrap()];
    for year in [1992, 1993, 1996, 2006] {
        assert!(
            svg.contains(&format!("data-year=\"{year}\"")),
            "no mark for {year}"
        );
        assert!(
            svg.contains(&format!("<title>{year}")),
            "no title for {year}"
        );
    }
    assert!(page.body.contains("establish diplomatic relations"));

    // Latency on loopback, one client, as the closing note reports it.
    for path in ["/dyads/JPN/KAZ", "/api/facts?country=KAZ"] {
        let started = Instant::now();
        for _ in 0..200 {
            assert_eq!(server.get(path).status, 200);
        }
        let each = started.elapsed() / 200;
        println!(
            "{path}: {:.2} ms a request over 200",
            each.as_secs_f64() * 1000.0
        );
    }
}

/// The headers every answer of ours carries, whatever its status.
fn assert_security_headers(reply: &Reply, what: &str) {
    assert_eq!(
        reply.header("content-security-policy"),
        Some("default-src 'self'; script-src 'self'; frame-ancestors 'none'"),
        "{what}"
    );
    assert_eq!(
        reply.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        reply.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
}

/// A refusal of ours: its status, the security headers, and a JSON body with the status
/// on the API, a page elsewhere.
fn assert_refused(reply: &Reply, status: u16, what: &str) {
    assert_eq!(reply.status, status, "{what}: {}", reply.body);
    assert_security_headers(reply, what);
    if what.starts_with("/api") {
        assert_eq!(reply.json()["status"], status, "{what}");
        assert!(reply.json()["error"].is_string(), "{what}");
    } else {
        let content_type = reply.header("content-type").unwrap_or_default();
        assert!(content_type.starts_with("text/html"), "{what}");
    }
}

#[test]
fn paths_that_climb_out_name_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let server = Server::start(&example_store(folder.path()));
    let climbs = [
        "/documents/..%2f..%2fetc%2fpasswd",
        "/documents/..%2F..%2F..%2FCargo.toml",
        "/api/documents/..%2f..%2fetc%2fpasswd",
        "/facts/..%2f..%2fCargo.toml",
        "/api/facts/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/static/../Cargo.toml",
        "/static/../../../../etc/passwd",
        "/static/..%2fCargo.toml",
        "/static/%2e%2e/%2e%2e/Cargo.toml",
        "/static/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/static/%252e%252e/Cargo.toml",
        "/static/..%5c..%5cCargo.toml",
        "/static/..\\..\\Cargo.toml",
        "/static/style.css/../../Cargo.toml",
        "/static/style.css%00.toml",
        "/static/Cargo.toml",
        "/static/",
        "/dyads/..%2f..%2fetc/passwd",
        "/dyads/JPN/..%2f..%2fCargo.toml",
        "/api/dyads/../../etc/passwd",
        "/countries/..%2f..%2fetc%2fpasswd",
        "/countries/%2e%2e",
        "/search/../Cargo.toml",
        "/api/openapi.json/../../Cargo.toml",
        "/api/../../../../etc/passwd",
        "/api/%2e%2e/%2e%2e/Cargo.toml",
        "/../../etc/passwd",
        "//etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/Cargo.toml",
        "/README.md",
        "/.git/config",
    ];
    for path in climbs {
        let reply = server.get(path);
        assert!(
            [400, 404].contains(&reply.status),
            "{path}: {}",
            reply.status
        );
        assert_refused(&reply, reply.status, path);
        for content in ["root:", "[workspace]", "[package]", "[core]", "# bilateral"] {
            assert!(!reply.body.contains(content), "{path} gave {content}");
        }
    }
    // A target that is no path at all is hyper's 400, before any route.
    let reply = server
        .try_send("GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    assert_eq!(reply.status, 400);
    assert!(!reply.body.contains("root:"));
}

#[test]
fn oversized_and_malformed_requests_are_refused_with_their_status() {
    let folder = tempfile::tempdir().unwrap();
    let server = Server::start(&example_store(folder.path()));
    let huge = "x".repeat(3000);
    let many_types = vec!["visit"; 200].join(",");
    let bad_parameters = [
        "/api/facts?limit=-1".to_owned(),
        "/api/facts?limit=abc".into(),
        "/api/facts?limit=1.5".into(),
        "/api/facts?limit=99999999999999999999".into(),
        "/api/facts?limit=10&limit=20".into(),
        "/api/facts?cursor=-1".into(),
        "/api/facts?cursor=abc".into(),
        "/api/facts?cursor=99999999999999999999999".into(),
        "/api/facts?from=2020&to=1990".into(),
        "/api/facts?from=1e9".into(),
        "/api/facts?to=-99999".into(),
        "/api/facts?person=%FF".into(),
        "/api/facts?person=%ZZ%".into(),
        format!("/api/facts?person={}", "y".repeat(300)),
        format!("/api/facts?type={many_types},nope"),
        "/search?q=%FF".into(),
        format!("/search?q={}", "z".repeat(500)),
    ];
    for path in &bad_parameters {
        assert_refused(&server.get(path), 400, path);
    }
    for path in [
        format!("/api/facts?person={huge}"),
        format!("/search?q={huge}"),
        format!("/dyads/JPN/{huge}"),
    ] {
        assert_refused(&server.get(&path), 414, &path[..20]);
    }
    let addr = &server.addr;
    let post = server
        .try_send(&format!(
            "POST /api/facts HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
        ))
        .unwrap();
    assert_refused(&post, 405, "/api/facts (POST)");
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
    let with_body = server
        .try_send(&format!(
            "GET /api/stats HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
        ))
        .unwrap();
    assert_refused(&with_body, 413, "/api/stats (with a body)");
    // A head larger than the server reads is hyper's 431, and the connection closes.
    let big_head = server
        .try_send(&format!(
            "GET / HTTP/1.1\r\nHost: {addr}\r\nX-Filler: {}\r\nConnection: close\r\n\r\n",
            "f".repeat(40_000)
        ))
        .unwrap();
    assert_eq!(big_head.status, 431);
    assert_eq!(server.get("/api/stats").status, 200);
}

/// Whether the server has closed `stream`: a read gives end of file or a reset. Waits at
/// most `wait` for it to say so.
fn closed(stream: &mut TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).unwrap();
    let mut buffer = [0_u8; 512];
    match stream.read(&mut buffer) {
        Ok(0) => true,
        Ok(_) => false,
        Err(error) => !matches!(
            error.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    }
}

#[test]
fn a_client_that_stalls_is_dropped_while_others_are_served() {
    let folder = tempfile::tempdir().unwrap();
    let server = Server::start(&example_store(folder.path()));
    let mut half_request = TcpStream::connect(&server.addr).unwrap();
    half_request
        .write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Wait: ")
        .unwrap();
    let mut silent = TcpStream::connect(&server.addr).unwrap();
    let started = Instant::now();
    // The server's limit on a request head is 5 s; a bounded wait well past it.
    let deadline = Duration::from_secs(20);
    let mut served = 0;
    let mut open = [true, true];
    while open.iter().any(|&o| o) {
        assert!(
            started.elapsed() < deadline,
            "a stalled client still held its connection after {deadline:?}"
        );
        assert_eq!(server.get("/api/pairs").status, 200);
        served += 1;
        for (still_open, stream) in open.iter_mut().zip([&mut half_request, &mut silent]) {
            if *still_open && closed(stream, Duration::from_millis(50)) {
                *still_open = false;
            }
        }
    }
    println!(
        "stalled clients dropped after {:.1} s; {served} requests served meanwhile",
        started.elapsed().as_secs_f64()
    );
    assert!(served > 1);
}

#[test]
fn two_hundred_connections_at_once_are_all_answered() {
    let folder = tempfile::tempdir().unwrap();
    let server = Server::start(&example_store(folder.path()));
    let paths = ["/api/pairs", "/dyads/JPN/MNG", "/api/facts?limit=5", "/"];
    let clients = 200;
    let start = std::sync::Arc::new(std::sync::Barrier::new(clients));
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|i| {
                let start = std::sync::Arc::clone(&start);
                let server = &server;
                scope.spawn(move || {
                    start.wait();
                    server
                        .try_get(paths[i % paths.len()])
                        .map_or(0, |r| r.status)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // Answered, or refused with a 503 when the store is too busy: never dropped.
    assert!(
        statuses.iter().all(|s| [200, 503].contains(s)),
        "{statuses:?}"
    );
    let answered = statuses.iter().filter(|&&s| s == 200).count();
    println!("{answered} of {clients} connections answered at once, the rest refused");
    assert!(answered > clients / 2);
    assert_eq!(server.get("/api/stats").status, 200);
}

/// A dump holding one redirect: another name of the Russia–South Korea article.
const REDIRECT_DUMP: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="en">
  <page>
    <title>Republic of Korea–Russia relations</title>
    <ns>0</ns>
    <id>7</id>
    <redirect title="Russia–South Korea relations" />
    <revision><id>1</id><text xml:space="preserve">#REDIRECT [[Russia–South Korea relations]]</text></revision>
  </page>
</mediawiki>
"#;

#[test]
fn search_finds_countries_titles_redirects_agreements_and_people() {
    let folder = tempfile::tempdir().unwrap();
    let db = example_store(folder.path());
    let dump = folder.path().join("redirects.xml");
    std::fs::write(&dump, REDIRECT_DUMP).unwrap();
    let output = bilateral(&[
        "ingest",
        dump.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let server = Server::start(&db);

    // A redirect's whole title goes to its article's pair; part of it lists the pair.
    let redirect = server.get("/search?q=Republic+of+Korea%E2%80%93Russia+relations");
    assert_eq!(redirect.header("location"), Some("/dyads/KOR/RUS"));
    let by_alias = server.get("/api/search?q=of%20korea%E2%80%93russia").json();
    assert_eq!(
        by_alias["pairs"],
        serde_json::json!([{
            "pair": ["KOR", "RUS"],
            "name": "South Korea–Russia",
            "title": "Republic of Korea–Russia relations",
        }])
    );
    let by_title = server.get("/api/search?q=mongolia%20relations").json();
    assert_eq!(by_title["pairs"][0]["title"], "Japan–Mongolia relations");
    let listed = server.get("/search?q=of%20korea");
    assert_eq!(listed.status, 200);
    assert!(
        listed
            .body
            .contains("<a href=\"/dyads/KOR/RUS\">South Korea–Russia</a>")
    );

    // Agreements by title, people by name, each with its facts' documents.
    let commerce = server.get("/api/search?q=COMMERCE").json();
    let agreements = commerce["agreements"].as_array().unwrap();
    assert_eq!(agreements.len(), 1, "{commerce}");
    assert_eq!(agreements[0]["type"], "agreement_signed");
    assert!(
        agreements[0]["summary"]
            .as_str()
            .unwrap()
            .contains("Commerce")
    );
    assert_eq!(
        commerce["documents"][0]["title"],
        "Australia–Japan relations"
    );
    let page = server.get("/search?q=commerce");
    assert!(page.body.contains("<h2>Agreements</h2>"));
    let obama = server.get("/api/search?q=obama").json();
    assert_eq!(obama["people"].as_array().unwrap().len(), 3);
    assert!(
        server
            .get("/search?q=obama")
            .body
            .contains("<h2>People</h2>")
    );

    // A country is named, not searched.
    let country = server.get("/api/search?q=Mongolian").json();
    assert_eq!(
        country["country"],
        serde_json::json!({"code": "MNG", "name": "Mongolia"})
    );
    assert_eq!(
        server.get("/search?q=Mongolian").header("location"),
        Some("/countries/MNG")
    );
    let nothing = server.get("/api/search?q=zzzz").json();
    assert!(nothing["pairs"].as_array().unwrap().is_empty());
    assert!(nothing["country"].is_null());
    for path in [
        "/api/search".to_owned(),
        "/api/search?q=%20".into(),
        format!("/api/search?q={}", "k".repeat(201)),
        "/api/search?q=a&x=1".into(),
    ] {
        assert_refused(&server.get(&path), 400, &path);
    }
}

/// An article whose paragraph around a fact's sentence is markup, some of it closing the
/// highlight the page puts around the sentence.
const HOSTILE_PARAGRAPH: &str = "Chile–Peru relations\n\n\
    Chile–Peru relations are the relations between Chile and Peru.\n\n\
    History\n\n\
    Envoys wrote </mark></blockquote><script>alert(1)</script> & \"more\". \
    The two states established diplomatic relations on 4 June 1955.[1] \
    Then \"><img src=x onerror=alert(1)> followed.\n\n\
    References\n\n  \
    1. \"Exchange of envoys\". Example Daily. 1955. Retrieved 2020-01-02.\n";

#[test]
fn a_fact_page_highlights_its_sentence_in_its_paragraph_as_text() {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("chile-peru-relations.txt");
    std::fs::write(&article, HOSTILE_PARAGRAPH).unwrap();
    let db = folder.path().join("hostile.db");
    let output = bilateral(&[
        "ingest",
        article.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let server = Server::start(&db);
    let dossier = server.get("/api/dyads/CHL/PER").json();
    let established = dossier["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|fact| fact["type"] == "relations_established")
        .unwrap_or_else(|| panic!("{dossier}"));
    let page = server.get(&format!("/facts/{}", established["id"])).body;
    assert!(
        page.contains(
            "Envoys wrote &#60;/mark&#62;&#60;/blockquote&#62;&#60;script&#62;alert(1)&#60;/script&#62; \
             &#38; &#34;more&#34;. <mark>The two states established diplomatic relations on 4 June \
             1955.</mark> Then &#34;&#62;&#60;img src=x onerror=alert(1)&#62; followed.</blockquote>"
        ),
        "{page}"
    );
    assert_eq!(page.matches("<mark>").count(), 1);
    assert_eq!(page.matches("</mark>").count(), 1);
    assert!(!page.contains("<script") && !page.contains("<img"));
}

#[test]
fn bench_serve_reports_rates_and_latencies_of_both_routes() {
    let output = bilateral(&[
        "bench-serve",
        "--facts",
        "1200",
        "--clients",
        "2",
        "--seconds",
        "0.3",
    ]);
    assert!(output.status.success(), "{output:?}");
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(
        report.starts_with("store: 1200 facts over 20 pairs, filled in one transaction"),
        "{report}"
    );
    assert!(report.contains("first answers: /api/stats "), "{report}");
    for route in ["pair JSON (/api/dyads/A/B)", "pair page (/dyads/A/B)"] {
        let line = report
            .lines()
            .find(|line| line.starts_with(route))
            .unwrap_or_else(|| panic!("{report}"));
        for figure in ["requests/s", "p50 ", "p95 ", "p99 "] {
            assert!(line.contains(figure), "{line}");
        }
    }
    let refused = bilateral(&["bench-serve", "--seconds", "0"]);
    assert!(!refused.status.success());
}

/// The planted article again with note `number` added: another document of the same facts.
fn planted_copy(number: usize) -> String {
    PLANTED.replace(
        "References\n\n",
        &format!("Notes\n\nThis is copy number {number} of the article.\n\nReferences\n\n"),
    )
}

/// Documents and facts as the store counts them.
fn stored_counts(db: &Path) -> (u64, u64) {
    let stats = bilateral_store::Store::open_read_only(db)
        .unwrap()
        .stats()
        .unwrap();
    (stats.documents, stats.facts)
}

#[test]
fn serving_while_a_long_ingest_runs_shows_whole_documents_and_loses_nothing() {
    // scripts/soak asks for more.
    let copies: usize = std::env::var("BILATERAL_SERVE_SOAK_DOCUMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let folder = tempfile::tempdir().unwrap();
    let db = example_store(folder.path());
    // One copy first, to learn how many facts a copy stores.
    let first = folder.path().join("copy-0.txt");
    std::fs::write(&first, planted_copy(0)).unwrap();
    let (documents_before, facts_before) = stored_counts(&db);
    let output = bilateral(&[
        "ingest",
        first.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let (base_documents, base_facts) = stored_counts(&db);
    assert_eq!(base_documents, documents_before + 1);
    let per_copy = base_facts - facts_before;
    assert!(per_copy > 0);

    let copies_folder = folder.path().join("copies");
    std::fs::create_dir(&copies_folder).unwrap();
    for number in 1..=copies {
        std::fs::write(
            copies_folder.join(format!("copy-{number}.txt")),
            planted_copy(number),
        )
        .unwrap();
    }
    let server = Server::start(&db);
    let mut ingest = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(["ingest", copies_folder.to_str().unwrap(), "--db"])
        .arg(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (ingest_ended, ingest_status) = mpsc::channel();
    std::thread::spawn(move || ingest_ended.send(ingest.wait()));
    let started = Instant::now();
    let ingesting = std::sync::atomic::AtomicBool::new(true);
    let paths = [
        "/api/stats",
        "/api/pairs",
        "/dyads/CHL/NOR",
        "/api/dyads/CHL/NOR",
        "/",
    ];
    let (served, refused) = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..4)
            .map(|client| {
                let (server, ingesting) = (&server, &ingesting);
                scope.spawn(move || {
                    let (mut served, mut refused) = (0_u64, 0_u64);
                    let mut turn = client;
                    while ingesting.load(std::sync::atomic::Ordering::Relaxed) {
                        let path = paths[turn % paths.len()];
                        turn += 1;
                        let reply = server.get(path);
                        match reply.status {
                            200 => served += 1,
                            503 => refused += 1,
                            status => panic!("{path}: {status} while ingesting"),
                        }
                        if path == "/api/stats" {
                            // Whole documents only: every copy adds the same facts.
                            let stats = reply.json();
                            let documents = stats["documents"].as_u64().unwrap();
                            let facts = stats["facts"].as_u64().unwrap();
                            assert!(documents >= base_documents, "{stats}");
                            assert_eq!(
                                facts,
                                base_facts + (documents - base_documents) * per_copy,
                                "half a document seen: {stats}"
                            );
                        }
                    }
                    (served, refused)
                })
            })
            .collect();
        let deadline = Duration::from_secs(600);
        let status = ingest_status
            .recv_timeout(deadline)
            .unwrap_or_else(|_| panic!("the ingest took over {deadline:?}"));
        ingesting.store(false, std::sync::atomic::Ordering::Relaxed);
        assert!(status.unwrap().success(), "the ingest failed");
        clients
            .into_iter()
            .map(|client| client.join().unwrap())
            .fold((0, 0), |(s, r), (served, refused)| {
                (s + served, r + refused)
            })
    });
    let seconds = started.elapsed().as_secs_f64();
    let (documents, facts) = stored_counts(&db);
    let expected_facts = base_facts + copies as u64 * per_copy;
    let lost = (base_documents + copies as u64).saturating_sub(documents)
        + expected_facts.saturating_sub(facts);
    let store = bilateral_store::Store::open_read_only(&db).unwrap();
    let problems = store.verify().unwrap();
    println!(
        "requests served while {copies} documents were ingested: {served} in {seconds:.1} s \
         ({:.0}/s), {refused} refused; half documents seen: 0; rows lost: {lost}",
        served as f64 / seconds
    );
    assert_eq!(
        (documents, facts),
        (base_documents + copies as u64, expected_facts)
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(server.get("/api/stats").json()["facts"], expected_facts);
    assert!(served > 0);
}
