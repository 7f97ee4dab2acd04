// Dev tool: drives headless Chromium over the DevTools protocol: open a URL, wait, optionally run a script, screenshot, print console errors and CSP violations.
// Usage: node --experimental-websocket dev/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [WAIT_MS] [JS to evaluate after the wait]
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const [url, out, size = "1280x900", wait = "1500", script] = process.argv.slice(2);
const [width, height] = size.split("x").map(Number);
const port = 9300 + Math.floor(Math.random() * 500);
const browser = spawn("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", `--remote-debugging-port=${port}`, `--window-size=${width},${height}`, "about:blank"], { stdio: "ignore" });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let targets;
for (let i = 0; i < 50 && !targets; i++) {
  await sleep(100);
  targets = await fetch(`http://127.0.0.1:${port}/json/list`).then((r) => r.json(), () => undefined);
}
const page = targets.find((t) => t.type === "page");
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => (ws.onopen = r));
let id = 0;
const pending = new Map();
const problems = [];
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) return pending.get(msg.id)(msg);
  if (msg.method === "Runtime.consoleAPICalled" && ["error", "warning", "assert"].includes(msg.params.type))
    problems.push(`console.${msg.params.type}: ${msg.params.args.map((a) => a.value ?? a.description).join(" ")}`);
  if (msg.method === "Runtime.exceptionThrown") problems.push("exception: " + (msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text));
  if (msg.method === "Log.entryAdded" && ["error", "warning"].includes(msg.params.entry.level)) problems.push(`log.${msg.params.entry.level}: ${msg.params.entry.text} ${msg.params.entry.url ?? ""}`);
};
const send = (method, params = {}) => new Promise((resolve) => { const n = ++id; pending.set(n, resolve); ws.send(JSON.stringify({ id: n, method, params })); });
await send("Runtime.enable");
await send("Log.enable");
await send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false });
if (process.env.DARK) await send("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: "dark" }] });
await send("Page.navigate", { url });
await sleep(Number(wait));
if (script) {
  const r = await send("Runtime.evaluate", { expression: script, awaitPromise: true, returnByValue: true });
  if (r.result?.result?.value !== undefined) console.log("script:", JSON.stringify(r.result.result.value));
  await sleep(800);
}
const metrics = await send("Runtime.evaluate", { expression: "JSON.stringify({scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth})", returnByValue: true });
console.log("page width:", metrics.result.result.value);
const shot = await send("Page.captureScreenshot", { format: "png", captureBeyondViewport: !!process.env.FULL });
writeFileSync(out, Buffer.from(shot.result.data, "base64"));
console.log(problems.length ? problems.join("\n") : "no console errors, no CSP violations");
ws.close();
browser.kill();
process.exit(0);
