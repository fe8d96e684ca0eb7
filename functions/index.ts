// The Functions app's entry point (package.json "main"): importing each trigger registers it.
import { app } from '@azure/functions';
import { hostExportsTelemetry, loadHostConfig, shutdownHostTelemetry } from './host';
import './messages';
import './importPeople';
import './milestoneReminders';
import './followUpNudges';
import './weeklyDigest';
import './weeklyNudges';
import './peopleSync';
import './calendarBriefs';
import './tabApi';
import './tabSite';

// The settings are checked as the host loads the app: a bad one stops the start, naming it.
loadHostConfig();

// When the app exports its own log lines (functions/telemetry/), this capability tells the host,
// which runs with "telemetryMode": "OpenTelemetry" (host.json), not to send the worker's logs
// again; without it the host sends them, as the invocation's log is then their path. As the
// worker stops gracefully, the lines still batched are sent.
if (hostExportsTelemetry()) {
  app.setup({ capabilities: { WorkerOpenTelemetryEnabled: true } });
  app.hook.appTerminate(() => shutdownHostTelemetry());
}
