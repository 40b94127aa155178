/** Chinese names of the log's values, for the dashboard, the CSV export and the CLI. */
import type { Category, DraftKind, Platform, Severity, Verdict } from '../rules/engine/types';
import type { Decision } from './record';

export const PLATFORM_LABELS: Record<Platform, string> = { weibo: '微博', wechat: '微信公众号' };

export const KIND_LABELS: Record<DraftKind, string> = {
  post: '发帖',
  repost: '转发',
  comment: '评论',
  reply: '回复',
  article: '图文',
  'image-post': '图片',
};

export const VERDICT_LABELS: Record<Verdict | 'error', string> = {
  pass: '通过',
  warn: '提示',
  justify: '需写理由',
  block: '拦截',
  error: '检查出错',
};

export const DECISION_LABELS: Record<Decision, string> = {
  pending: '未完成',
  published: '已发布',
  'published-with-reason': '附理由发布',
  blocked: '已拦截',
  cancelled: '已取消',
  'check-failed': '检查失败',
};

export const SEVERITY_LABELS: Record<Exclude<Severity, 'off'>, string> = {
  block: '拦截',
  justify: '需写理由',
  warn: '提示',
  monitor: '观察',
};

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
  typo: '错别字',
};
