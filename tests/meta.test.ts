/**
 * Conventions as tests: every rule file is registered under its own id, has its test file and
 * its documentation, is configured by the default pack, and says what it is and why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../rules/engine/types';
import { RULES } from '../rules/index';
import { defaultPack } from './rule-tester';

const root = resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => basename(f, '.ts'));

describe('rule registry', () => {
  it('registers every rule file, sorted, with unique ids equal to the file name', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ruleFiles].sort()).toEqual(ids);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const id = rule.meta.id;
      it('has a test file that runs the RuleTester on it', () => {
        const file = join(root, 'tests/rules', `${id}.test.ts`);
        expect(existsSync(file), `tests/rules/${id}.test.ts`).toBe(true);
        const text = readFileSync(file, 'utf8');
        expect(text).toContain(`rules/${id}'`);
        expect(text).toContain('ruleTester.run(');
      });

      it('has documentation with its id, basis and examples', () => {
        const file = join(root, 'docs/rules', `${id}.md`);
        expect(existsSync(file), `docs/rules/${id}.md`).toBe(true);
        const text = readFileSync(file, 'utf8');
        expect(text).toMatch(new RegExp(`^# ${id}\\b`));
        expect(text).toContain('## 依据');
        expect(text).toContain('## 错误示例');
        expect(text).toContain('## 正确示例');
      });

      it('declares a known category, a description, a basis and messages', () => {
        expect(CATEGORIES).toContain(rule.meta.category);
        expect(rule.meta.description.trim().length).toBeGreaterThan(4);
        expect(rule.meta.basis.trim().length).toBeGreaterThan(4);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        for (const [key, spec] of Object.entries(rule.meta.options)) {
          expect(spec.description.trim().length, `option ${key}`).toBeGreaterThan(2);
        }
      });

      it('is configured by the default pack', () => {
        expect(defaultPack().rules[id], `packs/default/rules/${id}.yaml`).toBeDefined();
      });
    });
  }

  it('the default pack configures no rule that does not exist', () => {
    expect(Object.keys(defaultPack().rules).filter((id) => !RULES.some((r) => r.meta.id === id))).toEqual([]);
  });
});
