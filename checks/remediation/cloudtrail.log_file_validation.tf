resource "aws_cloudtrail" "this" {
  # …
  enable_log_file_validation = true
}
