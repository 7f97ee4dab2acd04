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

import base64
import json
import sys
import time
import urllib.error
import urllib.request

from joining import Kube, arguments, flag, log, node_manifest, read_token

OWNER_KEY = "container-cloud.io/owner"
JOIN_KEY = "testbed.container-cloud.io/join"
# vCPU, GiB of memory of OpenStack's classic flavours, by id and by name (devstack creates these).
FLAVORS = {
    "1": (1, 0.5), "2": (1, 2), "3": (2, 4), "4": (4, 8), "5": (8, 16),
    "m1.tiny": (1, 0.5), "m1.small": (1, 2), "m1.medium": (2, 4), "m1.large": (4, 8),
    "m1.xlarge": (8, 16),
}
DEFAULT_FLAVOR = (4, 8)


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


def node_of(server, user_data):
    flavor = str((server.get("flavor") or {}).get("id", ""))
    cpu, memory = FLAVORS.get(flavor, DEFAULT_FLAVOR)
    return node_manifest(server["name"], "openstack:///" + server["id"], user_data, "openstack",
                         flavor, cpu, memory * 1024)


def join(nova, kube, server, token):
    encoded = server.get("OS-EXT-SRV-ATTR:user_data") or ""
    user_data = base64.b64decode(encoded).decode("utf-8", "replace") if encoded else ""
    if flag(user_data, "token") != token:
        log("refused %s: its user data does not carry the join token" % server["id"])
        nova.call("POST", "/servers/%s/metadata" % server["id"], {"metadata": {JOIN_KEY: "refused"}})
        return
    if not kube.create_node(node_of(server, user_data)):
        return
    nova.call("POST", "/servers/%s/metadata" % server["id"], {"metadata": {JOIN_KEY: "joined"}})
    log("joined %s as node %s" % (server["id"], server["name"]))


def main(args):
    token = read_token(args)
    kube = Kube(args, "openstack")
    nova = Nova(args)
    decided = set()
    while True:
        try:
            servers = [s for s in nova.call("GET", "/servers/detail")["servers"]
                       if OWNER_KEY in (s.get("metadata") or {})]
            for server in servers:
                # A VM runs its user data once it is up: BUILD servers wait for their turn.
                if (server["status"] == "ACTIVE" and server["id"] not in decided
                        and JOIN_KEY not in server["metadata"]):
                    join(nova, kube, server, token)
                    decided.add(server["id"])
            names = {s["name"] for s in servers if s["status"] not in ("DELETED", "SOFT_DELETED")}
            for name in kube.managed_nodes() or ():
                if name not in names:
                    kube.remove_node(name, "its server is gone")
        except Exception as e:  # the emulator or the API server restarting: try again
            log("error: %s" % e)
            time.sleep(1)
        time.sleep(args.interval)


def options(parser):
    parser.add_argument("--auth-url", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--password-file", required=True)


if __name__ == "__main__":
    sys.exit(main(arguments(__doc__, options)))
