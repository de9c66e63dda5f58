import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The bars of the coordinator dashboard, loaded in the browser after the page (recharts is the
// heaviest part of the app's JS; the page and its tables never wait for it). Hidden from screen
// readers: each figure's table carries the same numbers.

export interface Series {
  key: string;
  name: string;
  colour: string;
}

export function Bars({ data, series, max, unit }: { data: Record<string, string | number | null>[]; series: Series[]; max?: number; unit?: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, max ?? "auto"]} allowDecimals={max !== undefined && max <= 5} unit={unit} />
        <Tooltip />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
