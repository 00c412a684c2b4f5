// A larger corpus for crash, queue and scale runs: every fixture article several times, each copy distinct.
import { writeFileSync } from "node:fs";
import { loadFixtures } from "../src/eval/fixtures.js";

/** Writes `copies` distinct copies of every fixture as JSON Lines to `path`; returns the number of lines. */
export function writeFixtureCopies(path: string, copies: number): number {
  const lines = loadFixtures().flatMap((g) =>
    Array.from({ length: copies }, (_, c) =>
      JSON.stringify({
        id: `${g.id}-${c}`,
        title: g.title,
        text: `${g.text}\n\n(copy ${c})`,
        publishedAt: g.publishedAt ?? null,
      }),
    ),
  );
  writeFileSync(path, `${lines.join("\n")}\n`);
  return lines.length;
}
