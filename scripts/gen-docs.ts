// Writes docs/events.md from the ontology table, so the documentation cannot drift from the code.
import { writeFileSync } from "node:fs";
import { eventsMarkdown } from "../src/stages/events/ontology-doc.js";

writeFileSync(new URL("../docs/events.md", import.meta.url), eventsMarkdown());
process.stderr.write("wrote docs/events.md\n");
