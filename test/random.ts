// Random test inputs that are the same on every run: a seeded generator, and texts drawn from pieces.

/** A pseudo-random number in [0, 1) per call, from a fixed seed (a linear congruential generator). */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** A text of up to `maxPieces - 1` pieces drawn from `pieces` (a string draws characters). */
export function randomText(
  random: () => number,
  pieces: string | readonly string[],
  maxPieces: number,
): string {
  let text = "";
  const count = Math.floor(random() * maxPieces);
  for (let i = 0; i < count; i++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}
