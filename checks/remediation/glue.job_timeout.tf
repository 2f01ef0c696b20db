resource "aws_glue_job" "this" {
  # …
  timeout = 120
}
