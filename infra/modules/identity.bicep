// User-assigned managed identity: the Function App runs as it (Storage, Cosmos DB, App Insights)
// and the Azure Bot is registered with it (msaAppType UserAssignedMSI), so no secret exists.
import { tagsType } from '../types.bicep'

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Optional. Azure region of the identity.')
param location string = resourceGroup().location

@description('Optional. Tags of the identity.')
param tags tagsType = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Required. Resource ID of the identity.')
output resourceId string = identity.id

@description('Required. Name of the identity.')
output name string = identity.name

@description('Required. Client (application) ID of the identity: the bot\'s app ID and AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId

@description('Required. Object (principal) ID of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('Required. Entra tenant of the identity.')
output tenantId string = identity.properties.tenantId
