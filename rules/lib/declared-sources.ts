/**
 * The sources a draft declares (第十三条：转载信息保证来源可追溯): the platform's own 来源 and 原文链接
 * controls, the reposted post's author, and what the text says — 来源：XX, 稿源：XX, 转自XX,
 * 原文链接：URL, Weibo //@账号: repost chains, 据XX报道, 记者从XX获悉, and an outlet's byline
 * （央视记者 张三）. One rule judges whether each source is approved, another whether any source
 * is traceable at all; both read them from here.
 *
 * Everything is found on the folded text (full-width, traditional and invisible characters
 * already undone), and every range maps back to what the editor typed.
 */
import type { DraftView, FieldView } from '../engine/define-rule';
import { compactTerm, foldedToOriginal } from '../engine/normalize';
import { cleanName, hostOf, type CompiledSources } from '../engine/sources';
import type { FieldName, Range } from '../engine/types';
import { urlAt } from './urls';

export type SourceVia =
  /** draft.source: the platform's 来源 / 原文链接 settings. */
  | 'control'
  /** 来源：XX, 稿源：XX, 原文链接：URL. */
  | 'label'
  /** 转自XX, 转载自XX, 本文转自XX, 摘自《XX》. */
  | 'transfer'
  /** Weibo //@账号: repost chain in the text. */
  | 'chain'
  /** The author of the post being reposted. */
  | 'repost'
  /** 据XX报道, 据XX消息, 记者从XX获悉: a citation, which makes text traceable but is not a reprint. */
  | 'cited'
  /** 央视记者 张三, 新华社北京3月9日电: the outlet whose reporter wrote the text, which makes it traceable. */
  | 'byline';

export interface DeclaredSource {
  via: SourceVia;
  field: FieldName;
  /** The declaration's marker as typed (来源：, 转自, //@, 据…报道); the whole value for controls. */
  marker: Range;
  /** The source as typed, without quotes and platform words (公众号, 客户端…); empty when none follows. */
  range: Range;
  /** Folded forms to look up: the name without wrappers first, then the value as written. */
  names: string[];
  /** The link, when the source is one. */
  url?: string;
}

/**
 * Words that introduce a source in the text of a post. 图片来源 and 数据来源 are not reprints: a
 * label counts only at the start of a clause (after a non-Chinese character) or after one of the
 * PREFIXED words; that is checked in code, because a regex that opens with a look-behind is
 * several times slower to scan with.
 */
const LABEL =
  /(?:本文|文章|信息|消息|新闻|稿件|内容|素材|视频|图文|转载|此文)?(?:(?:来源|稿源|出处) {0,3}[:|丨/]|来源于|(?:原文链接|原文地址|原文网址|原链接|来源链接|来源网址) {0,3}[:|丨]?|(?:转载自|转载于|转发自|转自|摘编自|摘自|综合自|来自) {0,3}:?)/g;
const PREFIXED =
  /^(?:本文|文章|信息|消息|新闻|稿件|内容|素材|视频|图文|转载|此文)(?=来源|稿源|出处|原文|原链接|转|摘|综合|来自)/;
/** Forms that need one of the prefixes: 本文来源于, 本文来自 (plain 来自 is 来自全市各地的…). */
const NEEDS_PREFIX = /^(?:来源于|来自)/;
const isCjk = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';
const CHAIN = /\/\/\s{0,3}@([^:\n@/]{1,40}?)\s{0,3}:/dg;
/** 据新华社报道, 据媒体报道, 据报道; not 数据报道, 证据, 依据. */
const CITED = /(?<![数证依占票单收凭论盘考])据\s{0,3}([^\n,。;!?:、()【】“”]{0,16}?)\s{0,3}(?:消息|报道|报导|通报)/dg;

/** 记者从市应急管理局获悉, 记者从国家卫健委了解到: the reporter names whom the news is from. */
const REPORTER_CITED = /记者\s{0,3}从\s{0,3}([^\n,。;!?:、()【】“”]{1,20}?)\s{0,3}(?:获悉|了解到|获知|得知)/dg;
/**
 * An outlet's reporter at the start of a clause: （央视记者王涵 倪晶依）, （总台记者张雨辰）,
 * 北京日报记者从…获悉, 新华社记者 李四 摄. The outlet's name ends as outlets' names do (社 报 台 网 视
 * 新闻 之声 传媒 杂志 周刊), and a person's name, 从 or the end of the byline follows 记者: not
 * 接受新华社记者采访 (no clause start) nor 十名记者 (no outlet). 本报记者 names no outlet.
 */
const OUTLET_BYLINE =
  /(?:^|[^\u4e00-\u9fff])((?!本)[\u4e00-\u9fff]{1,12}?(?:社|报|台|网|视|新闻|之声|传媒|杂志|周刊))(?:驻[\u4e00-\u9fff]{1,8}?)?(?:特约|首席)?记者(?=\s{0,3}(?:从|[\u4e00-\u9fff]{2,4}(?:[、\s]{1,3}[\u4e00-\u9fff]{2,4}){0,4}\s{0,3}(?:[)\]]|摄|报道|$)))/dgm;

/**
 * A dateline naming its outlet: 新华社北京3月9日电, 据中新社上海1月5日电. 本报武昌1月28日电 names no
 * outlet (本报 is whichever paper printed it first) and is left to the byline markers.
 */
const DATELINE =
  /(?:^|[^\u4e00-\u9fff])据?\s{0,2}((?!本)[\u4e00-\u9fff]{1,10}?(?:社|报|台|网))\s{0,2}[\u4e00-\u9fff]{0,8}?\s{0,2}\d{1,2}月\d{1,2}日\s{0,2}(?:电|讯)/dgm;

/** The value after a label: up to the end of the clause. */
const VALUE = /[^\n。;!?()【】[\]|丨,:]{0,60}/y;
/** A value ends where the next footer field begins: 来源：某某网 编辑：张三, 来源：某某网 2026-11-28. */
const NEXT_FIELD = /\s+(?=\d|[\u4e00-\u9fff]{1,5}\s{0,3}[:|丨])/y;
const QUOTED = /^[《“「『"']([^》”」』"'\n]{1,40})[》”」』"']/;
const PLATFORM_PREFIX =
  /^(?:(?:微信)?公众号|微信号?|(?:新浪)?微博|抖音号?|快手号?|头条号?|今日头条|视频号|@)\s{0,3}:?\s{0,3}/;
const PLATFORM_SUFFIX = /\s{0,3}(?:微信公众号|公众号|微信号|微信|官方微博|官微|微博|客户端|app|视频号|抖音号)$/;
const SITE_SUFFIX = /(?:门户网站|官方网站|网站|官网|网)$/;
const WRAPPERS = /^[\s《“「『"'@]+|[\s》”」』"']+$/g;
/** Longer than this (content characters) it is a sentence, not a name. */
const MAX_NAME = 30;

type Span = [number, number];

/** Strips quotes and platform words; returns the inner span of the folded text [start, end). */
function innerName(folded: string, [start, end]: Span): Span {
  let s = start;
  let e = end;
  for (let pass = 0; pass < 3; pass++) {
    const text = folded.slice(s, e);
    const lead = /^[\s《“「『"'@]+/.exec(text)?.[0].length ?? 0;
    const trail = /[\s》”」』"']+$/.exec(text)?.[0].length ?? 0;
    s += lead;
    e -= Math.min(trail, e - s);
    const prefix = PLATFORM_PREFIX.exec(folded.slice(s, e))?.[0].length ?? 0;
    if (prefix && prefix < e - s) s += prefix;
    const suffix = PLATFORM_SUFFIX.exec(folded.slice(s, e))?.[0].length ?? 0;
    if (suffix && suffix < e - s) e -= suffix;
  }
  return [s, e];
}

/** One source per 、-separated name; 综合自新华社、人民网 names two. */
function nameSources(field: FieldView, via: SourceVia, marker: Range, span: Span): DeclaredSource[] {
  const folded = field.normalized.folded;
  const out: DeclaredSource[] = [];
  let start = span[0];
  const end = span[1];
  const combined = /^\s{0,3}综合(?:整理)?自?/.exec(folded.slice(start, end));
  if (combined && compactTerm(folded.slice(start + combined[0].length, end))) start += combined[0].length;
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && folded[i] !== '、') continue;
    const raw = trim(folded, [from, i]);
    from = i + 1;
    if (compactTerm(folded.slice(raw[0], raw[1])).length > MAX_NAME) continue;
    const inner = innerName(folded, raw);
    const name = folded.slice(inner[0], inner[1]);
    // 保定市人民政府网, 中央纪委国家监委网站: an organ's own website is the organ.
    const organ = name.replace(SITE_SUFFIX, '');
    const names = [
      name,
      folded.slice(raw[0], raw[1]).replace(WRAPPERS, ''),
      ...(organ && organ !== name ? [organ] : []),
    ];
    out.push({ via, field: field.name, marker, range: toOriginal(field, inner), names });
  }
  return out;
}

function trim(folded: string, [s, e]: Span): Span {
  while (s < e && /\s/.test(folded.charAt(s))) s++;
  while (e > s && /\s/.test(folded.charAt(e - 1))) e--;
  return [s, e];
}

function toOriginal(field: FieldView, [s, e]: Span): Range {
  return foldedToOriginal(field.normalized, s, e);
}

/** The source that follows a label or transfer word at folded index `at`. */
function valueAfter(field: FieldView, via: SourceVia, marker: Range, at: number): DeclaredSource[] {
  const folded = field.normalized.folded;
  let p = at;
  while (p < folded.length && folded[p] === ' ') p++;
  const url = urlAt(folded, p);
  if (url) return [{ via, field: field.name, marker, range: toOriginal(field, [p, p + url.length]), names: [], url }];
  const quoted = QUOTED.exec(folded.slice(p));
  if (quoted) return nameSources(field, via, marker, [p + 1, p + 1 + quoted[1]!.length]); // group 1 is not optional
  VALUE.lastIndex = p;
  const value = VALUE.exec(folded)?.[0] ?? '';
  const span: Span = [p, p + value.length];
  // The next field's label may sit just past the value (来源 | 某某网 编辑 | 张三).
  for (let i = p + 1; i < span[1]; i++) {
    NEXT_FIELD.lastIndex = i;
    if (NEXT_FIELD.test(folded)) {
      span[1] = i;
      break;
    }
  }
  if (!compactTerm(folded.slice(span[0], span[1])))
    return [{ via, field: field.name, marker, range: toOriginal(field, [p, p]), names: [''] }];
  return nameSources(field, via, marker, span);
}

/**
 * Sources declared in the text of a title or body, found once per field and check: the rule on
 * approved sources and the rule on traceable ones both read them.
 */
function inText(field: FieldView): readonly DeclaredSource[] {
  return field.memo(findInText);
}

function findInText(field: FieldView): readonly DeclaredSource[] {
  const folded = field.normalized.folded;
  const out: DeclaredSource[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(folded); m; m = LABEL.exec(folded)) {
    const prefix = PREFIXED.exec(m[0])?.[0].length ?? 0;
    const word = m[0].slice(prefix);
    const clauseStart = !isCjk(folded[m.index - 1]);
    // 本文转自、本文来自 stand anywhere; 信息来源： only at the start of a clause (not 这些信息来源：).
    const fits = prefix
      ? clauseStart || /^(?:来源于|来自|转|摘|综合)/.test(word)
      : clauseStart && !NEEDS_PREFIX.test(word);
    if (!fits) {
      // 图片来源：… is not a label, but the 来源 inside it is tried again on its own.
      LABEL.lastIndex = m.index + 1;
      continue;
    }
    const end = m.index + m[0].length;
    const via = /来源|稿源|出处|链接|地址|网址/.test(m[0]) ? 'label' : 'transfer';
    out.push(...valueAfter(field, via, toOriginal(field, [m.index, end]), end));
  }
  for (const { range, match } of field.matchFolded(CHAIN)) {
    const [s, e] = match.indices![1]!; // the d flag, and a group that is not optional
    const inner = innerName(folded, trim(folded, [s, e]));
    out.push({
      via: 'chain',
      field: field.name,
      marker: range,
      range: toOriginal(field, inner),
      names: [folded.slice(inner[0], inner[1])],
    });
  }
  // Each only where the word it cannot match without is present: most posts have no byline or
  // dateline, and looking for the word is far cheaper than trying the pattern at every clause start.
  const reporter = folded.includes('记者');
  const named: [RegExp, SourceVia, boolean][] = [
    [CITED, 'cited', folded.includes('据')],
    [REPORTER_CITED, 'cited', reporter],
    [OUTLET_BYLINE, 'byline', reporter],
    [DATELINE, 'byline', /日\s{0,2}[电讯]/.test(folded)],
  ];
  for (const [regex, via, possible] of named) {
    if (!possible) continue;
    for (const { range, match } of field.matchFolded(regex)) {
      const [s, e] = match.indices![1]!; // the d flag, and a group that is not optional
      const inner = innerName(folded, trim(folded, [s, e]));
      out.push({
        via,
        field: field.name,
        marker: range,
        range: toOriginal(field, inner),
        names: [folded.slice(inner[0], inner[1])],
      });
    }
  }
  return out;
}

/** A control's whole value: a name (or several, 、-separated) or a link. */
function inControl(field: FieldView, via: SourceVia): DeclaredSource[] {
  const folded = field.normalized.folded;
  const whole = trim(folded, [0, folded.length]);
  const marker = toOriginal(field, whole);
  const value = folded.slice(whole[0], whole[1]);
  if (field.name === 'source.url' && hostOf(value))
    return [{ via, field: field.name, marker, range: marker, names: [], url: value }];
  if (!compactTerm(value)) return [];
  return nameSources(field, via, marker, whole);
}

/** Every source the draft declares, in field order. */
export function declaredSources(view: DraftView): DeclaredSource[] {
  const out: DeclaredSource[] = [];
  for (const name of ['title', 'body'] as const) {
    const field = view.field(name);
    if (field) out.push(...inText(field));
  }
  for (const name of ['source', 'source.url'] as const) {
    const field = view.field(name);
    if (field) out.push(...inControl(field, 'control'));
  }
  const author = view.field('quoted.author');
  if (author && view.draft.kind === 'repost') out.push(...inControl(author, 'repost'));
  return out;
}

/** True when the source says nothing about who published it (网络, 网友, 据报道, 来源：). */
export function isVagueSource(source: DeclaredSource, sources: CompiledSources): boolean {
  return source.url === undefined && source.names.some((n) => sources.isVague(n));
}

/**
 * Why the source may be reprinted, or null: its link's host or its name is on the pack's list
 * (稿源单位, 党委政府网站, 党政机关), or it is the draft's own account.
 */
export function approvalOf(source: DeclaredSource, sources: CompiledSources, ownAccount?: string): string | null {
  if (source.url !== undefined) return sources.approveUrl(source.url)?.name ?? null;
  const own = ownAccount ? cleanName(ownAccount) : '';
  for (const name of source.names) {
    if (own && compactTerm(name) === own) return '本账号';
    const match = sources.approveName(name);
    if (match) return match.name;
  }
  return null;
}
