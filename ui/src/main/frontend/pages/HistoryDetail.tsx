// History detail: one deployment with its events, and Rollback (deployers) behind a confirmation dialog.
import { useMemo, useState } from "preact/hooks";
import { ApiError, get, post, seg } from "../api";
import { config } from "../config";
import { useData } from "../data";
import { debounce, useLive } from "../live";
import { navigate } from "../router";
import { between } from "../format";
import type { DeploymentEvent, DeploymentRecord, Rollout } from "../types";
import { StateBadge } from "../components/Badge";
import { Dialog } from "../components/Dialog";
import { Age, Card, PageHeader, Status, WorkloadName } from "../components/Common";
import { Timeline } from "./RolloutDetail";

export function HistoryDetail({ id }: { id: string }) {
  const record = useData(() => get<{ deployment: DeploymentRecord; events: DeploymentEvent[] }>("/deployments/" + seg(id)), [id]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const refresh = useMemo(() => debounce(record.reload, 300), [record.reload]);
  useLive("deployment", (data) => {
    if (data === null ? record.data?.deployment.outcome === "RUNNING" : (data as DeploymentRecord).id === id) refresh();
  });

  async function rollback() {
    setBusy(true);
    setError(undefined);
    try {
      const rollout = await post<Rollout>(`/deployments/${seg(id)}/rollback`);
      navigate("/rollouts/" + seg(rollout.id));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  }

  const d = record.data?.deployment;
  const canRollBack = config().canDeploy && d && d.outcome !== "RUNNING" && !!d.imageBefore;
  return (
    <>
      <PageHeader title={d ? <WorkloadName kind={d.kind} name={d.name} /> : "Deployment"}>
        <a href="#/history">All deployments</a>
        {canRollBack && (
          <button type="button" class="cc-button cc-button--danger" onClick={() => setConfirming(true)}>
            Roll back
          </button>
        )}
      </PageHeader>
      <Status loading={record.loading} error={record.error} hasData={!!d} />
      {d && (
        <>
          <Card>
            <dl class="cc-facts cc-facts--wide">
              <div>
                <dt>Outcome</dt>
                <dd>
                  <StateBadge state={d.outcome} />
                </dd>
              </div>
              <div>
                <dt>Cluster / namespace</dt>
                <dd>
                  <a href={`#/clusters/${seg(d.cluster)}/workloads?namespace=${encodeURIComponent(d.namespace)}`}>{d.cluster}</a> / {d.namespace}
                </dd>
              </div>
              {d.container && (
                <div>
                  <dt>Container</dt>
                  <dd>{d.container}</dd>
                </div>
              )}
              <div>
                <dt>Image before</dt>
                <dd>
                  <code class="cc-break">{d.imageBefore || "—"}</code>
                </dd>
              </div>
              {d.imageRequested && d.imageRequested !== d.imageAfter && (
                <div>
                  <dt>Image tried</dt>
                  <dd>
                    <code class="cc-break">{d.imageRequested}</code>
                  </dd>
                </div>
              )}
              <div>
                <dt>Image after</dt>
                <dd>
                  <code class="cc-break">{d.imageAfter}</code>
                </dd>
              </div>
              <div>
                <dt>Strategy</dt>
                <dd>
                  {d.strategy}
                  {Object.entries(d.parameters ?? {}).map(([k, v]) => (
                    <span key={k} class="cc-muted">
                      {k}={v}
                    </span>
                  ))}
                </dd>
              </div>
              <div>
                <dt>Trigger</dt>
                <dd>
                  {d.trigger} by {d.triggeredBy}
                </dd>
              </div>
              <div>
                <dt>Started</dt>
                <dd>
                  <Age time={d.startedAt} />
                </dd>
              </div>
              <div>
                <dt>{d.finishedAt ? "Took" : "Running for"}</dt>
                <dd>{between(d.startedAt, d.finishedAt)}</dd>
              </div>
            </dl>
            {d.reason && (
              <p class={"cc-alert " + (d.outcome === "SUCCEEDED" ? "cc-alert--info" : "cc-alert--error")}>
                <strong>Reason: </strong>
                {d.reason}
              </p>
            )}
          </Card>
          <Card title="Events">
            <Timeline events={record.data?.events ?? []} />
          </Card>
        </>
      )}
      {confirming && d && (
        <Dialog
          title="Roll back this deployment?"
          confirmLabel="Roll back"
          destructive
          busy={busy}
          error={error}
          onConfirm={rollback}
          onCancel={() => {
            setConfirming(false);
            setError(undefined);
          }}
        >
          <p>
            {d.kind}/{d.name} in {d.namespace} on {d.cluster} will be rolled out again with the image it had before this deployment:
          </p>
          <p>
            <code class="cc-break">{d.imageBefore}</code>
          </p>
        </Dialog>
      )}
    </>
  );
}
