resource "aws_emr_instance_group" "task" {
  cluster_id     = aws_emr_cluster.this.id
  instance_type  = "r6g.2xlarge"
  instance_count = 2
  bid_price      = "0.30"
}
