resource "aws_kinesis_stream" "this" {
  # …
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.streams.arn
}
