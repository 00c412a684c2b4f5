// Prints vitest's totals as one plain closing line ("tests: N passed, N failed, N skipped") for CI logs.
import { readFileSync } from "node:fs";

const r = JSON.parse(readFileSync(process.argv[2] ?? "test-artifacts/vitest.json", "utf8")) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
};
if (r.numTotalTests === 0) {
  process.stdout.write("tests: 0 passed, 0 failed\nno test ran\n");
  process.exit(1);
}
process.stdout.write(
  `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped\n`,
);
