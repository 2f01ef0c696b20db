resource "aws_mwaa_environment" "this" {
  # …
  webserver_access_mode = "PRIVATE_ONLY"
}
