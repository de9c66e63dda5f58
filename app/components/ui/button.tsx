import { forwardRef, type ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "tertiary" | "danger";

const variants: Record<Variant, string> = {
  primary: "bg-blue-900 text-white border-blue-900 hover:bg-blue-1000 hover:border-blue-1000",
  secondary: "bg-white text-blue-900 border-blue-900 hover:bg-blue-50",
  tertiary: "bg-transparent text-blue-900 border-transparent underline hover:bg-blue-50",
  danger: "bg-white text-error-2 border-error-2 hover:bg-red-50",
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "md" | "sm";
}

/** Native button with the design system's look; busy/disabled state via aria-disabled. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", size = "md", className = "", type = "button", ...props },
  ref,
) {
  const sizing = size === "sm" ? "min-h-9 px-3 text-dns-14B-120" : "min-h-12 px-6 text-oln-16B-100";
  return (
    <button
      ref={ref}
      type={type}
      data-variant={variant}
      className={`inline-flex items-center justify-center gap-2 rounded-8 border-2 ${sizing} ${variants[variant]} aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${className}`}
      {...props}
    />
  );
});
