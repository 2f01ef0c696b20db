resource "aws_lambda_function" "this" {
  # …
  architectures = ["arm64"]
}
