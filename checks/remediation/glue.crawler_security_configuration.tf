resource "aws_glue_crawler" "this" {
  # …
  security_configuration = aws_glue_security_configuration.this.name
}
