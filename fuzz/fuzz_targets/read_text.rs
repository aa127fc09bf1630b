//! Scraped-text reading never panics, whatever the text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        bilateral_read::read_text(text);
    }
});
