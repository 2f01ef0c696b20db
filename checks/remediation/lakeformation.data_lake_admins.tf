resource "aws_lakeformation_data_lake_settings" "this" {
  admins = ["<admin-role-arn>"]
}
