// Formatting of quantities and times: cores, bytes, relative ages with the absolute time beside.

export function cores(millis: number): string {
  if (millis < 1000) return `${Math.round(millis)}m`;
  const c = millis / 1000;
  return `${c >= 10 ? Math.round(c) : Math.round(c * 10) / 10} cores`.replace(/^1 cores/, "1 core");
}

export function bytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 10 || i === 0 ? Math.round(n) : Math.round(n * 10) / 10} ${units[i]}`;
}

export function percent(value: number, max: number): number {
  return max > 0 ? Math.round((value / max) * 100) : 0;
}

/** "3m ago", "2h ago", "5d ago"; "in 2m" for a clock a little ahead. */
export function ago(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  const abs = Math.abs(s);
  const text =
    abs < 45 ? `${abs}s` : abs < 3600 ? `${Math.round(abs / 60)}m` : abs < 86400 ? `${Math.round(abs / 3600)}h` : `${Math.round(abs / 86400)}d`;
  return s >= 0 ? `${text} ago` : `in ${text}`;
}

export function absolute(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString() + " (" + d.toISOString() + ")";
}

/** The local time of day, "14:05:30", for chart axes. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** "1m 20s", "45s", "2h 3m". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

export function between(startIso: string, endIso?: string): string {
  const end = endIso ? Date.parse(endIso) : Date.now();
  return duration(end - Date.parse(startIso));
}

/** `registry/app:1.2` → `app:1.2`, for narrow cells (the full reference goes in a title). */
export function shortImage(image: string): string {
  const slash = image.lastIndexOf("/");
  return slash >= 0 ? image.slice(slash + 1) : image;
}

/**
 * An image for a narrow column: its last path segment with a digest cut to its first 12 hex digits
 * (show the full value in a tooltip).
 */
export function compactImage(image: string): string {
  const short = shortImage(image);
  const at = short.indexOf("@sha256:");
  const keep = at + "@sha256:".length + 12;
  return at >= 0 && short.length > keep ? short.slice(0, keep) + "…" : short;
}
