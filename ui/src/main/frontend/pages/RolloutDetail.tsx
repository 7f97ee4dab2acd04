// Rollout detail: per-step old vs new replicas, the event timeline, outcome and reason; live; Abort for deployers.
import { useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { ApiError, get, post, seg } from "../api";
import { config } from "../config";
import { useData } from "../data";
import { useLive } from "../live";
import { absolute, between } from "../format";
import type { DeploymentEvent, Rollout, RolloutStep } from "../types";
import { StateBadge } from "../components/Badge";
import { Dialog } from "../components/Dialog";
import { Table } from "../components/Table";
import { Age, Card, PageHeader, Status, WorkloadName } from "../components/Common";
import { announceEnd } from "./Rollouts";

export function RolloutDetail({ id }: { id: string }) {
  const rollout = useData(() => get<Rollout>("/rollouts/" + seg(id)), [id]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [abortError, setAbortError] = useState<string>();
  useLive("rollout", (data) => {
    if (data === null) return rollout.data?.state === "RUNNING" || rollout.data?.state === "ABORTING" ? rollout.reload() : undefined;
    const r = data as Rollout;
    if (r.id !== id) return;
    announceEnd(rollout.data, r);
    rollout.set(() => r);
  });

  async function abort() {
    setBusy(true);
    setAbortError(undefined);
    try {
      const r = await post<Rollout>(`/rollouts/${seg(id)}/abort`);
      rollout.set(() => r);
      setConfirming(false);
    } catch (e) {
      setAbortError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const r = rollout.data;
  return (
    <>
      <PageHeader title={r ? <WorkloadName kind={r.kind} name={r.name} /> : "Rollout"}>
        <a href="#/rollouts">All rollouts</a>
        {r && r.state === "RUNNING" && config().canDeploy && (
          <button type="button" class="cc-button cc-button--danger" onClick={() => setConfirming(true)}>
            Abort
          </button>
        )}
      </PageHeader>
      <Status loading={rollout.loading} error={rollout.error} hasData={!!r} />
      {r && (
        <>
          <Card>
            <dl class="cc-facts cc-facts--wide">
              <Fact label="State">
                <StateBadge state={r.state} />
              </Fact>
              <Fact label="Cluster / namespace">
                {r.cluster} / {r.namespace}
              </Fact>
              <Fact label="Action">{r.action === "rollback" ? "Rollback" : "Deploy"}</Fact>
              <Fact label="Image before">
                <code class="cc-break">{r.imageBefore}</code>
              </Fact>
              <Fact label={r.action === "rollback" ? "Image (back to)" : "Image"}>
                <code class="cc-break">{r.image}</code>
              </Fact>
              {r.container && <Fact label="Container">{r.container}</Fact>}
              <Fact label="Started by">{r.triggeredBy}</Fact>
              <Fact label="Started">
                <Age time={r.startedAt} />
              </Fact>
              <Fact label={r.finishedAt ? "Took" : "Running for"}>{between(r.startedAt, r.finishedAt)}</Fact>
            </dl>
            {r.reason && (
              <p class={"cc-alert " + (r.state === "SUCCEEDED" ? "cc-alert--info" : "cc-alert--error")}>
                <strong>Reason: </strong>
                {r.reason}
              </p>
            )}
          </Card>
          <Card title="Replicas, step by step">
            <Steps steps={r.steps} />
          </Card>
          <Card title="Events">
            <Timeline events={r.events} />
          </Card>
        </>
      )}
      {confirming && r && (
        <Dialog
          title="Abort this rollout?"
          confirmLabel="Abort rollout"
          destructive
          busy={busy}
          error={abortError}
          onConfirm={abort}
          onCancel={() => {
            setConfirming(false);
            setAbortError(undefined);
          }}
        >
          <p>
            {r.kind}/{r.name} in {r.namespace} on {r.cluster} will be rolled back to <code class="cc-break">{r.imageBefore}</code>; the rollout then ends as rolled back.
          </p>
        </Dialog>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Steps({ steps }: { steps: RolloutStep[] }) {
  const scale = Math.max(1, ...steps.map((s) => Math.max(s.desired, s.oldReplicas + s.newReplicas)));
  const w = (n: number) => (n / scale) * 100 + "%";
  return (
    <>
      <p class="cc-legend cc-small">
        <span class="cc-swatch cc-swatch--old" /> old replicas <span class="cc-swatch cc-swatch--new" /> new replicas (lighter: not ready yet)
      </p>
      <Table caption="Old and new replicas at each step" hideCaption columns={["Time", "Old", "New", "Replicas", "Desired"]} rowCount={steps.length} empty="No step yet.">
        {steps.map((s, i) => (
          <tr key={i}>
            <th scope="row">
              <time dateTime={s.time} title={absolute(s.time)}>
                {new Date(s.time).toLocaleTimeString()}
              </time>
            </th>
            <td class="cc-nowrap">
              {s.oldName}: {s.oldReplicas} <span class="cc-muted">({s.oldReady} ready)</span>
            </td>
            <td class="cc-nowrap">
              {s.newName}: {s.newReplicas}{" "}
              <span class="cc-muted">
                ({s.newReady} ready, {s.newAvailable} available)
              </span>
            </td>
            <td class="cc-cell-steps">
              <div class="cc-steps-bar" role="img" aria-label={`old ${s.oldReplicas} (${s.oldReady} ready), new ${s.newReplicas} (${s.newReady} ready) of ${s.desired} desired`}>
                <span class="cc-steps-bar__old" style={{ width: w(s.oldReady) }} />
                <span class="cc-steps-bar__old cc-steps-bar--pending" style={{ width: w(Math.max(0, s.oldReplicas - s.oldReady)) }} />
                <span class="cc-steps-bar__new" style={{ width: w(s.newReady) }} />
                <span class="cc-steps-bar__new cc-steps-bar--pending" style={{ width: w(Math.max(0, s.newReplicas - s.newReady)) }} />
                <span class="cc-steps-bar__desired" style={{ left: w(s.desired) }} />
              </div>
            </td>
            <td class="cc-num">{s.desired}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

export function Timeline({ events }: { events: DeploymentEvent[] }) {
  if (events.length === 0) return <p class="cc-muted">No event yet.</p>;
  const tone = (t: DeploymentEvent["type"]) => (t === "pod-problem" ? "cc-timeline__item--warning" : t === "rollback" ? "cc-timeline__item--error" : t === "finished" ? "cc-timeline__item--done" : "");
  return (
    <ol class="cc-timeline">
      {[...events]
        .sort((a, b) => a.sequence - b.sequence)
        .map((e) => (
          <li key={e.sequence} class={"cc-timeline__item " + tone(e.type)}>
            <time dateTime={e.time} title={absolute(e.time)} class="cc-timeline__time">
              {new Date(e.time).toLocaleTimeString()}
            </time>
            <span class="cc-timeline__type">{e.type}</span>
            <span class="cc-timeline__message">{e.message}</span>
          </li>
        ))}
    </ol>
  );
}
