resource "aws_db_instance" "this" {
  # …
  instance_class = "db.r7g.large"
}
