/**
 * The colours of the series a radar overlays (raters, deals), screen and PDF
 * alike: Okabe–Ito, distinct for the common colour-blindnesses. Each medium
 * adds its own dashes so the series stay apart in greyscale too.
 */
export const SERIES_COLOURS = [
  { hex: '#0072B2', rgb: '0, 114, 178' },
  { hex: '#D55E00', rgb: '213, 94, 0' },
  { hex: '#009E73', rgb: '0, 158, 115' },
  { hex: '#CC79A7', rgb: '204, 121, 167' },
  { hex: '#000000', rgb: '0, 0, 0' },
] as const;
