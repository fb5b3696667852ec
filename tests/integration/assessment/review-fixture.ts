import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createAccount } from '../sync/support/people';
import { at, type Person } from '../reports/fixture';

/**
 * A world of its own for the monthly reviews and the quarterly ranking: a district center H with its manager M,
 * three colleagues X, Y, Z and a second manager N; a street station S of H with its manager SM and a colleague T;
 * an unrelated hall O with its manager OM. Rows are inserted as the superuser; the figures they make are written
 * out by hand in reviews.test.ts and ranking.test.ts.
 *
 * Business volume (service records as first responder, and events on records; nothing else):
 * - Q3 2026 (July–September): X 10 records with a consult each (20), Y 5 records and 5 accepts on X's records
 *   (10), Z 2 records with a consult each (4): workload scores 100, 50, 20.
 * - Q2 2026 (April–June): X 4 records, Y 4, Z 1: scores 100, 100, 25.
 */
export interface ReviewWorld {
	center: string;
	station: string;
	other: string;
	m: Person;
	n: Person;
	x: Person;
	y: Person;
	z: Person;
	stationManager: Person;
	t: Person;
	otherManager: Person;
}

export async function createReviewWorld(db: pg.Pool): Promise<ReviewWorld> {
	const tag = randomBytes(4).toString('hex');
	const [center, station, other] = [randomUUID(), randomUUID(), randomUUID()];
	await db.query(
		`insert into app.halls (id, code, name, kind, parent_hall_id) values
		   ($1, $4, '评分测试中心', 'district_center', null),
		   ($2, $5, '评分测试街道站', 'street_station', $1),
		   ($3, $6, '评分测试另一中心', 'district_center', null)`,
		[center, station, other, `rev-center-${tag}`, `rev-station-${tag}`, `rev-other-${tag}`]
	);
	const person = async (
		key: string,
		name: string,
		hall: string,
		post: 'intake' | 'assist' | 'manager'
	): Promise<Person> => {
		const email = `${key}-${tag}@review.test`;
		const userId = await createAccount(db, email, { hall, post, name });
		const { rows } = await db.query<{ id: string }>('select id from app.staff where user_id = $1', [userId]);
		return { email, userId, staffId: rows[0]?.id ?? '' };
	};
	const world: ReviewWorld = {
		center,
		station,
		other,
		m: await person('m', 'M 刘洋', center, 'manager'),
		n: await person('n', 'N 高峰', center, 'manager'),
		x: await person('x', 'X 王芳', center, 'intake'),
		y: await person('y', 'Y 李娜', center, 'assist'),
		z: await person('z', 'Z 赵丽', center, 'intake'),
		stationManager: await person('sm', 'SM 林涛', station, 'manager'),
		t: await person('t', 'T 杨帆', station, 'intake'),
		otherManager: await person('om', 'OM 吴刚', other, 'manager')
	};
	let ticket = 0;
	const record = async (by: Person, day: string, events: [string, Person][]): Promise<string> => {
		const id = randomUUID();
		ticket += 1;
		await db.query(
			`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, first_responder_id,
			   first_responder_name, opened_at)
			 values ($1, $2, $3, $4, $4, $5, 'x', $6)`,
			[id, center, day, `V${String(ticket).padStart(3, '0')}`, by.staffId, at(day, '10:00')]
		);
		for (const [kind, who] of events) {
			await db.query(
				`insert into app.service_record_events (id, record_id, hall_id, kind, staff_id, staff_name, occurred_at)
				 values (gen_random_uuid(), $1, $2, $3, $4, 'x', $5)`,
				[id, center, kind, who.staffId, at(day, '10:05')]
			);
		}
		return id;
	};
	const { x, y, z } = world;
	for (let n = 1; n <= 10; n++) {
		const events: [string, Person][] = [['consult', x]];
		if (n <= 5) events.push(['accept', y]);
		await record(x, `2026-07-${String(n + 5).padStart(2, '0')}`, events);
	}
	for (let n = 1; n <= 5; n++) await record(y, `2026-08-${String(n + 2).padStart(2, '0')}`, []);
	for (let n = 1; n <= 2; n++) await record(z, `2026-09-${String(n + 6).padStart(2, '0')}`, [['consult', z]]);
	for (let n = 1; n <= 4; n++) {
		await record(x, `2026-04-${String(n + 6).padStart(2, '0')}`, []);
		await record(y, `2026-05-${String(n + 10).padStart(2, '0')}`, []);
	}
	await record(z, '2026-06-10', []);
	return world;
}

export async function retireReviewWorld(db: pg.Pool, world: ReviewWorld | undefined): Promise<void> {
	if (!world) return;
	await db.query('update app.staff set active = false where hall_id = any ($1)', [
		[world.center, world.station, world.other]
	]);
}
