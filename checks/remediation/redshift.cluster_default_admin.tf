resource "aws_redshift_cluster" "this" {
  # …
  master_username = "<admin-name>"
}
