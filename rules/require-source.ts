import type { TermHit } from './engine/dictionaries';
import { defineRule, type FieldView } from './engine/define-rule';
import { compactToOriginal } from './engine/normalize';
import type { Range } from './engine/types';
import { declaredSources, isVagueSource } from './lib/declared-sources';
import { urlsIn } from './lib/urls';

/** Reproduced text (原标题, 本报记者, 责任编辑, 据报道, 来源：网络…) that names no traceable source. */
export default defineRule({
  meta: {
    id: 'require-source',
    category: 'missing-source',
    description: '稿件看得出是转载的（原标题、本报记者、责任编辑、据报道、来源：网络……），却没有注明可追溯的来源',
    basis: '《保定市政务新媒体管理办法》第十三条：转载信息保证来源可追溯',
    messages: {
      marker: '「{term}」表明稿件是转载的，但没有注明可追溯的来源；请写明来源单位或原文链接',
      vague: '「{term}」说不出是谁发布的，来源不可追溯；请写明具体的来源单位或原文链接',
    },
    options: {
      markers: {
        type: 'dictionary',
        default: 'reproduction-markers',
        description: '表明稿件是转载的字样（原标题、侵删……）',
      },
      bylines: { type: 'dictionary', default: 'byline-markers', description: '别家媒体的署名（本报记者、责任编辑……）' },
      trustOriginal: {
        type: 'boolean',
        default: true,
        description: '已声明原创（微信原创声明）的稿件，记者、通讯员、责任编辑等署名视为本单位自己的',
      },
    },
  },
  create({ options, sources }) {
    return {
      draft(view, report) {
        const { draft } = view;
        // The platform shows the reposted post, and a link leads to the original: both traceable.
        if (draft.quoted || draft.links?.some((l) => l.href.trim())) return;
        const declared = declaredSources(view);
        if (declared.some((s) => !isVagueSource(s, sources))) return;
        const title = view.field('title');
        const body = view.field('body');
        if ((title && urlsIn(title).length) || (body && urlsIn(body).length)) return;

        for (const source of declared) {
          const named = source.range[1] > source.range[0];
          report.report({ field: source.field, range: named ? source.range : source.marker, messageId: 'vague' });
        }
        const bylines = !(options.trustOriginal && draft.original);
        for (const field of [title, body]) {
          if (!field) continue;
          const hits = [
            ...field.hits(options.markers).map((h) => h.range),
            ...(bylines ? field.hits(options.bylines).map((h) => bylineRange(field, h)) : []),
          ];
          for (const range of merged(hits)) report.report({ field: field.name, range, messageId: 'marker' });
        }
      },
    };
  },
});

/**
 * A byline pattern may need the bracket before it to tell a byline from a sentence about a
 * reporter ((记者 张三 摄), not 记者带来现场报道), and pack patterns have no look-behind; the
 * finding underlines the byline itself: the hit's letters and characters, without the bracket.
 */
function bylineRange(field: FieldView, hit: TermHit): Range {
  return compactToOriginal(field.normalized, hit.compact[0], hit.compact[1]);
}

/** Overlapping markers are one finding: 本报记者 张三 报道 is a single byline. */
function merged(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}
