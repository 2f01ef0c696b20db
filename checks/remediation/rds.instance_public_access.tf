resource "aws_db_instance" "this" {
  # …
  publicly_accessible = false
}
