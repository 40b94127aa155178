/**
 * Which requests publish, and what a held one holds. An adapter declares its platform's
 * endpoints (net/classify.ts: publish endpoints are held by the MAIN-world gate until the guard
 * answers; saves and pre-checks are declared so that tests can prove they are never held). Pure
 * data plus the matcher: the endpoint files are bundled into the MAIN world, which must stay
 * small and must not import the engine.
 */
import type { RequestSnapshot } from './bridge';
import { AMBIGUOUS, type Classifier } from './net/classify';
import { readRequest, UnreadableBody, type Fields } from './request-fields';

export type { EndpointRole, EndpointRule, Param } from './net/classify';
export type { Fields } from './request-fields';
export { fieldText } from './request-fields';

/** A publish request as the guard reads the gate's snapshot of it: plain data. */
export interface HeldRequest {
  /** Unique per request within the page. */
  id: string;
  /** The matching rule's id. */
  endpoint: string;
  method: string;
  url: string;
  /** Every value a server may read for each field: query first, then body (request-fields.ts). */
  fields: Fields;
  via: RequestSnapshot['via'];
  /** Why the body could not be read: the guard does not check it and fails closed. */
  unreadable?: string;
}

function isSnapshot(v: unknown): v is RequestSnapshot {
  const s = v as RequestSnapshot;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.id === 'string' &&
    (s.endpoint === null || typeof s.endpoint === 'string') &&
    typeof s.method === 'string' &&
    typeof s.url === 'string' &&
    typeof s.headers === 'string' &&
    // Not `instanceof`: in Firefox the port hands over the page's Uint8Array, another realm's.
    (s.body === null || Object.prototype.toString.call(s.body) === '[object Uint8Array]') &&
    (s.via === 'fetch' || s.via === 'xhr' || s.via === 'beacon')
  );
}

/**
 * The held request the guard must decide, or null when the whole request shows it does not
 * publish (a save or a pre-check the gate could not tell apart without the body): let it go.
 */
export async function readHeld(received: unknown, classifier: Classifier): Promise<HeldRequest | null> {
  if (!isSnapshot(received)) throw new Error('网络闸门交来的请求格式不对');
  // A copy in this world: the bytes checked are the guard's own.
  const snapshot = received.body === null ? received : { ...received, body: new Uint8Array(received.body) };
  const base = { id: snapshot.id, method: snapshot.method, url: snapshot.url, via: snapshot.via };
  try {
    const { fields, params } = await readRequest(snapshot);
    const rule = classifier.match(snapshot.url, params);
    const publishes = rule !== null && rule !== AMBIGUOUS && rule.role === 'publish';
    // What the gate already saw as publishing stays held, whatever the whole body adds.
    if (!publishes && snapshot.endpoint === null) return null;
    return { ...base, endpoint: publishes ? rule.id : snapshot.endpoint!, fields };
  } catch (e) {
    if (!(e instanceof UnreadableBody)) throw e;
    return { ...base, endpoint: snapshot.endpoint ?? '', fields: {}, unreadable: e.message };
  }
}
