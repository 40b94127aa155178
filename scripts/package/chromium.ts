/** Finds the Chromium to pack with (and to test with): CHROMIUM_PATH, or Chromium on PATH. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('找不到 Chromium：请先 apt-get install -y chromium，或设置 CHROMIUM_PATH');
  }
}
