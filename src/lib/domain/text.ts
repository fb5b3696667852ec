import * as z from 'zod/mini';

/**
 * Text as people and scanners produce it, within a length: no control characters but tab and line breaks (the
 * server refuses them), and whole characters only (a lone UTF-16 surrogate makes the server refuse the entire
 * push, not just the one op). Every workflow's free text uses these, so the rule reads the same everywhere.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const isPlainText = (value: string): boolean =>
	value.isWellFormed() && !CONTROL_CHARACTERS.test(value);
export const plainText = (max: number) => z.string().check(z.maxLength(max), z.refine(isPlainText));

/**
 * Visible text: a character other than space, tab and line breaks (the server's rule, restated in SQL by each area's migration as
 * `~ '[^ \t\r\n]'`, the same in any database locale; other control characters are refused anyway).
 */
export const hasVisibleText = (text: string | null): boolean => text !== null && /[^ \t\r\n]/.test(text);

/** Plain text that says something: what a required name or reason must be. */
export const visibleText = (max: number) => plainText(max).check(z.refine(hasVisibleText));
