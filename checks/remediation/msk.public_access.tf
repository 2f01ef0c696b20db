resource "aws_msk_cluster" "this" {
  # …
  broker_node_group_info {
    # …
    connectivity_info {
      public_access {
        type = "DISABLED"
      }
    }
  }
}
