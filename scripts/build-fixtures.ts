// Writes fixtures/events-gold.jsonl (for `orbat eval events`) and fixtures/text/<id>.txt (plain articles
// for `orbat analyze`) from the YAML fixtures, which stay the single source.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadFixtures } from "../src/eval/fixtures.js";
import { ROOT } from "../src/kb/load.js";

const fixtures = loadFixtures();
writeFileSync(
  join(ROOT, "fixtures", "events-gold.jsonl"),
  `${fixtures.map((f) => JSON.stringify(f)).join("\n")}\n`,
);
mkdirSync(join(ROOT, "fixtures", "text"), { recursive: true });
for (const f of fixtures) writeFileSync(join(ROOT, "fixtures", "text", `${f.id}.txt`), f.text);
process.stderr.write(`wrote ${fixtures.length} fixtures to fixtures/events-gold.jsonl and fixtures/text/\n`);
