/**
 * Steps of the patrol screens shared by the patrol spec and the accessibility visits. The demo checkpoints and
 * plans are supabase/seed-patrols.sql's.
 */
import { expect, type Page } from '@playwright/test';
import { zhCN as patrolZh } from '../../../src/lib/features/patrols/messages/zh-CN';

export { patrolZh };

/** The station's four demo checkpoints, in round order. */
export const STATION_CHECKPOINTS = ['服务大厅', '等候区', '卫生间', '安全出口'] as const;
export const CENTER_FIRST_CHECKPOINT = 'c7000000-0000-4000-8000-000000000001';

/** From anywhere signed in: the patrol screen, through the home's entry (it arrives after the first paint). */
export async function openPatrols(page: Page): Promise<void> {
	await page.getByTestId('patrols-entry').click();
	await expect(page.getByRole('heading', { level: 1, name: patrolZh['patrol.heading'] })).toBeVisible();
}
