"""The testbed's stand-in for a new VM running its user data (kubeadm join).

Watches the EC2 emulator for instances that Container Cloud made (tag container-cloud.io/owner),
reads each one's user data, checks the join token it carries (kubeadm's --token) against the
testbed's, and creates a kwok node named after the instance, with spec.providerID
aws:///<zone>/<id>, the labels and taints of the user data's --node-labels and
--register-with-taints (as kubelet would register them), and the capacity of its instance type.
An instance whose token is wrong is tagged testbed.container-cloud.io/join=refused and joins
nothing. When an instance is terminated or gone, its node is deleted.
"""

import base64
import sys
import time

import boto3

from joining import Kube, arguments, flag, log, node_manifest, read_token

OWNER_TAG = "container-cloud.io/owner"
JOIN_TAG = "testbed.container-cloud.io/join"
# vCPU, GiB of memory: a few of EC2's published sizes; anything else gets the last line.
TYPES = {
    "t3.small": (2, 2), "t3.medium": (2, 4), "t3.large": (2, 8),
    "m5.large": (2, 8), "m5.xlarge": (4, 16), "m5.2xlarge": (8, 32),
    "c5.large": (2, 4), "c5.xlarge": (4, 8),
}
DEFAULT_TYPE = (4, 8)


def node_of(instance, user_data):
    cpu, memory = TYPES.get(instance.get("InstanceType"), DEFAULT_TYPE)
    zone = instance.get("Placement", {}).get("AvailabilityZone", "")
    return node_manifest(instance["InstanceId"], "aws:///%s/%s" % (zone, instance["InstanceId"]),
                         user_data, "ec2", instance.get("InstanceType", ""), cpu, memory * 1024)


def owned_instances(ec2):
    found = {}
    pages = ec2.get_paginator("describe_instances").paginate(
        Filters=[{"Name": "tag-key", "Values": [OWNER_TAG]}])
    for page in pages:
        for reservation in page["Reservations"]:
            for instance in reservation["Instances"]:
                found[instance["InstanceId"]] = instance
    return found


def join(ec2, kube, instance, token):
    attribute = ec2.describe_instance_attribute(
        InstanceId=instance["InstanceId"], Attribute="userData")
    encoded = attribute.get("UserData", {}).get("Value", "")
    user_data = base64.b64decode(encoded).decode("utf-8", "replace") if encoded else ""
    if flag(user_data, "token") != token:
        log("refused %s: its user data does not carry the join token" % instance["InstanceId"])
        ec2.create_tags(Resources=[instance["InstanceId"]], Tags=[{"Key": JOIN_TAG, "Value": "refused"}])
        return
    if not kube.create_node(node_of(instance, user_data)):
        return
    ec2.create_tags(Resources=[instance["InstanceId"]], Tags=[{"Key": JOIN_TAG, "Value": "joined"}])
    log("joined %s" % instance["InstanceId"])


def main(args):
    token = read_token(args)
    kube = Kube(args, "ec2")
    ec2 = boto3.client("ec2", endpoint_url=args.endpoint, region_name="us-east-1")
    decided = set()
    while True:
        try:
            instances = owned_instances(ec2)
            for instance_id, instance in instances.items():
                tags = {t["Key"]: t["Value"] for t in instance.get("Tags", [])}
                live = instance["State"]["Name"] in ("pending", "running")
                if live and instance_id not in decided and JOIN_TAG not in tags:
                    join(ec2, kube, instance, token)
                    decided.add(instance_id)
            for name in kube.managed_nodes() or ():
                instance = instances.get(name)
                if instance is None or instance["State"]["Name"] not in ("pending", "running"):
                    kube.remove_node(name, "its instance is gone")
        except Exception as e:  # the emulator or the API server restarting: try again
            log("error: %s" % e)
            time.sleep(1)
        time.sleep(args.interval)


if __name__ == "__main__":
    sys.exit(main(arguments(__doc__, lambda p: p.add_argument("--endpoint", required=True))))
