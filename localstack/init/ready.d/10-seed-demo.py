"""LocalStack init hook: seeds the demo data platform once LocalStack is ready.

docker-compose.yml mounts localstack/ at /opt/lakelint-demo and this folder at
/etc/localstack/init/ready.d; LocalStack runs it with its own Python, which has
boto3. Services the community edition keeps for Pro (Glue, EMR, CloudTrail)
answer 501 and are skipped with a message.
"""

import sys

sys.path.insert(0, "/opt/lakelint-demo")

from seed import seed  # noqa: E402

skipped = seed("http://localhost:4566")
print(f"lakelint demo seeded; not served here: {', '.join(skipped) or 'none'}")
