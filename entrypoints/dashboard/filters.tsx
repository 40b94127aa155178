/**
 * The filter bar: time range (presets or custom dates), platform, account, 检查结论 and 处理结果
 * (several at once: “blocked or overridden” is one filter), category, rule, free text. Exported
 * for reuse by other pages that show log entries (the fleet pages).
 */
import { CATEGORIES, type Category, type Platform, type Verdict } from '../../rules/engine/types';
import type { LogFilter } from '../../audit/filter';
import type { Decision } from '../../audit/record';
import { CATEGORY_LABELS, DECISION_LABELS, PLATFORM_LABELS, ruleLabel, VERDICT_LABELS } from '../../utils/labels';

export type Preset = '' | 'today' | '7d' | '30d' | 'month' | 'custom';

export const PRESETS: [Preset, string][] = [
  ['', '全部时间'],
  ['today', '今天'],
  ['7d', '近 7 天'],
  ['30d', '近 30 天'],
  ['month', '本月'],
  ['custom', '自定义'],
];

export interface FilterForm {
  preset: Preset;
  /** Custom dates (YYYY-MM-DD, local), used when the preset is `custom`. */
  from: string;
  to: string;
  platform: '' | Platform;
  account: string;
  verdicts: (Verdict | 'error')[];
  decisions: Decision[];
  category: '' | Category;
  rule: string;
  text: string;
}

export const EMPTY_FORM: FilterForm = {
  preset: '',
  from: '',
  to: '',
  platform: '',
  account: '',
  verdicts: [],
  decisions: [],
  category: '',
  rule: '',
  text: '',
};

/** A local calendar date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The first and last local day a preset covers, on the day `now` is in. */
export function presetDays(preset: Preset, now: Date): { from: string; to: string } | undefined {
  const day = (offset: number) => isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset));
  switch (preset) {
    case 'today':
      return { from: day(0), to: day(0) };
    case '7d':
      return { from: day(-6), to: day(0) };
    case '30d':
      return { from: day(-29), to: day(0) };
    case 'month':
      return { from: isoDay(new Date(now.getFullYear(), now.getMonth(), 1)), to: day(0) };
    default:
      return undefined;
  }
}

/** Local calendar dates (YYYY-MM-DD) to a [from, to) range in epoch milliseconds. */
function localMidnight(date: string, plusDays = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime();
}

/** The dates a form stands for: its preset's, on the day `now` is in, or its custom dates. */
export function formDays(f: FilterForm, now: Date): { from: string; to: string } {
  if (f.preset === 'custom') return { from: f.from, to: f.to };
  return presetDays(f.preset, now) ?? { from: '', to: '' };
}

export function toLogFilter(f: FilterForm, now = new Date()): LogFilter {
  const days = formDays(f, now);
  return {
    fromMs: localMidnight(days.from),
    toMs: localMidnight(days.to, 1),
    platform: f.platform || undefined,
    account: f.account || undefined,
    verdicts: f.verdicts.length ? f.verdicts : undefined,
    decisions: f.decisions.length ? f.decisions : undefined,
    category: f.category || undefined,
    rule: f.rule || undefined,
    text: f.text.trim() || undefined,
  };
}

interface Option {
  value: string;
  label: string;
}

function Select(props: {
  name: keyof FilterForm;
  label: string;
  value: string;
  options: Option[];
  all?: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.all !== '' && <option value="">{props.all ?? '全部'}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Several values of one field: a button that opens a list of checkboxes (keyboard: Tab to it,
 * Enter or Space opens, Tab through the boxes, Space ticks, Esc closes).
 */
function MultiSelect<T extends string>(props: {
  name: string;
  label: string;
  values: readonly T[];
  options: [T, string][];
  onChange(values: T[]): void;
}) {
  const chosen = props.options.filter(([v]) => props.values.includes(v)).map(([, l]) => l);
  const summary = chosen.length === 0 ? '全部' : chosen.length <= 2 ? chosen.join('、') : `已选 ${chosen.length} 项`;
  return (
    <div class="multi" data-name={props.name}>
      <span class="caption" id={`${props.name}-caption`}>
        {props.label}
      </span>
      <details
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            const d = e.currentTarget;
            d.open = false;
            d.querySelector('summary')?.focus();
          }
        }}
      >
        <summary aria-labelledby={`${props.name}-caption`} aria-describedby={`${props.name}-summary`}>
          <span id={`${props.name}-summary`}>{summary}</span>
        </summary>
        <fieldset aria-labelledby={`${props.name}-caption`}>
          {props.options.map(([value, label]) => (
            <label key={value}>
              <input
                type="checkbox"
                name={props.name}
                value={value}
                checked={props.values.includes(value)}
                onChange={(e) =>
                  props.onChange(
                    e.currentTarget.checked
                      ? props.options.map(([v]) => v).filter((v) => v === value || props.values.includes(v))
                      : props.values.filter((v) => v !== value),
                  )
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

const pairs = <K extends string>(labels: Record<K, string>): [K, string][] =>
  Object.entries<string>(labels).map(([value, label]) => [value as K, label]);

export function Filters(props: {
  form: FilterForm;
  accounts: Option[];
  rules: string[];
  onChange(form: FilterForm): void;
}) {
  const f = props.form;
  const set = <K extends keyof FilterForm>(name: K, value: FilterForm[K]) => props.onChange({ ...f, [name]: value });
  const days = formDays(f, new Date());
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选">
      <Select
        name="preset"
        label="时间"
        value={f.preset}
        all=""
        options={PRESETS.map(([value, label]) => ({ value, label }))}
        onChange={(v) => {
          const preset = v as Preset;
          // Custom starts from the range shown, so switching to it never loses the dates.
          props.onChange(preset === 'custom' ? { ...f, preset, ...days } : { ...f, preset });
        }}
      />
      {f.preset === 'custom' && (
        <>
          <label>
            起始日期
            <input type="date" name="from" value={f.from} onInput={(e) => set('from', e.currentTarget.value)} />
          </label>
          <label>
            截止日期
            <input type="date" name="to" value={f.to} onInput={(e) => set('to', e.currentTarget.value)} />
          </label>
        </>
      )}
      <Select
        name="platform"
        label="平台"
        value={f.platform}
        options={pairs(PLATFORM_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={(v) => set('platform', v as FilterForm['platform'])}
      />
      <Select
        name="account"
        label="账号"
        value={f.account}
        options={props.accounts}
        onChange={(v) => set('account', v)}
      />
      <MultiSelect
        name="verdict"
        label="检查结论"
        values={f.verdicts}
        options={pairs(VERDICT_LABELS)}
        onChange={(v) => set('verdicts', v)}
      />
      <MultiSelect
        name="decision"
        label="处理结果"
        values={f.decisions}
        options={pairs(DECISION_LABELS)}
        onChange={(v) => set('decisions', v)}
      />
      <Select
        name="category"
        label="问题类别"
        value={f.category}
        options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        onChange={(v) => set('category', v as FilterForm['category'])}
      />
      <Select
        name="rule"
        label="规则"
        value={f.rule}
        options={props.rules
          .map((r) => ({ value: r, label: ruleLabel(r) }))
          .sort((a, b) => a.label.localeCompare(b.label, 'zh'))}
        onChange={(v) => set('rule', v)}
      />
      <label class="grow">
        全文搜索
        <input
          type="search"
          name="text"
          placeholder="正文、标题、账号、网址、理由、哈希"
          value={f.text}
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </label>
      <button type="button" onClick={() => props.onChange(EMPTY_FORM)}>
        清除筛选
      </button>
    </form>
  );
}
