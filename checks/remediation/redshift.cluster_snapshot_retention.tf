resource "aws_redshift_cluster" "this" {
  # …
  automated_snapshot_retention_period = 7
}
