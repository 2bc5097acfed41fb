import { describe, expect, it } from 'vitest';
import { createTimingFloor } from './timing-floor.ts';

describe('timing floor', () => {
	function fakeClock() {
		let time = 0;
		const waits: number[] = [];
		return {
			now: () => time,
			advance: (ms: number) => (time += ms),
			sleep: async (ms: number) => {
				waits.push(ms);
				time += ms;
			},
			waits
		};
	}

	it('makes the fast path answer after the slow path’s recent longest time', async () => {
		const clock = fakeClock();
		const floor = createTimingFloor({ samples: 3, now: clock.now, sleep: clock.sleep });
		async function run(work: number, slow: boolean) {
			const started = clock.now();
			clock.advance(work);
			await floor.wait(started, slow);
			return clock.now() - started;
		}
		// before any slow run: a quarter more than its own time
		expect(await run(80, false)).toBe(100);
		expect(await run(95, true)).toBe(95);
		expect(await run(110, true)).toBe(110);
		expect(await run(100, true)).toBe(110);
		expect(await run(80, false)).toBe(110);
		expect(await run(120, false)).toBe(120);
		// the floor forgets old runs
		expect(await run(90, true)).toBe(110);
		expect(await run(90, true)).toBe(100);
		expect(await run(90, true)).toBe(90);
		expect(await run(70, false)).toBe(90);
	});

	it('never waits past its ceiling', async () => {
		const clock = fakeClock();
		const floor = createTimingFloor({ ceilingMs: 500, now: clock.now, sleep: clock.sleep });
		let started = clock.now();
		clock.advance(5000);
		await floor.wait(started, true);
		started = clock.now();
		clock.advance(80);
		await floor.wait(started, false);
		expect(clock.now() - started).toBe(500);
	});
});
