// Timeline: a small line chart of a cluster's machines and pending pods over the last minutes
// (GET /scaling's timeline). Plain SVG with classes for colour, so it needs no inline style under CSP.
import { shortTime } from "../format";

export interface Sample {
  at: string;
  ready: number;
  upcoming: number;
  draining: number;
  pending: number;
}

const SERIES: { key: "ready" | "coming" | "pending"; label: string; value: (s: Sample) => number }[] = [
  { key: "ready", label: "Ready nodes", value: (s) => s.ready },
  { key: "coming", label: "Machines coming", value: (s) => s.upcoming },
  { key: "pending", label: "Pending pods", value: (s) => s.pending },
];

const WIDTH = 900;
const HEIGHT = 180;
const PAD = { left: 32, right: 8, top: 8, bottom: 22 };

export function Timeline({ cluster, samples }: { cluster: string; samples: Sample[] }) {
  if (samples.length < 2) {
    return <p class="cc-muted">The chart of nodes and pending pods fills in as the autoscaler runs (a sample every 5 s).</p>;
  }
  const times = samples.map((s) => Date.parse(s.at));
  const first = times[0];
  const span = Math.max(times[times.length - 1] - first, 1);
  const top = Math.max(1, ...samples.map((s) => Math.max(s.ready, s.upcoming, s.pending)));
  const x = (t: number) => PAD.left + ((t - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / top) * (HEIGHT - PAD.top - PAD.bottom);
  const last = samples[samples.length - 1];
  const summary = SERIES.map((s) => s.label.toLowerCase() + " " + s.value(last)).join(", ");
  return (
    <figure class="cc-timeline">
      <svg
        class="cc-timeline__chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Cluster ${cluster} from ${shortTime(samples[0].at)} to ${shortTime(last.at)}; now ${summary}`}
      >
        <line class="cc-timeline__axis" x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} />
        <line class="cc-timeline__grid" x1={PAD.left} y1={y(top)} x2={WIDTH - PAD.right} y2={y(top)} />
        <text class="cc-timeline__label" x={PAD.left - 4} y={y(top) + 4} text-anchor="end">
          {top}
        </text>
        <text class="cc-timeline__label" x={PAD.left - 4} y={y(0) + 4} text-anchor="end">
          0
        </text>
        <text class="cc-timeline__label" x={PAD.left} y={HEIGHT - 6}>
          {shortTime(samples[0].at)}
        </text>
        <text class="cc-timeline__label" x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">
          {shortTime(last.at)}
        </text>
        {SERIES.map((s) => (
          <polyline
            key={s.key}
            class={"cc-timeline__line cc-timeline__line--" + s.key}
            points={samples.map((sample, i) => `${x(times[i]).toFixed(1)},${y(s.value(sample)).toFixed(1)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption class="cc-timeline__legend">
        {SERIES.map((s) => (
          <span key={s.key} class="cc-nowrap">
            <span class={"cc-timeline__swatch cc-timeline__line--" + s.key} aria-hidden="true" /> {s.label}: {s.value(last)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
