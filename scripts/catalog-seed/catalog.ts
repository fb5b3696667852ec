import { approvalItems } from './center-approval';
import { enterpriseItems } from './center-enterprise';
import { serviceItems } from './center-services';
import type { SeedItem } from './build';
import { stationItems } from './station-items';

/** One hall's demo catalog and who published it (a demo manager of that hall in supabase/seed.sql). */
export interface SeedHall {
	hallId: string;
	hallName: string;
	/** 1, 2…: the digit in the hall's seed uuids, so ids stay readable and never collide across halls. */
	number: number;
	publisher: { userId: string; name: string };
	items: SeedItem[];
}

/** When the demo catalog was published: a fixed time, so the generated SQL is the same on every run. */
export const SEED_PUBLISHED_AT = '2026-11-02T09:00:00+08:00';

export const SEED_HALLS: SeedHall[] = [
	{
		hallId: 'a0000000-0000-4000-8000-000000000001',
		hallName: '天津市河北区政务服务中心',
		number: 1,
		publisher: { userId: 'd0000000-0000-4000-8000-000000000004', name: '刘洋' },
		items: [...enterpriseItems, ...approvalItems, ...serviceItems]
	},
	{
		hallId: 'a0000000-0000-4000-8000-000000000002',
		hallName: '河北区望海楼街便民服务中心',
		number: 2,
		publisher: { userId: 'd0000000-0000-4000-8000-000000000017', name: '林涛' },
		items: stationItems
	}
];
