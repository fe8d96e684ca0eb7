// The Functions app's entry point (package.json "main"): importing each trigger registers it.
import './messages';
import './importPeople';
import './milestoneReminders';
import './followUpNudges';
import './weeklyDigest';
import './peopleSync';
