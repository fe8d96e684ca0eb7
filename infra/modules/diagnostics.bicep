// Diagnostic settings: the Function App's, Cosmos DB's and the Azure Bot's platform logs and
// metrics go to the Log Analytics workspace, next to the app's own telemetry, so one workspace
// answers "what happened" (KQL in the README's operations section).

@description('Required. Resource ID of the Log Analytics workspace the logs go to.')
param logAnalyticsResourceId string

@description('Required. Name of the Function App.')
param functionAppName string

@description('Required. Name of the Cosmos DB account.')
param cosmosAccountName string

@description('Required. Name of the Azure Bot.')
param botName string

var settingName = 'to-log-analytics'

// Why each diagnostic setting below disables use-recent-api-versions: 2021-05-01-preview is the
// newest version of the resource-scoped Microsoft.Insights/diagnosticSettings. The only GA version
// the linter offers, 2016-09-01, is a different, older shape (one fixed name 'service', no category
// groups, no resource-specific tables) and does not describe this resource.
var allMetrics = [
  {
    category: 'AllMetrics'
    enabled: true
  }
]

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
  name: cosmosAccountName
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' existing = {
  name: botName
}

#disable-next-line use-recent-api-versions
resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: site
  properties: {
    workspaceId: logAnalyticsResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: allMetrics
  }
}

// Cosmos DB into resource-specific tables (CDBDataPlaneRequests, CDBPartitionKeyRUConsumption, …),
// which are cheaper to query than AzureDiagnostics and carry the status code of every request.
#disable-next-line use-recent-api-versions
resource cosmosDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: account
  properties: {
    workspaceId: logAnalyticsResourceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      for category in ['DataPlaneRequests', 'QueryRuntimeStatistics', 'PartitionKeyRUConsumption', 'ControlPlaneRequests']: {
        category: category
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Requests'
        enabled: true
      }
    ]
  }
}

#disable-next-line use-recent-api-versions
resource botDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: settingName
  scope: bot
  properties: {
    workspaceId: logAnalyticsResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: allMetrics
  }
}
