resource "aws_emr_security_configuration" "this" {
  name = "<name>"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = true
      # InTransitEncryptionConfiguration …
    }
  })
}
