/**
 * JSON with every object's keys in code-point order and undefined fields left out (as
 * `JSON.stringify` leaves them out anyway), so that two values that mean the same compare equal as
 * strings whatever order their keys were written in.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(
          Object.entries(field as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : field,
  );
}
