resource "aws_lakeformation_resource" "this" {
  arn                     = "arn:aws:s3:::<bucket>"
  use_service_linked_role = true
}
