/** Quoted speech: the spans tone rules stay silent in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../rules/engine/normalize';
import { findQuotedSpans, insideSpans, SPEAKER_LABEL } from '../../rules/engine/quotes';

const quoted = (text: string) => findQuotedSpans(normalizeText(text)).map(([a, b]) => text.slice(a, b));

/** Paired quotation marks the plain way: one character at a time, a fresh search per mark. */
function pairedSpans(s: string): [number, number][] {
  const pairs: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' };
  const lineEnd = (from: number) => (s.indexOf('\n', from) === -1 ? s.length : s.indexOf('\n', from));
  const spans: [number, number][] = [];
  for (let i = 0; i < s.length;) {
    const close = pairs[s[i]!];
    if (!close) {
      i++;
      continue;
    }
    const end = s.indexOf(close, i + 1);
    const stop = end === -1 || end > lineEnd(i + 1) ? lineEnd(i + 1) : end + 1;
    spans.push([i, stop]);
    i = stop;
  }
  return spans;
}

/** Reported speech the plain way: a regular expression tries every verb at every position. */
function speechSpans(s: string): [number, number][] {
  const speech =
    /(?:说|说道|表示|称|指出|介绍|坦言|直言|感慨|感叹|回忆|透露|强调|提到|告诉记者|问道|答道|留言|评论|吐槽|反映|写道|笑称|认为|觉得|呼吁|建议|提醒|解释|回应|发问|喊道)[:：]/g;
  const spans: [number, number][] = [];
  for (const m of s.matchAll(speech)) {
    const from = m.index + m[0].length;
    let next = from;
    while (s[next] === ' ') next++;
    if ('“‘「『"'.includes(s[next] ?? 'x')) continue;
    const end = s.indexOf('\n', from);
    spans.push([from, end === -1 ? s.length : end]);
  }
  return spans;
}

/** Speech reported with a formal verb and a comma, the plain way: every verb tried at every position, to the sentence's end. */
function commaSpeechSpans(s: string): [number, number][] {
  const verbs = ['表示', '指出', '强调', '介绍', '透露', '坦言', '直言', '告诉记者', '回应'];
  const spans: [number, number][] = [];
  for (let i = 0; i < s.length; i++)
    for (const verb of verbs) {
      const comma = i + verb.length;
      if (!s.startsWith(verb, i) || !',，'.includes(s[comma] ?? 'x') || s[i - 1] === '我') continue;
      let next = comma + 1;
      while (s[next] === ' ') next++;
      if ('“‘「『"'.includes(s[next] ?? 'x')) continue;
      let end = comma + 1;
      while (end < s.length && !'。!?;！？；\n'.includes(s[end]!)) end++;
      spans.push([comma + 1, end]);
    }
  return spans;
}

/**
 * Speakers' labels, the plain way: the whole text searched line by line, each label's words to the
 * line's end — or, when an 【 is open before the label, to the 】 that closes it.
 */
function labelSpans(s: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const line of s.split('\n')) {
    for (const m of line.matchAll(new RegExp(SPEAKER_LABEL.source, 'g'))) {
      const start = m.index + m[0].length;
      let open = false;
      for (let i = 0; i < m.index; i++)
        if (line[i] === '【') open = true;
        else if (line[i] === '】') open = false;
      let end = line.length;
      if (open)
        for (let i = start; i < line.length; i++)
          if (line[i] === '】') {
            end = i + 1;
            break;
          }
      spans.push([from + start, from + end]);
    }
    from += line.length + 1;
  }
  return spans;
}

/** All of them, merged where they touch, as ranges of the original text. */
function reference(text: string, kinds: ((s: string) => [number, number][])[]): [number, number][] {
  const n = normalizeText(text);
  const spans = kinds.flatMap((k) => k(n.folded)).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else if (b > a) merged.push([a, b]);
  }
  return merged.map(([a, b]) => [n.foldedMap[a]!, n.foldedMap[b - 1]! + 1]);
}

const pieces = fc.constantFrom(
  '“',
  '”',
  '‘',
  '’',
  '「',
  '」',
  '『',
  '』',
  '"',
  '＂',
  '\n',
  '：',
  '市民',
  '好',
  '，',
  '\u200b',
);
const texts = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));
const speechPieces = fc.constantFrom(
  '【',
  '】',
  '王局长',
  '，',
  '。',
  '我',
  '指出',
  '说',
  '说道',
  '告诉记者',
  '表示',
  '记者',
  '称',
  '：',
  ':',
  ' ',
  '\n',
  '好',
  '市民',
  '“',
  '”',
  '「',
  '\u200b',
);
const speechTexts = fc.array(speechPieces, { maxLength: 30 }).map((p) => p.join(''));

describe('findQuotedSpans', () => {
  it('finds reported speech and quotations as the plain scans do', () => {
    fc.assert(
      fc.property(speechTexts, (text) => {
        expect(findQuotedSpans(normalizeText(text))).toEqual(
          reference(text, [pairedSpans, speechSpans, commaSpeechSpans, labelSpans]),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('finds paired marks and colon-introduced speech', () => {
    expect(quoted('他说：“我认为可行。”')).toEqual(['“我认为可行。”']);
    expect(quoted('市民表示：办事方便多了\n下一段')).toEqual(['办事方便多了']);
    expect(quoted('「好」与『坏』')).toEqual(['「好」', '『坏』']);
  });

  it("reads a line opened by a named speaker and a colon as that speaker's words", () => {
    expect(quoted('钟南山：我觉得要重视。\n下一段')).toEqual(['我觉得要重视。']);
    expect(quoted('网友：太气人了\n本报讯')).toEqual(['太气人了']);
    expect(quoted('热心市民王女士：谢谢你们')).toEqual(['谢谢你们']);
    expect(quoted('@某用户：真是垃圾')).toEqual(['真是垃圾']);
    expect(quoted('转发理由//@张三:气死了')).toEqual(['气死了']);
    expect(quoted('时间：2020年3月\n地点：市民中心')).toEqual([]);
    expect(quoted('我市召开会议，王局长：要抓落实')).toEqual([]);
  });

  it('reads a named speaker after a headline, a topic or a full stop as opening a quotation', () => {
    // News posts quote officials after their headline: 【…】国家卫健委专家组成员蒋荣猛：…
    expect(quoted('【#一床难求多久能改善#】国家卫健委专家组成员蒋荣猛：但我相信，问题会较快得到解决。')).toEqual([
      '但我相信，问题会较快得到解决。',
    ]);
    expect(quoted('会议结束后。王局长：要抓落实\n下一段')).toEqual(['要抓落实']);
    expect(quoted('#话题#网友：太气人了')).toEqual(['太气人了']);
    // A headline's 丨 divider also opens a speaker's words: 【视频丨钟南山：…】.
    expect(quoted('视频丨钟南山：我觉得要重视\n下一段')).toEqual(['我觉得要重视']);
    expect(quoted('直播丨新闻发布会：介绍最新进展')).toEqual([]);
    // A clause break is not a sentence start: 会议，王局长：… stays the writer's (above).
    expect(quoted('本次活动时间：3月1日')).toEqual([]);
  });

  it("ends a speaker's words inside a headline's 【…】 where the headline ends", () => {
    expect(quoted('【白岩松：服务部门不能这样恶心人】近日，有居民反映暖气不热。')).toEqual([
      '服务部门不能这样恶心人】',
    ]);
    expect(quoted('【视频丨钟南山：我觉得要重视】发布会上，专家介绍了最新进展。')).toEqual(['我觉得要重视】']);
    // An unclosed headline runs to the end of the line, as before.
    expect(quoted('【白岩松：服务部门不能这样')).toEqual(['服务部门不能这样']);
  });

  it('reads a job title and any short name as a speaker, however long the title', () => {
    expect(quoted('【人社部发布】人社部副部长游钧：我认为这是暂时的。')).toEqual(['我认为这是暂时的。']);
    expect(quoted('复旦大学公共卫生学院卫生经济学教授胡善联：我觉得还要观察')).toEqual(['我觉得还要观察']);
    expect(quoted('球迷：这些家伙真差劲')).toEqual(['这些家伙真差劲']);
    // Without a title or a common surname, a short word and a colon is no speaker.
    expect(quoted('温馨提示：我觉得要带伞')).toEqual([]);
  });

  it('reads a formal speech verb and a comma as reported speech, to the end of the sentence', () => {
    expect(quoted('习近平在慰问电中表示，惊悉客机坠毁，我个人表示哀悼。我认为很好。')).toEqual([
      '惊悉客机坠毁，我个人表示哀悼',
    ]);
    expect(quoted('市长强调，要抓落实\n下一段')).toEqual(['要抓落实']);
    expect(quoted('发言人回应，“不存在这种情况”，并说明了原因。')).toEqual(['“不存在这种情况”']);
    // The writer's own 我表示 is not somebody else's speech.
    expect(quoted('我表示，我认为很好。')).toEqual([]);
  });

  it('ends speech in quotation marks where the marks close, not at the end of the paragraph', () => {
    expect(quoted('市民表示：“办事很方便。”不过我感觉排队太长。')).toEqual(['“办事很方便。”']);
    expect(quoted('他指出： “要抓落实。”记者了解到，项目已开工。')).toEqual(['“要抓落实。”']);
  });

  it('finds paired quotation marks as the plain character-by-character scan does', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(findQuotedSpans(normalizeText(text))).toEqual(reference(text, [pairedSpans, labelSpans]));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds each kind of mark, unclosed marks to the end of the paragraph, and reported speech', () => {
    const text = '「内部」通知‘暂定’，『草案』与"初稿"。\n市民说：办事方便了。\n他写道“未完\n完';
    const spans = findQuotedSpans(normalizeText(text));
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual([
      '「内部」',
      '‘暂定’',
      '『草案』',
      '"初稿"',
      '办事方便了。',
      '“未完',
    ]);
    expect(insideSpans(spans, text.indexOf('方便'))).toBe(true);
    expect(insideSpans(spans, text.indexOf('通知'))).toBe(false);
    expect(insideSpans(spans, text.indexOf('完', text.length - 1))).toBe(false);
  });

  it('keeps only the outermost of nested marks', () => {
    const text = '他引用“有人说‘不行’的话”。';
    expect(findQuotedSpans(normalizeText(text)).map(([a, b]) => text.slice(a, b))).toEqual(['“有人说‘不行’的话”']);
  });

  it('handles long paragraphs of back-to-back and unclosed quotations', () => {
    const closed = '“好”'.repeat(20_000);
    expect(findQuotedSpans(normalizeText(closed))).toEqual([[0, closed.length]]);
    const open = `${'“好'.repeat(20_000)}\n完`;
    expect(findQuotedSpans(normalizeText(open))).toEqual([[0, open.length - 2]]);
  });
});
