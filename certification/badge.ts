import type { Conformance } from '../reports/model.ts';
import type { ConformanceLevel } from '../reports/level.ts';

export interface BadgeInput {
  readonly suiteVersion: string;
  readonly profile: string;
  readonly verdict: Conformance;
  readonly level: ConformanceLevel;
}

const COLOURS: Readonly<Record<Conformance, string>> = {
  conformant: '#2e7d32',
  'conformant-with-deviations': '#9e7c00',
  'not-conformant': '#c62828',
  inconclusive: '#9e7c00',
  untested: '#616161',
};

/** Average advance of an 11 px sans-serif character: a badge's width is estimated, never measured. */
const CHAR_PX = 6.6;
const PAD = 8;

/**
 * badge.svg: "ec2-idem 0.1.0 · seed | conformant · MUST+SHOULD". Self-contained (no fonts, links or
 * scripts), so it shows the same wherever it is embedded; its text also says everything its colour does.
 */
export function badgeSvg(input: BadgeInput): string {
  const left = `ec2-idem ${input.suiteVersion} · ${input.profile}`;
  const right = input.level === 'none' ? input.verdict : `${input.verdict} · ${input.level}`;
  const leftWidth = Math.round(left.length * CHAR_PX + 2 * PAD);
  const rightWidth = Math.round(right.length * CHAR_PX + 2 * PAD);
  const width = leftWidth + rightWidth;
  const label = `${left}: ${right}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${xml(label)}">`,
    `<title>${xml(label)}</title>`,
    `<rect width="${leftWidth}" height="20" fill="#555"/>`,
    `<rect x="${leftWidth}" width="${rightWidth}" height="20" fill="${COLOURS[input.verdict]}"/>`,
    '<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">',
    `<text x="${leftWidth / 2}" y="14">${xml(left)}</text>`,
    `<text x="${leftWidth + rightWidth / 2}" y="14">${xml(right)}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
