import type { FieldView, ReportInput } from './engine/define-rule';
import type { DictionaryHandle, TermHit } from './engine/dictionaries';
import { defineRule } from './engine/define-rule';
import type { FieldName, Range } from './engine/types';
import { hostOf, isDomainOfHost, urlsIn, wholeFieldUrl, type TextUrl } from './lib/urls';

type Message = 'shopLink' | 'shopCode';

interface ShopLink {
  host: string;
  hit: TermHit;
}

/**
 * The shop domain a URL points to, if any. A bare domain typed without scheme, subdomain or path
 * (“京东（JD.com）发布报告”) names a company rather than linking to a page, so only URLs with
 * one of those count when `typed` is set.
 */
function shopLink(field: FieldView, url: TextUrl, domains: DictionaryHandle, typed: boolean): ShopLink | null {
  const host = hostOf(field, url);
  if (!host) return null;
  for (const hit of field.hits(domains)) {
    if (!isDomainOfHost(field, host, hit.range)) continue;
    if (typed && !host.scheme && !host.rest && hit.range[0] === host.range[0]) continue;
    return { host: host.host, hit };
  }
  return null;
}

/** Reports of a shop link or code carry the dictionary entry's basis and severity. */
function linkFinding(range: Range, link: ShopLink): ReportInput<Message> {
  return {
    range,
    messageId: 'shopLink',
    data: { host: link.host },
    basis: link.hit.entry.basis,
    severity: link.hit.entry.severity,
  };
}

function codeFinding(range: Range, code: TermHit): ReportInput<Message> {
  return { range, messageId: 'shopCode', basis: code.entry.basis, severity: code.entry.severity };
}

/** Links to shops and marketplaces, 淘口令 share codes and shopping-app deep links. */
export default defineRule({
  meta: {
    id: 'no-shop-link',
    category: 'commercial-ad',
    description:
      '电商、店铺和带货链接（淘宝、天猫、京东、拼多多、微店、有赞、抖店、快手小店等），淘口令和购物 App 跳转链接',
    basis: '《保定市政务新媒体管理办法》第十三条：不得刊登商业广告或链接商业广告页面',
    messages: {
      shopLink: '链接指向电商或店铺网站「{host}」；政务新媒体不得链接商业广告页面',
      shopCode: '「{term}」是淘口令或购物 App 跳转链接，会把读者引到商品页面；政务新媒体不得链接商业广告页面',
    },
    fields: ['title', 'body', 'quoted'],
    options: {
      domains: { type: 'dictionary', default: 'shop-domains', description: '电商和店铺域名（含其所有子域名）' },
      codes: { type: 'dictionary', default: 'shop-codes', description: '淘口令、购物 App 跳转链接的模式' },
    },
  },
  create({ options }) {
    return {
      field(field, report) {
        const urls = urlsIn(field);
        for (const url of urls) {
          const link = shopLink(field, url, options.domains, true);
          if (link) report.report(linkFinding(url.range, link));
        }
        // A deep link (taobao://…) is reported as the whole URL it starts.
        for (const code of field.hits(options.codes)) {
          const url = urls.find((u) => u.range[0] <= code.range[0] && code.range[1] <= u.range[1]);
          report.report(codeFinding(url?.range ?? code.range, code));
        }
      },
      // Hrefs of rich-text links and the declared 原文链接 are whole URLs: the finding covers all of it.
      draft(view, report) {
        const names: FieldName[] = ['source.url', ...(view.draft.links ?? []).map((_, i): FieldName => `links[${i}]`)];
        for (const name of names) {
          const field = view.field(name);
          if (!field) continue;
          const whole: Range = [0, field.text.length];
          const link = shopLink(field, wholeFieldUrl(field), options.domains, false);
          const code = field.hits(options.codes)[0];
          if (link) report.report({ ...linkFinding(whole, link), field: name });
          else if (code) report.report({ ...codeFinding(whole, code), field: name });
        }
      },
    };
  },
});
