/**
 * The one gate every pack passes before it is used, in the CLI (`pack build|test|sign|verify`) and
 * in the extension (policy URL, dashboard import, rollback): the same checks in the same order,
 * so `govpost-guard pack verify` says exactly what a browser would say.
 *
 *   file size (bytes) → file format → signatures (trusted key, valid) → pack format version →
 *   schema and site overrides → newer than what this browser has had (no rollback) → compiles
 *   (known rules, dictionaries, safe patterns) → not every rule off unless the pack says so on
 *   purpose → the whole pack checks a reference text within its cost budget (cost.ts) → its own
 *   test cases pass.
 */
import { compilePack, PackCompileError, type Checker } from '../rules/engine/checker';
import type { RuleModule } from '../rules/engine/define-rule';
import { compareVersions, PACK_FORMAT, validatePack, type Pack } from '../rules/engine/pack';
import { packTestDraft, runPackTests, type PackTestFailure } from '../rules/engine/pack-tests';
import { CanonicalFormError, canonicalPackJson } from './canonical';
import type { TrustedKey } from './keys';
import { readEnvelope, verifySignatures } from './signed-pack';
import type { SiteSchema } from '../adapters/site-schema';
import { checkSites } from './sites';
import { describeCost, measurePackCost } from './cost';

export type RefusalReason =
  | 'too-large'
  | 'format'
  | 'unknown-key'
  | 'bad-signature'
  | 'schema'
  | 'not-newer'
  | 'invalid'
  | 'all-off'
  | 'too-costly'
  | 'tests-failed';

export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  'too-large': '文件过大',
  format: '文件或格式版本不符',
  'unknown-key': '签名密钥不受信任',
  'bad-signature': '签名无效',
  schema: '规则包内容不符合规范',
  'not-newer': '版本不比已启用过的新',
  invalid: '规则包无法使用',
  'all-off': '规则包停用了全部规则',
  'too-costly': '规则包检查太慢',
  'tests-failed': '规则包自带用例未通过',
};

export interface Refusal {
  reason: RefusalReason;
  /** One Chinese sentence: why, precisely. */
  message: string;
  /** Every problem found, one per line (paths first). */
  details: string[];
  pack?: { id: string; version: string };
  keyIds?: string[];
}

/** A signed pack file bigger than this (UTF-8 bytes) is refused before it is parsed. */
export const MAX_SIGNED_PACK_BYTES = 8_000_000;

/** The UTF-8 size of a text without encoding it (a Chinese pack is about three bytes a character). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export interface Inspected {
  pack: Pack;
  checker: Checker;
}

export type Inspection = ({ ok: true } & Inspected) | { ok: false; refusal: Refusal };

export interface PackContext {
  rules: readonly RuleModule[];
  /** The adapters and selector keys a pack may override (adapters/site-schema.ts). */
  sites: SiteSchema;
}

function refuse(
  reason: RefusalReason,
  message: string,
  details: string[] = [],
  extra: Partial<Refusal> = {},
): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { reason, message, details, ...extra } };
}

function packLabel(input: unknown): { id: string; version: string } | undefined {
  const p = input as Record<string, unknown> | null;
  return p && typeof p.id === 'string' && typeof p.version === 'string' ? { id: p.id, version: p.version } : undefined;
}

/** Format version, schema, site overrides, compilation — everything but signatures and tests. */
export function inspectPack(input: unknown, ctx: PackContext): Inspection {
  const label = packLabel(input);
  const extra = label ? { pack: label } : {};
  const format = (input as Record<string, unknown> | null)?.format;
  if (typeof format === 'number' && format !== PACK_FORMAT) {
    return refuse(
      'format',
      format > PACK_FORMAT
        ? `规则包格式版本为 ${format}，本版本只支持 ${PACK_FORMAT}：请先升级扩展或命令行工具`
        : `规则包格式版本 ${format} 已不再支持（应为 ${PACK_FORMAT}）`,
      [],
      extra,
    );
  }
  const validation = validatePack(input);
  if (!validation.ok)
    return refuse('schema', `规则包有 ${validation.errors.length} 处不符合规范`, validation.errors, extra);
  const pack = validation.pack;
  const siteErrors = checkSites(pack.sites, ctx.sites);
  if (siteErrors.length)
    return refuse('schema', `规则包的站点选择器覆盖有 ${siteErrors.length} 处错误`, siteErrors, extra);
  let checker: Checker;
  try {
    checker = compilePack(pack, ctx.rules);
  } catch (e) {
    if (e instanceof PackCompileError)
      return refuse('invalid', `规则包有 ${e.errors.length} 处无法使用`, e.errors, extra);
    throw e;
  }
  const refusal = checkAllOff(pack, ctx) ?? checkCost(checker);
  if (refusal) return { ok: false, refusal: { ...refusal, ...extra } };
  return { ok: true, pack, checker };
}

/**
 * A pack that turns every rule off lets everything through: it is admitted only when it says so
 * itself (`disablesAllRules: true`), so that neither a slip nor a tampered source can do it quietly.
 */
export function checkAllOff(pack: Pack, ctx: PackContext): Refusal | undefined {
  const known = new Set(ctx.rules.map((r) => r.meta.id));
  const active = Object.entries(pack.rules)
    .filter(([id, cfg]) => known.has(id) && cfg.severity !== 'off')
    .map(([id]) => id);
  if (pack.disablesAllRules === true && active.length)
    return {
      reason: 'schema',
      message: `规则包声明停用全部规则（disablesAllRules），却启用了 ${active.length} 条规则`,
      details: active.map((id) => `rules.${id}.severity: 应为 off`),
    };
  if (active.length || pack.disablesAllRules === true) return undefined;
  return {
    reason: 'all-off',
    message: '规则包停用了全部规则，装上后任何稿件都会放行；确属有意时，在 pack.yaml 中写明 disablesAllRules: true',
    details: [],
  };
}

/** The whole pack timed on the reference text (cost.ts). */
export function checkCost(checker: Checker): Refusal | undefined {
  const cost = measurePackCost(checker);
  return cost.over ? { reason: 'too-costly', message: describeCost(cost), details: [] } : undefined;
}

/** One line that says which case failed and how. */
export function describeTestFailure(f: PackTestFailure, origin?: string): string {
  const text = packTestDraft(f.test).body.replace(/\s+/g, ' ');
  const excerpt = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const parts: string[] = [];
  if (f.missing.length) parts.push(`应报出 ${f.missing.join('、')} 却没有报出`);
  if (f.unexpected.length) parts.push(`不应报出 ${f.unexpected.join('、')} 却报出了`);
  if (f.errors.length) parts.push(`规则出错：${f.errors.join('；')}`);
  return `用例 ${f.index + 1}${origin ? `（${origin}）` : ''}「${excerpt}」${f.test.note ? `〔${f.test.note}〕` : ''}：${parts.join('；')}`;
}

export function testPack(inspected: Inspected): Refusal | undefined {
  const { failures } = runPackTests(inspected.checker, inspected.pack);
  if (!failures.length) return undefined;
  return {
    reason: 'tests-failed',
    message: `规则包自带的 ${inspected.pack.tests.length} 个用例中有 ${failures.length} 个未通过`,
    details: failures.map((f) => describeTestFailure(f)),
    pack: { id: inspected.pack.id, version: inspected.pack.version },
  };
}

export interface AdmitContext extends PackContext {
  trusted: readonly TrustedKey[];
  /**
   * The version a pack of this id must be newer than (the highest this browser ever activated),
   * or undefined when any version is acceptable (first pack of an id, explicit rollback).
   */
  floor?: (id: string) => string | undefined;
}

export type Admission = ({ ok: true; keyIds: string[]; tests: number } & Inspected) | { ok: false; refusal: Refusal };

/**
 * Checks a signed pack file (its text, or the parsed JSON) completely. On success the pack is the
 * one the signature covers, re-read from its canonical form, so what runs is exactly what was signed.
 */
export async function admitSignedPack(input: unknown, ctx: AdmitContext): Promise<Admission> {
  let parsed: unknown = input;
  if (typeof input === 'string') {
    const bytes = input.length > MAX_SIGNED_PACK_BYTES ? input.length : utf8Bytes(input);
    if (bytes > MAX_SIGNED_PACK_BYTES) {
      return refuse('too-large', `文件至少 ${bytes} 字节，超过上限 ${MAX_SIGNED_PACK_BYTES} 字节`);
    }
    try {
      parsed = JSON.parse(input);
    } catch (e) {
      return refuse('format', `不是有效的 JSON：${(e as Error).message}`);
    }
  }
  const envelope = readEnvelope(parsed);
  if (!envelope.ok) return refuse('format', envelope.message, [], packLabel(parsed) ? { pack: packLabel(parsed) } : {});
  const label = packLabel(envelope.file.pack);
  const extra = label ? { pack: label } : {};

  const signatures = await verifySignatures(envelope.file, ctx.trusted);
  if (!signatures.ok) return refuse(signatures.reason, signatures.message, [], { ...extra, keyIds: signatures.keyIds });
  const keyIds = signatures.keyIds;

  let signed: unknown;
  try {
    signed = JSON.parse(canonicalPackJson(envelope.file.pack));
  } catch (e) {
    if (e instanceof CanonicalFormError) return refuse('format', e.message, [], extra);
    throw e;
  }
  const inspection = inspectPack(signed, ctx);
  if (!inspection.ok) return { ok: false, refusal: { ...inspection.refusal, keyIds } };
  const { pack } = inspection;

  const floor = ctx.floor?.(pack.id);
  if (floor !== undefined && compareVersions(pack.version, floor) <= 0) {
    return refuse(
      'not-newer',
      `规则包 ${pack.id} 的版本 ${pack.version} 不比本浏览器已启用过的 ${floor} 新；为防止回滚攻击，只接受更新的版本（确需回退请由管理员显式回滚）`,
      [],
      { pack: { id: pack.id, version: pack.version }, keyIds },
    );
  }

  const failed = testPack(inspection);
  if (failed) return { ok: false, refusal: { ...failed, keyIds } };
  return { ok: true, pack, checker: inspection.checker, keyIds, tests: pack.tests.length };
}
