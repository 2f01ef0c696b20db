resource "aws_athena_workgroup" "this" {
  name = "<workgroup>"
  configuration {
    bytes_scanned_cutoff_per_query = 10000000000
  }
}
