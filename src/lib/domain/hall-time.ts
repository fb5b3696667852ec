/**
 * Dates and times as the hall reads them: Asia/Shanghai whatever the device's zone (a tablet set to UTC must
 * still file a 07:30 ticket under today), 24-hour clock.
 */
const HALL_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: HALL_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
const clockFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: HALL_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The hall's calendar day of `moment`, e.g. 2026-11-25. */
export function hallDate(moment: Date = new Date()): string {
	return dayFormat.format(moment);
}

/** 14:03 for a time today, 2026-11-24 14:03 for any other day, so old entries never pass for today's. */
export function hallTime(iso: string, today: string = hallDate()): string {
	const moment = new Date(iso);
	if (Number.isNaN(moment.getTime())) return '';
	const clock = clockFormat.format(moment);
	const day = hallDate(moment);
	return day === today ? clock : `${day} ${clock}`;
}
