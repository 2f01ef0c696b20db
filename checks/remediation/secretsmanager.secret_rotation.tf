resource "aws_secretsmanager_secret_rotation" "this" {
  secret_id           = "<secret-arn>"
  rotation_lambda_arn = "<function-arn>"
  rotation_rules {
    automatically_after_days = 30
  }
}
