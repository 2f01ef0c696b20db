resource "aws_glue_job" "this" {
  # …
  max_retries = 1
}
