import { expect, it } from 'vitest';
import { costClock } from '../../pack-trust/cost';

it('times a pack in this process’s CPU time under Node, so time spent waiting does not count', async () => {
  const clock = costClock();
  const [cpu0, wall0] = [clock(), performance.now()];
  // Waiting stands for other programs holding the CPU: the wall clock runs on, this process's does not.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const [cpu1, wall1] = [clock(), performance.now()];
  expect(wall1 - wall0).toBeGreaterThanOrEqual(290);
  expect(cpu1 - cpu0).toBeLessThan(100);
  // Work of its own does count.
  let x = 0;
  const start = clock();
  while (clock() - start < 30) x += Math.sqrt(x + 1);
  expect(clock() - start).toBeGreaterThanOrEqual(30);
  expect(x).toBeGreaterThan(0);
});
