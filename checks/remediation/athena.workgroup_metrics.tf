resource "aws_athena_workgroup" "this" {
  name = "<workgroup>"
  configuration {
    publish_cloudwatch_metrics_enabled = true
  }
}
