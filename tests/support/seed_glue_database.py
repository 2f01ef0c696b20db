"""Adds a second Data Catalog database, with one Parquet table, to the Glue
fixture's us-east-1, so a test can deny the tables of one database only.

    python seed_glue_database.py ENDPOINT
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from seed_glue_fixture import PARQUET, table  # noqa: E402
from seed_glue_fixture import client  # noqa: E402

if __name__ == "__main__":
    glue = client("glue", sys.argv[1], "us-east-1")
    glue.create_database(DatabaseInput={"Name": "staging"})
    table(glue, "staging", "orders_staged", "s3://lake-raw-data/staging/", PARQUET)
