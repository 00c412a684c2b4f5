// The fast paths of ymd and parseYmd give what the ISO string and the date parser give.
import { describe, expect, it } from "vitest";
import { parseYmd, ymd } from "./dates.js";

describe("ymd and parseYmd", () => {
  it("ymd is toISOString().slice(0, 10) for every day of years 0 to 10100 (sampled)", () => {
    const bad: string[] = [];
    for (let t = Date.UTC(0, 0, 1) - 86400000 * 400; t < Date.UTC(10100, 0, 1); t += 86400000 * 3.7) {
      const d = new Date(t);
      const want = d.toISOString().slice(0, 10);
      if (ymd(d) !== want) bad.push(want);
    }
    expect(bad).toEqual([]);
    expect(() => ymd(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('parseYmd reads a string as the date parser reads the string s.slice(0, 10) + "T12:00:00Z"', () => {
    const strings = [
      "2025-10-07T00:00:00Z",
      "2025-1-07",
      "abcd-ef-gh",
      "",
      "2025-10-0",
      "+12345-01-01",
      "2025/10/07",
    ];
    for (const y of ["0999", "1000", "1900", "2000", "2023", "2024", "2100", "9999"])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++)
          strings.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    for (const s of strings)
      expect(parseYmd(s).getTime(), s).toBe(new Date(`${s.slice(0, 10)}T12:00:00Z`).getTime());
  });
});
