// What an operator is told about: one action group (e-mail) and the alerts that mean Moments is
// failing people. Log alerts read the app's own log lines in Application Insights (each trace's
// message is the line's message and its custom dimensions the line's fields, exported by
// functions/telemetry/); metric alerts read Cosmos DB's platform metrics.
import { tagsType } from '../types.bicep'

@description('Required. Prefix of every alert and action group name (e.g. the resource base name).')
param namePrefix string

@description('Optional. Azure region of the log alerts (metric alerts and the action group are global).')
param location string = resourceGroup().location

@description('Optional. Tags of every alert and the action group.')
param tags tagsType = {}

@description('Optional. E-mail address the alerts go to. Empty: the alerts fire and show in the Azure portal, and nobody is e-mailed.')
param alertEmail string = ''

@description('Required. Resource ID of the Application Insights component the app logs to.')
param appInsightsResourceId string

@description('Required. Resource ID of the Cosmos DB account.')
param cosmosResourceId string

@description('Optional. Failed function invocations within 15 minutes above which the failure alert fires.')
@minValue(0)
param functionFailureThreshold int = 2

@description('Optional. Teams Bot Connector answers 429 or 5xx within 15 minutes above which the throttling alert fires (each failed attempt counts, retried or not).')
@minValue(0)
param teamsThrottleThreshold int = 20

@description('Optional. Cosmos DB requests answered 429 within 15 minutes above which the throttling alert fires.')
@minValue(0)
param cosmosThrottleThreshold int = 10

@description('Optional. Highest normalized RU consumption (percent of what a partition can serve) above which the RU alert fires.')
@minValue(1)
@maxValue(100)
param cosmosRuPercentThreshold int = 80

// The timer jobs (functions/timerRun.ts logs "<label> job ran" with the field job when one
// completes): hourly, and the calendar briefs every five minutes. The daily people sync is left
// out: two hours without it is normal.
var hourlyJobs = ['milestones', 'followups', 'digest', 'nudges', 'briefs']

// The lines bot/teams/messenger.ts logs for a failed proactive send attempt, with the HTTP status.
var sendFailureMessages = ['proactive send will be retried', 'proactive send failed permanently', 'proactive send gave up']

var queries = {
  functionFailures: 'requests\n| where success == false\n| project timestamp, operation_Name, resultCode, invocationId = tostring(customDimensions.InvocationId)'
  teamsThrottling: 'traces\n| where message in (${join(map(sendFailureMessages, m => '\'${m}\''), ', ')})\n| extend status = toint(customDimensions.status)\n| where status == 429 or status between (500 .. 599)\n| project timestamp, message, status, tenantId = tostring(customDimensions.tenantId), reason = tostring(customDimensions.reason)'
  jobOverdue: 'let hourlyJobs = dynamic([${join(map(hourlyJobs, j => '\'${j}\''), ', ')}]);\nlet completed = traces\n| where message endswith \' job ran\'\n| extend job = tostring(customDimensions.job)\n| distinct job;\nprint job = hourlyJobs\n| mv-expand job to typeof(string)\n| join kind=leftanti completed on job'
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'Moments'
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operator'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

var logAlerts = [
  {
    name: 'function-failures'
    description: 'Function invocations failed (the bot endpoint, a timer or the import): see requests where success == false.'
    severity: 1
    query: queries.functionFailures
    windowSize: 'PT15M'
    threshold: functionFailureThreshold
  }
  {
    name: 'teams-throttling'
    description: 'Teams answered proactive sends with 429 (throttled) or 5xx more often than usual: deliveries slow down and some may be retried next hour.'
    severity: 2
    query: queries.teamsThrottling
    windowSize: 'PT15M'
    threshold: teamsThrottleThreshold
  }
  {
    name: 'job-overdue'
    description: 'An hourly job (milestones, follow-ups, digest) has not completed for two hours: reminders and digests are not going out.'
    severity: 1
    query: queries.jobOverdue
    windowSize: 'PT2H'
    threshold: 0
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for alert in logAlerts: {
    name: 'alert-${namePrefix}-${alert.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'Moments: ${alert.name}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [appInsightsResourceId]
      evaluationFrequency: 'PT15M'
      windowSize: alert.windowSize
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [actionGroup.id]
      }
    }
  }
]

var metricAlerts = [
  {
    name: 'cosmos-throttling'
    description: 'Cosmos DB answered requests with 429 (too many requests): the SDK retries them, but jobs and turns slow down.'
    severity: 2
    criterion: {
      criterionType: 'StaticThresholdCriterion'
      name: 'throttled'
      metricNamespace: 'Microsoft.DocumentDB/databaseAccounts'
      metricName: 'TotalRequests'
      dimensions: [
        {
          name: 'StatusCode'
          operator: 'Include'
          values: ['429']
        }
      ]
      operator: 'GreaterThan'
      threshold: cosmosThrottleThreshold
      timeAggregation: 'Count'
    }
  }
  {
    name: 'cosmos-ru-near-limit'
    description: 'A Cosmos DB partition is using most of the request units it can serve (for a serverless account, near its per-partition limit).'
    severity: 2
    criterion: {
      criterionType: 'StaticThresholdCriterion'
      name: 'normalizedRu'
      metricNamespace: 'Microsoft.DocumentDB/databaseAccounts'
      metricName: 'NormalizedRUConsumption'
      dimensions: []
      operator: 'GreaterThan'
      threshold: cosmosRuPercentThreshold
      timeAggregation: 'Maximum'
    }
  }
]

resource metricAlertRules 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for alert in metricAlerts: {
    name: 'alert-${namePrefix}-${alert.name}'
    location: 'global'
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [cosmosResourceId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [alert.criterion]
      }
      autoMitigate: true
      actions: [
        {
          actionGroupId: actionGroup.id
        }
      ]
    }
  }
]

@description('Required. Resource ID of the action group the alerts notify.')
output actionGroupResourceId string = actionGroup.id

@description('Required. Names of the alert rules created.')
output alertNames string[] = [
  ...map(logAlerts, alert => 'alert-${namePrefix}-${alert.name}')
  ...map(metricAlerts, alert => 'alert-${namePrefix}-${alert.name}')
]
