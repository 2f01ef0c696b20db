resource "aws_emr_security_configuration" "this" {
  name = "<name>"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
      # AtRestEncryptionConfiguration, InTransitEncryptionConfiguration …
    }
  })
}
