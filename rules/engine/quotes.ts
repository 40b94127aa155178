/**
 * Quoted speech: spans of a text that are somebody else's words, not the institution's voice.
 * Tone rules (personal opinion, emotional language) stay silent inside them; rules about
 * advertising, secrets and personal data do not, because quoting a secret still leaks it.
 *
 * Two forms are recognised on the folded text:
 * - paired quotation marks “…” ‘…’ 「…」 『…』 "…" (an unclosed mark runs to the end of its
 *   paragraph, as multi-paragraph quotations are written);
 * - reported speech introduced by a speech verb and a colon (市民表示：…, 他说：…), to the end of
 *   the paragraph — unless quotation marks follow the colon and so close the speech themselves;
 * - reported speech introduced by a formal speech verb and a comma (习近平在慰问电中表示，…), to
 *   the end of the sentence: news reports speech this way more often than with a colon;
 * - a line, headline or sentence that starts with a named speaker and a colon, as interviews,
 *   news posts and comment roundups are written without marks (钟南山：…, 网友：…, 张女士：…,
 *   @某用户：…, a repost's //@某用户:…, 【…】国家卫健委专家组成员蒋荣猛：…, a headline that opens
 *   with its speaker: 【白岩松：…】, or after a headline's 丨 divider: 【视频丨钟南山：…】): a user
 *   handle, a word for a speaker (网友, 市民, 专家…) with at most a few characters before it, a
 *   short name with a common surname after at most a title's length of characters (专家组组长
 *   钟南山), or any short name after a job title (人社部副部长游钧). Inside a headline's 【…】 the
 *   speaker's words end where the headline does.
 */
import { foldedToOriginal, type NormalizedText } from './normalize';
import type { Range } from './types';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' };
/** The opening marks, found by one regular expression: far faster than looking at every character. */
const OPENING = /[“‘「『"]/g;

/**
 * `indexOf` for a sequence of searches from increasing positions: an answer found once serves
 * every later search it still lies ahead of, so finding the end of the paragraph or the closing
 * mark stays linear however many quotations a long paragraph holds. Not found: s.length.
 */
function forwardSearch(s: string): (needle: string, from: number) => number {
  const found = new Map<string, number>();
  return (needle, from) => {
    let at = found.get(needle);
    if (at === undefined || (at < from && at !== s.length)) {
      at = s.indexOf(needle, from);
      if (at === -1) at = s.length;
      found.set(needle, at);
    }
    return at;
  };
}

/** Verbs that introduce reported speech when a colon follows (市民表示：…). */
const SPEECH_VERBS = [
  '说',
  '说道',
  '表示',
  '称',
  '指出',
  '介绍',
  '坦言',
  '直言',
  '感慨',
  '感叹',
  '回忆',
  '透露',
  '强调',
  '提到',
  '告诉记者',
  '问道',
  '答道',
  '留言',
  '评论',
  '吐槽',
  '反映',
  '写道',
  '笑称',
  '认为',
  '觉得',
  '呼吁',
  '建议',
  '提醒',
  '解释',
  '回应',
  '发问',
  '喊道',
];
const COLONS = [':', '：'];
/**
 * A formal verb that news follows with a comma, not a colon, to report speech (市长表示，…); the
 * writer's own 我表示， is not somebody else's speech. One regular expression: far faster than
 * looking behind every comma.
 */
const COMMA_SPEECH = /(?<!我)(?:表示|指出|强调|介绍|透露|坦言|直言|告诉记者|回应)[,，]/g;
const SENTENCE_END = /[。!?;！？；\n]/g;

/** Words that name who speaks, ending a speaker label (热心网友：…, 患者家属：…). */
const SPEAKERS =
  '网友|网民|博主|用户|市民|村民|居民|群众|街坊|业主|家长|学生|老师|教师|教授|专家|学者|院士|医生|护士|患者|家属|' +
  '记者|游客|乘客|司机|师傅|店主|商户|老板|员工|职工|工人|农民|大爷|大妈|阿姨|大叔|大姐|女士|先生|小姐|同学|' +
  '律师|代表|委员|主任|书记|局长|部长|院长|校长|所长|队长|站长|负责人|发言人|工作人员|志愿者|民警|警官|消防员|嘉宾|' +
  '球迷|粉丝|观众|读者|听众|车主|顾客|消费者|股民|考生|选手|球员|教练|主持人|导演|演员';
/** Job titles that a name follows (副部长游钧：…, 卫生经济学教授胡善联：…): the name need not have a common surname. */
const TITLES =
  '部长|局长|厅长|司长|处长|科长|院长|校长|所长|站长|主任|书记|主席|总理|省长|市长|县长|区长|镇长|村长|' +
  '大使|发言人|负责人|教授|研究员|院士|专家|医生|医师|护士长|记者|律师|董事长|总经理|总裁|总监|教练|队长|组长';
/** The most common surnames (single and double), for names used as labels (钟南山：…). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const SPEAKER_LABEL = new RegExp(
  String.raw`(?:^[ \t]*|//|(?<=[【】#。!?丨|]))(?:@[^\s:：@/]{1,30}|[\u3400-\u9fff]{0,6}(?:${SPEAKERS})|[\u3400-\u9fff]{0,14}?(?:欧阳|司马|诸葛|上官|[${SURNAMES}])[\u3400-\u9fff]{1,2}|[\u3400-\u9fff]{0,20}?(?:${TITLES})[\u3400-\u9fff]{2,3})[ \t]*[:：]`,
  'gm',
);
/** The last characters of the verbs: most colons follow none of them and need no closer look. */
const VERB_ENDS = new Set(SPEECH_VERBS.map((verb) => verb.charAt(verb.length - 1)));

/** Quoted spans of the folded text (display order), sorted and non-overlapping. */
export function findQuotedFolded(text: NormalizedText): [number, number][] {
  const s = text.folded;
  const spans: [number, number][] = [];
  // Paired marks, outermost only.
  const ahead = forwardSearch(s);
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(s); m; m = OPENING.exec(s)) {
    const i = m.index;
    const paragraphEnd = ahead('\n', i + 1);
    const end = ahead(PAIRS[m[0]]!, i + 1); // OPENING matches only PAIRS' keys
    const stop = end >= paragraphEnd ? paragraphEnd : end + 1;
    spans.push([i, stop]);
    OPENING.lastIndex = stop;
  }
  // Reported speech, found from its colons (few) rather than by trying every verb at every position.
  for (const colon of COLONS) {
    const lineEnd = forwardSearch(s);
    for (let c = s.indexOf(colon); c !== -1; c = s.indexOf(colon, c + 1)) {
      if (!VERB_ENDS.has(s.charAt(c - 1)) || !SPEECH_VERBS.some((verb) => s.endsWith(verb, c))) continue;
      const from = c + 1;
      if (marksFollow(s, from)) continue;
      spans.push([from, lineEnd('\n', from)]);
    }
  }
  // 习近平在慰问电中表示，…。 — a formal verb and a comma report speech to the end of the sentence.
  COMMA_SPEECH.lastIndex = 0;
  for (let m = COMMA_SPEECH.exec(s); m; m = COMMA_SPEECH.exec(s)) {
    const from = m.index + m[0].length;
    if (marksFollow(s, from)) continue;
    SENTENCE_END.lastIndex = from;
    spans.push([from, SENTENCE_END.exec(s)?.index ?? s.length]);
  }
  // Lines that open with a speaker's label; in a headline's 【…】, to the headline's end. A label
  // never spans a line break, so only the lines with a colon are searched, each on its own.
  const colonAhead = forwardSearch(s);
  const nextColon = (from: number) => Math.min(...COLONS.map((colon) => colonAhead(colon, from)));
  for (let colon = nextColon(0); colon < s.length;) {
    const lineStart = s.lastIndexOf('\n', colon) + 1;
    const newline = s.indexOf('\n', colon);
    const lineEnd = newline === -1 ? s.length : newline;
    const line = s.slice(lineStart, lineEnd);
    SPEAKER_LABEL.lastIndex = 0;
    for (let m = SPEAKER_LABEL.exec(line); m; m = SPEAKER_LABEL.exec(line)) {
      const from = m.index + m[0].length;
      const opened = line.lastIndexOf('【', m.index);
      const inHeadline = opened !== -1 && line.lastIndexOf('】', m.index) < opened;
      const closed = inHeadline ? line.indexOf('】', from) : -1;
      spans.push([lineStart + from, lineStart + (closed === -1 ? line.length : closed + 1)]);
    }
    colon = nextColon(lineEnd);
  }
  return merged(spans);
}

/** Quoted spans as ranges of the original text, sorted and non-overlapping. */
export function findQuotedSpans(text: NormalizedText): Range[] {
  const ranges = findQuotedFolded(text).map(([a, b]) => foldedToOriginal(text, a, b));
  // Spans in display order map to typed ranges that may overlap or come out of order (a quotation
  // typed backwards in a right-to-left override): those are sorted and merged again.
  return text.reordered ? merged(ranges) : ranges;
}

/** Non-empty spans, sorted, overlapping ones merged. Sorts its argument. */
function merged(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else if (span[1] > span[0]) out.push([span[0], span[1]]);
  }
  return out;
}

/** 市民表示：“……” — the marks say where the speech ends; the text after them is the writer's again. */
function marksFollow(s: string, from: number): boolean {
  return PAIRS[s.charAt(skipSpaces(s, from))] !== undefined;
}

function skipSpaces(s: string, from: number): number {
  let i = from;
  while (s[i] === ' ') i++;
  return i;
}

/** Whether `offset` lies inside one of the sorted spans. */
export function insideSpans(spans: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = spans[mid]!; // lo <= mid <= hi < spans.length
    if (offset < a) hi = mid - 1;
    else if (offset >= b) lo = mid + 1;
    else return true;
  }
  return false;
}
