/**
 * The editor's settings: name and unit (recorded with every attempt), full text or hash only,
 * live checking per site. A setting the admin's policy locks is shown with its value, read-only.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../utils/messaging';
import { POLICY_UNREADABLE, POLICY_UNREADABLE_ADVICE } from '../../utils/labels';
import type { LockedSettings, Settings } from '../../utils/settings';

const LOCKED_NOTE = '由管理员策略设定';

export function SettingsPanel() {
  const [state, setState] = useState<{ settings: Settings; locked: LockedSettings; policyUnreadable?: true }>();
  const [draft, setDraft] = useState<Settings>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    sendMessage('getSettings', {}).then(
      (s) => {
        setState(s);
        setDraft(s.settings);
      },
      (e: Error) => setMessage({ ok: false, text: `无法读取设置：${e.message}` }),
    );
  }, []);

  if (!state || !draft)
    return <section class="settings">{message ? <p class="error">{message.text}</p> : '正在读取设置…'}</section>;
  const { locked } = state;

  async function save(e: Event) {
    e.preventDefault();
    const change: Partial<Settings> = {};
    for (const key of ['editorName', 'editorUnit', 'logText', 'liveCheck'] as const) {
      if (!locked[key] && JSON.stringify(draft![key]) !== JSON.stringify(state!.settings[key]))
        (change as Record<string, unknown>)[key] = draft![key];
    }
    try {
      const next = await sendMessage('saveSettings', change);
      setState(next);
      setDraft(next.settings);
      setMessage({ ok: true, text: '已保存。' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  // A policy never read locks what it would fail closed on: say so, not that the admin set it.
  const lockNote = (key: keyof Settings) =>
    locked[key] && <small class="locked">{state.policyUnreadable ? POLICY_UNREADABLE : LOCKED_NOTE}</small>;
  return (
    <form class="settings" onSubmit={(e) => void save(e)} aria-label="设置">
      {state.policyUnreadable && (
        <p class="error" data-testid="policy-unreadable">
          {POLICY_UNREADABLE_ADVICE}
        </p>
      )}
      <label>
        编辑姓名 {lockNote('editorName')}
        <input
          name="editorName"
          maxLength={50}
          value={draft.editorName}
          disabled={locked.editorName}
          onInput={(e) => setDraft({ ...draft, editorName: e.currentTarget.value })}
        />
      </label>
      <label>
        所在单位 {lockNote('editorUnit')}
        <input
          name="editorUnit"
          maxLength={100}
          value={draft.editorUnit}
          disabled={locked.editorUnit}
          onInput={(e) => setDraft({ ...draft, editorUnit: e.currentTarget.value })}
        />
      </label>
      <fieldset disabled={locked.logText}>
        <legend>日志保存 {lockNote('logText')}</legend>
        <label>
          <input
            type="radio"
            name="logText"
            value="full"
            checked={draft.logText === 'full'}
            onChange={() => setDraft({ ...draft, logText: 'full' })}
          />
          完整正文
        </label>
        <label>
          <input
            type="radio"
            name="logText"
            value="hash"
            checked={draft.logText === 'hash'}
            onChange={() => setDraft({ ...draft, logText: 'hash' })}
          />
          仅保存正文的 SHA-256 哈希（不保存正文和引用正文的摘录）
        </label>
      </fieldset>
      <fieldset disabled={locked.liveCheck}>
        <legend>边写边查（发布时的检查始终进行） {lockNote('liveCheck')}</legend>
        <label>
          <input
            type="checkbox"
            name="liveCheck.weibo"
            checked={draft.liveCheck.weibo}
            onChange={(e) => setDraft({ ...draft, liveCheck: { ...draft.liveCheck, weibo: e.currentTarget.checked } })}
          />
          微博
        </label>
        <label>
          <input
            type="checkbox"
            name="liveCheck.wechat"
            checked={draft.liveCheck.wechat}
            onChange={(e) => setDraft({ ...draft, liveCheck: { ...draft.liveCheck, wechat: e.currentTarget.checked } })}
          />
          微信公众号
        </label>
      </fieldset>
      <p>
        允许仍要发布：{draft.allowOverride ? '是' : '否'} {lockNote('allowOverride')}
      </p>
      <button type="submit">保存设置</button>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
