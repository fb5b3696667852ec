/**
 * A short beep and buzz when a ticket is read, so a roving worker knows without looking at the screen.
 * Both are best effort: no audio device, a muted phone or a browser without vibrate must never fail a scan.
 */
let audio: AudioContext | undefined;

export function signalScanSuccess(): void {
	beep();
	navigator.vibrate?.(80);
}

function beep(): void {
	try {
		audio ??= new AudioContext();
		const oscillator = audio.createOscillator();
		const gain = audio.createGain();
		oscillator.frequency.value = 1175;
		gain.gain.value = 0.15;
		oscillator.connect(gain).connect(audio.destination);
		oscillator.start();
		oscillator.stop(audio.currentTime + 0.12);
	} catch {
		// No sound is no reason to lose the scan.
	}
}
