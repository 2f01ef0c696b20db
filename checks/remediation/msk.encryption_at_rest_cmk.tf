resource "aws_msk_cluster" "this" {
  # …
  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
  }
}
