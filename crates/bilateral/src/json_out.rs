//! One JSON convention for every command that prints an object per file (`read --json`,
//! `refs --json`, `extract`): a JSON array by default, JSON Lines (one compact object a line)
//! with `--jsonl`. Objects are written as they come, so a long run shows progress and a
//! closed pipe stops it.

use std::io::Write;

use serde::Serialize;

/// Writes a sequence of JSON values as one array or as JSON Lines.
pub struct JsonOut<W: Write> {
    out: W,
    lines: bool,
    written: usize,
}

impl JsonOut<std::io::StdoutLock<'static>> {
    /// To stdout: JSON Lines when `lines`, else an array.
    pub fn stdout(lines: bool) -> Self {
        Self::new(std::io::stdout().lock(), lines)
    }
}

impl<W: Write> JsonOut<W> {
    pub fn new(out: W, lines: bool) -> Self {
        Self {
            out,
            lines,
            written: 0,
        }
    }

    /// Writes one value. Serialising before writing keeps a write error an `io::Error`, so a
    /// closed pipe is recognised as one.
    pub fn push(&mut self, value: &impl Serialize) -> anyhow::Result<()> {
        if self.lines {
            let mut line = serde_json::to_vec(value)?;
            line.push(b'\n');
            self.out.write_all(&line)?;
        } else {
            let text = serde_json::to_string_pretty(value)?;
            let separator = if self.written == 0 { "[\n" } else { ",\n" };
            write!(self.out, "{separator}{text}")?;
        }
        self.written += 1;
        Ok(())
    }

    /// How many values have been written: an object's number among those printed is one more
    /// before it is pushed.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Closes the array (an empty one when nothing was pushed) and flushes.
    pub fn finish(mut self) -> anyhow::Result<()> {
        if !self.lines {
            let close = if self.written == 0 { "[]\n" } else { "\n]\n" };
            self.out.write_all(close.as_bytes())?;
        }
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn written(lines: bool, values: &[Value]) -> String {
        let mut buffer = Vec::new();
        let mut out = JsonOut::new(&mut buffer, lines);
        for value in values {
            out.push(value).unwrap();
        }
        out.finish().unwrap();
        String::from_utf8(buffer).unwrap()
    }

    #[test]
    fn an_array_parses_whole_for_any_count() {
        for count in 0..3 {
            let values: Vec<Value> = (0..count).map(|n| json!({ "n": n })).collect();
            let text = written(false, &values);
            let parsed: Vec<Value> = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, values, "{text}");
        }
    }

    #[test]
    fn lines_hold_one_compact_value_each() {
        let values = [json!({ "a": [1, 2] }), json!({ "b": "x\ny" })];
        let text = written(true, &values);
        let parsed: Vec<Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(parsed, values);
        assert_eq!(written(true, &[]), "");
    }
}
