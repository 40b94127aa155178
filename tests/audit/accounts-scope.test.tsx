// @vitest-environment happy-dom
/** What account activity says about its own scope: this browser's log, the collector, the start date. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Accounts } from '../../entrypoints/dashboard/accounts';
import type { RetentionRecord } from '../../audit/record';
import type { UploadStatus } from '../../utils/protocol';

function scope(props: { collector?: UploadStatus; logStart?: string; retention?: RetentionRecord; reading?: boolean }) {
  const root = document.createElement('div');
  render(
    <Accounts
      entries={[]}
      retention={props.retention}
      logStart={props.logStart}
      reading={props.reading ?? false}
      collector={props.collector}
      onPick={() => undefined}
    />,
    root,
  );
  return root.querySelector('[data-testid=accounts-scope]')!.textContent;
}

const START = '2026-03-05T02:00:00.000Z';
const startDay = () => {
  const d = new Date(START);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

describe('account activity’s scope', () => {
  it('says no collector is configured only when none is', () => {
    for (const collector of [undefined, { state: 'off', pending: 0 } as UploadStatus]) {
      const text = scope({ collector, logStart: START });
      expect(text).toContain('这台电脑上这个浏览器');
      expect(text).toContain('尚未配置汇聚服务器');
      expect(text).toContain('请合并各处的导出后再下结论');
    }
  });

  it('names the collector the log goes to when one is configured, and what it holds', () => {
    const idle = scope({
      collector: { state: 'idle', pending: 0, url: 'https://collector.baoding.gov.cn/api' },
      logStart: START,
    });
    expect(idle).not.toContain('尚未配置');
    expect(idle).toContain('汇聚服务器 collector.baoding.gov.cn');
    expect(idle).toContain('以汇聚服务器上的统计为准');
    const revoked = scope({ collector: { state: 'revoked', pending: 3, url: 'https://c.example/' }, logStart: START });
    expect(revoked).not.toContain('尚未配置');
    expect(revoked).toContain('目前未上传（本设备已被汇聚服务器停用，不再上传）');
  });

  it('says plainly from which date the local log starts, and when retention pruned before it', () => {
    expect(scope({ logStart: START })).toContain(`本浏览器的日志从 ${startDay()} 开始`);
    const retention = { type: 'retention', seq: 40, days: 180 } as RetentionRecord;
    const pruned = scope({ logStart: START, retention });
    expect(pruned).toContain(`本浏览器现存的日志从 ${startDay()} 开始`);
    expect(pruned).toContain('更早的记录已按 180 天的保留期限清理');
    expect(scope({})).toContain('本浏览器的日志还没有记录');
    expect(scope({ reading: true })).toContain('正在读取全部日志');
  });
});
