resource "aws_cloudtrail" "this" {
  # …
  kms_key_id = aws_kms_key.trail.arn
}
