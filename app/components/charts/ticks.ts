/**
 * Ticks for a count axis: whole, evenly spaced steps of 1, 2 or 5 × 10ⁿ, about four of them,
 * from 0 to the first step at or above the largest value (never 0/1/2/4).
 */
export function countTicks(max: number): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}
