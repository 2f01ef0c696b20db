resource "aws_dax_cluster" "this" {
  # …
  cluster_endpoint_encryption_type = "TLS"
}
