resource "aws_redshift_cluster" "this" {
  # …
  publicly_accessible = false
}
