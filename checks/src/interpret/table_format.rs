//! The storage format of a Glue table, read from its formats, SerDe and parameters.

use crate::model::GlueTable;

/// A table's storage format, as far as its metadata tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated text.
    Csv,
    /// JSON lines.
    Json,
    /// Other line-oriented text (TSV, logs, …).
    Text,
    /// Apache Parquet (columnar).
    Parquet,
    /// Apache ORC (columnar).
    Orc,
    /// Apache Avro (row-oriented, binary).
    Avro,
    /// An Apache Iceberg table.
    Iceberg,
    /// A Delta Lake table.
    Delta,
    /// An Apache Hudi table.
    Hudi,
}

impl TableFormat {
    /// The name messages use (`Parquet`, `Delta Lake`).
    pub fn name(self) -> &'static str {
        match self {
            TableFormat::Csv => "CSV",
            TableFormat::Json => "JSON",
            TableFormat::Text => "text",
            TableFormat::Parquet => "Parquet",
            TableFormat::Orc => "ORC",
            TableFormat::Avro => "Avro",
            TableFormat::Iceberg => "Iceberg",
            TableFormat::Delta => "Delta Lake",
            TableFormat::Hudi => "Hudi",
        }
    }

    /// Columnar or binary, splittable and compressed: what analytics engines scan cheaply.
    pub fn is_efficient(self) -> bool {
        !matches!(
            self,
            TableFormat::Csv | TableFormat::Json | TableFormat::Text
        )
    }

    /// Table formats that manage their own layout (partitioning included).
    pub fn is_open_table_format(self) -> bool {
        matches!(
            self,
            TableFormat::Iceberg | TableFormat::Delta | TableFormat::Hudi
        )
    }
}

fn by_name(name: &str) -> Option<TableFormat> {
    let n = name.to_ascii_lowercase();
    [
        ("iceberg", TableFormat::Iceberg),
        ("delta", TableFormat::Delta),
        ("hudi", TableFormat::Hudi),
        ("hoodie", TableFormat::Hudi),
        ("parquet", TableFormat::Parquet),
        ("orc", TableFormat::Orc),
        ("avro", TableFormat::Avro),
        ("csv", TableFormat::Csv),
        ("tsv", TableFormat::Text),
        ("json", TableFormat::Json),
    ]
    .into_iter()
    .find(|(word, _)| n.contains(word))
    .map(|(_, format)| format)
}

/// The table's format; `None` for views, tables without storage, and formats
/// nothing identifies.
pub fn classify(table: &GlueTable) -> Option<TableFormat> {
    if !table.has_storage || table.table_type.as_deref() == Some("VIRTUAL_VIEW") {
        return None;
    }
    let param = |k: &str| table.format_parameters.get(k).map(String::as_str);
    if param("table_type").is_some_and(|t| t.eq_ignore_ascii_case("iceberg")) {
        return Some(TableFormat::Iceberg);
    }
    // Explicit declarations first, then what the Hive formats and SerDe imply.
    let declared = [param("spark.sql.sources.provider"), param("classification")]
        .into_iter()
        .flatten()
        .find_map(by_name);
    if declared.is_some() {
        return declared;
    }
    let serde = table.serde_library.as_deref().unwrap_or_default();
    let input = table.input_format.as_deref().unwrap_or_default();
    if serde.contains("OpenCSVSerde") {
        return Some(TableFormat::Csv);
    }
    if let Some(format) = [serde, input].into_iter().find_map(by_name) {
        return Some(format);
    }
    if input.ends_with("TextInputFormat") || serde.contains("LazySimpleSerDe") {
        return Some(TableFormat::Text);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(input: &str, serde: &str, params: &[(&str, &str)]) -> GlueTable {
        GlueTable {
            has_storage: true,
            table_type: Some("EXTERNAL_TABLE".into()),
            input_format: Some(input.into()),
            serde_library: Some(serde.into()),
            format_parameters: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..GlueTable::default()
        }
    }

    const TEXT_IN: &str = "org.apache.hadoop.mapred.TextInputFormat";
    const LAZY: &str = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    #[test]
    fn text_formats() {
        assert_eq!(
            classify(&table(
                TEXT_IN,
                "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                &[]
            )),
            Some(TableFormat::Csv)
        );
        assert_eq!(
            classify(&table(TEXT_IN, LAZY, &[("classification", "csv")])),
            Some(TableFormat::Csv)
        );
        assert_eq!(
            classify(&table(TEXT_IN, "org.openx.data.jsonserde.JsonSerDe", &[])),
            Some(TableFormat::Json)
        );
        assert_eq!(
            classify(&table(TEXT_IN, LAZY, &[])),
            Some(TableFormat::Text)
        );
    }

    #[test]
    fn columnar_and_table_formats() {
        let parquet = table(
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            &[],
        );
        assert_eq!(classify(&parquet), Some(TableFormat::Parquet));
        assert_eq!(
            classify(&table(
                "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
                "x",
                &[]
            )),
            Some(TableFormat::Orc)
        );
        assert_eq!(
            classify(&table("", "", &[("table_type", "ICEBERG")])),
            Some(TableFormat::Iceberg)
        );
        assert_eq!(
            classify(&table(
                TEXT_IN,
                LAZY,
                &[("spark.sql.sources.provider", "delta")]
            )),
            Some(TableFormat::Delta)
        );
        assert_eq!(
            classify(&table(
                "org.apache.hudi.hadoop.HoodieParquetInputFormat",
                "x",
                &[]
            )),
            Some(TableFormat::Hudi)
        );
        assert!(TableFormat::Avro.is_efficient() && !TableFormat::Csv.is_efficient());
    }

    #[test]
    fn views_and_unknown_storage_are_not_classified() {
        let mut view = table(TEXT_IN, LAZY, &[]);
        view.table_type = Some("VIRTUAL_VIEW".into());
        assert_eq!(classify(&view), None);
        let mut bare = table(TEXT_IN, LAZY, &[]);
        bare.has_storage = false;
        assert_eq!(classify(&bare), None);
        assert_eq!(
            classify(&table(
                "com.example.CustomInputFormat",
                "com.example.Serde",
                &[]
            )),
            None
        );
    }
}
