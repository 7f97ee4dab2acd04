"""The testbed's stand-in for a new OpenStack server running its user data (kubeadm join).

Authenticates with the OpenStack emulator's Keystone v3, watches Nova for ACTIVE servers that
Container Cloud made (metadata container-cloud.io/owner), reads each one's user data (the
OS-EXT-SRV-ATTR:user_data an admin sees), checks the join token it carries (kubeadm's --token)
against the testbed's, and creates a kwok node named after the server (its hostname), with
spec.providerID openstack:///<server id>, the labels and taints of the user data's --node-labels and
--register-with-taints, and the capacity of its flavour. A server whose token is wrong gets the
metadata testbed.container-cloud.io/join=refused and joins nothing. When a server is gone, its node
is deleted. Python's standard library only.
"""

import argparse
import base64
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

OWNER_KEY = "container-cloud.io/owner"
JOIN_KEY = "testbed.container-cloud.io/join"
MANAGED_LABEL = "testbed.container-cloud.io/joiner"
# vCPU, GiB of memory of OpenStack's classic flavours, by id and by name (devstack creates these).
FLAVORS = {
    "1": (1, 0.5), "2": (1, 2), "3": (2, 4), "4": (4, 8), "5": (8, 16),
    "m1.tiny": (1, 0.5), "m1.small": (1, 2), "m1.medium": (2, 4), "m1.large": (4, 8),
    "m1.xlarge": (8, 16),
}
DEFAULT_FLAVOR = (4, 8)


def log(message):
    print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), message, flush=True)


class Nova:
    """Nova with a Keystone v3 token, authenticating again when the token is refused."""

    def __init__(self, args):
        self.args = args
        self.token = None
        self.endpoint = None

    def authenticate(self):
        with open(self.args.password_file) as f:
            password = f.read().strip()
        body = {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": self.args.user, "domain": {"id": "default"}, "password": password}}},
            "scope": {"project": {"name": self.args.project, "domain": {"id": "default"}}}}}
        request = urllib.request.Request(
            self.args.auth_url + "/auth/tokens", data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            self.token = response.headers["X-Subject-Token"]
            catalog = json.load(response)["token"]["catalog"]
        self.endpoint = next(e["url"] for s in catalog if s["type"] == "compute"
                             for e in s["endpoints"] if e["interface"] == "public")

    def call(self, method, path, body=None):
        for attempt in (1, 2):
            if self.token is None:
                self.authenticate()
            request = urllib.request.Request(
                self.endpoint + path, method=method,
                data=None if body is None else json.dumps(body).encode(),
                headers={"X-Auth-Token": self.token, "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    text = response.read()
                    return json.loads(text) if text else None
            except urllib.error.HTTPError as e:
                if e.code != 401 or attempt == 2:
                    raise
                self.token = None


def kubectl(args, stdin=None):
    return subprocess.run(ARGS.kubectl_cmd + args, input=stdin, capture_output=True, text=True)


def flag(user_data, name):
    match = re.search(r"--" + name + r"[= ]([^\s\"']+)", user_data)
    return match.group(1) if match else None


def node_of(server, user_data):
    name = server["name"]
    flavor = str((server.get("flavor") or {}).get("id", ""))
    labels = {"type": "kwok", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "kubernetes.io/hostname": name, MANAGED_LABEL: "openstack",
              "node.kubernetes.io/instance-type": flavor}
    for pair in (flag(user_data, "node-labels") or "").split(","):
        if "=" in pair:
            key, value = pair.split("=", 1)
            labels[key] = value
    taints = []
    for spec in (flag(user_data, "register-with-taints") or "").split(","):
        if ":" in spec:
            key_value, effect = spec.rsplit(":", 1)
            key, _, value = key_value.partition("=")
            taints.append({"key": key, "value": value, "effect": effect})
    cpu, memory = FLAVORS.get(flavor, DEFAULT_FLAVOR)
    capacity = {"cpu": str(cpu), "memory": "%dMi" % (memory * 1024), "pods": "110"}
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {"name": name, "labels": labels,
                     "annotations": {"kwok.x-k8s.io/node": "fake",
                                     "node.alpha.kubernetes.io/ttl": "0"}},
        "spec": {"providerID": "openstack:///" + server["id"], "taints": taints},
        "status": {"capacity": capacity, "allocatable": capacity},
    }


def join(nova, server, token):
    encoded = server.get("OS-EXT-SRV-ATTR:user_data") or ""
    user_data = base64.b64decode(encoded).decode("utf-8", "replace") if encoded else ""
    if flag(user_data, "token") != token:
        log("refused %s: its user data does not carry the join token" % server["id"])
        nova.call("POST", "/servers/%s/metadata" % server["id"], {"metadata": {JOIN_KEY: "refused"}})
        return
    result = kubectl(["create", "-f", "-"], json.dumps(node_of(server, user_data)))
    if result.returncode != 0 and "AlreadyExists" not in result.stderr:
        log("could not create node %s: %s" % (server["name"], result.stderr.strip()))
        return
    nova.call("POST", "/servers/%s/metadata" % server["id"], {"metadata": {JOIN_KEY: "joined"}})
    log("joined %s as node %s" % (server["id"], server["name"]))


def managed_nodes():
    result = kubectl(["get", "nodes", "-l", MANAGED_LABEL + "=openstack", "-o", "name"])
    return {line.split("/", 1)[1] for line in result.stdout.split()} if result.returncode == 0 else None


def main():
    with open(ARGS.token_file) as f:
        token = f.read().strip()
    nova = Nova(ARGS)
    decided = set()
    while True:
        try:
            servers = [s for s in nova.call("GET", "/servers/detail")["servers"]
                       if OWNER_KEY in (s.get("metadata") or {})]
            for server in servers:
                # A VM runs its user data once it is up: BUILD servers wait for their turn.
                if (server["status"] == "ACTIVE" and server["id"] not in decided
                        and JOIN_KEY not in server["metadata"]):
                    join(nova, server, token)
                    decided.add(server["id"])
            names = {s["name"] for s in servers if s["status"] not in ("DELETED", "SOFT_DELETED")}
            for name in managed_nodes() or ():
                if name not in names:
                    kubectl(["delete", "node", name, "--ignore-not-found", "--wait=false"])
                    log("removed node %s: its server is gone" % name)
        except Exception as e:  # the emulator or the API server restarting: try again
            log("error: %s" % e)
            time.sleep(1)
        time.sleep(ARGS.interval)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--auth-url", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--kubectl", required=True)
    parser.add_argument("--kubeconfig", required=True)
    parser.add_argument("--interval", type=float, default=0.25)
    ARGS = parser.parse_args()
    ARGS.kubectl_cmd = [ARGS.kubectl, "--kubeconfig=" + ARGS.kubeconfig]
    sys.exit(main())
