resource "aws_cloudwatch_log_group" "this" {
  # …
  retention_in_days = 30
}
