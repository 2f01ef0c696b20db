resource "aws_kms_key" "this" {
  # …
  is_enabled = true
}
