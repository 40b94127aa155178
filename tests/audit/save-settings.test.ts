import { describe, expect, it } from 'vitest';
import { saveSettings, type SettingsStore } from '../../entrypoints/background/save-settings';
import { effectiveSettings, type ManagedPolicy, type Settings } from '../../utils/settings';

function store(policy?: ManagedPolicy, initial?: Partial<Settings>): SettingsStore & { local?: Partial<Settings> } {
  const s: SettingsStore & { local?: Partial<Settings> } = {
    local: initial,
    readLocal: async () => s.local,
    writeLocal: async (next) => {
      s.local = next;
    },
    effective: async () => effectiveSettings(s.local, policy),
  };
  return s;
}

describe('saveSettings', () => {
  it('saves the editor’s own choices and answers the settings in force', async () => {
    const s = store(undefined, { editorName: '李编辑' });
    const { settings } = await saveSettings(
      { editorUnit: '保定市交通运输局', logText: 'hash', liveCheck: { wechat: false } },
      s,
    );
    expect(settings).toMatchObject({
      editorName: '李编辑',
      editorUnit: '保定市交通运输局',
      logText: 'hash',
      liveCheck: { weibo: true, wechat: false },
    });
    expect(s.local).toEqual({
      editorName: '李编辑',
      editorUnit: '保定市交通运输局',
      logText: 'hash',
      liveCheck: { weibo: true, wechat: false },
    });
  });

  it('refuses a change to a setting the policy locks, saving nothing', async () => {
    const s = store({ logText: 'hash', editorUnit: '保定市委网信办' });
    await expect(saveSettings({ editorName: '王编辑', logText: 'full' }, s)).rejects.toThrow(
      '由管理员策略锁定，不能修改：日志保存正文或仅哈希',
    );
    expect(s.local).toBeUndefined();
    const { settings, locked } = await saveSettings({ editorName: '王编辑' }, s);
    expect(settings).toMatchObject({ editorName: '王编辑', editorUnit: '保定市委网信办', logText: 'hash' });
    expect(locked).toEqual({ logText: true, editorUnit: true });
  });

  it('refuses malformed changes', async () => {
    await expect(saveSettings({ editorName: 5 }, store())).rejects.toThrow('「saveSettings」参数无效：editorName');
    await expect(saveSettings({ retentionDays: 1 }, store())).rejects.toThrow('retentionDays：未知字段');
  });
});

describe('logPersonalData', () => {
  it('comes from the policy alone: a value in storage.local cannot unmask', () => {
    const effective = effectiveSettings;
    expect(effective({ logPersonalData: 'full' }, undefined).settings.logPersonalData).toBe('mask');
    const byPolicy = effective({}, { logPersonalData: 'full' });
    expect(byPolicy.settings.logPersonalData).toBe('full');
    expect(byPolicy.locked.logPersonalData).toBe(true);
  });

  it('keeps the name and unit the panel asked for, and refuses what the policy sets', async () => {
    const s = store(undefined, { logText: 'hash' });
    const { settings } = await saveSettings(
      { editorName: '赵编辑', editorUnit: '保定市政府办公室' },
      s,
      'setEditorIdentity',
    );
    expect(settings).toMatchObject({ editorName: '赵编辑', editorUnit: '保定市政府办公室', logText: 'hash' });

    const locked = store({ editorUnit: '保定市委网信办' });
    await expect(saveSettings({ editorUnit: '别的单位' }, locked, 'setEditorIdentity')).rejects.toThrow('所在单位');
    expect(locked.local).toBeUndefined();
    // Only the name and unit: nothing else travels by this method, and neither may be empty.
    await expect(saveSettings({ logText: 'full' }, s, 'setEditorIdentity')).rejects.toThrow('setEditorIdentity');
    await expect(saveSettings({ editorName: '' }, s, 'setEditorIdentity')).rejects.toThrow('setEditorIdentity');
  });
});

describe('reasonWhenUnreadable', () => {
  it('is off by default and comes from the policy alone: storage.local cannot turn it on', () => {
    expect(effectiveSettings(undefined, undefined).settings.reasonWhenUnreadable).toBe(false);
    expect(effectiveSettings({ reasonWhenUnreadable: true }, undefined).settings.reasonWhenUnreadable).toBe(false);
    const byPolicy = effectiveSettings({}, { reasonWhenUnreadable: true });
    expect(byPolicy.settings.reasonWhenUnreadable).toBe(true);
    expect(byPolicy.locked.reasonWhenUnreadable).toBe(true);
  });

  it('cannot be changed from the dashboard', async () => {
    await expect(saveSettings({ reasonWhenUnreadable: true }, store())).rejects.toThrow('reasonWhenUnreadable');
  });
});
