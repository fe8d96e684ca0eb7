// Storage account for the Functions host (AzureWebJobsStorage: timer leases, host keys) and the
// Flex Consumption deployment package. Keyless: shared-key access is off, so only Entra
// identities with data roles reach it.
import { tagsType } from '../types.bicep'

@description('Required. Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Azure region of the storage account.')
param location string = resourceGroup().location

@description('Optional. Tags of the storage account.')
param tags tagsType = {}

@description('Optional. Blob container that holds the Function App deployment package.')
param deploymentContainerName string = 'app-package'

@description('Required. Principal (object) ID of the managed identity that gets the data roles.')
param principalId string

@description('Optional. Replication of the account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param skuName string = 'Standard_LRS'

// Built-in role definitions (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
// Storage Blob Data Owner is all the host needs: timer schedules and leases, host keys and the
// deployment package are blobs. Moments has no queue or blob trigger and no Durable Functions, so
// no queue or table role is granted.
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roleIds): {
    name: guid(storage.id, principalId, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

@description('Required. Name of the storage account.')
output name string = storage.name

@description('Required. Resource ID of the storage account.')
output resourceId string = storage.id

@description('Required. URL of the deployment package container (blob endpoint + container name).')
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
