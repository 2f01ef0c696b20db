resource "aws_lakeformation_data_lake_settings" "this" {
  admins = ["<admin-role-arn>"]
  # No create_database_default_permissions or create_table_default_permissions
  # blocks: new databases and tables grant nothing to IAM_ALLOWED_PRINCIPALS.
}
