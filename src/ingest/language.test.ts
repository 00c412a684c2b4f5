// The one-pass reading of simple samples gives what the general reading gives.
import { describe, expect, it } from "vitest";
import { randomText, seededRandom } from "../../test/random.js";
import { loadFixtures } from "../eval/fixtures.js";
import { detectAny, detectLanguage, detectSimple } from "./language.js";

const PIECES = [
  ..."the and of to in said is was for on el la los de que del las por le les des et est du une dans".split(
    " ",
  ),
  ..."der die das und ist nicht mit den ein zu o os em e do da não uma".split(" "),
  ..."THE The NÃO Said x y 123 ’ “ ” — … , . \n é É ł Ł ß İ Σ σ ς µ ª Ⓐ ǅ 😀 привет 中文 \u0301 \u00a0".split(
    " ",
  ),
  " ",
  "  ",
  "\ud800",
];

describe("detectLanguage", () => {
  it("reads a simple sample in one pass as the general reading does", () => {
    const random = seededRandom(11);
    const samples = loadFixtures().map((f) => f.text.slice(0, 5000));
    for (let n = 0; n < 20000; n++) samples.push(randomText(random, PIECES, 30));
    let simple = 0;
    for (const sample of samples) {
      const fast = detectSimple(sample);
      if (fast === undefined) continue;
      simple++;
      expect(fast, JSON.stringify(sample)).toBe(detectAny(sample));
    }
    expect(simple).toBeGreaterThan(1000);
  });

  it("tells English, Spanish, German and Russian", () => {
    expect(detectLanguage("The army said the drills were over, and the ships were in port.")).toBe("en");
    expect(detectLanguage("El ejército dijo que los ejercicios de la marina terminaron en el puerto.")).toBe(
      "es",
    );
    expect(detectLanguage("Die Armee sagte, dass die Übung nicht mit den Schiffen zu Ende ist.")).toBe("de");
    expect(detectLanguage("Армия заявила, что учения закончились.")).toBe("ru");
  });

  it("tells Ukrainian from Russian by the letters only one of them writes", () => {
    expect(detectLanguage("Збройні сили України заявили, що російські дрони атакували Одесу.")).toBe("uk");
    expect(detectLanguage("Вооружённые силы России заявили, что учения закончились.")).toBe("ru");
    // a Russian text quoting one Ukrainian name stays Russian
    expect(
      detectLanguage("Министерство обороны России сообщило об ударе по Києву, говорится в заявлении."),
    ).toBe("ru");
  });
});
