/**
 * Six-field NCRONTAB schedules as Azure Functions timer triggers use them
 * (`second minute hour day month day-of-week`, evaluated in UTC), for the local scheduler.
 * Supports `*`, numbers, lists, ranges and steps; not names such as MON or JAN.
 */
export interface Schedule {
  source: string;
  fields: Array<Set<number>>;
}

const RANGES: Array<[number, number]> = [
  [0, 59], // second
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 6], // day of week, 0 = Sunday
];

/** Parses a schedule; throws naming the field that is wrong. */
export function parseSchedule(source: string): Schedule {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new Error(`Schedule "${source}" must have six fields (second minute hour day month day-of-week).`);
  }
  return {
    source,
    fields: parts.map((part, index) => parseField(part, RANGES[index] as [number, number], source)),
  };
}

function parseField(part: string, [min, max]: [number, number], source: string): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const match = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new Error(`Schedule "${source}": cannot read "${item}".`);
    const [, range = '*', stepText] = match;
    const step = stepText ? Number(stepText) : 1;
    const bounds = range === '*' ? [min, max] : range.split('-').map(Number);
    const from = bounds[0] ?? min;
    // `5/15` means "from 5, every 15"; a lone `5` means just 5.
    const to = bounds[1] ?? (range === '*' || stepText ? max : from);
    if (from < min || to > max || from > to || step < 1) {
      throw new Error(`Schedule "${source}": "${item}" is outside ${min}-${max}.`);
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** The first instant strictly after `after` that the schedule fires at. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const [seconds, minutes, hours, days, months, weekdays] = schedule.fields as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const candidate = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  // Walk forward field by field; bounded so a schedule that never fires (31 February) cannot hang.
  for (let guard = 0; guard < 500_000; guard++) {
    if (!months.has(candidate.getUTCMonth() + 1)) {
      candidate.setUTCMonth(candidate.getUTCMonth() + 1, 1);
      candidate.setUTCHours(0, 0, 0);
    } else if (!days.has(candidate.getUTCDate()) || !weekdays.has(candidate.getUTCDay())) {
      candidate.setUTCDate(candidate.getUTCDate() + 1);
      candidate.setUTCHours(0, 0, 0);
    } else if (!hours.has(candidate.getUTCHours())) {
      candidate.setUTCHours(candidate.getUTCHours() + 1, 0, 0);
    } else if (!minutes.has(candidate.getUTCMinutes())) {
      candidate.setUTCMinutes(candidate.getUTCMinutes() + 1, 0);
    } else if (!seconds.has(candidate.getUTCSeconds())) {
      candidate.setUTCSeconds(candidate.getUTCSeconds() + 1);
    } else {
      return candidate;
    }
  }
  throw new Error(`Schedule "${schedule.source}" never fires.`);
}
