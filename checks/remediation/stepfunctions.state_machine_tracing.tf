resource "aws_sfn_state_machine" "this" {
  # …
  tracing_configuration {
    enabled = true
  }
}
