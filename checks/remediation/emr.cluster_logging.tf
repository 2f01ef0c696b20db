resource "aws_emr_cluster" "this" {
  # …
  log_uri = "s3://${aws_s3_bucket.logs.id}/emr/"
}
