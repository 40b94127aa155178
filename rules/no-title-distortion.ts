import type { DictionaryHandle } from './engine/dictionaries';
import { defineRule } from './engine/define-rule';
import { compactTerm, foldString } from './engine/normalize';
import { headline, originalTitle, type TitleSpan } from './lib/original-title';
import { numbersIn, similarity } from './lib/title-diff';

type Kind = 'negation' | 'number' | 'sensational' | 'dissimilar';
interface Change {
  kind: Kind;
  detail: string;
}

const SUMMARY: Record<Kind, string> = {
  negation: '肯定否定相反',
  number: '数字不一致',
  sensational: '加了渲染字眼',
  dissimilar: '用词差别很大',
};

/** Folded and without spaces: punctuation still counts (one more ！ is a change). */
const squeezed = (text: string) => foldString(text).replace(/\s+/g, '');

/** A repost's headline that departs in meaning from the 原标题 it declares. */
export default defineRule({
  meta: {
    id: 'no-title-distortion',
    category: 'title-distortion',
    description:
      '转载稿件的标题与注明的原标题意思不一致：否定词有无相反、数字改动或删去、加了“震惊”“刚刚”等渲染字眼、用词差别很大',
    basis: '《保定市政务新媒体管理办法》第十三条：转载信息……不得歪曲、篡改标题原意和信息内容',
    messages: {
      negation: '标题与原标题「{original}」的肯定、否定意思相反：{detail}{more}',
      number: '标题中的数字与原标题「{original}」不一致：{detail}{more}',
      sensational: '标题加了原标题「{original}」中没有的渲染字眼：{detail}{more}',
      dissimilar: '标题与原标题「{original}」用词差别很大（相似度 {detail}），可能改变了原意{more}',
    },
    options: {
      negations: {
        type: 'dictionary',
        default: 'title-negations',
        description: '否定词（不、未、没、无、非、禁止……）',
      },
      sensational: {
        type: 'dictionary',
        default: 'title-sensational',
        description: '“标题党”渲染字眼（震惊、刚刚、重磅、！……）',
      },
      minSimilarity: {
        type: 'integer',
        default: 50,
        min: 0,
        max: 100,
        description: '标题与原标题的字符二元组相似度（Dice，百分比）低于此值时提示',
      },
      minContainment: {
        type: 'integer',
        default: 70,
        min: 0,
        max: 100,
        description: '标题的字符二元组有这个百分比以上出自原标题时，视为忠实的缩写，不因相似度低而提示',
      },
      droppedNumbers: {
        type: 'boolean',
        default: true,
        description: '原标题中的数量（不含年月日）在标题中被删去时也提示',
      },
    },
  },
  create({ options }) {
    /** Cue hits inside a title: the entry (to compare) and the text as typed (to show). */
    const cues = (dict: DictionaryHandle, t: TitleSpan) =>
      t.field.hits(dict).filter((h) => h.range[0] >= t.range[0] && h.range[1] <= t.range[1]);

    function negation(head: TitleSpan, orig: TitleSpan): Change | null {
      const [inHead] = cues(options.negations, head);
      const [inOrig] = cues(options.negations, orig);
      if (inHead && !inOrig) return { kind: 'negation', detail: `标题中有「${inHead.excerpt}」，原标题中没有否定词` };
      if (inOrig && !inHead) return { kind: 'negation', detail: `原标题中的「${inOrig.excerpt}」在标题中没有了` };
      return null;
    }

    function number(head: TitleSpan, orig: TitleSpan): Change | null {
      const [a, b] = [numbersIn(foldString(head.text)), numbersIn(foldString(orig.text))];
      const has = (list: typeof a, value: string) => list.some((n) => n.value === value);
      // A date added where the original had none is context, not a change.
      const origHasDate = b.some((n) => n.date);
      const [added] = a.filter((n) => (!n.date || origHasDate) && !has(b, n.value));
      const [dropped] = options.droppedNumbers ? b.filter((n) => !n.date && !has(a, n.value)) : [];
      if (added && dropped) return { kind: 'number', detail: `原标题的「${dropped.text}」变成了「${added.text}」` };
      if (added) return { kind: 'number', detail: `标题中的「${added.text}」原标题中没有` };
      if (dropped) return { kind: 'number', detail: `原标题中的「${dropped.text}」在标题中没有了` };
      return null;
    }

    function sensational(head: TitleSpan, orig: TitleSpan): Change | null {
      // Counted per entry, so a second ！ where the original had one is an addition too.
      const before = cues(options.sensational, orig).map((h) => h.entry);
      const added = cues(options.sensational, head).filter((h) => {
        const i = before.indexOf(h.entry);
        if (i !== -1) before.splice(i, 1);
        return i === -1;
      });
      return added.length
        ? { kind: 'sensational', detail: [...new Set(added.map((h) => `「${h.excerpt}」`))].join('') }
        : null;
    }

    function dissimilar(head: TitleSpan, orig: TitleSpan): Change | null {
      const s = similarity(compactTerm(head.text), compactTerm(orig.text));
      if (s.dice * 100 >= options.minSimilarity || s.containment * 100 >= options.minContainment) return null;
      return { kind: 'dissimilar', detail: `${Math.round(s.dice * 100)}%` };
    }

    return {
      draft(view, report) {
        const original = originalTitle(view);
        const head = original && headline(view, original);
        if (!original || !head || squeezed(head.text) === squeezed(original.title.text)) return;
        const orig = original.title;
        const changes = [negation, number, sensational, dissimilar]
          .map((check) => check(head, orig))
          .filter((c): c is Change => c !== null);
        const [first, ...rest] = changes;
        if (!first) return;
        const more = rest.length ? `；另外${rest.map((c) => SUMMARY[c.kind]).join('、')}` : '';
        report.report({
          field: head.field.name,
          range: head.range,
          messageId: first.kind,
          data: { original: orig.text, detail: first.detail, more },
          suggestion: orig.text,
        });
      },
    };
  },
});
