// Log Analytics workspace and workspace-based Application Insights. Local (instrumentation key)
// auth is disabled: telemetry is accepted only with an Entra token of an identity that holds
// Monitoring Metrics Publisher, which the Function App's identity gets here.
import { tagsType } from '../types.bicep'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param appInsightsName string

@description('Optional. Azure region of both resources.')
param location string = resourceGroup().location

@description('Optional. Tags of both resources.')
param tags tagsType = {}

@description('Optional. Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Required. Principal (object) ID of the managed identity that publishes telemetry.')
param principalId string

var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Required. Resource ID of the Application Insights component.')
output appInsightsResourceId string = appInsights.id

@description('Required. Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Required. Connection string of Application Insights. Not a secret here: with DisableLocalAuth the instrumentation key in it cannot ingest without an Entra token.')
output connectionString string = appInsights.properties.ConnectionString

@description('Required. Resource ID of the Log Analytics workspace.')
output logAnalyticsResourceId string = workspace.id
