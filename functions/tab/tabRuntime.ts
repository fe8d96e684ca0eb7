import type { JobsRuntime } from '../composition';

/**
 * What the tab's API runs on: the stores and settings of the jobs' runtime, never the bot (its
 * modules do not load for the tab).
 */
export type TabRuntime = Pick<
  JobsRuntime,
  'config' | 'logger' | 'stores' | 'conversations' | 'now' | 'cosmos' | 'reachRoll'
>;
