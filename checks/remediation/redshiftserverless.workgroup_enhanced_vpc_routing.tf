resource "aws_redshiftserverless_workgroup" "this" {
  # …
  enhanced_vpc_routing = true
}
