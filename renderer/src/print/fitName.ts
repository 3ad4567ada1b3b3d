/**
 * How a name is set on a badge: as large as fits on one line, down to a floor; then on two
 * lines, down to a smaller floor; then on two lines with an ellipsis. The name's box never grows
 * past its share of the badge (badges.css), so the organization, role, QR code and ticket code
 * always keep their places; this only chooses the size that shows the most of the name.
 */
export const NAME_FIT = { maxPt: 26, oneLineMinPt: 17, twoLineMinPt: 12, stepPt: 0.5 } as const;

export interface NameFit {
  pt: number;
  lines: 1 | 2;
  /** Even two lines at the smallest size hold too little: the end is cut with an ellipsis. */
  clamped: boolean;
}

/** The largest size in [min, max] (on the step grid) for which `fits` holds, or null; `fits` must hold for every size below one that fits. */
function largestFitting(min: number, max: number, fits: (pt: number) => boolean): number | null {
  const steps = Math.round((max - min) / NAME_FIT.stepPt);
  if (!fits(min)) return null;
  let lo = 0; // fits
  let hi = steps + 1; // first that does not (or past the end)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(min + mid * NAME_FIT.stepPt)) lo = mid;
    else hi = mid;
  }
  return min + lo * NAME_FIT.stepPt;
}

export function fitName(fits: (pt: number, lines: 1 | 2) => boolean): NameFit {
  const one = largestFitting(NAME_FIT.oneLineMinPt, NAME_FIT.maxPt, (pt) => fits(pt, 1));
  if (one !== null) return { pt: one, lines: 1, clamped: false };
  const two = largestFitting(NAME_FIT.twoLineMinPt, NAME_FIT.oneLineMinPt, (pt) => fits(pt, 2));
  if (two !== null) return { pt: two, lines: 2, clamped: false };
  return { pt: NAME_FIT.twoLineMinPt, lines: 2, clamped: true };
}
