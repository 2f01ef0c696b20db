resource "aws_redshift_cluster" "this" {
  # …
  multi_az = true
}
