resource "aws_glue_catalog_table" "this" {
  # …
  storage_descriptor {
    location = "s3://${aws_s3_bucket.lake.id}/<prefix>/"
  }
}
