resource "aws_lambda_event_source_mapping" "this" {
  # …
  maximum_retry_attempts = 3
  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.failed_batches.arn
    }
  }
}
