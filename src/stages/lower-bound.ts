// One binary search for the stages' ordered lists (candidates, tokens, mentions, by an offset of theirs).

/**
 * The position of the first item whose key is at least `value`, in a list ordered by that key (the list's
 * length when there is none).
 */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
