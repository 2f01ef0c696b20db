resource "aws_athena_workgroup" "this" {
  name = "<workgroup>"
  configuration {
    result_configuration {
      output_location = "s3://<bucket>/<prefix>/"
      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = "<key-arn>"
      }
    }
  }
}
