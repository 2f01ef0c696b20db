resource "aws_dax_cluster" "this" {
  # …
  server_side_encryption {
    enabled = true
  }
}
