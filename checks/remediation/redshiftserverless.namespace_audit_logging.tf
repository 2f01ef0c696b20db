resource "aws_redshiftserverless_namespace" "this" {
  # …
  log_exports = ["useractivitylog", "connectionlog", "userlog"]
}
