resource "aws_cloudwatch_event_rule" "glue_job_failures" {
  name = "glue-job-failures"
  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Job State Change"]
    detail        = { state = ["FAILED", "TIMEOUT"] }
  })
}

resource "aws_cloudwatch_event_target" "notify" {
  rule = aws_cloudwatch_event_rule.glue_job_failures.name
  arn  = "<sns-topic-arn>"
}
