resource "aws_db_instance" "this" {
  # …
  iam_database_authentication_enabled = true
}
