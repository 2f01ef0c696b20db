resource "aws_redshift_parameter_group" "this" {
  name   = "<group>"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
