/**
 * Replaces every built-in a page script can replace — every method and accessor on every global
 * constructor's prototype and statics, on namespace objects (JSON, Reflect, Math…), on the
 * iterator prototypes, and the global constructors themselves — with a wrapper that records its
 * name while recording is on and then does what the original does. Runs in the page (serialised
 * by Playwright): self-contained, and after it has run it calls only what it took beforehand.
 *
 * The gate's own entry points (fetch, XMLHttpRequest's methods, sendBeacon, fetchLater, Worker)
 * are left alone: calling them is the page's attack, not something the gate does.
 */
export function poisonEverything(): void {
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const defineProperty = Object.defineProperty;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ownKeys = Reflect.ownKeys;
  const getPrototypeOf = Object.getPrototypeOf;
  const ProxyCtor = Proxy;
  const SymbolCtor = Symbol;
  const symbolDescription = getOwnPropertyDescriptor(Symbol.prototype, 'description')!.get!;
  const names: string[] = [];
  const state = { recording: false };
  const record = (name: string) => {
    if (state.recording) names[names.length] = name;
  };
  const keyName = (key: string | symbol) =>
    typeof key === 'symbol' ? `[${apply(symbolDescription, key, []) as string}]` : key;
  const ENTRY_POINTS = new Set([
    'window.fetch',
    'window.fetchLater',
    'window.Worker',
    'XMLHttpRequest.prototype.open',
    'XMLHttpRequest.prototype.send',
    'XMLHttpRequest.prototype.setRequestHeader',
    'XMLHttpRequest.prototype.abort',
    'Navigator.prototype.sendBeacon',
  ]);
  const done = new WeakSet<object>();

  const wrapOwn = (target: object, label: string) => {
    if (done.has(target)) return;
    done.add(target);
    for (const key of ownKeys(target)) {
      if (key === 'constructor' || key === 'prototype' || key === 'caller' || key === 'arguments') continue;
      const name = `${label}.${keyName(key)}`;
      if (ENTRY_POINTS.has(name)) continue;
      const d = getOwnPropertyDescriptor(target, key);
      if (!d || !d.configurable) continue;
      if (typeof d.value === 'function') {
        const original = d.value as (...a: unknown[]) => unknown;
        const wrapper = function (this: unknown, ...args: unknown[]) {
          record(name);
          return new.target ? construct(original, args, new.target) : apply(original, this, args);
        };
        try {
          defineProperty(target, key, { ...d, value: wrapper });
        } catch {
          // Some built-ins refuse to be redefined; the gate could not be fooled by them either.
        }
      } else if (d.get || d.set) {
        const get = d.get;
        const set = d.set;
        try {
          defineProperty(target, key, {
            configurable: true,
            enumerable: d.enumerable,
            get: get
              ? function (this: unknown) {
                  record(`${name} (get)`);
                  return apply(get, this, []);
                }
              : undefined,
            set: set
              ? function (this: unknown, v: unknown) {
                  record(`${name} (set)`);
                  apply(set, this, [v]);
                }
              : undefined,
          });
        } catch {
          // As above.
        }
      }
    }
  };

  const globalNames = ownKeys(globalThis).filter((k): k is string => typeof k === 'string');
  const constructors: [string, (...a: unknown[]) => unknown][] = [];
  for (const name of globalNames) {
    const d = getOwnPropertyDescriptor(globalThis, name);
    const value = d && 'value' in d ? d.value : undefined;
    if (typeof value === 'function' && /^[A-Z]/.test(name)) constructors.push([name, value]);
    else if (value && typeof value === 'object' && /^[A-Z]/.test(name) && name !== 'Infinity') wrapOwn(value, name);
  }
  for (const [name, ctor] of constructors) {
    if (ctor.prototype && typeof ctor.prototype === 'object') wrapOwn(ctor.prototype, `${name}.prototype`);
    wrapOwn(ctor, name);
  }
  // Prototypes no global names: iterators and generators.
  const hidden: [string, object | null][] = [
    ['%ArrayIteratorPrototype%', getPrototypeOf([][Symbol.iterator]())],
    ['%IteratorPrototype%', getPrototypeOf(getPrototypeOf([][Symbol.iterator]()))],
    ['%StringIteratorPrototype%', getPrototypeOf(''[Symbol.iterator]())],
    ['%MapIteratorPrototype%', getPrototypeOf(new Map()[Symbol.iterator]())],
    ['%SetIteratorPrototype%', getPrototypeOf(new Set()[Symbol.iterator]())],
    ['%RegExpStringIteratorPrototype%', getPrototypeOf(/a/[Symbol.matchAll](''))],
    ['%URLSearchParamsIteratorPrototype%', getPrototypeOf(new URLSearchParams().entries())],
    ['%HeadersIteratorPrototype%', getPrototypeOf(new Headers().entries())],
    ['%FormDataIteratorPrototype%', getPrototypeOf(new FormData().entries())],
    ['%TypedArray%.prototype', getPrototypeOf(Uint8Array.prototype)],
    ['%TypedArray%', getPrototypeOf(Uint8Array)],
    ['%GeneratorPrototype%', getPrototypeOf(function* () {}.prototype)],
  ];
  for (const [label, proto] of hidden) if (proto) wrapOwn(proto, label);
  for (const name of ['document', 'navigator', 'window']) {
    const value = (globalThis as Record<string, unknown>)[name];
    if (value && typeof value === 'object') wrapOwn(value, name);
  }
  // The global constructors themselves: a lookup of `Request` or `Promise` at call time shows.
  for (const [name, ctor] of constructors) {
    if (ENTRY_POINTS.has(`window.${name}`)) continue;
    const d = getOwnPropertyDescriptor(globalThis, name);
    if (!d || !d.configurable || !d.writable) continue;
    try {
      defineProperty(globalThis, name, {
        ...d,
        value: new ProxyCtor(ctor, {
          apply(t, self, args) {
            record(`${name}()`);
            return apply(t, self, args);
          },
          construct(t, args, newTarget) {
            record(`new ${name}`);
            return construct(t, args, newTarget === undefined ? t : newTarget);
          },
        }),
      });
    } catch {
      // As above.
    }
  }
  void SymbolCtor;
  defineProperty(globalThis, '__poison', {
    value: {
      start: () => (state.recording = true),
      stop: () => (state.recording = false),
      names,
    },
  });
}
