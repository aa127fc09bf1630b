//! What a request can fail with, answered as JSON on the API and as a page elsewhere.

use askama::Template;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

/// A request that cannot be answered as asked.
#[derive(Debug)]
pub enum Failure {
    NotFound(String),
    BadRequest(String),
    /// A method other than GET and HEAD: nothing here changes.
    MethodNotAllowed(String),
    /// A request with a body: no route reads one.
    PayloadTooLarge(String),
    /// A path and query longer than the server reads.
    UriTooLong(String),
    /// No answer within the time a request may take; the client may try again later.
    Unavailable(String),
    /// The store failed; the message goes to the log, not to the client.
    Internal(String),
}

/// The body of every error the API returns.
#[derive(Serialize)]
struct ErrorBody<'a> {
    status: u16,
    error: &'a str,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    message: &'a str,
}

impl Failure {
    fn status(&self) -> StatusCode {
        match self {
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Failure::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Failure::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            Failure::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> &str {
        match self {
            Failure::NotFound(message)
            | Failure::BadRequest(message)
            | Failure::MethodNotAllowed(message)
            | Failure::PayloadTooLarge(message)
            | Failure::UriTooLong(message)
            | Failure::Unavailable(message) => message,
            Failure::Internal(_) => "the store could not answer; see the server's log",
        }
    }

    /// The response: a JSON body for the API, a page otherwise; a 405 says which methods
    /// are allowed and a 503 when to try again.
    pub fn respond(self, api: bool) -> Response {
        if let Failure::Internal(cause) = &self {
            eprintln!("bilateral serve: {cause}");
        }
        let status = self.status();
        let message = self.message();
        let mut response = if api {
            let body = ErrorBody {
                status: status.as_u16(),
                error: message,
            };
            (status, Json(body)).into_response()
        } else {
            let page = ErrorPage {
                status: status.as_u16(),
                message,
            };
            match page.render() {
                Ok(html) => (status, Html(html)).into_response(),
                Err(_) => status.into_response(),
            }
        };
        let headers = response.headers_mut();
        match self {
            Failure::MethodNotAllowed(_) => {
                headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            }
            Failure::Unavailable(_) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            _ => {}
        }
        response
    }
}

impl From<bilateral_store::StoreError> for Failure {
    fn from(error: bilateral_store::StoreError) -> Failure {
        Failure::Internal(error.to_string())
    }
}

impl From<askama::Error> for Failure {
    fn from(error: askama::Error) -> Failure {
        Failure::Internal(format!("a page failed to render: {error}"))
    }
}

/// A failure of an API route.
pub struct ApiError(pub Failure);

/// A failure of a page.
pub struct PageError(pub Failure);

impl<T: Into<Failure>> From<T> for ApiError {
    fn from(failure: T) -> ApiError {
        ApiError(failure.into())
    }
}

impl<T: Into<Failure>> From<T> for PageError {
    fn from(failure: T) -> PageError {
        PageError(failure.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.respond(true)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.respond(false)
    }
}
