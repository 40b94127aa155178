/**
 * Saving the editor's own settings from the dashboard. The admin's policy wins: a change to a
 * setting the policy locks is refused as a whole (nothing is saved), with the names of the locked
 * settings, rather than silently ignored.
 */
import { parseRequest, type SettingsChange } from '../../utils/protocol';
import { DEFAULT_SETTINGS, type LockedSettings, type Settings } from '../../utils/settings';

export const SETTING_LABELS: Record<keyof Settings, string> = {
  editorName: '编辑姓名',
  editorUnit: '所在单位',
  logText: '日志保存正文或仅哈希',
  logPersonalData: '日志中的个人信息',
  liveCheck: '边写边查',
  allowOverride: '允许仍要发布',
  reasonWhenUnreadable: '无法读取稿件时凭理由发布',
};

export interface SettingsStore {
  /** The editor's own choices (storage.local `settings`). */
  readLocal(): Promise<Partial<Settings> | undefined>;
  writeLocal(settings: Partial<Settings>): Promise<void>;
  /** The settings in force under the policy. */
  effective(): Promise<{ settings: Settings; locked: LockedSettings }>;
}

export async function saveSettings(
  input: unknown,
  store: SettingsStore,
  method: 'saveSettings' | 'setEditorIdentity' = 'saveSettings',
): Promise<{ settings: Settings; locked: LockedSettings }> {
  // The panel's identity is a subset of the dashboard's change: both are refused where locked.
  const change: SettingsChange = parseRequest(method, input);
  const { locked } = await store.effective();
  const refused = (Object.keys(change) as (keyof Settings)[]).filter((key) => locked[key]);
  if (refused.length)
    throw new Error(`以下设置由管理员策略锁定，不能修改：${refused.map((k) => SETTING_LABELS[k]).join('、')}`);
  const local = (await store.readLocal()) ?? {};
  const next: Partial<Settings> = { ...local, ...change } as Partial<Settings>;
  if (change.liveCheck) next.liveCheck = { ...DEFAULT_SETTINGS.liveCheck, ...local.liveCheck, ...change.liveCheck };
  await store.writeLocal(next);
  return store.effective();
}
