import type pg from 'pg';
import {
	SERVICE_SCOPES,
	type Material,
	type ServiceItemDraft
} from '../../../src/lib/domain/service-catalog';
import { searchKeysFor } from '../../../src/lib/features/service-catalog/search-keys';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { listCatalog } from '../../../src/lib/local/service-catalog/queries';
import { publishServiceItem, withdrawServiceItem } from '../../../src/lib/local/service-catalog/writes';
import type { Rng } from '../prng';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * The service catalog under torture. Managers create items of their own (codes T<run><device>-<n>, so two
 * managers never race for one code), publish new versions of their run's items and withdraw or bring them back;
 * the seed catalog is left as it is, for the pre-checks. Meant refusals: a staff member who is not a manager
 * publishing (`forbidden`), as a person whose post was changed while their tablet was offline would.
 */

/** Few items per manager device: versions, not items, are what the run is after. */
const ITEMS_PER_DEVICE = 3;

/** What the catalog and pre-check workloads share: items a manager withdrew during the run. */
export interface CatalogLedger {
	withdrawn: Set<string>;
}

export function serviceCatalogWorkload(ledger: CatalogLedger): Workload {
	const created = new Map<number, number>();
	/** `${user_id}/${version id}`: publishes made by someone who is not a manager, meant to be refused. */
	const forbidden = new Set<string>();
	const prefix = (device: WorkloadDevice) => `T${device.runTag}${device.index}-`;

	async function ownItems(device: WorkloadDevice) {
		return (await listCatalog(device.db)).filter((entry) => entry.item.code.startsWith(prefix(device)));
	}

	async function publish(device: WorkloadDevice, draft: ServiceItemDraft, itemId?: string) {
		return publishServiceItem(
			device.db,
			{ ...draft, search_keys: searchKeysFor({ name_zh: draft.name_zh, aliases: draft.aliases }) },
			itemId
		);
	}

	async function publishNew(device: WorkloadDevice): Promise<void> {
		const n = (created.get(device.index) ?? 0) + 1;
		if (n > ITEMS_PER_DEVICE) return publishVersion(device);
		created.set(device.index, n);
		await publish(device, randomDraft(device.rng, `${prefix(device)}${n}`));
	}

	async function publishVersion(device: WorkloadDevice): Promise<void> {
		const own = await ownItems(device);
		if (own.length === 0) return publishNew(device);
		const entry = device.rng.pick(own);
		await publish(device, randomDraft(device.rng, entry.item.code), entry.item.id);
	}

	async function withdraw(device: WorkloadDevice): Promise<void> {
		const live = (await ownItems(device)).filter((entry) => entry.item.withdrawn_at === null);
		// Nothing of its own to withdraw yet: publish one, so the next try has one (every op type must be made).
		if (live.length === 0) return publishNew(device);
		const entry = device.rng.pick(live);
		ledger.withdrawn.add(entry.item.id);
		await withdrawServiceItem(device.db, entry.item.id);
	}

	/** Someone who is not a manager tries: the server refuses, the person gives it up. */
	async function publishForbidden(device: WorkloadDevice): Promise<void> {
		const { versionId } = await publish(
			device,
			randomDraft(device.rng, `X${device.runTag}${device.index}-${device.rng.int(1, 1_000_000)}`)
		);
		forbidden.add(`${device.actor.user_id}/${versionId}`);
	}

	return {
		workflow: 'service_catalog',
		opTypes: ['service_item.publish', 'service_item.withdraw'],
		async step(device) {
			if (!device.isManager) {
				if (device.rng.chance(0.05)) await publishForbidden(device);
				return;
			}
			// Until the run has withdrawn an item, often try: with more workflows sharing the steps, a short run on a
			// busy machine gives managers few catalog steps, and every op type must be made.
			const action =
				ledger.withdrawn.size === 0 && device.rng.chance(0.5)
					? 'withdraw'
					: device.rng.weighted({ publishNew: 3, publishVersion: 5, withdraw: 2 });
			await { publishNew, publishVersion, withdraw }[action](device);
		},
		meantRejection(entry: RejectedEntry, _server: pg.Pool): Promise<string | null> {
			const payload = entry.payload as { id?: string };
			if (
				entry.type === 'service_item.publish' &&
				entry.code === 'forbidden' &&
				forbidden.has(`${entry.actor.user_id}/${payload.id}`)
			) {
				return Promise.resolve('a publish by a staff member who is not a manager');
			}
			return Promise.resolve(null);
		}
	};
}

/** A valid item of a few materials, each kind among them, with run-unique wording. */
export function randomDraft(rng: Rng, code: string): ServiceItemDraft {
	const promised = rng.int(1, 10);
	const withSituations = rng.chance(0.6);
	const withQuestion = rng.chance(0.6);
	const materials: Material[] = [];
	const count = rng.int(2, 6);
	for (let i = 0; i < count; i++) {
		const requirement =
			i === 0 ? 'required' : rng.weighted({ required: 5, optional: 2, conditional: withQuestion ? 2 : 0 });
		materials.push({
			key: `m${i}`,
			name_zh: `材料${i}（${rng.pick(['申请书', '身份证明', '营业执照', '授权委托书', '章程'])}）`,
			name_en: `Material ${i}`,
			requirement,
			condition: requirement === 'conditional' ? { question: 'agent', answer: rng.chance(0.7) } : null,
			situations: withSituations && i > 0 && rng.chance(0.3) ? [rng.pick(['new', 'change'])] : [],
			form: rng.pick(['original', 'copy', 'original_and_copy'] as const),
			copies: rng.int(1, 3),
			obtain: {
				office_zh: rng.chance(0.5) ? '区市场监管局' : '',
				office_en: '',
				url: null,
				template_url: null,
				note_zh: '',
				note_en: ''
			},
			rejection_reasons: rng.chance(0.3) ? ['印章不清晰'] : []
		});
	}
	return {
		code,
		name_zh: `${rng.pick(['公司设立登记', '重点项目备案', '银行开户核准', '行政许可延长'])}${code}`,
		name_en: `Item ${code}`,
		scope: rng.pick(SERVICE_SCOPES),
		legal_days: promised + rng.int(0, 20),
		promised_days: promised,
		where_to_apply: '综合窗口',
		online_url: rng.chance(0.3) ? 'https://zwfw.example.cn/item' : null,
		fee: rng.chance(0.8) ? '免费' : `${rng.int(1, 200)}元`,
		aliases: rng.chance(0.5) ? ['营业执照'] : [],
		situations: withSituations
			? [
					{ key: 'new', name_zh: '新办', name_en: 'New' },
					{ key: 'change', name_zh: '变更', name_en: 'Change' }
				]
			: [],
		questions: withQuestion ? [{ key: 'agent', text_zh: '由代理人办理？', text_en: 'By an agent?' }] : [],
		materials
	};
}
