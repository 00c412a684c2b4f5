import { describe, expect, it } from "vitest";
import { fold } from "./normalize.js";

describe("fold", () => {
  // The matcher finds the tokens whose norms have a digit by looking for digits in the text.
  it("neither makes nor drops a digit 0-9, for any code point", () => {
    const wrong: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (/[0-9]/.test(fold(s)) !== /[0-9]/.test(s)) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
  });

  it("folds ASCII to lower case alone, and strips the marks and ligatures of any other text", () => {
    expect(fold("Su-30MK2 Kharkiv")).toBe("su-30mk2 kharkiv");
    expect(fold("Zaporizhzhia’s Łódź Straße Ærø Kherson\u0301")).toBe(
      "zaporizhzhia’s lodz strasse aero kherson",
    );
  });

  it("keeps the digits of a word", () => {
    expect(fold("Su-30MKİ2")).toMatch(/30.*2/);
  });
});
