/**
 * Deterministic benchmark inputs: Chinese official-post text assembled from varied sentences,
 * with a sprinkling of what the pack looks for (its own terms and allow entries, ID numbers,
 * quoted speech), and a large generated term list. Same seed, same text, on every machine.
 */
import { idCheckChar } from '../rules/lib/checksums';
import type { Pack } from '../rules/engine/pack';

/** mulberry32: small, fast and good enough to pick sentences. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 0 <= rnd() < 1, and every list picked from is a non-empty constant.
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const PLACES = [
  '竞秀区',
  '莲池区',
  '满城区',
  '清苑区',
  '徐水区',
  '涿州市',
  '定州市',
  '安国市',
  '高碑店市',
  '雄县',
  '易县',
  '阜平县',
];
const ORGANS = [
  '市生态环境局',
  '市教育局',
  '市卫生健康委',
  '市住房城乡建设局',
  '市市场监管局',
  '市人社局',
  '市交通运输局',
  '市应急管理局',
  '市民政局',
  '市文化广电和旅游局',
];
const TOPICS = [
  '大气污染防治',
  '老旧小区改造',
  '义务教育招生',
  '城乡居民医保缴费',
  '安全生产大检查',
  '冬季清洁取暖',
  '农村人居环境整治',
  '优化营商环境',
  '就业创业服务',
  '防汛抗旱',
];

const SENTENCES: ((r: () => number) => string)[] = [
  (r) =>
    `${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日，${pick(r, ORGANS)}召开${pick(r, TOPICS)}工作推进会，安排部署下一阶段重点任务。`,
  (r) => `会议强调，要坚持以人民为中心的发展思想，把${pick(r, TOPICS)}作为一项重要民生工程抓紧抓实。`,
  (r) =>
    `截至目前，${pick(r, PLACES)}已累计完成投资${(r() * 90 + 10).toFixed(1)}亿元，占年度计划的${Math.floor(r() * 40 + 60)}%。`,
  (r) =>
    `${pick(r, PLACES)}组织工作人员深入社区、企业开展走访调研，现场解决群众反映的${Math.floor(r() * 50 + 5)}个问题。`,
  (r) =>
    `据了解，今年以来全市新增城镇就业${Math.floor(r() * 5 + 3)}.${Math.floor(r() * 10)}万人，城镇调查失业率保持在合理区间。`,
  (r) => `${pick(r, ORGANS)}提醒广大市民，办理相关业务可登录“冀时办”或拨打政务服务便民热线12345咨询。`,
  (r) => `下一步，${pick(r, PLACES)}将继续完善工作机制，压实各方责任，确保${pick(r, TOPICS)}各项任务按期完成。`,
  () => `各县（市、区）要强化责任担当，加强统筹协调，形成工作合力，以钉钉子精神抓好各项工作落实。`,
  (r) =>
    `活动现场，工作人员向过往群众发放宣传资料${Math.floor(r() * 900 + 100)}余份，解答群众咨询${Math.floor(r() * 200 + 20)}人次。`,
  () => `市民王女士说：“以前办事要跑好几个窗口，现在一次就办好了，真方便！”`,
  (r) => `${pick(r, ORGANS)}相关负责人表示：将进一步优化办事流程，压缩办理时限，让数据多跑路、群众少跑腿。`,
  (r) =>
    `本次检查共出动执法人员${Math.floor(r() * 300 + 50)}人次，检查企业${Math.floor(r() * 200 + 30)}家，排查整改隐患${Math.floor(r() * 150 + 10)}处。`,
  () => `请广大市民朋友相互转告，自觉遵守相关规定，共同营造安全、文明、有序的社会环境。`,
  (r) =>
    `据统计，${pick(r, PLACES)}今年已建成口袋公园${Math.floor(r() * 20 + 3)}个、新增绿地面积${Math.floor(r() * 90 + 10)}万平方米。`,
  () => `早高峰期间，交警在主要路口交通疏导，确保道路安全畅通。`,
  (r) => `详情请见${pick(r, ORGANS)}官方网站 https://www.baoding.gov.cn/ 通知公告栏目。`,
];

/** A checksum-valid 18-digit identity number (the kind a careless post leaks). */
function idNumber(r: () => number): string {
  const first17 = `130602${1950 + Math.floor(r() * 50)}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Every literal term of the pack (all dictionaries and the allow-list), in pack order. */
export function packTerms(pack: Pack): string[] {
  const terms = new Set<string>();
  for (const dict of Object.values(pack.dictionaries)) {
    for (const e of dict.entries) if (e.term !== undefined) terms.add(e.term);
    for (const c of [dict.near, dict.unlessNear, ...dict.entries.flatMap((e) => [e.near, e.unlessNear])])
      c?.terms?.forEach((t) => terms.add(t));
  }
  for (const a of pack.allow) terms.add(a.term);
  return [...terms];
}

/**
 * An article of exactly `length` characters. About one sentence in eight carries something the
 * pack should find: one of its own terms, or an identity number.
 */
export function article(length: number, pack: Pack, seed = 20261129): string {
  const r = random(seed);
  const terms = packTerms(pack);
  let text = '';
  while (text.length < length) {
    let paragraph = '';
    const sentences = 3 + Math.floor(r() * 4);
    for (let i = 0; i < sentences; i++) {
      let s = pick(r, SENTENCES)(r);
      const roll = r();
      if (roll < 0.1 && terms.length) s = s.replace(/，/, `，${pick(r, terms)}`);
      else if (roll < 0.125) s = `失主身份证号${idNumber(r)}，请联系。${s}`;
      paragraph += s;
    }
    text += `${paragraph}\n`;
  }
  return text.slice(0, length);
}

/** `count` distinct deterministic terms of 2–6 common characters, as a large pack dictionary would hold. */
export function generatedTerms(count: number, seed = 7): string[] {
  const r = random(seed);
  const chars =
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
  const out = new Set<string>();
  while (out.size < count) {
    const len = 2 + Math.floor(r() * 5);
    let t = '';
    for (let i = 0; i < len; i++) t += chars[Math.floor(r() * chars.length)];
    out.add(t);
  }
  return [...out];
}
