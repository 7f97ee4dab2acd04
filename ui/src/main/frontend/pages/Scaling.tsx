// Scaling: the node-pool autoscalers (GET /scaling) — each pool's machines by state, the pending pods
// and why they wait, a chart of nodes and pending pods over the last minutes — and the decision log
// (GET /scaling/decisions). Refreshed every 5 s. Those who may scale add nodes to a pool and remove a node.
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { config } from "../config";
import { useData } from "../data";
import { Badge } from "../components/Badge";
import { Table } from "../components/Table";
import { Age, Card, PageHeader, Status } from "../components/Common";
import { Sample, Timeline } from "../components/Timeline";
import { AddNodesDialog, RemoveNodeDialog, room, useOutcome } from "./ScalingActions";

interface NodeView {
  machine: string;
  node?: string | null;
  state: string;
  createdAt?: string | null;
}

interface PoolView {
  name: string;
  provider: string;
  min: number;
  max: number;
  ready: number;
  upcoming: number;
  draining: number;
  unavailableBecause?: string | null;
  nodes: NodeView[];
}

interface PendingView {
  pod: string;
  why: string;
  message: string;
}

interface Leadership {
  elected: boolean;
  identity?: string | null;
  leader?: string | null;
  leading: boolean;
}

interface ScalingView {
  clusters: { cluster: string; running: boolean; status: { at?: string | null; pools: PoolView[]; pending: PendingView[] }; timeline: Sample[] }[];
  leadership?: Leadership | null;
}

/** Which replica runs the autoscalers, when the replicas elect one (docs/server.md). */
function leaderText(l: Leadership): string {
  if (l.leading) return "This replica (" + (l.identity ?? "") + ") leads: it runs the autoscalers and the webhook processing.";
  return "This replica (" + (l.identity ?? "") + ") follows; the autoscalers run on " + (l.leader ? "the leader, " + l.leader : "the leader, not known yet") + ".";
}

interface Decision {
  id: string;
  cluster: string;
  pool: string;
  occurredAt: string;
  type: string;
  nodes: number;
  pods?: string | null;
  reason?: string | null;
  machineId?: string | null;
  nodeName?: string | null;
  durationMillis?: number | null;
}

const STATE_TONE: Record<string, "success" | "info" | "warning"> = { ready: "success", requested: "info", booting: "info", draining: "warning" };

export function Scaling() {
  const view = useData(() => get<ScalingView>("/scaling"), []);
  const decisions = useData(() => get<{ decisions: Decision[] }>("/scaling/decisions", { limit: "100" }), []);
  useEffect(() => {
    const timer = window.setInterval(() => {
      view.reload();
      decisions.reload();
    }, 5000);
    return () => window.clearInterval(timer);
  }, [view.reload, decisions.reload]);
  const canScale = config().canScale;
  const [adding, setAdding] = useState<PoolView>();
  const [removing, setRemoving] = useState<{ pool: string; node: string }>();
  const [outcome, tell] = useOutcome();
  const done = (message: string) => {
    setAdding(undefined);
    setRemoving(undefined);
    tell(message);
    view.reload();
    decisions.reload();
  };

  const clusters = view.data?.clusters ?? [];
  return (
    <>
      <PageHeader title="Scaling" />
      {outcome && <p class="cc-alert cc-alert--info">{outcome}</p>}
      <Status loading={view.loading} error={view.error} hasData={!!view.data} />
      {view.data && clusters.length === 0 && <p class="cc-alert cc-alert--info">No node pools are configured on this server (docs/autoscaling.md).</p>}
      {view.data?.leadership?.elected && <p class="cc-alert cc-alert--info">{leaderText(view.data.leadership)}</p>}
      {clusters.map((c) => (
        <Card key={c.cluster} title={"Cluster " + c.cluster + (c.running ? "" : view.data?.leadership?.leading === false ? " (on the leader)" : " (not connected yet)")}>
          <Timeline cluster={c.cluster} samples={c.timeline ?? []} />
          <Table caption={"Node pools of " + c.cluster} columns={["Pool", "Provider", "Ready", "Coming", "Draining", "Bounds", "Machines"]} rowCount={c.status.pools.length}>
            {c.status.pools.map((p) => (
              <tr key={p.name}>
                <td>
                  <strong>{p.name}</strong>
                  {p.unavailableBecause && (
                    <>
                      {" "}
                      <Badge tone="error" title="The provider refused it lately; other pools are tried">
                        {"unavailable: " + p.unavailableBecause}
                      </Badge>
                    </>
                  )}
                </td>
                <td>{p.provider}</td>
                <td>{p.ready}</td>
                <td>{p.upcoming}</td>
                <td>{p.draining}</td>
                <td>
                  {p.min}–{p.max}
                </td>
                <td class="cc-machines">
                  {p.nodes.map((n) => (
                    <span key={n.machine} class="cc-machine" title={n.node ? "node " + n.node : "no node yet"}>
                      <span class="cc-nowrap">
                        <Badge tone={STATE_TONE[n.state] ?? "neutral"}>{n.state}</Badge> {n.machine}
                      </span>{" "}
                      {canScale && n.node && n.state !== "draining" && (
                        <button type="button" class="cc-button cc-button--small cc-button--danger" aria-label={"Remove node " + n.node} onClick={() => setRemoving({ pool: p.name, node: n.node! })}>
                          Remove
                        </button>
                      )}
                    </span>
                  ))}
                  {canScale && (
                    <span class="cc-pool-actions">
                      <button
                        type="button"
                        class="cc-button cc-button--small"
                        aria-label={"Add nodes to pool " + p.name}
                        disabled={room(p) === 0}
                        title={room(p) === 0 ? "The pool has its maximum of " + p.max + " machines" : undefined}
                        onClick={() => setAdding(p)}
                      >
                        Add nodes
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
          <Table caption={"Pending pods of " + c.cluster} columns={["Pod", "Why", "Detail"]} rowCount={c.status.pending.length} empty="No pod is waiting for a node.">
            {c.status.pending.map((p) => (
              <tr key={p.pod}>
                <td>{p.pod}</td>
                <td>{p.why}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </Table>
        </Card>
      ))}
      {adding && <AddNodesDialog pool={adding} onDone={done} onCancel={() => setAdding(undefined)} />}
      {removing && <RemoveNodeDialog pool={removing.pool} node={removing.node} onDone={done} onCancel={() => setRemoving(undefined)} />}
      <Card title="Decisions">
        <Status loading={decisions.loading} error={decisions.error} hasData={!!decisions.data} />
        <Table caption="The autoscaler's decisions, newest first" hideCaption columns={["When", "Pool", "Decision", "Nodes", "Reason", "Took"]} rowCount={decisions.data?.decisions.length ?? 0} empty="No decision yet.">
          {(decisions.data?.decisions ?? []).map((d) => (
            <tr key={d.id}>
              <td>
                <Age time={d.occurredAt} />
              </td>
              <td>{d.pool}</td>
              <td>{d.type.replace(/_/g, " ").toLowerCase()}</td>
              <td>{d.nodes}</td>
              <td>
                {d.reason ?? ""}
                {d.pods ? <span class="cc-muted">{" — pods " + d.pods}</span> : null}
              </td>
              <td>{d.durationMillis != null ? d.durationMillis + " ms" : ""}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
