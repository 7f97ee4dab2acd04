// Entry point: reads the mount element's data-* attributes and renders the app into it.
import { render } from "preact";
import { readConfig, setConfig } from "./config";
import { App } from "./app";
import "./styles/app.css";

const mount = document.getElementById("container-cloud-app");
if (mount) {
  // A host page that opens one view (Jenkins' Rollouts page, say) names it in data-page.
  const page = (mount.dataset.page ?? "").trim();
  if (page && !page.startsWith("{{") && !location.hash) history.replaceState(null, "", "#/" + page);
  setConfig(readConfig(mount));
  mount.classList.add("cc-app");
  render(<App insideMain={!!mount.closest("main")} />, mount);
} else {
  console.error('Container Cloud: no <div id="container-cloud-app"> on this page');
}
