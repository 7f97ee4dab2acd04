// Bar: a labelled meter (requested vs allocatable), coloured by how full it is.
import { percent } from "../format";

interface Props {
  label: string;
  value: number;
  max: number;
  /** The numbers as text, e.g. "1.2 / 4 cores". */
  text: string;
  compact?: boolean;
}

export function Bar({ label, value, max, text, compact }: Props) {
  const p = percent(value, max);
  const tone = p >= 95 ? "error" : p >= 80 ? "warning" : "ok";
  return (
    <div class={"cc-bar" + (compact ? " cc-bar--compact" : "")}>
      <div class="cc-bar__label">
        <span>{label}</span>
        <span class="cc-muted">
          {text} · {p}%
        </span>
      </div>
      <div
        class="cc-bar__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={`${text} (${p}%)`}
      >
        <div class={"cc-bar__fill cc-bar__fill--" + tone} style={{ width: Math.min(p, 100) + "%" }} />
      </div>
    </div>
  );
}
