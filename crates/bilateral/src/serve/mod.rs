//! `bilateral serve`: the store as web pages and a JSON API, read-only. The router, the
//! layer every response passes (request limits, security headers, one log line), and
//! starting and stopping the server.

mod api;
mod connections;
mod failure;
mod pages;
mod params;
mod search;
mod stores;
mod timeline;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use bilateral_model::Dyad;

use failure::Failure;
pub use stores::Stores;

/// The longest path and query string answered (a 414); longer ones are refused before any
/// work. The longest real request, a search, is under 300 bytes.
const MAX_TARGET_BYTES: usize = 2048;

/// The time a request may take from its head's arrival to its answer, waiting for a store
/// connection included; past it the answer is a 503. The slowest real answer, a dossier of
/// thousands of facts, takes under a second.
const REQUEST_TIME_LIMIT: Duration = Duration::from_secs(10);

/// Scripts only from this server (there are none today), nothing framed, nothing inline.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self'; frame-ancestors 'none'";

/// Serves the store at `db` on `addr` until Ctrl-C. Prints the bound address first, so
/// that `--addr 127.0.0.1:0` can be used and found.
pub fn run(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    let stores = Arc::new(Stores::open(db)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        outln!("listening on http://{}", listener.local_addr()?)?;
        connections::serve(listener, router(stores), stop_signal()).await;
        anyhow::Ok(())
    })?;
    eprintln!("bilateral serve: stopped");
    Ok(())
}

/// Ctrl-C, or SIGTERM from a service manager. A signal whose handler cannot be set never
/// arrives: the server then runs until killed.
async fn stop_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Every route, behind the layer that limits, marks and logs.
fn router(stores: Arc<Stores>) -> Router {
    let routes = Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/dyads/{a}/{b}", get(pages::pair))
        .route("/countries/{country}", get(pages::country))
        .route("/facts/{id}", get(pages::fact))
        .route("/documents/{id}", get(pages::document))
        .route("/static/style.css", get(pages::style))
        .route("/api/pairs", get(api::pairs))
        .route("/api/dyads/{a}/{b}", get(api::dossier))
        .route("/api/facts", get(api::facts))
        .route("/api/facts/{id}", get(api::fact))
        .route("/api/citations", get(api::citations))
        .route("/api/stats", get(api::stats))
        .route("/api/search", get(api::search))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(not_found)
        .with_state(stores);
    guarded(routes, REQUEST_TIME_LIMIT)
}

/// Routes behind the layer every request passes, with `time_limit` for each.
fn guarded(routes: Router, time_limit: Duration) -> Router {
    routes.layer(middleware::from_fn_with_state(time_limit, guard))
}

/// Whether a path is the API's, whose answers (errors included) are JSON.
fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn not_found(request: Request) -> Response {
    let path = request.uri().path();
    Failure::NotFound(format!("no page at {path}")).respond(is_api(path))
}

/// What no route answers: a method that is not GET or HEAD, a body, an overlong target.
fn refusal(request: &Request) -> Option<Failure> {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        return Some(Failure::MethodNotAllowed(format!(
            "{method} is not answered here: the server only reads"
        )));
    }
    let headers = request.headers();
    let declared_length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .map(|length| length.trim() != "0");
    if declared_length.unwrap_or(false) || headers.contains_key(header::TRANSFER_ENCODING) {
        return Some(Failure::PayloadTooLarge(
            "a request may not have a body here".to_owned(),
        ));
    }
    let target_bytes = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if target_bytes > MAX_TARGET_BYTES {
        return Some(Failure::UriTooLong(format!(
            "the path and query are {target_bytes} bytes; at most {MAX_TARGET_BYTES} are read"
        )));
    }
    let query = request.uri().query().unwrap_or_default();
    check_query_text(query).err().map(Failure::BadRequest)
}

/// Checks that a query string's bytes, once percent-decoded, are text: the decoder routes
/// use would put U+FFFD for a byte that is not UTF-8 (`%FF`) and keep a broken escape
/// (`%ZZ`) as it is, answering a question that was never asked.
fn check_query_text(query: &str) -> Result<(), String> {
    let mut bytes = Vec::with_capacity(query.len());
    let mut rest = query.as_bytes();
    while let Some((&byte, after)) = rest.split_first() {
        rest = after;
        if byte != b'%' {
            bytes.push(byte);
            continue;
        }
        let escape = rest
            .get(..2)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .ok_or_else(|| "the query string has a % not followed by two hex digits".to_owned())?;
        bytes.push(escape);
        rest = &rest[2..];
    }
    match std::str::from_utf8(&bytes) {
        Ok(_) => Ok(()),
        Err(_) => Err("the query string is not UTF-8 text".to_owned()),
    }
}

/// Refuses what no route answers, gives each request `time_limit` to be answered, adds the
/// security headers to every response and logs one line per request: method, path, status,
/// time taken.
async fn guard(State(time_limit): State<Duration>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let mut response = match refusal(&request) {
        Some(failure) => failure.respond(is_api(&path)),
        None => match tokio::time::timeout(time_limit, next.run(request)).await {
            Ok(response) => response,
            Err(_) => Failure::Unavailable(format!(
                "no answer within {} s; try again later",
                time_limit.as_secs_f64()
            ))
            .respond(is_api(&path)),
        },
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    eprintln!(
        "{method} {path} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response.into_response()
}

/// A 308 to `{prefix}/{A}/{B}` when the path named the pair in another order or form.
fn canonical_redirect(prefix: &str, pair: Dyad, a: &str, b: &str) -> Option<Response> {
    let [first, second] = pair.codes();
    if a == first.as_str() && b == second.as_str() {
        return None;
    }
    Some(Redirect::permanent(&format!("{prefix}/{first}/{second}")).into_response())
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use tower::ServiceExt;

    use super::*;

    #[test]
    fn a_query_string_must_decode_to_text() {
        assert!(check_query_text("q=caf%C3%A9+x&limit=5").is_ok());
        assert!(check_query_text("q=%FF").is_err());
        assert!(check_query_text("q=%ZZ").is_err());
        assert!(check_query_text("q=%4").is_err());
        assert!(check_query_text("q=%").is_err());
    }

    #[test]
    fn a_request_past_its_time_limit_is_a_503_with_the_headers() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let stalling = Router::new().route("/api/stall", get(std::future::pending::<&'static str>));
        let router = guarded(stalling, Duration::from_millis(20));
        let request = Request::get("/api/stall").body(Body::empty()).unwrap();
        let response = runtime
            .block_on(router.oneshot(request))
            .unwrap_or_else(|never| match never {});
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
        assert_eq!(
            response.headers()[header::CONTENT_SECURITY_POLICY],
            CONTENT_SECURITY_POLICY
        );
    }
}
