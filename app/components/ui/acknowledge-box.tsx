import type { ReactNode } from "react";

/**
 * What a save would do that deserves a second look, and the box to tick to go ahead. The
 * server asks (so it works without JavaScript); the form posts again with `name=yes`.
 */
export function AcknowledgeBox({ name, label, children, alert = false }: { name: string; label: string; children: ReactNode; alert?: boolean }) {
  return (
    <div role={alert ? "alert" : undefined} className="flex flex-col gap-2 rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-4">
      {children}
      <label className="flex items-center gap-2">
        <input type="checkbox" name={name} value="yes" className="size-5" />
        {label}
      </label>
    </div>
  );
}
