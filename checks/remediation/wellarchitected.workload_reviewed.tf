# The Terraform AWS provider has no Well-Architected Tool resource; define the
# workload with the CLI line above, then review it in the console or with
# `aws wellarchitected update-answer` and save a milestone.
