/** Who an event or a book is for, by age: the groups the programme and the search filter by. */

export const AUDIENCE_GROUPS = ['children', 'teens', 'adults'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];

const GROUP_AGES: Record<AudienceGroup, readonly [number, number]> = {
  children: [0, 12],
  teens: [13, 17],
  adults: [18, 120],
};

export interface Ages {
  readonly minAge?: number | undefined;
  readonly maxAge?: number | undefined;
}

/** Whether an age range (open ends: any age) overlaps a group's ages. */
export function agesFit(ages: Ages, group: AudienceGroup): boolean {
  const [from, to] = GROUP_AGES[group];
  return (ages.minAge ?? 0) <= to && (ages.maxAge ?? 120) >= from;
}

/** The groups an age range speaks to. */
export function groupsOf(ages: Ages): AudienceGroup[] {
  return AUDIENCE_GROUPS.filter((group) => agesFit(ages, group));
}

export function isAudienceGroup(value: unknown): value is AudienceGroup {
  return (AUDIENCE_GROUPS as readonly unknown[]).includes(value);
}
