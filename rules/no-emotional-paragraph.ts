import { defineRule } from './engine/define-rule';
import { flaggedParagraphs, inRepostChain, minCharsOption } from './lib/judgement';

/**
 * A paragraph in the voice of a private person venting anger or contempt, judged by the pack's
 * emotion model (a logistic regression over character n-grams learnt from private Weibo posts
 * labelled by emotion against official posts and news lines; see docs/models.md). Most angry
 * posts carry no marker word: the emotion is in the whole sentence, in slang and insults no list
 * holds. One finding per paragraph, naming and underlining the stretches that weighed most.
 *
 * Somebody else's words are not the account's voice: a paragraph wholly in quotation marks or
 * after a speaker's label (钟南山：…, 网友：…, @某用户：…) is left alone (quoteAware), and so is
 * one whose weightiest stretches all lie in quoted speech — except a Weibo repost chain
 * (//@某用户:…): the platform shows the chain as part of the account's own post, so reposting
 * somebody's outburst is worth a warning, though it is not the account speaking; it is given
 * where the model reaches its `justify` threshold (somebody else's words need the surer
 * judgement). Otherwise, from the model's `justify` threshold the rule's severity from the pack
 * applies, from `warn` a warning. Paragraphs of fewer than three Chinese characters are not
 * judged (有病吗 is three; a lone 好 or 转发 is not enough to go by).
 */
export default defineRule({
  meta: {
    id: 'no-emotional-paragraph',
    category: 'personal-opinion',
    description:
      '整段文字带有个人的愤怒、不满、指责等强烈情绪（私人微博式的宣泄口吻），由规则包的情绪模型判断，引语除外',
    basis: '《保定市政务新媒体管理办法》第十三条：不得擅自发布代表个人观点、意见及情绪的言论',
    messages: {
      emotional: '这段文字带有个人情绪（把握 {percent}%）：{cues}；政务新媒体代表单位发声，不得发布个人情绪化言论',
      reposted: '转发的内容带有个人情绪（把握 {percent}%）：{cues}；转发链会随本单位的微博一起发布，请斟酌是否转发',
    },
    quoteAware: true,
    fields: ['title', 'body', 'quoted'],
    options: {
      minChars: minCharsOption(3),
      model: {
        type: 'model',
        default: 'personal-emotion',
        description: '判断个人情绪的模型（规则包 models 中的名字）',
      },
    },
  },
  create({ options }) {
    const { model } = options;
    return {
      field(field, report) {
        if (!model) return;
        for (const p of flaggedParagraphs(field, model, options.minChars)) {
          const quoted = p.spans.length > 0 && p.spans.every((s) => field.inQuote(s));
          // Reposted words are judged only where the model is surest, and only warned about.
          const reposted = quoted && p.level === 'justify' && p.spans.some((s) => inRepostChain(field, s));
          if (quoted && !reposted) continue;
          report.report({
            range: p.range,
            messageId: reposted ? 'reposted' : 'emotional',
            data: { percent: p.percent, cues: p.cues },
            severity: p.level === 'warn' || reposted ? 'warn' : undefined,
            spans: p.spans,
          });
        }
      },
    };
  },
});
