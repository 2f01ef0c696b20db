resource "aws_kinesis_firehose_delivery_stream" "this" {
  # …
  extended_s3_configuration {
    # …
    compression_format = "GZIP"
  }
}
