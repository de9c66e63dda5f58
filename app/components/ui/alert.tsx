import type { HTMLAttributes } from "react";

type Tone = "error" | "success" | "info" | "warning";

const tones: Record<Tone, string> = {
  error: "border-error-2 bg-red-50 text-solid-gray-900",
  success: "border-success-2 bg-green-50 text-solid-gray-900",
  info: "border-blue-900 bg-blue-50 text-solid-gray-900",
  warning: "border-warning-yellow-2 bg-yellow-50 text-solid-gray-900",
};

export interface AlertProps extends HTMLAttributes<HTMLDivElement> {
  tone?: Tone;
}

/** Errors interrupt (role=alert); other notices are polite (role=status). */
export function Alert({ tone = "info", className = "", ...props }: AlertProps) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-tone={tone}
      className={`rounded-8 border-l-8 border px-4 py-3 ${tones[tone]} ${className}`}
      {...props}
    />
  );
}
