resource "aws_dynamodb_table" "this" {
  # …
  server_side_encryption {
    enabled     = true
    kms_key_arn = "<key-arn>"
  }
}
