// Live updates: one EventSource on {apiBase}/stream shared by all views, or a 5 s poll tick when data-live="poll".
import { useEffect, useRef, useState } from "preact/hooks";
import { config } from "./config";
import { url } from "./api";

export type LiveEvent = "rollout" | "cluster" | "deployment";
/** Called with the event's data, or with null on a poll tick (re-read everything shown). */
export type LiveHandler = (data: unknown | null) => void;
export type LiveStatus = "connecting" | "live" | "reconnecting" | "polling";

const handlers: Record<LiveEvent, Set<LiveHandler>> = { rollout: new Set(), cluster: new Set(), deployment: new Set() };
const statusListeners = new Set<(s: LiveStatus) => void>();
let status: LiveStatus = "connecting";
let started = false;

function setStatus(s: LiveStatus): void {
  status = s;
  statusListeners.forEach((l) => l(s));
}

function dispatch(type: LiveEvent, data: unknown | null): void {
  handlers[type].forEach((h) => {
    try {
      h(data);
    } catch (e) {
      console.error("Container Cloud: live handler failed", e);
    }
  });
}

function start(): void {
  if (started) return;
  started = true;
  if (config().live === "poll" || typeof EventSource === "undefined") {
    setStatus("polling");
    setInterval(() => (Object.keys(handlers) as LiveEvent[]).forEach((t) => dispatch(t, null)), 5000);
    return;
  }
  connect();
}

function connect(): void {
  // EventSource reconnects by itself and sends Last-Event-ID, so the server replays what was missed;
  // only when it gives up (an answer that is not an event stream) is a new one opened, a little later.
  const source = new EventSource(url("/stream"));
  source.onopen = () => setStatus("live");
  source.onerror = () => {
    setStatus("reconnecting");
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
  };
  for (const type of Object.keys(handlers) as LiveEvent[]) {
    source.addEventListener(type, (e) => {
      let data: unknown;
      try {
        data = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      dispatch(type, data);
    });
  }
}

export function subscribe(type: LiveEvent, handler: LiveHandler): () => void {
  start();
  handlers[type].add(handler);
  return () => handlers[type].delete(handler);
}

/** Subscribes for the component's lifetime; the latest handler is always the one called. */
export function useLive(type: LiveEvent, handler: LiveHandler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => subscribe(type, (d) => ref.current(d)), [type]);
}

export function useLiveStatus(): LiveStatus {
  const [s, set] = useState(status);
  useEffect(() => {
    start();
    set(status);
    statusListeners.add(set);
    return () => void statusListeners.delete(set);
  }, []);
  return s;
}

/** Runs fn at most once per `ms`, after the last call (trailing debounce). */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
