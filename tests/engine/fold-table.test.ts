import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFoldTable } from '../../scripts/gen-fold-table';

describe('fold table', () => {
  it('the committed table is what scripts/gen-fold-table.ts renders now (npm run gen:fold-table)', () => {
    const committed = readFileSync(new URL('../../rules/engine/fold-table.generated.ts', import.meta.url), 'utf8');
    const rendered = renderFoldTable();
    // Compare sizes first: a mismatch in a 100 KB string literal is unreadable in a diff.
    expect(rendered.length).toBe(committed.length);
    expect(rendered === committed, 'fold table differs: run npm run gen:fold-table and review the diff').toBe(true);
  });
});
