import { defineConfig } from "vite";

// The web app is plain TypeScript + MapLibre, built into web-dist/ and served by `orbat serve`. No CDN.
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "/",
  build: { outDir: new URL("../web-dist", import.meta.url).pathname, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
