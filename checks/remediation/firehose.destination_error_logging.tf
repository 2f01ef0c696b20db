resource "aws_kinesis_firehose_delivery_stream" "this" {
  # …
  extended_s3_configuration {
    # …
    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = "/aws/kinesisfirehose/<stream>"
      log_stream_name = "DestinationDelivery"
    }
  }
}
