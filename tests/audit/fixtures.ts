/** Realistic records for the audit-log tests: attempts as a Weibo or WeChat editor makes them. */
import { linkRecord, type Head } from '../../audit/chain';
import type { AttemptRecord, FinalDecision, LogRecord, OutcomeRecord, RecordBody } from '../../audit/record';
import type { AttemptStart } from '../../utils/protocol';

let counter = 0;

/** A Weibo post with one typo finding; a different `text` comes without findings unless given. */
export function attemptStart(overrides: Partial<AttemptStart> = {}): AttemptStart {
  const clean =
    overrides.text !== undefined && overrides.findings === undefined ? { verdict: 'pass' as const, findings: [] } : {};
  return {
    platform: 'weibo',
    kind: 'post',
    page: 'home',
    account: { name: '保定发布', id: '2803301701' },
    url: 'https://weibo.com/u/2803301701',
    text: '【通知】明日起城区部分路段施工，请市民做为参考绕行。',
    verdict: 'warn',
    findings: [
      {
        ruleId: 'no-typo',
        messageId: 'typo',
        category: 'typo',
        severity: 'warn',
        field: 'body',
        range: [17, 19],
        excerpt: '做为',
        message: '「做为」应为「作为」',
        suggestion: '作为',
        basis: '第十三条 文字关',
      },
    ],
    errors: [],
    pack: { id: 'baoding-default', version: '1.0.0' },
    ...clean,
    ...overrides,
  };
}

export function attemptBody(overrides: Partial<RecordBody<AttemptRecord>> = {}): RecordBody<AttemptRecord> {
  const { text, ...start } = attemptStart();
  counter++;
  return {
    type: 'attempt',
    time: new Date(Date.UTC(2026, 2, 1, 8, 0, counter % 60)).toISOString(),
    attempt: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    ...start,
    text,
    textSha256: 'a'.repeat(64),
    textLength: text.length,
    logText: 'full',
    findings: start.findings.map((f) => ({ ...f, range: [f.range[0], f.range[1]] })),
    extension: '0.1.0',
    editor: { name: '李编辑', unit: '保定市政府办公室' },
    ...overrides,
  };
}

export function outcomeBody(attempt: string, decision: FinalDecision, reason?: string): RecordBody<OutcomeRecord> {
  return { type: 'outcome', time: '2026-03-01T08:01:00.000Z', attempt, decision, ...(reason ? { reason } : {}) };
}

/** Links bodies into a chain, starting after `head` (a fresh chain when absent). */
export async function buildChain(bodies: RecordBody[], head?: Head): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for (const body of bodies) {
    const record = await linkRecord(body, head);
    out.push(record);
    head = { seq: record.seq, hash: record.hash };
  }
  return out;
}

/** n attempts, every other one completed as published. */
export async function sampleChain(n: number): Promise<LogRecord[]> {
  const bodies: RecordBody[] = [];
  for (let i = 0; i < n; i++) {
    const a = attemptBody();
    bodies.push(a);
    if (i % 2 === 0) bodies.push(outcomeBody(a.attempt, 'published'));
  }
  return buildChain(bodies);
}

const ACCOUNTS = [
  { platform: 'weibo', name: '保定发布', id: '2803301701' },
  { platform: 'weibo', name: '保定交警', id: '3567113310' },
  { platform: 'wechat', name: '保定市人民政府', id: 'gh_baoding' },
  { platform: 'wechat', name: '保定卫健', id: 'gh_bdwj' },
] as const;

const TEXTS = [
  '【通知】明日起城区部分路段施工，请市民做为参考绕行。',
  '今日全市空气质量良好，适宜户外活动。',
  '本店特价促销，全网最低价，欢迎私信购买！',
  '我个人觉得这个政策太糟糕了，气死我了。',
  '转自某网友：据说明天全市停水。',
  '市政府召开常务会议，研究部署安全生产工作。',
];

const RULES = [
  { ruleId: 'no-typo', category: 'typo', excerpt: '做为', severity: 'warn' },
  { ruleId: 'no-ad-terms', category: 'commercial-ad', excerpt: '全网最低价', severity: 'block' },
  { ruleId: 'no-personal-opinion', category: 'personal-opinion', excerpt: '我个人觉得', severity: 'justify' },
  { ruleId: 'require-source', category: 'missing-source', excerpt: '某网友', severity: 'justify' },
] as const;

/** A deterministic pseudo-random generator (mulberry32), so generated logs are the same every run. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` attempts over `days` days from `start`, from four accounts, with findings, verdicts and
 * decisions in realistic proportions (most pass; blocks for ads; some overrides; a few pending).
 */
export function mixedBodies(
  n: number,
  { seed = 1, start = Date.parse('2026-01-01T00:00:00Z'), days = 90 } = {},
): RecordBody[] {
  const rand = seeded(seed);
  const bodies: RecordBody[] = [];
  const step = (days * 86_400_000) / n;
  for (let i = 0; i < n; i++) {
    const time = new Date(start + Math.floor(i * step)).toISOString();
    const account = ACCOUNTS[Math.floor(rand() * ACCOUNTS.length)]!;
    const textIndex = Math.floor(rand() * TEXTS.length);
    const text = `${TEXTS[textIndex]}（第${i}条）`;
    const rule =
      textIndex < RULES.length && textIndex > 0 ? RULES[textIndex - 1] : textIndex === 0 ? RULES[0] : undefined;
    const findings = rule
      ? [
          {
            ruleId: rule.ruleId,
            messageId: 'm',
            category: rule.category,
            severity: rule.severity,
            field: 'body' as const,
            range: [0, 2] as [number, number],
            basis: '第十三条',
            excerpt: rule.excerpt,
            message: '示例',
          },
        ]
      : [];
    const verdict = rule ? rule.severity : 'pass';
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    bodies.push({
      ...attemptBody({
        attempt: id,
        time,
        platform: account.platform,
        account: { name: account.name, id: account.id },
        text,
        textLength: text.length,
        findings,
        verdict,
      }),
      kind: account.platform === 'wechat' ? 'article' : 'post',
    });
    const r = rand();
    if (r < 0.03) continue; // left pending
    const decision: FinalDecision =
      verdict === 'block'
        ? 'blocked'
        : verdict === 'pass'
          ? 'published'
          : r < 0.5
            ? 'cancelled'
            : verdict === 'justify'
              ? 'published-with-reason'
              : 'published';
    bodies.push({
      ...outcomeBody(id, decision, decision === 'published-with-reason' ? '经分管领导审核同意发布' : undefined),
      time: new Date(Date.parse(time) + 60_000).toISOString(),
    });
  }
  return bodies;
}
