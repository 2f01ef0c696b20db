resource "aws_kms_key" "this" {
  # keep the key in configuration; removing it schedules deletion
  deletion_window_in_days = 30
}
