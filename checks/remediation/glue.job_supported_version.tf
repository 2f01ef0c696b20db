resource "aws_glue_job" "this" {
  # …
  glue_version = "5.0"
}
