resource "aws_cloudtrail" "this" {
  # …
  advanced_event_selector {
    name = "lake"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.lake.arn}/"]
    }
  }
}
