// Cluster: one cluster's Nodes, Workloads, Services, Pods and Events, each tab and filter in the URL hash.
import { useMemo } from "preact/hooks";
import { get, seg } from "../api";
import { useData } from "../data";
import { debounce, useLive } from "../live";
import { href, navigate } from "../router";
import { bytes, cores, shortImage } from "../format";
import type { ClusterChange, ClusterEvent, Node, Pod, Service, Workload } from "../types";
import { Bar } from "../components/Bar";
import { Badge, StateBadge } from "../components/Badge";
import { Table } from "../components/Table";
import { Age, PageHeader, Status, WorkloadName } from "../components/Common";

const TABS = [
  { id: "nodes", label: "Nodes" },
  { id: "workloads", label: "Workloads" },
  { id: "services", label: "Services" },
  { id: "pods", label: "Pods" },
  { id: "events", label: "Events" },
] as const;
type Tab = (typeof TABS)[number]["id"];

const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

interface TabProps {
  cluster: string;
  query: URLSearchParams;
}

/** Re-read when this cluster changed (debounced: a rollout changes it many times a second). */
function useClusterRefresh(cluster: string, reload: () => void): void {
  const refresh = useMemo(() => debounce(reload, 300), [reload]);
  useLive("cluster", (data) => {
    if (data === null || (data as ClusterChange).cluster === cluster) refresh();
  });
}

export function ClusterPage({ cluster, tab, query }: { cluster: string; tab?: string; query: URLSearchParams }) {
  const current = (TABS.find((t) => t.id === tab)?.id ?? "nodes") as Tab;
  const namespace = query.get("namespace") ?? "";
  const base = "/clusters/" + seg(cluster);
  return (
    <>
      <PageHeader title={<>Cluster {cluster}</>}>
        <a href="#/">All clusters</a>
      </PageHeader>
      <nav aria-label="Cluster views" class="cc-tabs">
        {TABS.map((t) => (
          <a key={t.id} href={href(`${base}/${t.id}`, { namespace: t.id === "nodes" ? undefined : namespace })} aria-current={t.id === current ? "page" : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      <div class="cc-card">
        {current === "nodes" && <Nodes cluster={cluster} query={query} />}
        {current === "workloads" && <Workloads cluster={cluster} query={query} />}
        {current === "services" && <Services cluster={cluster} query={query} />}
        {current === "pods" && <Pods cluster={cluster} query={query} />}
        {current === "events" && <Events cluster={cluster} query={query} />}
      </div>
    </>
  );
}

/** Replaces some of the current tab's query parameters (a filter changed). */
function setFilter(changes: Record<string, string>): void {
  const [path, qs = ""] = location.hash.slice(1).split("?", 2);
  const params = Object.fromEntries(new URLSearchParams(qs));
  navigate(path, { ...params, ...changes });
}

function NamespaceFilter({ cluster, value }: { cluster: string; value: string }) {
  const namespaces = useData(() => get<{ namespaces: string[] }>(`/clusters/${seg(cluster)}/namespaces`), [cluster]);
  return (
    <label class="cc-field">
      <span>Namespace</span>
      <select value={value} onChange={(e) => setFilter({ namespace: e.currentTarget.value, workload: "" })}>
        <option value="">All namespaces</option>
        {(namespaces.data?.namespaces ?? (value ? [value] : [])).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

function Nodes({ cluster }: TabProps) {
  const nodes = useData(() => get<{ nodes: Node[] }>(`/clusters/${seg(cluster)}/nodes`), [cluster]);
  useClusterRefresh(cluster, nodes.reload);
  const list = nodes.data?.nodes ?? [];
  return (
    <>
      <Status loading={nodes.loading} error={nodes.error} hasData={!!nodes.data} />
      {nodes.data && (
        <Table hideCaption caption="Nodes" columns={["Node", "Status", "Pool", "CPU requested", "Memory requested", "Pods", "Taints", "Age"]} rowCount={list.length}>
          {list.map((n) => (
            <tr key={n.name}>
              <th scope="row">
                <span class="cc-nowrap">{n.name}</span>
                <div class="cc-muted cc-small">
                  {[n.roles.join(", "), n.internalIp, n.kubeletVersion].filter(Boolean).join(" · ")}
                </div>
              </th>
              <td>
                <span class="cc-chips">
                  {n.ready ? <Badge tone="success">Ready</Badge> : <Badge tone="error">NotReady</Badge>}
                  {n.cordoned && <Badge tone="warning">cordoned</Badge>}
                </span>
              </td>
              <td>{n.pool ?? <span class="cc-muted">—</span>}</td>
              <td class="cc-cell-bar">
                <Bar compact label="CPU" value={n.cpu.requestedMillis} max={n.cpu.allocatableMillis} text={`${cores(n.cpu.requestedMillis)} / ${cores(n.cpu.allocatableMillis)}`} />
              </td>
              <td class="cc-cell-bar">
                <Bar compact label="Memory" value={n.memory.requestedBytes} max={n.memory.allocatableBytes} text={`${bytes(n.memory.requestedBytes)} / ${bytes(n.memory.allocatableBytes)}`} />
              </td>
              <td class="cc-cell-bar">
                <Bar compact label="Pods" value={n.pods.used} max={n.pods.allocatable} text={`${n.pods.used} / ${n.pods.allocatable}`} />
              </td>
              <td>
                {n.taints.length === 0 ? (
                  <span class="cc-muted">none</span>
                ) : (
                  <span class="cc-chips">
                    {n.taints.map((t) => (
                      <code key={t.key + t.effect} class="cc-chip">
                        {t.key}
                        {t.value ? "=" + t.value : ""}:{t.effect}
                      </code>
                    ))}
                  </span>
                )}
              </td>
              <td>
                <Age time={n.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function Images({ images }: { images: string[] | Record<string, string> }) {
  const entries = Array.isArray(images) ? images.map((i) => ["", i]) : Object.entries(images);
  return (
    <span class="cc-images">
      {entries.map(([container, image]) => (
        <code key={container + image} title={image}>
          {container && <span class="cc-muted">{container}: </span>}
          {shortImage(image)}
        </code>
      ))}
    </span>
  );
}

function Workloads({ cluster, query }: TabProps) {
  const namespace = query.get("namespace") ?? "";
  const workloads = useData(() => get<{ workloads: Workload[] }>(`/clusters/${seg(cluster)}/workloads`, { namespace }), [cluster, namespace]);
  useClusterRefresh(cluster, workloads.reload);
  const list = workloads.data?.workloads ?? [];
  return (
    <>
      <div class="cc-filters">
        <NamespaceFilter cluster={cluster} value={namespace} />
      </div>
      <Status loading={workloads.loading} error={workloads.error} hasData={!!workloads.data} />
      {workloads.data && (
        <Table hideCaption caption="Workloads" columns={["Workload", "Namespace", "Desired", "Ready", "Available", "Up to date", "Images", "Health", "Last rollout"]} rowCount={list.length}>
          {list.map((w) => (
            <tr key={w.kind + w.namespace + w.name}>
              <th scope="row">
                <a href={href(`/clusters/${seg(cluster)}/pods`, { namespace: w.namespace, workload: `${w.kind}/${w.name}` })} title="Show its pods">
                  <WorkloadName kind={w.kind} name={w.name} />
                </a>
                {w.owner && <div class="cc-muted cc-small">owned by {w.owner}</div>}
              </th>
              <td>{w.namespace}</td>
              <td class="cc-num">{w.desired}</td>
              <td class="cc-num">{w.ready}</td>
              <td class="cc-num">{w.available}</td>
              <td class="cc-num">{w.updated}</td>
              <td>
                <Images images={w.images} />
              </td>
              <td>
                <StateBadge state={w.health} />
                {w.healthReason && <div class="cc-muted cc-small">{w.healthReason}</div>}
              </td>
              <td>
                {w.lastRollout ? (
                  <a href={"#/history/" + seg(w.lastRollout.id)} class="cc-nowrap">
                    <StateBadge state={w.lastRollout.outcome} /> <Age time={w.lastRollout.startedAt} />
                  </a>
                ) : (
                  <span class="cc-muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function Services({ cluster, query }: TabProps) {
  const namespace = query.get("namespace") ?? "";
  const services = useData(() => get<{ services: Service[] }>(`/clusters/${seg(cluster)}/services`, { namespace }), [cluster, namespace]);
  useClusterRefresh(cluster, services.reload);
  const list = services.data?.services ?? [];
  return (
    <>
      <div class="cc-filters">
        <NamespaceFilter cluster={cluster} value={namespace} />
      </div>
      <Status loading={services.loading} error={services.error} hasData={!!services.data} />
      {services.data && (
        <Table hideCaption caption="Services" columns={["Service", "Namespace", "Type", "Cluster IP", "Ports", "Selector", "Ready endpoints", "Pods"]} rowCount={list.length}>
          {list.map((s) => (
            <tr key={s.namespace + s.name}>
              <th scope="row">{s.name}</th>
              <td>{s.namespace}</td>
              <td>{s.type}</td>
              <td>{s.clusterIp ?? <span class="cc-muted">—</span>}</td>
              <td class="cc-nowrap">
                {s.ports.map((p) => (
                  <div key={p.port + p.protocol}>
                    {p.name ? p.name + " " : ""}
                    {p.port}
                    {p.targetPort && p.targetPort !== String(p.port) ? "→" + p.targetPort : ""}/{p.protocol}
                  </div>
                ))}
              </td>
              <td>
                <span class="cc-chips">
                  {Object.entries(s.selector).map(([k, v]) => (
                    <code key={k} class="cc-chip">
                      {k}={v}
                    </code>
                  ))}
                </span>
              </td>
              <td>
                <Badge tone={s.totalEndpoints > 0 && s.readyEndpoints === s.totalEndpoints ? "success" : s.readyEndpoints === 0 ? "error" : "warning"}>
                  {s.readyEndpoints} / {s.totalEndpoints}
                </Badge>
              </td>
              <td>
                <ul class="cc-pod-chips" aria-label={`Pods behind ${s.name}`}>
                  {s.pods.map((p) => (
                    <li key={p.name} class={"cc-pod-chip " + (p.ready ? "cc-pod-chip--ready" : "cc-pod-chip--not-ready")} title={[p.podIp, p.node, ...p.images].filter(Boolean).join("\n")}>
                      {p.name}
                      <span class="cc-visually-hidden">{p.ready ? " (ready)" : " (not ready)"}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function Pods({ cluster, query }: TabProps) {
  const namespace = query.get("namespace") ?? "";
  const workload = query.get("workload") ?? "";
  const phase = query.get("phase") ?? "";
  const pods = useData(() => get<{ pods: Pod[]; total: number }>(`/clusters/${seg(cluster)}/pods`, { namespace, workload, phase }), [cluster, namespace, workload, phase]);
  const workloads = useData(() => get<{ workloads: Workload[] }>(`/clusters/${seg(cluster)}/workloads`, { namespace }), [cluster, namespace]);
  useClusterRefresh(cluster, pods.reload);
  const list = pods.data?.pods ?? [];
  const workloadNames = (workloads.data?.workloads ?? []).map((w) => `${w.kind}/${w.name}`);
  if (workload && !workloadNames.includes(workload)) workloadNames.unshift(workload);
  return (
    <>
      <div class="cc-filters">
        <NamespaceFilter cluster={cluster} value={namespace} />
        <label class="cc-field">
          <span>Workload</span>
          <select value={workload} onChange={(e) => setFilter({ workload: e.currentTarget.value })}>
            <option value="">All workloads</option>
            {[...new Set(workloadNames)].map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label class="cc-field">
          <span>Phase</span>
          <select value={phase} onChange={(e) => setFilter({ phase: e.currentTarget.value })}>
            <option value="">All phases</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Status loading={pods.loading} error={pods.error} hasData={!!pods.data} />
      {pods.data && pods.data.total > list.length && (
        <p class="cc-alert cc-alert--info" role="status">
          Showing the first {list.length} of {pods.data.total} pods, by namespace and name: narrow them with the filters above.
        </p>
      )}
      {pods.data && (
        <Table hideCaption caption="Pods" columns={["Pod", "Namespace", "Phase", "Ready", "Restarts", "Node", "Workload", "Images", "Age"]} rowCount={list.length} empty="No pod matches these filters.">
          {list.map((p) => (
            <tr key={p.namespace + p.name}>
              <th scope="row">
                <span class="cc-nowrap">{p.name}</span>
                {p.podIp && <div class="cc-muted cc-small">{p.podIp}</div>}
              </th>
              <td>{p.namespace}</td>
              <td>
                <span class="cc-chips">
                  <StateBadge state={p.phase} />
                  {p.unschedulable && <Badge tone="warning">unschedulable</Badge>}
                </span>
              </td>
              <td>
                {p.ready ? <Badge tone="success">ready</Badge> : <Badge tone="error">not ready</Badge>}
                {p.notReadyReason && <div class="cc-small cc-reason">{p.notReadyReason}</div>}
              </td>
              <td class={"cc-num" + (p.restarts > 0 ? " cc-warn-text" : "")}>{p.restarts}</td>
              <td class="cc-nowrap">{p.node ?? <span class="cc-muted">—</span>}</td>
              <td class="cc-nowrap">{p.workload ?? <span class="cc-muted">—</span>}</td>
              <td>
                <Images images={p.images} />
              </td>
              <td>
                <Age time={p.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function Events({ cluster, query }: TabProps) {
  const namespace = query.get("namespace") ?? "";
  const type = query.get("type") ?? "";
  const events = useData(() => get<{ events: ClusterEvent[] }>(`/clusters/${seg(cluster)}/events`, { namespace, type, limit: "200" }), [cluster, namespace, type]);
  useClusterRefresh(cluster, events.reload);
  const list = events.data?.events ?? [];
  return (
    <>
      <div class="cc-filters">
        <NamespaceFilter cluster={cluster} value={namespace} />
        <label class="cc-field">
          <span>Type</span>
          <select value={type} onChange={(e) => setFilter({ type: e.currentTarget.value })}>
            <option value="">All events</option>
            <option value="Warning">Warnings only</option>
          </select>
        </label>
      </div>
      <Status loading={events.loading} error={events.error} hasData={!!events.data} />
      {events.data && (
        <Table hideCaption caption="Events, newest first" columns={["Last seen", "Type", "Reason", "Object", "Namespace", "Message", "Count"]} rowCount={list.length}>
          {list.map((e, i) => (
            <tr key={i} class={e.type === "Warning" ? "cc-row--warning" : undefined}>
              <th scope="row">
                <Age time={e.lastSeen} />
              </th>
              <td>
                <StateBadge state={e.type} />
              </td>
              <td>{e.reason}</td>
              <td class="cc-nowrap">{e.object}</td>
              <td>{e.namespace}</td>
              <td class="cc-message">{e.message}</td>
              <td class="cc-num">{e.count}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
