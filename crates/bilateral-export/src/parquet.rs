//! Event rows as Parquet (feature `parquet`): the columns of the CSV, typed (integers,
//! floats, a list of reference numbers), Snappy-compressed, written in row groups of a
//! bounded size so memory stays flat.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    Float32Builder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
    UInt32Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use bilateral_store::StoredFact;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::ExportError;
use crate::cell::Cell;
use crate::events::{COLUMNS, cells};

/// Rows gathered before they go to the writer as one batch.
const BATCH_ROWS: usize = 8192;
/// Rows per row group: the writer holds one group in memory.
const ROW_GROUP_ROWS: usize = 65_536;

/// The Parquet type of an event column.
fn data_type(column: &str) -> DataType {
    match column {
        "id" | "count" | "document_id" => DataType::Int64,
        "actor1_cow" | "actor2_cow" => DataType::Int32,
        "value" => DataType::Float64,
        "confidence" => DataType::Float32,
        "references" => DataType::List(Arc::new(Field::new("item", DataType::UInt32, true))),
        _ => DataType::Utf8,
    }
}

fn schema() -> SchemaRef {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|name| {
            let required = matches!(*name, "id" | "type" | "document_id" | "references");
            Field::new(*name, data_type(name), !required)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// A column being filled.
enum Column {
    Text(StringBuilder),
    Int64(Int64Builder),
    Int32(Int32Builder),
    Float64(Float64Builder),
    Float32(Float32Builder),
    Numbers(ListBuilder<UInt32Builder>),
}

impl Column {
    fn new(data_type: &DataType) -> Column {
        match data_type {
            DataType::Int64 => Column::Int64(Int64Builder::new()),
            DataType::Int32 => Column::Int32(Int32Builder::new()),
            DataType::Float64 => Column::Float64(Float64Builder::new()),
            DataType::Float32 => Column::Float32(Float32Builder::new()),
            DataType::List(_) => Column::Numbers(ListBuilder::new(UInt32Builder::new())),
            _ => Column::Text(StringBuilder::new()),
        }
    }

    /// Appends a cell; a cell of another type than the column's (none is) appends a null.
    fn push(&mut self, cell: &Cell<'_>) {
        match (self, cell) {
            (Column::Text(b), Cell::Text(text)) => b.append_value(text),
            (Column::Text(b), Cell::Owned(text)) => b.append_value(text),
            (Column::Text(b), _) => b.append_null(),
            (Column::Int64(b), Cell::Int(n)) => b.append_value(*n),
            (Column::Int64(b), _) => b.append_null(),
            (Column::Int32(b), Cell::Int(n)) => b.append_option(i32::try_from(*n).ok()),
            (Column::Int32(b), _) => b.append_null(),
            (Column::Float64(b), Cell::Float(x)) => b.append_value(*x),
            (Column::Float64(b), _) => b.append_null(),
            (Column::Float32(b), Cell::Float32(x)) => b.append_value(*x),
            (Column::Float32(b), _) => b.append_null(),
            (Column::Numbers(b), Cell::Numbers(numbers)) => {
                b.values().append_slice(numbers);
                b.append(true);
            }
            (Column::Numbers(b), _) => b.append(true),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Text(b) => Arc::new(b.finish()),
            Column::Int64(b) => Arc::new(b.finish()),
            Column::Int32(b) => Arc::new(b.finish()),
            Column::Float64(b) => Arc::new(b.finish()),
            Column::Float32(b) => Arc::new(b.finish()),
            Column::Numbers(b) => Arc::new(b.finish()),
        }
    }
}

/// Event rows as a Parquet file.
pub struct EventsParquet<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    columns: Vec<Column>,
    rows: usize,
}

impl<W: Write + Send> EventsParquet<W> {
    pub fn new(out: W) -> Result<Self, ExportError> {
        let schema = schema();
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(properties))?;
        let columns = schema
            .fields()
            .iter()
            .map(|f| Column::new(f.data_type()))
            .collect();
        Ok(EventsParquet {
            writer,
            schema,
            columns,
            rows: 0,
        })
    }

    pub fn write(&mut self, fact: &StoredFact) -> Result<(), ExportError> {
        for (column, cell) in self.columns.iter_mut().zip(cells(fact).iter()) {
            column.push(cell);
        }
        self.rows += 1;
        if self.rows == BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<(), ExportError> {
        let arrays = self.columns.iter_mut().map(Column::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)
            .map_err(|e| ExportError::Parquet(e.into()))?;
        self.writer.write(&batch)?;
        self.rows = 0;
        Ok(())
    }

    /// Writes the last rows and the file's footer, and hands the writer back.
    pub fn finish(mut self) -> Result<W, ExportError> {
        if self.rows > 0 {
            self.flush_batch()?;
        }
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::tests::{stored, visit};
    use arrow_array::{Array, Int32Array, ListArray, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[test]
    fn rows_read_back_typed() {
        let mut writer = EventsParquet::new(tempfile::tempfile().unwrap()).unwrap();
        for i in 0..(BATCH_ROWS as i64 + 3) {
            writer.write(&stored(i, visit(), vec![4, 2])).unwrap();
        }
        let file = writer.finish().unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
        let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
        assert_eq!(rows, BATCH_ROWS + 3);
        let batch = &batches[0];
        assert_eq!(batch.schema(), schema());
        let column = |name: &str| batch.column(COLUMNS.iter().position(|c| *c == name).unwrap());
        let cow = column("actor2_cow")
            .as_any()
            .downcast_ref::<Int32Array>()
            .unwrap();
        assert_eq!(cow.value(0), 705);
        let cameo = column("cameo_code")
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!(cameo.value(0), "042");
        let references = column("references")
            .as_any()
            .downcast_ref::<ListArray>()
            .unwrap();
        assert_eq!(references.value(0).len(), 2);
        let title = column("title")
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert!(title.is_null(0));
    }
}
