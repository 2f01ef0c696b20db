resource "aws_emr_cluster" "this" {
  # …
  release_label = "emr-7.1.0"
}
