import { encode } from 'uqr';

/**
 * The QR code of `text` as one SVG path (a unit square per dark module) and its size in modules, quiet zone
 * included. Drawn on the device from the library's matrix: no network, no image URL, no markup from a string.
 * ECC level M: a notice is folded, photographed and printed on thermal paper that fades.
 */
export function qrPath(text: string): { size: number; d: string } {
	const { size, data } = encode(text, { ecc: 'M', border: 2 });
	const parts: string[] = [];
	data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
		});
	});
	return { size, d: parts.join('') };
}
