resource "aws_glue_data_quality_ruleset" "this" {
  name    = "<database>-<table>-quality"
  ruleset = "Rules = [ IsComplete \"id\", Uniqueness \"id\" > 0.99, RowCount > 0 ]"

  target_table {
    database_name = "<database>"
    table_name    = "<table>"
  }
}
