/**
 * The Chinese name of every value a person sees — in the guard's panel, the toolbar popup, the
 * dashboard, the CSV export, the CLI and the docs. One word for each thing, defined here once:
 * the override is 仍要发布 everywhere, a justify finding is 需说明理由 everywhere, and rule ids
 * (no-ad-promotion) and English verdicts never reach a user — they are shown by these names.
 */
import type { Category, CheckVerdict, DraftKind, FindingSeverity, Platform } from '../rules/engine/types';
import type { Decision, ReviewGate, UploadState } from './protocol';

export const PLATFORM_LABELS: Record<Platform, string> = { weibo: '微博', wechat: '微信公众号' };

export const KIND_LABELS: Record<DraftKind, string> = {
  post: '发帖',
  repost: '转发',
  comment: '评论',
  reply: '回复',
  article: '图文',
  'image-post': '贴图',
};

/** A check's outcome. `error`: the check could not finish (the post was held). */
export const VERDICT_LABELS: Record<CheckVerdict, string> = {
  pass: '通过',
  warn: '提示',
  justify: '需说明理由',
  block: '拦截',
  error: '检查失败',
};

/** One finding's severity: the same words as the verdicts they lead to. */
export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  block: '拦截',
  justify: '需说明理由',
  warn: '提示',
  monitor: '监测',
};

/**
 * The editor's decision. Publishing over findings is 仍要发布 — the panel's button, the popup,
 * the dashboard's column and charts, the CSV — whether or not a reason was asked for.
 */
export const DECISION_LABELS: Record<Decision, string> = {
  pending: '未完成',
  published: '已发布',
  'published-with-reason': '仍要发布',
  blocked: '已拦截',
  cancelled: '返回修改',
  'check-failed': '检查失败',
};

/**
 * The 三审 record of a justify-level override (where the pack asks for it): who passed each of
 * the five checks of 《保定市政务新媒体管理办法》第十三条. The same words in the panel, the
 * dashboard and the exports' column headers.
 */
export const REVIEW = '三审记录';
export const REVIEW_LABELS: Record<ReviewGate, string> = {
  political: '政治关',
  legal: '法律关',
  policy: '政策关',
  secrecy: '保密关',
  wording: '文字关',
};

/** The override, as a verb on the panel's button and in sentences. */
export const OVERRIDE = '仍要发布';
/**
 * The browser has not handed the extension the admin's policy (storage.managed does not answer)
 * and it was never read: everything it could govern fails closed until it is.
 */
export const POLICY_UNREADABLE = '管理员策略暂时无法读取';
/** What that means and what to do, where the editor or an auditor sees it (popup, dashboard). */
export const POLICY_UNREADABLE_ADVICE = `${POLICY_UNREADABLE}：浏览器还没有把策略交给本扩展，在读到之前按最严处理——不能“${OVERRIDE}”，日志不上传。请稍候；一直如此时请重启浏览器，或联系管理员。`;

/** The written reason an override carries. */
export const REASON = '发布理由';

/** Where uploads of the log to the city's collector (汇聚服务器) stand. */
export const UPLOAD_STATE_LABELS: Record<UploadState, string> = {
  off: '未配置（日志只保存在这台电脑的浏览器中）',
  idle: '正常',
  sending: '正在上传',
  retrying: '上传失败，稍后自动重试',
  revoked: '本设备已被汇聚服务器停用，不再上传',
  'not-enrolled': '未登记（策略中缺少登记码）',
  misconfigured: '配置有误，未上传',
  'needs-consent': '需要许可：浏览器尚未允许日志离开本机，未上传',
  'policy-unreadable': `${POLICY_UNREADABLE}，不知道是否要上传，日志暂存本机`,
};

/** Upload states an auditor must look at: uploads are not reaching the collector. */
export const UPLOAD_TROUBLE: ReadonlySet<UploadState> = new Set([
  'retrying',
  'revoked',
  'not-enrolled',
  'misconfigured',
  'needs-consent',
  'policy-unreadable',
]);

export const CATEGORY_LABELS: Record<Category, string> = {
  'commercial-ad': '商业广告',
  'personal-opinion': '个人观点',
  'unapproved-source': '非白名单稿源',
  'missing-source': '来源不可追溯',
  'title-distortion': '篡改标题',
  'off-mission': '与政府职能无关',
  confidential: '涉密',
  'personal-data': '个人信息',
  'political-expression': '政治表述',
  'legal-expression': '法律表述',
  typo: '错别字和标点',
};

/** Each shipped rule by name (tests/meta.test.ts keeps this in step with rules/index.ts). */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  'no-ad-absolute-term': '广告绝对化用语',
  'no-ad-like-paragraph': '整段像广告',
  'no-ad-promotion': '促销用语',
  'no-bank-card': '银行卡号',
  'no-classified-mark': '密级标志',
  'no-emotional-language': '情绪化表达',
  'no-emotional-paragraph': '整段带个人情绪',
  'no-id-number': '身份证号',
  'no-improper-legal-term': '法律用语不规范',
  'no-improper-political-term': '政治表述不规范',
  'no-mobile-number': '手机号码',
  'no-off-mission': '与政府职能无关',
  'no-personal-opinion': '个人观点',
  'no-shop-link': '店铺链接',
  'no-stacked-punctuation': '连用标点',
  'no-title-distortion': '篡改标题',
  'no-typo': '错别字',
  'no-unapproved-source': '非白名单稿源',
  'require-source': '未注明来源',
};

/** A rule's Chinese name; a rule this build does not know (a newer pack's) by its category. */
export function ruleLabel(ruleId: string, category?: Category): string {
  if (Object.hasOwn(RULE_LABELS, ruleId)) return RULE_LABELS[ruleId]!;
  if (category && Object.hasOwn(CATEGORY_LABELS, category)) return CATEGORY_LABELS[category];
  return '其他规则';
}

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  author: '作者',
  summary: '摘要',
  body: '正文',
  source: '来源',
  'source.url': '原文链接',
  quoted: '转发原文',
  'quoted.author': '原作者',
};

/** A draft field by name (a FieldName or a link, links[1]): 标题, 正文, 链接 2… */
export function fieldLabel(field: string): string {
  const link = /^links\[(\d+)\]$/.exec(field);
  if (link) return `链接 ${Number(link[1]) + 1}`;
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]! : field;
}

/**
 * Where findings are, for a person: 标题, 正文第 2 段. Paragraphs are the field's non-empty lines
 * (rich editors give each paragraph its own line); a field of one paragraph is named alone. Built
 * once per field text, then each lookup is a binary search (a long article has many findings).
 */
export function placesIn(field: string, text: string | undefined): (start: number) => string {
  const name = fieldLabel(field);
  if (text === undefined || !text.includes('\n')) return () => name;
  // Where each non-empty line starts.
  const starts: number[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (text.slice(lineStart, i).trim() !== '') starts.push(lineStart);
      lineStart = i + 1;
    }
  }
  if (starts.length <= 1) return () => name;
  return (start) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    return `${name}第 ${lo + 1} 段`;
  };
}

/**
 * A finding's basis with the measures first: the 管理办法's article leads, then the lists and
 * laws behind it (a basis is parts joined by ；).
 */
export function orderBasis(basis: string): string {
  const parts = basis.split('；');
  const measures = (p: string) => /管理办法|^第[一二三四五六七八九十]+条/.test(p);
  return [...parts.filter(measures), ...parts.filter((p) => !measures(p))].join('；');
}
