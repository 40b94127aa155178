import { describe, expect, it } from 'vitest';
import { parseDraftLine } from '../../cli/draft-input';

const line = (o: unknown) => parseDraftLine(JSON.stringify(o));

describe('parseDraftLine', () => {
  it('reads a draft, keeps its id, treats null as absent and ignores unknown fields', () => {
    expect(
      line({
        id: 'a1',
        platform: 'wechat',
        kind: 'article',
        title: null,
        body: '正文',
        account: { name: '保定发布', id: null },
        links: [{ href: 'https://www.gov.cn/', text: null }],
        editorNote: '内部备注',
      }),
    ).toEqual({
      ok: true,
      id: 'a1',
      draft: {
        platform: 'wechat',
        kind: 'article',
        body: '正文',
        account: { name: '保定发布' },
        links: [{ href: 'https://www.gov.cn/' }],
      },
    });
  });

  it('says what is wrong with the first bad field, in the order of the draft', () => {
    expect(line({ id: 3, kind: 'post', body: 1 })).toEqual({
      ok: false,
      id: 3,
      error: '缺少 platform（应为 weibo、wechat 之一）',
    });
    expect(line({ platform: 'weibo', kind: 'post', body: '好', account: ['x'] })).toEqual({
      ok: false,
      error: 'account 应为对象，实际为 数组',
    });
    expect(line({ platform: 'weibo', kind: 'post', body: '好', links: [null] })).toEqual({
      ok: false,
      error: 'links[0] 应为 {"href", "text"?} 对象，实际为 null',
    });
    expect(line({ id: true, platform: 'weibo' })).toEqual({ ok: false, error: 'id 应为文字或数字，实际为 布尔值' });
  });
});
