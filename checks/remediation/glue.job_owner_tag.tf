resource "aws_glue_job" "this" {
  # …
  tags = {
    owner = "<team>"
  }
}
