/**
 * Every text the guard shows on a platform page, Chinese first and English second, in one place.
 * The language follows the browser: Chinese unless the browser asks for English and not Chinese.
 */
import type { FieldName, Severity, Verdict } from '../rules/engine/types';
import {
  fieldLabel as zhFieldLabel,
  OVERRIDE,
  POLICY_UNREADABLE,
  REASON,
  REVIEW,
  REVIEW_LABELS,
  SEVERITY_LABELS,
} from '../utils/labels';

const zh = {
  panelTitle: '发布前检查',
  verdictBlock: '有必须修改的问题，不能发布。',
  verdictJustify: '有需要写明理由的问题：填写发布理由后才能发布。',
  verdictWarn: '发现需要注意的问题。确认无误可以继续发布。',
  verdictError: '检查未能完成，本次发布已暂停。只有写明理由才能继续。',
  // The same verdicts where 仍要发布 is not open (policy forbids it, or is not read yet): the
  // note under the summary says why, so the summary promises no way on.
  verdictWarnHeld: '发现需要注意的问题。',
  verdictJustifyHeld: '有需要写明理由的问题。',
  verdictErrorHeld: '检查未能完成，本次发布已暂停。',
  verdictPass: '没有发现问题。',
  previewTitle: '实时检查结果',
  back: '返回修改',
  publishAnyway: OVERRIDE,
  recheck: '重新检查',
  close: '关闭',
  reason: REASON,
  reasonOptional: `${REASON}（选填）`,
  reasonHint: '说明为什么这样发布，会记入发布日志。',
  reasonRequired: '请填写发布理由。',
  reasonTooShort: (min: number) => `理由太短，请写明为什么这样发布（至少 ${min} 个字，可点选常用理由）。`,
  commonReasons: '常用理由',
  overrideForbidden: `管理员策略不允许“${OVERRIDE}”，请返回修改。`,
  overridePolicyUnknown: `${POLICY_UNREADABLE}，在读到之前不能“${OVERRIDE}”。请返回修改，或稍候再点发布；一直如此时请重启浏览器，或联系管理员。`,
  edited: '稿件已修改，请重新检查后再发布。',
  locate: '定位',
  apply: '采用建议',
  applyFailed: '编辑器没有接受这处修改，请手动修改。',
  basis: '依据',
  suggestion: '建议',
  findingsLabel: '检查发现',
  networkOrigin: '页面直接发出了发布请求，已由发布守卫暂停。',
  todoBlock: '请修改标出的内容后再发布。',
  todoJustify: '修改后重新检查，或写明发布理由后发布。',
  todoJustifyReview: `修改后重新检查，或写明发布理由、填写${REVIEW}后发布。`,
  todoWarn: '可以修改，也可以确认无误后继续发布。',
  todoError: '写明发布理由后可以继续，或返回修改。',
  todoRetry: '稿件已暂停发布，没有发出。可以重试，或返回修改。',
  retry: '重试',
  recheckPublish: '重新检查并发布',
  identityLegend: '编辑信息（只需填写一次，会记入发布日志）',
  editorName: '编辑姓名',
  editorUnit: '所在单位',
  identityMissing: '请填写编辑姓名和所在单位。',
  identitySaveFailed: (m: string) => `编辑信息没有保存：${m}`,
  reviewLegend: `${REVIEW}：各关审核人姓名（会记入发布日志）`,
  reviewGates: REVIEW_LABELS,
  reviewerRequired: '请填写通过这一关的审核人姓名。',
  reviewerTooShort: '请填写审核人的真实姓名。',
  reviewMissing: `${REVIEW}不完整，请填写标出的各关审核人。`,
  editedClean: '修改后没有发现问题。',
  editedLive: '稿件已修改，下面是修改后的检查结果。',
  checking: '正在检查…',
  collapse: '收起',
  expand: '展开检查面板',
  showMore: (n: number) => `再显示 ${n} 条`,
  moreTerms: (n: number) => `等 ${n} 处`,
  occurrences: (n: number) => `共 ${n} 处`,
  badgeShortcut: 'Alt+Shift+K',
  badgeLabel: (n: number) => `发布前检查：${n} 处问题`,
  logFailed: (m: string) => `发布日志没有写成（${m}），稿件没有发出`,
  controlGone: '发布按钮已不在页面上，请重新点击发布。',
  adapterProblem: (what: string) =>
    `发布守卫：${what}。平台可能改版了页面，本页的发布检查可能不完整；发布请求仍由网络闸门把关。请联系管理员更新规则包。`,
  noGate: '网络闸门未就绪（页面脚本可能绕过按钮直接发布）',
  dismiss: '知道了',
};

type Strings = typeof zh;

const en: Strings = {
  panelTitle: 'Pre-publish check',
  verdictBlock: 'There are problems that must be fixed before publishing.',
  verdictJustify: 'Some findings need a written reason before publishing.',
  verdictWarn: 'Some findings need your attention. You may publish if they are fine.',
  verdictError: 'The check could not finish; publishing is held. You may go on only with a written reason.',
  verdictWarnHeld: 'Some findings need your attention.',
  verdictJustifyHeld: 'Some findings need a written reason.',
  verdictErrorHeld: 'The check could not finish; publishing is held.',
  verdictPass: 'No problems found.',
  previewTitle: 'Live check',
  back: 'Back to editing',
  publishAnyway: 'Publish anyway',
  recheck: 'Check again',
  close: 'Close',
  reason: 'Reason for publishing',
  reasonOptional: 'Reason for publishing (optional)',
  reasonHint: 'Explain why; it is recorded in the publish log.',
  reasonRequired: 'Please give a reason.',
  reasonTooShort: (min: number) =>
    `The reason is too short: say why the post goes as it is (at least ${min} Chinese characters, or pick a common reason).`,
  commonReasons: 'Common reasons',
  overrideForbidden: 'Your administrator does not allow publishing over findings. Please edit the post.',
  overridePolicyUnknown:
    "Your administrator's policy could not be read yet; until it is, you cannot publish over findings. Edit the post, or publish again in a moment; if this persists, restart the browser or ask your administrator.",
  edited: 'The post was changed. Check it again before publishing.',
  locate: 'Show',
  apply: 'Apply suggestion',
  applyFailed: 'The editor did not accept the change; please edit by hand.',
  basis: 'Basis',
  suggestion: 'Suggestion',
  findingsLabel: 'Findings',
  networkOrigin: 'The page sent a publish request directly; the guard has held it.',
  todoBlock: 'Fix the marked text before publishing.',
  todoJustify: 'Fix and check again, or give a reason to publish.',
  todoJustifyReview: 'Fix and check again, or give a reason and the review record to publish.',
  todoWarn: 'You may fix it, or publish if it is fine.',
  todoError: 'You may go on with a written reason, or go back to editing.',
  todoRetry: 'The post is held and was not sent. Try again, or go back to editing.',
  retry: 'Try again',
  recheckPublish: 'Check again and publish',
  identityLegend: 'About you (asked once, recorded in the publishing log)',
  editorName: 'Your name',
  editorUnit: 'Your unit',
  identityMissing: 'Please give your name and unit.',
  identitySaveFailed: (m: string) => `Your name and unit were not saved: ${m}`,
  reviewLegend: 'Three-tier review: who passed each check (recorded in the publishing log)',
  reviewGates: {
    political: 'Political',
    legal: 'Legal',
    policy: 'Policy',
    secrecy: 'Secrecy',
    wording: 'Wording',
  },
  reviewerRequired: 'Give the name of the reviewer who passed this check.',
  reviewerTooShort: "Give the reviewer's real name.",
  reviewMissing: 'The review record is incomplete: fill in the marked checks.',
  editedClean: 'No problems found after your changes.',
  editedLive: 'The post changed; these are the findings for the new text.',
  checking: 'Checking…',
  collapse: 'Collapse',
  expand: 'Open the check panel',
  showMore: (n: number) => `Show ${n} more`,
  moreTerms: (n: number) => `and ${n} more`,
  occurrences: (n: number) => `${n} places`,
  badgeShortcut: 'Alt+Shift+K',
  badgeLabel: (n: number) => `Pre-publish check: ${n} finding(s)`,
  logFailed: (m: string) => `The publish log could not be written (${m}); the post was not sent`,
  controlGone: 'The publish button is no longer on the page; please click publish again.',
  adapterProblem: (what: string) =>
    `Publish guard: ${what}. The platform may have changed its page; checks here may be incomplete, publish requests are still held by the network gate. Ask your administrator to update the rule pack.`,
  noGate: 'network gate not ready (page scripts could publish around the buttons)',
  dismiss: 'OK',
};

const SEVERITY_EN: Record<Exclude<Severity, 'off' | 'monitor'>, string> = {
  block: 'Blocked',
  justify: 'Needs a reason',
  warn: 'Warning',
};

const FIELD_EN: Record<string, string> = {
  title: 'Title',
  author: 'Author',
  summary: 'Summary',
  body: 'Body',
  source: 'Source',
  'source.url': 'Source link',
  quoted: 'Quoted post',
  'quoted.author': 'Quoted author',
  links: 'Link',
};

export function uiLanguage(
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): 'zh' | 'en' {
  if (languages.some((l) => l.toLowerCase().startsWith('zh'))) return 'zh';
  return languages[0]?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const lang = uiLanguage();
export const t: Strings = lang === 'en' ? en : zh;

export function severityLabel(severity: Exclude<Severity, 'off' | 'monitor'>): string {
  return lang === 'en' ? SEVERITY_EN[severity] : SEVERITY_LABELS[severity];
}

export function fieldLabel(field: FieldName): string {
  return lang === 'en' ? (FIELD_EN[field.startsWith('links[') ? 'links' : field] ?? field) : zhFieldLabel(field);
}

/** `held`: 仍要发布 is not open for this attempt, so no verdict offers a way on. */
export function verdictText(verdict: Verdict | 'error', held = false): string {
  return {
    block: t.verdictBlock,
    justify: held ? t.verdictJustifyHeld : t.verdictJustify,
    warn: held ? t.verdictWarnHeld : t.verdictWarn,
    error: held ? t.verdictErrorHeld : t.verdictError,
    pass: t.verdictPass,
  }[verdict];
}
