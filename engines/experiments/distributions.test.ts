import { describe, expect, it } from "vitest";
import {
  computeChiSquareSurvival,
  computeNormalCdf,
  computeNormalPdf,
  computeNormalQuantile,
  computeTCdf,
  computeTQuantile,
} from "./distributions";

// Values from scipy 1.17 (scipy.stats.t.cdf/ppf, norm.cdf/pdf/ppf, chi2.sf).
const scipy = {
  tCdf: [
    [-40, 3.5, 4.383220554686509e-6],
    [-8.2, 12.3, 1.23743728067069e-6],
    [-2.1, 5, 0.044876624942299395],
    [0.3, 1.5, 0.5997639015982075],
    [1.96, 6866.2, 0.974981911425766],
    [-6, 1000000.0, 9.86924906177215e-10],
    [-3, 1000000000.0, 0.0013498980648689565],
    [2.5, 2.0001, 0.935197235856767],
    [-1.2, 0.7, 0.2500376869223928],
    [-12, 30, 2.7900927075996303e-13],
    [0, 7, 0.5],
  ],
  tQuantile: [
    [0.975, 6866.2, 1.9603095442901253],
    [0.95, 3.3, 2.2686545667554645],
    [0.999999, 12.5, 8.280937397199231],
    [0.6, 1.2, 0.3128326213239681],
    [0.975, 10000000.0, 1.959964221767205],
    [0.975, 2.5, 3.5746548420036817],
    [1e-9, 40, -7.7040120820266695],
    [0.995, 1.0, 63.656741162871526],
    [0.9, 250.5, 1.2849402597357715],
  ],
  normalCdf: [
    [-30, 4.906713927147908e-198],
    [-10, 7.61985302416047e-24],
    [-3, 0.0013498980316300933],
    [-1.2, 0.11506967022170822],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1.959963984540054, 0.975],
    [4, 0.9999683287581669],
    [8, 0.9999999999999993],
  ],
  normalPdf: [
    [-30, 1.4736461348785476e-196],
    [-10, 7.69459862670642e-23],
    [-3, 0.0044318484119380075],
    [-1.2, 0.19418605498321298],
    [0, 0.3989422804014327],
    [0.5, 0.35206532676429947],
    [1.959963984540054, 0.05844506980503538],
    [4, 0.00013383022576488537],
    [8, 5.052271083536893e-15],
  ],
  normalQuantile: [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798409],
    [1e-12, -7.034483825301131],
    [0.0005, -3.2905267314918945],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.5, 0.0],
    [0.975, 1.959963984540054],
    [0.9999999, 5.199337582290661],
  ],
  chiSquareSurvival: [
    [0.5, 1, 0.47950012218695337],
    [18.18, 2, 0.00011278806852302907],
    [80, 1, 3.744097384202887e-19],
    [300, 4, 1.083439491947837e-63],
    [1000, 9, 1.7240681189224405e-209],
    [3.84, 1, 0.05004352124870519],
    [0.01, 3, 0.9997348349413444],
    [25, 10, 0.005345505487134069],
  ],
};

function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), Number.MIN_VALUE));
}

describe("distributions agree with scipy to 1e-9 (relative)", () => {
  it.each(scipy.tCdf)("t.cdf(%d, dof %d)", (x, dof, expected) => expectRelativelyClose(computeTCdf(x, dof), expected));
  it.each(scipy.tQuantile)("t.ppf(%d, dof %d)", (p, dof, expected) =>
    expectRelativelyClose(computeTQuantile(p, dof), expected),
  );
  it.each(scipy.normalCdf)("norm.cdf(%d)", (x, expected) => expectRelativelyClose(computeNormalCdf(x), expected));
  it.each(scipy.normalPdf)("norm.pdf(%d)", (x, expected) => expectRelativelyClose(computeNormalPdf(x), expected));
  it.each(scipy.normalQuantile)("norm.ppf(%d), lower tail included", (p, expected) => {
    if (expected === 0) expect(computeNormalQuantile(p)).toBe(0);
    else expectRelativelyClose(computeNormalQuantile(p), expected);
  });
  it.each(scipy.chiSquareSurvival)("chi2.sf(%d, k %d), tiny tails included", (x, k, expected) =>
    expectRelativelyClose(computeChiSquareSurvival(x, k), expected),
  );
});
