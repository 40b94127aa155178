/**
 * Reading back the headline article a `draft/publish` names by `id`: the editor's own
 * `aj/editor/draft/load?uid=…&id=…` (the call the editor makes when it opens `#/draft/<id>`), on
 * the same editor version as the publish request (docs/platform-sources.md). The answer is
 * `{code: 100000, data}` with the fields `draft/save` stored: title, 导语 (`summary`), the body as
 * HTML (`content`) and the byline (`writer`). What the platform publishes is that draft as saved,
 * whatever the editor on the page shows.
 */
import type { SavedDraftReader } from '../../guard/adapter';
import { answerText } from '../lib/answer-text';
import { htmlText } from '../lib/html-text';

interface SavedArticle {
  title?: unknown;
  summary?: unknown;
  content?: unknown;
  writer?: unknown;
}

/** The platform's success codes, sent as a number or a string. */
const OK = new Set(['100000', '0']);

export const cardWeiboSavedDraft: SavedDraftReader = {
  url(id, request, pageUrl) {
    if (!/^\d+$/.test(id)) throw new Error(`文章编号无效：${id}`);
    const publish = new URL(request.url, pageUrl);
    const version = /^\/article\/(v\d+)\/aj\//.exec(publish.pathname)?.[1];
    if (!version) throw new Error(`不认识的发布地址：${publish.pathname}`);
    const uid = publish.searchParams.get('uid');
    const q = new URLSearchParams(uid ? { uid, id } : { id });
    return `${publish.origin}/article/${version}/aj/editor/draft/load?${q}`;
  },

  parse(answer, url) {
    const a = answer as { code?: unknown; msg?: unknown; data?: unknown };
    if (!OK.has(answerText(a?.code)))
      throw new Error(`平台答复错误（code=${answerText(a?.code) || '无'}${a?.msg ? `，${answerText(a.msg)}` : ''}）`);
    const article = a.data as SavedArticle | null | undefined;
    if (!article || typeof article !== 'object' || article.content === undefined)
      throw new Error('平台答复中没有文章内容');
    const body = htmlText(answerText(article.content), url);
    const summary = answerText(article.summary);
    const author = answerText(article.writer);
    return {
      title: answerText(article.title),
      ...(summary ? { summary } : {}),
      ...(author ? { author } : {}),
      body: body.text,
      ...(body.links.length ? { links: body.links } : {}),
    };
  },
};
