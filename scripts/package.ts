/**
 * `npm run package -- --key <private key.pem> --publish-url https://<intranet>/govpost-guard/`
 *
 * Builds the extension for Chromium and Firefox and writes a release folder (release/<version>/ by
 * default): the CRX3 signed with the admin's key by Chromium's own --pack-extension, update.xml,
 * the unsigned Firefox add-on (its manifest naming the published updates.json) with updates.json,
 * force-install policies for Linux and Windows, and SHA256SUMS.
 * The key stays where the admin keeps it — outside the repository — and is never generated here.
 * docs/deploy.md says how to make and keep the key and how to publish the folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from './package/chromium';
import { extensionId } from './package/extension-id';
import { MANIFEST_KEY } from './package/manifest-key';
import { signedXpiName, unsignedXpiName } from './package/firefox-update';
import { forcelistEntry } from './package/policies';
import { keyIdAsExpected, packageRelease, readManifest } from './package/release';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `用法：npm run package -- --key <私钥.pem> --publish-url <https://内网地址/目录/> [选项]

  --key <文件>          CRX 签名私钥（PEM，RSA 2048），放在仓库之外；也可用环境变量 GOVPOST_CRX_KEY
  --publish-url <网址>  发布目录的 https 地址，update.xml、CRX、updates.json 和签名后的 Firefox 附加组件
                        将放在这里；也可用 GOVPOST_PUBLISH_URL
  --id <扩展 id>        策略中的扩展 id（默认为清单 key 的 id ${extensionId(MANIFEST_KEY)}）；
                        密钥对应的 id 与之不符时拒绝打包；也可用 GOVPOST_EXTENSION_ID
  --out <目录>          输出目录（默认 release/<版本号>）
  --no-build            不重新构建，使用 .output/ 中现有的构建
  --chromium <文件>     用来打包的 Chromium（默认 CHROMIUM_PATH 或 PATH 中的 chromium）

生成私钥（只做一次，妥善保管，丢失后无法再更新已安装的扩展）：
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out <仓库之外>/govpost-guard-crx.pem
查看一个密钥对应的扩展 id：npm run extension-id -- <私钥.pem>
`;

class UsageError extends Error {}

/** True when `file` is inside the repository and git would commit it. */
function trackableInRepo(file: string): boolean {
  const inside = relative(ROOT, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return false;
  try {
    execFileSync('git', ['check-ignore', '-q', file], { cwd: ROOT, stdio: 'ignore' });
    return false; // ignored by git
  } catch {
    return true;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      key: { type: 'string' },
      'publish-url': { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      chromium: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const keyArg = values.key ?? process.env.GOVPOST_CRX_KEY;
  if (!keyArg) {
    throw new UsageError(
      '缺少 CRX 签名私钥：用 --key <文件> 或环境变量 GOVPOST_CRX_KEY 指定。本命令不会替你生成密钥——' +
        '扩展 id 由密钥决定，换了密钥，已安装的扩展就再也收不到更新。第一次发布时按 docs/deploy.md“签名密钥”生成一个，放在仓库之外。',
    );
  }
  const keyFile = resolve(keyArg);
  if (!existsSync(keyFile)) throw new UsageError(`找不到 CRX 签名私钥 ${keyFile}`);
  if (trackableInRepo(keyFile)) {
    throw new UsageError(`私钥 ${keyFile} 在仓库中且未被 git 忽略：请移到仓库之外保管，以免被提交`);
  }
  const publishUrl = values['publish-url'] ?? process.env.GOVPOST_PUBLISH_URL;
  if (!publishUrl)
    throw new UsageError(
      '缺少发布地址：用 --publish-url 或 GOVPOST_PUBLISH_URL 指定 update.xml 和 CRX 所在的 https 目录',
    );
  const expectedId = values.id ?? process.env.GOVPOST_EXTENSION_ID ?? extensionId(MANIFEST_KEY);
  const chromium = values.chromium ?? chromiumPath();
  try {
    keyIdAsExpected(keyFile, expectedId); // before a build of minutes, not after
  } catch (e) {
    throw new UsageError((e as Error).message);
  }

  if (!values['no-build']) {
    for (const target of [[], ['-b', 'firefox']]) {
      execFileSync('npx', ['wxt', 'build', ...target], { cwd: ROOT, stdio: 'inherit' });
    }
  }
  const chromeDir = join(ROOT, '.output/chrome-mv3');
  const firefoxDir = join(ROOT, '.output/firefox-mv3');
  for (const dir of [chromeDir, firefoxDir]) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new UsageError(`没有构建：${dir}（去掉 --no-build）`);
  }
  const { version } = readManifest(chromeDir);
  const release = await packageRelease({
    chromeDir,
    firefoxDir,
    keyFile,
    publishUrl,
    expectedId,
    outDir: resolve(values.out ?? join(ROOT, 'release', version)),
    chromium,
  });
  process.stdout.write(
    `\n已生成 ${release.outDir}\n` +
      release.files.map((f) => `  ${f}\n`).join('') +
      `扩展 id：${release.id}，版本：${release.version}\n` +
      `ExtensionInstallForcelist：${forcelistEntry(release.id, release.updateXmlUrl)}\n` +
      `Firefox：先经 addons.mozilla.org“不公开”渠道签名 ${unsignedXpiName(release.version)}，` +
      `签名后的文件以 ${signedXpiName(release.version)} 放到发布目录（updates.json 指向它），见 docs/firefox.md。\n` +
      `把整个目录放到 ${publishUrl}（update.xml 最后替换），见 docs/deploy.md。\n`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  if (e instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});
