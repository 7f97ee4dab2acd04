"""The testbed's stand-in for a new QingCloud VM running its user data (kubeadm join).

Polls the QingCloud stand-in through its signed API (DescribeZones, DescribeInstances) like any
client, and for every instance that reached `running` reads its user data where the VM finds it
(the stand-in's /metadata/<id>/userdata, QingCloud's /etc/qingcloud/userdata), checks the join token
it carries (kubeadm's --token) against the testbed's, and creates a kwok node named after the
instance, with spec.providerID qingcloud://<zone>/<id>, the labels and taints of the user data's
--node-labels and --register-with-taints, and the instance's vcpus_current and memory_current as
capacity. An instance without the token joins nothing. When an instance is terminated or gone,
its node is deleted. Standard library only; the signature comes from the stand-in's module.
"""

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

MANAGED_LABEL = "testbed.container-cloud.io/joiner"
LIVE = ("pending", "running")

spec = importlib.util.spec_from_file_location(
    "standin", os.path.join(os.path.dirname(os.path.abspath(__file__)), "qingcloud-standin.py"))
standin = importlib.util.module_from_spec(spec)
spec.loader.exec_module(standin)


def log(message):
    print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), message, flush=True)


def call(action, **params):
    params.update(action=action, access_key_id=ARGS.key_id, signature_method="HmacSHA256",
                  signature_version="1", version="1",
                  time_stamp=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    params = {k: str(v) for k, v in params.items()}
    params["signature"] = standin.sign("GET", "/iaas/", params, ARGS.secret)
    with urllib.request.urlopen(ARGS.endpoint + "/iaas/?" + urllib.parse.urlencode(params), timeout=10) as r:
        body = json.load(r)
    if body.get("ret_code") != 0:
        raise RuntimeError("%s: ret_code %s: %s" % (action, body.get("ret_code"), body.get("message")))
    return body


def instances():
    found = {}
    for zone in call("DescribeZones")["zone_set"]:
        offset = 0
        while True:
            body = call("DescribeInstances", zone=zone["zone_id"], offset=offset, limit=100)
            for inst in body["instance_set"]:
                found[inst["instance_id"]] = inst
            offset += 100
            if offset >= body["total_count"]:
                break
    return found


def kubectl(args, stdin=None):
    return subprocess.run(ARGS.kubectl_cmd + args, input=stdin, capture_output=True, text=True)


def option(user_data, name):
    found = re.search(r"--%s[= ]([^\s\"']+)" % name, user_data)
    return found.group(1) if found else ""


def node(inst, user_data):
    labels = {"type": "kwok", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
              "kubernetes.io/hostname": inst["instance_id"], MANAGED_LABEL: "qingcloud",
              "node.kubernetes.io/instance-type": inst.get("instance_type", "")}
    labels.update(pair.split("=", 1) for pair in option(user_data, "node-labels").split(",") if "=" in pair)
    taints = []
    for item in filter(None, option(user_data, "register-with-taints").split(",")):
        key_value, _, effect = item.rpartition(":")
        key, _, value = key_value.partition("=")
        taints.append({"key": key, "value": value, "effect": effect})
    capacity = {"cpu": str(inst["vcpus_current"]), "memory": "%dMi" % inst["memory_current"], "pods": "110"}
    return {"apiVersion": "v1", "kind": "Node",
            "metadata": {"name": inst["instance_id"], "labels": labels,
                         "annotations": {"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"}},
            "spec": {"providerID": "qingcloud://%s/%s" % (inst["zone_id"], inst["instance_id"]), "taints": taints},
            "status": {"capacity": capacity, "allocatable": capacity}}


def join(inst, token):
    with urllib.request.urlopen("%s/metadata/%s/userdata" % (ARGS.endpoint, inst["instance_id"]), timeout=10) as r:
        user_data = r.read().decode("utf-8", "replace")
    if option(user_data, "token") != token:
        log("refused %s: its user data does not carry the join token" % inst["instance_id"])
        return
    made = kubectl(["create", "-f", "-"], json.dumps(node(inst, user_data)))
    if made.returncode != 0 and "AlreadyExists" not in made.stderr:
        raise RuntimeError("could not create node %s: %s" % (inst["instance_id"], made.stderr.strip()))
    log("joined %s" % inst["instance_id"])


def main():
    with open(ARGS.credentials_file) as f:
        ARGS.key_id, ARGS.secret = f.readline().split()
    with open(ARGS.token_file) as f:
        token = f.read().strip()
    decided = set()
    while True:
        try:
            known = instances()
            for instance_id, inst in known.items():
                if inst["status"] == "running" and instance_id not in decided:
                    join(inst, token)
                    decided.add(instance_id)
            listed = kubectl(["get", "nodes", "-l", MANAGED_LABEL + "=qingcloud", "-o", "name"])
            for name in (line.split("/", 1)[1] for line in listed.stdout.split()) if listed.returncode == 0 else ():
                if name not in known or known[name]["status"] not in LIVE:
                    kubectl(["delete", "node", name, "--ignore-not-found", "--wait=false"])
                    log("removed node %s: its instance is gone" % name)
        except Exception as e:  # the stand-in or the API server restarting: try again
            log("error: %s" % e)
            time.sleep(1)
        time.sleep(ARGS.interval)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint", required=True, help="e.g. http://127.0.0.1:15200")
    parser.add_argument("--credentials-file", required=True, help="its first line: ACCESS_KEY_ID SECRET")
    for required in ("--token-file", "--kubectl", "--kubeconfig"):
        parser.add_argument(required, required=True)
    parser.add_argument("--interval", type=float, default=1.0)
    ARGS = parser.parse_args()
    ARGS.kubectl_cmd = [ARGS.kubectl, "--kubeconfig=" + ARGS.kubeconfig]
    sys.exit(main())
