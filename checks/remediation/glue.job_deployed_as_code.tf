# Keep the job in Terraform, in a repository, and mark it so.
resource "aws_glue_job" "this" {
  # …
  tags = {
    managed-by = "terraform"
  }
}
