/**
 * Checks a sample text with the active pack, right here, with the same engine the guard uses — so
 * an admin sees at once what a newly activated pack finds.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { compilePack, type Checker } from '../../rules/engine/checker';
import type { Report } from '../../rules/engine/types';
import { RULES } from '../../rules/index';
import { sendMessage } from '../../utils/messaging';
import { PACK_STORAGE_KEYS } from '../../pack-trust/status';
import { ruleLabel, SEVERITY_LABELS, VERDICT_LABELS } from '../../utils/labels';
import type { ActivePack } from '../../utils/protocol';

export function PackTryCheck() {
  const [active, setActive] = useState<ActivePack>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    const load = () => sendMessage('getActivePack', {}).then(setActive, (e: Error) => setError(e.message));
    void load();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PACK_STORAGE_KEYS.active in changes) void load();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  const compiled = useMemo<{ checker?: Checker; error?: string }>(() => {
    if (!active) return {};
    try {
      return { checker: compilePack(active.pack, RULES) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [active]);
  const { checker } = compiled;
  const report: Report | undefined = useMemo(
    () => (checker && text.trim() ? checker.check({ platform: 'weibo', kind: 'post', body: text }) : undefined),
    [checker, text],
  );

  return (
    <section class="pack-try" aria-label="试查">
      <h2>用当前规则包试查</h2>
      <p>
        输入一段文字，用当前启用的规则包（{checker ? `${checker.pack.id} ${checker.pack.version}` : '加载中'}
        ）检查。文字只在本页检查，不会保存或发送。
      </p>
      <textarea rows={4} value={text} placeholder="输入要检查的文字" onInput={(e) => setText(e.currentTarget.value)} />
      {report ? (
        <div
          class="pack-try-result"
          data-verdict={report.verdict}
          data-pack={`${report.pack.id}@${report.pack.version}`}
        >
          <p>
            结论：<strong>{VERDICT_LABELS[report.verdict]}</strong>（{report.findings.length} 处）
          </p>
          <ul>
            {report.findings.map((f) => (
              <li key={`${f.ruleId}-${f.field}-${f.range[0]}`} data-rule={f.ruleId} data-severity={f.severity}>
                「{f.excerpt}」{f.message}
                {f.suggestion ? ` → ${f.suggestion}` : ''}（{ruleLabel(f.ruleId, f.category)}，
                {SEVERITY_LABELS[f.severity]}）
                {/* The id is what an admin writes in pack.yaml: shown after the name, never instead. */}
                <code class="rule-id">{f.ruleId}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error || compiled.error ? <p class="pack-error">{error ?? compiled.error}</p> : null}
    </section>
  );
}
