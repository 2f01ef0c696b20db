resource "aws_glue_trigger" "this" {
  name     = "<trigger>"
  type     = "SCHEDULED"
  schedule = "cron(0 2 * * ? *)"
  actions {
    job_name = "<job>"
  }
}
