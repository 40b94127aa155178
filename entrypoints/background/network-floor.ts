/**
 * Installs the network floor (guard/network-floor.ts) as session rules at every start of the
 * background: session rules outlive a service-worker restart but not the browser, and
 * replacing them each time keeps them equal to this version's endpoints. The outcome is kept
 * in session storage (`networkFloor`) for the popup and the tests.
 */
import browser from 'webextension-polyfill';
import { allEndpoints } from '../../adapters/endpoints';
import { FIRST_RULE_ID, floorRules, type FloorRule } from '../../guard/network-floor';

interface DeclarativeNetRequest {
  getSessionRules(): Promise<{ id: number }[]>;
  updateSessionRules(options: { removeRuleIds: number[]; addRules: FloorRule[] }): Promise<void>;
}

export interface NetworkFloorState {
  ok: boolean;
  rules: number;
  error?: string;
}

export async function installNetworkFloor(): Promise<NetworkFloorState> {
  const dnr = (browser as unknown as { declarativeNetRequest?: DeclarativeNetRequest }).declarativeNetRequest;
  let state: NetworkFloorState;
  try {
    if (!dnr) throw new Error('浏览器不支持 declarativeNetRequest');
    const rules = floorRules(allEndpoints());
    const mine = (await dnr.getSessionRules())
      .map((r) => r.id)
      .filter((id) => id >= FIRST_RULE_ID && id < FIRST_RULE_ID + 1000);
    await dnr.updateSessionRules({ removeRuleIds: mine, addRules: rules });
    state = { ok: true, rules: rules.length };
  } catch (e) {
    state = { ok: false, rules: 0, error: e instanceof Error ? e.message : String(e) };
    console.error('发布守卫：无法安装网络兜底规则', state.error);
  }
  await browser.storage.session.set({ networkFloor: state }).catch(() => undefined);
  return state;
}
