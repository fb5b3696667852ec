import { zhCN as enterpriseZh } from '../../../src/lib/features/enterprises/messages/zh-CN';
import { zhCN as visitZh } from '../../../src/lib/features/visits/messages/zh-CN';
import { expect, type BrowserContext, type Page } from '../fixtures';

/** The enterprise and visit screens' Chinese: tests assert on what users read, from the packs that define it. */
export const ezh = enterpriseZh;
export const vzh = visitZh;

/**
 * A seeded enterprise of the center (supabase/seed-enterprises.sql, row 16): no visit plan, so visits made by the
 * tests change no traffic light another test reads. Found by its name's pinyin initials.
 */
export const JINSHI = {
	name: '天津金狮电子商务有限公司',
	initials: 'tjjsdzsw',
	latitude: 39.1395,
	longitude: 117.2003
} as const;

/** A text no other test uses, so each test finds its own follow-up. */
export const uniqueText = (label: string): string => `${label} ${Math.random().toString(36).slice(2, 7)}`;

/** The phone says it stands `metersNorth` north of the enterprise (about 111,195 m per degree of latitude). */
export async function standNear(context: BrowserContext, metersNorth: number): Promise<void> {
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({
		latitude: JINSHI.latitude + metersNorth / 111_195,
		longitude: JINSHI.longitude,
		accuracy: 15
	});
}

/** From the home's 企业走访 entry, finds the enterprise by its pinyin initials and opens its page. */
export async function openEnterprise(page: Page, enterprise: { name: string; initials: string } = JINSHI) {
	await page.goto('/');
	await page.getByTestId('visits-entry').click();
	await page.getByTestId('enterprise-search').fill(enterprise.initials);
	await page.getByTestId('enterprise-row').filter({ hasText: enterprise.name }).click();
	await expect(page.getByTestId('enterprise-name-heading')).toHaveText(enterprise.name);
}
