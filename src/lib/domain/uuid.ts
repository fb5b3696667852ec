/**
 * UUIDv7 (RFC 9562) made on the device: 48 bits of Unix milliseconds, then random bits. Time-ordered ids keep
 * new rows at the end of the server's B-tree indexes, and a device needs no server round trip to name a record
 * it creates offline (DECISIONS §2.1).
 */
export function uuidv7(now: number = Date.now()): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	let millis = now;
	for (let index = 5; index >= 0; index--) {
		bytes[index] = millis % 256;
		millis = Math.floor(millis / 256);
	}
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10
	const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
