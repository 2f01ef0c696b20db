resource "aws_redshift_cluster" "this" {
  # …
  encrypted  = true
  kms_key_id = aws_kms_key.this.arn
}
