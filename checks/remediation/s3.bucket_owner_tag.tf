resource "aws_s3_bucket" "this" {
  bucket = "<bucket>"
  tags = {
    owner = "<team>"
  }
}
