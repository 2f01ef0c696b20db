resource "aws_redshiftserverless_namespace" "this" {
  # …
  kms_key_id = aws_kms_key.warehouse.arn
}
