// The tiny API client: GET and POST JSON under data-api-base, the CSRF header on POSTs, errors as ApiError.
import { config } from "./config";

/** An answer other than 2xx, with the server's `{error: {message, field}}` when it sent one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called once a request was answered 401: the session has ended. */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export type Query = Record<string, string | undefined>;

export function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const qs = params.toString();
  return config().apiBase + path + (qs ? "?" + qs : "");
}

async function send<T>(method: "GET" | "POST", target: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const { csrfHeader, csrfToken } = config();
  if (method === "POST") {
    headers["Content-Type"] = "application/json";
    if (csrfHeader && csrfToken) headers[csrfHeader] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(target, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("The server could not be reached. Check your connection and try again.", 0);
  }
  if (response.status === 401) sessionEndedListeners.forEach((l) => l());
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: handled below
  }
  if (!response.ok) {
    const error = (json as { error?: { message?: string; field?: string } } | undefined)?.error;
    throw new ApiError(
      error?.message || `The server answered ${response.status} ${response.statusText}.`.replace(" .", "."),
      response.status,
      error?.field,
    );
  }
  return json as T;
}

export function get<T>(path: string, query?: Query): Promise<T> {
  return send<T>("GET", url(path, query));
}

export function post<T>(path: string, body: unknown = {}): Promise<T> {
  return send<T>("POST", url(path), body);
}

/** Encodes one path segment (cluster names, ids). */
export const seg = encodeURIComponent;
