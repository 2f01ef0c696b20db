resource "aws_redshift_cluster" "this" {
  # …
  enhanced_vpc_routing = true
}
