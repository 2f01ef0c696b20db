resource "aws_db_instance" "this" {
  # …
  multi_az = true
}
