resource "aws_db_instance" "this" {
  # …
  deletion_protection = true
}
