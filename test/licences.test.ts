// Licences and dependency audit in CI: the production dependencies' licences pass our allowlist, the
// generated docs/licences.md matches node_modules, and the policy and audit verdicts decide as documented.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditVerdict } from "../scripts/audit.js";
import { DATA, DOC, licenceProblem, licenceReport } from "../scripts/licences.js";

describe("licences", () => {
  let report: Awaited<ReturnType<typeof licenceReport>>;
  beforeAll(async () => {
    report = await licenceReport();
  });

  it("every production dependency has a licence on the allowlist", () => {
    expect(report.problems).toEqual([]);
  });

  it("docs/licences.md is up to date (npm run licences)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(report.markdown);
  });

  it("lists every data package with its upstream licence", () => {
    for (const d of DATA) expect(report.markdown).toMatch(new RegExp(`\\| ${d.name} \\| \\d`));
    expect(report.markdown).toContain("GeoNames (cities1000), CC BY 4.0");
  });

  it("refuses copyleft, unknown and misplaced data licences, and reads OR/AND expressions", () => {
    expect(licenceProblem("x", "MIT")).toBeNull();
    expect(licenceProblem("x", "(MPL-2.0 OR Apache-2.0)")).toBeNull();
    expect(licenceProblem("x", "(MIT AND Zlib)")).toBeNull();
    expect(licenceProblem("x", "GPL-3.0")).toMatch(/copyleft/);
    expect(licenceProblem("x", "AGPL-3.0-only")).toMatch(/copyleft/);
    expect(licenceProblem("x", "LGPL-2.1*")).toMatch(/copyleft/);
    expect(licenceProblem("x", "(MIT AND GPL-2.0)")).toMatch(/copyleft/);
    expect(licenceProblem("x", "UNKNOWN")).toMatch(/not on the allowlist/);
    expect(licenceProblem("x", "ODbL-1.0")).toMatch(/not listed as data/);
    expect(licenceProblem("world-countries", "ODbL-1.0")).toBeNull();
  });
});

describe("dependency audit verdict (scripts/audit.ts)", () => {
  const report = (vulnerabilities: Record<string, { severity: string }>) =>
    JSON.stringify({
      vulnerabilities,
      metadata: { vulnerabilities: { info: 0, low: 1, moderate: 1, high: 0, critical: 0 } },
    });

  it("fails on a high or critical advisory", () => {
    const v = auditVerdict(report({ "some-lib": { severity: "high" }, other: { severity: "low" } }));
    expect(v.status).toBe("fail");
    expect(v.message).toContain("some-lib (high)");
    expect(v.message).not.toContain("other");
  });

  it("passes with only low and moderate advisories", () => {
    expect(auditVerdict(report({ a: { severity: "moderate" }, b: { severity: "low" } })).status).toBe("ok");
  });

  it("warns, without failing, when the registry refuses the audit endpoint", () => {
    const refused = JSON.stringify({
      message: "405 Method Not Allowed - POST https://x/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
    });
    const v = auditVerdict(refused);
    expect(v.status).toBe("unavailable");
    expect(v.message).toContain("405");
    expect(auditVerdict("").status).toBe("unavailable");
  });
});
