resource "aws_cloudwatch_event_rule" "state_machine_failures" {
  name = "state-machine-failures"
  event_pattern = jsonencode({
    source        = ["aws.states"]
    "detail-type" = ["Step Functions Execution Status Change"]
    detail        = { status = ["FAILED", "TIMED_OUT", "ABORTED"] }
  })
}

resource "aws_cloudwatch_event_target" "notify" {
  rule = aws_cloudwatch_event_rule.state_machine_failures.name
  arn  = "<sns-topic-arn>"
}

# Or an alarm on the state machine's failed executions.
resource "aws_cloudwatch_metric_alarm" "executions_failed" {
  alarm_name          = "<state-machine>-executions-failed"
  namespace           = "AWS/States"
  metric_name         = "ExecutionsFailed"
  dimensions          = { StateMachineArn = "<state-machine-arn>" }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = ["<sns-topic-arn>"]
}
