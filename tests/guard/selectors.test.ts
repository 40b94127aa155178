// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import defaultPack from 'virtual:default-pack';
import { SELECTOR_TABLES } from '../../adapters/selector-tables';
import { checkSites } from '../../pack-trust/sites';
import { SITE_SCHEMA } from '../../adapters/site-schema';
import { css, resolveSelectors, text } from '../../guard/selectors';

const TABLE = {
  input: css(['textarea[placeholder="发布你的评论"]', 'textarea[class*="_input_"]']),
  send: text(['发送']),
};

function dom(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('selector tables', () => {
  it('tries a key’s selectors in order: the stable hook wins over the hashed-class fallback', () => {
    const root = dom(
      '<textarea class="Form_input_3JT2Q" id="a"></textarea><textarea placeholder="发布你的评论" id="b"></textarea>',
    );
    const { selectors } = resolveSelectors(TABLE, undefined, 'x');
    expect(selectors.first(root, 'input')?.id).toBe('b');
    expect(selectors.all(root, 'input').map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('matches control texts with whitespace removed, exactly', () => {
    const root = dom(
      '<button id="a"><span class="woo-button-wrap"> <span class="woo-button-content">发 送</span></span></button><button id="b">发送中</button>',
    );
    const { selectors } = resolveSelectors(TABLE, undefined, 'x');
    expect(selectors.hasText(root.querySelector('#a')!, 'send')).toBe(true);
    expect(selectors.hasText(root.querySelector('#b')!, 'send')).toBe(false);
  });

  it('lets a pack replace a key’s list, and reports unknown keys and selectors that do not parse', () => {
    const root = dom('<textarea data-x="1" id="a"></textarea><textarea placeholder="发布你的评论" id="b"></textarea>');
    const { selectors, problems } = resolveSelectors(
      TABLE,
      { input: ['textarea[data-x]', 'textarea[[bad'], inptu: ['x'] },
      'weibo',
    );
    expect(selectors.first(root, 'input')?.id).toBe('a');
    expect(selectors.list('input')).toEqual(['textarea[data-x]']);
    expect(problems).toEqual([
      '规则包 sites.weibo.input：无效的选择器「textarea[[bad」',
      expect.stringContaining('sites.weibo.inptu：适配器没有这个选择器名'),
    ]);
  });

  it('keeps the adapter’s own list when every override is bad', () => {
    const { selectors, problems } = resolveSelectors(TABLE, { input: ['[[['] }, 'weibo');
    expect(selectors.list('input')).toEqual(TABLE.input.values);
    expect(problems).toHaveLength(1);
  });

  it('refuses to use a text key as CSS (and the reverse)', () => {
    const { selectors } = resolveSelectors(TABLE, undefined, 'x');
    expect(() => selectors.list('send')).toThrow();
    expect(() => selectors.texts('input')).toThrow();
  });

  it('checks a pack’s overrides against the known adapters without a browser', () => {
    expect(checkSites({ weibo: { homeInput: ['#x'] } }, SITE_SCHEMA)).toEqual([]);
    expect(checkSites({ weibo: { nope: ['#x'] }, tiktok: {} }, SITE_SCHEMA)).toEqual([
      expect.stringContaining('sites.weibo.nope'),
      expect.stringContaining('sites.tiktok: 没有这个适配器'),
    ]);
    expect(checkSites(defaultPack.sites, SITE_SCHEMA)).toEqual([]);
  });

  it('lets a pack override every key of every adapter’s table, with the kind the table gives it', () => {
    for (const [id, table] of Object.entries(SELECTOR_TABLES)) {
      const schema = SITE_SCHEMA[id]!;
      expect(Object.keys(schema)).toEqual(Object.keys(table));
      for (const [key, spec] of Object.entries(table)) expect(schema[key]!.kind).toBe(spec.kind);
    }
  });
});
