import { describe, expect, it } from "vitest";
import { kb } from "../../test/helpers.js";
import { analyzeRaw } from "../analyze.js";
import { independentReports, originOf, type Telling } from "./independent.js";

const t = (docId: string, storyId: string, origin: string | null, publishedAt = "2025-06-03"): Telling => ({
  docId,
  storyId,
  publishedAt,
  origin,
});

describe("independent reports", () => {
  it("counts stories without a known outlet one by one", () => {
    expect(independentReports([])).toBe(0);
    expect(independentReports([t("a", "1", null), t("b", "2", null), t("c", "1", null)])).toBe(2);
  });

  it("counts an article relaying an outlet as that outlet's report", () => {
    // the wire's own story and two articles that relay it: one report; an unrelated story: another
    const tellings = [
      t("wire", "1", "own:reuters"),
      t("relay-1", "2", "relay:reuters"),
      t("relay-2", "3", "relay:reuters"),
      t("other", "4", null),
    ];
    expect(independentReports(tellings)).toBe(2);
    // without the wire's own story the relays are still one report
    expect(independentReports(tellings.slice(1))).toBe(2);
    expect(independentReports(tellings.slice(1, 3))).toBe(1);
  });

  it("counts each outlet an article relays, and an outlet's stories once", () => {
    expect(independentReports([t("a", "1", "relay:ap,reuters")])).toBe(2);
    expect(independentReports([t("a", "1", "own:afp"), t("b", "2", "own:afp")])).toBe(1);
    expect(independentReports([t("a", "1", "own:afp"), t("b", "2", "own:reuters")])).toBe(2);
  });

  it("gives a story to the outlet of its first copy, not to a site that syndicates it", () => {
    // a Reuters story, its copy on an outlet's site a day later, and that outlet's own story: two reports
    const tellings = [
      t("wire", "1", "own:reuters", "2025-06-02"),
      t("copy", "1", "own:dw", "2025-06-03"),
      t("dw-own", "2", "own:dw", "2025-06-03"),
    ];
    expect(independentReports(tellings)).toBe(2);
    // had the copy been taken as the outlet's, both would have been one with the wire
  });
});

describe("whose report a telling is", () => {
  const analyse = (text: string, meta: { url?: string; source?: string }) =>
    analyzeRaw({ text, format: "text", publishedAt: "2025-06-03", ...meta }, kb);
  const origins = (a: ReturnType<typeof analyse>) => {
    const byId = new Map(a.entities.map((e) => [e.id, e]));
    return a.events.map((ev) => originOf(ev, a, byId));
  };

  it("reads an outlet cited for the event as a relay", () => {
    const a = analyse(
      "Latvia deployed IRIS-T SLM air-defence systems to Ventspils on Monday, Reuters reported, citing the defence ministry.",
      { source: "Baltic Desk" },
    );
    expect(a.sources[0]!.outlet).toBeUndefined();
    expect(origins(a)).toEqual(["relay:reuters"]);
  });

  it("reads the publisher's own story, naming itself in its dateline, as its own", () => {
    const a = analyse(
      "RIGA (Reuters) - Latvia deployed IRIS-T SLM air-defence systems to Ventspils on Monday, the defence ministry said.",
      { url: "https://www.reuters.com/world/europe/latvia-air-defence", source: "Reuters" },
    );
    expect(a.sources[0]!.outlet).toBe("reuters");
    expect(origins(a)).toEqual(["own:reuters"]);
  });

  it("gives no origin to a story whose publisher is unknown and that cites no outlet", () => {
    const a = analyse(
      "Latvia deployed IRIS-T SLM air-defence systems to Ventspils on Monday, the defence ministry said.",
      { source: "Baltic Desk" },
    );
    expect(origins(a)).toEqual([null]);
  });
});
