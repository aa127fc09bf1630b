//! Work linear in input size: reading and analysing a long single-line paragraph twice as
//! long takes about twice as long, with or without sentence ends, in every input format.
//! (A paragraph of one endless sentence once took time quadratic in its length.)

use std::time::{Duration, Instant};

/// Words of an invented paragraph about Chile and Norway; no sentence ends among them.
const WORDS: &[&str] = &[
    "the",
    "two",
    "governments",
    "signed",
    "a",
    "fisheries",
    "accord",
    "and",
    "Chile",
    "opened",
    "an",
    "embassy",
    "in",
    "Oslo",
    "after",
    "a",
    "visit",
    "by",
    "the",
    "foreign",
    "minister",
    "in",
    "March",
    "1994",
    "while",
    "Norway",
    "sent",
    "its",
    "trade",
    "envoy",
    "to",
    "Santiago",
    "with",
    "US$40",
    "million",
    "of",
    "credits",
];

/// A paragraph of about `bytes` bytes on one line; every `sentence` words end a sentence
/// (never, when `sentence` is 0).
fn paragraph(bytes: usize, sentence: usize) -> String {
    let mut text = String::with_capacity(bytes + 16);
    let mut count = 0usize;
    // A fixed, irregular walk through the words, so no two sentences repeat exactly.
    let mut index = 7usize;
    while text.len() < bytes {
        index = (index * 31 + 11) % WORDS.len();
        text.push_str(WORDS[index]);
        count += 1;
        text.push_str(if sentence > 0 && count.is_multiple_of(sentence) {
            ". The "
        } else {
            " "
        });
    }
    text
}

/// The time to read and analyse `article` in `format`.
fn time(article: &str, format: &str) -> Duration {
    let started = Instant::now();
    let document = match format {
        "wikitext" => bilateral_read::read_wikitext(article, None),
        "html" => bilateral_read::read_html(article),
        _ => bilateral_read::read_text(article),
    };
    let analysis = bilateral_extract::analyse(&document);
    assert!(!analysis.sentences.is_empty());
    started.elapsed()
}

fn article(body: &str, format: &str) -> String {
    match format {
        "wikitext" => format!("'''Chile–Norway relations''' {body}\n"),
        "html" => format!(
            "<html><head><title>Chile–Norway relations</title></head><body><p>{body}</p></body></html>"
        ),
        // A full stop at the end: a last line that stops mid-sentence reads as a cut text.
        _ => format!("Chile–Norway relations\n\n{body}.\n"),
    }
}

/// Time for the doubled input over time for the input: near 2 when the work is linear, 4 when
/// it is quadratic. The bound is loose so a busy machine does not fail it.
fn doubling_ratio(sentence: usize, format: &str) -> f64 {
    let size = 256 * 1024;
    let single = article(&paragraph(size, sentence), format);
    let double = article(&paragraph(2 * size, sentence), format);
    // The best of three, measured in turns so a burst of load elsewhere hits both sizes.
    let (mut once, mut twice) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        once = once.min(time(&single, format));
        twice = twice.min(time(&double, format));
    }
    twice.as_secs_f64() / once.as_secs_f64().max(1e-6)
}

/// One test, so no other test of this file competes for the cores while it measures.
#[test]
fn doubling_a_paragraph_doubles_the_time() {
    for (sentence, format) in [(0, "text"), (0, "wikitext"), (0, "html"), (24, "text")] {
        let ratio = doubling_ratio(sentence, format);
        assert!(
            ratio < 3.0,
            "{format}, a sentence end every {sentence} words (0: none): \
             doubling the input took {ratio:.2}× as long"
        );
    }
}
