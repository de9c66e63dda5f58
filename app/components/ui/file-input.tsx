import { forwardRef, type InputHTMLAttributes } from "react";

/**
 * The native file picker, styled like the other controls: its button looks like a secondary
 * button, the chosen file name sits beside it. Still the native element, so keyboard and
 * screen readers behave as everywhere else.
 */
export const FileInput = forwardRef<HTMLInputElement, Omit<InputHTMLAttributes<HTMLInputElement>, "type">>(function FileInput(
  { className = "", ...props },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      className={`block w-full max-w-xl rounded-8 border border-solid-gray-600 bg-white p-2 text-std-16N-170 file:mr-4 file:min-h-10 file:cursor-pointer file:rounded-8 file:border-2 file:border-solid file:border-blue-900 file:bg-white file:px-4 file:text-oln-16B-100 file:text-blue-900 hover:file:bg-blue-50 aria-invalid:border-2 aria-invalid:border-error-2 ${className}`}
      {...props}
    />
  );
});
