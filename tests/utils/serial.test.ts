import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../utils/serial';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('serialQueue', () => {
  it('runs tasks one at a time, in the order given, even when later ones are faster', async () => {
    const serial = serialQueue();
    const events: string[] = [];
    const task = (name: string, ticks: number) => async () => {
      events.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await tick();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([serial(task('a', 3)), serial(task('b', 0)), serial(task('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('rejects only the failing task and goes on with the next', async () => {
    const serial = serialQueue();
    const failing = serial(async () => {
      await tick();
      throw new Error('boom');
    });
    const next = serial(() => 'after');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });

  it('does not start a task before the one before it has settled', async () => {
    const serial = serialQueue();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const first = serial(() => gate);
    const second = serial(() => {
      started = true;
    });
    await tick();
    await tick();
    expect(started).toBe(false);
    release();
    await first;
    await second;
    expect(started).toBe(true);
  });

  it('keeps separate queues apart', async () => {
    const one = serialQueue();
    const two = serialQueue();
    let release!: () => void;
    const blocked = one(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(two(() => 'free')).resolves.toBe('free');
    release();
    await blocked;
  });
});
