import type {
  ConversationRecord,
  Unreachable,
  SendResult,
  HourlyJobReport,
  HourlyJobDeps,
  JobSendOutcome,
} from '../delivery';
import type { NoteStore } from '../notes';
import type { PeopleDirectory } from '../people';
import type { RecognitionStore } from '../kudos';
import type { MilestoneCandidates } from './candidates';
import type { ReminderContent } from './reminderContent';
import type { SnoozeStore } from './snoozes';
import type { Milestone } from './types';
import type { Reader } from './reader';

/** The job's name in the job-run records. */
export const MILESTONE_JOB = 'milestones';

/** What a celebration on the day says. */
export interface CelebrationContent {
  milestone: Milestone;
  /**
   * Whom it is worded for: the person whose day it is for their personal message; the tenant's
   * language for a post in a team channel, which many read.
   */
  reader: Reader;
}

/** The outbound side of the job: renders and sends; implemented at the Teams edge. */
export interface MilestoneNotifier {
  remind(conversation: ConversationRecord, content: ReminderContent): Promise<SendResult>;
  /** The post in a team's recognition channel. */
  celebrate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult>;
  /** The personal message to the person whose day it is. */
  congratulate(conversation: ConversationRecord, content: CelebrationContent): Promise<SendResult>;
}

/** Everything the job reads and writes. */
export interface MilestoneJobDeps extends HourlyJobDeps {
  candidates: MilestoneCandidates;
  people: PeopleDirectory;
  snoozes: SnoozeStore;
  recognitions: RecognitionStore;
  /** The manager's private notes, shown on their reminders. */
  notes: NoteStore;
  notifier: MilestoneNotifier;
  /** Sends in flight at once; the messenger keeps to Teams' limits whatever this is. */
  concurrency?: number;
}

/** One line of the job's report. */
export interface JobSend {
  tenantId: string;
  deliveryId: string;
  kind: 'reminder' | 'celebration' | 'congratulation';
  milestone: string;
  personName: string;
  to: string;
  outcome: JobSendOutcome;
  /** Why, when the outcome is `unreachable`. */
  unreachable?: Unreachable;
}

/** What a run did, per send. */
export type MilestoneJobReport = HourlyJobReport<JobSend>;
