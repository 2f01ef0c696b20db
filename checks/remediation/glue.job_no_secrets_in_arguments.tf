resource "aws_secretsmanager_secret" "job" {
  name = "<job>/<argument>"
}

resource "aws_glue_job" "this" {
  # …
  default_arguments = {
    "--secret-name" = aws_secretsmanager_secret.job.name
  }
}
