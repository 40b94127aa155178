/**
 * Reading back the saved draft a WeChat `masssend` names by `appmsgid`: the saved-draft editor
 * address (`/cgi-bin/appmsg?t=media/appmsg_edit&action=edit&type=77&appmsgid=…`, the one the
 * page moves to after its first save) asked for JSON (`f=json&ajax=1`, as the platform's other
 * `/cgi-bin` pages answer), with the session's `token`. The answer holds the draft as saved:
 * `app_msg_info.item[0].multi_item[]`, one entry per article with the fields `operate_appmsg`
 * saved (title, author, digest, content HTML, source URL, copyright type). Every article of a
 * multi-article draft is checked: the first as the draft, the others' fields appended to its body.
 */
import type { SavedDraftReader } from '../../guard/adapter';
import { answerText } from '../lib/answer-text';
import { htmlText } from '../lib/html-text';

interface SavedArticle {
  title?: unknown;
  author?: unknown;
  digest?: unknown;
  content?: unknown;
  source_url?: unknown;
  copyright_type?: unknown;
}

function token(...urls: string[]): string {
  for (const u of urls) {
    const t = new URL(u).searchParams.get('token');
    if (t) return t;
  }
  throw new Error('地址中没有会话 token');
}

export const wechatSavedDraft: SavedDraftReader = {
  url(id, request, pageUrl) {
    if (!/^\d+$/.test(id)) throw new Error(`稿件编号无效：${id}`);
    const t = token(request.url, pageUrl);
    const q = new URLSearchParams({
      t: 'media/appmsg_edit',
      action: 'edit',
      type: '77',
      appmsgid: id,
      token: t,
      lang: 'zh_CN',
      f: 'json',
      ajax: '1',
    });
    return `${new URL(pageUrl).origin}/cgi-bin/appmsg?${q}`;
  },

  parse(answer, url) {
    const a = answer as { base_resp?: { ret?: unknown }; app_msg_info?: { item?: { multi_item?: unknown }[] } };
    const ret = a?.base_resp?.ret;
    if (ret !== 0 && ret !== '0') throw new Error(`平台答复错误（ret=${answerText(ret) || '无'}）`);
    const articles = a.app_msg_info?.item?.[0]?.multi_item;
    if (!Array.isArray(articles) || articles.length === 0) throw new Error('平台答复中没有稿件内容');
    // Each article's fields as text, read once.
    const read = (articles as SavedArticle[]).map((article) => ({
      title: answerText(article.title),
      author: answerText(article.author),
      digest: answerText(article.digest),
      sourceUrl: answerText(article.source_url),
      copyright: answerText(article.copyright_type),
      body: htmlText(answerText(article.content), url),
    }));
    const [first, ...rest] = read;
    const { title, author, digest, sourceUrl, copyright, body } = first!;
    const links = read.flatMap((r) => r.body.links);
    // Later articles of a multi-article draft publish too: their fields are read as more body.
    const more = rest.map((r) =>
      [r.title, r.author, r.digest, r.body.text, r.sourceUrl].filter((s) => s !== '').join('\n'),
    );
    return {
      title,
      ...(author ? { author } : {}),
      ...(digest ? { summary: digest } : {}),
      body: [body.text, ...more].join('\n\n'),
      ...(links.length ? { links } : {}),
      ...(sourceUrl ? { source: { url: sourceUrl } } : {}),
      ...(copyright !== '' ? { original: copyright !== '0' } : {}),
    };
  },
};
