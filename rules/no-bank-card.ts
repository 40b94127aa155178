import { defineRule } from './engine/define-rule';
import { isValidId18, mask, passesLuhn } from './lib/checksums';
import { hasHitNear } from './lib/context';
import { digitRuns, groupRange } from './lib/digit-runs';

/** 中国银联 card numbers begin with 62; they count even without a word saying "card". */
const UNIONPAY = /^62/;

/**
 * Bank card numbers: 16–19 digits with a valid Luhn check digit, next to a word that names a
 * card or an account, or with the UnionPay prefix. An organisation's settlement account
 * (对公账户, published on purpose for donations or fees) is reported at its own, lower
 * severity when the text around it says whose account it is.
 */
export default defineRule({
  meta: {
    id: 'no-bank-card',
    category: 'personal-data',
    description:
      '银行卡号（16–19 位、Luhn 校验有效，附近有“卡号”“开户行”等字样或以银联 62 开头），单位对公账户另行提示',
    basis:
      '《个人信息保护法》第二十八条（金融账户属于敏感个人信息）；《保定市政务新媒体管理办法》第十三条：严把……保密关',
    messages: {
      card: '「{term}」是校验有效的银行卡号，属于金融账户信息（敏感个人信息），公开发布会造成泄露；请删除或打码为「{masked}」',
      organization:
        '「{term}」是校验有效的卡号，附近的户名或“对公账户”等字样表明是单位账户；确为单位公开的收款账户可继续发布，否则请删除或打码',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      contextWords: {
        type: 'dictionary',
        default: 'bank-card-context',
        description: '说明数字是银行卡号或账号的词（卡号、开户行、借记卡……）',
      },
      organizationWords: {
        type: 'dictionary',
        default: 'bank-account-organization',
        description: '说明账户属于单位的词和模式（对公账户、户名：某某协会……）',
      },
      contextWindow: { type: 'integer', default: 30, min: 0, max: 80, description: '卡号前后查找上述词语的范围（字）' },
      organizationSeverity: { type: 'severity', default: 'warn', description: '单位对公账户校验有效时的严重程度' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        for (const run of digitRuns(field)) {
          const digits = run.digits;
          if (digits.length < 16 || digits.length > 19 || !passesLuhn(digits)) continue;
          // A Gansu identity number (62…) can pass Luhn by chance; no-id-number speaks for it.
          if (isValidId18(digits)) continue;
          const range = groupRange(field, run, 0, run.groups.length);
          const named = hasHitNear(field, field.hits(options.contextWords), range, options.contextWindow);
          if (!named && !UNIONPAY.test(digits)) continue;
          if (hasHitNear(field, field.hits(options.organizationWords), range, options.contextWindow)) {
            report.report({ range, messageId: 'organization', severity: options.organizationSeverity });
          } else {
            const masked = mask(digits, 4, 4);
            report.report({ range, messageId: 'card', data: { masked }, suggestion: masked });
          }
        }
      },
    };
  },
});
