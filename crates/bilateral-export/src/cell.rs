//! One value of a tabular row, and writing rows of them as CSV (RFC 4180) or as JSON
//! objects, so that the CSV and JSON Lines exports share one list of columns.

use std::io::Write;

/// A value in a row. `Null` is an empty CSV field and a JSON `null`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    Null,
    Text(&'a str),
    Owned(String),
    Int(i64),
    /// Written in the shortest form that reads back as the same `f32` ("0.9").
    Float32(f32),
    Float(f64),
    /// `1;2` in CSV, `[1,2]` in JSON.
    Numbers(&'a [u32]),
}

impl<'a> Cell<'a> {
    pub(crate) fn text(value: Option<&'a str>) -> Cell<'a> {
        value.map_or(Cell::Null, Cell::Text)
    }

    pub(crate) fn int(value: Option<impl Into<i64>>) -> Cell<'a> {
        value.map_or(Cell::Null, |value| Cell::Int(value.into()))
    }

    pub(crate) fn shown(value: Option<impl ToString>) -> Cell<'a> {
        value.map_or(Cell::Null, |value| Cell::Owned(value.to_string()))
    }

    fn write_csv(&self, out: &mut impl Write) -> std::io::Result<()> {
        match self {
            Cell::Null => Ok(()),
            Cell::Text(text) => write_csv_text(out, text),
            Cell::Owned(text) => write_csv_text(out, text),
            Cell::Int(value) => write!(out, "{value}"),
            Cell::Float32(value) if value.is_finite() => write!(out, "{value}"),
            Cell::Float(value) if value.is_finite() => write!(out, "{value}"),
            Cell::Float32(_) | Cell::Float(_) => Ok(()),
            Cell::Numbers(numbers) => {
                for (i, n) in numbers.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b";")?;
                    }
                    write!(out, "{n}")?;
                }
                Ok(())
            }
        }
    }

    fn write_json(&self, out: &mut impl Write) -> std::io::Result<()> {
        match self {
            Cell::Null => out.write_all(b"null"),
            Cell::Text(text) => write_json_text(out, text),
            Cell::Owned(text) => write_json_text(out, text),
            Cell::Int(value) => write!(out, "{value}"),
            Cell::Float32(value) if value.is_finite() => write!(out, "{value}"),
            Cell::Float(value) if value.is_finite() => write!(out, "{value}"),
            Cell::Float32(_) | Cell::Float(_) => out.write_all(b"null"),
            Cell::Numbers(numbers) => {
                out.write_all(b"[")?;
                for (i, n) in numbers.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    write!(out, "{n}")?;
                }
                out.write_all(b"]")
            }
        }
    }
}

/// A field quoted when it holds a comma, a quote or a line break, quotes doubled.
fn write_csv_text(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    if !text.contains([',', '"', '\n', '\r']) {
        return out.write_all(text.as_bytes());
    }
    out.write_all(b"\"")?;
    for (i, part) in text.split('"').enumerate() {
        if i > 0 {
            out.write_all(b"\"\"")?;
        }
        out.write_all(part.as_bytes())?;
    }
    out.write_all(b"\"")
}

fn write_json_text(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, text).map_err(std::io::Error::from)
}

/// One CSV line of `cells`, ended by CRLF as RFC 4180 has it.
pub(crate) fn write_csv_row(out: &mut impl Write, cells: &[Cell<'_>]) -> std::io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        cell.write_csv(out)?;
    }
    out.write_all(b"\r\n")
}

/// The header line of a CSV file.
pub(crate) fn write_csv_header(out: &mut impl Write, columns: &[&str]) -> std::io::Result<()> {
    let cells: Vec<Cell<'_>> = columns.iter().map(|column| Cell::Text(column)).collect();
    write_csv_row(out, &cells)
}

/// One JSON object per line, keys from `columns` in order.
pub(crate) fn write_json_line(
    out: &mut impl Write,
    columns: &[&str],
    cells: &[Cell<'_>],
) -> std::io::Result<()> {
    out.write_all(b"{")?;
    for (i, (column, cell)) in columns.iter().zip(cells).enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_json_text(out, column)?;
        out.write_all(b":")?;
        cell.write_json(out)?;
    }
    out.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(cells: &[Cell<'_>]) -> String {
        let mut out = Vec::new();
        write_csv_row(&mut out, cells).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_only_what_needs_quoting() {
        assert_eq!(csv(&[Cell::Text("plain"), Cell::Null]), "plain,\r\n");
        assert_eq!(
            csv(&[Cell::Text("a, b"), Cell::Text("say \"hi\"")]),
            "\"a, b\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(csv(&[Cell::Text("two\nlines")]), "\"two\nlines\"\r\n");
        assert_eq!(
            csv(&[
                Cell::Numbers(&[4, 1]),
                Cell::Float32(0.9),
                Cell::Float(f64::NAN)
            ]),
            "4;1,0.9,\r\n"
        );
    }

    #[test]
    fn json_lines_escape_text_and_keep_numbers_numeric() {
        let mut out = Vec::new();
        write_json_line(
            &mut out,
            &["a", "b", "c", "d"],
            &[
                Cell::Text("quote \" and\nline"),
                Cell::Int(-3),
                Cell::Numbers(&[1, 2]),
                Cell::Null,
            ],
        )
        .unwrap();
        let line = String::from_utf8(out).unwrap();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"a": "quote \" and\nline", "b": -3, "c": [1, 2], "d": null})
        );
    }
}
