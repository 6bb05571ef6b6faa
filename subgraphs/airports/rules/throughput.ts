import { badUserInput } from '../../kit';
import { Interval } from '../entities/throughput';

/**
 * The most periods one `cargoThroughput` call may span: a year of days, five years of weeks, ten
 * years of months. A request's cost must not grow without bound with its arguments.
 */
export const MAX_PERIODS: Record<Interval, number> = {
  [Interval.DAY]: 366,
  [Interval.WEEK]: 261,
  [Interval.MONTH]: 120,
};

const DAY_MS = 86_400_000;

function utcDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** How many DAY / WEEK (ISO, Monday-based) / MONTH periods the local dates `from`..`to` touch. */
export function periodsSpanned(from: string, to: string, interval: Interval): number {
  switch (interval) {
    case Interval.DAY:
      return utcDay(to) - utcDay(from) + 1;
    case Interval.WEEK: {
      // 1970-01-01 was a Thursday: day n's Monday is n - ((n + 3) mod 7).
      const monday = (d: number) => d - ((((d + 3) % 7) + 7) % 7);
      return (monday(utcDay(to)) - monday(utcDay(from))) / 7 + 1;
    }
    case Interval.MONTH: {
      const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
      return months(to) - months(from) + 1;
    }
  }
}

/** Throws BAD_USER_INPUT naming the argument when the range is reversed or too long. */
export function assertThroughputRange(from: string, to: string, interval: Interval): void {
  if (from > to) {
    throw badUserInput(`\`to\` (${to}) is before \`from\` (${from}): the range is empty`, 'to');
  }
  const periods = periodsSpanned(from, to, interval);
  const max = MAX_PERIODS[interval];
  if (periods > max) {
    throw badUserInput(
      `${from} to ${to} spans ${periods} periods of ${interval}; at most ${max} are allowed: ` +
        `shorten the range or use a longer interval`,
      'to',
    );
  }
}
