import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, DOC_PATH, END, renderRbacTable, tableInDoc } from '../../scripts/rbac-table.js';

describe('role × permission table in docs/api-foundation.md', () => {
  it('is the one rbac.ts renders', () => {
    const inDoc = tableInDoc(readFileSync(DOC_PATH, 'utf8'));
    expect(inDoc, `docs/api-foundation.md lacks the markers ${BEGIN} … ${END}`).not.toBeNull();
    expect(inDoc, 'docs/api-foundation.md: the role × permission table differs from src/platform/rbac.ts — run `npm run docs:rbac`')
      .toBe(renderRbacTable());
  });
});
