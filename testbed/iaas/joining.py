"""What the testbed's joiners share: a new machine's user data read as kubeadm/kubelet would read it
(the --token, --node-labels and --register-with-taints flags), the kwok node it registers, and the
kubectl calls that create and remove such nodes. Each joiner (ec2-joiner.py, openstack-joiner.py)
adds how its emulator lists machines and keeps their user data."""

import argparse
import json
import re
import subprocess
import time

MANAGED_LABEL = "testbed.container-cloud.io/joiner"


def log(message):
    print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), message, flush=True)


def flag(user_data, name):
    match = re.search(r"--" + name + r"[= ]([^\s\"']+)", user_data)
    return match.group(1) if match else None


def node_manifest(name, provider_id, user_data, cloud, instance_type, cpu, memory_mi):
    """The kwok node a machine registers: its labels and taints from the user data's flags."""
    labels = {"type": "kwok", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "kubernetes.io/hostname": name, MANAGED_LABEL: cloud,
              "node.kubernetes.io/instance-type": instance_type}
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
    capacity = {"cpu": str(cpu), "memory": "%dMi" % memory_mi, "pods": "110"}
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {"name": name, "labels": labels,
                     "annotations": {"kwok.x-k8s.io/node": "fake",
                                     "node.alpha.kubernetes.io/ttl": "0"}},
        "spec": {"providerID": provider_id, "taints": taints},
        "status": {"capacity": capacity, "allocatable": capacity},
    }


class Kube:
    """The cluster's nodes through kubectl."""

    def __init__(self, args, cloud):
        self.command = [args.kubectl, "--kubeconfig=" + args.kubeconfig]
        self.cloud = cloud

    def run(self, args, stdin=None):
        return subprocess.run(self.command + args, input=stdin, capture_output=True, text=True)

    def create_node(self, node):
        """Whether the node exists now; logs why not."""
        result = self.run(["create", "-f", "-"], json.dumps(node))
        if result.returncode != 0 and "AlreadyExists" not in result.stderr:
            log("could not create node %s: %s" % (node["metadata"]["name"], result.stderr.strip()))
            return False
        return True

    def managed_nodes(self):
        """This joiner's nodes, or None when the API server does not answer."""
        result = self.run(["get", "nodes", "-l", MANAGED_LABEL + "=" + self.cloud, "-o", "name"])
        return {line.split("/", 1)[1] for line in result.stdout.split()} if result.returncode == 0 else None

    def remove_node(self, name, why):
        self.run(["delete", "node", name, "--ignore-not-found", "--wait=false"])
        log("removed node %s: %s" % (name, why))


def arguments(doc, add):
    """The joiners' command line: their own options (add) and the common ones."""
    parser = argparse.ArgumentParser(description=doc)
    add(parser)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--kubectl", required=True)
    parser.add_argument("--kubeconfig", required=True)
    parser.add_argument("--interval", type=float, default=1.0)
    return parser.parse_args()


def read_token(args):
    with open(args.token_file) as f:
        return f.read().strip()
