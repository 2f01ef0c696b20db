resource "aws_redshift_cluster" "this" {
  # …
  allow_version_upgrade = true
}
