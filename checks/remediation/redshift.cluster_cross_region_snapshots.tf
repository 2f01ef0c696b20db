resource "aws_redshift_snapshot_copy" "this" {
  cluster_identifier = aws_redshift_cluster.this.id
  destination_region = "<region>"
}
