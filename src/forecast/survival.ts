// Kaplan–Meier survival of trajectory durations: ended trajectories are events, running ones are censored (still in care
// at their current duration), and the restricted mean duration is the area under the curve.

/** One trajectory: its duration so far (e.g. in months) and whether it has ended. */
export interface Observation {
  duration: number;
  ended: boolean;
}

/** The survival curve as steps: from `time` on (until the next step) a share `survival` is still in care. */
export interface SurvivalStep {
  time: number;
  atRisk: number;
  ended: number;
  survival: number;
}

/**
 * Kaplan–Meier: at each time with endings, S ← S × (1 − ended / at risk). At risk at t are all with duration ≥ t, so a
 * trajectory censored at t still counts as at risk at t (the usual convention: censoring after the endings).
 */
export function kaplanMeier(observations: readonly Observation[]): SurvivalStep[] {
  for (const o of observations) if (!(o.duration >= 0)) throw new RangeError(`Duur moet 0 of meer zijn: ${o.duration}`);
  const sorted = [...observations].sort((a, b) => a.duration - b.duration);
  const steps: SurvivalStep[] = [];
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i]!.duration;
    const atRisk = sorted.length - i;
    let ended = 0;
    for (; i < sorted.length && sorted[i]!.duration === time; i++) if (sorted[i]!.ended) ended++;
    if (ended === 0) continue;
    survival *= 1 - ended / atRisk;
    steps.push({ time, atRisk, ended, survival });
  }
  return steps;
}

/** S(t): the share still in care after duration t (steps take effect at their time: S(step.time) is the new value). */
export function survivalAt(steps: readonly SurvivalStep[], t: number): number {
  let s = 1;
  for (const step of steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
}

/**
 * Restricted mean duration up to `horizon`: ∫₀^horizon S(t) dt. Equal to the mean duration when the curve reaches 0
 * before the horizon; with running trajectories past the last ending it is a lower bound, which is why it is restricted.
 */
export function restrictedMean(steps: readonly SurvivalStep[], horizon: number): number {
  let area = 0;
  let from = 0;
  let s = 1;
  for (const step of steps) {
    if (step.time >= horizon) break;
    area += (step.time - from) * s;
    from = step.time;
    s = step.survival;
  }
  return area + (horizon - from) * s;
}
