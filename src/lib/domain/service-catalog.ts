import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { deviceTimestamp } from './sync-protocol';
import { plainText, visibleText } from './text';

/**
 * The catalog of service items (事项) a hall handles, with the materials each needs. An item (`service_items`) is
 * an identity: its code, its hall, whether it is withdrawn. What it says lives in immutable versions
 * (`service_item_versions`): every edit publishes a whole new version, so a pre-check and its notice name the
 * version they were made with and read the same after the item changes or is withdrawn. These schemas are the
 * client's one definition; the server's is supabase/migrations/*_service_catalog.sql, and the schema agreement
 * test keeps the two in step. docs/PRECHECK.md describes the shape and the import format.
 */

export const SERVICE_SCOPES = [
	'administrative_approval', // 行政审批
	'investment_project', // 投资(工程建设)项目
	'cross_province', // 跨省通办
	'one_thing', // 高效办成一件事
	'credit_repair', // 信用修复
	'unified_certificate', // 统一出证
	'enterprise_setup' // 企业开办
] as const;
export const serviceScope = z.enum(SERVICE_SCOPES);
export type ServiceScope = z.infer<typeof serviceScope>;

/** Required always; optional (a gap is not a gap); conditional: required when its question gets its answer. */
export const MATERIAL_REQUIREMENTS = ['required', 'optional', 'conditional'] as const;
export const materialRequirement = z.enum(MATERIAL_REQUIREMENTS);
export type MaterialRequirement = z.infer<typeof materialRequirement>;

export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy'] as const; // 原件 复印件 原件及复印件
export const materialForm = z.enum(MATERIAL_FORMS);
export type MaterialForm = z.infer<typeof materialForm>;

export const CATALOG_LIMITS = {
	code: 64,
	name: 100,
	aliases: 20,
	alias: 30,
	searchKeys: 4000,
	whereToApply: 200,
	fee: 100,
	url: 500,
	situations: 10,
	questions: 10,
	materials: 40,
	materialName: 100,
	office: 100,
	obtainNote: 300,
	rejectionReasons: 10,
	rejectionReason: 60,
	copies: 20,
	/** Working days; the longest statutory limits are counted in months of working days. */
	days: 365
} as const;

/**
 * 事项编码 as halls print them: letters, digits, - and _, upper-case. Written to mean the same as a JavaScript and
 * a PostgreSQL regular expression (the server checks the same text, app.service_catalog_rules()).
 */
export const ITEM_CODE_PATTERN = `^[0-9A-Z][0-9A-Z_-]{0,${CATALOG_LIMITS.code - 1}}$`;
/** Keys of situations, questions and materials: stable across an item's versions, so answers can be compared. */
export const CATALOG_KEY_PATTERN = '^[a-z0-9][a-z0-9_-]{0,31}$';
export const URL_PATTERN = '^https?://[^\\s<>"]+$';
const WEB_LINK = new RegExp(URL_PATTERN);

/**
 * Whether a catalog link may be made a link: a web address by the schema's rule. Text from an import, an older app
 * or a server that says `javascript:`, `data:` or anything else is never a link, on a screen or a notice.
 */
export const isWebLink = (url: string | null): url is string => url !== null && WEB_LINK.test(url);

/** What the server's app.service_catalog_rules() must answer; the schema agreement test compares the two. */
export const SERVICE_CATALOG_RULES = {
	...CATALOG_LIMITS,
	codePattern: ITEM_CODE_PATTERN,
	keyPattern: CATALOG_KEY_PATTERN,
	urlPattern: URL_PATTERN
};

const uuid = z.uuid();
const catalogKey = z.string().check(z.regex(new RegExp(CATALOG_KEY_PATTERN)));
const url = z.string().check(z.maxLength(CATALOG_LIMITS.url), z.regex(WEB_LINK));
const days = z.nullable(z.int().check(z.minimum(0), z.maximum(CATALOG_LIMITS.days)));
export const itemCode = z.string().check(z.regex(new RegExp(ITEM_CODE_PATTERN)));

/** 办理情形: a way the item is done (e.g. 新办 / 变更); a material may apply to some situations only. */
export const situation = lazySchema(() =>
	z.strictObject({
		key: catalogKey,
		name_zh: visibleText(CATALOG_LIMITS.name),
		name_en: plainText(CATALOG_LIMITS.name)
	})
);
export type Situation = z.infer<typeof situation>;

/** A yes/no question whose answer makes conditional materials apply (e.g. 由代理人办理？). */
export const question = lazySchema(() =>
	z.strictObject({
		key: catalogKey,
		text_zh: visibleText(CATALOG_LIMITS.name),
		text_en: plainText(CATALOG_LIMITS.name)
	})
);
export type Question = z.infer<typeof question>;

/** How an applicant obtains a material: who issues it, where online, a template to fill in. */
export const obtainInfo = lazySchema(() =>
	z.strictObject({
		office_zh: plainText(CATALOG_LIMITS.office),
		office_en: plainText(CATALOG_LIMITS.office),
		url: z.nullable(url),
		template_url: z.nullable(url),
		note_zh: plainText(CATALOG_LIMITS.obtainNote),
		note_en: plainText(CATALOG_LIMITS.obtainNote)
	})
);
export type ObtainInfo = z.infer<typeof obtainInfo>;

export const material = lazySchema(() =>
	z
		.strictObject({
			key: catalogKey,
			name_zh: visibleText(CATALOG_LIMITS.materialName),
			name_en: plainText(CATALOG_LIMITS.materialName),
			requirement: materialRequirement,
			/** For a conditional material: the question and the answer that make it required. */
			condition: z.nullable(z.strictObject({ question: catalogKey, answer: z.boolean() })),
			/** The situations it applies to; empty: all of them. */
			situations: z.array(catalogKey).check(z.maxLength(CATALOG_LIMITS.situations)),
			form: materialForm,
			copies: z.int().check(z.minimum(1), z.maximum(CATALOG_LIMITS.copies)),
			obtain: obtainInfo,
			/** The usual reasons this material is not acceptable, beyond the common ones (REJECTION_REASONS). */
			rejection_reasons: z
				.array(visibleText(CATALOG_LIMITS.rejectionReason))
				.check(z.maxLength(CATALOG_LIMITS.rejectionReasons))
		})
		.check(
			z.refine((m) => (m.requirement === 'conditional') === (m.condition !== null), { path: ['condition'] })
		)
);
export type Material = z.infer<typeof material>;

const uniqueKeys = (list: readonly { key: string }[]): boolean =>
	new Set(list.map((entry) => entry.key)).size === list.length;

/**
 * What a version says: everything a manager edits. Shared by the row and the publish op, and built with them on
 * first use (lazySchema), not when the module is evaluated.
 */
const versionContent = () => ({
	name_zh: visibleText(CATALOG_LIMITS.name),
	name_en: plainText(CATALOG_LIMITS.name),
	scope: serviceScope,
	legal_days: days,
	promised_days: days,
	where_to_apply: plainText(CATALOG_LIMITS.whereToApply),
	online_url: z.nullable(url),
	fee: plainText(CATALOG_LIMITS.fee),
	aliases: z.array(visibleText(CATALOG_LIMITS.alias)).check(z.maxLength(CATALOG_LIMITS.aliases)),
	/**
	 * Pinyin of the name and aliases (full and initials, polyphones read in context), computed by the publishing
	 * device (src/lib/features/service-catalog/search-keys.ts) so that searching needs no pinyin library.
	 */
	search_keys: plainText(CATALOG_LIMITS.searchKeys),
	situations: z.array(situation).check(z.maxLength(CATALOG_LIMITS.situations)),
	questions: z.array(question).check(z.maxLength(CATALOG_LIMITS.questions)),
	materials: z.array(material).check(z.minLength(1), z.maxLength(CATALOG_LIMITS.materials))
});

/** The rules across a version's fields, the same on the row, the op, and the server (named by field to fix). */
type VersionContent = z.infer<z.ZodMiniObject<ReturnType<typeof versionContent>>>;
const versionChecks = () => [
	z.refine<VersionContent>(
		(v) => v.legal_days === null || v.promised_days === null || v.promised_days <= v.legal_days,
		{ path: ['promised_days'] }
	),
	z.refine<VersionContent>((v) => uniqueKeys(v.situations), { path: ['situations'] }),
	z.refine<VersionContent>((v) => uniqueKeys(v.questions), { path: ['questions'] }),
	z.refine<VersionContent>((v) => uniqueKeys(v.materials), { path: ['materials'] }),
	// A condition names a question of this version; a material's situations are situations of this version.
	z.refine<VersionContent>(
		(v) =>
			v.materials.every(
				(m) => m.condition === null || v.questions.some((q) => q.key === m.condition?.question)
			),
		{ path: ['materials'] }
	),
	z.refine<VersionContent>(
		(v) => v.materials.every((m) => m.situations.every((key) => v.situations.some((s) => s.key === key))),
		{ path: ['materials'] }
	)
];

/** An item as the server sends it: its identity and whether it is withdrawn. */
export const serviceItemRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		code: itemCode,
		/** The newest version's id: what a new pre-check uses. */
		current_version_id: uuid,
		withdrawn_at: z.nullable(deviceTimestamp),
		is_demo: z.boolean(),
		version: z.number()
	})
);
export type ServiceItemRow = z.infer<typeof serviceItemRow>;

/** One published version of an item; never changed once stored. */
export const serviceItemVersionRow = lazySchema(() =>
	z
		.object({
			id: uuid,
			item_id: uuid,
			hall_id: uuid,
			/** 1, 2, 3…: the server numbers versions in the order it receives them. */
			revision: z.int().check(z.minimum(1)),
			...versionContent(),
			published_by: uuid,
			published_by_name: z.string(),
			published_at: deviceTimestamp,
			version: z.number()
		})
		.check(...versionChecks())
);
export type ServiceItemVersionRow = z.infer<typeof serviceItemVersionRow>;

// ─── Ops (managers only; the server refuses anyone else) ─────────────────────────────────────────────────────

/**
 * Publishes a new version of an item (`id` is the version's id). A new `item_id` creates the item with `code`;
 * for an existing item `code` must be its code. Publishing a withdrawn item's version brings it back.
 */
export const publishServiceItem = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			item_id: uuid,
			code: itemCode,
			...versionContent(),
			published_at: deviceTimestamp
		})
		.check(...versionChecks())
);
export type PublishServiceItem = z.infer<typeof publishServiceItem>;

/** Withdraws an item (`id` is the item's): no new pre-checks; old ones still read their version. */
export const withdrawServiceItem = lazySchema(() =>
	z.strictObject({ id: uuid, withdrawn_at: deviceTimestamp })
);
export type WithdrawServiceItem = z.infer<typeof withdrawServiceItem>;

/** What a manager edits: a version's content (the device adds ids, the search keys and the time). */
export type ServiceItemDraft = Omit<PublishServiceItem, 'id' | 'item_id' | 'search_keys' | 'published_at'>;
