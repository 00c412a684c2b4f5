// Compiles data/ and the gazetteer packages into build/kb.json (run by `npm ci` via prepare, and by tests).
import { buildKbFile } from "../src/kb/load.js";

const t0 = performance.now();
let built: ReturnType<typeof buildKbFile>;
try {
  built = buildKbFile();
} catch (e) {
  process.stderr.write(`orbat: knowledge base build failed: ${(e as Error).message}\n`);
  process.exit(1);
}
const { path, kb } = built;
const ms = Math.round(performance.now() - t0);
const counts = Object.entries(kb.counts)
  .map(([k, v]) => `${k} ${v}`)
  .join(", ");
process.stderr.write(`orbat: knowledge base ${kb.version} compiled to ${path} in ${ms} ms (${counts})\n`);
