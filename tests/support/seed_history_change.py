"""Changes the S3 fixture between two scans, as a week of work would: one
bucket fixed (versioning on lake-bare), one broken (lake-good loses its
TLS-only policy), so a history shows findings resolved and opened.

    python seed_history_change.py ENDPOINT
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402

if __name__ == "__main__":
    s3 = client("s3", sys.argv[1])
    s3.put_bucket_versioning(Bucket="lake-bare", VersioningConfiguration={"Status": "Enabled"})
    s3.delete_bucket_policy(Bucket="lake-good")
