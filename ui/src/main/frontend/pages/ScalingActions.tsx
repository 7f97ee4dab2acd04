// The Scaling page's actions for those who may scale: Add nodes (POST scale-up) and Remove a node
// (POST scale-down), each behind a Dialog; the server's refusal is shown in the dialog.
import { useState } from "preact/hooks";
import { ApiError, post, seg } from "../api";
import { announce } from "../announce";
import { Dialog } from "../components/Dialog";
import { FormField } from "./StartRollout";

/** What the actions need of a pool of GET /scaling. */
export interface PoolLimits {
  name: string;
  max: number;
  nodes: unknown[];
}

/** How many more machines the pool may have: the server orders at most its maximum minus those it has. */
export function room(pool: PoolLimits): number {
  return Math.max(0, pool.max - pool.nodes.length);
}

/** Why the typed node count cannot be sent, or undefined when it can. */
export function countProblem(text: string, pool: PoolLimits): string | undefined {
  const value = text.trim();
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) return "Enter a whole number of nodes, 1 or more.";
  const left = room(pool);
  if (Number(value) > left) return `At most ${left}: pool ${pool.name} has ${pool.nodes.length} machines and a maximum of ${pool.max}.`;
  return undefined;
}

function plural(n: number, what: string): string {
  return n + " " + what + (n === 1 ? "" : "s");
}

/** The message of a failed request, and the field it names. */
function failure(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(String(e), 0);
}

/** Orders nodes of a pool now (POST /scaling/pools/{pool}/scale-up). */
export function AddNodesDialog({ pool, onDone, onCancel }: { pool: PoolLimits; onDone: (message: string) => void; onCancel: () => void }) {
  const [count, setCount] = useState("1");
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    const problem = countProblem(count, pool);
    setFieldError(problem);
    setError(undefined);
    if (problem) {
      document.getElementById("cc-field-nodes")?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await post<{ pool: string; nodes: number }>(`/scaling/pools/${seg(pool.name)}/scale-up`, { nodes: Number(count.trim()) });
      onDone(`Ordered ${plural(answer.nodes, "node")} of pool ${pool.name}.`);
    } catch (e) {
      const f = failure(e);
      if (f.field === "nodes") setFieldError(f.message);
      else setError(f.message);
      setBusy(false);
    }
  }

  return (
    <Dialog title={"Add nodes to pool " + pool.name} confirmLabel="Add nodes" busy={busy} error={error} focus="#cc-field-nodes" onConfirm={confirm} onCancel={onCancel}>
      <p>
        The machines are ordered from the pool's provider now and join the cluster once they have booted. The pool has {plural(pool.nodes.length, "machine")} and a maximum of {pool.max}.
      </p>
      <FormField id="nodes" label="Nodes to add" hint={room(pool) === 1 ? "1: one more fits" : `1 to ${room(pool)}`} error={fieldError}>
        <input
          type="text"
          inputMode="numeric"
          value={count}
          autoComplete="off"
          onInput={(e) => {
            setCount((e.currentTarget as HTMLInputElement).value);
            setFieldError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !busy) {
              e.preventDefault();
              void confirm();
            }
          }}
        />
      </FormField>
    </Dialog>
  );
}

/** Drains one node of a pool and deletes its machine (POST /scaling/pools/{pool}/scale-down). */
export function RemoveNodeDialog({ pool, node, onDone, onCancel }: { pool: string; node: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await post(`/scaling/pools/${seg(pool)}/scale-down`, { node });
      onDone(`Node ${node} of pool ${pool} is draining; its machine is deleted once it is empty.`);
    } catch (e) {
      setError(failure(e).message);
      setBusy(false);
    }
  }

  return (
    <Dialog title={"Remove node " + node + "?"} confirmLabel="Remove node" destructive busy={busy} error={error} onConfirm={confirm} onCancel={onCancel}>
      <p>
        The node is cordoned and its pods are evicted (PodDisruptionBudgets are honoured); then the node is deleted and its machine in pool {pool} is terminated.
      </p>
    </Dialog>
  );
}

/** Tells the result in the live region and keeps it shown until the next action. */
export function useOutcome(): [string, (message: string) => void] {
  const [message, setMessage] = useState("");
  return [
    message,
    (m: string) => {
      setMessage(m);
      announce(m);
    },
  ];
}
