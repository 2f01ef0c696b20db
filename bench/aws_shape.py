"""Rewrites a recording as AWS would have answered it where moto differs in
a way that changes the calls: AWS's ListBuckets names each bucket's region
(BucketRegion), moto's does not, so a scan of moto reads GetBucketLocation
once per bucket, all in the home region. The rewritten recording carries the
regions the recorded GetBucketLocation answers gave, so a replay makes the
calls a scan of AWS makes.

    python bench/aws_shape.py RECORDING
"""
import json
import re
import sys

path = sys.argv[1]
recording = json.load(open(path))
regions = {}
for key, answer in recording.items():
    if " s3 GET ?location " in key:
        bucket = key.rstrip().rsplit(" ", 1)[-1].strip("/")
        found = re.search(r">([a-z0-9-]+)</LocationConstraint>", answer["body"])
        regions[bucket] = found.group(1) if found else "us-east-1"


def with_region(match):
    bucket = match.group(1)
    region = regions.get(bucket)
    tail = f"<BucketRegion>{region}</BucketRegion>" if region else ""
    return match.group(0) + tail


for key, answer in recording.items():
    if " s3 GET ?x-id=ListBuckets " in key and "<BucketRegion>" not in answer["body"]:
        answer["body"] = re.sub(
            r"<Name>([^<]+)</Name><CreationDate>[^<]*</CreationDate>", with_region, answer["body"]
        )
json.dump(recording, open(path, "w"))
print(f"{len(regions)} bucket regions written into ListBuckets", file=sys.stderr)
