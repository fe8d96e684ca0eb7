// The Functions app's entry point (package.json "main"): importing each trigger registers it.
import { loadHostConfig } from './host';
import './messages';
import './importPeople';
import './milestoneReminders';
import './followUpNudges';
import './weeklyDigest';
import './peopleSync';
import './calendarBriefs';

// The settings are checked as the host loads the app: a bad one stops the start, naming it.
loadHostConfig();
