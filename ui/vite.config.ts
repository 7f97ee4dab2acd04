// Vite build of the dashboard: two entries (app, login) and one stylesheet, fixed names, into the jar's resource path.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const src = (file: string) => fileURLToPath(new URL("src/main/frontend/" + file, import.meta.url));

const out = "target/generated-resources/ui/io/jenkins/plugins/containercloud/ui";

export default defineConfig({
  root: "src/main/frontend",
  publicDir: "public", // index.html and login.html, copied unchanged (hosts fill their placeholders)
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact", legalComments: "none" },
  build: {
    outDir: "../../../" + out,
    emptyOutDir: true,
    target: "es2020",
    modulePreload: false, // no polyfill: it would add code the hosts never need
    cssCodeSplit: false,
    sourcemap: false,
    rollupOptions: {
      input: { app: src("main.tsx"), login: src("login.ts") },
      output: {
        entryFileNames: "[name].js",
        chunkFileNames: "[name].js",
        assetFileNames: (asset) => (asset.names?.[0]?.endsWith(".css") ? "app.css" : "assets/[name][extname]"),
      },
    },
  },
});
