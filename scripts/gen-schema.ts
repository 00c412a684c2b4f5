// Writes docs/analysis.schema.json from the zod schema, so the published contract never drifts from the code.
import { writeFileSync } from "node:fs";
import { analysisJsonSchema } from "../src/core/json-schema.js";

writeFileSync(
  new URL("../docs/analysis.schema.json", import.meta.url),
  `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`,
);
process.stderr.write("wrote docs/analysis.schema.json\n");
