// Azure Bot registered with the user-assigned managed identity (msaAppType UserAssignedMSI: no
// app secret, single tenant), its messaging endpoint on the Function App, and the Teams channel.
import { botSkuType, tagsType } from '../types.bicep'

@description('Required. Name (handle) of the Azure Bot, globally unique.')
@minLength(2)
@maxLength(64)
param name string

@description('Optional. Display name of the bot.')
param displayName string = name

@description('Optional. Pricing tier of the bot.')
param sku botSkuType = 'F0'

@description('Required. Messaging endpoint, https://<function app host>/api/messages.')
param endpoint string

@description('Required. Client ID of the user-assigned managed identity the bot authenticates as.')
param msaAppId string

@description('Required. Resource ID of that identity.')
param msaAppMSIResourceId string

@description('Optional. Entra tenant of that identity.')
param msaAppTenantId string = tenant().tenantId

@description('Optional. Tags of the bot.')
param tags tagsType = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: msaAppTenantId
    msaAppMSIResourceId: msaAppMSIResourceId
    publicNetworkAccess: 'Enabled'
    // Entra authentication only: no channel secret keys exist to leak or rotate.
    disableLocalAuth: true
  }

  resource teamsChannel 'channels' = {
    name: 'MsTeamsChannel'
    location: 'global'
    properties: {
      channelName: 'MsTeamsChannel'
      properties: {
        isEnabled: true
      }
    }
  }
}

@description('Required. Name of the Azure Bot.')
output name string = bot.name

@description('Required. Resource ID of the Azure Bot.')
output resourceId string = bot.id
