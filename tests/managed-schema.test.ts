/**
 * The managed-storage schema (public/managed-schema.json) must describe ManagedPolicy exactly:
 * Chrome drops any policy value that does not fit its schema, so a drift here silently loses an
 * admin's setting.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManagedPolicy } from '../utils/settings';

interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  additionalProperties?: unknown;
}

const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../public/managed-schema.json'), 'utf8'),
) as Schema;

/** One valid value per policy; `satisfies` makes the compiler hold this list to ManagedPolicy. */
const SAMPLE = {
  packUrl: 'https://packs.example.gov.cn/baoding.json',
  trustedKeys: [{ id: '3f6a6105233018ac', publicKey: 'SmJciQhYvAgqfyDymb9Kt0pJ5vX1AttuKFPFWUIjiH4=' }],
  packUpdateMinutes: 60,
  logText: 'hash',
  logPersonalData: 'full',
  allowOverride: false,
  reasonWhenUnreadable: true,
  editorUnit: '保定市某局',
  editorName: '张三',
  liveCheck: { weibo: true, wechat: false },
  retentionDays: 365,
  collectorUrl: 'https://audit.example.gov.cn/',
  collectorEnrollmentCode: 'GPG-96BV-VE27-HDQ7-XE3S',
  collectorText: 'none',
} satisfies Required<ManagedPolicy>;

/** The part of Chrome's schema validation the policies rely on. */
function validate(value: unknown, s: Schema, path: string): string[] {
  const kind = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (kind !== s.type && !(s.type === 'number' && kind === 'integer')) return [`${path}: ${kind} ≠ ${s.type}`];
  const errors: string[] = [];
  if (s.enum && !s.enum.includes(value)) errors.push(`${path}: not in enum`);
  if (
    typeof value === 'number' &&
    ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum))
  )
    errors.push(`${path}: out of range`);
  if (Array.isArray(value) && s.items) value.forEach((v, i) => errors.push(...validate(v, s.items!, `${path}[${i}]`)));
  if (kind === 'object' && s.properties) {
    for (const [k, v] of Object.entries(value as object)) {
      if (!s.properties[k]) errors.push(`${path}.${k}: not declared`);
      else errors.push(...validate(v, s.properties[k], `${path}.${k}`));
    }
  }
  return errors;
}

function walk(s: Schema, path: string, visit: (s: Schema, path: string) => void) {
  visit(s, path);
  for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`, visit);
  if (s.items) walk(s.items, `${path}[]`, visit);
}

describe('managed storage schema', () => {
  it('declares exactly the ManagedPolicy settings', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(SAMPLE).sort());
  });

  it('accepts a valid value for every setting', () => {
    expect(validate(SAMPLE, schema, 'policy')).toEqual([]);
  });

  it('rejects values of the wrong type or out of range', () => {
    expect(
      validate(
        { packUpdateMinutes: 0, logText: 'all', allowOverride: 'yes', trustedKeys: [{ id: 1 }] },
        schema,
        'policy',
      ),
    ).toEqual([
      'policy.packUpdateMinutes: out of range',
      'policy.logText: not in enum',
      'policy.allowOverride: string ≠ boolean',
      'policy.trustedKeys[0].id: integer ≠ string',
    ]);
  });

  it('follows Chrome’s rules: an object at the top without additionalProperties, one type per schema', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    walk(schema, 'schema', (s, path) => {
      expect(Number(s.type !== undefined) + Number(s.$ref !== undefined), path).toBe(1);
    });
  });
});
