import type pg from 'pg';
import { hallDate } from '../../../src/lib/domain/hall-time';
import { REJECTION_REASONS, type Mark, type PrecheckRow } from '../../../src/lib/domain/precheck';
import { applicableMaterials } from '../../../src/lib/domain/precheck-rules';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { deviceCode } from '../../../src/lib/local/prechecks/numbering';
import { loadPrecheck } from '../../../src/lib/local/prechecks/queries';
import { prechecks } from '../../../src/lib/local/prechecks/tables';
import { recheckPrecheck, recordPrecheck } from '../../../src/lib/local/prechecks/writes';
import { listCatalog } from '../../../src/lib/local/service-catalog/queries';
import { serviceRecords } from '../../../src/lib/local/service-records/tables';
import type { Rng } from '../prng';
import type { Workload, WorkloadDevice } from '../workload';
import type { CatalogLedger } from './service-catalog';

/**
 * Pre-checks under torture: first visits of the hall's items (the seed catalog and the run's), some started from
 * the device's own service records, most with a notice numbered on the device; return visits that close or keep
 * open points and now and then find a new gap. A device mostly rechecks its own notices; sometimes it takes a
 * colleague's, as an applicant returning to another window does, so two devices may check one notice at once.
 * Meant refusals: the later of two concurrent return visits of one notice (`conflict`: the notice was completed,
 * or its open points changed, meanwhile).
 */
export function prechecksWorkload(ledger: CatalogLedger): Workload {
	/** Pre-checks each device recorded. */
	const mine = new Map<number, string[]>();
	/** Which devices checked each notice again: more than one, and a refusal of the later was meant. */
	const recheckedBy = new Map<string, Set<number>>();

	async function record(device: WorkloadDevice): Promise<void> {
		const catalog = (await listCatalog(device.db)).filter(
			(entry) =>
				entry.item.withdrawn_at === null && entry.current.version > 0 && !ledger.withdrawn.has(entry.item.id)
		);
		if (catalog.length === 0) return;
		const { current } = device.rng.pick(catalog);
		const situation = current.situations.length > 0 ? device.rng.pick(current.situations).key : null;
		const answers = Object.fromEntries(current.questions.map((q) => [q.key, device.rng.chance(0.5)]));
		const applicable = applicableMaterials(current, situation, answers);
		const canNotice = (await deviceCode(device.db)) !== null;
		const marks = applicable.map((material) =>
			canNotice ? randomMark(device.rng, material.key) : present(material.key)
		);
		const saved = await recordPrecheck(device.db, {
			item_version_id: current.id,
			record_id: device.rng.chance(0.3) ? await ownRecord(device) : null,
			situation_key: situation,
			answers,
			language: device.rng.chance(0.2) ? 'zh_en' : 'zh',
			marks,
			applicant_name: device.rng.chance(0.5) ? device.rng.pick(['张三明', '李娜', 'John Smith']) : null,
			applicant_phone: device.rng.chance(0.5) ? `138${device.rng.int(10_000_000, 99_999_999)}` : null
		});
		mine.set(device.index, [...(mine.get(device.index) ?? []), saved.id]);
	}

	/** One of the device's own live service records of today (only it deletes those), or null. */
	async function ownRecord(device: WorkloadDevice): Promise<string | null> {
		const today = hallDate();
		const prefix = `P${device.runTag}${device.index}-`;
		const records = await serviceRecords
			.of(device.db)
			.where('[ticket_date+ticket_no]')
			.between([today, prefix], [today, `${prefix}\uffff`])
			.filter((row) => row.deleted_at === null)
			.toArray();
		return records.length > 0 ? device.rng.pick(records).id : null;
	}

	async function recheck(device: WorkloadDevice): Promise<void> {
		// Chosen from the stored rows, then only that one read whole: a step stays as cheap as a person's tap.
		let open: PrecheckRow[];
		if (device.rng.chance(0.15)) {
			// A colleague's notice the server already has: the applicant came back to another window.
			open = await prechecks
				.of(device.db)
				.filter((row) => row.status === 'open' && row.version > 0)
				.limit(50)
				.toArray();
		} else {
			const rows = await prechecks.of(device.db).bulkGet((mine.get(device.index) ?? []).slice(-30));
			open = rows.filter((row): row is PrecheckRow => row?.status === 'open');
		}
		if (open.length === 0) return record(device);
		const detail = await loadPrecheck(device.db, device.rng.pick(open).id);
		if (detail?.precheck.status !== 'open') return;
		const { version, precheck, openPoints } = detail;
		const marks: Mark[] = openPoints.map((point) =>
			device.rng.chance(0.6) ? present(point.material_key) : randomGap(device.rng, point.material_key)
		);
		const newGaps: string[] = [];
		if (device.rng.chance(0.15)) {
			const openKeys = new Set(openPoints.map((point) => point.material_key));
			const others = applicableMaterials(version, precheck.situation_key, precheck.answers).filter(
				(material) => material.requirement !== 'optional' && !openKeys.has(material.key)
			);
			if (others.length > 0) {
				const key = device.rng.pick(others).key;
				marks.push(randomGap(device.rng, key));
				newGaps.push(key);
			}
		}
		const by = recheckedBy.get(precheck.id) ?? new Set<number>();
		by.add(device.index);
		recheckedBy.set(precheck.id, by);
		await recheckPrecheck(device.db, {
			precheck_id: precheck.id,
			marks,
			new_gap_keys: newGaps,
			broken_promise_reason: newGaps.length > 0 ? '首次预审时申请人未说明由代理人办理' : null
		});
	}

	return {
		workflow: 'prechecks',
		opTypes: ['precheck.record', 'precheck.recheck'],
		async step(device) {
			await (device.rng.chance(0.6) ? record(device) : recheck(device));
		},
		meantRejection(entry: RejectedEntry, _server: pg.Pool): Promise<string | null> {
			const payload = entry.payload as { precheck_id?: string };
			const checkers = payload.precheck_id ? recheckedBy.get(payload.precheck_id) : undefined;
			if (entry.type === 'precheck.recheck' && entry.code === 'conflict' && (checkers?.size ?? 0) > 1) {
				return Promise.resolve('a return visit of a notice another device checked again at the same time');
			}
			return Promise.resolve(null);
		}
	};
}

const present = (material_key: string): Mark => ({
	material_key,
	status: 'present',
	reason: null,
	reason_text: null
});

function randomGap(rng: Rng, material_key: string): Mark {
	if (rng.chance(0.6)) return { material_key, status: 'missing', reason: null, reason_text: null };
	const reason = rng.pick(REJECTION_REASONS);
	return {
		material_key,
		status: 'unacceptable',
		reason,
		reason_text: reason === 'other' || rng.chance(0.2) ? '复印件缺页' : null
	};
}

function randomMark(rng: Rng, material_key: string): Mark {
	return rng.chance(0.7) ? present(material_key) : randomGap(rng, material_key);
}
