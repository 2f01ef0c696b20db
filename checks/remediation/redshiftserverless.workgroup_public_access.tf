resource "aws_redshiftserverless_workgroup" "this" {
  # …
  publicly_accessible = false
}
