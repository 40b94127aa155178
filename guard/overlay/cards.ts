/**
 * The panel's cards: findings grouped the way an editor reads them. Findings of one rule with the
 * same message in the same paragraph are one card (an advertising paragraph is one card with its
 * cue words, not seven); the same term found again elsewhere joins its card (listed once, with
 * every place it stands); a finding that carries cue spans (a paragraph judged as a whole) is one
 * card with those cues. Cards come most severe first, then in reading order. Pure: no DOM.
 */
import { severityRank, type Draft, type Finding, type Severity } from '../../rules/engine/types';
import { orderBasis, placesIn, ruleLabel } from '../../utils/labels';

type Shown = Exclude<Severity, 'off' | 'monitor'>;

export interface Card {
  key: string;
  severity: Shown;
  /** The rule's Chinese name. */
  title: string;
  /** Where the card's findings are, each place once: 标题, 正文第 2 段… */
  places: string[];
  /** The distinct words found, in reading order. */
  terms: string[];
  message: string;
  basis: string;
  suggestion?: string;
  /** Indices into the panel's findings: every occurrence (for locating and fixing them all). */
  findings: number[];
}

const FIELD_ORDER = ['title', 'author', 'summary', 'body', 'source', 'source.url', 'quoted', 'quoted.author'];
const fieldRank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i < 0 ? FIELD_ORDER.length : i;
};

/** A draft's field texts, for the places of its findings (正文第 2 段). */
export function draftTexts(draft: Draft | undefined): Record<string, string | undefined> {
  if (!draft) return {};
  return { title: draft.title, author: draft.author, summary: draft.summary, body: draft.body };
}

/** Groups findings into cards. `texts` are the draft's field texts (for paragraph places). */
export function groupFindings(
  findings: readonly Finding[],
  texts: Readonly<Record<string, string | undefined>>,
): Card[] {
  const placers = new Map<string, (start: number) => string>();
  const placeOf = (f: Finding) => {
    let at = placers.get(f.field);
    if (!at) placers.set(f.field, (at = placesIn(f.field, texts[f.field])));
    return at(f.range[0]);
  };
  // Reading order first, so places and terms come out in order.
  const order = findings
    .map((f, i) => i)
    .sort((a, b) => {
      const fa = findings[a]!;
      const fb = findings[b]!;
      return fieldRank(fa.field) - fieldRank(fb.field) || fa.range[0] - fb.range[0];
    });

  interface Building extends Card {
    rank: number;
    first: number;
    field: string;
  }
  const byKey = new Map<string, Building>();
  // The same word with the same advice, wherever it stands: one card.
  const byTerm = new Map<string, Building>();
  const cards: Building[] = [];
  for (const i of order) {
    const f = findings[i]!;
    const severity = f.severity as Shown;
    const place = placeOf(f);
    const terms = f.spans?.length ? f.spans.map((s) => s.excerpt) : [f.excerpt];
    const groupKey = f.spans?.length
      ? `${i}`
      : `${f.ruleId}\u0000${f.field}\u0000${f.messageId ?? f.message}\u0000${place}\u0000${f.suggestion ?? ''}`;
    const termKey = `${f.ruleId}\u0000${f.excerpt}\u0000${f.suggestion ?? ''}\u0000${f.messageId ?? f.message}`;
    let card = byKey.get(groupKey) ?? (f.spans?.length ? undefined : byTerm.get(termKey));
    if (!card) {
      card = {
        key: groupKey,
        severity,
        title: ruleLabel(f.ruleId, f.category),
        places: [],
        terms: [],
        message: f.message,
        basis: orderBasis(f.basis),
        ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
        findings: [],
        rank: severityRank(severity),
        first: f.range[0],
        field: f.field,
      };
      cards.push(card);
      byKey.set(groupKey, card);
    }
    if (!f.spans?.length) byTerm.set(termKey, card);
    if (severityRank(severity) > card.rank) {
      card.severity = severity;
      card.rank = severityRank(severity);
    }
    if (!card.places.includes(place)) card.places.push(place);
    for (const term of terms) if (!card.terms.includes(term)) card.terms.push(term);
    card.findings.push(i);
  }
  // A card of several words says so in its message: 「限时抢购」「优惠券」是商业促销用语…
  for (const card of cards) {
    const first = findings[card.findings[0]!]!;
    if (card.terms.length > 1 && !first.spans?.length && card.message.includes(`「${first.excerpt}」`))
      card.message = card.message.replace(`「${first.excerpt}」`, card.terms.map((t) => `「${t}」`).join(''));
  }
  cards.sort((a, b) => b.rank - a.rank || fieldRank(a.field) - fieldRank(b.field) || a.first - b.first || 0);
  return cards.map(({ rank: _r, first: _f, field: _d, ...card }) => card);
}
