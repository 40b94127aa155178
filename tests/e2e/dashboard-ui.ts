/** Driving the dashboard's filters as a person does, for the e2e tests. */
import type { Page } from 'playwright-core';

/** Ticks exactly `values` in a multi-select filter (检查结论 `verdict`, 处理结果 `decision`). */
export async function choose(page: Page, name: 'verdict' | 'decision', values: readonly string[]): Promise<void> {
  const box = page.locator(`.multi[data-name=${name}]`);
  const details = box.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator('summary').click();
  for (const input of await box.locator('input[type=checkbox]').all()) {
    const want = values.includes((await input.getAttribute('value')) ?? '');
    if (want !== (await input.isChecked())) await input.click();
  }
  await box.locator('summary').click();
}
