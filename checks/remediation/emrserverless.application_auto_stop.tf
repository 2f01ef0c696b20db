resource "aws_emrserverless_application" "this" {
  # …
  auto_stop_configuration {
    enabled              = true
    idle_timeout_minutes = 15
  }
}
