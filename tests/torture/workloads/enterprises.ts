import type pg from 'pg';
import { CREDIT_CODE_CHARS, creditCodeCheckCharacter } from '../../../src/lib/domain/credit-code';
import { PROJECT_STAGES, STREETS } from '../../../src/lib/domain/enterprise';
import { addDays, hallDate } from '../../../src/lib/domain/hall-time';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { enterpriseProjects, enterprises } from '../../../src/lib/local/enterprises/tables';
import {
	addEnterpriseNote,
	importEnterprises,
	saveContact,
	saveEnterprise,
	saveProject
} from '../../../src/lib/local/enterprises/writes';
import { staffEntries } from '../../../src/lib/local/staff/queries';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Key enterprises under torture. Managers create enterprises (one by one, and now and then a small import in one
 * transaction), edit them (a new name, a plan, a position; archive and restore), and save key projects with
 * milestones stewarded by a colleague of the directory; everyone adds contacts (and removes some) and notes.
 * Credit codes are made valid and unique per run and device (division 120105, the run's tag and the device's index
 * in the organisation code), so no save meets another's code. No refusal is meant: every op is one its author may
 * make on an enterprise the server has.
 */

const NAMES = ['海河智造', '望海楼商贸', '金钟物流', '宁园医药', '中山路电子', '月牙河食品', '新开河建材'];
const KINDS = ['科技有限公司', '有限责任公司', '股份有限公司'];

/** A character of the code's alphabet for any letter or digit (the run's tag may hold I, O, Z, S or V). */
const codeChar = (char: string): string => CREDIT_CODE_CHARS.charAt(parseInt(char, 36) % 31);

export function enterprisesWorkload(): Workload {
	/**
	 * Enterprises and projects the run created: only these are changed (the demo data's are left alone: the run's
	 * checks count other changed rows). Contacts and notes, new rows, go to any enterprise.
	 */
	const ofTheRun = new Set<string>();
	/** Codes made per device, for the organisation code's running number. */
	const made = new Map<number, number>();

	/** A valid code no other save of the run uses: run tag (3), device (2), running number (4). */
	function freshCode(device: WorkloadDevice): string {
		const count = (made.get(device.index) ?? 0) + 1;
		made.set(device.index, count);
		const organisation = [...device.runTag.slice(0, 3)].map(codeChar).join('');
		const first17 = `91120105${organisation}${String(device.index % 100).padStart(2, '0')}${String(count).padStart(4, '0')}`;
		return `${first17}${creditCodeCheckCharacter(first17)}`;
	}

	const name = (device: WorkloadDevice) =>
		`${device.rng.pick(NAMES)}${device.rng.pick(KINDS)}${device.runTag}${device.index}`;

	async function create(device: WorkloadDevice): Promise<void> {
		const placed = device.rng.chance(0.6);
		const { id } = await saveEnterprise(device.db, {
			id: null,
			name: name(device),
			credit_code: freshCode(device),
			street_code: device.rng.pick(STREETS).code,
			address: device.rng.chance(0.7)
				? `河北区${device.rng.pick(['中山路', '金纬路', '狮子林大街'])}${device.rng.int(1, 300)}号`
				: null,
			latitude: placed ? 39.15 + device.rng.int(0, 200) / 10_000 : null,
			longitude: placed ? 117.2 + device.rng.int(0, 200) / 10_000 : null,
			industry: device.rng.chance(0.5) ? device.rng.pick(['制造业', '批发零售', '医药']) : null,
			visit_every_days: device.rng.pick([null, 14, 30, 90]),
			archived: false
		});
		ofTheRun.add(id);
	}

	async function importSome(device: WorkloadDevice): Promise<void> {
		const rows = Array.from({ length: device.rng.int(2, 5) }, () => ({
			name: name(device),
			credit_code: freshCode(device),
			street_code: device.rng.pick(STREETS).code,
			address: null,
			industry: '批发零售',
			visit_every_days: device.rng.pick([null, 30, 90])
		}));
		const { ids } = await importEnterprises(device.db, rows);
		for (const id of ids) ofTheRun.add(id);
	}

	/** An enterprise on this device (of the run, to change it), the newest few most of the time. */
	async function someEnterprise(device: WorkloadDevice, ofRunOnly = false) {
		const all = (await enterprises.of(device.db).toArray()).filter(
			(row) => !ofRunOnly || ofTheRun.has(row.id)
		);
		if (all.length === 0) return null;
		all.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
		return device.rng.pick(device.rng.chance(0.6) ? all.slice(0, 3) : all);
	}

	async function edit(device: WorkloadDevice): Promise<void> {
		const row = await someEnterprise(device, true);
		if (!row) return create(device);
		await saveEnterprise(device.db, {
			id: row.id,
			name: device.rng.chance(0.3) ? name(device) : row.name,
			credit_code: row.credit_code,
			street_code: row.street_code,
			address: row.address,
			latitude: row.latitude ?? 39.155,
			longitude: row.longitude ?? 117.205,
			industry: row.industry,
			visit_every_days: device.rng.pick([null, 7, 30, 365]),
			// Archived now and then, restored the next time more often than not.
			archived: row.archived_at === null ? device.rng.chance(0.15) : device.rng.chance(0.3)
		});
	}

	async function project(device: WorkloadDevice): Promise<void> {
		const row = await someEnterprise(device);
		if (!row) return create(device);
		// Before the staff directory arrives (a device offline or killed since it started) the manager names
		// themself: the device takes any steward then and the server knows them. Falling back to another kind of
		// change instead left a short run without a single project save (seed 2028460415).
		const staff = await staffEntries(device.db);
		const stewardId = staff.length > 0 ? device.rng.pick(staff).id : device.actor.staff_id;
		const existing = (
			await enterpriseProjects.of(device.db).where('enterprise_id').equals(row.id).toArray()
		).filter((candidate) => ofTheRun.has(candidate.id));
		const chosen = existing.length > 0 && device.rng.chance(0.6) ? device.rng.pick(existing) : null;
		const today = hallDate();
		const saved = await saveProject(device.db, {
			id: chosen?.id ?? null,
			enterprise_id: row.id,
			name: chosen?.name ?? `${device.rng.pick(['新厂房', '智能产线', '研发中心'])}项目`,
			stage: device.rng.pick(PROJECT_STAGES),
			steward_id: stewardId,
			milestones: [
				{
					key: 'permit',
					label: '取得施工许可',
					due_on: addDays(today, 30),
					done_on: device.rng.chance(0.5) ? today : null
				},
				{ key: 'finish', label: '竣工验收', due_on: addDays(today, 200), done_on: null }
			],
			archived: device.rng.chance(0.1)
		});
		ofTheRun.add(saved.id);
	}

	async function contact(device: WorkloadDevice): Promise<void> {
		const row = await someEnterprise(device);
		if (!row) return;
		await saveContact(device.db, {
			id: null,
			enterprise_id: row.id,
			name: device.rng.pick(['张经理', '李主任', '王会计']),
			role: device.rng.chance(0.5) ? '办公室主任' : null,
			phone: device.rng.chance(0.7) ? `139${device.rng.int(10_000_000, 99_999_999)}` : null,
			removed: device.rng.chance(0.1)
		});
	}

	async function note(device: WorkloadDevice): Promise<void> {
		const row = await someEnterprise(device);
		if (!row) return;
		await addEnterpriseNote(
			device.db,
			row.id,
			device.rng.pick(['企业计划扩产', '已更换法人', '需要政策解读'])
		);
	}

	/** Managers' first changes are one of each kind, so even a short run makes every op type. */
	const firstSteps = new Map<number, number>();

	return {
		workflow: 'enterprises',
		opTypes: ['enterprise.save', 'enterprise_contact.save', 'enterprise_project.save', 'enterprise.note'],
		async step(device) {
			if (device.isManager) {
				const done = firstSteps.get(device.index) ?? 0;
				firstSteps.set(device.index, done + 1);
				const first = [create, create, project, importSome, contact, note][done];
				if (first) return first(device);
				const roll = device.rng.int(0, 99);
				if (roll < 25) return create(device);
				if (roll < 30) return importSome(device);
				if (roll < 50) return edit(device);
				if (roll < 70) return project(device);
				if (roll < 85) return contact(device);
				return note(device);
			}
			return device.rng.chance(0.5) ? contact(device) : note(device);
		},
		meantRejection(_entry: RejectedEntry, _server: pg.Pool): Promise<string | null> {
			return Promise.resolve(null);
		}
	};
}
