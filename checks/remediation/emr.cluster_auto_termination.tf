resource "aws_emr_cluster" "this" {
  # …
  auto_termination_policy {
    idle_timeout = 3600
  }
}
