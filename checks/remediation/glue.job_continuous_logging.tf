resource "aws_glue_job" "this" {
  # …
  default_arguments = {
    "--enable-continuous-cloudwatch-log" = "true"
  }
}
