// Cosmos DB for NoSQL: account, the database and every container, all read from
// functions/cosmos/containers.json, the one definition the app also reads at start. Keyless:
// local (key) auth is off; the app's identity gets the built-in Data Contributor data-plane role.
import { cosmosThroughputType, tagsType } from '../types.bicep'

@description('Required. Name of the Cosmos DB account (3-44 lowercase letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(44)
param name string

@description('Optional. Azure region of the account (its only region).')
param location string = resourceGroup().location

@description('Optional. Tags of the account.')
param tags tagsType = {}

@description('Optional. Serverless (default) or autoscale throughput on the database.')
param throughput cosmosThroughputType = {
  mode: 'Serverless'
}

@description('Required. Principal (object) ID of the managed identity that gets the Data Contributor role.')
param principalId string

@description('Optional. Put a CanNotDelete lock on the account, so that deleting it (or its resource group) fails until an owner removes the lock.')
param deleteLock bool = false

// The database name, containers, partition keys, indexing policies and TTLs.
var schema = loadJsonContent('../../functions/cosmos/containers.json')

var serverless = throughput.mode == 'Serverless'

// Cosmos DB Built-in Data Contributor (data plane: read and write items, read metadata).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
    // Point-in-time restore to any second of the last 7 days (the tier without extra charge);
    // the README says how to restore.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }
}

resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'do-not-delete-${name}'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every tenant\'s Moments data. Remove this lock (deleteLock=false) before deleting the account on purpose.'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: schema.database
  properties: {
    resource: {
      id: schema.database
    }
    options: throughput.mode == 'Autoscale' ? { autoscaleSettings: { maxThroughput: throughput.maxThroughput } } : {}
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [
  for container in schema.containers: {
    parent: database
    name: container.id
    properties: {
      resource: union(
        {
          id: container.id
          partitionKey: container.partitionKey
          indexingPolicy: container.indexingPolicy
        },
        // defaultTtl only where the definition sets one (null: items never expire).
        container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl }
      )
    }
  }
]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: account
  name: guid(account.id, principalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: principalId
    scope: account.id
  }
}

@description('Required. Name of the Cosmos DB account.')
output name string = account.name

@description('Required. Resource ID of the Cosmos DB account.')
output resourceId string = account.id

@description('Required. Endpoint of the account (COSMOS_ENDPOINT).')
output endpoint string = account.properties.documentEndpoint

@description('Required. Name of the database (COSMOS_DATABASE).')
output databaseName string = database.name

@description('Required. IDs of the containers created.')
output containerIds string[] = [for (container, i) in schema.containers: containers[i].name]
