import { defineRule, type FieldView } from './engine/define-rule';
import type { TermHit } from './engine/dictionaries';
import { foldedSpanOf } from './engine/normalize';
import { distinctEntries, outermost, quotedInWarning, warningCuesOption } from './lib/hits';
import { raise } from './lib/severity';

/**
 * Promotion and lead-capture language: price cuts, vouchers, 回T退订, contact-for-purchase, and
 * loan, gambling, property, course and health-product spam. One cue may be a policy report; many
 * different cues in one field are an advertisement, so their severity rises (option-driven).
 */
export default defineRule({
  meta: {
    id: 'no-ad-promotion',
    category: 'commercial-ad',
    description: '商业促销、引流和营销话术（限时抢购、优惠券、加微信下单、回T退订、贷款博彩楼盘培训保健品推销等）',
    basis: '《保定市政务新媒体管理办法》第十三条：不得参与商业性、盈利性经营活动，不得刊登商业广告或链接商业广告页面',
    messages: {
      promotion: '「{term}」是商业促销或引流用语；政务新媒体不得刊登商业广告',
      cluster: '「{term}」是商业促销或引流用语，本段共有 {count} 种促销用语，疑为商业广告；政务新媒体不得刊登商业广告',
      borrowed:
        '「{term}」加了引号，又是本段唯一的促销用语，像是借用的说法；如果是在推销商品，政务新媒体不得刊登商业广告',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      dictionary: { type: 'dictionary', default: 'ad-promotion', description: '促销、引流和营销话术词典' },
      warningCues: warningCuesOption,
      escalateAt: {
        type: 'integer',
        default: 3,
        min: 2,
        max: 20,
        description: '同一段出现多少种不同的促销用语时提高严重程度',
      },
      escalateTo: {
        type: 'severity',
        default: 'block',
        description: '促销用语扎堆时提高到的严重程度（不会降低词条自身的严重程度）',
      },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        const hits = field.hits(options.dictionary).filter((h) => !quotedInWarning(field, h, options.warningCues));
        const count = distinctEntries(outermost(hits));
        const cluster = count >= options.escalateAt;
        // 把蔬菜“包邮”到家: a lone cue in quotation marks of its own is a borrowed phrase, not a sale.
        const borrowed = count === 1 && hits.every((h) => quotedAlone(field, h));
        for (const hit of hits) {
          if (borrowed) report.hit(hit, 'borrowed', { severity: 'warn' });
          else if (cluster)
            report.hit(hit, 'cluster', { data: { count }, severity: raise(hit.entry.severity, options.escalateTo) });
          else report.hit(hit, 'promotion');
        }
      },
    };
  },
});

/** Either mark of a pair, on either side: writers often type ”包邮” or “包邮“ with one mark twice. */
const QUOTES = '“”‘’「」『』"\'';

/** Whether quotation marks hold the hit and nothing else (“包邮”), spaces aside. */
function quotedAlone(field: FieldView, hit: TermHit): boolean {
  const { folded } = field.normalized;
  const [start, end] = foldedSpanOf(field.normalized, hit.range[0], hit.range[1]);
  let before = start - 1;
  while (before >= 0 && folded[before] === ' ') before--;
  let after = end;
  while (after < folded.length && folded[after] === ' ') after++;
  return before >= 0 && QUOTES.includes(folded[before]!) && QUOTES.includes(folded[after] ?? '\n');
}
