// Overview: one card per cluster, all from one GET /clusters; re-read when a cluster changes.
import { useMemo } from "preact/hooks";
import { get } from "../api";
import { useData } from "../data";
import { debounce, useLive } from "../live";
import { bytes, cores } from "../format";
import type { ClusterEntry, ClusterSummary } from "../types";
import { Bar } from "../components/Bar";
import { Badge } from "../components/Badge";
import { Age, PageHeader, Status } from "../components/Common";

export function Overview() {
  const clusters = useData(() => get<{ clusters: ClusterEntry[] }>("/clusters"), []);
  const refresh = useMemo(() => debounce(clusters.reload, 300), [clusters.reload]);
  useLive("cluster", refresh);

  const list = clusters.data?.clusters ?? [];
  return (
    <>
      <PageHeader title="Clusters" />
      <Status loading={clusters.loading} error={clusters.error} hasData={!!clusters.data} />
      {clusters.data && list.length === 0 && <p class="cc-muted">No cluster is configured.</p>}
      <div class="cc-grid">
        {list.map((c) => (
          <ClusterCard key={c.name} entry={c} />
        ))}
      </div>
    </>
  );
}

function ClusterCard({ entry }: { entry: ClusterEntry }) {
  const s = entry.summary;
  return (
    <section class="cc-card cc-cluster-card" aria-labelledby={"cc-cluster-" + entry.name}>
      <div class="cc-card__head">
        <h2 class="cc-card__title" id={"cc-cluster-" + entry.name}>
          <a href={"#/clusters/" + encodeURIComponent(entry.name)}>{entry.name}</a>
        </h2>
        {entry.status === "connected" ? <Badge tone="success">connected</Badge> : <Badge tone="error">unreachable</Badge>}
        {entry.sandbox && <Badge tone="info">sandbox</Badge>}
      </div>
      <p class="cc-muted cc-small cc-break">
        {entry.server}
        {entry.version && <> · Kubernetes {entry.version}</>}
      </p>
      {entry.status === "unreachable" || !s ? (
        <p class="cc-alert cc-alert--error">{entry.error ?? "The cluster could not be reached."}</p>
      ) : (
        <SummaryBody s={s} cluster={entry.name} />
      )}
    </section>
  );
}

function SummaryBody({ s, cluster }: { s: ClusterSummary; cluster: string }) {
  const base = "#/clusters/" + encodeURIComponent(cluster);
  return (
    <>
      <dl class="cc-facts">
        <div>
          <dt>Nodes ready</dt>
          <dd>
            <a href={base + "/nodes"}>
              {s.nodes.ready} / {s.nodes.total}
            </a>
            {s.nodes.cordoned > 0 && <span class="cc-muted">{s.nodes.cordoned} cordoned</span>}
          </dd>
        </div>
        <div>
          <dt>Unschedulable pods</dt>
          <dd>
            {s.unschedulablePods > 0 ? (
              <a href={base + "/pods?phase=Pending"}>
                <Badge tone="warning">{s.unschedulablePods}</Badge>
              </a>
            ) : (
              "0"
            )}
          </dd>
        </div>
        <div>
          <dt>Warnings, last hour</dt>
          <dd>
            {s.warningEventsLastHour > 0 ? (
              <a href={base + "/events?type=Warning"}>
                <Badge tone="warning">{s.warningEventsLastHour}</Badge>
              </a>
            ) : (
              "0"
            )}
          </dd>
        </div>
      </dl>
      <Bar label="CPU requested" value={s.cpu.requestedMillis} max={s.cpu.allocatableMillis} text={`${cores(s.cpu.requestedMillis)} / ${cores(s.cpu.allocatableMillis)}`} />
      <Bar
        label="Memory requested"
        value={s.memory.requestedBytes}
        max={s.memory.allocatableBytes}
        text={`${bytes(s.memory.requestedBytes)} / ${bytes(s.memory.allocatableBytes)}`}
      />
      <Bar label="Pod slots" value={s.podSlots.used} max={s.podSlots.allocatable} text={`${s.podSlots.used} / ${s.podSlots.allocatable}`} />
      <div class="cc-row">
        <span class="cc-row__label">Pods</span>
        <span class="cc-chips">
          <Badge tone="success">{s.pods.Running} running</Badge>
          {s.pods.Pending > 0 && <Badge tone="warning">{s.pods.Pending} pending</Badge>}
          {s.pods.Failed > 0 && <Badge tone="error">{s.pods.Failed} failed</Badge>}
          {s.pods.Succeeded > 0 && <Badge tone="neutral">{s.pods.Succeeded} succeeded</Badge>}
          {s.pods.Unknown > 0 && <Badge tone="warning">{s.pods.Unknown} unknown</Badge>}
        </span>
      </div>
      <div class="cc-row">
        <span class="cc-row__label">
          <a href={base + "/workloads"}>Workloads</a>
        </span>
        <span class="cc-chips">
          <Badge tone="success">{s.workloads.healthy} healthy</Badge>
          {s.workloads.progressing > 0 && <Badge tone="info">{s.workloads.progressing} progressing</Badge>}
          {s.workloads.degraded > 0 && <Badge tone="error">{s.workloads.degraded} degraded</Badge>}
        </span>
      </div>
      <p class="cc-muted cc-small">
        Updated <Age time={s.generatedAt} />
      </p>
    </>
  );
}
