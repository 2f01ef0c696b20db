resource "aws_emr_cluster" "this" {
  # …
  security_configuration = aws_emr_security_configuration.this.name
}
