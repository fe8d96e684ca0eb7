// Flex Consumption plan and the Function App that hosts the bot (/api/messages), the Moments tab
// (/tab/) and the hourly timers. Runs as the user-assigned identity; every connection is
// identity-based, so the app settings hold no key, password or connection secret.
import { functionScaleType, logLevelType, tagsType } from '../types.bicep'

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Name of the Function App (globally unique: it is the host name).')
param name string

@description('Optional. Azure region of the plan and the app (one where Flex Consumption is offered).')
param location string = resourceGroup().location

@description('Optional. Tags of the plan and the app.')
param tags tagsType = {}

@description('Required. Resource ID of the user-assigned managed identity the app runs as.')
param identityResourceId string

@description('Required. Client ID of that identity (BOT_ID, AZURE_CLIENT_ID, AzureWebJobsStorage__clientId).')
param identityClientId string

@description('Required. Name of the storage account for AzureWebJobsStorage.')
param storageAccountName string

@description('Required. URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('Required. Application Insights connection string.')
param appInsightsConnectionString string

@description('Required. Cosmos DB account endpoint.')
param cosmosEndpoint string

@description('Required. Cosmos DB database name.')
param cosmosDatabase string

@description('Optional. Time zone the app uses for people without one (IANA name). Flex has no WEBSITE_TIME_ZONE: timers run on UTC.')
param defaultTimeZone string = 'UTC'

@description('Optional. LOG_LEVEL of the app.')
param logLevel logLevelType = 'info'

@description('Optional. MOMENTS_ADMINS of the app: e-mail addresses / UPNs or Entra object ids, comma-separated, of the people who are admins of their tenant for as long as they are named.')
param momentsAdmins string = ''

@description('Optional. TEAMS_APP_CATALOG_ID of the app: its Teams app catalog id, for installing Moments for people through Graph. Empty: none.')
param teamsAppCatalogId string = ''

@description('Optional. GRAPH_SYNC of the app: \'true\' turns the daily people sync from Microsoft Graph on (needs User.Read.All); empty or \'false\': off.')
@allowed(['', 'true', 'false'])
param graphSync string = ''

@description('Optional. CALENDAR_BRIEFS of the app: \'graph\' reads managers\' calendars for calendar briefs from Microsoft Graph (needs Calendars.ReadBasic); empty or \'off\': off.')
@allowed(['', 'graph', 'off'])
param calendarBriefs string = ''

@description('Optional. GRAPH_BASE_URL of the app: the Microsoft Graph endpoint of a national cloud. Empty: https://graph.microsoft.com/v1.0.')
param graphBaseUrl string = ''

@description('Optional. TAB_CLIENT_ID of the app: the client id of the tab\'s Entra app, the audience of the tokens the tab API accepts. Empty: the tab signs no one in.')
param tabClientId string = ''

@description('Optional. Instances kept warm for the HTTP triggers (the bot endpoint), so a message never waits for a cold start; each is billed while idle (see the README).')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 0

@description('Optional. Scale-out limit and instance memory.')
param scale functionScaleType = {
  maximumInstanceCount: 40
  instanceMemoryMB: 2048
}

// Every setting the app reads; the names are the app's config variable names.
var appSettings = {
  // Host storage, identity-based: no AzureWebJobsStorage connection string exists.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // Telemetry, Entra-authenticated (App Insights has local auth disabled).
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Bot Framework auth through the managed identity: no BOT_PASSWORD.
  BOT_ID: identityClientId
  BOT_TYPE: 'UserAssignedMSI'
  BOT_TENANT_ID: tenant().tenantId
  // Cosmos DB through Entra (DefaultAzureCredential picks the identity by AZURE_CLIENT_ID).
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabase
  AZURE_CLIENT_ID: identityClientId
  // DefaultAzureCredential tries the managed identity only: in Azure it never falls back to
  // whatever developer sign-in (Azure CLI, VS Code) could exist on the machine.
  AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential'
  LOG_LEVEL: logLevel
  DEFAULT_TIME_ZONE: defaultTimeZone
  MOMENTS_ADMINS: momentsAdmins
  TEAMS_APP_CATALOG_ID: teamsAppCatalogId
  GRAPH_SYNC: graphSync
  CALENDAR_BRIEFS: calendarBriefs
  GRAPH_BASE_URL: graphBaseUrl
  // The Moments tab (served by this app under /tab/): its Entra app, whose tokens its API accepts.
  TAB_CLIENT_ID: tabClientId
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [for setting in items(appSettings): { name: setting.key, value: setting.value }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: scale.maximumInstanceCount
        instanceMemoryMB: scale.instanceMemoryMB
        // 'http' is the group of every HTTP trigger: /api/messages and the import endpoint.
        alwaysReady: alwaysReadyHttpInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyHttpInstances }] : []
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }

  // No publishing with user names and passwords: deployments authenticate with Entra
  // (az functionapp deployment source config-zip uses the signed-in account's token).
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('Required. Name of the Function App.')
output name string = site.name

@description('Required. Resource ID of the Function App.')
output resourceId string = site.id

@description('Required. Default host name of the Function App (no scheme).')
output defaultHostName string = site.properties.defaultHostName

@description('Required. Resource ID of the Flex Consumption plan.')
output planResourceId string = plan.id
