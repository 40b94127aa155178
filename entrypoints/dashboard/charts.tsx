/**
 * Charts in hand-written SVG (no chart library: four small charts do not need 50 kB): attempts,
 * blocks and overrides per day; blocks and overrides per day by category; the rules that fire
 * most; override rate by account. All from the filtered entries.
 */
import { CATEGORIES, type Category } from '../../rules/engine/types';
import type { LogEntry } from '../../audit/entries';
import { CATEGORY_LABELS, PLATFORM_LABELS, ruleLabel } from '../../utils/labels';
import { overrideRates, perDay, topRules, type DayStats } from '../../audit/stats';

const W = 960;
const H = 220;
const PAD = { left: 40, right: 10, top: 10, bottom: 24 };

const CATEGORY_COLORS: Record<Category, string> = {
  'commercial-ad': '#d1495b',
  'personal-opinion': '#edae49',
  'unapproved-source': '#00798c',
  'missing-source': '#30638e',
  'title-distortion': '#8e6c8a',
  'off-mission': '#6a994e',
  confidential: '#3d405b',
  'personal-data': '#e07a5f',
  'political-expression': '#b5179e',
  'legal-expression': '#7209b7',
  typo: '#8d99ae',
};

function Axis(props: { days: DayStats[]; max: number; band: number }) {
  const every = Math.max(1, Math.ceil(props.days.length / 12));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / props.max);
  return (
    <g class="axis">
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(props.max * t)} y2={y(props.max * t)} />
          <text x={PAD.left - 4} y={y(props.max * t) + 4} text-anchor="end">
            {Math.round(props.max * t)}
          </text>
        </g>
      ))}
      {props.days.map((d, i) =>
        i % every === 0 ? (
          <text key={d.day} x={PAD.left + i * props.band + props.band / 2} y={H - 6} text-anchor="middle">
            {d.day.slice(5)}
          </text>
        ) : null,
      )}
    </g>
  );
}

function scale(days: DayStats[], max: number) {
  const band = (W - PAD.left - PAD.right) / Math.max(1, days.length);
  const h = (v: number) => ((H - PAD.top - PAD.bottom) * v) / max;
  return { band, h, base: H - PAD.bottom, bar: Math.min(48, Math.max(1, band * 0.8)) };
}

export function DailyChart(props: { days: DayStats[] }) {
  const max = Math.max(1, ...props.days.map((d) => d.attempts));
  const { band, h, base, bar } = scale(props.days, max);
  return (
    <figure>
      <figcaption>
        每日发布尝试、拦截与仍要发布{' '}
        <Legend
          items={[
            ['尝试', '#cbd5e1'],
            ['拦截', '#dc2626'],
            ['仍要发布', '#f59e0b'],
          ]}
        />
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="每日发布尝试、拦截与仍要发布">
        <Axis days={props.days} max={max} band={band} />
        {props.days.map((d, i) => {
          const x = PAD.left + i * band + (band - bar) / 2;
          return (
            <g key={d.day}>
              <title>{`${d.day}：尝试 ${d.attempts}，拦截 ${d.blocks}，仍要发布 ${d.overrides}`}</title>
              <rect x={x} y={base - h(d.attempts)} width={bar} height={h(d.attempts)} fill="#cbd5e1" />
              <rect x={x} y={base - h(d.blocks)} width={bar / 2} height={h(d.blocks)} fill="#dc2626" />
              <rect x={x + bar / 2} y={base - h(d.overrides)} width={bar / 2} height={h(d.overrides)} fill="#f59e0b" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function CategoryChart(props: { days: DayStats[] }) {
  const total = (d: DayStats) =>
    CATEGORIES.reduce((n, c) => n + (d.byCategory[c]?.blocks ?? 0) + (d.byCategory[c]?.overrides ?? 0), 0);
  const max = Math.max(1, ...props.days.map(total));
  const { band, h, base, bar } = scale(props.days, max);
  const used = CATEGORIES.filter((c) => props.days.some((d) => d.byCategory[c]));
  return (
    <figure>
      <figcaption>
        每日拦截与仍要发布，按问题类别 <Legend items={used.map((c) => [CATEGORY_LABELS[c], CATEGORY_COLORS[c]])} />
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="按类别的每日拦截与仍要发布">
        <Axis days={props.days} max={max} band={band} />
        {props.days.map((d, i) => {
          let y = base;
          const x = PAD.left + i * band + (band - bar) / 2;
          return (
            <g key={d.day}>
              {used.map((c) => {
                const v = (d.byCategory[c]?.blocks ?? 0) + (d.byCategory[c]?.overrides ?? 0);
                if (!v) return null;
                y -= h(v);
                return (
                  <rect key={c} x={x} y={y} width={bar} height={h(v)} fill={CATEGORY_COLORS[c]}>
                    <title>{`${d.day} ${CATEGORY_LABELS[c]}：拦截 ${d.byCategory[c]?.blocks ?? 0}，仍要发布 ${d.byCategory[c]?.overrides ?? 0}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Legend(props: { items: [string, string][] }) {
  return (
    <span class="legend">
      {props.items.map(([label, color]) => (
        <span key={label}>
          <i style={{ background: color }} />
          {label}
        </span>
      ))}
    </span>
  );
}

function Bars(props: {
  caption: string;
  rows: { key: string; label: string; value: number; text: string; color?: string }[];
}) {
  const max = Math.max(1e-9, ...props.rows.map((r) => r.value));
  return (
    <figure class="bars">
      <figcaption>{props.caption}</figcaption>
      {props.rows.length === 0 && <p class="empty">没有数据</p>}
      {props.rows.map((r) => (
        <div key={r.key} class="bar-row">
          <span class="label">{r.label}</span>
          <span class="bar">
            <i style={{ width: `${(r.value / max) * 100}%`, background: r.color ?? '#2563eb' }} />
          </span>
          <span class="value">{r.text}</span>
        </div>
      ))}
    </figure>
  );
}

export function Charts(props: { entries: readonly LogEntry[] }) {
  const days = perDay(props.entries);
  const rules = topRules(props.entries, 10);
  const rates = overrideRates(props.entries).slice(0, 15);
  return (
    <div class="charts">
      <DailyChart days={days} />
      <CategoryChart days={days} />
      <div class="two">
        <Bars
          caption="触发最多的规则（按发布尝试数）"
          rows={rules.map((r) => ({
            key: r.ruleId,
            label: `${ruleLabel(r.ruleId, r.category)}（${CATEGORY_LABELS[r.category]}）`,
            value: r.attempts,
            text: String(r.attempts),
            color: CATEGORY_COLORS[r.category],
          }))}
        />
        <Bars
          caption="各账号仍要发布的比例（仍要发布 ÷ 有提示或需说明理由且已处理的尝试）"
          rows={rates.map((r) => ({
            key: r.key,
            label: `${r.name}（${PLATFORM_LABELS[r.platform]}）`,
            value: r.rate,
            text: `${Math.round(r.rate * 100)}%（${r.overrides}/${r.warned}）`,
            color: '#f59e0b',
          }))}
        />
      </div>
    </div>
  );
}
