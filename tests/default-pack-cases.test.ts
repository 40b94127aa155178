/**
 * The default pack's own cases (text → expected rule ids, in packs/default/rules/*.yaml) must
 * pass: a pack whose cases fail is never signed.
 */
import { expect, it } from 'vitest';
import { compilePack } from '../rules/engine/checker';
import { runPackTests } from '../rules/engine/pack-tests';
import { RULES } from '../rules/index';
import { defaultPack } from './rule-tester';

it('the default pack passes its own test cases', () => {
  const pack = defaultPack();
  const { passed, failures } = runPackTests(compilePack(pack, RULES), pack);
  expect(
    failures.map((f) => ({ text: f.test.text, missing: f.missing, unexpected: f.unexpected, errors: f.errors })),
  ).toEqual([]);
  expect(passed).toBe(pack.tests.length);
  expect(passed).toBeGreaterThan(0);
});
