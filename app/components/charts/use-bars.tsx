import { useEffect, useState, type ReactNode } from "react";
import type { BarsProps } from "./bars";

type BarsModule = typeof import("./bars");

/**
 * Draws bars once the chart code has arrived in the browser; null before (and on the server,
 * which never loads recharts). The figure's table is the content until then.
 */
export function useBars(): (props: BarsProps) => ReactNode {
  const [views, setViews] = useState<BarsModule | null>(null);
  useEffect(() => {
    let live = true;
    void import("./bars").then((m) => live && setViews(m));
    return () => {
      live = false;
    };
  }, []);
  return (props) => (views ? <views.Bars {...props} /> : null);
}
