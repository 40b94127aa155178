import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../utils/protocol';
import { attemptStart } from '../audit/fixtures';

const validateAttemptStart = (input: unknown) => parseRequest('logAttempt', input);
const validateCompletion = (input: unknown) => parseRequest('completeAttempt', input);
const validateAdapterProblem = (input: unknown) => parseRequest('reportAdapterProblem', input);
const validateSettingsPatch = (input: unknown) => parseRequest('saveSettings', input);

describe('logAttempt requests', () => {
  it('accepts a realistic attempt and returns exactly its fields', () => {
    const start = attemptStart({ title: '关于城区道路施工的通告' });
    expect(validateAttemptStart(structuredClone(start))).toEqual(start);
  });

  it.each([
    ['an unknown field', { extra: 1 }, 'extra：未知字段'],
    ['an unknown platform', { platform: 'douyin' }, 'platform：应为 weibo / wechat 之一'],
    ['a non-HTTPS url', { url: 'http://weibo.com/' }, 'url：应为 https:// 网址'],
    ['a javascript: url', { url: 'javascript:alert(1)' }, 'url：应为 https:// 网址'],
    ['an over-long text', { text: '字'.repeat(200_001) }, 'text：超过 200000 个字符'],
    ['a numeric text', { text: 42 }, 'text：应为文字'],
    ['a page name with markup', { page: '<img>' }, 'page：应为小写字母'],
    ['an empty account name', { account: { name: '' } }, 'account.name：不能为空'],
    ['a bad verdict', { verdict: 'ok' }, 'verdict：应为'],
    ['a bad pack version', { pack: { id: 'baoding-default', version: 'latest' } }, 'pack.version'],
  ])('refuses %s', (_, overrides, message) => {
    expect(() => validateAttemptStart({ ...attemptStart(), ...overrides })).toThrow(
      `「logAttempt」参数无效：${message}`,
    );
  });

  it('checks every finding: category, severity, field, range inside the text', () => {
    const base = attemptStart();
    const withFinding = (patch: object) => ({ ...base, findings: [{ ...base.findings[0], ...patch }] });
    expect(() => validateAttemptStart(withFinding({ category: 'gossip' }))).toThrow('findings[0].category');
    expect(() => validateAttemptStart(withFinding({ severity: 'off' }))).toThrow('findings[0].severity');
    expect(() => validateAttemptStart(withFinding({ field: 'innerHTML' }))).toThrow('findings[0].field');
    expect(() => validateAttemptStart(withFinding({ range: [5, 2] }))).toThrow('findings[0].range：起点大于终点');
    expect(() => validateAttemptStart(withFinding({ range: [0, 999] }))).toThrow(
      `findings[0].range：超出 body 的长度 ${base.text.length}`,
    );
    expect(() => validateAttemptStart(withFinding({ range: [1, 2, 3] }))).toThrow(
      'findings[0].range：应为两个元素的数组',
    );
    expect(() => validateAttemptStart(withFinding({ note: 'x' }))).toThrow('findings[0].note：未知字段');
    expect(() => validateAttemptStart(withFinding({ range: [0.5, 2] }))).toThrow('findings[0].range[0]');
    expect(() => validateAttemptStart(withFinding({ ruleId: 'No Typo' }))).toThrow('findings[0].ruleId');
    expect(() => validateAttemptStart({ ...base, findings: 'none' })).toThrow('findings：应为数组');
    // Every field a rule can point into is accepted: the summary and byline too.
    for (const field of ['summary', 'author', 'quoted.author', 'links[3]'])
      expect(validateAttemptStart(withFinding({ field })).findings[0]!.field).toBe(field);
  });

  it('names a missing field, and only the first problem', () => {
    const { platform: _platform, ...rest } = attemptStart();
    expect(() => validateAttemptStart(rest)).toThrow(/^「logAttempt」参数无效：platform：缺少此字段$/);
    expect(() => validateAttemptStart({ ...rest, text: 42 })).toThrow(/^「logAttempt」参数无效：platform：缺少此字段$/);
  });

  it('refuses what is not an object at all', () => {
    expect(() => validateAttemptStart(null)).toThrow('参数：应为对象');
    expect(() => validateAttemptStart([attemptStart()])).toThrow('参数：应为对象');
  });
});

describe('completeAttempt requests', () => {
  const id = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
  it('accepts each final decision', () => {
    for (const decision of ['published', 'blocked', 'cancelled', 'check-failed'] as const) {
      expect(validateCompletion({ id, decision })).toEqual({ id, decision });
    }
    expect(validateCompletion({ id, decision: 'published-with-reason', reason: '经分管领导审核同意' }).reason).toBe(
      '经分管领导审核同意',
    );
  });

  it('refuses pending, a missing reason, a forged id', () => {
    expect(() => validateCompletion({ id, decision: 'pending' })).toThrow('decision');
    expect(() => validateCompletion({ id, decision: 'published-with-reason', reason: '  ' })).toThrow('必须写明理由');
    expect(() => validateCompletion({ id: '1 OR 1=1', decision: 'published' })).toThrow('id：不是发布尝试的 id');
    expect(() => validateCompletion({ id, decision: 'published', reason: '理'.repeat(2001) })).toThrow(
      'reason：超过 2000',
    );
  });
});

describe('completeAttempt with its 三审 record and editor', () => {
  const id = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
  const review = { political: '王审核', legal: '刘法务', policy: '陈主任', secrecy: '周保密', wording: '吴校对' };
  const over = { id, decision: 'published-with-reason', reason: '经三审同意发布' } as const;

  it('accepts five names on an override, and the editor the content script holds', () => {
    expect(validateCompletion({ ...over, review }).review).toEqual(review);
    const editor = { name: '赵编辑', unit: '保定市林业局' };
    expect(validateCompletion({ id, decision: 'published', editor }).editor).toEqual(editor);
  });

  it('refuses a record with a name missing, empty, too long or extra; and one on no override', () => {
    const { wording: _, ...four } = review;
    expect(() => validateCompletion({ ...over, review: four })).toThrow('review.wording：缺少此字段');
    expect(() => validateCompletion({ ...over, review: { ...review, secrecy: '' } })).toThrow(
      'review.secrecy：不能为空',
    );
    expect(() => validateCompletion({ ...over, review: { ...review, legal: '刘'.repeat(51) } })).toThrow(
      'review.legal：超过 50',
    );
    expect(() => validateCompletion({ ...over, review: { ...review, fifth: '某某' } })).toThrow(
      'review.fifth：未知字段',
    );
    expect(() => validateCompletion({ id, decision: 'published', review })).toThrow('只有「仍要发布」才有三审记录');
  });
});

describe('reportAdapterProblem and saveSettings requests', () => {
  it('accept well-formed input and refuse the rest', () => {
    const problem = {
      platform: 'wechat',
      page: 'article-editor',
      url: 'https://mp.weixin.qq.com/cgi-bin/appmsg',
      problem: '找不到发布按钮',
    };
    expect(validateAdapterProblem(problem)).toEqual(problem);
    expect(() => validateAdapterProblem({ ...problem, problem: '' })).toThrow('problem：不能为空');
    expect(validateSettingsPatch({ editorName: '王编辑', liveCheck: { weibo: false } })).toEqual({
      editorName: '王编辑',
      liveCheck: { weibo: false },
    });
    expect(() => validateSettingsPatch({ logText: 'none' })).toThrow('「saveSettings」参数无效：logText');
    expect(() => validateSettingsPatch({ liveCheck: { douyin: true } })).toThrow('liveCheck.douyin：未知字段');
  });
});
