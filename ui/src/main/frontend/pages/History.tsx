// History: the deployments table with its filters in the URL hash (passed to GET /deployments as they are).
import { useMemo } from "preact/hooks";
import { get } from "../api";
import { useData } from "../data";
import { debounce, useLive } from "../live";
import { navigate } from "../router";
import { between, shortImage } from "../format";
import type { ClusterEntry, DeploymentRecord } from "../types";
import { StateBadge } from "../components/Badge";
import { Table } from "../components/Table";
import { Age, PageHeader, Status, WorkloadName } from "../components/Common";

const FILTERS = ["cluster", "namespace", "kind", "name", "outcome", "trigger"] as const;
const OUTCOMES = ["RUNNING", "SUCCEEDED", "FAILED", "ROLLED_BACK", "INTERRUPTED"];
const TRIGGERS = ["build", "webhook", "user", "cli"];

export function History({ query }: { query: URLSearchParams }) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ""])) as Record<(typeof FILTERS)[number], string>;
  const key = query.toString();
  const deployments = useData(() => get<{ deployments: DeploymentRecord[] }>("/deployments", { ...filters, limit: "200" }), [key]);
  const clusters = useData(() => get<{ clusters: ClusterEntry[] }>("/clusters"), []);
  const refresh = useMemo(() => debounce(deployments.reload, 300), [deployments.reload]);
  useLive("deployment", refresh);

  function apply(e: Event) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    navigate("/history", Object.fromEntries(FILTERS.map((f) => [f, String(data.get(f) ?? "").trim()])));
  }

  const list = deployments.data?.deployments ?? [];
  return (
    <>
      <PageHeader title="Deployment history" />
      <form class="cc-card cc-filters" onSubmit={apply} key={key} aria-label="Filter deployments">
        <label class="cc-field">
          <span>Cluster</span>
          <select name="cluster" defaultValue={filters.cluster}>
            <option value="">All clusters</option>
            {[...new Set([...(clusters.data?.clusters ?? []).map((c) => c.name), ...(filters.cluster ? [filters.cluster] : [])])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label class="cc-field">
          <span>Namespace</span>
          <input name="namespace" defaultValue={filters.namespace} autoComplete="off" />
        </label>
        <label class="cc-field">
          <span>Kind</span>
          <select name="kind" defaultValue={filters.kind}>
            <option value="">All kinds</option>
            <option value="Deployment">Deployment</option>
            <option value="ReplicationController">ReplicationController</option>
          </select>
        </label>
        <label class="cc-field">
          <span>Workload name</span>
          <input name="name" defaultValue={filters.name} autoComplete="off" />
        </label>
        <label class="cc-field">
          <span>Outcome</span>
          <select name="outcome" defaultValue={filters.outcome}>
            <option value="">Any outcome</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o.replace("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label class="cc-field">
          <span>Trigger</span>
          <select name="trigger" defaultValue={filters.trigger}>
            <option value="">Any trigger</option>
            {TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <div class="cc-buttons cc-filters__buttons">
          <button type="submit" class="cc-button cc-button--primary">
            Apply
          </button>
          {key && (
            <a class="cc-button" href="#/history">
              Clear
            </a>
          )}
        </div>
      </form>
      <div class="cc-card">
        <Status loading={deployments.loading} error={deployments.error} hasData={!!deployments.data} />
        {deployments.data && (
          <Table
            caption="Deployments, newest first"
            columns={["Started", "Workload", "Cluster", "Image", "Trigger", "Outcome", "Duration"]}
            rowCount={list.length}
            empty="No deployment matches these filters."
          >
            {list.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a href={"#/history/" + encodeURIComponent(d.id)}>
                    <Age time={d.startedAt} />
                  </a>
                </th>
                <td>
                  <a href={"#/history/" + encodeURIComponent(d.id)}>
                    <WorkloadName kind={d.kind} name={d.name} namespace={d.namespace} />
                  </a>
                  {d.reason && <div class="cc-small cc-muted cc-clamp">{d.reason}</div>}
                </td>
                <td>{d.cluster}</td>
                <td class="cc-nowrap">
                  <code title={d.imageBefore}>{shortImage(d.imageBefore)}</code> → <code title={d.imageAfter}>{shortImage(d.imageAfter)}</code>
                  {d.imageRequested && d.imageRequested !== d.imageAfter && (
                    <div class="cc-small cc-muted">
                      tried <code title={d.imageRequested}>{shortImage(d.imageRequested)}</code>
                    </div>
                  )}
                </td>
                <td class="cc-nowrap">
                  {d.trigger} <span class="cc-muted">by {d.triggeredBy}</span>
                </td>
                <td>
                  <StateBadge state={d.outcome} />
                </td>
                <td>{between(d.startedAt, d.finishedAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </>
  );
}
