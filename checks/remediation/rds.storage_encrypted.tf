resource "aws_db_instance" "this" {
  # … (restored from an encrypted snapshot copy)
  storage_encrypted = true
  kms_key_id        = "<key-arn>"
}
