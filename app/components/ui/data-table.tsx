import { useId, type ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** the cell; the first column is the row header (th scope=row) */
  cell: (row: Row) => ReactNode;
  className?: string;
}

/**
 * The one table of the app: a caption, header cells with scope, and its own scroll box so a
 * wide table never makes the page scroll sideways on a phone (the box is focusable and named,
 * so keyboard users can scroll it). On narrow screens `cards` turns rows into stacked cards
 * with each cell labelled by its header.
 */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  cards = false,
  foot,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  cards?: boolean;
  /** A closing row (a total) drawn with the same cells, in the table's foot. */
  foot?: Row;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (rows.length === 0) return <p>{empty ?? t("table.empty")}</p>;
  const table = (
    <table className="w-full border-collapse text-left">
      <caption className={captionHidden ? "sr-only" : "text-left text-std-18B-160"}>{caption}</caption>
      <thead>
        <tr className="border-b-2 border-solid-gray-800">
          {columns.map((c, i) => (
            <th key={c.key} scope="col" className={`p-2 ${i === 0 ? "name-col" : ""} ${c.className ?? ""}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-solid-gray-200 align-top">
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.key} scope="row" className={`p-2 text-left ${c.className ?? ""}`}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} className={`p-2 ${c.className ?? ""}`}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {foot !== undefined ? (
        <tfoot>
          <tr className="border-t-2 border-solid-gray-900 font-bold">
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.key} scope="row" className={`p-2 text-left ${c.className ?? ""}`}>
                  {c.cell(foot)}
                </th>
              ) : (
                <td key={c.key} className={`p-2 ${c.className ?? ""}`}>
                  {c.cell(foot)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
  return (
    <>
      <div
        role="region"
        aria-labelledby={`${id}-label`}
        tabIndex={0}
        className={`max-w-full overflow-x-auto focus-visible:outline focus-visible:outline-4 focus-visible:outline-black ${cards ? "hidden md:block" : ""}`}
      >
        <span id={`${id}-label`} hidden>
          {caption}
        </span>
        {table}
      </div>
      {cards ? (
        <ul className="flex flex-col gap-2 md:hidden" aria-label={caption}>
          {rows.map((row) => (
            <li key={rowKey(row)} className="rounded-8 border border-solid-gray-200 p-3">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
                {columns.map((c) => (
                  <div key={c.key} className="contents">
                    {c.header ? <dt className="text-dns-14B-120 text-solid-gray-600">{c.header}</dt> : <dt className="sr-only">{c.key}</dt>}
                    <dd className="min-w-0 break-words">{c.cell(row)}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
