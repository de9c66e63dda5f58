import { PassThrough } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dropNulBytes } from "./nul-filter.server";

function render(node: ReturnType<typeof createElement>, through: () => NodeJS.ReadWriteStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sink = through();
    const chunks: Buffer[] = [];
    sink.on("data", (c: Buffer) => chunks.push(c));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(node, { onAllReady: () => pipe(sink as unknown as NodeJS.WritableStream), onError: reject });
  });
}

// A long Japanese list, like the roster errors and the catalogue: many multi-byte characters
// landing on React's 2 KB buffer boundaries.
const page = createElement(
  "ul",
  null,
  Array.from({ length: 400 }, (_, i) => createElement("li", { key: i }, `${"x".repeat(i % 13)}団体コード${"あ".repeat(i % 5)}`)),
);

describe("rendered HTML", () => {
  it("React's streaming renderer alone writes NUL bytes into long Japanese pages", async () => {
    expect((await render(page, () => new PassThrough())).includes(0)).toBe(true);
  });

  it("through the filter the page has no NUL byte and every character intact", async () => {
    const html = (await render(page, dropNulBytes)).toString("utf8");
    expect(html.includes("\0")).toBe(false);
    expect(html.match(/団体コード/g)).toHaveLength(400);
    expect(html).not.toContain("\uFFFD");
  });
});
