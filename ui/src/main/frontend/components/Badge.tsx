// Badge: a small status label with a coloured dot; the text carries the meaning, the colour only repeats it.
import type { ComponentChildren } from "preact";

export type Tone = "success" | "error" | "warning" | "info" | "neutral";

export function Badge({ tone, children, title }: { tone: Tone; children: ComponentChildren; title?: string }) {
  return (
    <span class={"cc-badge cc-badge--" + tone} title={title}>
      {children}
    </span>
  );
}

const outcomeTones: Record<string, Tone> = {
  RUNNING: "info",
  ABORTING: "warning",
  SUCCEEDED: "success",
  FAILED: "error",
  ROLLED_BACK: "warning",
  INTERRUPTED: "warning",
  healthy: "success",
  progressing: "info",
  degraded: "error",
  Running: "success",
  Succeeded: "neutral",
  Pending: "warning",
  Failed: "error",
  Unknown: "warning",
  Warning: "warning",
  Normal: "neutral",
};

/** A badge for a rollout state, deployment outcome, workload health or pod phase. */
export function StateBadge({ state, title }: { state: string; title?: string }) {
  return (
    <Badge tone={outcomeTones[state] ?? "neutral"} title={title}>
      {state.replace("_", " ").toLowerCase()}
    </Badge>
  );
}
