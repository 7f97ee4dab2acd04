// Dev tool: serves the built bundle under the production CSP with fixture JSON per docs/api/README.md and a live SSE stream.
// Usage: npm run build && node dev/mock-server.mjs
// env: PORT, ROLES, PERMISSIONS, FEATURES, NOTICE, USER_NAME, LIVE=poll, THEME=dark, EXPIRED=1 (every API call 401), RAW=1 (index.html unfilled)
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIST = fileURLToPath(new URL("../target/generated-resources/ui/io/jenkins/plugins/containercloud/ui/", import.meta.url));
const PORT = Number(process.env.PORT ?? 8087);
const CSP =
  "default-src 'self'; style-src 'report-sample' 'self' 'unsafe-inline'; script-src 'report-sample' 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
const TOKEN = "mock-csrf-token";
const ago = (s) => new Date(Date.now() - s * 1000).toISOString();
const GiB = 1024 ** 3;

// ---- fixtures ----
const nodes = [0, 1, 2, 3, 4].map((i) => ({
  name: `ip-10-0-1-${20 + i}.eu-west-1.compute.internal`,
  ready: i !== 4,
  cordoned: i === 3,
  taints: i === 3 ? [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }] : i === 0 ? [{ key: "dedicated", value: "ingress", effect: "NoSchedule" }] : [],
  pool: i < 3 ? "general" : "batch",
  createdAt: ago(86400 * (9 - i) + 3600 * i),
  roles: i === 0 ? ["control-plane"] : ["worker"],
  internalIp: `10.0.1.${20 + i}`,
  kubeletVersion: "v1.36.1",
  cpu: { requestedMillis: [3400, 1800, 3850, 200, 0][i], allocatableMillis: 3920 },
  memory: { requestedBytes: [6, 9.5, 14.8, 1, 0][i] * GiB, allocatableBytes: 15.2 * GiB },
  pods: { used: [22, 18, 31, 3, 0][i], allocatable: 58 },
}));
const img = (n, v) => `registry.example.com/shop/${n}:${v}`;
const workloads = [
  { kind: "Deployment", namespace: "shop", name: "api", desired: 4, current: 4, ready: 4, available: 4, updated: 4, images: { api: img("api", "1.4.2"), envoy: "envoyproxy/envoy:v1.31" }, health: "healthy", createdAt: ago(864000), lastRollout: { id: "d-1042", outcome: "SUCCEEDED", startedAt: ago(5400), imageAfter: img("api", "1.4.2") } },
  { kind: "ReplicaSet", namespace: "shop", name: "api-7c9f6d5b8", owner: "Deployment/api", desired: 4, current: 4, ready: 4, available: 4, updated: 4, images: { api: img("api", "1.4.2") }, health: "healthy", createdAt: ago(5400) },
  { kind: "Deployment", namespace: "shop", name: "checkout", desired: 3, current: 4, ready: 2, available: 2, updated: 2, images: { checkout: img("checkout", "2.0.0") }, health: "progressing", healthReason: "2 of 3 updated replicas available", createdAt: ago(400000), lastRollout: { id: "d-1045", outcome: "RUNNING", startedAt: ago(40), imageAfter: img("checkout", "2.0.0") } },
  { kind: "ReplicationController", namespace: "legacy", name: "billing-v7", desired: 2, current: 2, ready: 1, available: 1, updated: 2, images: { billing: img("billing", "7.0.1") }, health: "degraded", healthReason: "1 pod in CrashLoopBackOff", createdAt: ago(90000), lastRollout: { id: "d-1043", outcome: "ROLLED_BACK", startedAt: ago(90000), imageAfter: img("billing", "7.1.0") } },
];
const pods = [
  ...[0, 1, 2, 3].map((i) => ({ namespace: "shop", name: `api-7c9f6d5b8-${["x2kq9", "m8d7p", "q1w2e", "z9y8x"][i]}`, phase: "Running", ready: true, restarts: i === 2 ? 1 : 0, node: nodes[i % 3].name, podIp: `10.244.${i}.14`, images: [img("api", "1.4.2")], workload: "Deployment/api", createdAt: ago(5300), unschedulable: false })),
  { namespace: "shop", name: "checkout-5d8f7-abcde", phase: "Running", ready: true, restarts: 0, node: nodes[1].name, podIp: "10.244.1.40", images: [img("checkout", "2.0.0")], workload: "Deployment/checkout", createdAt: ago(35), unschedulable: false },
  { namespace: "shop", name: "checkout-5d8f7-fghij", phase: "Pending", ready: false, restarts: 0, images: [img("checkout", "2.0.0")], workload: "Deployment/checkout", createdAt: ago(20), unschedulable: true, notReadyReason: "Unschedulable: 0/5 nodes are available: 3 Insufficient cpu, 1 node(s) were unschedulable, 1 node(s) had untolerated taint." },
  { namespace: "legacy", name: "billing-v7-k2l3m", phase: "Running", ready: false, restarts: 17, node: nodes[2].name, podIp: "10.244.2.9", images: [img("billing", "7.0.1")], workload: "ReplicationController/billing-v7", createdAt: ago(90000), unschedulable: false, notReadyReason: "CrashLoopBackOff: back-off 5m0s restarting failed container=billing" },
  { namespace: "legacy", name: "billing-v7-n4o5p", phase: "Running", ready: true, restarts: 0, node: nodes[0].name, podIp: "10.244.0.7", images: [img("billing", "7.0.1")], workload: "ReplicationController/billing-v7", createdAt: ago(90000), unschedulable: false },
];
const services = [
  { namespace: "shop", name: "api", type: "ClusterIP", clusterIp: "10.96.12.4", ports: [{ port: 80, targetPort: 8080, protocol: "TCP", name: "http" }], selector: { app: "api" }, readyEndpoints: 4, totalEndpoints: 4, pods: pods.slice(0, 4).map((p) => ({ name: p.name, ready: p.ready, podIp: p.podIp, node: p.node, images: p.images })) },
  { namespace: "legacy", name: "billing", type: "NodePort", clusterIp: "10.96.40.2", ports: [{ port: 9000, targetPort: "http", protocol: "TCP" }], selector: { app: "billing", tier: "backend" }, readyEndpoints: 1, totalEndpoints: 2, pods: pods.slice(6).map((p) => ({ name: p.name, ready: p.ready, podIp: p.podIp, node: p.node, images: p.images })) },
  { namespace: "shop", name: "payments-gateway", type: "ClusterIP", clusterIp: "10.96.3.3", ports: [{ port: 443, targetPort: 8443, protocol: "TCP" }], selector: { app: "payments" }, readyEndpoints: 0, totalEndpoints: 0, pods: [] },
];
const events = [
  { namespace: "shop", type: "Warning", reason: "FailedScheduling", message: pods[5].notReadyReason.replace("Unschedulable: ", ""), object: "Pod/" + pods[5].name, count: 3, lastSeen: ago(15) },
  { namespace: "shop", type: "Normal", reason: "ScalingReplicaSet", message: "Scaled up replica set checkout-5d8f7 to 2", object: "Deployment/checkout", count: 1, lastSeen: ago(35) },
  { namespace: "legacy", type: "Warning", reason: "BackOff", message: "Back-off restarting failed container billing in pod billing-v7-k2l3m", object: "Pod/billing-v7-k2l3m", count: 212, lastSeen: ago(70) },
  { namespace: "shop", type: "Normal", reason: "Pulled", message: `Successfully pulled image "${img("checkout", "2.0.0")}" in 1.2s`, object: "Pod/checkout-5d8f7-abcde", count: 1, lastSeen: ago(38) },
];
const summary = (cluster) => ({
  cluster, generatedAt: ago(2),
  nodes: { total: 5, ready: 4, cordoned: 1 },
  cpu: { requestedMillis: 9250, allocatableMillis: 19600 },
  memory: { requestedBytes: 31.3 * GiB, allocatableBytes: 76 * GiB },
  podSlots: { used: 74, allocatable: 290 },
  pods: { total: 74, Pending: 1, Running: 71, Succeeded: 2, Failed: 0, Unknown: 0 },
  workloads: { total: 24, healthy: 22, progressing: 1, degraded: 1 },
  unschedulablePods: 1, warningEventsLastHour: 7,
});
const clusters = () => [
  { name: "prod-eu", server: "https://k8s.prod-eu.example.com:6443", version: "v1.36.1", sandbox: false, status: "connected", summary: summary("prod-eu") },
  { name: "sandbox", server: "in-process sandbox", version: "v1.36.0", sandbox: true, status: "connected", summary: { ...summary("sandbox"), nodes: { total: 2, ready: 2, cordoned: 0 }, cpu: { requestedMillis: 7400, allocatableMillis: 8000 }, memory: { requestedBytes: 3 * GiB, allocatableBytes: 16 * GiB }, podSlots: { used: 12, allocatable: 220 }, pods: { total: 12, Pending: 0, Running: 12, Succeeded: 0, Failed: 0, Unknown: 0 }, workloads: { total: 3, healthy: 3, progressing: 0, degraded: 0 }, unschedulablePods: 0, warningEventsLastHour: 0 } },
  { name: "edge-ap", server: "https://10.20.0.1:6443", version: "", sandbox: false, status: "unreachable", error: "The API server at https://10.20.0.1:6443 did not answer within 10 seconds (connect timed out)." },
];
const deployments = [
  { id: "d-1045", cluster: "prod-eu", namespace: "shop", kind: "Deployment", name: "checkout", container: "checkout", imageBefore: img("checkout", "1.9.3"), imageAfter: img("checkout", "2.0.0"), strategy: "Deployment", parameters: { maxSurge: "25%", maxUnavailable: "0" }, trigger: "webhook", triggeredBy: "harbor: shop/checkout:2.0.0", startedAt: ago(40), outcome: "RUNNING" },
  { id: "d-1044", cluster: "prod-eu", namespace: "shop", kind: "Deployment", name: "api", container: "api", imageBefore: img("api", "1.4.1"), imageAfter: img("api", "1.4.2"), strategy: "Deployment", parameters: {}, trigger: "build", triggeredBy: "shop-api #212", startedAt: ago(5400), finishedAt: ago(5310), outcome: "SUCCEEDED" },
  { id: "d-1043", cluster: "prod-eu", namespace: "legacy", kind: "ReplicationController", name: "billing-v7", imageBefore: img("billing", "7.0.1"), imageAfter: img("billing", "7.1.0"), strategy: "RollingUpdate", parameters: { updatePeriod: "10s" }, trigger: "user", triggeredBy: "alice", startedAt: ago(90000), finishedAt: ago(89700), outcome: "ROLLED_BACK", reason: "New pods did not become ready within 300 s (billing-v8-x1: CrashLoopBackOff); rolled back to billing:7.0.1." },
  { id: "d-1042", cluster: "sandbox", namespace: "default", kind: "Deployment", name: "web", imageBefore: "web:1", imageAfter: "web:2", strategy: "Deployment", parameters: {}, trigger: "cli", triggeredBy: "bob", startedAt: ago(200000), finishedAt: ago(199900), outcome: "FAILED", reason: "Image web:2 could not be pulled: manifest unknown." },
];
const devents = (id) => [
  { sequence: 1, time: ago(40), type: "step", message: `Started ${id}: set image` },
  { sequence: 2, time: ago(35), type: "replicas", message: "checkout-5d8f7: 1 of 3 ready" },
  { sequence: 3, time: ago(20), type: "pod-problem", message: "checkout-5d8f7-fghij: Unschedulable: 0/5 nodes are available" },
];

// A rollout that progresses by itself, step by step, and is told to the stream.
let seq = 100;
const rollout = {
  id: "r-77", cluster: "prod-eu", namespace: "shop", kind: "Deployment", name: "checkout", container: "checkout",
  image: img("checkout", "2.0.0"), imageBefore: img("checkout", "1.9.3"), action: "deploy", triggeredBy: "harbor webhook",
  startedAt: ago(40), state: "RUNNING", steps: [], events: [{ sequence: 1, time: ago(40), type: "step", message: "Set image checkout=registry.example.com/shop/checkout:2.0.0 (change-cause recorded)" }],
};
const done = { ...rollout, id: "r-76", name: "api", image: img("api", "1.4.2"), imageBefore: img("api", "1.4.1"), triggeredBy: "shop-api #212", startedAt: ago(700), finishedAt: ago(610), state: "SUCCEEDED",
  steps: [0, 1, 2, 3, 4].map((i) => ({ time: ago(700 - i * 20), oldName: "api-5f5", oldReplicas: 4 - i, oldReady: 4 - i, newName: "api-7c9", newReplicas: i === 0 ? 1 : Math.min(4, i + 1), newReady: i, newAvailable: i, desired: 4 })),
  events: [{ sequence: 1, time: ago(700), type: "step", message: "Set image" }, { sequence: 2, time: ago(610), type: "finished", message: "4 of 4 replicas updated and available" }] };
let step = 0;
const started = []; // rollouts started through the API (rollbacks)
const clientsSse = new Set();
function emit(type, data) {
  const msg = `id: ${++seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  for (const res of clientsSse) res.write(msg);
}
setInterval(() => {
  if (rollout.state !== "RUNNING") return;
  const desired = 6;
  step++;
  const newReplicas = Math.min(desired, step + 1), newReady = Math.min(desired, step), oldReplicas = Math.max(0, desired - step);
  rollout.steps.push({ time: new Date().toISOString(), oldName: "checkout-6b7", oldReplicas, oldReady: oldReplicas, newName: "checkout-5d8f7", newReplicas, newReady, newAvailable: newReady, desired });
  rollout.events.push({ sequence: rollout.events.length + 1, time: new Date().toISOString(), type: "replicas", message: `checkout-5d8f7: ${newReady} of ${desired} ready; checkout-6b7: ${oldReplicas}` });
  if (step === 3) rollout.events.push({ sequence: rollout.events.length + 1, time: new Date().toISOString(), type: "pod-problem", message: "checkout-5d8f7-fghij: Unschedulable: 0/5 nodes are available: 3 Insufficient cpu" });
  if (newReady === desired) {
    rollout.state = "SUCCEEDED";
    rollout.finishedAt = new Date().toISOString();
    rollout.events.push({ sequence: rollout.events.length + 1, time: rollout.finishedAt, type: "finished", message: "6 of 6 replicas updated and available" });
  }
  emit("rollout", rollout);
  emit("cluster", { cluster: "prod-eu", kinds: ["pods", "workloads"] });
}, 2500);
setInterval(() => { for (const res of clientsSse) res.write(": keep-alive\n\n"); }, 15000);

// ---- HTTP ----
const json = (res, status, body) => { res.writeHead(status, { "Content-Type": "application/json", "Content-Security-Policy": CSP }); res.end(JSON.stringify(body)); };
const fail = (res, status, message, field) => json(res, status, { error: { status, message, ...(field ? { field } : {}) } });
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const types = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html; charset=utf-8" };
const filter = (list, q, map) => list.filter((x) => Object.entries(map).every(([param, get]) => !q.get(param) || get(x) === q.get(param)));

function api(req, res, path, q, body) {
  let m;
  if (req.method === "GET" && path === "/clusters") return json(res, 200, { clusters: clusters() });
  if ((m = path.match(/^\/clusters\/([^/]+)\/(\w+)$/)) && req.method === "GET") {
    const [, , what] = m;
    if (decodeURIComponent(m[1]) === "edge-ap") return fail(res, 503, "The cluster edge-ap is unreachable: connect timed out.");
    const ns = { namespace: (x) => x.namespace };
    switch (what) {
      case "summary": return json(res, 200, summary(decodeURIComponent(m[1])));
      case "namespaces": return json(res, 200, { namespaces: ["default", "kube-system", "legacy", "shop"] });
      case "nodes": return json(res, 200, { nodes });
      case "workloads": return json(res, 200, { workloads: filter(workloads, q, ns) });
      case "services": return json(res, 200, { services: filter(services, q, ns) });
      case "pods": return json(res, 200, { pods: filter(pods, q, { ...ns, workload: (x) => x.workload, phase: (x) => x.phase }) });
      case "events": return json(res, 200, { events: filter(events, q, { ...ns, type: (x) => x.type }) });
    }
  }
  if (req.method === "GET" && path === "/deployments")
    return json(res, 200, { deployments: filter(deployments, q, Object.fromEntries(["cluster", "namespace", "kind", "name", "outcome", "trigger"].map((k) => [k, (x) => x[k]]))) });
  if (req.method === "GET" && (m = path.match(/^\/deployments\/([^/]+)$/))) {
    const d = deployments.find((x) => x.id === m[1]);
    return d ? json(res, 200, { deployment: d, events: devents(d.id) }) : fail(res, 404, `No deployment ${m[1]}.`);
  }
  if (req.method === "GET" && path === "/rollouts") return json(res, 200, { rollouts: [...started, rollout, done] });
  if (req.method === "GET" && (m = path.match(/^\/rollouts\/([^/]+)$/))) {
    const r = [...started, rollout, done].find((x) => x.id === m[1]);
    return r ? json(res, 200, r) : fail(res, 404, `No rollout ${m[1]}.`);
  }
  if (req.method === "POST") {
    if (req.headers["x-csrf-token"] !== TOKEN) return fail(res, 403, "The CSRF token is missing or wrong; reload the page.");
    if (req.headers["content-type"] !== "application/json") return fail(res, 415, "Send JSON.");
    if (path === "/rollouts") {
      if (!body.image || !body.image.includes(":")) return fail(res, 400, "The image needs a tag or digest, e.g. shop/api:1.4.3.", "image");
      if (body.name === "missing") return fail(res, 400, `No ${body.kind} named missing in ${body.namespace}.`, "name");
      return json(res, 202, rollout);
    }
    if ((m = path.match(/^\/rollouts\/([^/]+)\/abort$/))) { rollout.state = "ABORTING"; emit("rollout", rollout); return json(res, 202, rollout); }
    if ((m = path.match(/^\/deployments\/([^/]+)\/rollback$/))) {
      const d = deployments.find((x) => x.id === m[1]);
      const r = { ...done, id: "r-" + ++seq, cluster: d.cluster, namespace: d.namespace, kind: d.kind, name: d.name, image: d.imageBefore, imageBefore: d.imageAfter, action: "rollback", triggeredBy: "alice", startedAt: new Date().toISOString(), finishedAt: undefined, state: "RUNNING", steps: [], events: [] };
      started.unshift(r);
      return json(res, 202, r);
    }
  }
  return fail(res, 404, `No such resource: ${req.method} ${path}`);
}

createServer((req, res) => {
  const u = new URL(req.url, "http://localhost");
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    if (u.pathname === "/api/v1/stream") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", "Content-Security-Policy": CSP });
      res.write(": hello\n\n");
      clientsSse.add(res);
      req.on("close", () => clientsSse.delete(res));
      return;
    }
    if (u.pathname.startsWith("/api/v1/") && process.env.EXPIRED) return fail(res, 401, "Log in first.");
    if (u.pathname.startsWith("/api/v1/")) {
      let body = {};
      try { body = raw ? JSON.parse(raw) : {}; } catch { return fail(res, 400, "Body is not JSON."); }
      return setTimeout(() => api(req, res, u.pathname.slice(7), u.searchParams, body), 120);
    }
    if (u.pathname === "/login" && req.method === "POST") {
      const ok = new URLSearchParams(raw).get("password") === "demo";
      res.writeHead(303, { Location: ok ? "/" : "/login?error=1" });
      return res.end();
    }
    if (u.pathname === "/logout" && req.method === "POST") { res.writeHead(303, { Location: "/login" }); return res.end(); }
    const file = u.pathname === "/" ? "index.html" : u.pathname === "/login" ? "login.html" : u.pathname.slice(1);
    const full = DIST + file;
    if (file.includes("..") || !existsSync(full)) { res.writeHead(404, { "Content-Security-Policy": CSP }); return res.end("not found"); }
    let content = readFileSync(full);
    if (file === "index.html" && !process.env.RAW) {
      const values = { apiBase: "/api/v1", csrfHeader: "X-CSRF-Token", csrfToken: TOKEN, user: process.env.USER_NAME ?? "alice", roles: process.env.ROLES ?? "viewer,deployer", permissions: process.env.PERMISSIONS ?? "view,deploy,rollback,scale", features: process.env.FEATURES ?? "", notice: process.env.NOTICE ?? "", logoutUrl: "/logout" };
      content = content.toString().replace(/\{\{(\w+)\}\}/g, (_, k) => esc(values[k] ?? ""));
      if (process.env.LIVE === "poll") content = content.replace('id="container-cloud-app"', 'id="container-cloud-app" data-live="poll"');
      if (process.env.THEME) content = content.replace('id="container-cloud-app"', `id="container-cloud-app" data-theme="${process.env.THEME}"`);
    }
    const ext = file.slice(file.lastIndexOf("."));
    res.writeHead(200, { "Content-Type": types[ext] ?? "application/octet-stream", "Content-Security-Policy": CSP });
    res.end(content);
  });
}).listen(PORT, "127.0.0.1", () => console.log(`mock server on http://127.0.0.1:${PORT}/`));
