resource "aws_redshift_cluster" "this" {
  # …
  manage_master_password = true
}
