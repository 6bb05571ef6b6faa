/**
 * Dates relative to the day a test runs. A rule that compares with today (an approval's
 * validity, a qualification's start) must meet dates on the right side of today whenever the
 * suite runs, so tests build them from the clock instead of writing a calendar date down.
 */

const DAY_MS = 86_400_000;
/** Beijing is UTC+8 all year: validity dates are Beijing calendar days. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar date `days` days from today (negative: in the past), `YYYY-MM-DD`. */
export function beijingDate(days = 0): string {
  return new Date(Date.now() + BEIJING_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The start of the UTC hour `hours` hours from now (negative: ago), ISO 8601: a time to build a
 * scenario's timeline on, whole hours so that the hours between its steps come out exact.
 */
export function wholeHourFromNow(hours: number): string {
  const hour = Math.floor(Date.now() / 3_600_000) + hours;
  return new Date(hour * 3_600_000).toISOString();
}

/**
 * Runs `work` with today's Beijing date, and once more if the date changed meanwhile: a test
 * about "today" that straddles Beijing midnight still sees one day throughout. `work` returns
 * what the test then asserts (it must not assert itself, or the first run could fail).
 */
export async function onOneBeijingDay<T>(work: (today: string) => Promise<T>): Promise<T> {
  const today = beijingDate(0);
  const result = await work(today);
  return beijingDate(0) === today ? result : work(beijingDate(0));
}
