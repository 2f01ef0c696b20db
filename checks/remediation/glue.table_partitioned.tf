resource "aws_glue_catalog_table" "this" {
  # …
  partition_keys {
    name = "dt"
    type = "string"
  }
}
