resource "aws_kinesis_stream" "this" {
  # …
  retention_period = 48
}
