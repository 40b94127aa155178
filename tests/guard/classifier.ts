/** The endpoint classifier as the guard builds it (net/classify.ts), for tests. */
import { AMBIGUOUS, makeClassifier, type EndpointRule, type Param } from '../../guard/net/classify';
import { captureNatives } from '../../guard/net/natives';

/** Matches a URL with a known body (form text, or none): the rule, or undefined. */
export function ruleFor(rules: readonly EndpointRule[]) {
  const classifier = makeClassifier(rules, captureNatives(globalThis));
  return (url: string, form = ''): EndpointRule | undefined => {
    const found = classifier.match(url, classifier.form(form));
    if (found === AMBIGUOUS) throw new Error('a known body is never ambiguous');
    return found ?? undefined;
  };
}

export function classifierFor(rules: readonly EndpointRule[]) {
  return makeClassifier(rules, captureNatives(globalThis));
}

export type { Param };
