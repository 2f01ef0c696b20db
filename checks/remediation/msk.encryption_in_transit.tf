resource "aws_msk_cluster" "this" {
  # …
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
}
