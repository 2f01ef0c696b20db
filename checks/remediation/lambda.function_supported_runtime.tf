resource "aws_lambda_function" "this" {
  # …
  runtime = "python3.13"
}
