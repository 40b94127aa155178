import { describe, expect, it } from 'vitest';
import { linuxPolicy, windowsRegistry } from '../../scripts/package/policies';

const ID = 'bpaphlkjmdglaojppphhcbmagkiggbeh';
const URL = 'https://ext.example.gov.cn/govpost-guard/update.xml';

describe('force-install policies written with a release', () => {
  it('Linux: ExtensionInstallForcelist with the id and update.xml', () => {
    expect(JSON.parse(linuxPolicy(ID, URL))).toEqual({ ExtensionInstallForcelist: [`${ID};${URL}`] });
  });

  it('Windows: the same entry for Chrome and Edge, as a .reg file', () => {
    const reg = windowsRegistry(ID, URL);
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(reg).toContain(
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist]\r\n"1"="${ID};${URL}"`,
    );
    expect(reg).toContain(
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist]\r\n"1"="${ID};${URL}"`,
    );
  });
});
