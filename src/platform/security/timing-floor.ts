/**
 * Makes the two paths of an action answer after the same time when one of them does more work,
 * so that the time of the answer does not tell which path ran. Sign-up: both paths hash the
 * password (the expensive part), but only a new address is then written to the database and
 * audited, a registered one is not.
 *
 * The slow path's recent durations set a floor (the longest of the last few, capped); every
 * answer, from either path, waits until the floor has passed since the action started. Before
 * the slow path has run once, a fast answer waits a quarter more than its own duration.
 */
export interface TimingFloor {
	/** Waits until the floor has passed since `startedAt` (from `now()`); slow-path runs feed the floor. */
	wait(startedAt: number, slowPath: boolean): Promise<void>;
}

export interface TimingFloorOptions {
	/** how many recent slow-path durations the floor remembers */
	samples?: number;
	/** the floor never exceeds this (ms), so one stall does not slow every answer for long */
	ceilingMs?: number;
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export function createTimingFloor(options: TimingFloorOptions = {}): TimingFloor {
	const samples = options.samples ?? 8;
	const ceilingMs = options.ceilingMs ?? 1000;
	const now = options.now ?? (() => performance.now());
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const recent: number[] = [];

	return {
		async wait(startedAt, slowPath) {
			const elapsed = now() - startedAt;
			if (slowPath) {
				recent.push(elapsed);
				if (recent.length > samples) recent.shift();
			}
			const floor = Math.min(ceilingMs, recent.length ? Math.max(...recent) : elapsed * 1.25);
			if (floor > elapsed) await sleep(floor - elapsed);
		}
	};
}
