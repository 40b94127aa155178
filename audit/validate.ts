/**
 * What the background accepts from content scripts for the log, and from extension pages for
 * the settings. A compromised or buggy content script can still only append well-formed,
 * bounded records; anything else is refused with a message naming the field.
 */
import {
  CATEGORIES,
  CHECK_VERDICTS,
  DRAFT_KINDS,
  FINDING_SEVERITIES,
  ID_PATTERN,
  isFieldName,
  PLATFORMS,
  VERSION_PATTERN,
  type FieldName,
} from '../rules/engine/types';
import type { AdapterProblem, AttemptCompletion, AttemptStart, SettingsChange } from '../utils/protocol';

import { FINAL_DECISIONS } from './record';
import { bool, int, InvalidPayload, list, obj, oneOf, str, tuple, type Check } from './schema';

/** Bounds: generous for real posts (a WeChat article is at most 20,000 characters), small for abuse. */
export const LIMITS = {
  text: 200_000,
  title: 1_000,
  url: 4_096,
  name: 200,
  findings: 5_000,
  errors: 200,
  excerpt: 2_000,
  message: 2_000,
  reason: 2_000,
  problem: 500,
  offset: 1_000_000,
} as const;

const ruleId = str(64, { pattern: ID_PATTERN, what: '应为小写字母、数字和连字符组成的规则 id' });
const platform = oneOf(PLATFORMS);
const fieldName: Check<FieldName> = (v, path) => {
  const s = str(32)(v, path);
  if (!isFieldName(s)) throw new InvalidPayload(`${path}：不是已知的字段名`);
  return s;
};
const page = str(64, { pattern: /^[a-z][a-z0-9-]{0,63}$/, what: '应为小写字母、数字和连字符组成的页面名' });
const httpsUrl: Check<string> = (v, path) => {
  const s = str(LIMITS.url, { min: 1 })(v, path);
  let ok: boolean;
  try {
    ok = new URL(s).protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw new InvalidPayload(`${path}：应为 https:// 网址`);
  return s;
};
const offset = int(0, LIMITS.offset);

const finding = obj(
  {
    ruleId,
    messageId: str(64, { min: 1, pattern: /^[A-Za-z0-9_.-]+$/, what: '应为字母、数字、下划线、点或连字符' }),
    category: oneOf(CATEGORIES),
    severity: oneOf(FINDING_SEVERITIES),
    field: fieldName,
    range: tuple(offset, offset),
    excerpt: str(LIMITS.excerpt),
    message: str(LIMITS.message),
    suggestion: str(LIMITS.excerpt),
    basis: str(1_000),
  },
  ['suggestion'],
);

const attemptStartShape = obj(
  {
    platform,
    kind: oneOf(DRAFT_KINDS),
    page,
    account: obj({ name: str(LIMITS.name, { min: 1 }), id: str(LIMITS.name) }, ['id']),
    url: httpsUrl,
    title: str(LIMITS.title),
    text: str(LIMITS.text),
    verdict: oneOf(CHECK_VERDICTS),
    findings: list(finding, LIMITS.findings),
    errors: list(obj({ ruleId, message: str(LIMITS.message) }), LIMITS.errors),
    pack: obj({
      id: ruleId,
      version: str(32, { pattern: VERSION_PATTERN, what: '应为 主版本.次版本.修订号' }),
    }),
  },
  ['account', 'title'],
);

function refuse(method: string, e: unknown): never {
  if (e instanceof InvalidPayload) throw new InvalidPayload(`「${method}」参数无效：${e.message}`);
  throw e;
}

export function validateAttemptStart(input: unknown): AttemptStart {
  try {
    const start = attemptStartShape(input, '');
    start.findings.forEach((f, i) => {
      const [from, to] = f.range;
      if (from > to) throw new InvalidPayload(`findings[${i}].range：起点大于终点`);
      const field = f.field === 'body' ? start.text : f.field === 'title' ? start.title : undefined;
      if (field !== undefined && to > field.length)
        throw new InvalidPayload(`findings[${i}].range：超出 ${f.field} 的长度 ${field.length}`);
    });
    return start;
  } catch (e) {
    return refuse('logAttempt', e);
  }
}

const completionShape = obj(
  {
    id: str(36, {
      pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      what: '不是发布尝试的 id',
    }),
    decision: oneOf(FINAL_DECISIONS),
    reason: str(LIMITS.reason),
  },
  ['reason'],
);

export function validateCompletion(input: unknown): AttemptCompletion {
  try {
    const done = completionShape(input, '');
    if (done.decision === 'published-with-reason' && !done.reason?.trim()) {
      throw new InvalidPayload('reason：「仍要发布」必须写明理由');
    }
    return done;
  } catch (e) {
    return refuse('completeAttempt', e);
  }
}

const problemShape = obj({ platform, page, url: httpsUrl, problem: str(LIMITS.problem, { min: 1 }) });

export function validateAdapterProblem(input: unknown): AdapterProblem {
  try {
    return problemShape(input, '');
  } catch (e) {
    return refuse('reportAdapterProblem', e);
  }
}

const settingsPatchShape = obj(
  {
    editorName: str(50),
    editorUnit: str(100),
    logText: oneOf(['full', 'hash'] as const),
    liveCheck: obj({ weibo: bool, wechat: bool }, ['weibo', 'wechat']),
    allowOverride: bool,
  },
  ['editorName', 'editorUnit', 'logText', 'liveCheck', 'allowOverride'],
);

export function validateSettingsPatch(input: unknown): SettingsChange {
  try {
    return settingsPatchShape(input, '');
  } catch (e) {
    return refuse('saveSettings', e);
  }
}
