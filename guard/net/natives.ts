/**
 * The built-ins the network gate uses, taken once when it is installed — before any page script
 * runs — and called only through these references afterwards. A page script can replace any
 * method on a prototype (`MessagePort.prototype.postMessage`, `WeakMap.prototype.get`,
 * `Function.prototype.call`, a getter such as `MessageEvent.prototype.data`…); a gate that looked
 * one up after the page had run would hand the page its requests, its port, or a forged verdict.
 *
 * Rules the gate's code keeps besides calling only these:
 * - no `for…of`, spread or array destructuring (they call the array iterator's `next`), no `await`
 *   on a promise the page could have touched, no template literal or `+` on an object;
 * - every object it makes and hands to a built-in (init dictionaries, descriptors, records) has a
 *   null prototype, so no getter a page adds to `Object.prototype` is consulted;
 * - a promise it waits on is stamped by `stampPromise`, so `then` finds no page code.
 *
 * `captureNatives` is self-contained (it refers to nothing outside itself): the gate also turns it
 * into source text to install the same gate in the page's workers (see worker-gate.ts).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- built-ins are called untyped through Reflect.apply */
type Fn = (...args: any[]) => any;

export interface Natives {
  readonly global: any;
  apply: (fn: Fn, self: unknown, args: ArrayLike<unknown>) => any;
  construct: (ctor: Fn, args: ArrayLike<unknown>, newTarget?: Fn) => any;
  create: (proto: object | null) => any;
  defineProperty: (o: object, key: PropertyKey, descriptor: object) => object;
  getPrototypeOf: (o: object) => object | null;
  ownKeys: (o: object) => PropertyKey[];
  freeze: <T>(o: T) => T;
  isArray: (v: unknown) => boolean;
  fromCharCode: (...codes: number[]) => string;
  charCodeAt: (s: string, i: number) => number;
  toLowerCase: (s: string) => string;
  toUpperCase: (s: string) => string;
  indexOf: (s: string, search: string, from?: number) => number;
  slice: (s: string, start: number, end?: number) => string;
  functionSource: (fn: Fn) => string;
  stringify: (v: unknown) => string;
  parseJson: (text: string) => any;
  String: (v: unknown) => string;
  /** `new URL(text, base)`, and its parts. */
  URL: any;
  urlHref: (u: unknown) => string;
  urlHost: (u: unknown) => string;
  urlPathname: (u: unknown) => string;
  urlSearch: (u: unknown) => string;
  urlProtocol: (u: unknown) => string;
  urlOrigin: (u: unknown) => string;
  createObjectURL: (blob: unknown) => string;
  revokeObjectURL: (url: string) => void;
  Promise: any;
  promiseThen: (p: unknown, ok: Fn, ko: Fn) => unknown;
  promiseReject: (e: unknown) => Promise<never>;
  setTimeout: (fn: Fn, ms: number) => number;
  clearTimeout: (id: number) => void;
  Uint8Array: any;
  typedSet: (target: unknown, source: unknown, offset?: number) => void;
  typedLength: (a: unknown) => number;
  typedSlice: (a: unknown, start: number, end: number) => Uint8Array;
  bufferByteLength: (b: unknown) => number;
  encodeUtf8: (s: string) => Uint8Array;
  decodeUtf8: (bytes: unknown) => string;
  Request: any;
  requestUrl: (r: unknown) => string;
  requestMethod: (r: unknown) => string;
  requestHeaders: (r: unknown) => unknown;
  /** Absent where Request has no `body` (Firefox). */
  requestBody?: (r: unknown) => unknown;
  requestArrayBuffer: (r: unknown) => Promise<ArrayBuffer>;
  requestBlob: (r: unknown) => Promise<Blob>;
  Response: any;
  responseBlob: (r: unknown) => Promise<Blob>;
  Headers: any;
  headersForEach: (h: unknown, fn: (value: string, name: string) => void) => void;
  headersAppend: (h: unknown, name: string, value: string) => void;
  Blob: any;
  /** A dictionary or record for a built-in: own properties only, null prototype. */
  record: (entries: Record<string, unknown>) => any;
  /** An iterable over `items` that no page code can step (for WebIDL sequences). */
  sequence: (items: ArrayLike<unknown>) => Iterable<unknown>;
  fetch?: Fn;
  fetchLater?: Fn;
  sendBeacon?: Fn;
  navigator?: unknown;
  XMLHttpRequest?: any;
  xhrOpen?: Fn;
  xhrSend?: Fn;
  xhrSetRequestHeader?: Fn;
  xhrAbort?: Fn;
  WeakMap: any;
  weakMapGet: (m: unknown, k: unknown) => any;
  weakMapSet: (m: unknown, k: unknown, v: unknown) => void;
  Worker?: any;
  importScripts?: Fn;
  /** Document and DOM, where there is one. */
  document?: Document;
  baseURI?: () => string;
  locationHref: () => string;
  isTop: () => boolean;
  XMLSerializer?: any;
  serializeToString?: (s: unknown, node: unknown) => string;
  nodeType?: (n: unknown) => number;
  isHtmlDocument?: (d: unknown) => boolean;
  createElement?: (tag: string) => HTMLElement;
  attachShadow?: (el: unknown, init: unknown) => ShadowRoot;
  append?: (parent: unknown, child: unknown) => void;
  remove?: (el: unknown) => void;
  setAttribute?: (el: unknown, name: string, value: string) => void;
  setTextContent?: (node: unknown, text: string) => void;
  isConnected?: (node: unknown) => boolean;
  documentElement?: () => Element | null;
  querySelector?: (root: unknown, selector: string) => Element | null;
  MessageChannel?: any;
  MessageEvent?: any;
  Event?: any;
  portPostMessage?: (port: unknown, msg: unknown) => void;
  portClose?: (port: unknown) => void;
  messageData?: (e: unknown) => any;
  addEventListener: (target: unknown, type: string, fn: Fn, capture?: boolean) => void;
  removeEventListener: (target: unknown, type: string, fn: Fn, capture?: boolean) => void;
  dispatchEvent: (target: unknown, e: unknown) => boolean;
  DOMException: any;
  TypeError: any;
  isStream: (v: unknown) => boolean;
  isDocument: (v: unknown) => boolean;
}

export function captureNatives(g: any): Natives {
  'use strict';
  const R = g.Reflect;
  const apply = R.apply;
  const construct = R.construct;
  const O = g.Object;
  const gopd = O.getOwnPropertyDescriptor;
  const create = O.create;
  const defineProperty = O.defineProperty;
  const uncurry =
    (fn: Fn | undefined) =>
    (self: unknown, ...args: unknown[]) =>
      apply(fn, self, args);
  /** The property's descriptor on `o` or the nearest prototype that has it (none: undefined). */
  const find = (o: any, name: PropertyKey): PropertyDescriptor | undefined => {
    for (
      let p = o;
      p !== null && p !== undefined && (typeof p === 'object' || typeof p === 'function');
      p = O.getPrototypeOf(p)
    ) {
      const d = gopd(p, name);
      if (d) return d;
    }
    return undefined;
  };
  const getter = (proto: object | undefined, name: string) => uncurry(find(proto, name)?.get);
  const setter = (proto: object | undefined, name: string) => uncurry(find(proto, name)?.set);
  const value = (o: any, name: string) => find(o, name)?.value;
  const method = (proto: object | undefined, name: string) => uncurry(value(proto, name));
  const S = g.String;
  const SP = S.prototype;
  const Fp = g.Function.prototype;
  const P = g.Promise;
  const PP = P.prototype;
  const U8 = g.Uint8Array;
  const TAP = O.getPrototypeOf(U8.prototype);
  const AB = g.ArrayBuffer;
  const U = g.URL;
  const Req = g.Request;
  const Res = g.Response;
  const H = g.Headers;
  const WM = g.WeakMap;
  const ET = g.EventTarget && g.EventTarget.prototype;
  const encoder = new g.TextEncoder();
  const decoder = new g.TextDecoder();
  const encode = method(g.TextEncoder.prototype, 'encode');
  const decode = method(g.TextDecoder.prototype, 'decode');
  const symbolIterator = g.Symbol.iterator;
  const symbolSpecies = g.Symbol.species;
  const then = method(PP, 'then');
  const speciesHolder = create(null);
  defineProperty(speciesHolder, symbolSpecies, { __proto__: null, value: P });
  const xhr = g.XMLHttpRequest && g.XMLHttpRequest.prototype;
  const doc = g.document;
  const nodeProto = g.Node && g.Node.prototype;
  const elementProto = g.Element && g.Element.prototype;
  const json = g.JSON;
  const stringify = json.stringify;
  const parseJson = json.parse;
  const fromCharCode = S.fromCharCode;
  const setT = g.setTimeout;
  const clearT = g.clearTimeout;
  const location = g.location;
  // A window's Location keeps its members on the object itself; a worker's on the prototype.
  const locationHref = uncurry(find(location, 'href')?.get);
  const isTopWindow = g.window !== undefined && g.top === g.window;
  const contentType = getter(g.Document && g.Document.prototype, 'contentType');
  const nav = g.navigator;
  const beacon = nav ? value(nav, 'sendBeacon') : undefined;
  const streamLocked = getter(g.ReadableStream && g.ReadableStream.prototype, 'locked');
  const nodeTypeGet = getter(nodeProto, 'nodeType');
  const documentQuery = value(g.Document && g.Document.prototype, 'querySelector');
  const baseURIGet = getter(nodeProto, 'baseURI');
  const documentElementGet = getter(g.Document && g.Document.prototype, 'documentElement');
  const elementQuery = value(elementProto, 'querySelector');
  const reflectOwnKeys = R.ownKeys;
  const record = (entries: Record<string, unknown>) => {
    const out = create(null);
    const keys = reflectOwnKeys(entries);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = entries[keys[i]];
    return out;
  };
  const natives: Natives = {
    global: g,
    apply,
    construct,
    create,
    defineProperty,
    getPrototypeOf: O.getPrototypeOf,
    ownKeys: reflectOwnKeys,
    freeze: O.freeze,
    isArray: g.Array.isArray,
    fromCharCode,
    charCodeAt: method(SP, 'charCodeAt'),
    toLowerCase: method(SP, 'toLowerCase'),
    toUpperCase: method(SP, 'toUpperCase'),
    indexOf: method(SP, 'indexOf'),
    slice: method(SP, 'slice'),
    functionSource: method(Fp, 'toString'),
    stringify: (v) => apply(stringify, json, [v]),
    parseJson: (t) => apply(parseJson, json, [t]),
    String: S,
    URL: U,
    urlHref: getter(U.prototype, 'href'),
    urlHost: getter(U.prototype, 'host'),
    urlPathname: getter(U.prototype, 'pathname'),
    urlSearch: getter(U.prototype, 'search'),
    urlProtocol: getter(U.prototype, 'protocol'),
    urlOrigin: getter(U.prototype, 'origin'),
    createObjectURL: uncurry(value(U, 'createObjectURL')).bind(null, U),
    revokeObjectURL: uncurry(value(U, 'revokeObjectURL')).bind(null, U),
    Promise: P,
    promiseThen: (p, ok, ko) => {
      // SpeciesConstructor reads `constructor` and then Symbol.species: both answered by own,
      // page-proof data properties, so `then` runs no page code.
      defineProperty(p, 'constructor', { __proto__: null, value: speciesHolder });
      return then(p, ok, ko);
    },
    promiseReject: uncurry(value(P, 'reject')).bind(null, P),
    setTimeout: (fn, ms) => apply(setT, g, [fn, ms]),
    clearTimeout: (id) => apply(clearT, g, [id]),
    Uint8Array: U8,
    typedSet: method(TAP, 'set'),
    typedLength: getter(TAP, 'length'),
    typedSlice: (a, start, end) => {
      const out = new U8(end - start);
      for (let i = start; i < end; i++) out[i - start] = (a as Uint8Array)[i];
      return out;
    },
    bufferByteLength: getter(AB.prototype, 'byteLength'),
    encodeUtf8: (s) => encode(encoder, s),
    decodeUtf8: (b) => decode(decoder, b),
    Request: Req,
    requestUrl: getter(Req.prototype, 'url'),
    requestMethod: getter(Req.prototype, 'method'),
    requestHeaders: getter(Req.prototype, 'headers'),
    requestBody: find(Req.prototype, 'body')?.get ? getter(Req.prototype, 'body') : undefined,
    requestArrayBuffer: method(Req.prototype, 'arrayBuffer'),
    requestBlob: method(Req.prototype, 'blob'),
    Response: Res,
    responseBlob: method(Res.prototype, 'blob'),
    Headers: H,
    headersForEach: method(H.prototype, 'forEach'),
    headersAppend: method(H.prototype, 'append'),
    Blob: g.Blob,
    record,
    sequence: (items) => {
      const iterable = create(null);
      iterable[symbolIterator] = () => {
        let i = 0;
        const it = create(null);
        it.next = () => {
          const step = create(null);
          step.done = i >= items.length;
          step.value = step.done ? undefined : items[i++];
          return step;
        };
        return it;
      };
      return iterable;
    },
    fetch: g.fetch,
    fetchLater: g.fetchLater,
    sendBeacon: beacon,
    navigator: nav,
    XMLHttpRequest: g.XMLHttpRequest,
    xhrOpen: value(xhr, 'open'),
    xhrSend: value(xhr, 'send'),
    xhrSetRequestHeader: value(xhr, 'setRequestHeader'),
    xhrAbort: value(xhr, 'abort'),
    WeakMap: WM,
    weakMapGet: method(WM.prototype, 'get'),
    weakMapSet: method(WM.prototype, 'set'),
    Worker: g.Worker,
    importScripts: g.importScripts,
    document: doc,
    baseURI: doc ? () => baseURIGet(doc) : undefined,
    locationHref: () => locationHref(location),
    isTop: () => isTopWindow,
    XMLSerializer: g.XMLSerializer,
    serializeToString: g.XMLSerializer && method(g.XMLSerializer.prototype, 'serializeToString'),
    nodeType: nodeProto && nodeTypeGet,
    isHtmlDocument: g.Document ? (d) => contentType(d) === 'text/html' : undefined,
    createElement: doc ? uncurry(value(doc, 'createElement')).bind(null, doc) : undefined,
    attachShadow: method(elementProto, 'attachShadow'),
    append: method(nodeProto, 'appendChild'),
    remove: method(elementProto, 'remove'),
    setAttribute: method(elementProto, 'setAttribute'),
    setTextContent: setter(nodeProto, 'textContent'),
    isConnected: getter(nodeProto, 'isConnected'),
    documentElement: doc ? () => documentElementGet(doc) : undefined,
    querySelector: doc ? (root, sel) => apply(root === doc ? documentQuery : elementQuery, root, [sel]) : undefined,
    MessageChannel: g.MessageChannel,
    MessageEvent: g.MessageEvent,
    Event: g.Event,
    portPostMessage: g.MessagePort && method(g.MessagePort.prototype, 'postMessage'),
    portClose: g.MessagePort && method(g.MessagePort.prototype, 'close'),
    messageData: g.MessageEvent && getter(g.MessageEvent.prototype, 'data'),
    addEventListener: method(ET, 'addEventListener'),
    removeEventListener: method(ET, 'removeEventListener'),
    dispatchEvent: method(ET, 'dispatchEvent'),
    DOMException: g.DOMException,
    TypeError: g.TypeError,
    isStream: (v) => {
      try {
        streamLocked(v);
        return true;
      } catch {
        return false;
      }
    },
    isDocument: (v) => {
      if (!nodeProto || v === null || typeof v !== 'object') return false;
      try {
        return nodeTypeGet(v) === 9;
      } catch {
        return false;
      }
    },
  };
  return O.freeze(natives);
}
