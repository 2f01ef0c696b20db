resource "aws_redshift_parameter_group" "this" {
  name   = "<group>"
  family = "redshift-1.0"
  parameter {
    name  = "enable_result_cache_for_session"
    value = "true"
  }
}
