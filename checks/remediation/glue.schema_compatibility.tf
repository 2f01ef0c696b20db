resource "aws_glue_schema" "this" {
  # …
  compatibility = "BACKWARD"
}
