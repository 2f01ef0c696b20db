resource "aws_redshiftserverless_workgroup" "this" {
  # …
  max_capacity = 128 # RPUs
}

# Or a usage limit that acts when it is reached:
resource "aws_redshiftserverless_usage_limit" "compute" {
  resource_arn  = aws_redshiftserverless_workgroup.this.arn
  usage_type    = "serverless-compute"
  amount        = 1000 # RPU-hours
  period        = "monthly"
  breach_action = "deactivate"
}
