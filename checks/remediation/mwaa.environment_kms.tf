resource "aws_mwaa_environment" "this" {
  # …
  kms_key = "<key-arn>"
}
