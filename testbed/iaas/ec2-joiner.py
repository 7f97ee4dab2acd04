"""The testbed's stand-in for a new VM running its user data (kubeadm join).

Watches the EC2 emulator for instances that Container Cloud made (tag container-cloud.io/owner),
reads each one's user data, checks the join token it carries (kubeadm's --token) against the
testbed's, and creates a kwok node named after the instance, with spec.providerID
aws:///<zone>/<id>, the labels and taints of the user data's --node-labels and
--register-with-taints (as kubelet would register them), and the capacity of its instance type.
An instance whose token is wrong is tagged testbed.container-cloud.io/join=refused and joins
nothing. When an instance is terminated or gone, its node is deleted.
"""

import argparse
import base64
import json
import re
import subprocess
import sys
import time

import boto3

OWNER_TAG = "container-cloud.io/owner"
JOIN_TAG = "testbed.container-cloud.io/join"
MANAGED_LABEL = "testbed.container-cloud.io/joiner"
GI = 1024 ** 3
# vCPU, GiB of memory: a few of EC2's published sizes; anything else gets the last line.
TYPES = {
    "t3.small": (2, 2), "t3.medium": (2, 4), "t3.large": (2, 8),
    "m5.large": (2, 8), "m5.xlarge": (4, 16), "m5.2xlarge": (8, 32),
    "c5.large": (2, 4), "c5.xlarge": (4, 8),
}
DEFAULT_TYPE = (4, 8)


def log(message):
    print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), message, flush=True)


def kubectl(args, stdin=None):
    return subprocess.run(ARGS.kubectl_cmd + args, input=stdin, capture_output=True, text=True)


def flag(user_data, name):
    match = re.search(r"--" + name + r"[= ]([^\s\"']+)", user_data)
    return match.group(1) if match else None


def node_of(instance, user_data):
    labels = {"type": "kwok", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "kubernetes.io/hostname": instance["InstanceId"], MANAGED_LABEL: "ec2",
              "node.kubernetes.io/instance-type": instance.get("InstanceType", "")}
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
    cpu, memory = TYPES.get(instance.get("InstanceType"), DEFAULT_TYPE)
    capacity = {"cpu": str(cpu), "memory": "%dGi" % memory, "pods": "110"}
    zone = instance.get("Placement", {}).get("AvailabilityZone", "")
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {"name": instance["InstanceId"], "labels": labels,
                     "annotations": {"kwok.x-k8s.io/node": "fake",
                                     "node.alpha.kubernetes.io/ttl": "0"}},
        "spec": {"providerID": "aws:///%s/%s" % (zone, instance["InstanceId"]), "taints": taints},
        "status": {"capacity": capacity, "allocatable": capacity},
    }


def owned_instances(ec2):
    found = {}
    pages = ec2.get_paginator("describe_instances").paginate(
        Filters=[{"Name": "tag-key", "Values": [OWNER_TAG]}])
    for page in pages:
        for reservation in page["Reservations"]:
            for instance in reservation["Instances"]:
                found[instance["InstanceId"]] = instance
    return found


def join(ec2, instance, token):
    attribute = ec2.describe_instance_attribute(
        InstanceId=instance["InstanceId"], Attribute="userData")
    encoded = attribute.get("UserData", {}).get("Value", "")
    user_data = base64.b64decode(encoded).decode("utf-8", "replace") if encoded else ""
    if flag(user_data, "token") != token:
        log("refused %s: its user data does not carry the join token" % instance["InstanceId"])
        ec2.create_tags(Resources=[instance["InstanceId"]], Tags=[{"Key": JOIN_TAG, "Value": "refused"}])
        return
    result = kubectl(["create", "-f", "-"], json.dumps(node_of(instance, user_data)))
    if result.returncode != 0 and "AlreadyExists" not in result.stderr:
        log("could not create node %s: %s" % (instance["InstanceId"], result.stderr.strip()))
        return
    ec2.create_tags(Resources=[instance["InstanceId"]], Tags=[{"Key": JOIN_TAG, "Value": "joined"}])
    log("joined %s" % instance["InstanceId"])


def managed_nodes():
    result = kubectl(["get", "nodes", "-l", MANAGED_LABEL + "=ec2", "-o", "name"])
    return {line.split("/", 1)[1] for line in result.stdout.split()} if result.returncode == 0 else None


def main():
    with open(ARGS.token_file) as f:
        token = f.read().strip()
    ec2 = boto3.client("ec2", endpoint_url=ARGS.endpoint, region_name="us-east-1")
    decided = set()
    while True:
        try:
            instances = owned_instances(ec2)
            for instance_id, instance in instances.items():
                tags = {t["Key"]: t["Value"] for t in instance.get("Tags", [])}
                live = instance["State"]["Name"] in ("pending", "running")
                if live and instance_id not in decided and JOIN_TAG not in tags:
                    join(ec2, instance, token)
                    decided.add(instance_id)
            nodes = managed_nodes()
            for name in nodes or ():
                instance = instances.get(name)
                if instance is None or instance["State"]["Name"] not in ("pending", "running"):
                    kubectl(["delete", "node", name, "--ignore-not-found", "--wait=false"])
                    log("removed node %s: its instance is gone" % name)
        except Exception as e:  # the emulator or the API server restarting: try again
            log("error: %s" % e)
            time.sleep(1)
        time.sleep(ARGS.interval)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--kubectl", required=True)
    parser.add_argument("--kubeconfig", required=True)
    parser.add_argument("--interval", type=float, default=0.25)
    ARGS = parser.parse_args()
    ARGS.kubectl_cmd = [ARGS.kubectl, "--kubeconfig=" + ARGS.kubeconfig]
    sys.exit(main())
