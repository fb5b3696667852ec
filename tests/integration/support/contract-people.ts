/** Users created by tests/integration/contract/fixtures.sql (one per test topic, so sessions never interfere). */
export const contractPassword = 'contract-password';

export const contractPeople = {
	alice: { id: 'c0000000-0000-4000-8000-000000000001', email: 'alice@contract.test' },
	bob: { id: 'c0000000-0000-4000-8000-000000000002', email: 'bob@contract.test' },
	carol: { id: 'c0000000-0000-4000-8000-000000000003', email: 'carol@contract.test' },
	dave: { id: 'c0000000-0000-4000-8000-000000000004', email: 'dave@contract.test' }
} as const;
