/**
 * The shape of what the tests call through supabase-js, so calls and results are typed (no `any`). Covers the
 * contract fixtures (contract/fixtures.sql), the app's `me()`, the notice's RPCs, the report and the calendar; `staff` and the `app` schema exist only to
 * check that the gateway refuses what it does not serve.
 */
type Row = Record<string, unknown>;

export interface TestDatabase {
	public: {
		Tables: {
			staff: { Row: Row; Insert: Row; Update: Row; Relationships: [] };
		};
		Views: Record<never, never>;
		Functions: {
			me: { Args: Record<string, never>; Returns: Row };
			notice_view: { Args: { p_token: string }; Returns: Row };
			claim_device_code: { Args: { p_device_id: string }; Returns: string };
			hall_report: { Args: { hall_ids: string[]; from_day: string; to_day: string }; Returns: Row };
			calendar_days: { Args: { from_day: string; to_day: string }; Returns: Row[] };
			set_calendar_day: { Args: { day: string; open: boolean | null; note?: string | null }; Returns: Row };
			contract_add: { Args: { a: number | string; b: number }; Returns: number };
			contract_greeting: { Args: { name: string; punctuation?: string }; Returns: string };
			contract_point_of: { Args: { x: number; y: number }; Returns: { x: number; y: number; label: string } };
			contract_series: { Args: { n: number }; Returns: { pos: number; square: number }[] };
			contract_ids: { Args: { ids: string[] }; Returns: string[] };
			contract_nothing: { Args: { note?: string }; Returns: undefined };
			contract_echo_json: { Args: Row; Returns: Row };
			contract_whoami: { Args: Record<string, never>; Returns: Row };
			contract_session_user: { Args: Record<string, never>; Returns: string };
			contract_timeouts: { Args: Record<string, never>; Returns: Row };
			contract_sleep: { Args: { seconds: number }; Returns: undefined };
			contract_fail: { Args: { reason: string }; Returns: undefined };
			contract_payment_required: { Args: Record<string, never>; Returns: undefined };
			contract_secret: { Args: Record<string, never>; Returns: string };
			contract_claim_key: { Args: { key: string }; Returns: undefined };
			contract_bump: { Args: Record<string, never>; Returns: number };
			contract_square: { Args: { n: number }; Returns: number };
			contract_missing: { Args: { a: number; b: number }; Returns: number };
		};
		Enums: Record<never, never>;
		CompositeTypes: Record<never, never>;
	};
	app: {
		Tables: Record<never, never>;
		Views: Record<never, never>;
		Functions: { contract_add: { Args: { a: number; b: number }; Returns: number } };
		Enums: Record<never, never>;
		CompositeTypes: Record<never, never>;
	};
}
