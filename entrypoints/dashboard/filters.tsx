/** The filter bar: time range, platform, account, verdict, decision, category, rule, free text. */
import { CATEGORIES, type Category, type Platform, type Verdict } from '../../rules/engine/types';
import type { LogFilter } from '../../audit/filter';
import { CATEGORY_LABELS, DECISION_LABELS, PLATFORM_LABELS, VERDICT_LABELS } from '../../audit/labels';
import type { Decision } from '../../audit/record';

export interface FilterForm {
  from: string;
  to: string;
  platform: '' | Platform;
  account: string;
  verdict: '' | Verdict | 'error';
  decision: '' | Decision;
  category: '' | Category;
  rule: string;
  text: string;
}

export const EMPTY_FORM: FilterForm = {
  from: '',
  to: '',
  platform: '',
  account: '',
  verdict: '',
  decision: '',
  category: '',
  rule: '',
  text: '',
};

/** Local calendar dates (YYYY-MM-DD) to a [from, to) range in epoch milliseconds. */
function localMidnight(date: string, plusDays = 0): number | undefined {
  if (!date) return undefined;
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).getTime();
}

export function toLogFilter(f: FilterForm): LogFilter {
  return {
    fromMs: localMidnight(f.from),
    toMs: localMidnight(f.to, 1),
    platform: f.platform || undefined,
    account: f.account || undefined,
    verdict: f.verdict || undefined,
    decision: f.decision || undefined,
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
  onChange(name: keyof FilterForm, value: string): void;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(props.name, e.currentTarget.value)}>
        <option value="">全部</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const entries = <K extends string>(labels: Record<K, string>): Option[] =>
  Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

export function Filters(props: {
  form: FilterForm;
  accounts: Option[];
  rules: string[];
  onChange(form: FilterForm): void;
}) {
  const set = (name: keyof FilterForm, value: string) => props.onChange({ ...props.form, [name]: value });
  const f = props.form;
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="筛选">
      <label>
        起始日期
        <input type="date" name="from" value={f.from} onInput={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label>
        截止日期
        <input type="date" name="to" value={f.to} onInput={(e) => set('to', e.currentTarget.value)} />
      </label>
      <Select name="platform" label="平台" value={f.platform} options={entries(PLATFORM_LABELS)} onChange={set} />
      <Select name="account" label="账号" value={f.account} options={props.accounts} onChange={set} />
      <Select name="verdict" label="检查结论" value={f.verdict} options={entries(VERDICT_LABELS)} onChange={set} />
      <Select name="decision" label="处理结果" value={f.decision} options={entries(DECISION_LABELS)} onChange={set} />
      <Select
        name="category"
        label="问题类别"
        value={f.category}
        options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        onChange={set}
      />
      <Select
        name="rule"
        label="规则"
        value={f.rule}
        options={props.rules.map((r) => ({ value: r, label: r }))}
        onChange={set}
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
