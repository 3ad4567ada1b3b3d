/**
 * A short tone per result at the door, so a volunteer looking at the person in front of them
 * hears whether the scan went through: rising for checked in, a double beep for already in, low
 * for unknown. Web Audio, no files; switched in Settings, remembered on this device.
 */
export type DoorTone = 'in' | 'already' | 'unknown';

const KEY = 'rapport.doorSound';

export function doorSoundOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return false;
  }
}

export function setDoorSound(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Private windows may refuse storage: the switch then lasts for this page only.
  }
}

const NOTES: Record<DoorTone, { hz: number; at: number; for: number }[]> = {
  in: [
    { hz: 660, at: 0, for: 0.09 },
    { hz: 990, at: 0.09, for: 0.12 },
  ],
  already: [
    { hz: 520, at: 0, for: 0.08 },
    { hz: 520, at: 0.14, for: 0.08 },
  ],
  unknown: [{ hz: 220, at: 0, for: 0.3 }],
};

let context: AudioContext | null = null;

export function playDoorTone(tone: DoorTone): void {
  if (!doorSoundOn()) return;
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const note of NOTES[tone]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = note.hz;
      gain.gain.setValueAtTime(0.15, start + note.at);
      gain.gain.exponentialRampToValueAtTime(0.001, start + note.at + note.for);
      osc.connect(gain).connect(context.destination);
      osc.start(start + note.at);
      osc.stop(start + note.at + note.for);
    }
  } catch {
    // No audio device: the screen still shows the result.
  }
}
