resource "aws_dynamodb_table" "this" {
  # …
  point_in_time_recovery {
    enabled = true
  }
}
