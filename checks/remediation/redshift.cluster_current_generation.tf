resource "aws_redshift_cluster" "this" {
  # …
  node_type = "ra3.xlplus"
}
