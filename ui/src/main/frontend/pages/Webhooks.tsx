// Webhooks: the configured hooks (where senders post) and recent deliveries with their verification,
// status and the rollouts they caused; admins can redeliver a verified delivery from the history.
import { useState } from "preact/hooks";
import { ApiError, get, post, seg } from "../api";
import { announce } from "../announce";
import { config } from "../config";
import { useData } from "../data";
import { compactImage, duration } from "../format";
import { Badge, StateBadge, type Tone } from "../components/Badge";
import { Table } from "../components/Table";
import { Age, PageHeader, Status } from "../components/Common";

interface Hook {
  name: string;
  source: string;
  path: string;
  rules: { name: string; repository: string; tags?: string | null; workload: string }[];
}

/** A code push's pipeline step (checkout, build, push, deploy) with its timing and outcome. */
interface Step {
  step: string;
  status: string;
  durationMs?: number | null;
  detail?: string | null;
  /** The length of the step's stored output; 0 when it has none. */
  logChars?: number;
}

/** One step's stored output, as GET /webhooks/deliveries/{id}/logs returns it. */
interface StepLog {
  seq: number;
  step: string;
  log: string;
}

interface Trigger {
  seq: number;
  rule: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  image: string;
  status: string;
  deploymentId?: string | null;
  reason?: string | null;
  steps?: Step[];
}

interface Delivery {
  id: string;
  source: string;
  hook: string;
  event?: string | null;
  receivedAt: string;
  verification: string;
  status: string;
  reason?: string | null;
  redeliveryOf?: string | null;
  triggers: Trigger[];
}

const deliveryTones: Record<string, Tone> = { ACCEPTED: "info", PROCESSED: "success", IGNORED: "neutral", REFUSED: "error" };

/** A trigger's step logs, read when first opened (they can be large, so the list does not carry them). */
function StepLogs({ delivery, seq }: { delivery: string; seq: number }) {
  const [logs, setLogs] = useState<StepLog[] | null>(null);
  const [error, setError] = useState("");
  async function opened(open: boolean) {
    if (!open || logs) return;
    try {
      const answer = await get<{ logs: StepLog[] }>("/webhooks/deliveries/" + seg(delivery) + "/logs");
      setLogs(answer.logs.filter((l) => l.seq === seq));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  return (
    <details class="cc-step-logs" onToggle={(e) => opened((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Logs</summary>
      {error && (
        <p class="cc-alert cc-alert--error" role="alert">
          {error}
        </p>
      )}
      {!logs && !error && <p class="cc-muted">Loading…</p>}
      {logs?.map((l) => (
        <div key={l.step} data-log={l.step}>
          <div class="cc-muted">{l.step}</div>
          <pre class="cc-log" tabIndex={0} aria-label={l.step + " log"}>
            {l.log}
          </pre>
        </div>
      ))}
    </details>
  );
}

function TriggerLine({ t, delivery }: { t: Trigger; delivery: string }) {
  const label = t.status === "SUPERSEDED" ? <Badge tone="neutral">superseded</Badge> : <StateBadge state={t.status} />;
  // A code push whose pipeline stopped before its deploy step has an id but no rollout to link to.
  const rolledOut = !t.steps || t.steps.length === 0 || t.steps.some((s) => s.step === "deploy");
  // cc-break: long names, addresses and images wrap inside the column instead of widening the table.
  return (
    <li class="cc-break">
      {label} {t.kind === "Job" ? `job ${t.name}` : `${t.kind}/${t.namespace}/${t.name} on ${t.cluster}`} ←{" "}
      <code class="cc-break" title={t.image}>
        {compactImage(t.image)}
      </code>
      {t.deploymentId && rolledOut && (
        <>
          {" "}
          (<a href={"#/history/" + seg(t.deploymentId)}>rollout</a>)
        </>
      )}
      {t.reason && <div class="cc-small cc-muted cc-clamp">{t.reason}</div>}
      {t.steps && t.steps.length > 0 && (
        <ol class="cc-plain-list cc-small" aria-label="Pipeline steps">
          {t.steps.map((s) => (
            <li key={s.step} data-step={s.step}>
              <StateBadge state={s.status} /> {s.step}
              {s.durationMs != null && <span class="cc-muted"> {duration(s.durationMs)}</span>}
              {s.detail && <span class="cc-muted cc-clamp"> — {s.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {t.steps?.some((s) => (s.logChars ?? 0) > 0) && <StepLogs delivery={delivery} seq={t.seq} />}
    </li>
  );
}

export function Webhooks() {
  const hooks = useData(() => get<{ hooks: Hook[] }>("/webhooks/hooks"), []);
  const deliveries = useData(() => get<{ deliveries: Delivery[] }>("/webhooks/deliveries", { limit: "100" }), []);
  const [busy, setBusy] = useState("");
  const [error, setError] = useState("");
  const isAdmin = config().roles.includes("admin");

  async function redeliver(id: string) {
    setBusy(id);
    setError("");
    try {
      const answer = await post<{ status: string; reason?: string }>("/webhooks/deliveries/" + seg(id) + "/redeliver");
      announce("Redelivered: " + answer.status + (answer.reason ? " — " + answer.reason : ""));
      deliveries.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy("");
    }
  }

  const list = deliveries.data?.deliveries ?? [];
  return (
    <>
      <PageHeader title="Webhooks">
        <button type="button" class="cc-button" onClick={() => deliveries.reload()}>
          Refresh
        </button>
      </PageHeader>
      <div class="cc-card">
        <h2>Hooks</h2>
        <Status loading={hooks.loading} error={hooks.error} hasData={!!hooks.data} />
        {hooks.data && (
          <Table caption="Configured hooks" hideCaption columns={["Hook", "Source", "POST to", "Rules"]} rowCount={hooks.data.hooks.length} empty="No hooks are configured (webhooks: in the server's configuration, see docs/webhooks.md).">
            {hooks.data.hooks.map((h) => (
              <tr key={h.name}>
                <th scope="row">{h.name}</th>
                <td>{h.source}</td>
                <td>
                  <code>{h.path}</code>
                </td>
                <td>
                  {h.rules.length === 0 && <span class="cc-muted">none: deliveries are recorded, nothing deploys</span>}
                  {h.rules.map((r) => (
                    <div key={r.name} class="cc-small">
                      {r.name}: <code>{r.repository + (r.tags ? ":" + r.tags : "")}</code> → {r.workload}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </div>
      <div class="cc-card">
        <h2>Recent deliveries</h2>
        {error && (
          <p class="cc-alert cc-alert--error" role="alert">
            {error}
          </p>
        )}
        <Status loading={deliveries.loading} error={deliveries.error} hasData={!!deliveries.data} />
        {deliveries.data && (
          <Table caption="Webhook deliveries, newest first" columns={["Received", "Hook", "Event", "Status", "Triggered", ""]} rowCount={list.length} empty="No delivery has arrived yet.">
            {list.map((d) => (
              <tr key={d.id} data-delivery={d.id}>
                <th scope="row">
                  <Age time={d.receivedAt} />
                </th>
                <td>
                  {d.hook} <span class="cc-muted">({d.source})</span>
                </td>
                <td>{d.event ?? "—"}</td>
                <td>
                  <Badge tone={deliveryTones[d.status] ?? "neutral"}>{d.status.toLowerCase()}</Badge>
                  {d.verification === "REFUSED" && <div class="cc-small">verification failed</div>}
                  {d.reason && <div class="cc-small cc-muted cc-clamp">{d.reason}</div>}
                  {d.redeliveryOf && <div class="cc-small cc-muted">redelivery</div>}
                </td>
                <td>
                  {d.triggers.length === 0 ? (
                    <span class="cc-muted">nothing</span>
                  ) : (
                    <ul class="cc-plain-list">
                      {d.triggers.map((t) => (
                        <TriggerLine key={t.seq} t={t} delivery={d.id} />
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {isAdmin && d.verification === "VERIFIED" && (
                    <button type="button" class="cc-button cc-button--small" disabled={busy === d.id} onClick={() => redeliver(d.id)}>
                      Redeliver
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </>
  );
}
