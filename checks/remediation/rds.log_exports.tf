resource "aws_db_instance" "this" {
  # …
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
