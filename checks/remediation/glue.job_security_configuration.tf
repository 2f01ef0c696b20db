resource "aws_glue_job" "this" {
  # …
  security_configuration = aws_glue_security_configuration.this.name
}
