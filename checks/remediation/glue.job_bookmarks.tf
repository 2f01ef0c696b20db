resource "aws_glue_job" "this" {
  # …
  default_arguments = {
    "--job-bookmark-option" = "job-bookmark-enable"
  }
}
