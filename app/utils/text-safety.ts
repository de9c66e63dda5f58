// Characters that have no place in what people type into the app: C0/C1 control characters
// (NUL, ESC, …) and the Unicode bidirectional overrides and isolates that make a name display
// differently from what it is ("Trojan Source"). Shared by the form schemas and the roster import.

// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/;
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** A name, title or other one-line value: no control characters at all (no line breaks either). */
export function isCleanLine(value: string) {
  return !CONTROL_SINGLE_LINE.test(value);
}

/** Free text: tabs and line breaks allowed, other control characters not. */
export function isCleanText(value: string) {
  return !CONTROL_MULTI_LINE.test(value);
}
