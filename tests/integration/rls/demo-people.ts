/** Rows of supabase/seed.sql that the RLS tests reason about. */
export const halls = {
	center: 'a0000000-0000-4000-8000-000000000001',
	station: 'a0000000-0000-4000-8000-000000000002'
} as const;

export const people = {
	intake: { id: 'd0000000-0000-4000-8000-000000000001', email: 'intake@demo.hall', hall: halls.center },
	manager: { id: 'd0000000-0000-4000-8000-000000000004', email: 'manager@demo.hall', hall: halls.center },
	stationAssist: {
		id: 'd0000000-0000-4000-8000-000000000005',
		email: 'assist@station.demo.hall',
		hall: halls.station
	}
} as const;

export const demoPassword = 'demo1234';
