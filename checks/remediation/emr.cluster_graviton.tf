resource "aws_emr_cluster" "this" {
  # …
  core_instance_group {
    instance_type  = "r7g.2xlarge"
    instance_count = 2
  }
}
