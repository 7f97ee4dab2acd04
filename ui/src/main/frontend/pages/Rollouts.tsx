// Rollouts: running and recently finished rollouts, updated in place by live events; the Start rollout form for deployers.
import { useState } from "preact/hooks";
import { get } from "../api";
import { config } from "../config";
import { useData } from "../data";
import { useLive } from "../live";
import { announce } from "../announce";
import { between, shortImage } from "../format";
import type { Rollout } from "../types";
import { StateBadge } from "../components/Badge";
import { Table } from "../components/Table";
import { Age, PageHeader, Status, WorkloadName } from "../components/Common";
import { StartRollout } from "./StartRollout";

/** Puts a rollout from a live event into a list (newest first), replacing its older self. */
export function upsert(list: Rollout[], r: Rollout): Rollout[] {
  const i = list.findIndex((x) => x.id === r.id);
  if (i < 0) return [r, ...list];
  const copy = list.slice();
  copy[i] = r;
  return copy;
}

export function announceEnd(before: Rollout | undefined, after: Rollout): void {
  if (after.state !== "RUNNING" && before?.state !== after.state) {
    announce(`Rollout of ${after.kind}/${after.name} in ${after.namespace}: ${after.state.replace("_", " ").toLowerCase()}.`);
  }
}

export function Rollouts({ query }: { query: URLSearchParams }) {
  const rollouts = useData(() => get<{ rollouts: Rollout[] }>("/rollouts"), []);
  const [formOpen, setFormOpen] = useState(query.get("start") === "1");
  useLive("rollout", (data) => {
    if (data === null) return rollouts.reload();
    const r = data as Rollout;
    announceEnd(rollouts.data?.rollouts.find((x) => x.id === r.id), r);
    rollouts.set((old) => ({ rollouts: upsert(old?.rollouts ?? [], r) }));
  });
  const list = rollouts.data?.rollouts ?? [];
  return (
    <>
      <PageHeader title="Rollouts">
        {config().canDeploy && (
          <button type="button" class="cc-button cc-button--primary" aria-expanded={formOpen} aria-controls="cc-start-rollout" onClick={() => setFormOpen(!formOpen)}>
            {formOpen ? "Close form" : "Start rollout"}
          </button>
        )}
      </PageHeader>
      {formOpen && config().canDeploy && <StartRollout onCancel={() => setFormOpen(false)} />}
      <div class="cc-card">
        <Status loading={rollouts.loading} error={rollouts.error} hasData={!!rollouts.data} />
        {rollouts.data && (
          <Table
            caption="Running rollouts and those finished in the last 15 minutes"
            columns={["Workload", "Cluster", "State", "Progress", "Image", "Action", "By", "Started", "Duration"]}
            rowCount={list.length}
            empty="No rollout is running or finished in the last 15 minutes."
          >
            {list.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={"#/rollouts/" + encodeURIComponent(r.id)}>
                    <WorkloadName kind={r.kind} name={r.name} namespace={r.namespace} />
                  </a>
                </th>
                <td class="cc-nowrap">{r.cluster}</td>
                <td>
                  <StateBadge state={r.state} title={r.reason} />
                </td>
                <td>
                  <Progress r={r} />
                </td>
                <td class="cc-nowrap">
                  <code title={r.imageBefore}>{shortImage(r.imageBefore)}</code> → <code title={r.image}>{shortImage(r.image)}</code>
                </td>
                <td>{r.action}</td>
                <td>{r.triggeredBy}</td>
                <td>
                  <Age time={r.startedAt} />
                </td>
                <td>{between(r.startedAt, r.finishedAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </>
  );
}

/** New replicas ready of desired, from the latest step. */
function Progress({ r }: { r: Rollout }) {
  const last = r.steps[r.steps.length - 1];
  if (!last) return <span class="cc-muted">—</span>;
  const p = last.desired > 0 ? Math.round((last.newReady / last.desired) * 100) : 0;
  return (
    <span class="cc-mini-progress" role="img" aria-label={`${last.newReady} of ${last.desired} new replicas ready`}>
      <span class="cc-mini-progress__track">
        <span class="cc-mini-progress__fill" style={{ width: Math.min(p, 100) + "%" }} />
      </span>
      <span class="cc-small">
        {last.newReady}/{last.desired}
      </span>
    </span>
  );
}
