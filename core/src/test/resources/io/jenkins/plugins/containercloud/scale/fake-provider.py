#!/usr/bin/env python3
"""A command node provider for tests: keeps its machines in a JSON file beside itself, honours
idempotency keys, and fails as the file 'fail-next' beside it says (one JSON error object)."""
import json
import os
import sys
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
STATE = os.path.join(HERE, "machines.json")
FAIL = os.path.join(HERE, "fail-next")

request = json.load(sys.stdin)
if os.path.exists(FAIL):
    with open(FAIL) as f:
        error = json.load(f)
    os.remove(FAIL)
    print(json.dumps({"error": error}))
    sys.exit(0)
machines = json.load(open(STATE)) if os.path.exists(STATE) else []
action = request["action"]
if action == "create":
    made = [m for m in machines if m["idempotencyKey"] == request["idempotencyKey"]]
    while len(made) < request["count"]:
        m = {"id": "vm-" + uuid.uuid4().hex[:8], "pool": request["pool"], "owner": request["owner"],
             "state": "running", "createdAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
             "idempotencyKey": request["idempotencyKey"], "userData": request["userData"]}
        m["providerId"] = "fake://" + m["id"]
        machines.append(m)
        made.append(m)
    out = {"machines": made}
elif action == "list":
    out = {"machines": [m for m in machines
                        if m["pool"] == request["pool"] and m["owner"] == request["owner"]]}
elif action == "delete":
    machines = [m for m in machines if m["id"] != request["id"]]
    out = {}
else:
    print("unknown action " + action, file=sys.stderr)
    sys.exit(2)
with open(STATE, "w") as f:
    json.dump(machines, f)
print(json.dumps(out))
