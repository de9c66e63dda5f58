import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { countTicks } from "./ticks";

// Bar charts of the dashboard and the survey results, loaded in the browser after the page
// (use-bars.tsx): recharts is the heaviest part of the app's JS, and neither the page, its tables
// nor the server's render wait for it (issue 28: ~0.4 s of every server start before). Hidden from
// screen readers: each figure's table carries the same numbers.

export interface Series {
  key: string;
  name: string;
  colour: string;
}

export interface BarsProps {
  data: Record<string, string | number | null>[];
  series: Series[];
  max?: number;
  unit?: string;
  /** Fixed ticks (a 1–5 scale); a count axis (no max) gets whole, even steps (ticks.ts). */
  ticks?: number[];
}

export function Bars({ data, series, max, unit, ticks }: BarsProps) {
  const largest = Math.max(0, ...data.flatMap((row) => series.map((s) => Number(row[s.key] ?? 0))));
  // a count: whole, even steps; a small fixed scale (a 1–5 survey mean): every whole number
  const yTicks = ticks ?? (max === undefined ? countTicks(largest) : max <= 10 ? Array.from({ length: max + 1 }, (_, i) => i) : undefined);
  // long names on many bars are slanted so that they never run into each other
  const slanted = data.length > 4 && data.some((row) => String(row.name ?? "").length > 4);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} angle={slanted ? -30 : 0} textAnchor={slanted ? "end" : "middle"} height={slanted ? 64 : 30} />
        <YAxis domain={[0, max ?? yTicks?.at(-1) ?? "auto"]} ticks={yTicks} allowDecimals={max !== undefined && max <= 5 && !ticks} unit={unit} />
        <Tooltip />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
