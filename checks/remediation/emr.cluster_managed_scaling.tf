resource "aws_emr_managed_scaling_policy" "this" {
  cluster_id = aws_emr_cluster.this.id
  compute_limits {
    unit_type              = "Instances"
    minimum_capacity_units = 2
    maximum_capacity_units = 20
  }
}
