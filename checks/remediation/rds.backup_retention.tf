resource "aws_db_instance" "this" {
  # …
  backup_retention_period = 7
}
