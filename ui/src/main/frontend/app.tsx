// The app shell: header with navigation and user, the notice banner, the routed page and the aria-live region.
import { useEffect, useRef, useState } from "preact/hooks";
import { config } from "./config";
import { onSessionEnded } from "./api";
import { onAnnounce } from "./announce";
import { useRoute, type Route } from "./router";
import { useLiveStatus } from "./live";
import { Overview } from "./pages/Overview";
import { ClusterPage } from "./pages/Cluster";
import { Rollouts } from "./pages/Rollouts";
import { RolloutDetail } from "./pages/RolloutDetail";
import { History } from "./pages/History";
import { HistoryDetail } from "./pages/HistoryDetail";
import { FeaturePage, NotFound } from "./pages/Other";
import { Scaling } from "./pages/Scaling";
import { Webhooks } from "./pages/Webhooks";

interface NavItem {
  path: string;
  label: string;
  feature?: string;
}

const NAV: NavItem[] = [
  { path: "", label: "Overview" },
  { path: "rollouts", label: "Rollouts" },
  { path: "history", label: "History" },
  { path: "scaling", label: "Scaling", feature: "scaling" },
  { path: "webhooks", label: "Webhooks", feature: "webhooks" },
];

const cfg = config;

function page(route: Route) {
  const [section, id, tab] = route.parts;
  switch (section) {
    case undefined:
      return <Overview />;
    case "clusters":
      return id ? <ClusterPage cluster={id} tab={tab} query={route.query} /> : <Overview />;
    case "rollouts":
      return id ? <RolloutDetail id={id} /> : <Rollouts query={route.query} />;
    case "history":
      return id ? <HistoryDetail id={id} /> : <History query={route.query} />;
    case "scaling":
      return cfg().features.includes("scaling") ? <Scaling /> : <FeaturePage feature={section} />;
    case "webhooks":
      return config().features.includes("webhooks") ? <Webhooks /> : <FeaturePage feature={section} />;
    default:
      return <NotFound />;
  }
}

function LiveIndicator() {
  const status = useLiveStatus();
  const text = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", polling: "Refreshing every 5 s" }[status];
  return (
    <span class={"cc-live cc-live--" + status} title="Live updates">
      {text}
    </span>
  );
}

export function App({ insideMain }: { insideMain: boolean }) {
  const cfg = config();
  const route = useRoute();
  const [sessionEnded, setSessionEnded] = useState(false);
  const [message, setMessage] = useState("");
  const contentRef = useRef<HTMLDivElement>(null);
  const path = route.parts.join("/");
  const first = useRef(true);

  useEffect(() => onSessionEnded(() => setSessionEnded(true)), []);
  useEffect(() => onAnnounce(setMessage), []);
  // A new page: move focus to its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = contentRef.current?.querySelector<HTMLElement>("h1");
    if (h1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: false });
    }
  }, [path]);

  const section = route.parts[0] ?? "";
  const Main = insideMain ? "div" : "main";
  return (
    <div class="cc-shell">
      <header class="cc-header">
        {!cfg.embedded && (
          <a class="cc-brand" href="#/">
            Container Cloud
          </a>
        )}
        <nav aria-label="Container Cloud" hidden={cfg.embedded}>
          <ul class="cc-nav">
            {NAV.filter((n) => !n.feature || cfg.features.includes(n.feature)).map((n) => (
              <li key={n.path}>
                <a href={"#/" + n.path} aria-current={section === n.path || (n.path === "" && section === "clusters") ? "page" : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="cc-header__end">
          <LiveIndicator />
          {cfg.user && (
            <span class="cc-user" title={cfg.roles.length ? "Roles: " + cfg.roles.join(", ") : undefined}>
              {cfg.user}
            </span>
          )}
          {cfg.logoutUrl && (
            <form method="post" action={cfg.logoutUrl} class="cc-logout">
              <input type="hidden" name="csrf" value={cfg.csrfToken} />
              <button type="submit" class="cc-button cc-button--small">
                Log out
              </button>
            </form>
          )}
        </div>
      </header>
      {cfg.notice && (
        <div class="cc-alert cc-alert--info" role="note">
          {cfg.notice}
        </div>
      )}
      {sessionEnded && (
        <div class="cc-alert cc-alert--error" role="alert">
          Your session has ended — log in again.{" "}
          {cfg.logoutUrl && <a href={location.pathname}>Log in</a>}
        </div>
      )}
      <Main class="cc-content" ref={contentRef}>
        {page(route)}
      </Main>
      <div class="cc-visually-hidden" role="status" aria-live="polite">
        {message}
      </div>
    </div>
  );
}
