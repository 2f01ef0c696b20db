resource "aws_sfn_state_machine" "this" {
  # …
  logging_configuration {
    log_destination        = "<log-group-arn>:*"
    include_execution_data = false
    level                  = "ERROR"
  }
}
