resource "aws_s3_bucket_lifecycle_configuration" "athena_results" {
  bucket = "<bucket>"
  rule {
    id     = "expire-athena-results"
    status = "Enabled"
    filter {
      prefix = "<prefix>"
    }
    expiration {
      days = 30
    }
  }
}
