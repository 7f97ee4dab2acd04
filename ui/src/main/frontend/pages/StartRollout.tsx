// The Start rollout form (deployers): POST /rollouts, the server's field errors shown next to their field.
import { useState } from "preact/hooks";
import { cloneElement, toChildArray, type ComponentChildren, type VNode } from "preact";
import { ApiError, get, post, seg } from "../api";
import { useData } from "../data";
import { navigate } from "../router";
import type { ClusterEntry, Rollout, RolloutStart, Workload } from "../types";

type Field = "cluster" | "namespace" | "kind" | "name" | "container" | "image" | "maxSurge" | "maxUnavailable" | "timeoutSeconds";

export function StartRollout({ onCancel }: { onCancel: () => void }) {
  const [form, setForm] = useState<Record<Field, string>>({
    cluster: "",
    namespace: "",
    kind: "Deployment",
    name: "",
    container: "",
    image: "",
    maxSurge: "",
    maxUnavailable: "",
    timeoutSeconds: "",
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const clusters = useData(() => get<{ clusters: ClusterEntry[] }>("/clusters"), []);
  const clusterNames = (clusters.data?.clusters ?? []).map((c) => c.name);
  const cluster = form.cluster || clusterNames[0] || "";
  const namespaces = useData(() => (cluster ? get<{ namespaces: string[] }>(`/clusters/${seg(cluster)}/namespaces`) : Promise.resolve({ namespaces: [] })), [cluster]);
  const workloads = useData(
    () => (cluster && form.namespace ? get<{ workloads: Workload[] }>(`/clusters/${seg(cluster)}/workloads`, { namespace: form.namespace }) : Promise.resolve({ workloads: [] })),
    [cluster, form.namespace],
  );
  const candidates = (workloads.data?.workloads ?? []).filter((w) => w.kind === form.kind);
  const chosen = candidates.find((w) => w.name === form.name);

  const update = (field: Field) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setForm((f) => ({ ...f, [field]: value }));
  };

  async function submit(e: Event) {
    e.preventDefault();
    const body: RolloutStart = {
      cluster,
      namespace: form.namespace.trim(),
      kind: form.kind as RolloutStart["kind"],
      name: form.name.trim(),
      image: form.image.trim(),
    };
    if (form.container.trim()) body.container = form.container.trim();
    if (form.maxSurge.trim()) body.maxSurge = form.maxSurge.trim();
    if (form.maxUnavailable.trim()) body.maxUnavailable = form.maxUnavailable.trim();
    if (form.timeoutSeconds.trim()) body.timeoutSeconds = Number(form.timeoutSeconds);
    setBusy(true);
    setError(undefined);
    try {
      const rollout = await post<Rollout>("/rollouts", body);
      navigate("/rollouts/" + seg(rollout.id));
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(String(err), 0);
      setError(apiError);
      setBusy(false);
      // Take the user to the field at fault (after it re-rendered with its message).
      if (apiError.field) setTimeout(() => document.getElementById("cc-field-" + apiError.field)?.focus());
    }
  }

  const fieldError = (f: Field) => (error?.field === f ? error.message : undefined);
  const generalError = error && !(error.field && (Object.keys(form) as string[]).includes(error.field)) ? error.message : undefined;

  return (
    <form id="cc-start-rollout" class="cc-card cc-form" onSubmit={submit} noValidate={false}>
      <h2 class="cc-card__title">Start a rollout</h2>
      <div class="cc-form__grid">
        <FormField id="cluster" label="Cluster" error={fieldError("cluster")}>
          <select value={cluster} onChange={update("cluster")} required>
            {clusterNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="namespace" label="Namespace" error={fieldError("namespace")}>
          <input value={form.namespace} onInput={update("namespace")} list="cc-namespaces" required autoComplete="off" />
          <datalist id="cc-namespaces">
            {(namespaces.data?.namespaces ?? []).map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </FormField>
        <FormField id="kind" label="Kind" error={fieldError("kind")}>
          <select value={form.kind} onChange={update("kind")}>
            <option value="Deployment">Deployment</option>
            <option value="ReplicationController">ReplicationController</option>
          </select>
        </FormField>
        <FormField id="name" label="Workload name" error={fieldError("name")}>
          <input value={form.name} onInput={update("name")} list="cc-workloads" required autoComplete="off" />
          <datalist id="cc-workloads">
            {candidates.map((w) => (
              <option key={w.name} value={w.name} />
            ))}
          </datalist>
        </FormField>
        <FormField id="container" label="Container (optional)" hint="Needed only when the pod has several containers." error={fieldError("container")}>
          <input value={form.container} onInput={update("container")} list="cc-containers" autoComplete="off" />
          <datalist id="cc-containers">
            {Object.keys(chosen?.images ?? {}).map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </FormField>
        <FormField id="image" label="Image" hint={chosen ? "Now: " + Object.values(chosen.images).join(", ") : "e.g. registry.example.com/team/api:1.4.2"} error={fieldError("image")} wide>
          <input value={form.image} onInput={update("image")} required autoComplete="off" spellcheck={false} />
        </FormField>
      </div>
      <details class="cc-details">
        <summary>Advanced</summary>
        <div class="cc-form__grid">
          <FormField id="maxSurge" label="Max surge" hint="Default 1" error={fieldError("maxSurge")}>
            <input value={form.maxSurge} onInput={update("maxSurge")} placeholder="1" />
          </FormField>
          <FormField id="maxUnavailable" label="Max unavailable" hint="Default 0" error={fieldError("maxUnavailable")}>
            <input value={form.maxUnavailable} onInput={update("maxUnavailable")} placeholder="0" />
          </FormField>
          <FormField id="timeoutSeconds" label="Timeout (seconds)" error={fieldError("timeoutSeconds")}>
            <input type="number" min={1} value={form.timeoutSeconds} onInput={update("timeoutSeconds")} />
          </FormField>
        </div>
      </details>
      {generalError && (
        <p class="cc-alert cc-alert--error" role="alert">
          {generalError}
        </p>
      )}
      <div class="cc-buttons">
        <button type="submit" class="cc-button cc-button--primary" disabled={busy || !cluster}>
          {busy ? "Starting…" : "Start rollout"}
        </button>
        <button type="button" class="cc-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A labelled control with its hint and its error, wired with aria-describedby / aria-invalid. */
export function FormField(props: { id: string; label: string; hint?: string; error?: string; wide?: boolean; children: ComponentChildren }) {
  const id = "cc-field-" + props.id;
  const described = [props.hint && id + "-hint", props.error && id + "-error"].filter(Boolean).join(" ") || undefined;
  const [control, ...rest] = toChildArray(props.children);
  const wired = cloneElement(control as VNode, { id, "aria-describedby": described, "aria-invalid": props.error ? "true" : undefined });
  return (
    <div class={"cc-field" + (props.wide ? " cc-field--wide" : "") + (props.error ? " cc-field--invalid" : "")}>
      <label for={id}>{props.label}</label>
      {wired}
      {rest}
      {props.hint && (
        <span id={id + "-hint"} class="cc-hint">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={id + "-error"} class="cc-field-error" role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}
