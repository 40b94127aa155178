/**
 * The dashboard's address: `#<tab>` and, for the records and charts, the filters as a query —
 * `#records?time=7d&decision=blocked,published-with-reason&account=…` — so a view can be
 * bookmarked or sent to a colleague and opens as it was. Unknown tabs and values are ignored.
 */
import { CATEGORIES } from '../../rules/engine/types';
import { DECISION_LABELS, PLATFORM_LABELS, VERDICT_LABELS } from '../../utils/labels';
import { EMPTY_FORM, PRESETS, type FilterForm, type Preset } from './filters';

export const TABS = ['records', 'charts', 'accounts', 'events', 'settings', 'packs'] as const;
export type Tab = (typeof TABS)[number];

/** Tabs whose view depends on the filters. */
export const FILTERED_TABS: readonly Tab[] = ['records', 'charts'];

export interface Route {
  tab: Tab;
  form: FilterForm;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const known = <T extends string>(values: readonly T[], v: string | null): v is T =>
  v !== null && (values as readonly string[]).includes(v);
const list = <T extends string>(values: readonly T[], v: string | null): T[] =>
  (v ?? '').split(',').filter((x): x is T => known(values, x));

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const tab: Tab = known(TABS, path) ? path : 'records';
  const q = new URLSearchParams(query);
  const time = q.get('time');
  const preset: Preset = known(
    PRESETS.map(([p]) => p),
    time,
  )
    ? time
    : q.get('from') || q.get('to')
      ? 'custom'
      : '';
  const platform = q.get('platform');
  const category = q.get('category');
  const form: FilterForm = {
    ...EMPTY_FORM,
    preset,
    from: preset === 'custom' && DAY.test(q.get('from') ?? '') ? q.get('from')! : '',
    to: preset === 'custom' && DAY.test(q.get('to') ?? '') ? q.get('to')! : '',
    platform: known(Object.keys(PLATFORM_LABELS) as (keyof typeof PLATFORM_LABELS)[], platform) ? platform : '',
    account: q.get('account') ?? '',
    verdicts: list(Object.keys(VERDICT_LABELS) as (keyof typeof VERDICT_LABELS)[], q.get('verdict')),
    decisions: list(Object.keys(DECISION_LABELS) as (keyof typeof DECISION_LABELS)[], q.get('decision')),
    category: known(CATEGORIES, category) ? category : '',
    rule: /^[a-z0-9-]{1,64}$/.test(q.get('rule') ?? '') ? q.get('rule')! : '',
    text: q.get('q') ?? '',
  };
  return { tab, form };
}

/** The address of a view; filters are written only for the tabs they apply to. */
export function routeHash({ tab, form }: Route): string {
  if (!FILTERED_TABS.includes(tab)) return `#${tab}`;
  const q = new URLSearchParams();
  if (form.preset && form.preset !== 'custom') q.set('time', form.preset);
  if (form.preset === 'custom') {
    if (form.from) q.set('from', form.from);
    if (form.to) q.set('to', form.to);
    if (!form.from && !form.to) q.set('time', 'custom');
  }
  if (form.platform) q.set('platform', form.platform);
  if (form.account) q.set('account', form.account);
  if (form.verdicts.length) q.set('verdict', form.verdicts.join(','));
  if (form.decisions.length) q.set('decision', form.decisions.join(','));
  if (form.category) q.set('category', form.category);
  if (form.rule) q.set('rule', form.rule);
  if (form.text.trim()) q.set('q', form.text.trim());
  const query = q.toString();
  return `#${tab}${query ? `?${query}` : ''}`;
}
