/** Realistic records for the audit-log tests: attempts as a Weibo or WeChat editor makes them. */
import { linkRecord, type Head } from '../../utils/audit/chain';
import type { AttemptRecord, FinalDecision, LogRecord, OutcomeRecord, RecordBody } from '../../utils/audit/record';
import type { AttemptStart } from '../../utils/protocol';

let counter = 0;

/** A Weibo post with one typo finding; a different `text` comes without findings unless given. */
export function attemptStart(overrides: Partial<AttemptStart> = {}): AttemptStart {
  const clean = overrides.text !== undefined && overrides.findings === undefined ? { verdict: 'pass' as const, findings: [] } : {};
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
