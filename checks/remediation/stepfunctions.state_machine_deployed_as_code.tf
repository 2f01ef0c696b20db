# Keep the state machine in Terraform, in a repository, and mark it so.
resource "aws_sfn_state_machine" "this" {
  # …
  tags = {
    managed-by = "terraform"
  }
}
