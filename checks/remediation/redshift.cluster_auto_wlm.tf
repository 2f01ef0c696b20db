resource "aws_redshift_parameter_group" "this" {
  # …
  parameter {
    name  = "wlm_json_configuration"
    value = jsonencode([{ auto_wlm = true }])
  }
}
