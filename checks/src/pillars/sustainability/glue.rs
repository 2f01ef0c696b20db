//! The Glue checks of this pillar.

use crate::check::Context;
use crate::finding::{fail, not_applicable, pass, Judged};
use crate::model::{GlueRegion, GlueTable};
use crate::table_format::classify;

crate::checks! {
    "glue.table_columnar_format" {
        title: "Glue table is stored in a columnar or binary format",
        resource: "AwsGlueTable",
        severity: Medium,
        also: [PerformanceEfficiency, CostOptimization],
        practice: "SUS04-BP02",
        rationale: "CSV and JSON are read whole and stored uncompressed; Parquet or ORC read \
            only the columns a query needs, typically a tenth of the bytes and the compute.",
        remediation: "Rewrite the table as Parquet (or Iceberg) with a CTAS or a Glue job, and \
            point consumers at it.",
        cli: "aws athena start-query-execution --query-string \"CREATE TABLE <db>.<table>_parquet WITH (format='PARQUET', write_compression='SNAPPY') AS SELECT * FROM <db>.<table>\"",
        each: table_columnar_format,
    }
}

fn table_columnar_format(table: &GlueTable, _: &GlueRegion, _: &Context) -> Judged {
    match classify(table) {
        None => not_applicable(),
        Some(format) if format.is_efficient() => pass(format!("stored as {}", format.name())),
        Some(format) => fail(format!("stored as {}", format.name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status::*;
    use crate::pillars::testing::*;

    fn region_with(input: &str, serde: &str) -> GlueRegion {
        let mut region = glue_region();
        region.tables = vec![GlueTable {
            database: "db".into(),
            name: "t".into(),
            arn: "arn".into(),
            has_storage: true,
            input_format: Some(input.into()),
            serde_library: Some(serde.into()),
            ..GlueTable::default()
        }];
        region
    }

    #[test]
    fn columnar_passes_text_fails() {
        let id = "glue.table_columnar_format";
        let parquet = region_with(
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        );
        assert_eq!(glue_verdict(id, parquet).unwrap().0, Pass);
        let csv = region_with(
            "org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.serde2.OpenCSVSerde",
        );
        assert_eq!(
            glue_verdict(id, csv).unwrap(),
            (Fail, "stored as CSV".into())
        );
        let custom = region_with("com.example.In", "com.example.Serde");
        assert_eq!(glue_verdict(id, custom), None);
    }
}
