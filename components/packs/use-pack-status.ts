/** The pack status from the background, reloaded whenever the pack state in storage changes. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendMessage } from '../../utils/messaging';
import { PACK_STORAGE_KEYS, type PackStatus } from '../../pack-trust/status';

const WATCHED = new Set<string>(Object.values(PACK_STORAGE_KEYS));

export function usePackStatus(): { status?: PackStatus; error?: string; reload: () => void } {
  const [status, setStatus] = useState<PackStatus>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    sendMessage('getPackStatus', {}).then(
      (s) => {
        setStatus(s);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    reload();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'local' && Object.keys(changes).some((k) => WATCHED.has(k))) || area === 'managed') reload();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [reload]);
  return { status, error, reload };
}
