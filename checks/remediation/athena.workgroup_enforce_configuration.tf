resource "aws_athena_workgroup" "this" {
  name = "<workgroup>"
  configuration {
    enforce_workgroup_configuration = true
  }
}
