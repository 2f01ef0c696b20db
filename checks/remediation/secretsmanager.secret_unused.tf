# Remove the secret from the configuration once nothing reads it; the
# recovery window keeps it restorable for 30 days.
resource "aws_secretsmanager_secret" "this" {
  name                    = "<secret>"
  recovery_window_in_days = 30
}
