resource "aws_athena_workgroup" "this" {
  name = "<workgroup>"
  configuration {
    engine_version {
      selected_engine_version = "Athena engine version 3"
    }
  }
}
