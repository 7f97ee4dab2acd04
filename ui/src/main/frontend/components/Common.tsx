// Small shared pieces: relative ages, loading and error states, the page heading.
import type { ComponentChildren } from "preact";
import { absolute, ago } from "../format";

/** "3m ago", with the absolute time as its title. */
export function Age({ time }: { time?: string }) {
  if (!time) return <span class="cc-muted">—</span>;
  return (
    <time dateTime={time} title={absolute(time)}>
      {ago(time)}
    </time>
  );
}

/** What a view shows while its first answer is on its way, or when it failed. */
export function Status({ loading, error, hasData }: { loading: boolean; error?: Error; hasData: boolean }) {
  if (error)
    return (
      <p class="cc-alert cc-alert--error" role="alert">
        {error.message}
      </p>
    );
  if (loading && !hasData) return <p class="cc-muted" aria-busy="true">Loading…</p>;
  return null;
}

export function PageHeader({ title, children }: { title: ComponentChildren; children?: ComponentChildren }) {
  return (
    <div class="cc-page-header">
      <h1>{title}</h1>
      {children && <div class="cc-page-header__controls">{children}</div>}
    </div>
  );
}

export function Card({ title, children, class: cls }: { title?: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <section class={"cc-card" + (cls ? " " + cls : "")}>
      {title && <h2 class="cc-card__title">{title}</h2>}
      {children}
    </section>
  );
}

/** `Deployment/api` in `ns`: the way a workload is named everywhere. */
export function WorkloadName({ kind, name, namespace }: { kind: string; name: string; namespace?: string }) {
  return (
    <span class="cc-nowrap">
      <span class="cc-muted">{kind}/</span>
      <strong>{name}</strong>
      {namespace && <span class="cc-muted"> in {namespace}</span>}
    </span>
  );
}
