/** The history's entity id of a flight: `NUMBER/DATE`, e.g. `CA931/2026-11-27`. */
export function flightHistoryId(number: string, date: string): string {
  return `${number}/${date}`;
}
