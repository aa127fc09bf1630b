//! How errors reach the user: one line, `bilateral: ` and the chain of causes, each cause
//! said once. Library errors often repeat their source in their own message (SQLite's error
//! text comes back as the message, the source and the source's source), so a cause already
//! said, or one that only puts a prefix before what was said, is left out.

/// The error and its causes, outermost first, without repeats.
pub fn message(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let said = cause.to_string();
        // "Error code 14: unable to open database file" after "unable to open database file".
        let restates = |said: &str| {
            said.split_once(": ")
                .is_some_and(|(_, rest)| text.contains(rest))
        };
        if said.is_empty() || text.contains(&said) || restates(&said) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&said);
    }
    text
}

/// Prints the error on stderr as one `bilateral: …` line.
pub fn warn(error: &anyhow::Error) {
    eprintln!("bilateral: {}", message(error));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("database error: {0}")]
    struct Wrapper(#[source] Inner);

    #[derive(Debug, thiserror::Error)]
    #[error("attempt to write a readonly database")]
    struct Inner(#[source] Code);

    #[derive(Debug, thiserror::Error)]
    #[error("Error code 1544: attempt to write a readonly database")]
    struct Code;

    #[test]
    fn each_cause_is_said_once() {
        let error = anyhow::Error::new(Wrapper(Inner(Code))).context("/tmp/x.db");
        assert_eq!(
            message(&error),
            "/tmp/x.db: database error: attempt to write a readonly database"
        );
    }

    #[test]
    fn a_cause_that_prefixes_what_was_said_is_left_out() {
        let error =
            anyhow::Error::new(Inner(Code)).context("x.db: attempt to write a readonly database");
        assert_eq!(
            message(&error),
            "x.db: attempt to write a readonly database"
        );
    }

    #[test]
    fn distinct_causes_are_all_said() {
        let error = anyhow::anyhow!("no such file").context("reading a.txt");
        assert_eq!(message(&error), "reading a.txt: no such file");
    }
}
