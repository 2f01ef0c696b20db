resource "aws_db_instance" "this" {
  # …
  manage_master_user_password = true
}
