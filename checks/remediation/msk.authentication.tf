resource "aws_msk_cluster" "this" {
  # …
  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }
}
