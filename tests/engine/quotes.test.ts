/** Quoted speech: the spans tone rules stay silent in. */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../rules/engine/normalize';
import { findQuotedSpans } from '../../rules/engine/quotes';

const quoted = (text: string) => findQuotedSpans(normalizeText(text)).map(([a, b]) => text.slice(a, b));

describe('findQuotedSpans', () => {
  it('finds paired marks and colon-introduced speech', () => {
    expect(quoted('他说：“我认为可行。”')).toEqual(['“我认为可行。”']);
    expect(quoted('市民表示：办事方便多了\n下一段')).toEqual(['办事方便多了']);
    expect(quoted('「好」与『坏』')).toEqual(['「好」', '『坏』']);
  });

  it('ends speech in quotation marks where the marks close, not at the end of the paragraph', () => {
    expect(quoted('市民表示：“办事很方便。”不过我感觉排队太长。')).toEqual(['“办事很方便。”']);
    expect(quoted('他指出： “要抓落实。”记者了解到，项目已开工。')).toEqual(['“要抓落实。”']);
  });
});
