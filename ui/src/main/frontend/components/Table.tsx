// Table: a captioned table with column headers, scrolling horizontally inside its card, never the page.
import type { ComponentChildren } from "preact";

interface Props {
  caption: string;
  /** Visually hide the caption (a heading already says it). */
  hideCaption?: boolean;
  columns: string[];
  children: ComponentChildren;
  empty?: string;
  rowCount: number;
}

export function Table({ caption, hideCaption, columns, children, empty = "Nothing to show.", rowCount }: Props) {
  return (
    <div class="cc-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="cc-table">
        <caption class={hideCaption ? "cc-visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowCount === 0 ? (
            <tr>
              <td colSpan={columns.length} class="cc-empty">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
