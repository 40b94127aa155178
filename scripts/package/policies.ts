/**
 * Ready-to-use force-install policies for a release, written next to it so the id and the update
 * address in them always follow from the key and the address the release was packed for
 * (docs/deploy.md explains each field and the other browsers).
 */

/** The ExtensionInstallForcelist entry: `<id>;<update.xml URL>`. */
export const forcelistEntry = (id: string, updateXmlUrl: string) => `${id};${updateXmlUrl}`;

/** A Linux managed policy file (/etc/chromium/policies/managed/, /etc/opt/chrome/policies/managed/, /etc/opt/edge/policies/managed/). */
export function linuxPolicy(id: string, updateXmlUrl: string): string {
  return `${JSON.stringify({ ExtensionInstallForcelist: [forcelistEntry(id, updateXmlUrl)] }, null, 2)}\n`;
}

const regString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A .reg file setting ExtensionInstallForcelist for Chrome and Edge (machine policy, as a GPO's
 * registry preference or `reg import` would). Value "1" is used: if the PCs already force-install
 * other extensions, renumber it so it does not replace one of them.
 */
export function windowsRegistry(id: string, updateXmlUrl: string): string {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const vendor of ['Google\\Chrome', 'Microsoft\\Edge']) {
    lines.push(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\ExtensionInstallForcelist]`);
    lines.push(`"1"=${regString(forcelistEntry(id, updateXmlUrl))}`, '');
  }
  return lines.join('\r\n');
}
