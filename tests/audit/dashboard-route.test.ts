import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, presetDays, toLogFilter, type FilterForm } from '../../entrypoints/dashboard/filters';
import { parseRoute, routeHash } from '../../entrypoints/dashboard/route';

describe('dashboard address', () => {
  it('round-trips a tab and its filters', () => {
    const form: FilterForm = {
      ...EMPTY_FORM,
      preset: '7d',
      platform: 'weibo',
      account: 'weibo\n保定发布\n2803301701',
      verdicts: ['block', 'justify'],
      decisions: ['blocked', 'published-with-reason'],
      category: 'commercial-ad',
      rule: 'no-ad-promotion',
      text: '限时 抢购&',
    };
    const hash = routeHash({ tab: 'records', form });
    expect(hash.startsWith('#records?time=7d&platform=weibo')).toBe(true);
    expect(parseRoute(hash)).toEqual({ tab: 'records', form });
    const custom = { ...EMPTY_FORM, preset: 'custom' as const, from: '2026-03-01', to: '2026-03-07' };
    expect(parseRoute(routeHash({ tab: 'charts', form: custom }))).toEqual({ tab: 'charts', form: custom });
  });

  it('opens other tabs without filters, and ignores what it does not know', () => {
    expect(routeHash({ tab: 'packs', form: { ...EMPTY_FORM, platform: 'weibo' } })).toBe('#packs');
    expect(parseRoute('#packs').tab).toBe('packs');
    expect(parseRoute('')).toEqual({ tab: 'records', form: EMPTY_FORM });
    const odd = parseRoute('#nope?time=year&platform=douyin&verdict=block,maybe&from=yesterday&rule=DROP%20TABLE');
    expect(odd.tab).toBe('records');
    expect(odd.form).toEqual({ ...EMPTY_FORM, preset: 'custom', verdicts: ['block'] });
  });
});

describe('date presets', () => {
  const now = new Date(2026, 2, 18, 15, 30); // 2026-03-18, local time

  it('cover today, the last 7 and 30 days and this month, today included', () => {
    expect(presetDays('today', now)).toEqual({ from: '2026-03-18', to: '2026-03-18' });
    expect(presetDays('7d', now)).toEqual({ from: '2026-03-12', to: '2026-03-18' });
    expect(presetDays('30d', now)).toEqual({ from: '2026-02-17', to: '2026-03-18' });
    expect(presetDays('month', now)).toEqual({ from: '2026-03-01', to: '2026-03-18' });
  });

  it('become a [from, to) filter in local midnights', () => {
    const f = toLogFilter({ ...EMPTY_FORM, preset: '7d', decisions: ['blocked'] }, now);
    expect(f.fromMs).toBe(new Date(2026, 2, 12).getTime());
    expect(f.toMs).toBe(new Date(2026, 2, 19).getTime());
    expect(f.decisions).toEqual(['blocked']);
    expect(toLogFilter(EMPTY_FORM, now)).toMatchObject({ fromMs: undefined, toMs: undefined, verdicts: undefined });
  });
});
