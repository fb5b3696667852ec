import type { Person } from './device';

/**
 * Demo staff of supabase/seed.sql (password demo1234) the devices sign in as: the center's fourteen, managers
 * first, and the station's two. Every fourth device is in the station, so both halls sync at once, and devices
 * beyond the number of people share a person, as a person's phone and a hall tablet do.
 */
const CENTER: readonly string[] = [
	'manager@demo.hall',
	'intake@demo.hall',
	'delivery@demo.hall',
	'assist@demo.hall',
	'gaofeng@demo.hall',
	'zhaoli@demo.hall',
	'sunhao@demo.hall',
	'zhouting@demo.hall',
	'wuqiang@demo.hall',
	'zhengxue@demo.hall',
	'majun@demo.hall',
	'huling@demo.hall',
	'guopeng@demo.hall',
	'hejia@demo.hall'
];
const STATION: readonly string[] = ['assist@station.demo.hall', 'yangfan@station.demo.hall'];

/** The person device `index` (1-based) signs in as. */
export function personFor(index: number): Person {
	if (index % 4 === 0) return { email: STATION[(index / 4) % STATION.length]! };
	const centerIndex = index - 1 - Math.floor(index / 4);
	return { email: CENTER[centerIndex % CENTER.length]! };
}
