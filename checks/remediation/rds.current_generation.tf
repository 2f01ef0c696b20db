resource "aws_db_instance" "this" {
  # …
  instance_class = "db.m6g.large"
}
