resource "aws_glue_job" "this" {
  # …
  default_arguments = {
    "--enable-auto-scaling" = "true"
  }
}
