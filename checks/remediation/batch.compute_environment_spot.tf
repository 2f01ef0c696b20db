resource "aws_batch_compute_environment" "spot" {
  # …
  type = "MANAGED"
  compute_resources {
    type                = "SPOT"
    allocation_strategy = "SPOT_PRICE_CAPACITY_OPTIMIZED"
    max_vcpus           = 256
    instance_type       = ["optimal"]
    # …
  }
}
