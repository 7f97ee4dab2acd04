// The app's configuration, read once from the mount element's data-* attributes (the only way hosts configure it).

export interface Config {
  apiBase: string;
  csrfHeader: string;
  csrfToken: string;
  user: string;
  roles: string[];
  /** `data-permissions`: what the user may do, e.g. `view,deploy,rollback,scale` (both hosts fill it). */
  permissions: string[];
  features: string[];
  notice: string;
  logoutUrl: string;
  live: "sse" | "poll";
  /** The host page has its own navigation (Jenkins' side panel): the app leaves out its brand and nav. */
  embedded: boolean;
  canDeploy: boolean;
  /** May order and remove nodes of the node pools (the Scaling page's buttons). */
  canScale: boolean;
}

/** A value the host did not fill in (a `{{placeholder}}` left in index.html) counts as empty. */
function attr(el: HTMLElement, name: string): string {
  const value = (el.dataset[name] ?? "").trim();
  return value.startsWith("{{") ? "" : value;
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readConfig(el: HTMLElement): Config {
  const roles = list(attr(el, "roles"));
  const permissions = list(attr(el, "permissions"));
  return {
    apiBase: (attr(el, "apiBase") || "api/v1").replace(/\/+$/, ""),
    csrfHeader: attr(el, "csrfHeader"),
    csrfToken: attr(el, "csrfToken"),
    user: attr(el, "user"),
    roles,
    permissions,
    features: list(attr(el, "features")),
    notice: attr(el, "notice"),
    logoutUrl: attr(el, "logoutUrl"),
    live: attr(el, "live") === "poll" ? "poll" : "sse",
    embedded: attr(el, "chrome") === "embedded",
    canDeploy: roles.includes("deployer") || roles.includes("admin"),
    canScale: permissions.includes("scale"),
  };
}

let current: Config | undefined;

export function setConfig(config: Config): void {
  current = config;
}

/** The configuration read at start-up; pages read it from here. */
export function config(): Config {
  if (!current) throw new Error("Container Cloud: configuration read before the app was mounted");
  return current;
}
