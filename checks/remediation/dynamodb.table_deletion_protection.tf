resource "aws_dynamodb_table" "this" {
  # …
  deletion_protection_enabled = true
}
