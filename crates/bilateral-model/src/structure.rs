//! The lists and tables of a document, kept beside its blocks so that rules can read a list
//! item together with the heading it sits under, and a table row as its cells under the
//! table's header, rather than as flattened sentences.

use serde::Serialize;

use crate::document::{Document, Span};

/// The lists and tables of a document, each in block order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Structure {
    pub lists: Vec<List>,
    pub tables: Vec<Table>,
}

/// A run of list items with the line that introduces them ("From Brazil to Angola:",
/// "Visits to Japan") or, when none does, the heading of their section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct List {
    pub heading: String,
    /// Indices into `Document::blocks` of its items, in order.
    pub items: Vec<usize>,
}

/// A table: the line that introduces it (or its section's heading), and its rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    pub heading: String,
    pub rows: Vec<Row>,
}

/// One row of a table: its block (cells joined by " | ") and the span of each cell. A header
/// row may have fewer cells than the rows below it, when the first column has no heading
/// (a column of row labels): its cells then head the last columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Index into `Document::blocks`.
    pub block: usize,
    pub cells: Vec<Span>,
    /// A header row names the columns of the rows below it.
    pub header: bool,
}

/// A table row as rules see it: the row, its table and the header row above it, if any.
#[derive(Clone, Copy, Debug)]
pub struct RowRef<'a> {
    pub table: &'a Table,
    pub row: &'a Row,
}

impl RowRef<'_> {
    /// The cells of the table's header row, if it has one and this is not it.
    pub fn header(&self) -> Option<&Row> {
        self.table
            .rows
            .iter()
            .take_while(|row| row.header)
            .last()
            .filter(|header| header.block != self.row.block)
    }
}

impl Structure {
    /// The list whose item `block` is.
    pub fn list_of(&self, block: usize) -> Option<&List> {
        let index = self
            .lists
            .partition_point(|list| list.items.first().is_some_and(|&first| first <= block));
        let list = self.lists.get(index.checked_sub(1)?)?;
        list.items.binary_search(&block).is_ok().then_some(list)
    }

    /// The table row that `block` is.
    pub fn row_of(&self, block: usize) -> Option<RowRef<'_>> {
        let index = self
            .tables
            .partition_point(|table| table.rows.first().is_some_and(|row| row.block <= block));
        let table = self.tables.get(index.checked_sub(1)?)?;
        let at = table
            .rows
            .binary_search_by_key(&block, |row| row.block)
            .ok()?;
        Some(RowRef {
            table,
            row: table.rows.get(at)?,
        })
    }
}

impl Document {
    /// The heading of the list that block `block` is an item of: "From India to Mongolia".
    pub fn list_heading(&self, block: usize) -> Option<&str> {
        self.structure
            .list_of(block)
            .map(|list| list.heading.as_str())
    }

    /// The table row that block `block` is, with its table.
    pub fn table_row(&self, block: usize) -> Option<RowRef<'_>> {
        self.structure.row_of(block)
    }

    /// The text of each item of a list.
    pub fn items(&self, list: &List) -> Vec<&str> {
        list.items
            .iter()
            .filter_map(|&block| self.blocks.get(block))
            .map(|block| self.slice(block.span))
            .collect()
    }

    /// The text of each cell of a row.
    pub fn cells(&self, row: &Row) -> Vec<&str> {
        row.cells.iter().map(|&cell| self.slice(cell)).collect()
    }

    /// The heading of the column cell `cell` of a row stands in: the header cell above it,
    /// aligned to the right when the header is shorter than the row.
    pub fn column_heading(&self, row: RowRef<'_>, cell: usize) -> Option<&str> {
        let header = row.header()?;
        let missing = row.row.cells.len().saturating_sub(header.cells.len());
        let span = header.cells.get(cell.checked_sub(missing)?)?;
        Some(self.slice(*span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn structure() -> Structure {
        Structure {
            lists: vec![
                List {
                    heading: "A".into(),
                    items: vec![1, 2],
                },
                List {
                    heading: "B".into(),
                    items: vec![5],
                },
            ],
            tables: vec![Table {
                heading: "T".into(),
                rows: vec![
                    Row {
                        block: 3,
                        cells: vec![Span::new(0, 1)],
                        header: true,
                    },
                    Row {
                        block: 4,
                        cells: vec![Span::new(2, 3)],
                        header: false,
                    },
                ],
            }],
        }
    }

    #[test]
    fn blocks_find_their_list_and_row() {
        let structure = structure();
        assert_eq!(structure.list_of(2).map(|l| l.heading.as_str()), Some("A"));
        assert_eq!(structure.list_of(5).map(|l| l.heading.as_str()), Some("B"));
        for outside in [0, 3, 4, 6] {
            assert!(structure.list_of(outside).is_none());
        }
        let row = structure.row_of(4).expect("row");
        assert_eq!(row.header().map(|header| header.block), Some(3));
        assert!(structure.row_of(3).expect("header").header().is_none());
        assert!(structure.row_of(2).is_none());
        assert!(structure.row_of(5).is_none());
    }

    #[test]
    fn a_short_header_heads_the_last_columns() {
        // Header "2021 | 2022" over "Exports | 1.5 | 2.5".
        let text = "2021 | 2022\n\nExports | 1.5 | 2.5";
        let header = Row {
            block: 0,
            cells: vec![Span::new(0, 4), Span::new(7, 11)],
            header: true,
        };
        let row = Row {
            block: 1,
            cells: vec![Span::new(13, 20), Span::new(23, 26), Span::new(29, 32)],
            header: false,
        };
        let table = Table {
            heading: String::new(),
            rows: vec![header, row],
        };
        let document = Document::new("", crate::Format::Text, text);
        let row = RowRef {
            table: &table,
            row: &table.rows[1],
        };
        assert_eq!(document.cells(row.row), ["Exports", "1.5", "2.5"]);
        assert_eq!(document.column_heading(row, 0), None);
        assert_eq!(document.column_heading(row, 1), Some("2021"));
        assert_eq!(document.column_heading(row, 2), Some("2022"));
        assert_eq!(document.column_heading(row, 3), None);
    }
}
