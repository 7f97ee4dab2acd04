"""The testbed's stand-in for the QingCloud IaaS API (https://api.qingcloud.com/iaas/), stdlib only.

It checks every API request as QingCloud documents it (docs: development_docs/api/signature.md,
parameters.md, error_code.md) with its own implementation of the signature: the parameters are
decoded, `signature` is left out, the rest sorted by name, names and values percent-encoded (space
as %20, upper-case hex, A-Z a-z 0-9 - _ . ~ kept), joined with & and signed as
"METHOD\\nPATH\\nQUERY" with HMAC-SHA256 (or SHA1) of the secret key, Base64. Refusals are QingCloud's:
HTTP 200, JSON {"ret_code", "message"}: 1100 for a missing parameter, 1200 for an unknown
access_key_id or a wrong signature, 1300 for a time_stamp more than 60 s away.

Actions: RunInstances (with need_userdata / userdata_type / userdata_value, Base64 of at most 4K),
DescribeInstances (instances.n, status.n, search_word, tags.n, offset/limit), TerminateInstances,
DescribeJobs (jobs go pending -> working -> successful), CreateTag, DescribeTags, AttachTags,
ModifyTagAttributes, DescribeZones. Instances go pending -> running; terminated ones are listed for
a while as QingCloud does. Still-pending instances cannot be terminated (1400), as documented.

Beside the API, for the testbed only: GET /metadata/<instance-id>/userdata is the user data as the
VM finds it in /etc/qingcloud/userdata (what the joiner plays), and POST /testbed/faults with
{"zone", "action", "ret_code", "times"} makes the next calls of that action in that zone fail with
that ret_code (throttling 5100, capacity 5200, quota 2500...), for the provider's tests; with
"after": true the call is carried out first and only its answer is the error (a lost answer).
"""

import argparse
import base64
import binascii
import calendar
import hashlib
import hmac
import json
import random
import re
import string
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UNRESERVED = "-_.~"
MAX_SKEW = 60
USERDATA_LIMIT = 4096
# vCPU, memory MB of a few QingCloud instance types; cpu/memory parameters win when given.
TYPES = {"small_b": (1, 2048), "medium_a": (2, 2048), "medium_b": (2, 4096),
         "large_b": (4, 8192), "large_c": (4, 16384), "c4m16": (4, 16384), "c8m32": (8, 32768)}
MESSAGES = {
    1100: "InvalidRequestFormat",
    1101: "InvalidRequestMethod",
    1200: "AuthFailure",
    1300: "RequestExpired",
    1400: "PermissionDenied",
    2100: "ResourceNotFound",
    2110: "ResourceAlreadyExists",
    2400: "InsufficientBalance",
    2500: "QuotaExceeded",
    5000: "InternalError",
    5100: "ServerBusy",
    5200: "ResourceInsufficient",
    5300: "ServiceUpdating",
}


def percent(value):
    return urllib.parse.quote(value, safe=UNRESERVED)


def string_to_sign(method, path, params):
    pairs = sorted((k, v) for k, v in params.items() if k != "signature")
    query = "&".join(percent(k) + "=" + percent(v) for k, v in pairs)
    return "%s\n%s\n%s" % (method, path, query)


def sign(method, path, params, secret, algorithm="HmacSHA256"):
    digest = hashlib.sha1 if algorithm == "HmacSHA1" else hashlib.sha256
    mac = hmac.new(secret.encode("utf-8"), string_to_sign(method, path, params).encode("utf-8"), digest)
    return base64.b64encode(mac.digest()).decode("ascii")


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def new_id(prefix):
    return prefix + "-" + "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(8))


class ApiError(Exception):
    def __init__(self, code, detail):
        super().__init__("%s, %s" % (MESSAGES.get(code, "Error"), detail))
        self.code = code


class Cloud:
    """The state of the stand-in's account: instances, jobs, tags and queued faults, per zone."""

    def __init__(self, pending_seconds, job_step_seconds):
        self.lock = threading.Lock()
        self.instances = {}
        self.jobs = {}
        self.tags = {}
        self.faults = {}
        self.pending_seconds = pending_seconds
        self.job_step_seconds = job_step_seconds

    def advance(self):
        """Moves instances and jobs on by the time that passed (called under the lock)."""
        t = time.time()
        for job in self.jobs.values():
            age = t - job["created"]
            if job["status"] == "pending" and age >= self.job_step_seconds:
                job["status"], job["status_time"] = "working", now_iso()
            if job["status"] == "working" and age >= 2 * self.job_step_seconds:
                job["status"], job["status_time"] = "successful", now_iso()
        for inst in self.instances.values():
            if inst["status"] == "pending" and t - inst["created"] >= self.pending_seconds:
                inst["status"], inst["transition_status"], inst["status_time"] = "running", "", now_iso()
            if inst["transition_status"] == "terminating" and t - inst["terminate_at"] >= self.job_step_seconds:
                inst["status"], inst["transition_status"], inst["status_time"] = "terminated", "", now_iso()

    def job(self, action, zone, resource_ids):
        job_id = new_id("j")
        self.jobs[job_id] = {"job_id": job_id, "job_action": action, "zone": zone, "created": time.time(),
                             "create_time": now_iso(), "status": "pending", "status_time": now_iso(),
                             "resource_ids": " ".join(resource_ids), "owner": "usr-standin",
                             "error_codes": ""}
        return job_id

    def fault(self, zone, action):
        """The queued fault of this action in this zone, if any, used up by one."""
        queued = self.faults.get((zone, action))
        if queued and queued["times"] > 0:
            queued["times"] -= 1
            return ApiError(queued["ret_code"], "injected by the testbed for %s in zone %s" % (action, zone)), \
                queued["after"]
        return None, False


def listed(params, name):
    """Values of a QingCloud list parameter name.1, name.2, ... (in index order)."""
    found = []
    for key, value in params.items():
        match = re.fullmatch(re.escape(name) + r"\.(\d+)", key)
        if match:
            found.append((int(match.group(1)), value))
    return [v for _, v in sorted(found)]


def page(params, items):
    offset = int(params.get("offset", "0") or 0)
    limit = int(params.get("limit", "20") or 20)
    if limit > 100:
        limit = 100
    return items[offset:offset + limit]


def require(params, name):
    value = params.get(name)
    if value is None or value == "":
        raise ApiError(1100, "parameter [%s] should not be empty" % name)
    return value


def instance_view(inst, tags):
    return {
        "instance_id": inst["instance_id"], "instance_name": inst["instance_name"], "description": "",
        "instance_type": inst["instance_type"], "vcpus_current": inst["vcpus"],
        "memory_current": inst["memory"], "status": inst["status"],
        "transition_status": inst["transition_status"], "create_time": inst["create_time"],
        "status_time": inst["status_time"], "hostname": inst["instance_id"],
        "image": {"image_id": inst["image_id"], "features_supported": {"user_data": 1}},
        "vxnets": [{"vxnet_id": v, "vxnet_name": v, "vxnet_type": 1, "nic_id": "52:54:00:00:00:01",
                    "private_ip": "192.168.0.%d" % (2 + len(inst["instance_id"]) % 200)} for v in inst["vxnets"]],
        "tags": [{"tag_id": t, "tag_name": tags[t]["tag_name"], "resource_type": "instance"}
                 for t in inst["tags"] if t in tags],
        "zone_id": inst["zone"],
    }


def run_instances(cloud, zone, p):
    image = require(p, "image_id")
    login_mode = require(p, "login_mode")
    if login_mode not in ("keypair", "passwd"):
        raise ApiError(1100, "login_mode should be keypair or passwd")
    if login_mode == "keypair" and not p.get("login_keypair"):
        raise ApiError(1100, "parameter [login_keypair] should not be empty with login_mode keypair")
    if login_mode == "passwd" and not p.get("login_passwd"):
        raise ApiError(1100, "parameter [login_passwd] should not be empty with login_mode passwd")
    instance_type = p.get("instance_type", "")
    if p.get("cpu") and p.get("memory"):
        vcpus, memory = int(p["cpu"]), int(p["memory"])
    elif instance_type in TYPES:
        vcpus, memory = TYPES[instance_type]
    else:
        raise ApiError(1100, "give a known instance_type or cpu and memory (instance_type [%s])" % instance_type)
    count = int(p.get("count", "1") or 1)
    userdata = ""
    if p.get("need_userdata") == "1":
        kind = p.get("userdata_type", "")
        if kind not in ("plain", "exec"):
            raise ApiError(1100, "userdata_type should be plain or exec (tar needs an attachment)")
        value = p.get("userdata_value", "")
        if len(value) > USERDATA_LIMIT:
            raise ApiError(1100, "userdata_value is longer than 4K")
        try:
            userdata = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ApiError(1100, "userdata_value should be a Base64 string")
    vxnets = listed(p, "vxnets") or ["vxnet-0"]
    ids = []
    for _ in range(count):
        instance_id = new_id("i")
        ids.append(instance_id)
        cloud.instances[instance_id] = {
            "instance_id": instance_id, "instance_name": p.get("instance_name", ""), "zone": zone,
            "instance_type": instance_type, "vcpus": vcpus, "memory": memory, "image_id": image,
            "status": "pending", "transition_status": "creating", "created": time.time(),
            "create_time": now_iso(), "status_time": now_iso(), "vxnets": vxnets, "tags": [],
            "userdata": userdata, "userdata_type": p.get("userdata_type", ""), "terminate_at": 0,
        }
    return {"instances": ids, "job_id": cloud.job("RunInstances", zone, ids)}


def describe_instances(cloud, zone, p):
    wanted_ids = set(listed(p, "instances"))
    statuses = set(listed(p, "status"))
    tag_ids = set(listed(p, "tags"))
    word = p.get("search_word", "")
    found = []
    for inst in sorted(cloud.instances.values(), key=lambda i: i["created"]):
        if inst["zone"] != zone or inst["status"] == "ceased":
            continue
        if wanted_ids and inst["instance_id"] not in wanted_ids:
            continue
        if statuses and inst["status"] not in statuses:
            continue
        if tag_ids and not tag_ids.intersection(inst["tags"]):
            continue
        if word and word not in inst["instance_id"] and word not in inst["instance_name"]:
            continue
        found.append(inst)
    return {"instance_set": [instance_view(i, cloud.tags) for i in page(p, found)], "total_count": len(found)}


def terminate_instances(cloud, zone, p):
    ids = listed(p, "instances")
    if not ids:
        raise ApiError(1100, "parameter [instances] should not be empty")
    for instance_id in ids:
        inst = cloud.instances.get(instance_id)
        if inst is None or inst["zone"] != zone or inst["status"] in ("terminated", "ceased"):
            raise ApiError(2100, "resource [%s] not found" % instance_id)
        if inst["status"] == "pending":
            raise ApiError(1400, "instance [%s] is pending, can not be terminated" % instance_id)
    for instance_id in ids:
        inst = cloud.instances[instance_id]
        inst["transition_status"], inst["terminate_at"] = "terminating", time.time()
    return {"job_id": cloud.job("TerminateInstances", zone, ids)}


def describe_jobs(cloud, zone, p):
    wanted = set(listed(p, "jobs"))
    statuses = set(listed(p, "status"))
    found = [j for j in cloud.jobs.values() if j["zone"] == zone and (not wanted or j["job_id"] in wanted)
             and (not statuses or j["status"] in statuses)]
    view = [{k: v for k, v in j.items() if k not in ("created", "zone")} for j in page(p, found)]
    return {"job_set": view, "total_count": len(found)}


def create_tag(cloud, zone, p):
    name = p.get("tag_name", "")
    if len(name) >= 15:
        raise ApiError(1100, "tag_name should be shorter than 15 characters")
    if any(t["tag_name"] == name for t in cloud.tags.values()):
        raise ApiError(2110, "tag [%s] already exists" % name)
    tag_id = new_id("tag")
    cloud.tags[tag_id] = {"tag_id": tag_id, "tag_name": name, "description": "", "create_time": now_iso()}
    return {"tag_id": tag_id}


def describe_tags(cloud, zone, p):
    wanted = set(listed(p, "tags"))
    word = p.get("search_word", "")
    found = [t for t in cloud.tags.values() if (not wanted or t["tag_id"] in wanted)
             and (not word or word in t["tag_name"])]
    view = []
    for tag in page(p, found):
        pairs = [{"tag_id": tag["tag_id"], "resource_type": "instance", "resource_id": i["instance_id"]}
                 for i in cloud.instances.values() if tag["tag_id"] in i["tags"]]
        item = dict(tag, resource_count=len(pairs))
        if p.get("verbose") == "1":
            item["resource_tag_pairs"] = pairs
        view.append(item)
    return {"tag_set": view, "total_count": len(found)}


def attach_tags(cloud, zone, p):
    indexes = sorted({int(m.group(1)) for k in p for m in [re.fullmatch(r"resource_tag_pairs\.(\d+)\.tag_id", k)] if m})
    if not indexes:
        raise ApiError(1100, "parameter [resource_tag_pairs] should not be empty")
    pairs = []
    for n in indexes:
        prefix = "resource_tag_pairs.%d." % n
        tag_id, kind, resource = p.get(prefix + "tag_id"), p.get(prefix + "resource_type"), p.get(prefix + "resource_id")
        if tag_id not in cloud.tags:
            raise ApiError(2100, "resource [%s] not found" % tag_id)
        if kind != "instance" or resource not in cloud.instances:
            raise ApiError(2100, "resource [%s] not found" % resource)
        pairs.append((tag_id, resource))
    for tag_id, resource in pairs:
        if tag_id not in cloud.instances[resource]["tags"]:
            cloud.instances[resource]["tags"].append(tag_id)
    return {}


def modify_tag_attributes(cloud, zone, p):
    tag = cloud.tags.get(require(p, "tag"))
    if tag is None:
        raise ApiError(2100, "resource [%s] not found" % p["tag"])
    if "description" in p:
        tag["description"] = p["description"]
    return {}


def describe_zones(cloud, zone, p):
    zones = sorted({i["zone"] for i in cloud.instances.values()} | set(ARGS.zones))
    return {"zone_set": [{"zone_id": z, "status": "active"} for z in zones], "total_count": len(zones)}


ACTIONS = {
    "RunInstances": run_instances, "DescribeInstances": describe_instances,
    "TerminateInstances": terminate_instances, "DescribeJobs": describe_jobs,
    "CreateTag": create_tag, "DescribeTags": describe_tags, "AttachTags": attach_tags,
    "ModifyTagAttributes": modify_tag_attributes, "DescribeZones": describe_zones,
}
ZONELESS = {"DescribeZones"}


def authenticate(method, path, params, keys):
    """QingCloud's checks of the common parameters and the signature; raises ApiError."""
    for name in ("action", "access_key_id", "signature_method", "signature_version", "time_stamp", "signature"):
        require(params, name)
    secret = keys.get(params["access_key_id"])
    if secret is None:
        raise ApiError(1200, "access key [%s] does not exist" % params["access_key_id"])
    if params["signature_method"] not in ("HmacSHA256", "HmacSHA1"):
        raise ApiError(1100, "signature_method should be HmacSHA256 or HmacSHA1")
    if params["signature_version"] != "1":
        raise ApiError(1100, "signature_version should be 1")
    expected = sign(method, path, params, secret, params["signature_method"])
    if not hmac.compare_digest(expected.encode(), params["signature"].encode()):
        raise ApiError(1200, "signature not match")
    try:
        sent = calendar.timegm(time.strptime(params["time_stamp"], "%Y-%m-%dT%H:%M:%SZ"))
    except ValueError:
        raise ApiError(1100, "time_stamp should be like 2013-08-27T13:58:35Z")
    if abs(time.time() - sent) > MAX_SKEW:
        raise ApiError(1300, "message expired, time_stamp [%s] is more than 60 seconds away" % params["time_stamp"])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass  # one line per call is printed by api(), without the secret-bearing query

    def reply(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/iaas", "/iaas/"):
            return self.api("GET", url.path, url.query)
        match = re.fullmatch(r"/metadata/(i-[a-z0-9]+)/userdata", url.path)
        if match:
            with CLOUD.lock:
                inst = CLOUD.instances.get(match.group(1))
                data = None if inst is None else inst["userdata"]
            return self.reply(404, b"no such instance\n", "text/plain") if data is None \
                else self.reply(200, data.encode("utf-8"), "text/plain")
        if url.path == "/testbed/health":
            return self.reply(200, {"ok": True})
        self.reply(404, b"not found\n", "text/plain")

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0)).decode("utf-8")
        if url.path in ("/iaas", "/iaas/"):
            return self.api("POST", url.path, body)
        if url.path == "/testbed/faults":
            fault = json.loads(body)
            with CLOUD.lock:
                CLOUD.faults[(fault["zone"], fault["action"])] = {
                    "ret_code": int(fault["ret_code"]), "times": int(fault.get("times", 1)),
                    "after": bool(fault.get("after", False))}
            return self.reply(200, {"ok": True})
        self.reply(404, b"not found\n", "text/plain")

    def api(self, method, path, query):
        # Decoded parameters, re-canonicalised for the check: never the raw wire string.
        params = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        action = params.get("action", "")
        try:
            authenticate(method, path, params, KEYS)
            handler = ACTIONS.get(action)
            if handler is None:
                raise ApiError(1101, "action [%s] is not supported" % action)
            zone = "" if action in ZONELESS else require(params, "zone")
            with CLOUD.lock:
                CLOUD.advance()
                fault, after = CLOUD.fault(zone, action)
                if fault and not after:
                    raise fault
                result = handler(CLOUD, zone, params)
                if fault:
                    raise fault  # done, but the answer is an error: what a lost answer looks like
            body = dict({"action": action + "Response", "ret_code": 0}, **result)
        except ApiError as e:
            body = {"ret_code": e.code, "message": str(e)}
        except (ValueError, KeyError) as e:
            body = {"ret_code": 1100, "message": "InvalidRequestFormat, %s" % e}
        if body["ret_code"] != 0 or not action.startswith("Describe"):
            print("%s %s %s zone=%s ret_code=%s" % (now_iso(), method, action or "-", params.get("zone", "-"),
                                                   body["ret_code"]), flush=True)
        self.reply(200, body)


def self_test():
    """QingCloud's published example (signature.md): the check refuses to start if it differs."""
    example = {"access_key_id": "QYACCESSKEYIDEXAMPLE", "action": "RunInstances", "count": "1",
               "image_id": "centos64x86a", "instance_name": "demo", "instance_type": "small_b",
               "login_mode": "passwd", "login_passwd": "QingCloud20130712", "signature_method": "HmacSHA256",
               "signature_version": "1", "time_stamp": "2013-08-27T14:30:10Z", "version": "1",
               "vxnets.1": "vxnet-0", "zone": "pek3a"}
    got = sign("GET", "/iaas/", example, "SECRETACCESSKEY")
    if got != "byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=":
        sys.exit("the signature check does not reproduce QingCloud's published example: " + got)


def main():
    global KEYS, CLOUD
    self_test()
    KEYS = {}
    with open(ARGS.credentials_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                KEYS[parts[0]] = parts[1]
    if not KEYS:
        sys.exit("no 'ACCESS_KEY_ID SECRET' line in " + ARGS.credentials_file)
    CLOUD = Cloud(ARGS.pending_seconds, ARGS.job_step_seconds)
    server = ThreadingHTTPServer((ARGS.host, ARGS.port), Handler)
    print("%s QingCloud stand-in on http://%s:%d/iaas/" % (now_iso(), ARGS.host, ARGS.port), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=15200)
    parser.add_argument("--credentials-file", required=True, help="lines of 'ACCESS_KEY_ID SECRET'")
    parser.add_argument("--zones", default="pek3a,testbed", type=lambda s: s.split(","))
    parser.add_argument("--pending-seconds", type=float, default=1.0)
    parser.add_argument("--job-step-seconds", type=float, default=0.5)
    ARGS = parser.parse_args()
    main()
