// Medians and the bootstrap confidence interval of a median, with a seeded generator so that
// the same samples always give the same interval.

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const summary = (xs) => ({median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs});

/** mulberry32: small, fast, good enough to resample with; seeded for reproducible intervals. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile bootstrap interval of the median of `xs`: resample `xs` with replacement
 * `resamples` times, take each resample's median, and return the (1 - level) / 2 and
 * (1 + level) / 2 quantiles of those medians. With few samples the median can only take a
 * few values, so the interval is coarse; it says so by being wide.
 */
export function bootstrapMedianCI(xs, {level = 0.95, resamples = 10_000, seed = 1} = {}) {
  if (xs.length < 2) return {low: NaN, high: NaN, level, resamples};
  const random = generator(seed);
  const medians = new Float64Array(resamples);
  const sample = new Array(xs.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < xs.length; i++) sample[i] = xs[Math.floor(random() * xs.length)];
    medians[r] = median(sample);
  }
  medians.sort();
  const at = (q) => medians[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return {low: at((1 - level) / 2), high: at((1 + level) / 2), level, resamples};
}

/**
 * The paired ratios ours[i] / native[i] (loads of the same round), their median and its 95%
 * bootstrap interval, and the verdict against `target` (a ratio that must not be exceeded):
 * `met` by the median, and `sure` when the whole interval lies on the same side as the median.
 */
export function pairedRatio(ours, native, target) {
  const ratios = ours.map((o, i) => o / native[i]).filter((r) => Number.isFinite(r));
  const m = median(ratios);
  const ci = bootstrapMedianCI(ratios);
  const out = {median: m, low: ci.low, high: ci.high, n: ratios.length, ratios};
  if (target !== undefined) {
    out.target = target;
    out.met = m <= target;
    out.sure = out.met ? ci.high <= target : ci.low > target;
  }
  return out;
}
