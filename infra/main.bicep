// Moments on Azure: one Function App (Flex Consumption, Node 20) hosts the bot's /api/messages,
// the Moments tab (/tab/ and its API) and the hourly timers; Cosmos DB for NoSQL holds the data;
// an Azure Bot connects it to Teams. The tab's Entra app is not an Azure resource: teamsapp.yml
// creates it (aadApp/create) and passes its client id in as tabClientId.
// Keyless throughout: one user-assigned managed identity is the app's and the bot's identity,
// with data-plane roles on Storage, Cosmos DB and Application Insights. No key, password or
// connection secret is created, stored or output.
//
// Deploy: `teamsapp provision --env dev` (arm/deploy in teamsapp.yml), or
//   az deployment group create -g <rg> -f infra/main.bicep -p resourceBaseName=moments<suffix>
import { botSkuType, cosmosThroughputType, functionScaleType, logLevelType, tagsType } from 'types.bicep'

targetScope = 'resourceGroup'

@description('Required. Base of every resource name, lowercase letters and digits (e.g. moments + a short random suffix); names built from it must be globally unique.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Optional. Teams Toolkit environment (TEAMSFX_ENV: dev, prod, …). It names the nested deployments, so two environments can share a resource group, and sets the production defaults (an always-ready instance, a delete lock).')
@minLength(1)
@maxLength(16)
param environmentName string = 'dev'

@description('Optional. Azure region of the resources (one where Flex Consumption is offered).')
param location string = resourceGroup().location

@description('Optional. Regions that offer Flex Consumption (az functionapp list-flexconsumption-locations). Deploying anywhere else stops before anything is created.')
param flexConsumptionRegions string[] = [
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'switzerlandnorth'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
]

@description('Optional. Tags of every resource.')
param tags tagsType = {}

@description('Optional. Display name of the Azure Bot.')
param botDisplayName string = 'Moments'

@description('Optional. Pricing tier of the Azure Bot.')
param botSku botSkuType = 'F0'

@description('Optional. Cosmos DB throughput: serverless by default, or autoscale on the database.')
param cosmosThroughput cosmosThroughputType = {
  mode: 'Serverless'
}

@description('Optional. Scale-out limit and instance memory of the Function App.')
param functionScale functionScaleType = {
  maximumInstanceCount: 40
  instanceMemoryMB: 2048
}

@description('Optional. DEFAULT_TIME_ZONE of the app (IANA name), for people without a time zone. Timers themselves run on UTC.')
param defaultTimeZone string = 'UTC'

@description('Optional. LOG_LEVEL of the app.')
param logLevel logLevelType = 'info'

@description('Optional. MOMENTS_ADMINS of the app: e-mail addresses / UPNs or Entra object ids, comma-separated, of the people who are Moments admins of their tenant for as long as they are named (how an organisation makes its first admin). Empty: admins are only those added with the jobs CLI or in Teams.')
param momentsAdmins string = ''

@description('Optional. TEAMS_APP_CATALOG_ID of the app: its id in the organisation\'s Teams app catalog. With it and the tenant setting installForEveryone, the people sync installs Moments for people (needs the Graph application permission TeamsAppInstallation.ReadWriteSelfForUser.All). Empty: Moments installs for nobody.')
param teamsAppCatalogId string = ''

@description('Optional. GRAPH_SYNC of the app: \'true\' turns the daily people sync from Microsoft Graph on (needs the Graph application permission User.Read.All). Empty or \'false\': off.')
@allowed(['', 'true', 'false'])
param graphSync string = ''

@description('Optional. CALENDAR_BRIEFS of the app: \'graph\' lets the calendar briefs job read opted-in managers\' calendars from Microsoft Graph (needs the Graph application permission Calendars.ReadBasic, scoped to managers\' mailboxes). Empty or \'off\': off.')
@allowed(['', 'graph', 'off'])
param calendarBriefs string = ''

@description('Optional. GRAPH_BASE_URL of the app: the Microsoft Graph endpoint of a national cloud. Empty: https://graph.microsoft.com/v1.0.')
param graphBaseUrl string = ''

@description('Optional. TAB_CLIENT_ID of the app: the client id of the Entra app the Moments tab signs people in with (aadApp/create in teamsapp.yml, AAD_APP_CLIENT_ID), the audience of the tokens the tab API accepts. Empty: the tab cannot sign anyone in.')
param tabClientId string = ''

@description('Optional. Always-ready instances for the HTTP triggers (the bot endpoint): a message never waits for a cold start. Default 1 in prod, 0 elsewhere; each instance is billed while idle (README, Operations).')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = environmentName == 'prod' ? 1 : 0

@description('Optional. CanNotDelete lock on the Cosmos DB account. Default on in prod.')
param cosmosDeleteLock bool = environmentName == 'prod'

@description('Optional. E-mail address the alerts go to (ALERT_EMAIL in env/.env.<env>). Empty: alerts show in the Azure portal only.')
param alertEmail string = ''

@description('Optional. Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var baseName = toLower(resourceBaseName)

// Every module takes its region from here, so an unsupported region fails the deployment before
// anything is created, rather than half way, at the Function App plan.
var checkedLocation = contains(flexConsumptionRegions, toLower(replace(location, ' ', '')))
  ? location
  : fail('Moments runs on Azure Functions Flex Consumption, which is not offered in "${location}". Choose a resource group in one of: ${join(flexConsumptionRegions, ', ')} (az functionapp list-flexconsumption-locations), or add the region to flexConsumptionRegions if it is new.')

// Nested deployment names carry the environment, so two environments provisioned into one
// resource group never overwrite each other's deployment records.
var deploymentPrefix = 'moments-${toLower(environmentName)}'
var names = {
  identity: 'id-${baseName}'
  // Storage names allow only lowercase letters and digits, 3-24 of them; the resource group's
  // hash fills up what the base name leaves, so the name stays valid and unique.
  storage: take('st${replace(replace(baseName, '-', ''), '_', '')}${uniqueString(resourceGroup().id)}', 24)
  logAnalytics: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  cosmos: 'cosmos-${baseName}'
  plan: 'plan-${baseName}'
  functionApp: 'func-${baseName}'
  bot: 'bot-${baseName}'
}

module identity 'modules/identity.bicep' = {
  name: '${deploymentPrefix}-identity'
  params: {
    name: names.identity
    location: checkedLocation
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: '${deploymentPrefix}-storage'
  params: {
    name: names.storage
    location: checkedLocation
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: '${deploymentPrefix}-monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: checkedLocation
    tags: tags
    retentionInDays: logRetentionInDays
    principalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: '${deploymentPrefix}-cosmos'
  params: {
    name: names.cosmos
    location: checkedLocation
    tags: tags
    throughput: cosmosThroughput
    principalId: identity.outputs.principalId
    deleteLock: cosmosDeleteLock
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: '${deploymentPrefix}-functionApp'
  params: {
    planName: names.plan
    name: names.functionApp
    location: checkedLocation
    tags: tags
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    defaultTimeZone: defaultTimeZone
    logLevel: logLevel
    momentsAdmins: momentsAdmins
    teamsAppCatalogId: teamsAppCatalogId
    graphSync: graphSync
    calendarBriefs: calendarBriefs
    graphBaseUrl: graphBaseUrl
    tabClientId: tabClientId
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    scale: functionScale
  }
}

var botDomain = functionApp.outputs.defaultHostName
var botEndpoint = 'https://${botDomain}'

module bot 'modules/bot.bicep' = {
  name: '${deploymentPrefix}-bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    sku: botSku
    endpoint: '${botEndpoint}/api/messages'
    msaAppId: identity.outputs.clientId
    msaAppMSIResourceId: identity.outputs.resourceId
    msaAppTenantId: tenant().tenantId
    tags: tags
  }
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: '${deploymentPrefix}-diagnostics'
  params: {
    logAnalyticsResourceId: monitoring.outputs.logAnalyticsResourceId
    functionAppName: functionApp.outputs.name
    cosmosAccountName: cosmos.outputs.name
    botName: bot.outputs.name
  }
}

module alerts 'modules/alerts.bicep' = {
  name: '${deploymentPrefix}-alerts'
  params: {
    namePrefix: baseName
    location: checkedLocation
    tags: tags
    alertEmail: alertEmail
    appInsightsResourceId: monitoring.outputs.appInsightsResourceId
    cosmosResourceId: cosmos.outputs.resourceId
  }
}

// Outputs become variables in env/.env.<env> (Teams Toolkit arm/deploy). None is a secret.

@description('Required. The bot\'s app ID: the managed identity\'s client ID (BOT_ID in the Teams app manifest).')
output BOT_ID string = identity.outputs.clientId

@description('Required. Entra tenant of the bot\'s identity.')
output BOT_TENANT_ID string = tenant().tenantId

@description('Required. Host name of the bot (the Function App), for the manifest\'s validDomains.')
output BOT_DOMAIN string = botDomain

@description('Required. https://<BOT_DOMAIN>; the Azure Bot\'s messaging endpoint is this + /api/messages.')
output BOT_ENDPOINT string = botEndpoint

@description('Required. Name of the Function App (deploy target).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Required. Resource ID of the Function App.')
output AZURE_FUNCTION_APP_RESOURCE_ID string = functionApp.outputs.resourceId

@description('Required. Cosmos DB account endpoint.')
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint

@description('Required. Cosmos DB database name.')
output COSMOS_DATABASE string = cosmos.outputs.databaseName

@description('Required. Client ID of the managed identity (what DefaultAzureCredential uses in Azure).')
output AZURE_CLIENT_ID string = identity.outputs.clientId
