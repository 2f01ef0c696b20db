resource "aws_db_instance" "this" {
  # …
  auto_minor_version_upgrade = true
}
