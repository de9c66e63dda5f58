// Every action reads its form through here: the body is counted while it arrives and refused
// past a limit (a form is a few KB; nobody types 256 KB), so a huge or endless body costs the
// server nothing beyond the limit. Anything that is not a form gets a 4xx, never a 500.

export const FORM_MAX_BYTES = 256 * 1024;
export const FORM_MAX_FIELDS = 500;

export type BodyProblem = "tooLarge" | "unsupported" | "malformed" | "tooManyFields";

const STATUS: Record<BodyProblem, number> = { tooLarge: 413, unsupported: 415, malformed: 400, tooManyFields: 413 };

/** A response the ErrorBoundary explains in the user's language (statusText names the problem). */
export function bodyProblem(problem: BodyProblem): Response {
  return new Response(problem, { status: STATUS[problem], statusText: problem });
}

// The rest of a refused body is never read here. Cancelling the stream would destroy the
// connection before the answer is written, so the reader is only released; the server closes
// the connection once the answer is out (server.mjs).

/**
 * Read at most `maxBytes` of a request body. Stops reading (and cancels the stream) as soon as
 * the limit is passed, whatever Content-Length claimed.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array | "tooLarge"> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return "tooLarge";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.releaseLock();
      return "tooLarge";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function mediaType(request: Request) {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Parse a form body, or say what is wrong with it. Multipart is for the upload helpers. */
export async function parseFormBody(request: Request, maxBytes = FORM_MAX_BYTES): Promise<FormData | BodyProblem> {
  const type = mediaType(request);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") return "unsupported";
  const bytes = await readBodyLimited(request, maxBytes);
  if (bytes === "tooLarge") return "tooLarge";
  let form: FormData;
  try {
    if (type === "application/x-www-form-urlencoded") {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      form = new FormData();
      for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
    } else {
      form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
    }
  } catch {
    return "malformed";
  }
  let fields = 0;
  for (const _ of form.keys()) if (++fields > FORM_MAX_FIELDS) return "tooManyFields";
  return form;
}

/** The form of an action; a body that is not an acceptable form is answered with a 4xx. */
export async function readForm(request: Request, maxBytes = FORM_MAX_BYTES): Promise<FormData> {
  const form = await parseFormBody(request, maxBytes);
  if (typeof form === "string") throw bodyProblem(form);
  return form;
}
