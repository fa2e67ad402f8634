import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webDir = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = "http://localhost:3000";

// The server's CSP allows only same-origin scripts: nothing may be inlined into index.html.
export default defineConfig({
  root: webDir,
  publicDir: path.join(webDir, "public"),
  plugins: [react()],
  build: {
    outDir: path.join(webDir, "dist"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Inlined assets become data: URLs; keep scripts and fonts as files the CSP allows.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": apiTarget,
      "/healthz": apiTarget,
      "/readyz": apiTarget,
      "/metrics": apiTarget,
    },
  },
});
